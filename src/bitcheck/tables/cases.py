"""The case export (contract.md §1)."""

from __future__ import annotations

from collections import Counter

from bitcheck.headers import HeaderMatch
from bitcheck.io.raw import RawTable
from bitcheck.tables.common import check_required, finish, start_checker, without_required_columns
from bitcheck.validate import (
    TableChecker,
    TableResult,
    with_default,
)
from bitcheck.values import KNOWN_PARAGRAPHS


def read_cases(table: RawTable, match: HeaderMatch) -> TableResult:
    specs = match.layout.fields
    rejected = without_required_columns(table, match)
    if rejected is not None:
        return rejected
    checker = start_checker(table, match)
    columns = check_required(checker, specs)
    unit = columns["tariff_unit"]
    checker.reject(
        [value == "none" for value in unit.parsed], "invalid-unit", "tariff_unit", unit.raw
    )
    note_unknown_paragraphs(checker, columns["paragraph"].parsed)
    series = {name: with_default(column) for name, column in columns.items()}
    return finish(checker, series, frozenset(match.columns))


def note_unknown_paragraphs(checker: TableChecker, paragraphs: list[str | None]) -> None:
    """One note per paragraph number bitcheck does not know, with its count."""
    counts = Counter(
        p for p, rejected in zip(paragraphs, checker.rejected, strict=True) if p and not rejected
    )
    for paragraph, count in counts.items():
        if paragraph not in KNOWN_PARAGRAPHS:
            checker.note(
                "unknown-paragraph",
                "paragraph",
                value=str(paragraph),
                count=int(count),
                known=", ".join(sorted(KNOWN_PARAGRAPHS)),
            )
