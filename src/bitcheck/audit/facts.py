"""Per case: the figures every rule reads (contract.md "Derived quantities").

expected hours per week, billed and expected DKK per day, the hourly rate, the review due
date, and the time log that covers the case. Each figure is None when its inputs are missing,
with the reason the rules need.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from bitcheck.audit.dates import add_months
from bitcheck.catalogue.match import Match
from bitcheck.catalogue.rows import RowSource, TariffRow, per_day
from bitcheck.problems import Problem
from bitcheck.settings import Settings
from bitcheck.timelog.summary import CitizenLog

TOTAL_TOLERANCE = 1.0  # DKK per day between tariff_total and basic + base


@dataclass
class CaseFacts:
    """One audited case and everything derived from it."""

    key: str  # case_id, or case_id#2 for a second intervention under one id
    record: dict[str, Any]
    present: frozenset[str]  # columns the case export has
    source: RowSource
    match: Match | None = None  # None: no catalogue given
    expected_hours_week: float | None = None
    billed_per_day: float | None = None
    billed_reason: str | None = None  # no-billed-tariff, no-expected-hours
    expected_per_day: float | None = None
    expected_reason: str | None = None  # no-expected-tariff, no-hourly-rate, individual-price...
    hourly_rate: float | None = None
    review_due: dt.date | None = None  # R1's due date
    first_review_due: dt.date | None = None  # R2's: a case never reviewed, from its grant_start
    log: CitizenLog | None = None
    log_reason: str | None = None  # no-time-logs, ambiguous-log, no-time-log
    log_lead: bool = False  # D1/D2/D4/D5 are reported on this case for its log
    log_expected_hours: float | None = None  # the expected hours the log is compared with
    log_cases: list[str] = field(default_factory=list)  # the other cases sharing the log
    problems: list[Problem] = field(default_factory=list)

    def value(self, name: str) -> Any:
        return self.record.get(name)

    @property
    def row(self) -> TariffRow | None:
        return None if self.match is None else self.match.row

    @property
    def shown_review_due(self) -> dt.date | None:
        """The review due date a reader sees: R1's, else R2's for a case never reviewed."""
        return self.review_due or self.first_review_due

    def ended(self, as_of: dt.date) -> bool:
        end = self.value("grant_end")
        return end is not None and end < as_of


def positive(value: float | None) -> float | None:
    """An expected value of 0 counts as missing."""
    return value if value is not None and value > 0 else None


def expected_hours(facts: CaseFacts) -> float | None:
    granted = positive(facts.value("granted_hours_week"))
    if granted is not None:
        return granted
    extra = facts.value("extra_hours_week") or 0.0
    row = facts.row
    if row is not None and row.level_hours_week is not None:
        return positive(row.level_hours_week + extra)
    if row is not None and row.hour_price is not None:
        return positive(extra)
    return None


def billed_per_day(facts: CaseFacts) -> tuple[float | None, str | None]:
    """Billed DKK per day and, when missing, why (a not-evaluated reason)."""
    basic, base = facts.value("basic_tariff"), facts.value("base_tariff")
    special = facts.value("special_tariff") or 0.0
    total = facts.value("tariff_total")
    unit = facts.value("tariff_unit") or "day"
    if unit == "hour" and facts.expected_hours_week is None:
        return None, "no-expected-hours"  # rules.md lists it before no-billed-tariff
    if basic is not None or base is not None:
        amount = (basic or 0.0) + (base or 0.0) + special
    elif total is not None:
        amount = total + special
    else:
        return None, "no-billed-tariff"
    if unit == "hour":
        assert facts.expected_hours_week is not None
        return amount * facts.expected_hours_week / 7, None
    return per_day(amount, unit), None


def total_differs(facts: CaseFacts) -> Problem | None:
    basic, base, total = (facts.value(n) for n in ("basic_tariff", "base_tariff", "tariff_total"))
    if total is None or (basic is None and base is None):
        return None
    parts = (basic or 0.0) + (base or 0.0)
    if abs(total - parts) <= TOTAL_TOLERANCE:
        return None
    return Problem(
        code="total-differs",
        file=facts.source.file,
        sheet=facts.source.sheet,
        row=facts.source.row,
        field="tariff_total",
        value=f"{total:g}",
        params={"total": f"{total:.2f}", "parts": f"{parts:.2f}"},
    )


def expected_per_day(facts: CaseFacts) -> tuple[float | None, str | None]:
    """Expected DKK per day from the catalogue row and, when missing, why."""
    if facts.match is None:
        return None, "no-catalogue"
    row = facts.row
    if row is None:
        return None, facts.match.reason or "no-catalogue-row"
    if row.individual_price:
        return None, "individual-price"
    extra = facts.value("extra_hours_week") or 0.0
    if row.hour_price is not None:
        if facts.expected_hours_week is None:
            return None, "no-expected-hours"
        return positive(row.hour_price * facts.expected_hours_week / 7), "no-expected-tariff"
    if extra > 0 and row.hourly_rate is None:
        return None, "no-hourly-rate"
    amount = row.basic_tariff + (row.base_tariff or 0.0) + extra * (row.hourly_rate or 0.0) / 7
    return positive(amount), "no-expected-tariff"


def hourly_rate(facts: CaseFacts) -> float | None:
    row = facts.row
    if row is None:
        return None
    return row.hourly_rate if row.hourly_rate is not None else row.hour_price


def review_due(facts: CaseFacts, settings: Settings) -> dt.date | None:
    """`next_review` if given, else `last_review` + the paragraph's review interval."""
    if facts.value("next_review") is not None:
        return facts.value("next_review")  # type: ignore[no-any-return]
    last = facts.value("last_review")
    if last is None:
        return None
    return add_months(last, settings.review_interval(facts.value("paragraph")))


def first_review_due(facts: CaseFacts, settings: Settings) -> dt.date | None:
    """grant_start + the review interval, for a case with no last_review and no next_review in
    an export that has a column for either (without both columns nothing is known)."""
    if "last_review" not in facts.present and "next_review" not in facts.present:
        return None
    if facts.value("last_review") is not None or facts.value("next_review") is not None:
        return None
    return add_months(
        facts.value("grant_start"), settings.review_interval(facts.value("paragraph"))
    )


def derive(facts: CaseFacts, settings: Settings) -> None:
    """Fill in the figures of one case (the time log is assigned separately)."""
    facts.expected_hours_week = expected_hours(facts)
    facts.billed_per_day, facts.billed_reason = billed_per_day(facts)
    amount, reason = expected_per_day(facts)
    facts.expected_per_day = amount
    facts.expected_reason = None if amount is not None else reason
    facts.hourly_rate = hourly_rate(facts)
    facts.review_due = review_due(facts, settings)
    facts.first_review_due = first_review_due(facts, settings)
    differs = total_differs(facts)
    if differs is not None:
        facts.problems.append(differs)
