"""Benchmark (d), the naive path: what an analyst's existing pandas script pays to read the files.

    python benchmarks/naive_pandas.py sager.xlsx takstkatalog.xlsx doegnskemaer/

Every sheet of every workbook with `pandas.read_excel(path, sheet_name=None, engine="openpyxl")`
(the engine is named because pandas' default is changing), every CSV with
`pandas.read_csv(sep=";", encoding="cp1252")`. Only reading: the audit itself would come on top.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

SPREADSHEETS = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}


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


def read_file(path: Path) -> list[pd.DataFrame]:
    """Every sheet of a workbook, or the one table of a CSV, as DataFrames."""
    if path.suffix.lower() == ".csv":
        return [pd.read_csv(path, sep=";", encoding="cp1252")]
    return list(pd.read_excel(path, sheet_name=None, engine="openpyxl").values())


def main(arguments: list[str]) -> int:
    """Read everything; print how many files and rows, so the work cannot be skipped."""
    files = rows = 0
    for path in input_files(arguments):
        files += 1
        rows += sum(len(frame) for frame in read_file(path))
    print(f"{files} files, {rows} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
