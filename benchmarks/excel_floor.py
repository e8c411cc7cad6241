"""Benchmark (e), the Excel floor: write the report's cells with openpyxl's write-only mode.

    python benchmarks/excel_floor.py report.json out.xlsx

Takes the cells from the JSON report of `bitcheck audit --format json`: one sheet per table of the
Excel report (findings, watch, cases, providers, time_logs, errors, notes), a header row, one row
per record, nested objects flattened to dotted columns (`by_direction.citizen.findings`), lists
joined into one text cell (sources as `file!row`). Plain values, no styles, no widths, no chart: the
least any writer of that workbook pays, against which the audit's Excel share (c - b) is measured.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from openpyxl import Workbook

TABLES = ("findings", "watch", "cases", "providers", "time_logs", "errors", "notes")


def flatten(prefix: str, value: Any) -> Iterator[tuple[str, Any]]:
    """Nested objects as (dotted key, leaf value) pairs, in the JSON's order."""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from flatten(f"{prefix}.{key}" if prefix else key, inner)
    else:
        yield prefix, value


def item_text(item: Any) -> str:
    """One element of a list cell: a source as file!row, another object as its values."""
    if isinstance(item, dict):
        if "file" in item and "row" in item:
            return f"{item['file']}!{item['row']}"
        return " ".join(str(v) for v in item.values() if v is not None)
    return str(item)


def cell(value: Any) -> Any:
    """A JSON leaf as a plain cell value: lists joined into text, everything else as it is."""
    if isinstance(value, list):
        return "; ".join(item_text(item) for item in value)
    return value


def table_rows(records: list[dict[str, Any]]) -> Iterator[list[Any]]:
    """The header row, then one row per record, over the union of the records' columns."""
    flat = [dict(flatten("", record)) for record in records]
    columns = list(dict.fromkeys(key for record in flat for key in record))
    yield columns
    for record in flat:
        yield [cell(record.get(column)) for column in columns]


def write_workbook(report: dict[str, Any], out: Path) -> int:
    """Write every table of the report into out; returns the number of cells written."""
    workbook = Workbook(write_only=True)
    cells = 0
    for name in TABLES:
        sheet = workbook.create_sheet(name)
        for row in table_rows(report.get(name) or []):
            sheet.append(row)
            cells += len(row)
    workbook.save(out)
    return cells


def main(arguments: list[str]) -> int:
    """python excel_floor.py REPORT.json OUT.xlsx"""
    report_path, out = map(Path, arguments)
    report = json.loads(report_path.read_text(encoding="utf-8"))
    print(f"{write_workbook(report, out)} cells")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
