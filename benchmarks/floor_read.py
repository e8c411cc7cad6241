"""Benchmark (a), the floor: read every input file into Arrow and do nothing else.

    python benchmarks/floor_read.py sager.xlsx takstkatalog.xlsx doegnskemaer/
    python benchmarks/floor_read.py --processes 2 sager.xlsx takstkatalog.xlsx doegnskemaer/

Every sheet of every workbook with fastexcel, every CSV with pyarrow (`;`, Windows-1252), no header
handling, no processing: what any tool must pay to look at these files. A folder stands for every
spreadsheet and CSV below it, as `bitcheck audit --timelogs` reads it.

With `--processes N` the files are shared out over N forked processes (as the audit shares them
over its workers): not issue 11's floor (a), which is one process, but the least a reader on every
core can take, shown beside it for information.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
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


def rows_of(path: Path) -> int:
    return sum(table.num_rows for table in read_file(path))


def main(arguments: list[str]) -> int:
    """Read everything; print how many files and rows, so the work cannot be skipped."""
    processes = 1
    if arguments[:1] == ["--processes"]:
        processes, arguments = int(arguments[1]), arguments[2:]
    files = list(input_files(arguments))
    if processes > 1:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(processes, mp_context=context) as pool:
            rows = sum(pool.map(rows_of, files, chunksize=8))
    else:
        rows = sum(map(rows_of, files))
    print(f"{len(files)} files, {rows} rows")
    return 0


if __name__ == "__main__":
    status = main(sys.argv[1:])
    # pyarrow's threads can abort the interpreter's shutdown now and then ("terminate called
    # without an active exception", apache/arrow#34314): once seen in CI. The work is done and
    # printed, so leave without the C++ teardown.
    sys.stdout.flush()
    os._exit(status)
