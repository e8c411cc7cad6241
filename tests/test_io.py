"""The file readers: folders and globs, CSV encodings and separators, workbooks, bad files."""

from __future__ import annotations

import hashlib
import os
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter

from bitcheck.errors import UnreadableFileError
from bitcheck.io import workbook as workbook_module
from bitcheck.io.csv_reader import read_csv
from bitcheck.io.files import expand_glob, expand_paths, newest_match
from bitcheck.io.raw import SourceFile
from bitcheck.io.read import read_file
from bitcheck.io.xlsx_scan import column_letters, column_number, scan_workbook

LIMIT = 5_000_000


def read(path: Path, limit: int = LIMIT) -> SourceFile:
    return read_file(path, path.name, max_sheet_cells=limit)


def reason(path: Path) -> str:
    with pytest.raises(UnreadableFileError) as caught:
        read(path)
    return caught.value.reason


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def codes(source: SourceFile) -> list[tuple[str, str | None, int | None, str | None]]:
    return [(p.code, p.sheet, p.row, p.column) for p in source.problems]


# --- folders and globs ------------------------------------------------------------------------


def test_folder_expansion_order_and_skips(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [
        "b.csv",
        "a.xlsx",
        "A.CSV",
        "sub/c.ods",
        "sub/deeper/d.xls",
        "e.XLSB",
        "f.xlsm",
        "g.txt",
        ".hidden.csv",
        ".git/x.csv",
        "~$a.xlsx",
        "README.csv",
        "notes.md",
        "report.pdf",
    ]:
        write(tmp_path / "data" / name, b"a;b\n")
    monkeypatch.chdir(tmp_path)
    found = expand_paths("data/")
    assert [display for _, display in found] == [
        "data/A.CSV",
        "data/a.xlsx",
        "data/b.csv",
        "data/e.XLSB",
        "data/f.xlsm",
        "data/g.txt",
        "data/sub/c.ods",
        "data/sub/deeper/d.xls",
    ]
    assert all(path.is_file() for path, _ in found)
    assert found[-1][0] == Path("data/sub/deeper/d.xls")


def test_a_file_appears_as_typed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "exports" / "sager.xlsx", b"x")
    monkeypatch.chdir(tmp_path)
    assert expand_paths("./exports/sager.xlsx") == [
        (Path("exports/sager.xlsx"), "./exports/sager.xlsx")
    ]
    assert expand_paths("exports") == [(Path("exports/sager.xlsx"), "exports/sager.xlsx")]


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFileError) as caught:
        expand_paths(str(tmp_path / "nope.xlsx"))
    assert caught.value.reason == "missing"


def test_glob_matches_and_newest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    first = write(tmp_path / "ex" / "sager_2026-01.xlsx", b"x")
    second = write(tmp_path / "ex" / "sager_2026-02.xlsx", b"x")
    third = write(tmp_path / "ex" / "sager_2025-12.xlsx", b"x")
    write(tmp_path / "ex" / "~$sager_2026-03.xlsx", b"x")
    os.utime(first, (1000, 1000))
    os.utime(second, (1000, 1000))
    os.utime(third, (500, 500))
    assert [display for _, display in expand_glob("ex/sager_*.xlsx")] == [
        "ex/sager_2025-12.xlsx",
        "ex/sager_2026-01.xlsx",
        "ex/sager_2026-02.xlsx",
    ]
    assert newest_match("ex/sager_*.xlsx") == Path("ex/sager_2026-02.xlsx")
    os.utime(first, (2000, 2000))
    assert newest_match("ex/sager_*.xlsx") == Path("ex/sager_2026-01.xlsx")
    with pytest.raises(UnreadableFileError):
        expand_glob("ex/none_*.xlsx")


def test_recursive_glob_display(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "logs" / "2026" / "uge1.csv", b"a;b\n")
    assert expand_paths("logs/**/*.csv") == [(Path("logs/2026/uge1.csv"), "logs/2026/uge1.csv")]


# --- CSV --------------------------------------------------------------------------------------


@pytest.mark.parametrize("separator", [";", ",", "\t"])
def test_csv_separators(tmp_path: Path, separator: str) -> None:
    text = separator.join(["Sagsnr", "CPR", "Bevilget fra"]) + "\r\n"
    text += separator.join(["S-1", "010190-1234", "01-02-2026"]) + "\r\n"
    source = read(write(tmp_path / "sager.csv", text.encode()))
    table = source.tables[0]
    assert table.cells == [["Sagsnr", "CPR", "Bevilget fra"], ["S-1", "010190-1234", "01-02-2026"]]
    assert (table.sheet, table.row_numbers, source.file_format) == (None, [1, 2], "csv")
    assert source.problems == []


def test_semicolon_wins_over_decimal_comma(tmp_path: Path) -> None:
    data = "Sag;Beløb, kr\n1;1234,50\n2;99,00\n".encode()
    table = read(write(tmp_path / "a.csv", data)).tables[0]
    assert table.cells == [["Sag", "Beløb, kr"], ["1", "1234,50"], ["2", "99,00"]]


def test_excel_separator_line(tmp_path: Path) -> None:
    data = b"sep=;\r\nSagsnr;Timer\r\nS-1;7,5\r\n"
    table = read(write(tmp_path / "a.csv", data)).tables[0]
    assert table.cells == [["Sagsnr", "Timer"], ["S-1", "7,5"]]
    assert table.row_numbers == [2, 3]


def test_quoted_newlines_keep_physical_line_numbers(tmp_path: Path) -> None:
    data = b'Sagsnr;Note\nS-1;"first\nsecond\nthird"\nS-2;ok\n\nS-3;"a ""quoted"" word"\n'
    table = read(write(tmp_path / "a.csv", data)).tables[0]
    assert table.cells == [
        ["Sagsnr", "Note"],
        ["S-1", "first\nsecond\nthird"],
        ["S-2", "ok"],
        [],
        ["S-3", 'a "quoted" word'],
    ]
    assert table.row_numbers == [1, 2, 5, 6, 7]
    assert [table.row_number(i) for i in range(5)] == [1, 2, 5, 6, 7]


def test_utf8_and_utf8_bom_are_quiet(tmp_path: Path) -> None:
    text = "Sagsnr;Bevilget fra;Støttetimer\nS-1;01-02-2026;7,5\n"
    plain = read(write(tmp_path / "plain.csv", text.encode("utf-8")))
    marked = read(write(tmp_path / "bom.csv", b"\xef\xbb\xbf" + text.encode("utf-8")))
    assert (plain.encoding, marked.encoding) == ("utf-8", "utf-8-sig")
    assert plain.tables[0].cells == marked.tables[0].cells
    assert marked.tables[0].cells[0][0] == "Sagsnr"
    assert plain.problems == marked.problems == []


def test_windows_1252_is_decoded_and_noted(tmp_path: Path) -> None:
    text = "Bevilget fra;Støttetimer;Bemærkning\n01-02-2026;7,5;Åben sag, ændret\n"
    source = read(write(tmp_path / "cp.csv", text.encode("windows-1252")))
    assert source.encoding == "windows-1252"
    assert source.tables[0].cells == [
        ["Bevilget fra", "Støttetimer", "Bemærkning"],
        ["01-02-2026", "7,5", "Åben sag, ændret"],
    ]
    assert codes(source) == [("encoding", None, None, None)]
    assert source.problems[0].params == {"encoding": "windows-1252"}


def test_bytes_undefined_in_windows_1252_do_not_crash(tmp_path: Path) -> None:
    source = read(write(tmp_path / "odd.csv", b"a;b\n\x81\x8d;\xf8\n"))
    assert source.tables[0].cells == [["a", "b"], ["\ufffd\ufffd", "ø"]]


def test_utf16_unicode_text_from_excel(tmp_path: Path) -> None:
    text = "Sagsnr\tBevilget fra\tBeløb\r\nS-1\t01-02-2026\t1.234,50\r\n"
    source = read(write(tmp_path / "export.txt", text.encode("utf-16")))
    assert source.encoding == "utf-16"
    assert source.tables[0].cells == [
        ["Sagsnr", "Bevilget fra", "Beløb"],
        ["S-1", "01-02-2026", "1.234,50"],
    ]
    assert codes(source) == [("encoding", None, None, None)]


def test_single_column_csv(tmp_path: Path) -> None:
    table = read(write(tmp_path / "one.csv", b"CPR\n010190-1234\n")).tables[0]
    assert table.cells == [["CPR"], ["010190-1234"]]


def test_csv_sha256(tmp_path: Path) -> None:
    data = b"a;b\n1;2\n"
    assert read(write(tmp_path / "a.csv", data)).sha256 == hashlib.sha256(data).hexdigest()


def test_xls_that_is_really_csv_is_read_as_csv(tmp_path: Path) -> None:
    source = read(write(tmp_path / "export.xls", "Sagsnr;Beløb\nS-1;10,00\n".encode("cp1252")))
    assert source.file_format == "csv"
    assert source.tables[0].cells == [["Sagsnr", "Beløb"], ["S-1", "10,00"]]


def test_read_csv_directly(tmp_path: Path) -> None:
    source = read_csv(write(tmp_path / "a.csv", b"a,b\n1,2\n"), "in/a.csv")
    assert (source.display, source.tables[0].file) == ("in/a.csv", "in/a.csv")


# --- workbooks --------------------------------------------------------------------------------


def test_data_below_title_rows_keeps_user_positions(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Sager"
    sheet["B2"] = "Udtræk fra fagsystem"
    sheet["B5"], sheet["C5"] = "Sagsnr", "Timer"
    sheet["B6"], sheet["C6"] = "S-1", 7.5
    other = book.create_sheet("Kun data")
    other["C7"], other["D8"] = "x", 2
    book.save(tmp_path / "sager.xlsx")
    source = read(tmp_path / "sager.xlsx")
    first, second = source.tables
    assert (first.sheet, first.first_row, first.first_column) == ("Sager", 2, 2)
    assert first.cells[3] == ["Sagsnr", "Timer"]
    assert first.row_number(3) == 5
    assert (second.first_row, second.first_column, second.cells) == (7, 3, [["x", ""], ["", 2]])
    assert source.file_format == "xlsx"
    assert source.sha256 == hashlib.sha256((tmp_path / "sager.xlsx").read_bytes()).hexdigest()


def test_hidden_and_instruction_sheets_are_skipped(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    data = book.active
    assert data is not None
    data.title = "Data"
    data["A1"] = "Sagsnr"
    for title, state in [
        ("Vejledning", "visible"),
        ("LISTER", "visible"),
        ("Instructions", "visible"),
        ("Skjult", "hidden"),
        ("Meget skjult", "veryHidden"),
    ]:
        sheet = book.create_sheet(title)
        sheet["A1"] = "x"
        sheet.sheet_state = state
    book.save(tmp_path / "a.xlsx")
    source = read(tmp_path / "a.xlsx")
    assert [table.sheet for table in source.tables] == ["Data"]
    assert source.problems == []


def test_merged_range_keeps_value_in_top_left_only(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["A1"] = "Leverandør"
    sheet.merge_cells("A1:C2")
    sheet["A3"], sheet["C3"] = 1, 3
    book.save(tmp_path / "m.xlsx")
    assert read(tmp_path / "m.xlsx").tables[0].cells == [
        ["Leverandør", "", ""],
        ["", "", ""],
        [1, "", 3],
    ]


def test_empty_sheet_is_an_empty_table(tmp_path: Path) -> None:
    openpyxl.Workbook().save(tmp_path / "e.xlsx")
    (table,) = read(tmp_path / "e.xlsx").tables
    assert table.cells == [] and table.width == 0


def _bomb(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Bombe"
    sheet["A1"] = 1
    sheet["XFD1048576"] = 1
    fine = book.create_sheet("Fin")
    fine["A1"] = "ok"
    book.save(path)
    return path


def test_huge_declared_sheet_is_not_loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    loaded: list[str] = []
    original = workbook_module._load

    def spy(book: object, name: str, *args: object) -> object:
        loaded.append(name)
        return original(book, name, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(workbook_module, "_load", spy)
    started = time.perf_counter()
    source = read(_bomb(tmp_path / "bomb.xlsx"))
    assert time.perf_counter() - started < 5
    assert loaded == ["Fin"]
    assert [table.sheet for table in source.tables] == ["Fin"]
    assert codes(source) == [("sheet-too-large", "Bombe", None, None)]
    assert source.problems[0].params == {"cells": 1048576 * 16384, "limit": LIMIT}
    assert source.problems[0].is_error


def test_sheet_just_over_the_limit(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["B2"], sheet["K11"] = 1, 2  # 10 x 10 cells
    book.save(tmp_path / "s.xlsx")
    assert read(tmp_path / "s.xlsx", limit=100).tables[0].cells[9][9] == 2
    assert codes(read(tmp_path / "s.xlsx", limit=99)) == [("sheet-too-large", "Sheet", None, None)]


def test_styled_empty_cells_do_not_count(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["A1"] = "x"
    sheet["XFD1048576"].number_format = "0.00"
    book.save(tmp_path / "s.xlsx")
    scan = scan_workbook(tmp_path / "s.xlsx")["Sheet"]
    assert (scan.cells, scan.first_row, scan.first_column) == (1, 1, 1)
    assert read(tmp_path / "s.xlsx").tables[0].cells == [["x"]]


def test_formula_without_value_is_noted(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["A1"], sheet["C5"], sheet["D7"], sheet["E8"] = 2, "=A1*2", "=SUM(A1:A3)", 1
    book.save(tmp_path / "f.xlsx")
    source = read(tmp_path / "f.xlsx")
    assert codes(source) == [("formula-without-value", "Sheet", 5, "C")]
    note = source.problems[0]
    assert (note.count, note.column_number, note.is_error) == (2, 3, False)
    assert source.tables[0].cells[4][2] == ""


def test_formulas_with_stored_values_are_quiet(tmp_path: Path) -> None:
    book = xlsxwriter.Workbook(str(tmp_path / "v.xlsx"))
    sheet = book.add_worksheet("Beregnet")
    sheet.write_number("A1", 2)
    sheet.write_formula("B1", "=A1*2", None, 4)
    sheet.write_formula("C1", '=IF(A1>1,"x","")', None, "x")
    book.close()
    source = read(tmp_path / "v.xlsx")
    assert source.problems == []
    assert source.tables[0].cells == [[2, 4, "x"]]


def test_formula_whose_stored_text_is_empty_is_quiet(tmp_path: Path) -> None:
    """Excel stores =IF(...;"";...) as t="str" with an empty value: that is a value."""
    path = _package(
        tmp_path / "e.xlsx",
        '<x:row r="1"><x:c r="A1"><x:v>2</x:v></x:c>'
        '<x:c r="B1" t="str"><x:f>IF(A1&gt;5,"x","")</x:f><x:v></x:v></x:c></x:row>',
    )
    assert read(path).problems == []


def _package(path: Path, sheet_xml: str) -> Path:
    """A minimal .xlsx whose worksheet uses the `x:` prefix, as the OpenXML SDK writes it."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rels = "http://schemas.openxmlformats.org/package/2006/relationships"
    office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{rels}"><Relationship Id="rId1" '
            f'Type="{office}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        package.writestr(
            "xl/workbook.xml",
            f'<x:workbook xmlns:x="{main}" xmlns:r="{office}"><x:sheets>'
            '<x:sheet name="Data" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>',
        )
        package.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{rels}"><Relationship Id="rId1" '
            f'Type="{office}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        )
        package.writestr(
            "xl/worksheets/sheet1.xml",
            f'<x:worksheet xmlns:x="{main}"><x:sheetData>{sheet_xml}</x:sheetData></x:worksheet>',
        )
    return path


def test_prefixed_cells_are_scanned(tmp_path: Path) -> None:
    path = _package(
        tmp_path / "p.xlsx",
        '<x:row r="3"><x:c r="B3" t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c>'
        '<x:c r="C3"><x:v>1</x:v></x:c></x:row>'
        '<x:row r="4"><x:c r="D4" s="1"/><x:c r="C4"><x:f>1+1</x:f></x:c></x:row>',
    )
    scan = scan_workbook(path)["Data"]
    assert (scan.first_row, scan.first_column, scan.cells) == (3, 2, 4)
    assert (scan.formulas_without_value, scan.first_formula_cell) == (1, (4, 3))
    source = read(path)
    assert source.tables[0].cells == [["a", 1.0]]
    assert codes(source) == [("formula-without-value", "Data", 4, "C")]


def test_cells_without_references_are_placed_like_calamine(tmp_path: Path) -> None:
    path = _package(
        tmp_path / "r.xlsx",
        '<x:row><x:c t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c><x:v>1</x:v></x:c></x:row>'
        '<x:row r="5"><x:c/><x:c><x:v>2</x:v></x:c><x:c><x:v>3</x:v></x:c></x:row>',
    )
    scan = scan_workbook(path)["Data"]
    assert (scan.first_row, scan.first_column, scan.cells) == (1, 1, 15)
    table = read(path).tables[0]
    assert (table.first_row, len(table.cells), table.width) == (1, 5, 3)


def test_cells_without_references_cannot_hide_a_huge_sheet(tmp_path: Path) -> None:
    row = "<x:c><x:v>1</x:v></x:c>" * 2000
    path = _package(
        tmp_path / "h.xlsx",
        f'<x:row>{row}</x:row><x:row r="1048576"><x:c><x:v>2</x:v></x:c></x:row>',
    )
    assert codes(read(path)) == [("sheet-too-large", "Data", None, None)]


def test_xlsm_by_name(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.save(tmp_path / "m.xlsm")
    assert read(tmp_path / "m.xlsm").file_format == "xlsm"


def _ods(path: Path, table_xml: str) -> Path:
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    content = (
        f'<office:document-content xmlns:office="{office}" xmlns:table="{table}" '
        f'xmlns:text="{text}" office:version="1.2"><office:body><office:spreadsheet>'
        f"{table_xml}</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        package.writestr("META-INF/manifest.xml", manifest)
        package.writestr("content.xml", content)
    return path


def test_ods_in_a_child_process(tmp_path: Path) -> None:
    path = _ods(
        tmp_path / "a.ods",
        '<table:table table:name="Ark1"><table:table-row><table:table-cell/>'
        '<table:table-cell office:value-type="string"><text:p>Sagsnr</text:p></table:table-cell>'
        "</table:table-row></table:table>",
    )
    source = read(path)
    assert source.file_format == "ods"
    (table,) = source.tables
    assert (table.sheet, table.first_column, table.cells) == ("Ark1", 2, [["Sagsnr"]])


def test_ods_with_billions_of_repeated_cells(tmp_path: Path) -> None:
    path = _ods(
        tmp_path / "dos.ods",
        '<table:table table:name="Ark1"><table:table-row table:number-rows-repeated="99999">'
        '<table:table-cell table:number-columns-repeated="99999" office:value-type="string">'
        "<text:p>X</text:p></table:table-cell></table:table-row></table:table>",
    )
    source = read(path)
    assert source.tables == []
    assert codes(source) == [("sheet-too-large", None, None, None)]


# --- files that cannot be read ----------------------------------------------------------------


def test_empty_files(tmp_path: Path) -> None:
    assert reason(write(tmp_path / "zero.csv", b"")) == "empty"
    assert reason(write(tmp_path / "zero.xlsx", b"")) == "empty"
    assert reason(write(tmp_path / "blank.csv", b"  \r\n\r\n")) == "empty"
    assert reason(write(tmp_path / "bom.csv", b"\xef\xbb\xbf")) == "empty"


def test_binary_garbage(tmp_path: Path) -> None:
    assert reason(write(tmp_path / "g.csv", bytes(range(256)) * 4)) == "not-a-table"
    assert reason(write(tmp_path / "g.xls", b"\x01\x02\x03\x04" * 100)) == "not-a-table"


def test_html_saved_as_xls(tmp_path: Path) -> None:
    page = b"\r\n <HTML><head></head><body><TABLE><tr><td>1</td></tr></TABLE></body></HTML>"
    path = write(tmp_path / "export.xls", page)
    with pytest.raises(UnreadableFileError) as caught:
        read(path)
    assert (caught.value.reason, caught.value.detail) == ("html", "save it as .xlsx or .csv")
    assert reason(write(tmp_path / "t.csv", b"<table><tr><td>1</td></tr></table>")) == "html"


def test_xml_spreadsheet_2003(tmp_path: Path) -> None:
    data = b'<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">'
    assert reason(write(tmp_path / "x.xls", data)) == "not-a-table"


def test_password_protected_office_file(tmp_path: Path) -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptedPackage".encode("utf-16-le")
    assert reason(write(tmp_path / "secret.xlsx", ole + b"\0" * 2048)) == "password"


def test_corrupt_files(tmp_path: Path) -> None:
    _bomb(tmp_path / "whole.xlsx")
    data = (tmp_path / "whole.xlsx").read_bytes()
    assert reason(write(tmp_path / "cut.xlsx", data[: len(data) // 2])) == "corrupt"
    assert reason(write(tmp_path / "zip.xlsx", b"PK\x03\x04" + b"\x07" * 300)) == "corrupt"
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x07" * 600
    assert reason(write(tmp_path / "ole.xls", ole)) == "corrupt"


def test_zip_that_is_not_a_spreadsheet(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "doc.zip", "w") as package:
        package.writestr("word/document.xml", "<w:document/>")
    assert reason(tmp_path / "doc.zip") == "not-a-table"


def test_directory_and_missing(tmp_path: Path) -> None:
    assert reason(tmp_path) == "directory"
    assert reason(tmp_path / "missing.xlsx") == "missing"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_permission(tmp_path: Path) -> None:
    path = write(tmp_path / "locked.csv", b"a;b\n")
    path.chmod(0)
    assert reason(path) == "permission"


# --- helpers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("letters", "number"), [("A", 1), ("Z", 26), ("AA", 27), ("AB", 28), ("XFD", 16384)]
)
def test_column_letters(letters: str, number: int) -> None:
    assert column_number(letters) == number
    assert column_letters(number) == letters


def test_scan_of_a_sheet_as_excel_writes_it(tmp_path: Path) -> None:
    """Shared strings and styled numbers: the extent comes from the cell references.

    (Its speed is measured in benchmarks/, not here.)"""
    path = _large_sheet(tmp_path / "large.xlsx", rows=2_000)
    scan = scan_workbook(path)["Data"]
    assert (scan.cells, scan.first_row, scan.first_column) == (20_000, 1, 1)


def _large_row(r: int) -> str:
    texts = "".join(f'<c r="{c}{r}" t="s"><v>{r % 7}</v></c>' for c in "ABCDE")
    numbers = "".join(f'<c r="{c}{r}" s="1"><v>{r}.5</v></c>' for c in "FGHIJ")
    return f'<row r="{r}">{texts}{numbers}</row>'


def _large_sheet(path: Path, rows: int) -> Path:
    """A sheet as Excel writes it (shared strings), generated as XML for speed."""
    body = "".join(_large_row(r) for r in range(1, rows + 1))
    sheet = f'<worksheet xmlns="main"><sheetData>{body}</sheetData></worksheet>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(
            "xl/workbook.xml",
            '<workbook xmlns:r="rel"><sheets><sheet name="Data" r:id="rId1"/></sheets></workbook>',
        )
        package.writestr(
            "xl/_rels/workbook.xml.rels",
            '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/>'
            "</Relationships>",
        )
        package.writestr("xl/worksheets/sheet1.xml", sheet)
    return path


def test_permission_denied_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "locked.csv", b"a;b\n")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert reason(path) == "permission"


def test_a_reader_process_that_cannot_start_is_not_a_bad_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _ods(tmp_path / "a.ods", '<table:table table:name="Ark1"/>')
    monkeypatch.setattr(workbook_module.sys, "executable", "/bin/false")
    with pytest.raises(workbook_module.ReaderProcessError):
        read(path)


def test_existing_name_with_glob_characters_is_taken_as_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "sager [kopi].csv", b"a;b\n")
    assert expand_paths("sager [kopi].csv") == [(Path("sager [kopi].csv"), "sager [kopi].csv")]
