"""Dates and times of day: Danish, ISO and compact dates, Excel serials, clock times, spans."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from bitcheck.values.cells import InvalidValue, as_integer, cell_value, invalid, is_number

_TIME_SUFFIX = (
    r"(?:(?:T|\s+)(?P<time>[0-9]{1,2}[:.][0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?)"
    r"(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?"
)
_DAY_FIRST_DATE = re.compile(
    r"(?P<d>[0-9]{1,2})(?P<sep>[-./])(?P<m>[0-9]{1,2})(?P=sep)(?P<y>[0-9]{4})" + _TIME_SUFFIX
)
_ISO_DATE = re.compile(r"(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})" + _TIME_SUFFIX)
_COMPACT_DATE = re.compile(r"(?P<y>[0-9]{4})(?P<m>[0-9]{2})(?P<d>[0-9]{2})" + _TIME_SUFFIX)
_DATE_PATTERNS = (_DAY_FIRST_DATE, _ISO_DATE, _COMPACT_DATE)
_EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 61 and later (Excel counts a 29-02-1900)
_EXCEL_EPOCH_BEFORE_MARCH_1900 = dt.date(1899, 12, 31)
_EXCEL_LEAP_BUG_SERIAL = 60
_LAST_EXCEL_SERIAL = 73050  # 31-12-2099

_CLOCK = re.compile(
    r"(?P<h>[0-9]{1,2})(?P<sep>[:.])(?P<m>[0-9]{2})(?:(?P=sep)(?P<s>[0-9]{2})(?:[.,][0-9]+)?)?"
)
_CLOCK_PREFIX = re.compile(r"kl\.?\s*", re.IGNORECASE)
_TIME_SPAN = re.compile(r"(?P<start>[^-–—]+?)\s*[-–—]\s*(?P<end>[^-–—]+)")


# --- dates ---------------------------------------------------------------------------------


def parse_date(value: object, *, month_first: bool = False) -> dt.date | None:
    """A date from d-m-yyyy (also "." or "/"), yyyy-mm-dd, yyyymmdd, a date cell or an Excel
    serial number, each optionally followed by a time. `month_first` swaps slash dates only."""
    cell = cell_value(value)
    if cell is None:
        return None
    if isinstance(cell, str):
        return _date_from_text(cell, month_first=month_first)
    if isinstance(cell, dt.date):  # a date or datetime cell
        return _checked_date(cell.year, cell.month, cell.day)
    if is_number(cell):
        return _date_from_number(cell)
    raise invalid("invalid-date")


def slash_dates_month_first(values: Iterable[object]) -> bool:
    """True when among the slash dates (d/m/yyyy) some second part exceeds 12 and no first does."""
    firsts: list[int] = []
    seconds: list[int] = []
    for value in values:
        match = _DAY_FIRST_DATE.fullmatch(value.strip()) if isinstance(value, str) else None
        if match is not None and match["sep"] == "/":
            firsts.append(int(match["d"]))
            seconds.append(int(match["m"]))
    return max(seconds, default=0) > 12 and max(firsts, default=0) <= 12


def _match_date(text: str) -> re.Match[str] | None:
    return next((m for p in _DATE_PATTERNS if (m := p.fullmatch(text)) is not None), None)


def _date_from_text(text: str, *, month_first: bool) -> dt.date:
    match = _match_date(text)
    if match is None:
        raise invalid("invalid-date")
    _check_time_of_date(match["time"])
    day, month = int(match["d"]), int(match["m"])
    if month_first and match.groupdict().get("sep") == "/":
        day, month = month, day
    return _checked_date(int(match["y"]), month, day)


def _check_time_of_date(time_text: str | None) -> None:
    """The time after a date must be a real time of day too ("24-11-2026 25:00" is invalid)."""
    if time_text is None:
        return
    try:
        _clock_minutes(time_text)
    except InvalidValue:
        raise invalid("invalid-date") from None


def _checked_date(year: int, month: int, day: int) -> dt.date:
    if not 1900 <= year <= 2099:
        raise invalid("invalid-date")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise invalid("invalid-date") from None


def _date_from_number(number: float) -> dt.date:
    """yyyymmdd as a number (20261124), or an Excel serial 1..73050 (a fraction is a time)."""
    whole = as_integer(number)
    if whole is not None and 10_000_000 <= whole <= 99_999_999:
        return _checked_date(whole // 10000, whole // 100 % 100, whole % 100)
    if not 1 <= number < _LAST_EXCEL_SERIAL + 1:
        raise invalid("invalid-date")
    serial = int(number)
    if serial == _EXCEL_LEAP_BUG_SERIAL:
        raise invalid("invalid-date")
    epoch = _EXCEL_EPOCH if serial > _EXCEL_LEAP_BUG_SERIAL else _EXCEL_EPOCH_BEFORE_MARCH_1900
    return epoch + dt.timedelta(days=serial)


def parse_date_month_first(value: object) -> dt.date | None:
    """A date whose slash form is month first (a US-locale export)."""
    return parse_date(value, month_first=True)


# --- times ---------------------------------------------------------------------------------


def parse_time(value: object) -> float | None:
    """A time of day as minutes after midnight (0..1440; "24:00" is 1440): hh:mm, h.mm,
    hh:mm:ss, a time cell or the time of a datetime. A bare number is invalid-time."""
    cell = cell_value(value)
    return None if cell is None else _time_of_cell(cell)


def _time_of_cell(cell: object) -> float:
    if isinstance(cell, str):
        return _time_from_text(cell)
    if isinstance(cell, dt.datetime):
        return minutes_of_day(cell.time())
    if isinstance(cell, dt.time):
        return minutes_of_day(cell)
    if isinstance(cell, dt.timedelta):
        return _time_from_timedelta(cell)
    raise invalid("invalid-time")


def parse_time_span(value: object) -> tuple[float, float | None] | None:
    """A start cell: "07:00-07:30" -> (420.0, 450.0); "07:00" -> (420.0, None)."""
    cell = cell_value(value)
    if cell is None:
        return None
    span = _TIME_SPAN.fullmatch(cell) if isinstance(cell, str) else None
    if span is not None and _is_clock(span["start"]) and _is_clock(span["end"]):
        return _time_from_text(span["start"]), _time_from_text(span["end"])
    return _time_of_cell(cell), None


def _is_clock(text: str) -> bool:
    return _CLOCK.fullmatch(_CLOCK_PREFIX.sub("", text, count=1)) is not None


def _time_from_text(text: str) -> float:
    text = _CLOCK_PREFIX.sub("", text, count=1)
    date_match = _match_date(text)
    if date_match is not None and date_match["time"] is not None:
        text = date_match["time"]
    return _clock_minutes(text)


def _clock_minutes(text: str) -> float:
    match = _CLOCK.fullmatch(text)
    if match is None:
        raise invalid("invalid-time")
    hours, minutes, seconds = int(match["h"]), int(match["m"]), int(match["s"] or 0)
    if minutes > 59 or seconds > 59 or hours > 24 or (hours == 24 and minutes + seconds > 0):
        raise invalid("invalid-time")
    return hours * 60 + minutes + seconds / 60


def minutes_of_day(time: dt.time) -> float:
    """Minutes after midnight, to the nearest second (Excel times carry rounding noise)."""
    seconds = time.hour * 3600 + time.minute * 60 + time.second + time.microsecond / 1e6
    return round(seconds) / 60


def _time_from_timedelta(span: dt.timedelta) -> float:
    seconds = span.total_seconds()
    if not 0 <= seconds <= 24 * 3600:
        raise invalid("invalid-time")
    return round(seconds) / 60
