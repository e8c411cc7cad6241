"""Findings as CSV: UTF-8 with BOM; Danish `;` and decimal comma, English `,` and point; floats
rounded to 4 decimals, which keeps float noise (12.000000000000002) out and is precise enough for
further calculation (decisions.md).

Text that starts with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` so that a spreadsheet
never reads it as a formula (outputs.md §7).
"""

from __future__ import annotations

import csv
import io

from bitcheck.render.sources import sources_text
from bitcheck.report.audit_models import AuditReport, Finding
from bitcheck.report.filters import left_out_text

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_DECIMALS = 4
COLUMNS = [name for name in Finding.model_fields if name != "sources"] + ["sources"]


def neutralise(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def rounded(value: float) -> float:
    """The value to CSV_DECIMALS decimals, never a negative zero."""
    return round(value, CSV_DECIMALS) + 0.0


def cell(value: object, lang: str) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        text = repr(rounded(value))
        return text.replace(".", ",") if lang == "da" else text
    if isinstance(value, int):
        return str(value)
    return neutralise(str(value))


def render_csv(report: AuditReport, lang: str, *, reveal_cpr: bool) -> bytes:
    columns = [c for c in COLUMNS if reveal_cpr or c != "cpr"]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if lang == "da" else ",", lineterminator="\r\n")
    left_out = left_out_text(report, lang)
    if left_out is not None:  # a filtered list states what it left out, in a first comment line
        buffer.write(f"# {left_out}\r\n")
    writer.writerow(columns)
    for finding in report.findings:
        data = finding.model_dump(mode="json")
        data["sources"] = sources_text(finding.sources)
        writer.writerow([cell(data[name], lang) for name in columns])
    return buffer.getvalue().encode("utf-8-sig")
