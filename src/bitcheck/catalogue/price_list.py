"""Price lists (contract.md §2b): one price per row, turned into catalogue rows.

A row's meaning comes from its unit and Type: a day/week/month/year price is a level's price
per day, or, with `basis` in Type, the basic tariff of every level of that provider and
department; an hourly price with `ekstra`, `tillæg`, `sær`, `ydelsestakst` or `1:1` in Type is
the hourly rate for extra hours; any other hourly price is a level priced per hour. A level
whose only price is text (`Individuel pris`) is an individual-price level.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from bitcheck.catalogue.rows import RowSource, TariffRow, department_words, per_day, words
from bitcheck.validate import TableResult
from bitcheck.values import normalise_name

BASIS_WORD = "basis"
EXTRA_WORDS = ("ekstra", "tillaeg", "saer", "ydelsestakst", "1:1")
FOLD = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})
PERIOD_UNITS = frozenset({"day", "week", "month", "year"})


@dataclass(frozen=True)
class PriceRow:
    provider: str
    department: str | None
    level: str
    amount: float | None
    unit: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    source: RowSource

    @property
    def place(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        return (words(self.provider), department_words(self.department))

    @property
    def kind(self) -> str:
        """basis, extra_rate, hour_level, level, individual or unused."""
        text = self.level.lower().translate(FOLD)
        if self.unit == "none":
            return "unused"
        if self.amount is None:
            return "individual" if self.unit in PERIOD_UNITS else "unused"
        if self.unit == "hour":
            return "extra_rate" if any(word in text for word in EXTRA_WORDS) else "hour_level"
        return "basis" if BASIS_WORD in text else "level"

    def valid_on(self, day: dt.date) -> bool:
        after_start = self.valid_from is None or self.valid_from <= day
        return after_start and (self.valid_to is None or day <= self.valid_to)


def price_list_rows(table: TableResult, as_of: dt.date) -> list[TariffRow]:
    prices = [_price_row(table, record) for record in _records(table.frame)]
    levels = [p for p in prices if p.kind in ("level", "hour_level", "individual")]
    priced = {(p.place, normalise_name(p.level)) for p in levels if p.kind != "individual"}
    rows = []
    for price in levels:
        if price.kind == "individual" and (price.place, normalise_name(price.level)) in priced:
            continue
        rows.append(_tariff_row(price, prices, as_of))
    return rows


def _records(frame: pd.DataFrame) -> list[dict[str, object]]:
    return frame.astype(object).where(frame.notna(), None).to_dict("records")  # type: ignore[return-value]


def _price_row(table: TableResult, record: dict[str, object]) -> PriceRow:
    amount = record.get("price_amount")
    return PriceRow(
        provider=str(record["provider"]),
        department=None if record.get("department") is None else str(record["department"]),
        level=str(record["level"]),
        amount=None if amount is None else float(amount),  # type: ignore[arg-type]
        unit=str(record["unit"]),
        valid_from=record.get("valid_from"),  # type: ignore[arg-type]
        valid_to=record.get("valid_to"),  # type: ignore[arg-type]
        source=RowSource(table.file, table.sheet, int(record["_row"])),  # type: ignore[call-overload]
    )


def _companion(
    prices: list[PriceRow], level: PriceRow, kind: str, as_of: dt.date
) -> PriceRow | None:
    """The basis or extra-hours price of the level's provider and department at the audit date."""
    for price in prices:
        if price.kind == kind and price.place == level.place and price.valid_on(as_of):
            return price
    return None


def _tariff_row(price: PriceRow, prices: list[PriceRow], as_of: dt.date) -> TariffRow:
    basis = _companion(prices, price, "basis", as_of)
    extra = _companion(prices, price, "extra_rate", as_of)
    per_day_price = None if price.amount is None else per_day(price.amount, price.unit)
    return TariffRow(
        provider=price.provider,
        provider_words=price.place[0],
        provider_id=None,
        department=price.department,
        department_words=price.place[1],
        level=price.level,
        level_key=normalise_name(price.level),
        valid_from=price.valid_from,
        valid_to=price.valid_to,
        basic_tariff=0.0
        if basis is None or basis.amount is None
        else per_day(basis.amount, basis.unit) or 0.0,
        base_tariff=per_day_price if price.kind == "level" else None,
        level_hours_week=None,
        hourly_rate=None if extra is None else extra.amount,
        need_min=None,
        need_max=None,
        hour_price=price.amount if price.kind == "hour_level" else None,
        individual_price=price.kind == "individual",
        source=price.source,
    )
