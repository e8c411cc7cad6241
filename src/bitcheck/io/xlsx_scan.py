"""Size and formula scan of .xlsx/.xlsm sheets, done before calamine loads a sheet.

calamine allocates a sheet's whole used range at once, so a few-kilobyte file with a value in
A1 and one in XFD1048576 asks for billions of cells and aborts the process. This module reads
each sheet's XML as a stream (never the whole part at once) and takes the used extent from the
cell references themselves (`<c r="B7">`, with or without a namespace prefix), never from the
`<dimension>` tag. Only cells with content count, as in calamine: a styled empty cell
(`<c r="Z9" s="1"/>`) does not widen the extent.

The fast path finds the references with numpy over each chunk. A sheet whose cells lack the
`r` attribute (allowed, rare) is walked tag by tag instead, placing such cells the way
calamine does: one column right of the previous cell, one row below the previous row.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO
from xml.etree import ElementTree

import numpy as np
import numpy.typing as npt

XML_BYTES_LIMIT = 1 << 30  # a sheet part larger than this (uncompressed) is not read
PART_BYTES_LIMIT = 64 << 20  # workbook.xml and relationship parts, parsed here
SHARED_BYTES_LIMIT = 1 << 30  # any other part (calamine loads shared strings at open)
CHUNK_BYTES = 1 << 22
CARRY_LIMIT = 1 << 20
TAG_WINDOW = 64
TOO_MANY = 1 << 40  # stands for a reference beyond what a sheet can hold

Ints = npt.NDArray[np.int64]
PACKAGE_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    ElementTree.ParseError,
    OSError,
    EOFError,
    KeyError,
    ValueError,
    NotImplementedError,  # an unsupported compression method
    RuntimeError,  # an encrypted member
)


class ScanError(Exception):
    """The package structure (workbook part, relationships) cannot be read."""


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
        with zipfile.ZipFile(path) as archive:
            parts = sheet_parts(archive)
            _check_other_parts(archive, parts)
            return {name: scan_sheet(archive, info) for name, info in parts.items()}
    except PACKAGE_ERRORS as exc:
        raise ScanError(str(exc)) from exc


# --- package structure ------------------------------------------------------------------


def _check_other_parts(archive: zipfile.ZipFile, sheets: dict[str, zipfile.ZipInfo]) -> None:
    sheet_names = {info.filename for info in sheets.values()}
    for info in archive.infolist():
        if info.filename not in sheet_names and info.file_size > SHARED_BYTES_LIMIT:
            raise ScanError(f"{info.filename} declares {info.file_size} bytes")


def _normalise(name: str) -> str:
    return name.replace("\\", "/").lstrip("/").lower()


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _read_xml(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> ElementTree.Element:
    if info.file_size > PART_BYTES_LIMIT:
        raise ScanError(f"{info.filename} is too large")
    return ElementTree.fromstring(archive.read(info))


def _relationships(
    archive: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo], part: str
) -> dict[str, str]:
    """Id -> target part name (normalised) of `part`'s relationships."""
    folder, name = posixpath.split(part)
    info = members.get(posixpath.join(folder, "_rels", name + ".rels"))
    if info is None:
        return {}
    targets: dict[str, str] = {}
    for element in _read_xml(archive, info).iter():
        if _local(element.tag) == "Relationship" and element.get("TargetMode") != "External":
            target = element.get("Target", "").replace("\\", "/")
            resolved = target if target.startswith("/") else posixpath.join(folder, target)
            targets[element.get("Id", "")] = _normalise(posixpath.normpath(resolved))
    return targets


def _workbook_part(archive: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo]) -> str:
    info = members.get("_rels/.rels")
    if info is not None:
        for element in _read_xml(archive, info).iter():
            if element.get("Type", "").endswith("/officeDocument"):
                return _normalise(posixpath.normpath(element.get("Target", "").replace("\\", "/")))
    return "xl/workbook.xml"


def _sheet_ids(workbook: ElementTree.Element) -> Iterator[tuple[str, str]]:
    """(sheet name, relationship id) in workbook order; the id attribute may carry any prefix."""
    for element in workbook.iter():
        if _local(element.tag) != "sheet":
            continue
        ids = [
            value
            for key, value in element.attrib.items()
            if key.startswith("{") and _local(key) == "id"
        ]
        if ids and "name" in element.attrib:
            yield element.attrib["name"], ids[0]


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """Sheet name -> its XML part, from the workbook part and its relationships."""
    members = {_normalise(info.filename): info for info in archive.infolist()}
    part = _workbook_part(archive, members)
    if part not in members:
        raise ScanError("the package has no workbook part")
    targets = _relationships(archive, members, part)
    parts: dict[str, zipfile.ZipInfo] = {}
    for name, rel_id in _sheet_ids(_read_xml(archive, members[part])):
        info = members.get(targets.get(rel_id, ""))
        if info is not None:
            parts[name] = info
    return parts


# --- one sheet ----------------------------------------------------------------------------


@dataclass
class _Extent:
    """Running min/max of the cells seen so far (1-based)."""

    min_row: int = TOO_MANY
    max_row: int = 0
    min_column: int = TOO_MANY
    max_column: int = 0

    def add(self, rows: Ints, columns: Ints) -> None:
        if rows.size:
            self.min_row = min(self.min_row, int(rows.min()))
            self.max_row = max(self.max_row, int(rows.max()))
            self.min_column = min(self.min_column, int(columns.min()))
            self.max_column = max(self.max_column, int(columns.max()))

    def add_one(self, row: int, column: int) -> None:
        self.min_row = min(self.min_row, row)
        self.max_row = max(self.max_row, row)
        self.min_column = min(self.min_column, column)
        self.max_column = max(self.max_column, column)

    def cells(self) -> int:
        if self.max_row == 0:
            return 0
        return (self.max_row - self.min_row + 1) * (self.max_column - self.min_column + 1)


@dataclass
class _Formulas:
    count: int = 0
    first: tuple[int, int] | None = None


@dataclass
class _Tally:
    """Per-sheet counters of the fast path."""

    extent: _Extent
    formulas: _Formulas
    cell_tags: int = 0
    references: int = 0


def scan_sheet(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> SheetScan:
    """Scan one sheet part; the slow walk runs only when some cells have no reference."""
    if info.file_size > XML_BYTES_LIMIT:
        return SheetScan(0, None, None, 0, None, xml_too_large=True, xml_bytes=info.file_size)
    tally = _Tally(_Extent(), _Formulas())
    for block in _blocks(archive, info):
        _scan_block(block, tally)
    extent = tally.extent
    if tally.cell_tags > tally.references:
        extent = _walk_extent(archive, info)
    found = extent.max_row > 0
    return SheetScan(
        cells=extent.cells(),
        first_row=extent.min_row if found else None,
        first_column=extent.min_column if found else None,
        formulas_without_value=tally.formulas.count,
        first_formula_cell=tally.formulas.first,
        xml_bytes=info.file_size,
    )


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


def _scan_block(block: bytes, tally: _Tally) -> None:
    data = np.frombuffer(block + b"\0" * 16, dtype=np.uint8)
    starts = _reference_starts(data)
    columns, after = _columns(data, starts)
    rows = _rows(data, after)
    cell = columns > 0
    tally.references += int(cell.sum())
    census = _tag_census(data)
    tally.cell_tags += census.cells
    content = cell & ~_self_closing(data, starts)
    tally.extent.add(rows[content], columns[content])
    if census.formulas:
        _count_formulas(block, tally.formulas, census.prefixed_formulas)


def _reference_starts(data: npt.NDArray[np.uint8]) -> Ints:
    """Positions of the values of ` r="..."` attributes (any element; the caller sorts out)."""
    equals = np.flatnonzero(data == 0x3D)
    equals = equals[(equals >= 2) & (equals < data.size - 2)]
    before = data[equals - 2]
    quote = data[equals + 1]
    keep = data[equals - 1] == 0x72  # r
    keep &= (before == 0x20) | (before == 0x09) | (before == 0x0A) | (before == 0x0D)
    keep &= (quote == 0x22) | (quote == 0x27)
    starts: Ints = equals[keep].astype(np.int64) + 2
    return starts


def _columns(data: npt.NDArray[np.uint8], starts: Ints) -> tuple[Ints, Ints]:
    """Column number of each reference (0: no letters) and where its digits start."""
    column = np.zeros(starts.size, np.int64)
    active = np.ones(starts.size, bool)
    position = starts.copy()
    for _ in range(3):
        upper = data[position] & 0xDF
        letter = active & (upper >= 0x41) & (upper <= 0x5A)
        column = np.where(letter, column * 26 + upper.astype(np.int64) - 64, column)
        position += letter
        active = letter
    upper = data[position] & 0xDF
    column[active & (upper >= 0x41) & (upper <= 0x5A)] = TOO_MANY
    return column, position


def _rows(data: npt.NDArray[np.uint8], starts: Ints) -> Ints:
    row = np.zeros(starts.size, np.int64)
    active = np.ones(starts.size, bool)
    for offset in range(10):
        digit = data[starts + offset]
        active &= (digit >= 0x30) & (digit <= 0x39)
        if not active.any():
            return row
        row = np.where(active, row * 10 + digit.astype(np.int64) - 48, row)
    row[active] = TOO_MANY
    return row


def _self_closing(data: npt.NDArray[np.uint8], starts: Ints) -> npt.NDArray[np.bool_]:
    """Whether the tag holding each reference ends with `/>` (a cell without content).

    Each `/>` is matched to the last reference before it; it closes that reference's tag when
    no `>` stands between them. A tag longer than TAG_WINDOW bytes counts as having content,
    which can only overstate the extent.
    """
    closing = np.zeros(starts.size, bool)
    if starts.size == 0:
        return closing
    ends = np.flatnonzero((data[:-1] == 0x2F) & (data[1:] == 0x3E))
    owner = np.searchsorted(starts, ends) - 1
    near = (owner >= 0) & (ends - starts[np.maximum(owner, 0)] <= TAG_WINDOW)
    owner, ends = owner[near], ends[near]
    offsets = np.arange(TAG_WINDOW)
    window = data[np.minimum(starts[owner, None] + offsets, data.size - 1)]
    inside = offsets < (ends - starts[owner])[:, None]
    closing[owner[~((window == 0x3E) & inside).any(axis=1)]] = True
    return closing


@dataclass(frozen=True)
class _Census:
    cells: int  # cell start tags
    formulas: bool  # any formula tag
    prefixed_formulas: bool  # any formula tag with a namespace prefix


def _tag_census(data: npt.NDArray[np.uint8]) -> _Census:
    """Count cell start tags (`<c`, `<x:c`) and look for formula tags (`<f`, `<x:f`).

    A one-letter element name follows `<` or a prefix's `:` and ends in a space, `>` or `/`.
    """
    opening = data[:-2] == 0x3C
    cells = _short_names(data, np.flatnonzero(opening & (data[1:-1] == 0x63)))
    formulas = _short_names(data, np.flatnonzero(opening & (data[1:-1] == 0x66))) > 0
    colons = np.flatnonzero(data[:-2] == 0x3A)
    prefixed = _short_names(data, colons[data[colons + 1] == 0x66]) > 0
    if colons.size:
        cells_after_colon = colons[data[colons + 1] == 0x63]
        cells += _short_names(data, cells_after_colon[~_in_closing_tag(data, cells_after_colon)])
    return _Census(cells, formulas or prefixed, prefixed)


def _short_names(data: npt.NDArray[np.uint8], marks: Ints) -> int:
    """How many of the one-letter names after `marks` end there (space, `>` or `/`)."""
    after = data[marks + 2]
    short = (after == 0x20) | (after == 0x3E) | (after == 0x2F) | (after == 0x09)
    return int((short | (after == 0x0A) | (after == 0x0D)).sum())


def _in_closing_tag(data: npt.NDArray[np.uint8], colons: Ints) -> npt.NDArray[np.bool_]:
    """Whether each prefixed name belongs to a closing tag (`</x:c>`)."""
    openings = np.flatnonzero(data == 0x3C)
    if openings.size == 0:
        return np.zeros(colons.size, bool)
    index = np.maximum(np.searchsorted(openings, colons) - 1, 0)
    return np.asarray(data[openings[index] + 1] == 0x2F)


# --- formulas without a stored value ------------------------------------------------------

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


def _count_formulas(block: bytes, formulas: _Formulas, prefixed: bool) -> None:
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


# --- slow walk, for sheets whose cells lack references ------------------------------------

TAG = re.compile(rb"<(?:[\w.-]+:)?(row|c)\b([^>]*?)(/?)>")
ROW_NUMBER = re.compile(rb"""\br\s*=\s*["']([0-9]{1,10})["']""")
CELL_REFERENCE = re.compile(rb"""\br\s*=\s*["']([A-Za-z]{1,4})([0-9]{1,10})["']""")


@dataclass
class _Position:
    row: int = 0
    column: int = 0


def _walk_extent(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> _Extent:
    """The extent of the cells with content, following every row and cell tag in turn."""
    extent = _Extent()
    position = _Position()
    for block in _blocks(archive, info):
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
