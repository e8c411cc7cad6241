"""Formula cells without a stored value in a sheet's XML, found before calamine reads it.

calamine reads a formula cell's stored value; a cell whose formula was never calculated (a
file written by a program that does not compute) reads as empty, so the scan counts such
cells and keeps the first one's position for the `formula-without-value` note. Also the
conversion between column letters and numbers (`AB` = 28).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass
class Formulas:
    """Formulas without a value so far, and the first one's (row, column)."""

    count: int = 0
    first: tuple[int, int] | None = None


_NAME = rb"(?:[\w.-]+:)?"
_EMPTY_VALUE = rb"(<" + _NAME + rb"v\s*/>|<" + _NAME + rb"v>\s*</" + _NAME + rb"v>)"
_CELL_END = rb"\s*</" + _NAME + rb"c>"
_FORMULA = rb"<" + _NAME + rb"f\b[^>]*(?:/>|>[^<]*</" + _NAME + rb"f>)"


def _plain(pattern: bytes) -> re.Pattern[bytes]:
    return re.compile(pattern.replace(_NAME, b""))


# The end of a formula (`</f>`, or a shared formula's `<f .../>`) followed by no or an empty
# value and the end of the cell. The plain patterns start with a literal, which `re` finds
# fast; the prefixed one (`<x:f>`) is only tried when a prefixed formula tag occurs.
_AFTER_FORMULA = rb"\s*" + _EMPTY_VALUE + b"?" + _CELL_END
FORMULA_ENDS = (
    _plain(rb"</f>" + _AFTER_FORMULA),
    _plain(rb"<f\b[^>]*/>" + _AFTER_FORMULA),
)
PREFIXED_FORMULA_END = re.compile(
    rb"(?:</[\w.-]+:f>|<[\w.-]+:f\b[^>]*/>)" + _AFTER_FORMULA.replace(_NAME, rb"(?:[\w.-]+:)")
)
# A text formula whose stored value is the empty string (`t="str"` and `<v></v>`), which
# Excel writes for =IF(...;"";...): it has a value.
EMPTY_TEXT_RESULT = re.compile(
    rb""" t=["']str["'][^>]*>\s*""" + _FORMULA + rb"\s*" + _EMPTY_VALUE + _CELL_END
)
CELL_START = re.compile(rb"<" + _NAME + rb"c\b([^>]*)>")
TEXT_TYPE = re.compile(rb"""\bt\s*=\s*["']str["']""")
REFERENCE = re.compile(rb"""\br\s*=\s*["']([A-Za-z]{1,3})([0-9]{1,7})["']""")


def count_formulas(block: bytes, formulas: Formulas, prefixed: bool) -> None:
    """Add the formulas without a stored value in `block` (one sheet's XML, or a chunk of it
    cut after a cell) to `formulas`; `prefixed`: try the `<x:f>` pattern as well."""
    patterns = (*FORMULA_ENDS, PREFIXED_FORMULA_END) if prefixed else FORMULA_ENDS
    ends = sum(len(pattern.findall(block)) for pattern in patterns)
    without_value = ends - len(EMPTY_TEXT_RESULT.findall(block))
    formulas.count += without_value
    if formulas.first is None and without_value > 0:
        formulas.first = _first_formula_cell(block, patterns)


def _first_formula_cell(
    block: bytes, patterns: tuple[re.Pattern[bytes], ...]
) -> tuple[int, int] | None:
    """(row, column) of the first formula without a value in `block`, in document order."""
    firsts = [(len(block), b"")]
    for pattern in patterns:
        for match in pattern.finditer(block):
            attributes = _cell_attributes(block, match.start())
            if match.group(1) is None or not TEXT_TYPE.search(attributes):
                firsts.append((match.start(), attributes))
                break
    return _reference(min(firsts)[1])


def _cell_attributes(block: bytes, position: int) -> bytes:
    """The attributes of the cell whose formula ends at `position` (`</f>` or `<f .../>`).

    Text cannot hold a `<`, so the formula's start tag is the `<` last before a `</f>`, and the
    cell's start tag the `<` last before that.
    """
    formula = block.rfind(b"<", 0, position) if block[position + 1] == 0x2F else position
    match = CELL_START.match(block, block.rfind(b"<", 0, formula))
    return match.group(1) if match else b""


def _reference(attributes: bytes) -> tuple[int, int] | None:
    match = REFERENCE.search(attributes)
    if match is None:
        return None
    return int(match.group(2)), column_number(match.group(1).decode("ascii"))


def column_number(letters: str) -> int:
    """'A' -> 1, 'AB' -> 28."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def column_letters(number: int) -> str:
    """1 -> 'A', 28 -> 'AB'."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
