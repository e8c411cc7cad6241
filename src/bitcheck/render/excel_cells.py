"""Safe cells and table styling for the Excel reports: formatting only, no numbers computed.

Every string goes through `Sheet.put`, which removes what Excel cannot hold, cuts text at the
cell limit (noting it), and writes a string that looks like a formula as plain, quote-prefixed
text, so that nothing from an input can be evaluated.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Sequence
from copy import copy
from dataclasses import dataclass, field
from typing import cast

from openpyxl.cell.cell import Cell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from bitcheck import i18n
from bitcheck.i18n_fields import text

DKK = "#,##0.00"
HOURS = "0.0"
RATIO = "0.000"
DATE = "dd-mm-yyyy"
INTEGER = "#,##0"
PERCENTILE = "0.0"

MAX_CELL_CHARS = 32_767
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# XML 1.0 cannot hold these; openpyxl raises IllegalCharacterError on the C0 controls.
ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

HEADER_FILL = "1F4E78"
DIRECTION_FILLS = {"citizen": "DDEBF7", "payment": "FCE4D6", "process": "E4DFEC", "data": "EDEDED"}
SEVERITY_FILLS = {"high": "F8CBAD", "medium": "FFE699", "low": "E2EFDA"}
NOTICE_FILL = "FFF2CC"

MIN_WIDTH = 6
LINE_HEIGHT = 15  # points per line of 11-point text
MAX_LINES = 20
DEFAULT_CAP = 50
_FILLS: dict[str, PatternFill] = {}
FONT_NAME = "Calibri"  # the workbook default; a font without a name falls back elsewhere
HEADER_FONT = Font(name=FONT_NAME, bold=True, color="FFFFFF")
BOLD = Font(name=FONT_NAME, bold=True)
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
LEFT_TOP = Alignment(horizontal="left", vertical="top")


def fill(colour: str) -> PatternFill:
    if colour not in _FILLS:
        _FILLS[colour] = PatternFill(fill_type="solid", start_color=colour, end_color=colour)
    return _FILLS[colour]


@dataclass(frozen=True)
class Styled:
    """A value with its own number format or fill (a direction, a severity, a mixed column)."""

    value: object
    number_format: str | None = None
    colour: str | None = None


@dataclass(frozen=True)
class Column:
    """A table column: its header, the number format of its numbers, its width cap."""

    header: str
    number_format: str | None = None
    cap: int = DEFAULT_CAP
    header_colour: str | None = None
    wrap: bool = False  # long text (explanations, messages, sources) wraps within the cap
    min_width: int = 0  # for long headers that should wrap into two lines, not four
    left: bool = False  # numbers left-aligned too (a key/value column)


@dataclass
class Cut:
    sheet: str
    cell: str
    length: int


StyleKey = tuple[str | None, bool, str | None, int]


@dataclass
class Book:
    """What the sheets of one workbook share: the language, the texts cut at the limit, and
    the cell styles made so far (looking a style up once per cell would double the time)."""

    lang: str
    cuts: list[Cut] = field(default_factory=list)
    styles: dict[StyleKey, tuple[Alignment | None, StyleArray]] = field(default_factory=dict)

    def style(
        self,
        cell: Cell,
        number_format: str | None,
        quoted: bool,
        colour: str | None,
        alignment: Alignment | None,
    ) -> None:
        # the cached entry keeps `alignment` alive, so its id cannot be reused meanwhile
        key = (number_format, quoted, colour, id(alignment))
        cached = self.styles.get(key)
        if cached is not None:
            cell._style = copy(cached[1])  # type: ignore[attr-defined]  # as openpyxl copies styles
            return
        if number_format is not None:
            cell.number_format = number_format
        if quoted:
            cell.quotePrefix = True
        if colour is not None:
            cell.fill = fill(colour)
        if alignment is not None:
            cell.alignment = alignment
        self.styles[key] = (alignment, copy(cell._style))  # type: ignore[attr-defined]


def clean_text(value: str) -> str:
    """The text without the characters Excel cannot hold."""
    return ILLEGAL.sub("", value)


def cut_text(value: str) -> str | None:
    """The text cut to the cell limit (counted in UTF-16 units, as Excel counts), or None."""
    if len(value) <= MAX_CELL_CHARS // 2 or _units(value) <= MAX_CELL_CHARS:
        return None
    cut = value[:MAX_CELL_CHARS]
    while _units(cut) > MAX_CELL_CHARS:
        cut = cut[: len(cut) - (_units(cut) - MAX_CELL_CHARS + 1) // 2 - 1]
    return cut


def _units(value: str) -> int:
    return len(value.encode("utf-16-le")) // 2


class Sheet:
    """One worksheet with safe writes and a running estimate of each column's width."""

    def __init__(self, worksheet: Worksheet, book: Book) -> None:
        self.ws = worksheet
        self.book = book
        self.widths: dict[int, int] = {}
        self.caps: dict[int, int] = {}

    def put(
        self,
        row: int,
        column: int,
        value: object,
        number_format: str | None = None,
        colour: str | None = None,
        alignment: Alignment | None = None,
    ) -> Cell:
        if isinstance(value, Styled):
            number_format = value.number_format or number_format
            colour = value.colour or colour
            value = value.value
        cell = cast(Cell, self.ws.cell(row=row, column=column))  # never a merged cell here
        shown_format, quoted = self._set_value(cell, value, number_format)
        if shown_format or quoted or colour or alignment:
            self.book.style(cell, shown_format, quoted, colour, alignment)
        return cell

    def _set_value(
        self, cell: Cell, value: object, number_format: str | None
    ) -> tuple[str | None, bool]:
        """Write the value; return its number format and whether it needs a quote prefix."""
        if isinstance(value, str):
            return None, bool(value) and self._put_text(cell, value)
        if isinstance(value, bool):
            cell.value = value
            self._measure(cell.column, 5)
            return None, False
        if isinstance(value, int | float):
            return self._put_number(cell, value, number_format), False
        if isinstance(value, dt.date):
            cell.value = value
            self._measure(cell.column, 10)
            return DATE, False
        if value is not None:
            return None, self._put_text(cell, str(value))
        return None, False

    def _put_text(self, cell: Cell, value: str) -> bool:
        value = clean_text(value)
        cut = cut_text(value)
        if cut is not None:
            self.book.cuts.append(Cut(self.ws.title, cell.coordinate, _units(value)))
            length = i18n.number(_units(value), self.book.lang)
            note = text("text_cut_comment", self.book.lang, length=length)
            cell.comment = Comment(note, "bitcheck")
            value = cut
        cell.value = value
        cell.data_type = "s"  # openpyxl takes a leading "=" for a formula
        longest = max((len(line) for line in value.split("\n")), default=0)
        self._measure(cell.column, longest)
        return value.startswith(FORMULA_STARTS)

    def _put_number(self, cell: Cell, value: float, number_format: str | None) -> str | None:
        if not math.isfinite(value):
            return None
        cell.value = value
        self._measure(cell.column, _number_width(value, number_format))
        return number_format

    def _measure(self, column: int, width: int) -> None:
        if width > self.widths.get(column, 0):
            self.widths[column] = width

    def header_row(self, row: int, columns: Sequence[Column]) -> None:
        """The styled header row of a table."""
        for n, column in enumerate(columns, start=1):
            cell = self.put(row, n, column.header)
            cell.font = BOLD if column.header_colour else HEADER_FONT
            cell.fill = fill(column.header_colour or HEADER_FILL)
            cell.alignment = WRAP_TOP
            self.caps[n] = column.cap
        self._fit_header_height(row, columns)

    def _fit_header_height(self, row: int, columns: Sequence[Column]) -> None:
        lines = max(
            (
                wrapped_lines(c.header, self.fitted_width(n) - 1, 1.0)
                for n, c in enumerate(columns, 1)
            ),
            default=1,
        )
        if lines > 1:
            self.ws.row_dimensions[row].height = LINE_HEIGHT * min(lines, 4)

    def fitted_width(self, column: int) -> int:
        cap = self.caps.get(column, DEFAULT_CAP)
        return max(MIN_WIDTH, min(cap, self.widths.get(column, 0) + 2))

    def fit_widths(self) -> None:
        for column in self.widths:
            letter = get_column_letter(column)
            self.ws.column_dimensions[letter].width = self.fitted_width(column)


def _number_width(value: float, number_format: str | None) -> int:
    if number_format == DKK:
        return len(f"{value:,.2f}")
    if number_format in (HOURS, PERCENTILE):
        return len(f"{value:.1f}")
    if number_format == RATIO:
        return len(f"{value:.3f}")
    if isinstance(value, float) and number_format is None:
        return min(len(repr(value)), 12)
    return len(f"{value:,}") if isinstance(value, int) else len(f"{value:,.0f}")


def write_table(
    sheet: Sheet, columns: Sequence[Column], rows: Iterable[Sequence[object]], top: int = 1
) -> int:
    """A table with a frozen, styled header and an autofilter; returns its last row."""
    last = top
    formats = [column.number_format for column in columns]
    alignments = [
        WRAP_TOP if column.wrap else LEFT_TOP if column.left else TOP for column in columns
    ]
    wrapped: list[tuple[int, int, str]] = []
    for last, values in enumerate(rows, start=top + 1):  # noqa: B007
        for n, (value, number_format, alignment) in enumerate(
            zip(values, formats, alignments, strict=True), start=1
        ):
            if value is not None:
                sheet.put(last, n, value, number_format, alignment=alignment)
                if alignment is WRAP_TOP and isinstance(value, str):
                    wrapped.append((last, n, value))
    for n, column in enumerate(columns, start=1):
        sheet.caps[n] = column.cap
        sheet._measure(n, max(min(len(column.header) + 2, 18), column.min_width))
    sheet.header_row(top, columns)
    sheet.ws.freeze_panes = f"A{top + 1}"
    sheet.ws.auto_filter.ref = f"A{top}:{get_column_letter(len(columns))}{last}"
    sheet.fit_widths()
    fit_heights(sheet, wrapped)
    return last


def fit_heights(sheet: Sheet, wrapped: Iterable[tuple[int, int, str]]) -> None:
    """Rows as tall as their wrapped text: neither Excel nor LibreOffice fits them on opening."""
    lines: dict[int, int] = {}
    for row, column, value in wrapped:
        count = wrapped_lines(value, sheet.fitted_width(column) - 1)
        if count > lines.get(row, 1):
            lines[row] = count
    for row, count in lines.items():
        sheet.ws.row_dimensions[row].height = LINE_HEIGHT * min(count, MAX_LINES)


def wrapped_lines(value: str, width: int, ratio: float = 0.9) -> int:
    """How many lines `value` takes when wrapped at spaces within a column `width` wide
    (a column's width counts digits; running text takes about 10 % more)."""
    width = max(int(width * ratio), 1)
    total = 0
    for paragraph in value.split("\n"):
        lines, used = 1, 0
        for word in paragraph.split(" "):
            size = len(word)
            if used and used + 1 + size > width:
                lines, used = lines + 1, 0
            if size > width:  # a word longer than the line is broken anywhere
                lines += (size - 1) // width
                size = size % width or width
            used += size + (1 if used else 0)
        total += lines
    return total
