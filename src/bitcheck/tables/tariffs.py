"""The tariff catalogue: model layout (§2a) and price list (§2b)."""

from __future__ import annotations

from bitcheck import values
from bitcheck.headers import HeaderMatch
from bitcheck.io.raw import Cell, RawTable
from bitcheck.tables.common import check_required, finish, start_checker, without_required_columns
from bitcheck.validate import (
    TableChecker,
    TableResult,
    cell_text,
    data_rows,
    with_default,
)

PRICE_AMOUNT = "price_amount"


def read_model(table: RawTable, match: HeaderMatch) -> TableResult:
    specs = match.layout.fields
    rejected = without_required_columns(table, match)
    if rejected is not None:
        return rejected
    checker = start_checker(table, match)
    columns = check_required(checker, specs)
    series = {name: with_default(column) for name, column in columns.items()}
    return finish(checker, series, frozenset(match.columns))


def read_price_list(table: RawTable, match: HeaderMatch) -> TableResult:
    specs = match.layout.fields
    rejected = without_required_columns(table, match)
    if rejected is not None:
        return rejected
    rows = [i for i in data_rows(table, match.index) if not _is_group_heading(table, match, i)]
    checker = start_checker(table, match, rows)
    columns = check_required(checker, specs)
    series = {name: with_default(column) for name, column in columns.items()}
    series[PRICE_AMOUNT] = _price_amounts(checker, columns["price"].raw, series["unit"])
    return finish(checker, series, frozenset(match.columns))


def _is_group_heading(table: RawTable, match: HeaderMatch, index: int) -> bool:
    """A row with neither a price nor a unit is a group heading, not data."""
    row = table.cells[index]
    positions = (match.columns["price"], match.columns["unit"])
    return all(values.is_blank(row[p]) if p < len(row) else True for p in positions)


def _price_amounts(
    checker: TableChecker, raw: list[Cell], units: list[str | None]
) -> list[float | None]:
    """The price as an amount where it is one; text prices and km/stk rows are noted."""
    amounts, codes = values.parse_values(raw, values.parse_amount)
    used: list[float | None] = []
    for position, (amount, code, unit) in enumerate(zip(amounts, codes, units, strict=True)):
        unused = (code is not None or unit == "none") and not checker.rejected[position]
        if unused:
            checker.add(position, "unused-price", "price", cell_text(raw[position]))
        used.append(None if unused else amount)
    return used
