"""Pure parsers for the cell values of Danish spreadsheets and CSV files (contract.md "Values").

A cell arrives as "" (empty), str, float, int, bool, date, datetime, time or timedelta (what
python-calamine gives; CSV cells are always str), or None / NaN. Every parser returns the parsed
value, returns None for an empty cell, or raises `InvalidValue` with a stable error code and a
short hint showing the valid form. `parse_column` applies a parser to a whole column, parsing each
distinct value once. Danish words live in the constant tables only.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeGuard, TypeVar

import numpy as np

if TYPE_CHECKING:
    import pandas as pd

T = TypeVar("T")


class InvalidValue(ValueError):
    """A cell that cannot be read as its field's type; `code` is a kebab-case error code."""

    def __init__(self, code: str, hint: str = "") -> None:
        super().__init__(f"{code}: {hint}" if hint else code)
        self.code = code
        self.hint = hint


EXCEL_ERRORS: frozenset[str] = frozenset(
    {"#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!"}
)
KNOWN_PARAGRAPHS: frozenset[str] = frozenset(
    {"83", "83a", "84", "85", "102", "103", "104", "105", "107", "108", "109", "110"}
)

_VALID_FORMS: dict[str, str] = {
    "invalid-date": "dd-mm-yyyy",
    "invalid-time": "hh:mm",
    "invalid-number": "a number such as 1.234,50",
    "ambiguous-number": "1234 or 1,234",
    "negative-number": "a number of 0 or more",
    "invalid-cpr": "DDMMYY-SSSS",
    "invalid-paragraph": "§ 85",
    "invalid-need-level": "0-4 or Ingen, Let, Moderat, Svært, Fuldstændig",
    "invalid-yes-no": "ja or nej",
    "invalid-unit": "døgn, uge, md, år or time",
    "invalid-kind": "direkte, indirekte, nattevagt vågen or nattevagt sovende",
}

_DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})
_HEADER_PUNCTUATION = str.maketrans({".": "", ":": "", "_": " ", "-": " "})

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
_DURATION = re.compile(r"(?P<h>[0-9]+):(?P<m>[0-9]{2})(?::(?P<s>[0-9]{2}))?")
_MINUTE_SUFFIX = re.compile(r"\s*min(?:\.|ut|utter)?$", re.IGNORECASE)

_CURRENCY = re.compile(r"^(?:kr\.?|dkk)\s*|\s*(?:kr\.?|dkk)$", re.IGNORECASE)
_WHOLE_KRONER = re.compile(r",-{1,2}$")  # "1.234,-"
_MINUS_SIGNS = ("-", "\u2212", "\u2013")
_NUMBER_TEXT = re.compile(r"[0-9., ]+")
_PLAIN_INTEGER = re.compile(r"[0-9]*")
_GROUPED_INTEGER = re.compile(r"[0-9]{1,3}(?:[ .,][0-9]{3})+")
_THOUSANDS_PREFIX = re.compile(r"[1-9][0-9]{0,2}(?: [0-9]{3})*")
_WHITESPACE = re.compile(r"\s+")

_CPR_TEXT = re.compile(r"[0-9]{6}[-–]?[0-9]{4}|[0-9]{9}")
_REPLACEMENT_DAY_OFFSET = 60
_PARAGRAPH_NUMBER = re.compile(r"([0-9]+)(?![0-9])(?:\s?([a-z])(?![a-z]))?")
_NEED_LEVEL_TEXT = re.compile(
    r"(?:(?P<digit>[0-9])(?:[.,]0+)?)?[\s\-–:.)]*(?P<word>[a-z]*)(?:\s.*)?", re.DOTALL
)
_NEED_LEVEL_WORDS: tuple[tuple[str, int], ...] = (
    ("ingen", 0),
    ("let", 1),
    ("moderat", 2),
    ("svaer", 3),
    ("fuldstaendig", 4),
)
_HIGHEST_NEED_LEVEL = 4

_YES_NO: dict[str, bool] = {
    **dict.fromkeys(("ja", "j", "x", "yes", "y", "true", "sand", "1", "1.0", "1,0"), True),
    **dict.fromkeys(("nej", "n", "no", "false", "falsk", "0", "0.0", "0,0"), False),
}
_UNIT_PREFIX = re.compile(r"^(?:(?:kr|dkk)\.?\s*)?(?:(?:pr|per)\.?\s*|/\s*)?")
_UNITS: dict[str, str] = {
    **dict.fromkeys(("doegn", "dag", "dage", "day", "days"), "day"),
    **dict.fromkeys(("uge", "uger", "week", "weeks"), "week"),
    **dict.fromkeys(("md", "mdr", "mnd", "maaned", "maaneder", "month", "months"), "month"),
    **dict.fromkeys(("aar", "year", "years"), "year"),
    **dict.fromkeys(("time", "timer", "hour", "hours"), "hour"),
    **dict.fromkeys(("km", "stk", "none"), "none"),
}
_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("indirect", ("indirect", "indirekte", "dokumentation", "koordinering", "moede uden borger")),
    ("night_sleeping", ("night sleeping", "sovende", "raadighed")),
    ("night_awake", ("night awake", "vaagen", "nattevagt")),
    ("direct", ("direct", "direkte", "1:1", "individuel", "delt", "gruppe", "faelles")),
)
_ONE_TO_ONE_AS_TIME = dt.time(1, 1)  # Excel reads a typed "1:1" as 01:01

_ABBREVIATED_LEVEL = re.compile(r"\bniv\b\.?")
_WORD = re.compile(r"[^\W_]+")
_LEADING_LEVEL_WORD = re.compile(r"^(?:takstniveau|niveau|pakke|ydelsespakke|trin) ?(?=[0-9])")


# --- cells ---------------------------------------------------------------------------------


PANDAS_MISSING = ("NAType", "NaTType")  # pd.NA, pd.NaT: told by name, so that reading a
# file (in a worker process) never imports pandas


def is_blank(value: object) -> bool:
    """True for None, NaN, "", text of only spaces and Excel error values (#N/A, ...)."""
    if value is None or type(value).__name__ in PANDAS_MISSING:
        return True
    if isinstance(value, float | np.floating):
        return math.isnan(value)
    if isinstance(value, str):
        text = value.strip()
        return not text or text.upper() in EXCEL_ERRORS
    return False


def _cell(value: object) -> object:
    """The cell as a plain Python value: None when blank, text stripped, numpy scalars unwrapped."""
    if isinstance(value, np.bool_ | np.integer | np.floating):
        value = value.item()
    if is_blank(value):
        return None
    return value.strip() if isinstance(value, str) else value


def _is_number(cell: object) -> TypeGuard[int | float]:
    return isinstance(cell, int | float) and not isinstance(cell, bool)


def _as_integer(number: float) -> int | None:
    """The number as an int when it is integral (and finite), else None."""
    if isinstance(number, int):
        return number
    return int(number) if number.is_integer() else None


def _invalid(code: str) -> InvalidValue:
    return InvalidValue(code, _VALID_FORMS.get(code, ""))


def _fold(text: str) -> str:
    """Lower case with æ/ø/å spelt ae/oe/aa (composed characters first, so "å" = "å")."""
    return unicodedata.normalize("NFC", text).lower().translate(_DANISH_LETTERS)


def _text_of(cell: object) -> str:
    """A non-blank cell as text; integral numbers without decimals, dates as yyyy-mm-dd."""
    if isinstance(cell, str):
        return cell.strip()
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, dt.datetime) and cell.time() == dt.time():
        return cell.date().isoformat()
    if isinstance(cell, dt.date | dt.time):
        return cell.isoformat()
    return str(cell)


# --- text and ids --------------------------------------------------------------------------


def parse_id(value: object) -> str | None:
    """An id as text: 12345.0 -> "12345"; "00123" stays "00123"; 1.5 -> "1.5"."""
    cell = _cell(value)
    return None if cell is None else _text_of(cell)


def parse_text(value: object) -> str | None:
    """Text stripped of surrounding spaces; numbers written as for ids."""
    return parse_id(value)


def normalise_header(value: object) -> str:
    """A header label as matched: lower case, æ/ø/å as ae/oe/aa, "_" "-" and line breaks as one
    space, "." and ":" dropped, stripped."""
    cell = _cell(value)
    if cell is None:
        return ""
    return " ".join(_fold(_text_of(cell).translate(_HEADER_PUNCTUATION)).split())


@lru_cache(maxsize=1 << 16, typed=True)  # names and levels repeat across cases and rows
def normalise_name(value: object) -> str:
    """A provider name or level as compared (contract.md §2c step 1): words of letters and digits.

    `niv`/`niv.` reads as `niveau`; a leading `niveau`, `pakke` (...) before a number is dropped:
    "§ 107-niv. 2" -> "107 niveau 2", "Pakke 3" -> "3", "Glesborg- Toppen" -> "glesborg toppen".
    """
    cell = _cell(value)
    if cell is None:
        return ""
    text = _ABBREVIATED_LEVEL.sub("niveau ", _fold(_text_of(cell)))
    return _LEADING_LEVEL_WORD.sub("", " ".join(_WORD.findall(text)))


def mask_digits(text: str) -> str:
    """Every digit as "#": "610190-1234" -> "######-####"."""
    return re.sub(r"\d", "#", text)


# --- dates ---------------------------------------------------------------------------------


def parse_date(value: object, *, month_first: bool = False) -> dt.date | None:
    """A date from d-m-yyyy (also "." or "/"), yyyy-mm-dd, yyyymmdd, a date cell or an Excel
    serial number, each optionally followed by a time. `month_first` swaps slash dates only."""
    cell = _cell(value)
    if cell is None:
        return None
    if isinstance(cell, str):
        return _date_from_text(cell, month_first=month_first)
    if isinstance(cell, dt.date):  # a date or datetime cell
        return _checked_date(cell.year, cell.month, cell.day)
    if _is_number(cell):
        return _date_from_number(cell)
    raise _invalid("invalid-date")


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
        raise _invalid("invalid-date")
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
        raise _invalid("invalid-date") from None


def _checked_date(year: int, month: int, day: int) -> dt.date:
    if not 1900 <= year <= 2099:
        raise _invalid("invalid-date")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise _invalid("invalid-date") from None


def _date_from_number(number: float) -> dt.date:
    """yyyymmdd as a number (20261124), or an Excel serial 1..73050 (a fraction is a time)."""
    whole = _as_integer(number)
    if whole is not None and 10_000_000 <= whole <= 99_999_999:
        return _checked_date(whole // 10000, whole // 100 % 100, whole % 100)
    if not 1 <= number < _LAST_EXCEL_SERIAL + 1:
        raise _invalid("invalid-date")
    serial = int(number)
    if serial == _EXCEL_LEAP_BUG_SERIAL:
        raise _invalid("invalid-date")
    epoch = _EXCEL_EPOCH if serial > _EXCEL_LEAP_BUG_SERIAL else _EXCEL_EPOCH_BEFORE_MARCH_1900
    return epoch + dt.timedelta(days=serial)


# --- times ---------------------------------------------------------------------------------


def parse_time(value: object) -> float | None:
    """A time of day as minutes after midnight (0..1440; "24:00" is 1440): hh:mm, h.mm,
    hh:mm:ss, a time cell or the time of a datetime. A bare number is invalid-time."""
    cell = _cell(value)
    return None if cell is None else _time_of_cell(cell)


def _time_of_cell(cell: object) -> float:
    if isinstance(cell, str):
        return _time_from_text(cell)
    if isinstance(cell, dt.datetime):
        return _minutes_of_day(cell.time())
    if isinstance(cell, dt.time):
        return _minutes_of_day(cell)
    if isinstance(cell, dt.timedelta):
        return _time_from_timedelta(cell)
    raise _invalid("invalid-time")


def parse_time_span(value: object) -> tuple[float, float | None] | None:
    """A start cell: "07:00-07:30" -> (420.0, 450.0); "07:00" -> (420.0, None)."""
    cell = _cell(value)
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
        raise _invalid("invalid-time")
    hours, minutes, seconds = int(match["h"]), int(match["m"]), int(match["s"] or 0)
    if minutes > 59 or seconds > 59 or hours > 24 or (hours == 24 and minutes + seconds > 0):
        raise _invalid("invalid-time")
    return hours * 60 + minutes + seconds / 60


def _minutes_of_day(time: dt.time) -> float:
    """Minutes after midnight, to the nearest second (Excel times carry rounding noise)."""
    seconds = time.hour * 3600 + time.minute * 60 + time.second + time.microsecond / 1e6
    return round(seconds) / 60


def _time_from_timedelta(span: dt.timedelta) -> float:
    seconds = span.total_seconds()
    if not 0 <= seconds <= 24 * 3600:
        raise _invalid("invalid-time")
    return round(seconds) / 60


# --- numbers -------------------------------------------------------------------------------


def parse_amount(value: object) -> float | None:
    """An amount in DKK, never negative: 1.234,50, kr. 1.234,50, 1 234,50, 1,234.50, 1.234."""
    cell = _cell(value)
    if cell is None:
        return None
    return _non_negative(_signed_number(cell, dot_thousands=True))


def parse_hours(value: object) -> float | None:
    """Hours, as an amount, except that "1.234" is ambiguous-number."""
    cell = _cell(value)
    if cell is None:
        return None
    return _non_negative(_signed_number(cell, dot_thousands=False))


def parse_minutes(value: object) -> float | None:
    """Minutes > 0; a time ("1:30", a time cell, a duration) is a duration: 90.0."""
    cell = _cell(value)
    if cell is None:
        return None
    if isinstance(cell, dt.time):
        return _positive(_minutes_of_day(cell))
    if isinstance(cell, dt.timedelta):
        return _positive(round(cell.total_seconds()) / 60)
    if isinstance(cell, str):
        return _positive(_minutes_from_text(cell))
    return _positive(_signed_number(cell, dot_thousands=False))


def parse_count(value: object) -> int | None:
    """A whole number >= 1 (staff, residents): 2 and 2.0 are 2; 2.5 and 0 are invalid-number."""
    cell = _cell(value)
    if cell is None:
        return None
    whole = _as_integer(_positive(_signed_number(cell, dot_thousands=False)))
    if whole is None:
        raise _invalid("invalid-number")
    return whole


def _minutes_from_text(text: str) -> float:
    text = _MINUTE_SUFFIX.sub("", text)
    match = _DURATION.fullmatch(text)
    if match is None:
        return _number_from_text(text, dot_thousands=False)
    minutes, seconds = int(match["m"]), int(match["s"] or 0)
    if minutes > 59 or seconds > 59:
        raise _invalid("invalid-number")
    return int(match["h"]) * 60 + minutes + seconds / 60


def _signed_number(cell: object, *, dot_thousands: bool) -> float:
    if isinstance(cell, str):
        return _number_from_text(cell, dot_thousands=dot_thousands)
    if not _is_number(cell):
        raise _invalid("invalid-number")
    try:
        return float(cell)
    except OverflowError:
        raise _invalid("invalid-number") from None


def _non_negative(number: float) -> float:
    if not math.isfinite(number):
        raise _invalid("invalid-number")
    if number < 0:
        raise _invalid("negative-number")
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
    text = _WHITESPACE.sub(" ", text)
    if not _NUMBER_TEXT.fullmatch(text):
        raise _invalid("invalid-number")
    mark = _decimal_mark(text, dot_thousands)
    integer, fraction = text.rsplit(mark, 1) if mark else (text, "")
    if mark and (mark in integer or not fraction.isdigit()):
        raise _invalid("invalid-number")
    digits = _integer_digits(integer)
    if not digits and not fraction:
        raise _invalid("invalid-number")
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
        raise _invalid("ambiguous-number")
    return None


def _integer_digits(integer: str) -> str:
    """The digits of an integer part, plain ("1234") or grouped by three ("1.234", "1 234")."""
    if _PLAIN_INTEGER.fullmatch(integer) or _GROUPED_INTEGER.fullmatch(integer):
        return re.sub(r"[^0-9]", "", integer)
    raise _invalid("invalid-number")


# --- yes/no, CPR, paragraph, need level, unit, kind ------------------------------------------


def parse_yes_no(value: object) -> bool | None:
    """ja/nej, j/n, x, yes/no, true/false, 1/0 and bool cells; blank is None."""
    cell = _cell(value)
    if cell is None:
        return None
    if isinstance(cell, bool):
        return cell
    if _is_number(cell) and cell in (0, 1):
        return bool(cell)
    answer = _YES_NO.get(_fold(cell)) if isinstance(cell, str) else None
    if answer is None:
        raise _invalid("invalid-yes-no")
    return answer


def parse_cpr(value: object) -> str | None:
    """The ten digits DDMMYYSSSS of DDMMYY-SSSS, DDMMYYSSSS or nine digits that lost a zero."""
    cell = _cell(value)
    if cell is None:
        return None
    digits = _cpr_digits(cell)
    if digits is None or not _is_cpr_date(digits[:6]):
        raise _invalid("invalid-cpr")
    return digits


def _cpr_digits(cell: object) -> str | None:
    if isinstance(cell, str):
        text = _WHITESPACE.sub("", cell)
        digits = re.sub("[-–]", "", text) if _CPR_TEXT.fullmatch(text) else ""
    elif _is_number(cell) and (whole := _as_integer(cell)) is not None and whole > 0:
        digits = str(whole)
    else:
        return None
    if len(digits) == 9:
        return "0" + digits
    return digits if len(digits) == 10 else None


def _is_cpr_date(ddmmyy: str) -> bool:
    """A real day and month in some century (29-02 always); day + 60 is a replacement number."""
    day, month = int(ddmmyy[:2]), int(ddmmyy[2:4])
    if day > _REPLACEMENT_DAY_OFFSET:
        day -= _REPLACEMENT_DAY_OFFSET
    try:
        dt.date(2000, month, day)  # a leap year
    except ValueError:
        return False
    return True


def parse_paragraph(value: object) -> str | None:
    """The paragraph number: "SEL § 85, stk. 2" -> "85", "§ 83 a" -> "83a", 85.0 -> "85"."""
    cell = _cell(value)
    if cell is None:
        return None
    if isinstance(cell, str):
        return _paragraph_from_text(cell)
    whole = _as_integer(cell) if _is_number(cell) else None
    if whole is None or whole <= 0:
        raise _invalid("invalid-paragraph")
    return str(whole)


def _paragraph_from_text(text: str) -> str:
    """The first number after "§" (else the first number), with a letter only for 83a and kin."""
    folded = _fold(text)
    after_sign = folded.partition("§")[2]
    match = _PARAGRAPH_NUMBER.search(after_sign) or _PARAGRAPH_NUMBER.search(folded)
    if match is None or not match[1].lstrip("0"):
        raise _invalid("invalid-paragraph")
    number = match[1].lstrip("0")
    with_letter = number + (match[2] or "")
    return with_letter if with_letter in KNOWN_PARAGRAPHS else number


def parse_need_level(value: object) -> int | None:
    """A VUM function level 0..4: "3", 3.0, "Svært", "3 - Svært" (digit and word must agree)."""
    cell = _cell(value)
    if cell is None:
        return None
    if isinstance(cell, str):
        return _need_level_from_text(cell)
    level = _as_integer(cell) if _is_number(cell) else None
    if level is None or not 0 <= level <= _HIGHEST_NEED_LEVEL:
        raise _invalid("invalid-need-level")
    return level


def _need_level_from_text(text: str) -> int:
    """A digit, a VUM word or both; an unknown word counts as level -1, so it never agrees."""
    match = _NEED_LEVEL_TEXT.fullmatch(_fold(text))
    levels = {int(match["digit"])} if match is not None and match["digit"] else set()
    if match is not None and match["word"]:
        levels.add(_need_level_of_word(match["word"]))
    level = levels.pop() if len(levels) == 1 else -1
    if not 0 <= level <= _HIGHEST_NEED_LEVEL:
        raise _invalid("invalid-need-level")
    return level


def _need_level_of_word(word: str) -> int:
    return next((level for stem, level in _NEED_LEVEL_WORDS if word.startswith(stem)), -1)


def parse_unit(value: object) -> str | None:
    """A tariff unit: day, week, month, year, hour, or none (km, stk: not a tariff unit)."""
    cell = _cell(value)
    if cell is None:
        return None
    word = _UNIT_PREFIX.sub("", _fold(cell)).strip().rstrip(".") if isinstance(cell, str) else ""
    unit = _UNITS.get(word)
    if unit is None:
        raise _invalid("invalid-unit")
    return unit


def parse_kind(value: object) -> str:
    """direct, indirect, night_awake or night_sleeping by substring, first match winning in the
    contract's order; an empty kind is direct."""
    cell = _cell(value)
    if cell is None:
        return "direct"
    text = _kind_text(cell)
    for kind, words in _KINDS:
        if any(word in text for word in words):
            return kind
    raise _invalid("invalid-kind")


def _kind_text(cell: object) -> str:
    if cell == _ONE_TO_ONE_AS_TIME:
        return "1:1"
    if not isinstance(cell, str):
        return ""
    return " ".join(_fold(cell).replace("_", " ").replace("-", " ").split())


# --- columns -------------------------------------------------------------------------------


def parse_column(
    values: pd.Series[Any], parser: Callable[[object], T]
) -> tuple[pd.Series[Any], pd.Series[Any]]:
    """Parse a column, each distinct value once: (values, error codes), both object Series with
    the input's index; a value is None where empty or invalid, a code None where fine."""
    import pandas as pd  # not in the worker processes that read files

    outcomes: dict[tuple[type, object], tuple[T | None, str | None]] = {}
    parsed: list[T | None] = []
    codes: list[str | None] = []
    for value in values.tolist():
        key = (type(value), value)
        if key not in outcomes:
            outcomes[key] = _outcome(parser, value)
        result, code = outcomes[key]
        parsed.append(result)
        codes.append(code)
    return (
        pd.Series(parsed, index=values.index, dtype=object),
        pd.Series(codes, index=values.index, dtype=object),
    )


def _outcome(parser: Callable[[object], T], value: object) -> tuple[T | None, str | None]:
    try:
        return parser(value), None
    except InvalidValue as error:
        return None, error.code


_MEMOS: dict[Callable[[object], Any], dict[object, tuple[Any, str | None]]] = {}
_MEMO_LIMIT = 200_000  # distinct values remembered per parser before the memo starts afresh


def parse_values(
    values: list[object], parser: Callable[[object], T | None]
) -> tuple[list[T | None], list[str | None]]:
    """Parse a list of cells: (values, error codes). Each distinct cell is parsed once per run:
    the outcome is remembered per parser, across tables, since dates, times and kinds repeat."""
    memo = _MEMOS.setdefault(parser, {})
    if len(memo) > _MEMO_LIMIT:
        memo.clear()
    if bool in set(map(type, values)):
        return _parse_one_by_one(values, parser, memo)
    distinct = dict.fromkeys(values)
    for value in distinct:
        if value not in memo:
            memo[value] = _outcome(parser, value)
    parsed_of = {value: memo[value][0] for value in distinct}
    code_of = {value: memo[value][1] for value in distinct}
    parsed = list(map(parsed_of.__getitem__, values))
    if all(code is None for code in code_of.values()):  # the usual column: every cell fine
        return parsed, [None] * len(values)
    return parsed, list(map(code_of.__getitem__, values))


def _parse_one_by_one(
    values: list[object],
    parser: Callable[[object], T | None],
    memo: dict[object, tuple[Any, str | None]],
) -> tuple[list[T | None], list[str | None]]:
    """parse_values for cells that include booleans: 1, 1.0 and True are equal keys, so a
    bool is kept apart (a count of True is no count)."""
    outcomes = []
    for value in values:
        key = (bool, value) if type(value) is bool else value
        outcome = memo.get(key)
        if outcome is None:
            outcome = memo[key] = _outcome(parser, value)
        outcomes.append(outcome)
    return [outcome[0] for outcome in outcomes], [outcome[1] for outcome in outcomes]


def parse_date_month_first(value: object) -> dt.date | None:
    """A date whose slash form is month first (a US-locale export)."""
    return parse_date(value, month_first=True)
