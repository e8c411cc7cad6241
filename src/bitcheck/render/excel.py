"""The Excel reports (outputs.md §6): the audit workbook and the time-log summary.

Sheets are created in their final order first and filled afterwards, so that the Notes sheet,
filled last, can list every text another sheet had to cut at Excel's cell limit. The workbook is
write-only (excel_stream): each sheet keeps its cells until it is complete, then streams them.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.worksheet.properties import PageSetupProperties

from bitcheck.i18n_fields import sheet_name
from bitcheck.render.excel_cells import Book, Sheet
from bitcheck.render.excel_stream import stream_workbook
from bitcheck.render.excel_summary import Summary, write_manifest
from bitcheck.render.excel_tables import (
    write_cases,
    write_errors,
    write_findings,
    write_notes,
    write_providers,
    write_time_logs,
    write_watch,
)
from bitcheck.report.audit_models import AuditReport, Finding
from bitcheck.report.timelog import TimelogReport

AUDIT_SHEETS = (
    "summary", "findings", "watch", "cases", "providers", "time_logs", "resolved", "errors",
    "notes", "manifest",
)  # fmt: skip
TIMELOG_SHEETS = ("time_logs", "errors", "notes", "manifest")
FIT_TO_WIDTH = ("summary", "watch", "errors", "notes")  # printed one page wide


def workbook_bytes(
    report: AuditReport,
    lang: str,
    *,
    reveal_cpr: bool,
    resolved: list[Finding] | None = None,
) -> bytes:
    """The audit report as an xlsx file. `resolved` (batch runs: findings of the previous run
    that are gone) adds the Resolved sheet; without it, the sheet is left out."""
    keys = [key for key in AUDIT_SHEETS if key != "resolved" or resolved is not None]
    workbook, sheets = _workbook(keys, lang)
    Summary(sheets["summary"], report).write()
    write_findings(sheets["findings"], report.findings, reveal_cpr)
    write_watch(sheets["watch"], report.watch, reveal_cpr)
    write_cases(sheets["cases"], report.cases, reveal_cpr)
    write_providers(sheets["providers"], report.providers)
    write_time_logs(sheets["time_logs"], report.time_logs, reveal_cpr)
    if resolved is not None:
        write_findings(sheets["resolved"], resolved, reveal_cpr)
    write_errors(sheets["errors"], report.errors)
    write_manifest(sheets["manifest"], report)
    write_notes(sheets["notes"], report.notes, sheets["notes"].book.cuts)
    _page_setup(sheets)
    return _saved(workbook, sheets)


def timelog_workbook_bytes(report: TimelogReport, lang: str, *, reveal_cpr: bool) -> bytes:
    """`bitcheck timelog -o FILE.xlsx`: the time logs, data errors, notes and the manifest."""
    workbook, sheets = _workbook(TIMELOG_SHEETS, lang)
    write_time_logs(sheets["time_logs"], report.time_logs, reveal_cpr)
    write_errors(sheets["errors"], report.errors)
    write_manifest(sheets["manifest"], report)
    write_notes(sheets["notes"], report.notes, sheets["notes"].book.cuts)
    _page_setup(sheets)
    return _saved(workbook, sheets)


def _page_setup(sheets: dict[str, Sheet]) -> None:
    """Printed landscape; tables repeat their header row, narrow ones fit one page wide."""
    for key, sheet in sheets.items():
        ws = sheet.ws
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        if key != "summary":
            ws.print_title_rows = "1:1"
        if key in FIT_TO_WIDTH:
            ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
            ws.page_setup.fitToWidth = 1
            ws.page_setup.fitToHeight = 0


def _workbook(keys: Sequence[str], lang: str) -> tuple[Workbook, dict[str, Sheet]]:
    workbook, worksheets = stream_workbook([sheet_name(key, lang) for key in keys])
    book = Book(lang)
    return workbook, {key: Sheet(ws, book) for key, ws in zip(keys, worksheets, strict=True)}


def _saved(workbook: Workbook, sheets: dict[str, Sheet]) -> bytes:
    for sheet in sheets.values():
        sheet.flush()
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
