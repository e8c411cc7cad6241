"""Raw tables: cells as read, with the row and column numbers the user sees."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bitcheck.problems import Problem

# A cell as a reader gives it: "" for empty; str, float, int, bool, date, datetime, time or
# timedelta otherwise. CSV cells are always str.
Cell = object


@dataclass
class RawTable:
    """One sheet of a workbook, or one CSV file, as read.

    `cells[i][j]` stands at user-visible row `row_number(i)` and column `first_column + j`.
    Rows may be ragged (CSV); a missing cell reads as "".
    """

    file: str
    sheet: str | None
    cells: list[list[Cell]]
    first_row: int = 1
    first_column: int = 1
    row_numbers: list[int] | None = None  # CSV: the physical line where each record starts

    def row_number(self, index: int) -> int:
        if self.row_numbers is not None:
            return self.row_numbers[index]
        return self.first_row + index

    def row_numbers_of(self, indices: list[int]) -> list[int]:
        """row_number of each index, at once."""
        if self.row_numbers is not None:
            return [self.row_numbers[index] for index in indices]
        first = self.first_row
        return [first + index for index in indices]

    @property
    def width(self) -> int:
        return max((len(row) for row in self.cells), default=0)


@dataclass
class SourceFile:
    """One input file: its readable sheets (or its one CSV table) and file-level problems."""

    path: Path
    display: str
    file_format: str  # xlsx, xlsm, xls, xlsb, ods, csv
    sha256: str
    tables: list[RawTable]
    encoding: str | None = None  # CSV only
    problems: list[Problem] = field(default_factory=list)
