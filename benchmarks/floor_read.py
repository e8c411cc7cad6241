"""Benchmark (a), the floor: read every input file into Arrow and do nothing else.

    python benchmarks/floor_read.py sager.xlsx takstkatalog.xlsx doegnskemaer/

Every sheet of every workbook with fastexcel, every CSV with pyarrow (`;`, Windows-1252), no header
handling, no processing: what any tool must pay to look at these files. A folder stands for every
spreadsheet and CSV below it, as `bitcheck audit --timelogs` reads it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import fastexcel
import pyarrow as pa
import pyarrow.csv

SPREADSHEETS = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
CSV_READ = pyarrow.csv.ReadOptions(encoding="cp1252", autogenerate_column_names=True)
CSV_PARSE = pyarrow.csv.ParseOptions(delimiter=";")


def input_files(arguments: list[str]) -> Iterator[Path]:
    """The files named, with every spreadsheet and CSV below a named folder, in a stable order."""
    for argument in map(Path, arguments):
        if argument.is_dir():
            yield from sorted(p for p in argument.rglob("*") if p.is_file() and is_input(p))
        else:
            yield argument


def is_input(path: Path) -> bool:
    """A file the audit would read: a spreadsheet or a CSV."""
    return path.suffix.lower() in SPREADSHEETS | {".csv"}


def read_file(path: Path) -> list[pa.RecordBatch | pa.Table]:
    """Every sheet of a workbook, or the one table of a CSV, as Arrow."""
    if path.suffix.lower() == ".csv":
        return [pyarrow.csv.read_csv(path, read_options=CSV_READ, parse_options=CSV_PARSE)]
    reader = fastexcel.read_excel(path)
    return [
        reader.load_sheet(index, header_row=None).to_arrow()
        for index in range(len(reader.sheet_names))
    ]


def main(arguments: list[str]) -> int:
    """Read everything; print how many files and rows, so the work cannot be skipped."""
    files = rows = 0
    for path in input_files(arguments):
        files += 1
        rows += sum(table.num_rows for table in read_file(path))
    print(f"{files} files, {rows} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
