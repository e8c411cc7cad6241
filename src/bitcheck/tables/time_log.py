"""Time logs in the long layout, with their header block (contract.md §3a)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from bitcheck import values
from bitcheck.headers import HeaderMatch
from bitcheck.io.raw import RawTable
from bitcheck.problems import Problem
from bitcheck.schemas import FieldSpec
from bitcheck.tables.common import finish, missing_column, rejected_sheet, start_checker
from bitcheck.tables.header_block import HeaderBlock
from bitcheck.validate import (
    Column,
    TableChecker,
    TableResult,
    check_columns,
    data_rows,
    flat_positions,
    require,
    with_default,
)

DAY_MINUTES = 1440.0
BLOCK_FILLED = ("cpr", "provider")


def read_long(table: RawTable, match: HeaderMatch, block: HeaderBlock) -> TableResult:
    specs = match.layout.fields
    absent = _absent_columns(match, specs, block, has_rows=bool(data_rows(table, match.index)))
    if absent:
        rows = data_rows(table, match.index)
        problems = [missing_column(table, match, spec) for spec in absent]
        return rejected_sheet(table, match, rows, problems, [s.name for s in specs])
    checker = start_checker(table, match)
    columns = check_columns(checker, [s for s in specs if s.name != "start"])
    columns["start"], span_end = _check_start(checker, next(s for s in specs if s.name == "start"))
    series = {name: with_default(column) for name, column in columns.items()}
    series["end"] = series["end"].where(series["end"].notna(), span_end)
    _fill_from_block(series, block)
    for name in ("cpr", "date", "start"):
        require(checker, _refreshed(columns[name], series[name]))
    _check_duration(checker, columns, series)
    _check_period(checker, columns["date"], series)
    result = finish(checker, series, frozenset(match.columns))
    rejected = series["cpr"][checker.rejected].dropna().value_counts()
    result.rejected_by_cpr = {str(cpr): int(count) for cpr, count in rejected.items()}
    return result


def _absent_columns(
    match: HeaderMatch, specs: list[FieldSpec], block: HeaderBlock, *, has_rows: bool
) -> list[FieldSpec]:
    """Required fields without a column. A sheet without rows needs no CPR from anywhere."""
    by_name = {spec.name: spec for spec in specs}
    absent = [by_name[name] for name in ("date", "start") if not match.has(name)]
    if not match.has("cpr") and block.cpr is None and has_rows:
        absent.insert(0, by_name["cpr"])
    if not match.has("end") and not match.has("minutes"):
        absent.append(by_name["end"])
    return absent


def _check_start(checker: TableChecker, spec: FieldSpec) -> tuple[Column, pd.Series]:
    """The start column; `07:00-07:30` gives the start and the end."""
    from bitcheck.validate import raw_column

    raw = raw_column(checker.table, checker.rows, checker.match.columns.get("start"))
    spans, codes = values.parse_column(raw, values.parse_time_span)
    checker.reject_codes("start", codes, raw)
    starts = spans.map(lambda span: None if span is None else span[0])
    ends = spans.map(lambda span: None if span is None else span[1])
    return Column(spec, raw, starts.astype(object), codes, True), ends.astype(object)


def _refreshed(column: Column, filled: pd.Series) -> Column:
    """The column with values filled from the header block counted as present."""
    return Column(column.spec, column.raw, filled, column.codes, column.present)


def _fill_from_block(series: dict[str, pd.Series], block: HeaderBlock) -> None:
    for name, value in (("cpr", block.cpr), ("provider", block.provider)):
        if value is not None:
            series[name] = series[name].where(series[name].notna(), value)
    if block.stated_period is not None:
        start, end = block.stated_period
        series["period_start"] = series["period_start"].where(series["period_start"].notna(), start)
        series["period_end"] = series["period_end"].where(series["period_end"].notna(), end)


def _check_duration(
    checker: TableChecker, columns: dict[str, Column], series: dict[str, pd.Series]
) -> None:
    start = pd.to_numeric(series["start"], errors="coerce").to_numpy(dtype=float)
    end = pd.to_numeric(series["end"], errors="coerce").to_numpy(dtype=float)
    minutes = pd.to_numeric(series["minutes"], errors="coerce").to_numpy(dtype=float)
    fresh = ~checker.rejected
    neither = np.isnan(end) & np.isnan(minutes) & fresh
    checker.reject(neither, "missing-value", "minutes", columns["minutes"].raw)
    zero = (end == start) & fresh
    checker.reject(zero, "zero-duration", "end", columns["end"].raw)
    span = np.where(end < start, end + DAY_MINUTES, end) - start
    mismatch = ~np.isnan(end) & ~np.isnan(minutes) & (np.abs(minutes - span) > 1) & fresh & ~zero
    for position in flat_positions(mismatch):
        checker.add(
            position,
            "minutes-mismatch",
            "minutes",
            str(columns["minutes"].raw.iat[position]),
            minutes=f"{minutes[position]:g}",
            span=f"{span[position]:g}",
        )
    checker.rejected |= mismatch


def _check_period(checker: TableChecker, date: Column, series: dict[str, pd.Series]) -> None:
    dates = pd.to_datetime(series["date"], errors="coerce")
    first = pd.to_datetime(series["period_start"], errors="coerce")
    last = pd.to_datetime(series["period_end"], errors="coerce")
    outside = (((dates < first) & first.notna()) | ((dates > last) & last.notna())).to_numpy()
    outside = outside & ~checker.rejected
    for position in flat_positions(outside):
        period = f"{_iso(first.iat[position])} - {_iso(last.iat[position])}"
        checker.add(position, "outside-period", "date", _iso(dates.iat[position]), period=period)
    checker.rejected |= outside


def _iso(value: object) -> str:
    return str(value.date()) if isinstance(value, pd.Timestamp) else ""


def block_problems(block: HeaderBlock) -> list[Problem]:
    return list(block.problems)
