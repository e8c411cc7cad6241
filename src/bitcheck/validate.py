"""Raw table + layout -> typed frame of accepted rows + problems. Nothing is lost.

Every value is parsed column by column (each distinct value once); every bad value becomes
a `Problem`; a row with any error is rejected; `rows_read = rows_accepted + rows_rejected`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import numpy as np
import pandas as pd

from bitcheck import values
from bitcheck.headers import HeaderMatch, normalised_cell
from bitcheck.io.raw import Cell, RawTable
from bitcheck.problems import Problem
from bitcheck.schemas import FieldSpec

PARSERS: dict[str, Callable[[object], Any]] = {
    "id": values.parse_id,
    "text": values.parse_text,
    "cpr": values.parse_cpr,
    "paragraph": values.parse_paragraph,
    "date": values.parse_date,
    "time": values.parse_time,
    "need_level": values.parse_need_level,
    "hours": values.parse_hours,
    "amount": values.parse_amount,
    "minutes": values.parse_minutes,
    "count": values.parse_count,
    "unit": values.parse_unit,
    "yes_no": values.parse_yes_no,
    "kind": values.parse_kind,
}
TOTAL_WORDS = frozenset({"i alt", "ialt", "total", "totalt", "sum", "summa"})
ROW = "_row"


@dataclass
class TableResult:
    """The accepted rows of one table, typed, with what was rejected and noted."""

    file: str
    sheet: str | None
    kind: str
    layout: str
    frame: pd.DataFrame  # one column per field, plus _row (the user's row number)
    present: frozenset[str]  # fields whose column the file has
    rows_read: int
    rows_rejected: int
    problems: list[Problem] = field(default_factory=list)
    rejected_by_cpr: dict[str, int] = field(
        default_factory=dict
    )  # time logs: rejected rows per CPR

    @property
    def rows_accepted(self) -> int:
        return self.rows_read - self.rows_rejected


def flat_positions(mask: np.ndarray) -> list[int]:
    """Positions where a boolean mask is true, as plain ints."""
    return [int(position) for position in np.flatnonzero(mask)]


def is_total_row(row: Sequence[Cell]) -> bool:
    """A totals row: its first non-empty cell is `I alt`, `Total`, `Sum`... alone or first."""
    for cell in row:
        if not values.is_blank(cell):
            text = normalised_cell(cell) if isinstance(cell, str) else ""
            return text in TOTAL_WORDS or text.split(" ", 1)[0] in TOTAL_WORDS
    return False


def is_blank_row(row: Sequence[Cell]) -> bool:
    return all(values.is_blank(cell) for cell in row)


def data_rows(table: RawTable, header_index: int) -> list[int]:
    """Indices of the rows below the header that are data (not blank, not totals)."""
    return [
        index
        for index in range(header_index + 1, len(table.cells))
        if not is_blank_row(table.cells[index]) and not is_total_row(table.cells[index])
    ]


def raw_column(table: RawTable, rows: list[int], position: int | None) -> pd.Series:
    """The cells of one column over the given rows, as an object Series ("" past a row's end)."""
    if position is None:
        return pd.Series([""] * len(rows), dtype=object)
    cells = table.cells
    return pd.Series(
        [cells[i][position] if position < len(cells[i]) else "" for i in rows], dtype=object
    )


@dataclass
class ColumnCheck:
    """Parsed values and error codes of one field over the data rows."""

    parsed: pd.Series
    codes: pd.Series


def parse_field(spec: FieldSpec, raw: pd.Series, notes: list[str]) -> ColumnCheck:
    """Parse one column; `notes` collects codes decided for the whole column."""
    parser = PARSERS[spec.value_type]
    if spec.value_type == "date" and values.slash_dates_month_first(pd.unique(raw)):
        parser = partial(values.parse_date, month_first=True)
        notes.append("month-first-dates")
    parsed, codes = values.parse_column(raw, parser)
    return ColumnCheck(parsed, codes)


def cell_text(value: Cell) -> str:
    """A cell as the user would quote it."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value).strip()


@dataclass
class TableChecker:
    """Collects the problems and rejected rows of one table while its fields are checked."""

    table: RawTable
    match: HeaderMatch
    rows: list[int]
    rejected: np.ndarray = field(init=False)
    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.rejected = np.zeros(len(self.rows), dtype=bool)

    def row_number(self, position: int) -> int:
        return self.table.row_number(self.rows[position])

    def reject(
        self, mask: np.ndarray, code: str, field_name: str, raw: pd.Series, **params: Any
    ) -> None:
        for position in flat_positions(mask):
            self.add(position, code, field_name, cell_text(raw.iat[position]), **params)
        self.rejected |= mask

    def reject_codes(self, field_name: str, codes: pd.Series, raw: pd.Series) -> None:
        mask = codes.notna().to_numpy()
        for position in flat_positions(mask):
            self.add(position, str(codes.iat[position]), field_name, cell_text(raw.iat[position]))
        self.rejected |= mask

    def add(self, position: int, code: str, field_name: str, value: str, **params: Any) -> None:
        column = self.match.columns.get(field_name)
        self.problems.append(
            Problem(
                code=code,
                file=self.table.file,
                sheet=self.table.sheet,
                row=self.row_number(position),
                column=self.match.headers.get(field_name),
                field=field_name,
                value=value,
                params=params,
                column_number=None if column is None else self.table.first_column + column,
            )
        )

    def note(
        self, code: str, field_name: str | None = None, value: str | None = None, **params: Any
    ) -> None:
        """A note about a column (or the sheet, without a field), placed at the header row."""
        column = self.match.columns.get(field_name) if field_name else None
        self.problems.append(
            Problem(
                code=code,
                file=self.table.file,
                sheet=self.table.sheet,
                row=self.table.row_number(self.match.index) if column is not None else None,
                column=self.match.headers.get(field_name) if field_name else None,
                field=field_name,
                value=value,
                params={"value": value, **params},
                count=params.get("count"),
                column_number=None if column is None else self.table.first_column + column,
            )
        )


@dataclass
class Column:
    """One field over the data rows: raw cells, parsed values, error codes."""

    spec: FieldSpec
    raw: pd.Series
    parsed: pd.Series
    codes: pd.Series
    present: bool

    @property
    def empty(self) -> np.ndarray:
        """Cells that are empty and not in error."""
        return (self.parsed.isna() & self.codes.isna()).to_numpy()


def check_columns(checker: TableChecker, specs: list[FieldSpec]) -> dict[str, Column]:
    """Parse every field of the layout and reject the rows with bad values."""
    columns: dict[str, Column] = {}
    for spec in specs:
        position = checker.match.columns.get(spec.name)
        raw = raw_column(checker.table, checker.rows, position)
        notes: list[str] = []
        check = parse_field(spec, raw, notes)
        for code in notes:
            checker.note(code, spec.name)
        checker.reject_codes(spec.name, check.codes, raw)
        columns[spec.name] = Column(spec, raw, check.parsed, check.codes, position is not None)
    return columns


def require(checker: TableChecker, column: Column) -> None:
    """An empty cell of a required field is `missing-value`."""
    checker.reject(column.empty, "missing-value", column.spec.name, column.raw)


def with_default(column: Column) -> pd.Series:
    """Parsed values, the field's default where the cell is empty or the column absent."""
    if column.spec.default is None:
        return column.parsed
    return column.parsed.where(column.parsed.notna(), column.spec.default)
