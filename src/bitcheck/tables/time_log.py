"""Time logs in the long layout, with their header block (contract.md §3a)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from bitcheck import values
from bitcheck.headers import HeaderMatch
from bitcheck.io.raw import RawTable
from bitcheck.schemas import FieldSpec
from bitcheck.tables.common import finish, missing_column, rejected_sheet, start_checker
from bitcheck.tables.header_block import HeaderBlock
from bitcheck.validate import (
    Column,
    TableChecker,
    TableResult,
    cell_text,
    check_columns,
    data_rows,
    require,
    with_default,
)

DAY_MINUTES = 1440.0


def read_long(table: RawTable, match: HeaderMatch, block: HeaderBlock) -> TableResult:
    specs = match.layout.fields
    rows = data_rows(table, match.index)
    absent = _absent_columns(match, specs, block, has_rows=bool(rows))
    if absent:
        problems = [missing_column(table, match, spec) for spec in absent]
        return rejected_sheet(table, match, rows, problems, [s.name for s in specs])
    checker = start_checker(table, match, rows)  # the data rows are found once per sheet
    columns = check_columns(checker, [s for s in specs if s.name != "start"])
    columns["start"], span_end = _check_start(checker, next(s for s in specs if s.name == "start"))
    series = {name: with_default(column) for name, column in columns.items()}
    series["end"] = [
        end if end is not None else spanned
        for end, spanned in zip(series["end"], span_end, strict=True)
    ]
    _fill_from_block(series, block)
    for name in ("cpr", "date", "start"):
        require(checker, _refreshed(columns[name], series[name]))
    _check_duration(checker, columns, series)
    _check_period(checker, series)
    result = finish(checker, series, frozenset(match.columns))
    rejected = Counter(
        c for c, bad in zip(series["cpr"], checker.rejected, strict=True) if bad and c
    )
    result.rejected_by_cpr = dict(rejected)
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


def _check_start(checker: TableChecker, spec: FieldSpec) -> tuple[Column, list[float | None]]:
    """The start column; `07:00-07:30` gives the start and the end."""
    raw = checker.raw(checker.match.columns.get("start"))
    spans, codes = values.parse_values(raw, values.parse_time_span)
    checker.reject_codes("start", codes, raw)
    starts = [None if span is None else span[0] for span in spans]
    ends = [None if span is None else span[1] for span in spans]
    return Column(spec, raw, starts, codes, True), ends


def _refreshed(column: Column, filled: list[Any]) -> Column:
    """The column with values filled from the header block counted as present."""
    return Column(column.spec, column.raw, filled, column.codes, column.present)


def _fill(values_: list[Any], value: Any) -> list[Any]:
    return [value if item is None else item for item in values_]


def _fill_from_block(series: dict[str, list[Any]], block: HeaderBlock) -> None:
    for name, value in (("cpr", block.cpr), ("provider", block.provider)):
        if value is not None:
            series[name] = _fill(series[name], value)
    if block.stated_period is not None:
        start, end = block.stated_period
        series["period_start"] = _fill(series["period_start"], start)
        series["period_end"] = _fill(series["period_end"], end)


def _check_duration(
    checker: TableChecker, columns: dict[str, Column], series: dict[str, list[Any]]
) -> None:
    rows = zip(series["start"], series["end"], series["minutes"], strict=True)
    for position, (start, end, minutes) in enumerate(rows):
        if minutes is None and end is not None and end != start:
            continue  # the common case, and a fine one: a start and an end
        if checker.rejected[position]:
            continue
        code, params = _duration_problem(start, end, minutes)
        if code is not None:
            field_name = "end" if code == "zero-duration" else "minutes"
            checker.add(
                position, code, field_name, cell_text(columns[field_name].raw[position]), **params
            )
            checker.rejected[position] = True


def _duration_problem(
    start: float, end: float | None, minutes: float | None
) -> tuple[str | None, dict[str, str]]:
    if end is None and minutes is None:
        return "missing-value", {}
    if end is None:
        return None, {}
    if end == start:
        return "zero-duration", {}
    span = (end + DAY_MINUTES if end < start else end) - start
    if minutes is not None and abs(minutes - span) > 1:
        return "minutes-mismatch", {"minutes": f"{minutes:g}", "span": f"{span:g}"}
    return None, {}


def _check_period(checker: TableChecker, series: dict[str, list[Any]]) -> None:
    rows = zip(series["date"], series["period_start"], series["period_end"], strict=True)
    for position, (day, first, last) in enumerate(rows):
        if checker.rejected[position] or day is None:
            continue
        if (first is not None and day < first) or (last is not None and day > last):
            period = f"{_iso(first)} - {_iso(last)}"
            checker.add(position, "outside-period", "date", day.isoformat(), period=period)
            checker.rejected[position] = True


def _iso(day: dt.date | None) -> str:
    return "" if day is None else day.isoformat()
