"""`bitcheck sample` as a table, markdown, JSON, or an xlsx request list for providers."""

from __future__ import annotations

import io
import json

import openpyxl
from openpyxl.styles import Font

from bitcheck import i18n
from bitcheck.i18n_fields import header
from bitcheck.i18n_rules import DIRECTION_NAMES, NO_SUSPICION
from bitcheck.render.tables import markdown_table, render_terminal
from bitcheck.report.explain import day_text
from bitcheck.sample import SampleReport

REQUEST_HEADERS = [
    "Tilbud",
    "Borger (pseudonym)",
    "Sagsnr.",
    "Periode fra",
    "Periode til",
    "Sådan sendes døgnskemaet",
]
HOW_TO_RETURN = (
    "Udfyld døgnskemaet (bitcheck template time_log) for hele perioden, også nætter og weekender, "
    "og send det som .xlsx med sikker mail til sagsbehandleren."
)
CHOSEN_COLUMNS = ("case_id", "subject", "provider", "level", "reason")
STRATA_COLUMNS = ("provider", "level", "suspected_direction", "cases", "chosen")


def _rows(report: SampleReport, lang: str) -> list[list[object]]:
    return [
        [c.case_id, c.subject, c.provider, c.level or "-", c.reason_in(lang)] for c in report.chosen
    ]


def _suspected(direction: str, lang: str) -> str:
    """The direction's name in Danish; the code itself in English."""
    if lang != "da":
        return direction
    return DIRECTION_NAMES.get(direction, NO_SUSPICION)[lang]


def _strata_rows(report: SampleReport, lang: str) -> list[list[object]]:
    return [
        [s.provider, s.level or "-", _suspected(s.suspected_direction, lang), s.cases, s.chosen]
        for s in report.strata
    ]


def _headers(columns: tuple[str, ...], lang: str) -> list[str]:
    return [header(column, lang) for column in columns]


def _title(report: SampleReport, lang: str) -> str:
    as_of = day_text(report.as_of, lang)
    return i18n.message("sample-title", lang, seed=report.seed, n=report.n, as_of=as_of)


def render_sample(report: SampleReport, output_format: str, lang: str) -> str:
    if output_format == "json":
        return json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False)
    title = _title(report, lang)
    strata = (_headers(STRATA_COLUMNS, lang), _strata_rows(report, lang))
    chosen = (_headers(CHOSEN_COLUMNS, lang), _rows(report, lang))
    if output_format == "markdown":
        return "\n".join(
            [f"# {title}", "", markdown_table(*strata), "", markdown_table(*chosen), ""]
        )
    return render_terminal(
        [
            (f"{i18n.label('strata', lang)} ({title})", *strata),
            (i18n.label("chosen_cases", lang), *chosen),
        ]
    )


def request_workbook(report: SampleReport) -> bytes:
    """The request list to providers: who, for which citizen, for which period, how to return."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Anmodning"
    sheet.append(REQUEST_HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for c in sorted(report.chosen, key=lambda c: (c.provider, c.case_id)):
        sheet.append(
            [c.provider, c.subject, c.case_id, c.period_start, c.period_end, HOW_TO_RETURN]
        )
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text from the inputs is never a formula
                cell.quotePrefix = cell.value.startswith(("=", "+", "-", "@", "\t", "\r"))
        row[3].number_format = row[4].number_format = "dd-mm-yyyy"
    for column, width in zip("ABCDEF", (32, 18, 12, 12, 12, 90), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
