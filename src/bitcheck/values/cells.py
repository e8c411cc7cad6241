"""Cells as the parsers see them, the error every parser raises, and text and ids.

A cell arrives as "" (empty), str, float, int, bool, date, datetime, time or timedelta (what
python-calamine gives; CSV cells are always str), or None / NaN. `cell_value` makes it a plain
value (None when blank); parsers raise `InvalidValue` with a stable code and the valid form.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from functools import lru_cache
from typing import TypeGuard

import numpy as np


class InvalidValue(ValueError):
    """A cell that cannot be read as its field's type; `code` is a kebab-case error code."""

    def __init__(self, code: str, hint: str = "") -> None:
        super().__init__(f"{code}: {hint}" if hint else code)
        self.code = code
        self.hint = hint


EXCEL_ERRORS: frozenset[str] = frozenset(
    {"#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!"}
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
WHITESPACE = re.compile(r"\s+")
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


def cell_value(value: object) -> object:
    """The cell as a plain Python value: None when blank, text stripped, numpy scalars unwrapped."""
    if isinstance(value, np.bool_ | np.integer | np.floating):
        value = value.item()
    if is_blank(value):
        return None
    return value.strip() if isinstance(value, str) else value


def is_number(cell: object) -> TypeGuard[int | float]:
    return isinstance(cell, int | float) and not isinstance(cell, bool)


def as_integer(number: float) -> int | None:
    """The number as an int when it is integral (and finite), else None."""
    if isinstance(number, int):
        return number
    return int(number) if number.is_integer() else None


def invalid(code: str) -> InvalidValue:
    return InvalidValue(code, _VALID_FORMS.get(code, ""))


def fold(text: str) -> str:
    """Lower case with æ/ø/å spelt ae/oe/aa (composed characters first, so "å" = "å")."""
    return unicodedata.normalize("NFC", text).lower().translate(_DANISH_LETTERS)


def text_of(cell: object) -> str:
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
    cell = cell_value(value)
    return None if cell is None else text_of(cell)


def parse_text(value: object) -> str | None:
    """Text stripped of surrounding spaces; numbers written as for ids."""
    return parse_id(value)


def normalise_header(value: object) -> str:
    """A header label as matched: lower case, æ/ø/å as ae/oe/aa, "_" "-" and line breaks as one
    space, "." and ":" dropped, stripped."""
    cell = cell_value(value)
    if cell is None:
        return ""
    return " ".join(fold(text_of(cell).translate(_HEADER_PUNCTUATION)).split())


@lru_cache(maxsize=1 << 16, typed=True)  # names and levels repeat across cases and rows
def normalise_name(value: object) -> str:
    """A provider name or level as compared (contract.md §2c step 1): words of letters and digits.

    `niv`/`niv.` reads as `niveau`; a leading `niveau`, `pakke` (...) before a number is dropped:
    "§ 107-niv. 2" -> "107 niveau 2", "Pakke 3" -> "3", "Glesborg- Toppen" -> "glesborg toppen".
    """
    cell = cell_value(value)
    if cell is None:
        return ""
    text = _ABBREVIATED_LEVEL.sub("niveau ", fold(text_of(cell)))
    return _LEADING_LEVEL_WORD.sub("", " ".join(_WORD.findall(text)))


def mask_digits(text: str) -> str:
    """Every digit as "#": "610190-1234" -> "######-####"."""
    return re.sub(r"\d", "#", text)
