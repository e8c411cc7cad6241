"""The header block above a time log's table: `CPR-nr:`, `Tilbud:`, `Periode:`, `Uge:`.

contract.md §3a: as `Label: value` in one cell, or a label cell with the value in the next
non-empty cell to its right. Labels are matched like headers.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from bitcheck import values
from bitcheck.headers import normalised_cell
from bitcheck.io.raw import Cell, RawTable
from bitcheck.problems import Problem
from bitcheck.schemas.time_log import TimeLogRow
from bitcheck.validate import cell_text

BLOCK_FIELDS = ("cpr", "provider", "period_start", "period_end")
DATE_TOKEN = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{4}")
WEEK_FORMS = (
    re.compile(r"^(?:uge\s*)?(?P<week>\d{1,2})\s*[/ ]\s*(?P<year>\d{4})$"),
    re.compile(r"^(?P<year>\d{4})\s*-?\s*w(?P<week>\d{1,2})$"),
)


def _labels() -> dict[str, str]:
    labels = {normalised_cell("Periode"): "period", normalised_cell("Uge"): "week"}
    for name in BLOCK_FIELDS:
        extra = TimeLogRow.model_fields[name].json_schema_extra
        assert isinstance(extra, dict) and isinstance(extra["x-aliases"], list)
        for alias in extra["x-aliases"]:
            labels[normalised_cell(str(alias))] = name
    return labels


LABELS = _labels()


@dataclass
class HeaderBlock:
    """What a sheet's header block states, and the problems found reading it."""

    cpr: str | None = None
    provider: str | None = None
    period: tuple[dt.date, dt.date] | None = None
    week: tuple[dt.date, dt.date] | None = None
    found: bool = False
    problems: list[Problem] = field(default_factory=list)

    @property
    def stated_period(self) -> tuple[dt.date, dt.date] | None:
        return self.period or self.week


@dataclass
class _Reader:
    table: RawTable
    block: HeaderBlock = field(default_factory=HeaderBlock)
    period_parts: dict[str, dt.date] = field(default_factory=dict)

    def problem(self, code: str, index: int, label: str, field_name: str, value: str) -> None:
        self.block.problems.append(
            Problem(
                code=code,
                file=self.table.file,
                sheet=self.table.sheet,
                row=self.table.row_number(index),
                column=label,
                field=field_name,
                value=value,
            )
        )


def read_header_block(table: RawTable, header_index: int) -> HeaderBlock:
    """Read the labels and values above the header row."""
    reader = _Reader(table)
    for index in range(header_index):
        for label, value in _pairs(table.cells[index]):
            _take(reader, index, label, value)
    start, end = reader.period_parts.get("period_start"), reader.period_parts.get("period_end")
    if reader.block.period is None and start and end:
        reader.block.period = (start, end)
    return reader.block


def _pairs(row: list[Cell]) -> list[tuple[str, Cell]]:
    """(label text, value) pairs of one row of the block."""
    pairs: list[tuple[str, Cell]] = []
    for position, cell in enumerate(row):
        if not isinstance(cell, str):
            continue
        label, _, rest = cell.partition(":")
        if normalised_cell(label) not in LABELS:
            continue
        value: Cell = rest.strip()
        if value == "":
            value = _next_filled(row, position)
        pairs.append((label.strip(), value))
    return pairs


def _next_filled(row: list[Cell], position: int) -> Cell:
    for cell in row[position + 1 :]:
        if not values.is_blank(cell):
            return cell
    return ""


def _take(reader: _Reader, index: int, label: str, value: Cell) -> None:
    name = LABELS[normalised_cell(label)]
    if values.is_blank(value):
        return
    reader.block.found = True
    text = cell_text(value)
    try:
        if name == "cpr":
            reader.block.cpr = values.parse_cpr(value)
        elif name == "provider":
            reader.block.provider = values.parse_text(value)
        elif name == "period":
            reader.block.period = parse_period(value)
        elif name == "week":
            reader.block.week = parse_week(text)
        else:
            parsed = values.parse_date(value)
            if parsed is not None:
                reader.period_parts[name] = parsed
    except values.InvalidValue as exc:
        field_name = "period_start" if name in ("period", "week") else name
        reader.problem(exc.code, index, label, field_name, text)


def parse_period(value: Cell) -> tuple[dt.date, dt.date]:
    """Two dates separated by `-`, `–` or `til`."""
    tokens = DATE_TOKEN.findall(cell_text(value))
    if len(tokens) != 2:
        raise values.InvalidValue("invalid-date", "dd-mm-yyyy - dd-mm-yyyy")
    first, last = (values.parse_date(token) for token in tokens)
    if first is None or last is None or last < first:
        raise values.InvalidValue("invalid-date", "dd-mm-yyyy - dd-mm-yyyy")
    return first, last


def parse_week(text: str) -> tuple[dt.date, dt.date]:
    """`10/2026`, `2026-W10`, `Uge 10 2026`: Monday to Sunday of that ISO week."""
    normalised = text.strip().lower()
    for form in WEEK_FORMS:
        found = form.match(normalised)
        if found:
            try:
                monday = dt.date.fromisocalendar(int(found["year"]), int(found["week"]), 1)
            except ValueError:
                break
            return monday, monday + dt.timedelta(days=6)
    raise values.InvalidValue("invalid-date", "uge/år, fx 10/2026")
