"""Size and formula scan of .xlsx/.xlsm sheets, done before calamine loads a sheet.

calamine allocates a sheet's whole used range at once, so a few-kilobyte file with a value in
A1 and one in XFD1048576 asks for billions of cells and aborts the process. This module takes
each sheet's used extent from the cell references themselves (`<c r="B7">`, with or without a
namespace prefix), never from the `<dimension>` tag. Only cells with content count, as in
calamine: a styled empty cell (`<c r="Z9" s="1"/>`) does not widen the extent.

The scan must cost little next to reading the file, also over many small files: the package is
opened once (`xlsx_package.Package`, shared with the format check and the hash). A sheet part up to CHUNK_BYTES is scanned in one piece, a larger one as a
stream of chunks that end after a cell's closing tag, never whole. numpy finds the references
and the cell and formula tags in a few passes over the bytes. A sheet whose cells lack the
`r` attribute (allowed, rare) is walked tag by tag instead, placing such cells the way
calamine does: one column right of the previous cell, one row below the previous row.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import numpy as np
import numpy.typing as npt

from bitcheck.io.xlsx_formulas import Formulas, column_letters, column_number, count_formulas
from bitcheck.io.xlsx_package import (
    PACKAGE_ERRORS,
    Package,
    ScanError,
    check_other_parts,
    open_package,
    sheet_parts,
)

__all__ = [
    "Package",
    "ScanError",
    "SheetScan",
    "column_letters",
    "column_number",
    "open_package",
    "scan_package",
    "scan_workbook",
]

XML_BYTES_LIMIT = 1 << 30  # a sheet part larger than this (uncompressed) is not read
CHUNK_BYTES = 1 << 22  # a sheet part up to this size is scanned in one piece
CARRY_LIMIT = 1 << 20
TAG_WINDOW = 64
TOO_MANY = 1 << 40  # stands for a reference beyond what a sheet can hold

Ints = npt.NDArray[np.int64]
Bytes = npt.NDArray[np.uint8]
Flags = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class SheetScan:
    """What a sheet holds, as far as its XML says, before it is read.

    `cells` is rows x columns of the extent of the cells with content; `first_row` and
    `first_column` are 1-based (None for a sheet without content). `first_formula_cell` is the
    (row, column) of the first formula cell without a stored value, in document order.
    `xml_too_large` is set when the sheet's XML exceeds XML_BYTES_LIMIT and was not scanned.
    """

    cells: int
    first_row: int | None
    first_column: int | None
    formulas_without_value: int
    first_formula_cell: tuple[int, int] | None
    xml_too_large: bool = False
    xml_bytes: int = 0


def scan_workbook(path: Path) -> dict[str, SheetScan]:
    """Scan every worksheet of an .xlsx/.xlsm; a sheet whose part is missing is left out.

    ScanError when the package cannot be followed, or when a part other than a sheet declares
    more than SHARED_BYTES_LIMIT bytes (calamine would load it whole on opening the file).
    """
    try:
        with open_package(path) as package:
            return scan_package(package)
    except PACKAGE_ERRORS as exc:
        raise ScanError(str(exc)) from exc


def scan_package(package: Package) -> dict[str, SheetScan]:
    """`scan_workbook` of a package already open."""
    try:
        parts = sheet_parts(package)
        check_other_parts(package.archive, parts)
        return {name: scan_sheet(package, info) for name, info in parts.items()}
    except PACKAGE_ERRORS as exc:
        raise ScanError(str(exc)) from exc


# --- one sheet ----------------------------------------------------------------------------


@dataclass
class _Extent:
    """Running min/max of the cells seen so far (1-based)."""

    min_row: int = TOO_MANY
    max_row: int = 0
    min_column: int = TOO_MANY
    max_column: int = 0

    def add(self, min_row: int, max_row: int, min_column: int, max_column: int) -> None:
        self.min_row = min(self.min_row, min_row)
        self.max_row = max(self.max_row, max_row)
        self.min_column = min(self.min_column, min_column)
        self.max_column = max(self.max_column, max_column)

    def add_one(self, row: int, column: int) -> None:
        self.add(row, row, column, column)

    def cells(self) -> int:
        if self.max_row == 0:
            return 0
        return (self.max_row - self.min_row + 1) * (self.max_column - self.min_column + 1)


@dataclass
class _Tally:
    """Per-sheet counters of the fast path."""

    extent: _Extent
    formulas: Formulas
    cell_tags: int = 0
    references: int = 0


Blocks = Callable[[], Iterable[bytes]]


def scan_sheet(package: Package, info: zipfile.ZipInfo) -> SheetScan:
    """Scan one sheet part; the slow walk runs only when some cells have no reference."""
    if info.file_size > XML_BYTES_LIMIT:
        return SheetScan(0, None, None, 0, None, xml_too_large=True, xml_bytes=info.file_size)
    blocks = _sheet_blocks(package, info)
    tally = _Tally(_Extent(), Formulas())
    for block in blocks():
        _scan_block(block, tally)
    extent = tally.extent
    if tally.cell_tags > tally.references:
        extent = _walk_extent(blocks())
    found = extent.max_row > 0
    return SheetScan(
        cells=extent.cells(),
        first_row=extent.min_row if found else None,
        first_column=extent.min_column if found else None,
        formulas_without_value=tally.formulas.count,
        first_formula_cell=tally.formulas.first,
        xml_bytes=info.file_size,
    )


def _sheet_blocks(package: Package, info: zipfile.ZipInfo) -> Blocks:
    """The part's blocks, read again on each call: in one piece when small, else streamed.

    One piece scans as the one chunk of a stream would: that chunk is cut after the last
    cell's closing tag (or before a tag), and nothing the scan looks for spans the cut. (Only
    text after the last cell that looks like a prefixed cell tag, `</c>x:c `, which no writer
    puts there, is taken as a closing tag in one piece and as a cell tag past a cut.)
    """
    if info.file_size > CHUNK_BYTES:
        return lambda: _blocks(package.archive, info)
    whole = (package.read(info),)
    return lambda: whole


def _blocks(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """The part in chunks that end after a cell's closing tag, so no cell is split."""
    carry = b""
    with archive.open(info) as stream:
        for chunk in _chunks(stream):
            buffer = carry + chunk
            cut = _split_point(buffer)
            carry = buffer[cut:]
            yield buffer[:cut]
    if carry:
        yield carry


def _chunks(stream: IO[bytes]) -> Iterator[bytes]:
    total = 0
    while chunk := stream.read(CHUNK_BYTES):
        total += len(chunk)
        if total > XML_BYTES_LIMIT:
            raise ScanError("the sheet is larger than its declared size")
        yield chunk


def _split_point(buffer: bytes) -> int:
    cut = buffer.rfind(b"c>") + 2
    if cut >= 2 and len(buffer) - cut <= CARRY_LIMIT:
        return cut
    tag = buffer.rfind(b"<")
    return tag if tag > 0 and len(buffer) - tag <= CARRY_LIMIT else len(buffer)


# --- one block: references, cell and formula tags -----------------------------------------
#
# The work is done in few numpy calls over the whole block, since each call costs more than
# the bytes it handles in a sheet of a few thousand cells.

FRONT = 8  # zero bytes before a block, so that looking a few bytes back stays inside
BACK = 32  # zero bytes after it, for looking ahead


def _byte_set(members: bytes) -> npt.NDArray[np.bool_]:
    table = np.zeros(256, bool)
    table[list(members)] = True
    return table


SPACE = _byte_set(b" \t\n\r")
QUOTE = _byte_set(b"\"'")
SPACE_QUOTE = SPACE[:, None] & QUOTE[None, :]  # a space before and a quote after `r=`
NAME_END = _byte_set(b" \t\n\r>/")  # what ends a one-letter element name
LETTER = _byte_set(bytes(range(65, 91)) + bytes(range(97, 123)))
WORD64 = np.dtype((np.void, 8))


class _Block:
    """A block's bytes with zeros before and after it, read at block positions."""

    def __init__(self, block: bytes) -> None:
        self.size = len(block)
        self.bytes: Bytes = np.frombuffer(bytes(FRONT) + block + bytes(BACK), np.uint8)

    def at(self, positions: Ints, offset: int = 0) -> Bytes:
        """The bytes at `positions` + `offset`, for an offset from -FRONT to BACK - 1."""
        return self.bytes[FRONT + offset :].take(positions)

    def words(self, positions: Ints, offset: int = 0) -> npt.NDArray[np.uint64]:
        """The eight bytes from each of `positions` + `offset` (0 or more) as a little-endian
        word."""
        count = self.size + BACK - 8 - offset
        words = np.ndarray((count,), WORD64, self.bytes, FRONT + offset, (1,))
        return words[positions].view("<u8")

    def pair_mask(self, first: int, second: int, spread: tuple[int, int] | None = None) -> Flags:
        """Where byte `first` is followed by byte `second`; with a `spread`, each byte may
        differ from them in the bits of its spread."""
        head = self.bytes[FRONT : FRONT + self.size]
        tail = self.bytes[FRONT + 1 : FRONT + self.size + 1]
        if spread is None:
            return np.asarray((head == first) & (tail == second))
        head_bits, tail_bits = np.uint8(spread[0]), np.uint8(spread[1])
        return np.asarray(((head | head_bits) == first) & ((tail | tail_bits) == second))

    def pairs(self, first: int, second: int) -> Ints:
        """Positions, sorted, where byte `first` is followed by byte `second`."""
        found: Ints = self.pair_mask(first, second).nonzero()[0]
        return found


def _scan_block(text: bytes, tally: _Tally) -> None:
    block = _Block(text)
    starts = _reference_starts(block)
    cell = LETTER.take(block.at(starts))
    tally.references += int(np.count_nonzero(cell))
    census = _tag_census(block)
    tally.cell_tags += census.cells
    closing = _self_closing(block, starts)
    content = starts[cell] if closing is None else starts[cell & ~closing]
    if content.size:
        _add_extent(block, content, tally.extent)
    if census.formulas:
        count_formulas(text, tally.formulas, census.prefixed_formulas)


def _reference_starts(block: _Block) -> Ints:
    """Positions of the values of ` r="..."` attributes (any element; the caller sorts out)."""
    letter_r = block.pairs(0x72, 0x3D)
    keep = SPACE_QUOTE[block.at(letter_r, -1), block.at(letter_r, 2)]
    starts: Ints = letter_r[keep] + 3
    return starts


def _add_extent(block: _Block, starts: Ints, extent: _Extent) -> None:
    """Widen `extent` by the cells whose references start at `starts` (each with a letter)."""
    if LETTER.take(block.at(starts, 1)).any():
        columns, letters = _columns(block, starts)
        rows = _rows(block, starts + letters)
        extent.add(int(rows.min()), int(rows.max()), int(columns.min()), int(columns.max()))
    else:  # one letter each, as in most sheets
        upper = block.at(starts) & 0xDF
        rows = _rows(block, starts, 1)
        extent.add(int(rows.min()), int(rows.max()), int(upper.min()) - 64, int(upper.max()) - 64)


def _columns(block: _Block, starts: Ints) -> tuple[Ints, Ints]:
    """Column number of each reference and its number of letters, at most 3: a 4th letter
    makes the column TOO_MANY."""
    column = (block.at(starts) & 0xDF).astype(np.int64) - 64
    active = np.ones(starts.size, bool)
    letters = np.ones(starts.size, np.int64)
    for index in (1, 2):
        upper = block.at(starts, index) & 0xDF
        active &= LETTER.take(upper)
        column = np.where(active, column * 26 + upper - 64, column)
        letters += active
    column[active & LETTER.take(block.at(starts, 3))] = TOO_MANY
    return column, letters


# Eight digits at a time, as one little-endian 64-bit word with the first digit lowest.
ZEROS = np.uint64(0x3030303030303030)  # '0' in every byte
TEN_UP = np.uint64(0x7676767676767676)  # sets the high bit of a byte from 10 up
HIGH_BITS = np.uint64(0x8080808080808080)
TOP_BIT = np.uint64(1 << 63)
ONE, SEVEN = np.uint64(1), np.uint64(7)
TENS = np.uint64(1 + (10 << 8))  # x * 10 + y for adjacent digits x, y
PAIRS = (  # (mask, multiplier, shift): the same for pairs of them, then for fours
    (np.uint64(0x00FF00FF00FF00FF), np.uint64(1 + (100 << 16)), np.uint64(16)),
    (np.uint64(0x0000FFFF0000FFFF), np.uint64(1 + (10000 << 32)), np.uint64(32)),
)


def _rows(block: _Block, starts: Ints, offset: int = 0) -> npt.NDArray[np.uint64]:
    """Row number of each reference from its digits; ten digits or more make it TOO_MANY.

    Per reference, the eight bytes from its first digit are one word. A byte that is not a
    digit gets its high bit set; the lowest such bit tells how many digits come first. The
    digits are moved up to end just below the top byte and added up pairwise (x * 10 + y,
    then pairs, then fours), which needs no mask at first: every byte is below 10.
    """
    digits = block.words(starts, offset) ^ ZEROS
    other = ((digits + TEN_UP) | digits) & HIGH_BITS  # carries only spoil the later bytes
    first = other | TOP_BIT  # with eight digits, pretend the last is not one
    first &= np.negative(first)
    value: npt.NDArray[np.uint64] = (digits & ((first - ONE) >> SEVEN)) * (TOP_BIT // first)
    value *= TENS
    for mask, multiplier, shift in PAIRS:
        value = ((value & mask) * multiplier) >> shift
    if not other.all():  # eight digits or more: digit by digit
        long = np.flatnonzero(other == 0)
        value[long] = _long_rows(block, starts[long] + offset)
    return value


def _long_rows(block: _Block, starts: Ints) -> Ints:
    """Rows of eight digits or more, digit by digit."""
    row = np.zeros(starts.size, np.int64)
    active = np.ones(starts.size, bool)
    for offset in range(10):
        digit = block.at(starts, offset).astype(np.int64) - 48
        active &= (digit >= 0) & (digit < 10)
        row = np.where(active, row * 10 + digit, row)
    row[active] = TOO_MANY
    return row


def _self_closing(block: _Block, starts: Ints) -> Flags | None:
    """Whether the tag holding each reference ends with `/>` (a cell without content); None
    when none does.

    Each `/>` is matched to the last reference before it; it closes that reference's tag when
    no `>` stands between them. A tag longer than TAG_WINDOW bytes counts as having content,
    which can only overstate the extent.
    """
    if starts.size == 0:
        return None
    ends = block.pairs(0x2F, 0x3E)
    owner = starts.searchsorted(ends) - 1
    distance = ends - starts.take(owner)  # not above 0 for an owner of -1, the last start
    near = (distance > 0) & (distance <= TAG_WINDOW)
    if not near.any():
        return None
    owner, distance = owner[near], distance[near]
    offsets = np.arange(int(distance.max()))
    data = block.bytes[FRONT:]
    window = data[np.minimum(starts[owner, None] + offsets, data.size - 1)]
    inside = offsets < distance[:, None]
    closing = np.zeros(starts.size, bool)
    closing[owner[~((window == 0x3E) & inside).any(axis=1)]] = True
    return closing


# `<`, `:`, `>` or `8` (bits 0x06 free) before `b`, `c`, `f` or `g` (bits 0x05 free): the cell
# and formula tags, plain or prefixed, and some more
TAG_CANDIDATES = (0x3E, 0x67, (0x06, 0x05))


@dataclass(frozen=True)
class _Census:
    cells: int  # cell start tags
    formulas: bool  # any formula tag
    prefixed_formulas: bool  # any formula tag with a namespace prefix


def _tag_census(block: _Block) -> _Census:
    """Count cell start tags (`<c`, `<x:c`) and look for formula tags (`<f`, `<x:f`).

    A one-letter element name follows `<` or a prefix's `:` and ends in a space, `>` or `/`.
    Usually the only candidates (TAG_CANDIDATES) are the `<c` themselves, and those alone
    are counted; otherwise each candidate is looked at.
    """
    marks = block.pairs(0x3C, 0x63)
    candidates = np.count_nonzero(block.pair_mask(*TAG_CANDIDATES))
    if candidates > marks.size:
        return _search_tags(block)
    return _Census(int(np.count_nonzero(NAME_END.take(block.at(marks, 2)))), False, False)


def _search_tags(block: _Block) -> _Census:
    marks = block.pair_mask(*TAG_CANDIDATES).nonzero()[0]
    marks = marks[NAME_END.take(block.at(marks, 2))]
    opening = block.at(marks)
    letter = block.at(marks, 1)
    plain = opening == 0x3C
    prefixed = opening == 0x3A
    cell = letter == 0x63
    formula = (plain | prefixed) & (letter == 0x66)
    cells = int(np.count_nonzero(cell & plain))
    prefixed_cells = marks[cell & prefixed]
    if prefixed_cells.size:
        cells += int(np.count_nonzero(~_in_closing_tag(block, prefixed_cells)))
    return _Census(cells, bool(formula.any()), bool((formula & prefixed).any()))


def _in_closing_tag(block: _Block, colons: Ints) -> Flags:
    """Whether each prefixed name belongs to a closing tag (`</x:c>`)."""
    openings = np.flatnonzero(block.bytes[FRONT : FRONT + block.size] == 0x3C)
    if openings.size == 0:
        return np.zeros(colons.size, bool)
    index = np.maximum(np.searchsorted(openings, colons) - 1, 0)
    return np.asarray(block.at(openings[index], 1) == 0x2F)


# --- slow walk, for sheets whose cells lack references ------------------------------------

TAG = re.compile(rb"<(?:[\w.-]+:)?(row|c)\b([^>]*?)(/?)>")
ROW_NUMBER = re.compile(rb"""\br\s*=\s*["']([0-9]{1,10})["']""")
CELL_REFERENCE = re.compile(rb"""\br\s*=\s*["']([A-Za-z]{1,4})([0-9]{1,10})["']""")


@dataclass
class _Position:
    row: int = 0
    column: int = 0


def _walk_extent(blocks: Iterable[bytes]) -> _Extent:
    """The extent of the cells with content, following every row and cell tag in turn."""
    extent = _Extent()
    position = _Position()
    for block in blocks:
        for match in TAG.finditer(block):
            if _step(match, position) and not match.group(3):
                extent.add_one(position.row, position.column)
    return extent


def _step(match: re.Match[bytes], position: _Position) -> bool:
    """Move to the row or cell of one tag; True for a cell."""
    element, attributes = match.group(1), match.group(2)
    if element == b"row":
        number = ROW_NUMBER.search(attributes)
        position.row = int(number.group(1)) if number else position.row + 1
        position.column = 0
        return False
    reference = CELL_REFERENCE.search(attributes)
    if reference is None:
        position.column += 1
    else:
        position.row = int(reference.group(2))
        position.column = column_number(reference.group(1).decode("ascii"))
    return True
