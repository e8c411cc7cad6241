"""The fast .xlsx scan: the package read once, whole sheets scanned with numpy, same answers.

References are parsed eight bytes at a time, a small sheet part is scanned in one piece and
the package is inflated from memory; each test holds one of these to a plain reading of the
same XML, or to the streamed scan that large parts still get.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bitcheck.io import xlsx_package, xlsx_scan
from bitcheck.io.read import detect_format, read_file
from bitcheck.io.xlsx_scan import (
    TOO_MANY,
    Package,
    ScanError,
    SheetScan,
    column_number,
    open_package,
    scan_package,
    scan_workbook,
)

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _zip(
    sheet_xml: str, *, names: tuple[str, ...] = ("Data",), compression: int = zipfile.ZIP_DEFLATED
) -> bytes:
    """A minimal .xlsx whose sheets all hold `sheet_xml` inside <sheetData>."""
    sheets = "".join(
        f'<sheet name="{name}" sheetId="{n}" r:id="rId{n}"/>' for n, name in enumerate(names, 1)
    )
    targets = "".join(
        f'<Relationship Id="rId{n}" Type="{OFFICE}/worksheet" Target="worksheets/sheet{n}.xml"/>'
        for n in range(1, len(names) + 1)
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as package:
        package.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{RELS}"><Relationship Id="rId1" '
            f'Type="{OFFICE}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        package.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{MAIN}" xmlns:r="{OFFICE}"><sheets>{sheets}</sheets></workbook>',
        )
        package.writestr(
            "xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{RELS}">{targets}</Relationships>'
        )
        for n in range(1, len(names) + 1):
            package.writestr(
                f"xl/worksheets/sheet{n}.xml",
                f'<worksheet xmlns="{MAIN}"><sheetData>{sheet_xml}</sheetData></worksheet>',
            )
    return buffer.getvalue()


def _scan(data: bytes, sheet: str = "Data") -> SheetScan:
    with open_package(Path("in-memory.xlsx"), data) as package:
        return scan_package(package)[sheet]


def _extent(data: bytes) -> tuple[int, int | None, int | None]:
    scan = _scan(data)
    return scan.cells, scan.first_row, scan.first_column


# --- references, parsed as text says -------------------------------------------------------


def _plain_reading(reference: str) -> tuple[int, int]:
    """(row, column) of a reference: at most 3 letters and 9 digits count, more is too many."""
    letters = re.match(r"[A-Za-z]*", reference)
    assert letters is not None
    column = TOO_MANY if len(letters[0]) > 3 else column_number(letters[0])
    digits = re.match(r"[0-9]*", reference[min(len(letters[0]), 3) :])
    assert digits is not None
    row = TOO_MANY if len(digits[0]) >= 10 else int(digits[0] or 0)
    return row, column


REFERENCES = st.tuples(
    st.text("ABCXYZabz", min_size=1, max_size=4), st.text("0123456789", max_size=12)
).map("".join)


@settings(derandomize=True, max_examples=300, deadline=None)
@given(st.lists(REFERENCES, min_size=1, max_size=40))
def test_references_are_read_as_text_says(references: list[str]) -> None:
    cells = "".join(f'<c r="{reference}"><v>1</v></c>' for reference in references)
    rows, columns = zip(*(_plain_reading(reference) for reference in references), strict=True)
    if max(rows) == 0:
        expected: tuple[int, int | None, int | None] = (0, None, None)
    else:
        size = (max(rows) - min(rows) + 1) * (max(columns) - min(columns) + 1)
        expected = (size, min(rows), min(columns))
    assert _extent(_zip(f"<row>{cells}</row>")) == expected


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        ('<c r="B7"><v>1</v></c><c r="d9"><v>1</v></c>', (9, 7, 2)),
        ('<c r="A12345678"><v>1</v></c>', (1, 12345678, 1)),
        ('<c r="A123456789"><v>1</v></c>', (1, 123456789, 1)),
        ('<c r="A1"><v>1</v></c><c r="A1234567890"><v>1</v></c>', (TOO_MANY, 1, 1)),
        ('<c r="A007"><v>1</v></c><c r="A9"><v>1</v></c>', (3, 7, 1)),
        ('<c r="XFD1048576"><v>1</v></c><c r="AA1"><v>1</v></c>', (1048576 * 16358, 1, 27)),
        ('<c r="A1"><v>1</v></c><c r="ABCD1"><v>1</v></c>', (2 * TOO_MANY, 0, 1)),
        ("<c\tr='C3'><v>1</v></c><c\nr=\"E5\"><v>1</v></c>", (9, 3, 3)),
    ],
)
def test_reference_forms(cells: str, expected: tuple[int, int | None, int | None]) -> None:
    assert _extent(_zip(f"<row>{cells}</row>")) == expected


def test_styled_empty_cells_and_long_tags() -> None:
    empty = '<c r="Z9" s="1"/>'
    long_empty = '<c r="Z9" s="1" ' + 'x="0" ' * 12 + "/>"  # longer than TAG_WINDOW: content
    assert _extent(_zip(f'<row><c r="A1"><v>1</v></c>{empty}</row>')) == (1, 1, 1)
    assert _extent(_zip(f'<row><c r="A1"><v>1</v></c>{long_empty}</row>')) == (9 * 26, 1, 1)


def test_formulas_without_a_value_are_counted_from_the_first() -> None:
    cells = (
        '<c r="A1"><v>2</v></c><c r="B1"><f>A1*2</f><v>4</v></c>'
        '<c r="C2"><f>A1*3</f></c><c r="D3" t="str"><f>IF(A1,"","")</f><v></v></c>'
        '<c r="E4"><f t="shared" si="0"/><v/></c>'
    )
    scan = _scan(_zip(f"<row>{cells}</row>"))
    assert (scan.formulas_without_value, scan.first_formula_cell) == (2, (2, 3))


# --- one piece or a stream: the same ------------------------------------------------------

SNIPPETS = st.sampled_from(
    [
        '<row r="{r}">',
        "</row>",
        "<row>",
        '<c r="{c}{r}"><v>1</v></c>',
        '<c r="{c}{r}" s="2" t="s"><v>0</v></c>',
        '<c r="{c}{r}" s="1"/>',
        "<c><v>3</v></c>",
        '<c r="{c}{r}" t="inlineStr"><is><t>a>b c></t></is></c>',
        '<c r="{c}{r}"><f>SUM(A1:A2)</f></c>',
        '<c r="{c}{r}"><f>1+1</f><v>2</v></c>',
        '<c r="{c}{r}" t="str"><f>""</f><v></v></c>',
        '<x:c r="{c}{r}"><x:f>1</x:f></x:c>',
        '<x:c r="{c}{r}"><x:v>1</x:v></x:c>',
        '<cols><col min="1" max="2"/></cols>',
    ]
)


@st.composite
def _sheets(draw: st.DrawFn) -> str:
    parts = []
    for snippet in draw(st.lists(SNIPPETS, min_size=1, max_size=60)):
        row = draw(st.integers(1, 1_048_576))
        column = draw(st.sampled_from(["A", "B", "Z", "AA", "XFD"]))
        parts.append(snippet.format(r=row, c=column))
    return "".join(parts)


@settings(derandomize=True, max_examples=300, deadline=None)
@given(_sheets())
def test_one_piece_scans_as_the_stream_of_one_chunk(sheet_xml: str) -> None:
    """A stream cuts its one chunk after the last cell; the cut must change nothing."""
    data = _zip(sheet_xml)
    whole = _scan(data)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(xlsx_scan, "_sheet_blocks", _streamed)
        streamed = _scan(data)
    assert streamed == whole


def _streamed(package: Package, info: zipfile.ZipInfo) -> Callable[[], Iterator[bytes]]:
    return lambda: xlsx_scan._blocks(package.archive, info)


def test_a_large_sheet_scans_as_a_stream_of_many_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = "".join(
        f'<row r="{r}"><c r="A{r}" s="1"/><c r="B{r}"><v>{r}</v></c>'
        f'<c r="C{r}"><f>B{r}*2</f></c><c r="D{r}" t="inlineStr"><is><t>x</t></is></c></row>'
        for r in range(3, 400)
    )
    data = _zip(rows)
    whole = _scan(data)
    monkeypatch.setattr(xlsx_scan, "CHUNK_BYTES", 512)
    assert _scan(data) == whole
    assert (whole.cells, whole.first_row, whole.first_column) == (397 * 3, 3, 2)
    assert (whole.formulas_without_value, whole.first_formula_cell) == (397, (3, 3))


# --- the package, read once -----------------------------------------------------------------


@pytest.mark.parametrize("compression", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
def test_parts_are_read_as_zipfile_reads_them(compression: int) -> None:
    data = _zip('<row><c r="A1"><v>1</v></c></row>', compression=compression)
    with open_package(Path("in-memory.xlsx"), data) as package:
        for info in package.archive.infolist():
            assert package.read(info) == package.archive.read(info)


def _damage(data: bytes, old: bytes, new: bytes) -> bytes:
    assert data.count(old) >= 1
    return data.replace(old, new)


def test_damaged_parts_fail_as_in_zipfile(tmp_path: Path) -> None:
    data = _zip('<row><c r="A1"><v>1</v></c></row>', compression=zipfile.ZIP_STORED)
    path = tmp_path / "crc.xlsx"
    path.write_bytes(_damage(data, b'r="A1"', b'r="A2"'))  # the stored CRC no longer fits
    with pytest.raises(ScanError, match="CRC"):
        scan_workbook(path)
    local_name = data.index(b"_rels/.rels")  # the first local header's name
    bad_name = data[:local_name] + b"_RELS" + data[local_name + 5 :]
    path.write_bytes(bad_name)
    with pytest.raises(ScanError, match="differ"):
        scan_workbook(path)


def test_a_directory_pointing_before_the_file_fails_as_a_scan_error(tmp_path: Path) -> None:
    data = bytearray(_zip('<row><c r="A1"><v>1</v></c></row>'))
    end = data.rindex(b"PK\x05\x06")  # the central directory's offset, 16 bytes into its end
    offset = int.from_bytes(data[end + 16 : end + 20], "little") + 100_000
    data[end + 16 : end + 20] = offset.to_bytes(4, "little")
    path = tmp_path / "shifted.xlsx"
    path.write_bytes(bytes(data))
    with pytest.raises(ScanError):
        scan_workbook(path)


def test_a_package_too_large_for_memory_is_read_from_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "large.xlsx"
    path.write_bytes(_zip('<row r="2"><c r="B2"><v>1</v></c><c r="D5"><v>1</v></c></row>'))
    in_memory = scan_workbook(path)
    monkeypatch.setattr(xlsx_package, "IN_MEMORY_BYTES", 0)
    with open_package(path) as package:
        assert package.data is None
    assert scan_workbook(path) == in_memory
    scan = in_memory["Data"]
    assert (scan.cells, scan.first_row, scan.first_column) == (12, 2, 2)


def test_workbook_parts_are_remembered_by_their_content() -> None:
    first = _zip('<row><c r="A1"><v>1</v></c></row>', names=("Ark1", "Ark2"))
    second = _zip('<row><c r="A1"><v>1</v></c></row>', names=("Ark1", "Other"))
    assert list(_packaged_sheets(first)) == ["Ark1", "Ark2"]
    assert list(_packaged_sheets(second)) == ["Ark1", "Other"]
    assert list(_packaged_sheets(first)) == ["Ark1", "Ark2"]


def _packaged_sheets(data: bytes) -> dict[str, SheetScan]:
    with open_package(Path("in-memory.xlsx"), data) as package:
        return scan_package(package)


# --- the format check and the reading share the package -------------------------------------


@pytest.mark.parametrize("padding", [0, 100_000])
def test_read_file_hashes_the_bytes_it_read(tmp_path: Path, padding: int) -> None:
    data = _zip('<row><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>')
    path = tmp_path / "a.xlsx"
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        target.writestr("docProps/padding.bin", bytes(range(256)) * (padding // 256))
    source_file = read_file(path, path.name, max_sheet_cells=100)
    assert source_file.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert (source_file.file_format, source_file.tables[0].cells) == ("xlsx", [["x"]])
    assert detect_format(path, path.name) == "xlsx"


def test_read_file_opens_the_zip_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.xlsx"
    path.write_bytes(_zip('<row><c r="B2"><v>1</v></c></row>'))
    opened: list[object] = []
    original = zipfile.ZipFile

    def counting(*args: object, **kwargs: object) -> zipfile.ZipFile:
        opened.append(args[0])
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(xlsx_scan.zipfile, "ZipFile", counting)
    source_file = read_file(path, path.name, max_sheet_cells=100)
    assert (len(opened), source_file.tables[0].cells) == (1, [[1.0]])
