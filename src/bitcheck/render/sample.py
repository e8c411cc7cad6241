"""`bitcheck sample` as a table, markdown, JSON, or an xlsx request list for providers."""

from __future__ import annotations

import io
import json

import openpyxl
from openpyxl.styles import Font

from bitcheck.render.tables import markdown_table, render_terminal
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


def _rows(report: SampleReport) -> list[list[object]]:
    return [[c.case_id, c.subject, c.provider, c.level or "-", c.reason] for c in report.chosen]


def render_sample(report: SampleReport, output_format: str) -> str:
    if output_format == "json":
        return json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False)
    headers = ["case_id", "subject", "provider", "level", "reason"]
    strata_headers = ["provider", "level", "suspected_direction", "cases", "chosen"]
    strata: list[list[object]] = [
        [s.provider, s.level or "-", s.suspected_direction, s.cases, s.chosen]
        for s in report.strata
    ]
    title = f"seed {report.seed}, n {report.n}, as of {report.as_of.isoformat()}"
    if output_format == "markdown":
        return "\n".join(
            [
                f"# {title}",
                "",
                markdown_table(strata_headers, strata),
                "",
                markdown_table(headers, _rows(report)),
                "",
            ]
        )
    return render_terminal(
        [(f"Strata ({title})", strata_headers, strata), ("Chosen", headers, _rows(report))]
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
