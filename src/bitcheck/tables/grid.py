"""Week grids (ugeskema): one sheet per week, weekdays across, time slots down (contract.md §3b).

Every non-empty day cell is one entry (and one row read): minutes of direct 1:1 support from
the slot's start, optionally followed by the activity (`30 personlig hygiejne`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from bitcheck import values
from bitcheck.headers import is_weekday_label, normalised_cell
from bitcheck.io.raw import Cell, RawTable
from bitcheck.problems import Problem
from bitcheck.tables.header_block import HeaderBlock
from bitcheck.validate import ROW, TableResult, cell_text

DAY_DATE = re.compile(r"(?P<d>\d{1,2})[-./](?P<m>\d{1,2})(?:[-./](?P<y>\d{4}))?")
SLOT_HOURS = re.compile(r"^(?P<a>\d{1,2})\s*[-–]\s*(?P<b>\d{1,2})$")
CELL_MINUTES = re.compile(
    r"^\s*(?P<minutes>\d+(?:[.,]\d+)?)\s*(?:min\.?\s*)?(?P<activity>.*)$", re.S
)
WEEKDAY_INDEX = {
    "man": 0, "tir": 1, "ons": 2, "tor": 3, "fre": 4, "loe": 5, "soe": 6,
    "mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip
ENTRY_COLUMNS = (
    "cpr", "provider", "date", "start", "end", "minutes", "activity", "category", "kind",
    "staff", "residents", "period_start", "period_end",
)  # fmt: skip


@dataclass(frozen=True)
class Slot:
    start: float
    length: float | None
    label: str


@dataclass
class GridDay:
    position: int  # column index
    label: str
    date: dt.date | None
    problem: str | None = None  # why the date is missing: date-without-year, invalid-date


def read_grid(table: RawTable, header_index: int, block: HeaderBlock) -> TableResult:
    problems: list[Problem] = list(block.problems)
    days, first_data = _days(table, header_index, block)
    entries: list[dict[str, object]] = []
    rows_read = rejected = 0
    slot_column = _slot_column(table, header_index, days)
    slots = _slots(table, first_data, slot_column)
    for index, slot in slots.items():
        for day in days:
            cell = _cell(table, index, day.position)
            if values.is_blank(cell):
                continue
            rows_read += 1
            entry = _entry(table, index, day, slot, cell, block, problems)
            if entry is None:
                rejected += 1
            else:
                entries.append(entry)
    period = block.stated_period or _dated_span(days)
    result = _result(table, entries, period, rows_read, rejected, problems)
    if block.cpr is not None and rejected:
        result.rejected_by_cpr = {block.cpr: rejected}
    return result


def _cell(table: RawTable, index: int, position: int) -> Cell:
    row = table.cells[index]
    return row[position] if position < len(row) else ""


def _days(table: RawTable, index: int, block: HeaderBlock) -> tuple[list[GridDay], int]:
    """The weekday columns with their dates; dates may stand in the row below the header."""
    header = table.cells[index]
    days = [GridDay(p, str(c).strip(), None) for p, c in enumerate(header) if is_weekday_label(c)]
    below = table.cells[index + 1] if index + 1 < len(table.cells) else []
    dates_below = all(_is_date(below[d.position] if d.position < len(below) else "") for d in days)
    for day in days:
        source = below[day.position] if dates_below else day.label
        day.date, day.problem = _day_date(source, block)
    if not any(day.date for day in days) and block.week is not None:
        for day in days:
            day.date = block.week[0] + dt.timedelta(days=_weekday(day.label))
    return days, index + (2 if dates_below else 1)


def _is_date(cell: Cell) -> bool:
    if isinstance(cell, dt.date):
        return True
    return isinstance(cell, str) and DAY_DATE.fullmatch(cell.strip()) is not None


def _weekday(label: str) -> int:
    return WEEKDAY_INDEX.get(normalised_cell(label)[:3], 0)


def _day_date(source: Cell, block: HeaderBlock) -> tuple[dt.date | None, str | None]:
    """A weekday's date from its label or the cell below, and why it is missing if it is."""
    if isinstance(source, dt.datetime):
        return source.date(), None
    if isinstance(source, dt.date):
        return source, None
    found = DAY_DATE.search(str(source))
    if found is None:
        return None, None
    year = found["y"] or _year_of(block, int(found["m"]))
    if year is None:
        return None, "date-without-year"
    try:
        return dt.date(int(year), int(found["m"]), int(found["d"])), None
    except ValueError:
        return None, "invalid-date"


def _year_of(block: HeaderBlock, month: int) -> int | None:
    """The year of a `dd-mm` date: the one of the stated period (or week) holding that month."""
    period = block.stated_period
    if period is None:
        return None
    first, last = period
    return first.year if month >= first.month or first.year == last.year else last.year


def _dated_span(days: list[GridDay]) -> tuple[dt.date, dt.date] | None:
    dates = [day.date for day in days if day.date is not None]
    return (min(dates), max(dates)) if dates else None


def _slot_column(table: RawTable, header_index: int, days: list[GridDay]) -> int:
    """The column of the time slots: the first column left of the first weekday."""
    first_day = min(day.position for day in days)
    return 0 if first_day > 0 else first_day


def _slots(table: RawTable, first_data: int, position: int) -> dict[int, Slot]:
    """Row index -> slot; a slot without an end lasts until the next slot starts."""
    starts: list[tuple[int, float, float | None, str]] = []
    for index in range(first_data, len(table.cells)):
        parsed = _slot_of(_cell(table, index, position))
        if parsed is not None:
            starts.append((index, parsed[0], parsed[1], cell_text(_cell(table, index, position))))
    slots: dict[int, Slot] = {}
    for number, (index, start, end, label) in enumerate(starts):
        if end is None and number + 1 < len(starts):
            end = starts[number + 1][1]
        length = None if end is None else (end - start) % 1440 or 1440.0
        slots[index] = Slot(start, length, label)
    return slots


def _slot_of(cell: Cell) -> tuple[float, float | None] | None:
    if isinstance(cell, str):
        hours = SLOT_HOURS.match(cell.strip())
        if hours:
            return float(hours["a"]) * 60, float(hours["b"]) * 60
    try:
        return values.parse_time_span(cell)
    except values.InvalidValue:
        return None


def _entry(
    table: RawTable,
    index: int,
    day: GridDay,
    slot: Slot,
    cell: Cell,
    block: HeaderBlock,
    problems: list[Problem],
) -> dict[str, object] | None:
    minutes, activity = _minutes_and_activity(cell)
    text = cell_text(cell)
    code = None
    if minutes is None or minutes <= 0:
        code = "invalid-number"
    elif slot.length is not None and minutes > slot.length:
        code = "slot-overflow"
    elif day.date is None:
        code = day.problem or "missing-value"
    elif block.cpr is None:
        code = "missing-value"
    if code is not None:
        problems.append(_problem(table, index, day.label, code, text, slot=slot.label))
        return None
    period = block.stated_period
    return {
        "cpr": block.cpr, "provider": block.provider, "date": day.date, "start": slot.start,
        "end": None, "minutes": minutes, "activity": activity, "category": None,
        "kind": "direct", "staff": 1, "residents": 1,
        "period_start": period[0] if period else None, "period_end": period[1] if period else None,
        ROW: table.row_number(index),
    }  # fmt: skip


def _minutes_and_activity(cell: Cell) -> tuple[float | None, str | None]:
    if isinstance(cell, bool):
        return None, None
    if isinstance(cell, int | float):
        return float(cell), None
    found = CELL_MINUTES.match(str(cell))
    if found is None:
        return None, None
    activity = found["activity"].strip() or None
    return float(found["minutes"].replace(",", ".")), activity


def _problem(
    table: RawTable, index: int, column: str, code: str, value: str, **params: object
) -> Problem:
    return Problem(
        code=code,
        file=table.file,
        sheet=table.sheet,
        row=table.row_number(index),
        column=column,
        field="minutes" if code in ("invalid-number", "slot-overflow") else "date",
        value=value,
        params={"value": value, **params},
    )


def _result(
    table: RawTable,
    entries: list[dict[str, object]],
    period: tuple[dt.date, dt.date] | None,
    rows_read: int,
    rejected: int,
    problems: list[Problem],
) -> TableResult:
    columns: dict[str, list[object]] = {
        name: [e[name] for e in entries] for name in [*ENTRY_COLUMNS, ROW]
    }
    if period is not None:
        columns["period_start"] = [period[0] if v is None else v for v in columns["period_start"]]
        columns["period_end"] = [period[1] if v is None else v for v in columns["period_end"]]
    return TableResult(
        file=table.file,
        sheet=table.sheet,
        kind="time_log",
        layout="grid",
        columns=columns,
        present=frozenset({"date", "start", "minutes", "activity"}),
        rows_read=rows_read,
        rows_rejected=rejected,
        problems=problems,
    )
