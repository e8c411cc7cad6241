"""Dispatch a detected table to the reader of its layout."""

from __future__ import annotations

from bitcheck.headers import Detection, alias_table, match_columns
from bitcheck.io.raw import RawTable
from bitcheck.problems import Problem
from bitcheck.tables.cases import read_cases
from bitcheck.tables.grid import read_grid
from bitcheck.tables.header_block import HeaderBlock
from bitcheck.tables.tariffs import read_model, read_price_list
from bitcheck.tables.time_log import read_long
from bitcheck.validate import TableResult


def read_table(
    table: RawTable,
    detection: Detection,
    user_aliases: dict[str, dict[str, str]],
    block: HeaderBlock,
) -> TableResult:
    """Read one table whose layout is known."""
    layout = detection.layout
    if layout is None:
        return read_grid(table, detection.index, block)
    aliases = alias_table(layout, user_aliases.get(layout.kind, {}))
    match = match_columns(table, detection.index, aliases)
    if layout.layout == "cases":
        return read_cases(table, match)
    if layout.layout == "model":
        return read_model(table, match)
    if layout.layout == "price_list":
        return read_price_list(table, match)
    result = read_long(table, match, block)
    result.problems[:0] = block.problems
    return result


def no_header(file: str, sheet: str | None, kind: str | None) -> Problem:
    return Problem(code="no-header", file=file, sheet=sheet, params={"kind": kind or "any"})
