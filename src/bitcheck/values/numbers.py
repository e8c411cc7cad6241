"""Numbers written the Danish or the English way: amounts, hours, minutes and counts."""

from __future__ import annotations

import datetime as dt
import math
import re

from bitcheck.values.cells import (
    WHITESPACE,
    InvalidValue,
    as_integer,
    cell_value,
    invalid,
    is_number,
)
from bitcheck.values.dates import minutes_of_day

_DURATION = re.compile(r"(?P<h>[0-9]+):(?P<m>[0-9]{2})(?::(?P<s>[0-9]{2}))?")
_MINUTE_SUFFIX = re.compile(r"\s*min(?:\.|ut|utter)?$", re.IGNORECASE)
_CURRENCY = re.compile(r"^(?:kr\.?|dkk)\s*|\s*(?:kr\.?|dkk)$", re.IGNORECASE)
_WHOLE_KRONER = re.compile(r",-{1,2}$")  # "1.234,-"
_MINUS_SIGNS = ("-", "\u2212", "\u2013")
_NUMBER_TEXT = re.compile(r"[0-9., ]+")
_PLAIN_INTEGER = re.compile(r"[0-9]*")
_GROUPED_INTEGER = re.compile(r"[0-9]{1,3}(?:[ .,][0-9]{3})+")
_THOUSANDS_PREFIX = re.compile(r"[1-9][0-9]{0,2}(?: [0-9]{3})*")


def parse_amount(value: object) -> float | None:
    """An amount in DKK, never negative: 1.234,50, kr. 1.234,50, 1 234,50, 1,234.50, 1.234."""
    cell = cell_value(value)
    if cell is None:
        return None
    return _non_negative(_signed_number(cell, dot_thousands=True))


def parse_hours(value: object) -> float | None:
    """Hours, as an amount, except that "1.234" is ambiguous-number."""
    cell = cell_value(value)
    if cell is None:
        return None
    return _non_negative(_signed_number(cell, dot_thousands=False))


def parse_minutes(value: object) -> float | None:
    """Minutes > 0; a time ("1:30", a time cell, a duration) is a duration: 90.0."""
    cell = cell_value(value)
    if cell is None:
        return None
    if isinstance(cell, dt.time):
        return _positive(minutes_of_day(cell))
    if isinstance(cell, dt.timedelta):
        return _positive(round(cell.total_seconds()) / 60)
    if isinstance(cell, str):
        return _positive(_minutes_from_text(cell))
    return _positive(_signed_number(cell, dot_thousands=False))


def parse_count(value: object) -> int | None:
    """A whole number >= 1 (staff, residents): 2 and 2.0 are 2; 2.5 and 0 are invalid-number."""
    cell = cell_value(value)
    if cell is None:
        return None
    whole = as_integer(_positive(_signed_number(cell, dot_thousands=False)))
    if whole is None:
        raise invalid("invalid-number")
    return whole


def _minutes_from_text(text: str) -> float:
    text = _MINUTE_SUFFIX.sub("", text)
    match = _DURATION.fullmatch(text)
    if match is None:
        return _number_from_text(text, dot_thousands=False)
    minutes, seconds = int(match["m"]), int(match["s"] or 0)
    if minutes > 59 or seconds > 59:
        raise invalid("invalid-number")
    return int(match["h"]) * 60 + minutes + seconds / 60


def _signed_number(cell: object, *, dot_thousands: bool) -> float:
    if isinstance(cell, str):
        return _number_from_text(cell, dot_thousands=dot_thousands)
    if not is_number(cell):
        raise invalid("invalid-number")
    try:
        return float(cell)
    except OverflowError:
        raise invalid("invalid-number") from None


def _non_negative(number: float) -> float:
    if not math.isfinite(number):
        raise invalid("invalid-number")
    if number < 0:
        raise invalid("negative-number")
    return number + 0.0  # -0.0 -> 0.0


def _positive(number: float) -> float:
    if _non_negative(number) == 0:
        raise InvalidValue("invalid-number", "a number above 0")
    return number


def _number_from_text(text: str, *, dot_thousands: bool) -> float:
    """A number written the Danish or the English way, with an optional currency and sign."""
    body = _WHOLE_KRONER.sub(",00", _CURRENCY.sub("", text).strip())
    negative = body.startswith(_MINUS_SIGNS)
    number = _unsigned_number(body[1:].lstrip() if negative else body, dot_thousands)
    return -number if negative else number


def _unsigned_number(text: str, dot_thousands: bool) -> float:
    text = WHITESPACE.sub(" ", text)
    if not _NUMBER_TEXT.fullmatch(text):
        raise invalid("invalid-number")
    mark = _decimal_mark(text, dot_thousands)
    integer, fraction = text.rsplit(mark, 1) if mark else (text, "")
    if mark and (mark in integer or not fraction.isdigit()):
        raise invalid("invalid-number")
    digits = _integer_digits(integer)
    if not digits and not fraction:
        raise invalid("invalid-number")
    return float(f"{digits or 0}.{fraction or 0}")


def _decimal_mark(text: str, dot_thousands: bool) -> str | None:
    """Both "." and ",": the last one; one ",": ","; one ".": see `_single_dot`; else none."""
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        return "." if text.rfind(".") > text.rfind(",") else ","
    if commas == 1:
        return ","
    if dots == 1:
        return _single_dot(text, dot_thousands)
    return None


def _single_dot(text: str, dot_thousands: bool) -> str | None:
    """One ".": "1.234" groups thousands (ambiguous in hours); "1.5" and "0.250" are decimal."""
    integer, fraction = text.split(".")
    if len(fraction) != 3 or not fraction.isdigit() or not _THOUSANDS_PREFIX.fullmatch(integer):
        return "."
    if not dot_thousands:
        raise invalid("ambiguous-number")
    return None


def _integer_digits(integer: str) -> str:
    """The digits of an integer part, plain ("1234") or grouped by three ("1.234", "1 234")."""
    if _PLAIN_INTEGER.fullmatch(integer) or _GROUPED_INTEGER.fullmatch(integer):
        return re.sub(r"[^0-9]", "", integer)
    raise invalid("invalid-number")
