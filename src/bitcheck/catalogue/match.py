"""Matching a case to its catalogue row (contract.md §2c).

Provider by provider_id when both sides have one, else by name, word-wise: a row with a
department matches a case whose own department equals it, or whose provider text is the
row's provider words followed by the department's words; a row for the whole provider
matches a case whose provider text begins with the row's provider words. The most specific
match wins: a named department over a whole-provider row, a longer provider over a shorter.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
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


class Matcher:
    """Matches cases to one catalogue, looking only at the rows that could cover each case.

    A row covers a case by provider_id (both have one, and they are equal) or by name, and by
    name the row's provider words begin the case's. So the rows are indexed once by level and
    by provider_id or first provider word, and a case is compared with the rows under its own
    keys, in catalogue order, as if every row were tried: the cost grows with cases plus rows,
    not cases times rows (a national review has both in thousands).
    """

    def __init__(self, catalogue: TariffCatalogue) -> None:
        self.rows = _RowIndex(catalogue.rows)
        self.conflicts = _RowIndex(catalogue.conflicts)

    def match(self, case: CaseKey, as_of: dt.date) -> Match:
        if not case.level:
            return Match(None, "no-catalogue-row")
        level = normalise_name(case.level)
        best = _most_specific(self.rows.candidates(case, level), case, as_of)
        clash = _most_specific(self.conflicts.candidates(case, level), case, as_of)
        if clash is not None and (best is None or clash[1] >= best[1]):
            return Match(None, "catalogue-conflict")
        if best is None:
            return Match(None, "no-catalogue-row")
        row = best[0]
        return Match(row, "individual-price" if row.individual_price else None)


def match_case(catalogue: TariffCatalogue, case: CaseKey, as_of: dt.date) -> Match:
    """One case's match; to match many cases, make one Matcher."""
    return Matcher(catalogue).match(case, as_of)


class _RowIndex:
    """Row positions by (level, "id", provider_id) and by (level, "name", first word)."""

    def __init__(self, rows: list[TariffRow]) -> None:
        self.rows = rows
        self.keys: dict[tuple[str, str, str], list[int]] = defaultdict(list)
        for position, row in enumerate(rows):
            if row.provider_id:
                self.keys[(row.level_key, "id", row.provider_id)].append(position)
            first = row.provider_words[0] if row.provider_words else ""
            self.keys[(row.level_key, "name", first)].append(position)

    def candidates(self, case: CaseKey, level: str) -> list[TariffRow]:
        provider = words(case.provider)
        first = provider[0] if provider else ""
        names = list(self.keys.get((level, "name", first), []))
        if first:  # and the rows without provider words, which begin every provider
            names += self.keys.get((level, "name", ""), [])
        if case.provider_id:  # a row with an id covers this case by that id alone
            names = [n for n in names if not self.rows[n].provider_id]
            names += self.keys.get((level, "id", case.provider_id), [])
        return [self.rows[n] for n in sorted(set(names))]


def _most_specific(
    rows: list[TariffRow], case: CaseKey, as_of: dt.date
) -> tuple[TariffRow, tuple[int, int]] | None:
    """The first row of the highest rank; every row given has the case's level."""
    found: tuple[TariffRow, tuple[int, int]] | None = None
    for row in rows:
        if not row.valid_on(as_of):
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
