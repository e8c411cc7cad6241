"""Workbooks (.xlsx, .xlsm, .xls, .xlsb, .ods) read with calamine into raw tables.

calamine allocates a sheet's whole used range at once and aborts the process when that fails,
so no sheet is loaded before its size is known to be safe:
- .xlsx/.xlsm: every sheet's XML is scanned first (`xlsx_scan`); a sheet over
  `max_sheet_cells` is not read, and formulas without a stored value are noted.
- .xls, .xlsb and .ods (and an .xlsx whose package the scan cannot follow): read in a child
  process with a memory limit and a time limit (`child_main` below). calamine's own cap of
  100,000,000 cells (.ods, .xls) still lets one sheet take 3 GB, .xlsb has no cap, and an
  .xls or .ods is parsed whole when it is opened. A sheet that brings the child down is
  reported too large and a new child reads the sheets after it.
In every format a sheet whose calamine range is over the limit is not converted to Python.

Hidden sheets, chart and macro sheets and bitcheck's own instruction and list sheets are
skipped silently. A sheet calamine cannot read is skipped with a `sheet-skipped` note (params
reason "unreadable"); when no sheet can be read at all, the file is corrupt.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import python_calamine as calamine

import bitcheck
from bitcheck.errors import UnreadableFileError
from bitcheck.io.files import file_sha256
from bitcheck.io.raw import RawTable, SourceFile
from bitcheck.io.xlsx_package import Package, ScanError
from bitcheck.io.xlsx_scan import (
    SheetScan,
    column_letters,
    scan_package,
    scan_workbook,
)
from bitcheck.problems import Problem

SKIPPED_SHEET_NAMES = frozenset({"vejledning", "instructions", "lister"})
SCANNED_FORMATS = frozenset({"xlsx", "xlsm"})
CHILD_SECONDS = 120
CHILD_BASE_BYTES = 1 << 30  # address space of the child before any cell
CHILD_BYTES_PER_CELL = 256  # calamine's cell, the Python object, its list slot, the pickle
CELL_LIMIT = re.compile(r"Cell limit exceeded \((\d+) cells requested")

Outcome = RawTable | Problem
Announce = Callable[[int, str], None]


class ReaderProcessError(Exception):
    """The child process could not run at all: an installation problem, not a bad file."""


class _TooLarge(Exception):
    """The workbook cannot be opened because a sheet in it is too large (which one is unknown)."""

    def __init__(self, cells: int | None) -> None:
        super().__init__(cells)
        self.cells = cells


@dataclass
class _Reading:
    """What reading a workbook gave, sheet by sheet."""

    outcomes: list[Outcome] = field(default_factory=list)
    failed: int = 0  # sheets calamine could not read

    def add(self, outcomes: list[Outcome]) -> None:
        self.outcomes.extend(outcomes)
        self.failed += sum(1 for outcome in outcomes if _is_failure(outcome))


def read_workbook(
    path: Path,
    display: str,
    file_format: str,
    max_sheet_cells: int,
    package: Package | None = None,
) -> SourceFile:
    """Read every wanted worksheet of a workbook; see the module docstring for the rules.

    `package` is the file already open as a zip, when the caller has it: it is scanned and
    hashed from there instead of from the file.
    """
    try:
        reading = _read(path, display, file_format, max_sheet_cells, package)
    except _TooLarge as exc:
        reading = _Reading([_too_large(display, None, exc.cells, max_sheet_cells)])
    if reading.failed and reading.failed == len(reading.outcomes):
        raise UnreadableFileError(display, "corrupt", detail="no sheet could be read")
    return SourceFile(
        path=path,
        display=display,
        file_format=file_format,
        sha256=_sha256(path, package),
        tables=[outcome for outcome in reading.outcomes if isinstance(outcome, RawTable)],
        problems=[outcome for outcome in reading.outcomes if isinstance(outcome, Problem)],
    )


def _sha256(path: Path, package: Package | None) -> str:
    if package is not None and package.data is not None:
        return hashlib.sha256(package.data).hexdigest()
    return file_sha256(path)


def _read(
    path: Path, display: str, file_format: str, max_sheet_cells: int, package: Package | None
) -> _Reading:
    scans = _scan(path, package) if file_format in SCANNED_FORMATS else None
    if scans is None:
        return read_in_child(path, display, max_sheet_cells)
    with _open(path, display) as workbook:
        if not _all_scanned(workbook, scans):
            return read_in_child(path, display, max_sheet_cells)
        reading = _Reading()
        for outcomes in _read_sheets(workbook, display, max_sheet_cells, scans):
            reading.add(outcomes)
        return reading


def _scan(path: Path, package: Package | None) -> dict[str, SheetScan] | None:
    try:
        return scan_workbook(path) if package is None else scan_package(package)
    except ScanError:
        return None


def _all_scanned(workbook: calamine.CalamineWorkbook, scans: dict[str, SheetScan]) -> bool:
    return all(sheet.name in scans for sheet in _wanted_sheets(workbook))


def _is_failure(outcome: Outcome) -> bool:
    return isinstance(outcome, Problem) and outcome.params.get("reason") == "unreadable"


# --- calamine, guarded ------------------------------------------------------------------------


def _is_panic(exc: BaseException) -> bool:
    """pyo3 raises a Rust panic as PanicException, which derives from BaseException only."""
    return type(exc).__name__ == "PanicException"


def _open(path: Path, display: str) -> calamine.CalamineWorkbook:
    try:
        return calamine.CalamineWorkbook.from_path(path)
    except calamine.PasswordError as exc:
        raise UnreadableFileError(display, "password") from exc
    except MemoryError as exc:
        raise _TooLarge(None) from exc
    except (calamine.CalamineError, OSError, ValueError) as exc:
        limit = CELL_LIMIT.search(str(exc))
        if limit:
            raise _TooLarge(int(limit.group(1))) from exc
        raise UnreadableFileError(display, "corrupt", detail=str(exc)) from exc
    except BaseException as exc:
        if _is_panic(exc):
            raise UnreadableFileError(display, "corrupt", detail=str(exc)) from exc
        raise


def _wanted_sheets(workbook: calamine.CalamineWorkbook) -> list[calamine.SheetMetadata]:
    """Visible worksheets other than bitcheck's instruction and list sheets, in order."""
    return [
        sheet
        for sheet in workbook.sheets_metadata
        if sheet.visible == calamine.SheetVisibleEnum.Visible
        and sheet.typ == calamine.SheetTypeEnum.WorkSheet
        and sheet.name.strip().casefold() not in SKIPPED_SHEET_NAMES
    ]


def _read_sheets(
    workbook: calamine.CalamineWorkbook,
    display: str,
    max_sheet_cells: int,
    scans: dict[str, SheetScan] | None,
    first: int = 0,
    announce: Announce | None = None,
) -> Iterator[list[Outcome]]:
    """What each wanted sheet from index `first` gives; `announce` hears of each beforehand."""
    for index, sheet in enumerate(_wanted_sheets(workbook)):
        if index < first:
            continue
        if announce is not None:
            announce(index, sheet.name)
        scan = scans.get(sheet.name) if scans is not None else None
        yield _read_sheet(workbook, sheet.name, display, max_sheet_cells, scan)


def _read_sheet(
    workbook: calamine.CalamineWorkbook,
    name: str,
    display: str,
    max_sheet_cells: int,
    scan: SheetScan | None,
) -> list[Outcome]:
    if scan is not None and (scan.xml_too_large or scan.cells > max_sheet_cells):
        cells = None if scan.xml_too_large else scan.cells
        return [_too_large(display, name, cells, max_sheet_cells)]
    try:
        return [
            _load(workbook, name, display, max_sheet_cells),
            *_formula_notes(display, name, scan),
        ]
    except MemoryError:
        return [_too_large(display, name, None, max_sheet_cells)]
    except (calamine.CalamineError, OSError, ValueError) as exc:
        limit = CELL_LIMIT.search(str(exc))
        if limit:
            return [_too_large(display, name, int(limit.group(1)), max_sheet_cells)]
        return [_unreadable_sheet(display, name, str(exc))]
    except BaseException as exc:
        if _is_panic(exc):
            return [_unreadable_sheet(display, name, str(exc))]
        raise


def _load(
    workbook: calamine.CalamineWorkbook, name: str, display: str, max_sheet_cells: int
) -> Outcome:
    """The sheet as a raw table, unless calamine's own range of it is over the limit."""
    sheet = workbook.get_sheet_by_name(name)
    if sheet.start is None:
        return RawTable(file=display, sheet=name, cells=[])
    if sheet.height * sheet.width > max_sheet_cells:
        return _too_large(display, name, sheet.height * sheet.width, max_sheet_cells)
    rows = cast(list[list[object]], sheet.to_python())
    top, left = sheet.start
    return RawTable(file=display, sheet=name, cells=rows, first_row=top + 1, first_column=left + 1)


def _too_large(display: str, sheet: str | None, cells: int | None, limit: int) -> Problem:
    params = {"cells": cells, "limit": limit}
    return Problem(code="sheet-too-large", file=display, sheet=sheet, params=params)


def _unreadable_sheet(display: str, sheet: str, detail: str) -> Problem:
    params = {"reason": "unreadable", "detail": detail}
    return Problem(code="sheet-skipped", file=display, sheet=sheet, params=params)


def _formula_notes(display: str, sheet: str, scan: SheetScan | None) -> list[Outcome]:
    if scan is None or scan.formulas_without_value == 0:
        return []
    row, column = scan.first_formula_cell or (None, None)
    note = Problem(
        code="formula-without-value",
        file=display,
        sheet=sheet,
        row=row,
        column=column_letters(column) if column else None,
        column_number=column,
        count=scan.formulas_without_value,
    )
    return [note]


# --- the child process ------------------------------------------------------------------------


@dataclass
class _ChildRun:
    """What a child reported before it ended, and how it ended."""

    returncode: int = 0
    messages: int = 0
    done: bool = False
    current: tuple[int, str] | None = None  # a sheet begun and not finished
    error: tuple[str, str] | None = None  # (reason, detail) of an UnreadableFileError
    too_large: bool = False
    cells: int | None = None  # calamine's count when it refused to open the workbook
    reading: _Reading = field(default_factory=_Reading)


def read_in_child(path: Path, display: str, max_sheet_cells: int) -> _Reading:
    """Read the workbook in child processes with a memory limit, one sheet crash at a time."""
    reading = _Reading()
    first = 0
    while True:
        run = _run_child(path, display, max_sheet_cells, first)
        _check_run(run, display)
        reading.outcomes.extend(run.reading.outcomes)
        reading.failed += run.reading.failed
        if run.done:
            return reading
        if run.current is None:
            raise _TooLarge(None)  # the child died opening the workbook
        index, name = run.current
        reading.outcomes.append(_too_large(display, name, None, max_sheet_cells))
        first = index + 1


def _check_run(run: _ChildRun, display: str) -> None:
    if run.error is not None:
        raise UnreadableFileError(display, run.error[0], detail=run.error[1])
    if run.too_large:
        raise _TooLarge(run.cells)
    if run.messages == 0:
        raise ReaderProcessError(f"the workbook reader process failed (exit {run.returncode})")


def _run_child(path: Path, display: str, max_sheet_cells: int, first: int) -> _ChildRun:
    request = pickle.dumps((str(path), display, max_sheet_cells, first))
    command = [sys.executable, "-c", "from bitcheck.io.workbook import child_main; child_main()"]
    try:
        finished = subprocess.run(
            command,
            input=request,
            capture_output=True,
            timeout=CHILD_SECONDS,
            env=_child_environment(),
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        detail = f"reading took longer than {CHILD_SECONDS} seconds"
        raise UnreadableFileError(display, "too-large", detail=detail) from exc
    run = _ChildRun(returncode=finished.returncode)
    for message in _unpickle_all(finished.stdout):
        _apply(run, message)
    return run


def _child_environment() -> dict[str, str]:
    package_root = str(Path(bitcheck.__file__).resolve().parents[1])
    existing = os.environ.get("PYTHONPATH")
    paths = package_root if not existing else f"{package_root}{os.pathsep}{existing}"
    return {**os.environ, "PYTHONPATH": paths, "OPENBLAS_NUM_THREADS": "1"}


def _unpickle_all(output: bytes) -> Iterator[tuple[Any, ...]]:
    """The messages of a child's output; a message cut off by the child's death ends them."""
    stream = io.BytesIO(output)
    while stream.tell() < len(output):
        try:
            yield pickle.load(stream)
        except (EOFError, pickle.UnpicklingError, ValueError, AttributeError, ImportError):
            return


def _apply(run: _ChildRun, message: tuple[Any, ...]) -> None:
    run.messages += 1
    kind = message[0]
    if kind == "begin":
        run.current = (message[1], message[2])
    elif kind == "sheet":
        run.reading.add(message[1])
        run.current = None
    elif kind == "error":
        run.error = (message[1], message[2])
    elif kind == "too-large":
        run.too_large, run.cells = True, message[1]
    elif kind == "done":
        run.done = True


def child_main() -> None:
    """Entry of the child: a pickled request on stdin, pickled messages on stdout.

    Messages: ("started",) first, ("begin", index, name) before each sheet, ("sheet",
    outcomes) after it, and ("done",) at the end; ("error", reason, detail) or ("too-large",
    cells) when the workbook cannot be opened. A child that sends nothing could not start.
    """
    path, display, max_sheet_cells, first = pickle.load(sys.stdin.buffer)
    _limit_memory(CHILD_BASE_BYTES + CHILD_BYTES_PER_CELL * max_sheet_cells)
    _send(("started",))
    try:
        workbook = _open(Path(path), display)
    except UnreadableFileError as exc:
        return _send(("error", exc.reason, exc.detail))
    except _TooLarge as exc:
        return _send(("too-large", exc.cells))

    def announce(index: int, name: str) -> None:
        _send(("begin", index, name))

    for outcomes in _read_sheets(workbook, display, max_sheet_cells, None, first, announce):
        _send(("sheet", outcomes))
    _send(("done",))


def _send(message: tuple[Any, ...]) -> None:
    pickle.dump(message, sys.stdout.buffer)
    sys.stdout.buffer.flush()


def _limit_memory(limit: int) -> None:
    """Cap the child's address space (POSIX only; elsewhere a crash still ends only the child)."""
    try:
        import resource  # not on Windows
    except ImportError:
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    if soft == resource.RLIM_INFINITY or soft > limit:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
