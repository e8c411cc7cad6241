"""`bitcheck sample` as a table, markdown, JSON, or an xlsx request list for providers."""

from __future__ import annotations

import io
from collections.abc import Sequence

import openpyxl
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from bitcheck import i18n
from bitcheck.i18n_fields import header
from bitcheck.i18n_rules import DIRECTION_NAMES, NO_SUSPICION
from bitcheck.render.tables import markdown_table, render_terminal
from bitcheck.report.explain import day_text
from bitcheck.report.timelog import report_json
from bitcheck.sample import SampleReport

REQUEST_WIDTHS = {  # the request list's columns and their widths
    "Tilbud": 32,
    "Borger (pseudonym)": 18,
    "Sagsnr.": 12,
    "Periode fra": 12,
    "Periode til": 12,
    "Sådan sendes døgnskemaet": 90,
}
REQUEST_HEADERS = list(REQUEST_WIDTHS)
CPR_HEADER = header("cpr", "da")
HOW_TO_RETURN = (
    "Udfyld det vedlagte døgnskema for hele perioden, også nætter og weekender, og send det "
    "som .xlsx med sikker mail til sagsbehandleren."
)
CHOSEN_COLUMNS = ("case_id", "subject", "provider", "level", "reason")
REVEALED_COLUMNS = ("case_id", "subject", "cpr", "provider", "level", "reason")
STRATA_COLUMNS = ("provider", "level", "suspected_direction", "cases", "chosen")


def _rows(report: SampleReport, lang: str, reveal_cpr: bool) -> list[list[object]]:
    return [
        [c.case_id, c.subject, *([c.cpr] if reveal_cpr else []), c.provider, c.level or "-",
         c.reason_in(lang)]
        for c in report.chosen
    ]  # fmt: skip


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


def render_sample(
    report: SampleReport, output_format: str, lang: str, *, reveal_cpr: bool = False
) -> str:
    """The sample in a format; a chosen case carries its CPR number only with `reveal_cpr`."""
    if output_format == "json":
        return report_json(report, reveal_cpr=reveal_cpr)
    title = _title(report, lang)
    strata = (_headers(STRATA_COLUMNS, lang), _strata_rows(report, lang))
    columns = REVEALED_COLUMNS if reveal_cpr else CHOSEN_COLUMNS
    chosen = (_headers(columns, lang), _rows(report, lang, reveal_cpr))
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


def request_workbook(report: SampleReport, *, reveal_cpr: bool = False) -> bytes:
    """The request list to providers: who, for which citizen, for which period, how to return
    (the citizen's CPR number beside the pseudonym only with `reveal_cpr`)."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Anmodning"
    headers = _with_cpr(REQUEST_HEADERS, CPR_HEADER, reveal_cpr)
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for c in sorted(report.chosen, key=lambda c: (c.provider, c.case_id)):
        values = [c.provider, c.subject, c.case_id, c.period_start, c.period_end, HOW_TO_RETURN]
        sheet.append(_with_cpr(values, c.cpr, reveal_cpr))
    dates = [headers.index("Periode fra"), headers.index("Periode til")]
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text from the inputs is never a formula
                cell.quotePrefix = cell.value.startswith(("=", "+", "-", "@", "\t", "\r"))
        for position in dates:
            row[position].number_format = "dd-mm-yyyy"
    for position, name in enumerate(headers):
        width = REQUEST_WIDTHS.get(str(name), 13)  # 13 for the CPR number
        sheet.column_dimensions[get_column_letter(position + 1)].width = width
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _with_cpr(row: Sequence[object], cpr: object, reveal_cpr: bool) -> list[object]:
    """The row with the CPR number after the pseudonym (the second column), when revealed."""
    return [*row[:2], cpr, *row[2:]] if reveal_cpr else list(row)
