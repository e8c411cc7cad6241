"""Every file of the robustness corpus gives a SourceFile or an UnreadableFileError, quickly.

The corpus (../shared/corpus next to the repository) holds damaged, protected, exotic and
denial-of-service files from other projects' test suites; the module is skipped without it.
"""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest

from bitcheck.errors import UnreadableFileError
from bitcheck.io.raw import SourceFile
from bitcheck.io.read import read_file

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
FOLDERS = ("spreadsheets", "csv")

if not CORPUS.is_dir():
    pytest.skip(f"no corpus at {CORPUS}", allow_module_level=True)

FILES = sorted(path for folder in FOLDERS for path in (CORPUS / folder).glob("*") if path.is_file())


@pytest.mark.parametrize("path", FILES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_corpus_file_reads_or_is_unreadable(path: Path) -> None:
    display = f"{path.parent.name}/{path.name}"
    try:
        source = read_file(path, display, max_sheet_cells=5_000_000)
    except UnreadableFileError as exc:
        assert exc.file == display
        assert exc.reason in {"corrupt", "password", "not-a-table", "html", "empty", "too-large"}
        return
    assert isinstance(source, SourceFile)
    assert source.display == display
    assert all(table.file == display for table in source.tables)
    assert all(problem.file == display for problem in source.problems)
    assert len(source.sha256) == 64


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("pass_protected.xlsx", "password"),
        ("pass_protected.xlsb", "password"),
        ("pass_protected.ods", "password"),
        ("issue_385.xls", "password"),
        ("OOM_alloc3.xls", "corrupt"),
        ("issue252.xlsx", "corrupt"),
    ],
)
def test_known_unreadable_files(name: str, reason: str) -> None:
    with pytest.raises(UnreadableFileError) as caught:
        read_file(CORPUS / "spreadsheets" / name, name, max_sheet_cells=5_000_000)
    assert caught.value.reason == reason


def test_denial_of_service_ods_is_a_sheet_too_large() -> None:
    path = CORPUS / "spreadsheets" / "issue_594_dos.ods"
    source = read_file(path, path.name, max_sheet_cells=5_000_000)
    assert source.tables == []
    assert [(problem.code, problem.params["limit"]) for problem in source.problems] == [
        ("sheet-too-large", 5_000_000)
    ]


def test_xlsb_declaring_a_huge_sheet_is_too_large(tmp_path: Path) -> None:
    """calamine has no cell cap for .xlsb: a value at XFD1048576 aborts the reading process."""
    source = zipfile.ZipFile(CORPUS / "spreadsheets" / "date.xlsb")
    sheet = bytearray(source.read("xl/worksheets/sheet1.bin"))
    struct.pack_into("<I", sheet, 345, 1048575)  # the third row header's row index
    struct.pack_into("<I", sheet, 390, 16383)  # the column of a cell in that row
    bomb = tmp_path / "bomb.xlsb"
    with zipfile.ZipFile(bomb, "w") as package:
        for name in source.namelist():
            data = bytes(sheet) if name == "xl/worksheets/sheet1.bin" else source.read(name)
            package.writestr(name, data)
    result = read_file(bomb, bomb.name, max_sheet_cells=5_000_000)
    assert result.tables == []
    assert [(problem.code, problem.sheet) for problem in result.problems] == [
        ("sheet-too-large", "Sheet1")
    ]
