"""Raw table + layout -> typed columns of accepted rows + problems. Nothing is lost.

Every value is parsed column by column, each distinct value once per run (`parse_values`);
every bad value becomes a `Problem`; a row with any error is rejected;
`rows_read = rows_accepted + rows_rejected`. Tables are plain lists here: a pandas frame is
made once per input kind, not once per sheet, since a municipality sends a thousand sheets.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bitcheck import values
from bitcheck.headers import HeaderMatch, normalised_cell
from bitcheck.io.raw import Cell, RawTable
from bitcheck.problems import Problem
from bitcheck.schemas import FieldSpec

if TYPE_CHECKING:
    import pandas as pd

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
Mask = list[bool]


@dataclass
class TableResult:
    """The accepted rows of one table as typed columns, with what was rejected and noted."""

    file: str
    sheet: str | None
    kind: str
    layout: str
    columns: dict[str, list[Any]]  # one list per field, plus _row (the user's row number)
    present: frozenset[str]  # fields whose column the file has
    rows_read: int
    rows_rejected: int
    problems: list[Problem] = field(default_factory=list)
    rejected_by_cpr: dict[str, int] = field(default_factory=dict)  # time logs
    _frame: pd.DataFrame | None = field(default=None, repr=False)

    @property
    def rows_accepted(self) -> int:
        return self.rows_read - self.rows_rejected

    @property
    def frame(self) -> pd.DataFrame:
        """The accepted rows as a frame (object columns), made when first asked for."""
        import pandas as pd  # not in the worker processes that read files

        if self._frame is None:
            self._frame = pd.DataFrame(
                {name: pd.Series(column, dtype=object) for name, column in self.columns.items()}
            )
        return self._frame

    @frame.setter
    def frame(self, frame: pd.DataFrame | None) -> None:
        self._frame = frame


def flat_positions(mask: Sequence[bool]) -> list[int]:
    """Positions where a mask is true."""
    return [position for position, flag in enumerate(mask) if flag]


PLAIN_DATA = (dt.date, dt.datetime, dt.time, dt.timedelta, float, int)


def first_filled(row: Sequence[Cell]) -> Cell | None:
    """The first cell that is not blank, or None for a blank row (the hot path of reading)."""
    for cell in row:
        if isinstance(cell, str):
            text = cell.strip()
            if text and (text[0] != "#" or text.upper() not in values.EXCEL_ERRORS):
                return cell
        elif cell is not None and not (isinstance(cell, float) and cell != cell):
            return cell
    return None


def is_total_text(cell: Cell) -> bool:
    """`I alt`, `Total`, `Sum`... alone or followed by more text."""
    text = normalised_cell(cell) if isinstance(cell, str) else ""
    return any(text == word or text.startswith(word + " ") for word in TOTAL_WORDS)


def is_total_row(row: Sequence[Cell]) -> bool:
    """A totals row: its first non-empty cell is a totals word."""
    first = first_filled(row)
    return first is not None and is_total_text(first)


def data_rows(table: RawTable, header_index: int) -> list[int]:
    """Indices of the rows below the header that are data (not blank, not totals)."""
    rows = []
    cells = table.cells
    for index in range(header_index + 1, len(cells)):
        row = cells[index]
        lead = row[0] if row else None
        # the common cases: a date, time or number first, or text that starts with a digit
        if (lead.__class__ in PLAIN_DATA and lead == lead) or (
            lead.__class__ is str and lead[:1].isdigit()
        ):
            rows.append(index)
            continue
        first = first_filled(row)
        if first is not None and not (isinstance(first, str) and is_total_text(first)):
            rows.append(index)
    return rows


def columns_of(table: RawTable, rows: list[int]) -> list[tuple[Cell, ...]]:
    """The given rows as columns; short rows (CSV) are padded with ""."""
    data = [table.cells[i] for i in rows]
    widths = set(map(len, data))
    if len(widths) > 1:
        width = max(widths)
        data = [[*row, *[""] * (width - len(row))] for row in data]
    return list(zip(*data, strict=True))


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
    rejected: Mask = field(init=False)
    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.rejected = [False] * len(self.rows)
        self._columns: list[tuple[Cell, ...]] | None = None

    def raw(self, position: int | None) -> list[Cell]:
        """The cells of one column over the data rows ("" past a row's end or without a
        column); the rows are turned into columns once, on first use."""
        if position is None:
            return [""] * len(self.rows)
        if self._columns is None:
            self._columns = columns_of(self.table, self.rows)
        if position >= len(self._columns):
            return [""] * len(self.rows)
        return list(self._columns[position])

    def row_number(self, position: int) -> int:
        return self.table.row_number(self.rows[position])

    def reject(
        self, mask: Mask, code: str, field_name: str, raw: list[Cell], **params: Any
    ) -> None:
        for position in flat_positions(mask):
            self.add(position, code, field_name, cell_text(raw[position]), **params)
            self.rejected[position] = True

    def reject_codes(self, field_name: str, codes: list[str | None], raw: list[Cell]) -> None:
        if codes.count(None) == len(codes):
            return
        for position, code in enumerate(codes):
            if code is not None:
                self.add(position, code, field_name, cell_text(raw[position]))
                self.rejected[position] = True

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
    raw: list[Cell]
    parsed: list[Any]
    codes: list[str | None]
    present: bool

    @property
    def empty(self) -> Mask:
        """Cells that are empty and not in error."""
        return [p is None and c is None for p, c in zip(self.parsed, self.codes, strict=True)]


def parse_field(
    spec: FieldSpec, raw: list[Cell], notes: list[str]
) -> tuple[list[Any], list[str | None]]:
    """Parse one column; `notes` collects codes decided for the whole column."""
    parser = PARSERS[spec.value_type]
    if spec.value_type == "date" and values.slash_dates_month_first(set(raw)):
        parser = values.parse_date_month_first
        notes.append("month-first-dates")
    return values.parse_values(raw, parser)


def check_columns(checker: TableChecker, specs: list[FieldSpec]) -> dict[str, Column]:
    """Parse every field of the layout and reject the rows with bad values."""
    columns: dict[str, Column] = {}
    for spec in specs:
        position = checker.match.columns.get(spec.name)
        raw = checker.raw(position)
        notes: list[str] = []
        parsed, codes = parse_field(spec, raw, notes) if position is not None else _absent(raw)
        for code in notes:
            checker.note(code, spec.name)
        checker.reject_codes(spec.name, codes, raw)
        columns[spec.name] = Column(spec, raw, parsed, codes, position is not None)
    return columns


def _absent(raw: list[Cell]) -> tuple[list[Any], list[str | None]]:
    return [None] * len(raw), [None] * len(raw)


def require(checker: TableChecker, column: Column) -> None:
    """An empty cell of a required field is `missing-value`."""
    checker.reject(column.empty, "missing-value", column.spec.name, column.raw)


def with_default(column: Column) -> list[Any]:
    """Parsed values, the field's default where the cell is empty or the column absent."""
    default = column.spec.default
    if default is None:
        return column.parsed
    return [default if value is None else value for value in column.parsed]
