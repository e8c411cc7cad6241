"""A parser applied to a whole column, each distinct cell parsed once."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from bitcheck.values.cells import InvalidValue

if TYPE_CHECKING:
    import pandas as pd

T = TypeVar("T")


def parse_column(
    values: pd.Series[Any], parser: Callable[[object], T]
) -> tuple[pd.Series[Any], pd.Series[Any]]:
    """Parse a column, each distinct value once: (values, error codes), both object Series with
    the input's index; a value is None where empty or invalid, a code None where fine."""
    import pandas as pd  # not in the worker processes that read files

    outcomes: dict[tuple[type, object], tuple[T | None, str | None]] = {}
    parsed: list[T | None] = []
    codes: list[str | None] = []
    for value in values.tolist():
        key = (type(value), value)
        if key not in outcomes:
            outcomes[key] = _outcome(parser, value)
        result, code = outcomes[key]
        parsed.append(result)
        codes.append(code)
    return (
        pd.Series(parsed, index=values.index, dtype=object),
        pd.Series(codes, index=values.index, dtype=object),
    )


def _outcome(parser: Callable[[object], T], value: object) -> tuple[T | None, str | None]:
    try:
        return parser(value), None
    except InvalidValue as error:
        return None, error.code


_MEMOS: dict[Callable[[object], Any], dict[object, tuple[Any, str | None]]] = {}
_MEMO_LIMIT = 200_000  # distinct values remembered per parser before the memo starts afresh


def parse_values(
    values: list[object], parser: Callable[[object], T | None]
) -> tuple[list[T | None], list[str | None]]:
    """Parse a list of cells: (values, error codes). Each distinct cell is parsed once per run:
    the outcome is remembered per parser, across tables, since dates, times and kinds repeat."""
    memo = _MEMOS.setdefault(parser, {})
    if len(memo) > _MEMO_LIMIT:
        memo.clear()
    if bool in set(map(type, values)):
        return _parse_one_by_one(values, parser, memo)
    distinct = dict.fromkeys(values)
    for value in distinct:
        if value not in memo:
            memo[value] = _outcome(parser, value)
    parsed_of = {value: memo[value][0] for value in distinct}
    code_of = {value: memo[value][1] for value in distinct}
    parsed = list(map(parsed_of.__getitem__, values))
    if all(code is None for code in code_of.values()):  # the usual column: every cell fine
        return parsed, [None] * len(values)
    return parsed, list(map(code_of.__getitem__, values))


def _parse_one_by_one(
    values: list[object],
    parser: Callable[[object], T | None],
    memo: dict[object, tuple[Any, str | None]],
) -> tuple[list[T | None], list[str | None]]:
    """parse_values for cells that include booleans: 1, 1.0 and True are equal keys, so a
    bool is kept apart (a count of True is no count)."""
    outcomes = []
    for value in values:
        key = (bool, value) if type(value) is bool else value
        outcome = memo.get(key)
        if outcome is None:
            outcome = memo[key] = _outcome(parser, value)
        outcomes.append(outcome)
    return [outcome[0] for outcome in outcomes], [outcome[1] for outcome in outcomes]
