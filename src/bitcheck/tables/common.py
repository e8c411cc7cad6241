"""What every layout does: missing columns, the checker, the columns of accepted rows."""

from __future__ import annotations

from typing import Any

from bitcheck.headers import HeaderMatch
from bitcheck.io.raw import RawTable
from bitcheck.problems import Problem
from bitcheck.schemas import FieldSpec
from bitcheck.validate import (
    ROW,
    Column,
    TableChecker,
    TableResult,
    check_columns,
    data_rows,
    require,
)


def missing_column(table: RawTable, match: HeaderMatch, spec: FieldSpec) -> Problem:
    """One error for the sheet: a required field has no column."""
    return Problem(
        code="missing-column",
        file=table.file,
        sheet=table.sheet,
        row=table.row_number(match.index),
        field=spec.name,
        params={"aliases": ", ".join(spec.aliases)},
    )


def rejected_sheet(
    table: RawTable, match: HeaderMatch, rows: list[int], problems: list[Problem], fields: list[str]
) -> TableResult:
    """A sheet whose header lacks a required field: every data row counts as rejected."""
    return TableResult(
        file=table.file,
        sheet=table.sheet,
        kind=match.layout.kind,
        layout=match.layout.layout,
        columns={name: [] for name in [*fields, ROW]},
        present=frozenset(match.columns),
        rows_read=len(rows),
        rows_rejected=len(rows),
        problems=[*match.notes, *problems],
    )


def without_required_columns(table: RawTable, match: HeaderMatch) -> TableResult | None:
    """The rejected sheet when its header lacks a required field, else None."""
    specs = match.layout.fields
    absent = [spec for spec in specs if spec.required and not match.has(spec.name)]
    if not absent:
        return None
    problems = [missing_column(table, match, spec) for spec in absent]
    return rejected_sheet(
        table, match, data_rows(table, match.index), problems, [s.name for s in specs]
    )


def start_checker(
    table: RawTable, match: HeaderMatch, rows: list[int] | None = None
) -> TableChecker:
    """A checker over the table's data rows (found here unless the caller already has them)."""
    checker = TableChecker(table, match, data_rows(table, match.index) if rows is None else rows)
    checker.problems.extend(match.notes)
    return checker


def check_required(checker: TableChecker, specs: list[FieldSpec]) -> dict[str, Column]:
    """Parse every field, and reject rows whose required fields are empty."""
    columns = check_columns(checker, specs)
    for spec in specs:
        if spec.required:
            require(checker, columns[spec.name])
    return columns


def finish(
    checker: TableChecker, series: dict[str, list[Any]], present: frozenset[str]
) -> TableResult:
    """The accepted rows' columns, with the user's row numbers."""
    keep = [not flag for flag in checker.rejected]
    if all(keep):
        columns = dict(series)
    else:
        columns = {
            name: [v for v, k in zip(column, keep, strict=True) if k]
            for name, column in series.items()
        }
    numbers = checker.table.row_numbers_of(checker.rows)
    columns[ROW] = [n for n, k in zip(numbers, keep, strict=True) if k]
    return TableResult(
        file=checker.table.file,
        sheet=checker.table.sheet,
        kind=checker.match.layout.kind,
        layout=checker.match.layout.layout,
        columns=columns,
        present=present,
        rows_read=len(checker.rows),
        rows_rejected=len(checker.rows) - len(columns[ROW]),
        problems=checker.problems,
    )
