"""Safe cells and table styling for the Excel reports: formatting only, no numbers computed.

Every value goes through `Sheet.entry` (`Sheet.put` uses it too), which removes what Excel cannot
hold, cuts text at the cell limit (noting it), and writes a string that looks like a formula as
plain, quote-prefixed text, so that nothing from an input can be evaluated.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Sequence
from copy import copy
from dataclasses import dataclass, field

from openpyxl.cell.cell import Cell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange

from bitcheck import i18n
from bitcheck.i18n_fields import text
from bitcheck.render.excel_stream import Entry, StreamSheet

DKK = "#,##0.00"
HOURS = "0.0"
RATIO = "0.000"
DATE = "dd-mm-yyyy"  # Danish; English workbooks write dates as ISO_DATE
ISO_DATE = "yyyy-mm-dd"
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
Typed = tuple[object, str, str | None, bool, Comment | None]  # value, type, format, quoted, note


@dataclass
class Book:
    """What the sheets of one workbook share: the language, the texts cut at the limit, and
    the cell styles made so far, each made once and shared by every cell that has it."""

    lang: str
    cuts: list[Cut] = field(default_factory=list)
    styles: dict[StyleKey, tuple[Alignment | None, StyleArray]] = field(default_factory=dict)

    def style(
        self,
        sheet: StreamSheet,
        number_format: str | None,
        quoted: bool,
        colour: str | None,
        alignment: Alignment | None,
    ) -> StyleArray | None:
        if not (number_format or quoted or colour or alignment):
            return None
        # the cached entry keeps `alignment` alive, so its id cannot be reused meanwhile
        key = (number_format, quoted, colour, id(alignment))
        cached = self.styles.get(key)
        if cached is not None:
            return cached[1]
        cell = Cell(sheet, row=1, column=1)  # styles are registered through a cell
        if number_format is not None:
            cell.number_format = number_format
        if quoted:
            cell.quotePrefix = True
        if colour is not None:
            cell.fill = fill(colour)
        if alignment is not None:
            cell.alignment = alignment
        style: StyleArray = cell._style  # type: ignore[attr-defined]
        self.styles[key] = (alignment, style)
        return style


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
    """One worksheet with safe writes and a running estimate of each column's width.

    Cells are kept by row until `flush`, which appends them to the write-only worksheet in
    order; widths, heights, panes and filters are set before that."""

    def __init__(self, worksheet: StreamSheet, book: Book) -> None:
        self.ws = worksheet
        self.book = book
        self.widths: dict[int, int] = {}
        self.caps: dict[int, int] = {}
        self.rows: dict[int, list[Entry | None]] = {}

    def put(
        self,
        row: int,
        column: int,
        value: object,
        number_format: str | None = None,
        colour: str | None = None,
        alignment: Alignment | None = None,
    ) -> Cell:
        """One cell, which the caller may style further (a font, another alignment)."""
        entry = self.entry(row, column, value, number_format, colour, alignment)
        cell = entry if isinstance(entry, Cell) else self._cell(row, column, *entry)
        cells = self.rows.setdefault(row, [])
        if len(cells) < column:
            cells.extend([None] * (column - len(cells)))
        cells[column - 1] = cell
        return cell

    def entry(
        self,
        row: int,
        column: int,
        value: object,
        number_format: str | None = None,
        colour: str | None = None,
        alignment: Alignment | None = None,
    ) -> Entry:
        """The value made safe, measured and styled: a cell if it carries a note, else a
        (value, data type, style) triple for the worksheet to write."""
        if isinstance(value, Styled):
            number_format = value.number_format or number_format
            colour = value.colour or colour
            value = value.value
        value, data_type, shown_format, quoted, note = self._typed(
            row, column, value, number_format
        )
        style = self.book.style(self.ws, shown_format, quoted, colour, alignment)
        if note is None:
            return value, data_type, style
        cell = self._cell(row, column, value, data_type, style)
        cell.comment = note
        return cell

    def _cell(
        self, row: int, column: int, value: object, data_type: str, style: StyleArray | None
    ) -> Cell:
        """A cell of its own, for a note or for the caller to style further."""
        cell = Cell(self.ws, row=row, column=column)
        cell._value, cell.data_type = value, data_type  # type: ignore[attr-defined]  # typed
        cell._style = copy(style)  # type: ignore[attr-defined]  # not the shared one
        return cell

    def _typed(self, row: int, column: int, value: object, number_format: str | None) -> Typed:
        """The value to write, its data type, number format, quote prefix and cut note."""
        if isinstance(value, str):
            return self._text(row, column, value) if value else (None, "n", None, False, None)
        if isinstance(value, bool):
            self._measure(column, 5)
            return value, "b", None, False, None
        if isinstance(value, int | float):
            if not math.isfinite(value):
                return None, "n", None, False, None
            self._measure(column, _number_width(value, number_format))
            return value, "n", number_format, False, None
        if isinstance(value, dt.date):
            self._measure(column, 10)
            return value, "d", DATE if self.book.lang == "da" else ISO_DATE, False, None
        if value is not None:
            return self._text(row, column, str(value))
        return None, "n", None, False, None

    def _text(self, row: int, column: int, value: str) -> Typed:
        """Always written as text ("s"): openpyxl would take a leading "=" for a formula."""
        value = clean_text(value)
        note = None
        cut = cut_text(value)
        if cut is not None:
            where = f"{get_column_letter(column)}{row}"
            self.book.cuts.append(Cut(self.ws.title, where, _units(value)))
            length = i18n.number(_units(value), self.book.lang)
            note = Comment(text("text_cut_comment", self.book.lang, length=length), "bitcheck")
            value = cut
        longest = max(len(line) for line in value.split("\n")) if "\n" in value else len(value)
        self._measure(column, longest)
        return value, "s", None, value.startswith(FORMULA_STARTS), note

    def _measure(self, column: int, width: int) -> None:
        if width > self.widths.get(column, 0):
            self.widths[column] = width

    def merge(self, cells: str) -> None:
        self.ws.merged_cells.add(CellRange(cells))

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

    def flush(self) -> None:
        """Write the kept rows top to bottom (a gap as an empty row), once, at the end."""
        self.ws.dimension = used_range(self.rows)
        for row in range(1, max(self.rows, default=0) + 1):
            self.ws.append(self.rows.get(row, []))
        self.rows.clear()


def used_range(rows: dict[int, list[Entry | None]]) -> str:
    """From the first to the last cell written, as a normal worksheet gives its dimension."""
    filled = {
        row: [n for n, e in enumerate(cells, 1) if e is not None] for row, cells in rows.items()
    }
    spans = {row: (columns[0], columns[-1]) for row, columns in filled.items() if columns}
    if not spans:
        return "A1:A1"
    first = get_column_letter(min(left for left, _ in spans.values()))
    last = get_column_letter(max(right for _, right in spans.values()))
    return f"{first}{min(spans)}:{last}{max(spans)}"


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
    entry = sheet.entry
    for last, values in enumerate(rows, start=top + 1):  # noqa: B007
        cells: list[Entry | None] = []
        for n, (value, number_format, alignment) in enumerate(
            zip(values, formats, alignments, strict=True), start=1
        ):
            if value is None:
                cells.append(None)
                continue
            cells.append(entry(last, n, value, number_format, None, alignment))
            if alignment is WRAP_TOP and isinstance(value, str):
                wrapped.append((last, n, value))
        sheet.rows[last] = cells
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
