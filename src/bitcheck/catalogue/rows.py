"""One catalogue row as the audit uses it, whatever layout it came from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bitcheck.values import normalise_name

DAYS_PER_YEAR = 365.0
WHOLE_PROVIDER = frozenset({"", "alle afd", "alle afdelinger", "alle"})


def per_day(amount: float, unit: str) -> float | None:
    """An amount per day, week, month or year as DKK per day (contract.md "Derived quantities")."""
    factors = {"day": 1.0, "week": 1 / 7, "month": 12 / DAYS_PER_YEAR, "year": 1 / DAYS_PER_YEAR}
    factor = factors.get(unit)
    return None if factor is None else amount * factor


def words(text: object) -> tuple[str, ...]:
    """Normalised words of a name (contract.md §2c step 1)."""
    return tuple(normalise_name(text).split()) if isinstance(text, str) else ()


def department_words(text: object) -> tuple[str, ...]:
    """A department's words; `Alle afd.` and empty mean the whole provider: ()."""
    found = words(text)
    return () if " ".join(found) in WHOLE_PROVIDER else found


@dataclass(frozen=True)
class RowSource:
    file: str
    sheet: str | None
    row: int


@dataclass(frozen=True)
class TariffRow:
    """A provider's level in a validity period, with its prices per day."""

    provider: str
    provider_words: tuple[str, ...]
    provider_id: str | None
    department: str | None
    department_words: tuple[str, ...]
    level: str
    level_key: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    basic_tariff: float
    base_tariff: float | None  # per day; None for a level priced per hour or individually
    level_hours_week: float | None
    hourly_rate: float | None
    need_min: int | None
    need_max: int | None
    hour_price: float | None  # a level priced per hour (§ 85 support at home)
    individual_price: bool
    source: RowSource

    @property
    def group(self) -> tuple[tuple[str, ...], tuple[str, ...], str]:
        """Rows of one provider, department and level must not overlap in time."""
        return (self.provider_words, self.department_words, self.level_key)

    @property
    def undated(self) -> bool:
        return self.valid_from is None and self.valid_to is None

    def valid_on(self, day: dt.date) -> bool:
        after_start = self.valid_from is None or self.valid_from <= day
        return after_start and (self.valid_to is None or day <= self.valid_to)

    def overlaps(self, other: TariffRow) -> bool:
        first = max(self.valid_from or dt.date.min, other.valid_from or dt.date.min)
        last = min(self.valid_to or dt.date.max, other.valid_to or dt.date.max)
        return first <= last
