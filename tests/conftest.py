"""Shared fixtures: a fixed pseudonym key, and writers of real xlsx and CSV files."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import openpyxl
import pytest

TEST_KEY = "00" * 32
SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(autouse=True)
def pseudonym_key(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """Every test uses key 00 x 32 and never touches the user's key file."""
    monkeypatch.setenv("BITCHECK_PSEUDONYM_KEY", TEST_KEY)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    yield


def write_xlsx(
    path: Path,
    rows: Sequence[Sequence[object]],
    *,
    sheet: str = "Ark1",
    top_left: str = "A1",
    extra_sheets: dict[str, Sequence[Sequence[object]]] | None = None,
) -> Path:
    """Write rows with openpyxl, the first row at `top_left` (e.g. "B5")."""
    workbook = openpyxl.Workbook()
    worksheet = workbook.active
    assert worksheet is not None
    worksheet.title = sheet
    _fill(worksheet, rows, top_left)
    for name, more in (extra_sheets or {}).items():
        _fill(workbook.create_sheet(name), more, "A1")
    workbook.save(path)
    return path


def _fill(worksheet: object, rows: Sequence[Sequence[object]], top_left: str) -> None:
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    letters, first_row = coordinate_from_string(top_left)
    first_column = column_index_from_string(letters)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                worksheet.cell(row=first_row + r, column=first_column + c, value=value)  # type: ignore[attr-defined]


def write_csv(
    path: Path, lines: Sequence[str], *, encoding: str = "utf-8", newline: str = "\r\n"
) -> Path:
    path.write_bytes(newline.join(lines).encode(encoding) + newline.encode(encoding))
    return path
