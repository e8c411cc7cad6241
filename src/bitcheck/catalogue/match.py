"""Matching a case to its catalogue row (contract.md §2c).

Provider by provider_id when both sides have one, else by name, word-wise: a row with a
department matches a case whose own department equals it, or whose provider text is the
row's provider words followed by the department's words; a row for the whole provider
matches a case whose provider text begins with the row's provider words. The most specific
match wins: a named department over a whole-provider row, a longer provider over a shorter.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bitcheck.catalogue.build import TariffCatalogue
from bitcheck.catalogue.rows import TariffRow, department_words, words
from bitcheck.values import normalise_name


@dataclass(frozen=True)
class CaseKey:
    """What of a case the catalogue is matched on."""

    provider: str
    provider_id: str | None
    department: str | None
    level: str | None


@dataclass(frozen=True)
class Match:
    """The row that applied, or why none did (a not-evaluated reason of rules.md)."""

    row: TariffRow | None
    reason: str | None  # no-catalogue-row, catalogue-conflict, individual-price


def match_case(catalogue: TariffCatalogue, case: CaseKey, as_of: dt.date) -> Match:
    if not case.level:
        return Match(None, "no-catalogue-row")
    level = normalise_name(case.level)
    best = _most_specific(catalogue.rows, case, level, as_of)
    clash = _most_specific(catalogue.conflicts, case, level, as_of)
    if clash is not None and (best is None or clash[1] >= best[1]):
        return Match(None, "catalogue-conflict")
    if best is None:
        return Match(None, "no-catalogue-row")
    row = best[0]
    return Match(row, "individual-price" if row.individual_price else None)


def _most_specific(
    rows: list[TariffRow], case: CaseKey, level: str, as_of: dt.date
) -> tuple[TariffRow, tuple[int, int]] | None:
    found: tuple[TariffRow, tuple[int, int]] | None = None
    for row in rows:
        if row.level_key != level or not row.valid_on(as_of):
            continue
        rank = _provider_rank(row, case)
        if rank is not None and (found is None or rank > found[1]):
            found = (row, rank)
    return found


def _provider_rank(row: TariffRow, case: CaseKey) -> tuple[int, int] | None:
    """(has a department, provider words) when the row's provider covers the case, else None."""
    if row.provider_id and case.provider_id:
        if row.provider_id != case.provider_id:
            return None
        return _department_rank(row, case, by_id=True)
    return _department_rank(row, case, by_id=False)


def _department_rank(row: TariffRow, case: CaseKey, *, by_id: bool) -> tuple[int, int] | None:
    provider = words(case.provider)
    own = row.provider_words
    covers = by_id or provider[: len(own)] == own
    if not row.department_words:
        return (0, len(own)) if covers else None
    named = covers and department_words(case.department) == row.department_words
    combined = provider == own + row.department_words
    return (1, len(own)) if named or combined else None
