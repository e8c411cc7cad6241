"""Coded fields: yes/no, CPR number, paragraph, need level, tariff unit and kind of support."""

from __future__ import annotations

import datetime as dt
import re

from bitcheck.values.cells import WHITESPACE, as_integer, cell_value, fold, invalid, is_number

KNOWN_PARAGRAPHS: frozenset[str] = frozenset(
    {"83", "83a", "84", "85", "102", "103", "104", "105", "107", "108", "109", "110"}
)

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


def parse_yes_no(value: object) -> bool | None:
    """ja/nej, j/n, x, yes/no, true/false, 1/0 and bool cells; blank is None."""
    cell = cell_value(value)
    if cell is None:
        return None
    if isinstance(cell, bool):
        return cell
    if is_number(cell) and cell in (0, 1):
        return bool(cell)
    answer = _YES_NO.get(fold(cell)) if isinstance(cell, str) else None
    if answer is None:
        raise invalid("invalid-yes-no")
    return answer


def parse_cpr(value: object) -> str | None:
    """The ten digits DDMMYYSSSS of DDMMYY-SSSS, DDMMYYSSSS or nine digits that lost a zero."""
    cell = cell_value(value)
    if cell is None:
        return None
    digits = _cpr_digits(cell)
    if digits is None or not _is_cpr_date(digits[:6]):
        raise invalid("invalid-cpr")
    return digits


def _cpr_digits(cell: object) -> str | None:
    if isinstance(cell, str):
        text = WHITESPACE.sub("", cell)
        digits = re.sub("[-–]", "", text) if _CPR_TEXT.fullmatch(text) else ""
    elif is_number(cell) and (whole := as_integer(cell)) is not None and whole > 0:
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
    cell = cell_value(value)
    if cell is None:
        return None
    if isinstance(cell, str):
        return _paragraph_from_text(cell)
    whole = as_integer(cell) if is_number(cell) else None
    if whole is None or whole <= 0:
        raise invalid("invalid-paragraph")
    return str(whole)


def _paragraph_from_text(text: str) -> str:
    """The first number after "§" (else the first number), with a letter only for 83a and kin."""
    folded = fold(text)
    after_sign = folded.partition("§")[2]
    match = _PARAGRAPH_NUMBER.search(after_sign) or _PARAGRAPH_NUMBER.search(folded)
    if match is None or not match[1].lstrip("0"):
        raise invalid("invalid-paragraph")
    number = match[1].lstrip("0")
    with_letter = number + (match[2] or "")
    return with_letter if with_letter in KNOWN_PARAGRAPHS else number


def parse_need_level(value: object) -> int | None:
    """A VUM function level 0..4: "3", 3.0, "Svært", "3 - Svært" (digit and word must agree)."""
    cell = cell_value(value)
    if cell is None:
        return None
    if isinstance(cell, str):
        return _need_level_from_text(cell)
    level = as_integer(cell) if is_number(cell) else None
    if level is None or not 0 <= level <= _HIGHEST_NEED_LEVEL:
        raise invalid("invalid-need-level")
    return level


def _need_level_from_text(text: str) -> int:
    """A digit, a VUM word or both; an unknown word counts as level -1, so it never agrees."""
    match = _NEED_LEVEL_TEXT.fullmatch(fold(text))
    levels = {int(match["digit"])} if match is not None and match["digit"] else set()
    if match is not None and match["word"]:
        levels.add(_need_level_of_word(match["word"]))
    level = levels.pop() if len(levels) == 1 else -1
    if not 0 <= level <= _HIGHEST_NEED_LEVEL:
        raise invalid("invalid-need-level")
    return level


def _need_level_of_word(word: str) -> int:
    return next((level for stem, level in _NEED_LEVEL_WORDS if word.startswith(stem)), -1)


def parse_unit(value: object) -> str | None:
    """A tariff unit: day, week, month, year, hour, or none (km, stk: not a tariff unit)."""
    cell = cell_value(value)
    if cell is None:
        return None
    word = _UNIT_PREFIX.sub("", fold(cell)).strip().rstrip(".") if isinstance(cell, str) else ""
    unit = _UNITS.get(word)
    if unit is None:
        raise invalid("invalid-unit")
    return unit


def parse_kind(value: object) -> str:
    """direct, indirect, night_awake or night_sleeping by substring, first match winning in the
    contract's order; an empty kind is direct."""
    cell = cell_value(value)
    if cell is None:
        return "direct"
    text = _kind_text(cell)
    for kind, words in _KINDS:
        if any(word in text for word in words):
            return kind
    raise invalid("invalid-kind")


def _kind_text(cell: object) -> str:
    if cell == _ONE_TO_ONE_AS_TIME:
        return "1:1"
    if not isinstance(cell, str):
        return ""
    return " ".join(fold(cell).replace("_", " ").replace("-", " ").split())
