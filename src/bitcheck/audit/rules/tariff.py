"""T1-T5: the billed tariff against the catalogue's model, and the special tariff."""

from __future__ import annotations

from collections.abc import Callable

from bitcheck.audit.facts import CaseFacts
from bitcheck.audit.rules.registry import (
    Direction,
    Outcome,
    RuleContext,
    Severity,
    fired,
    not_evaluated,
    rule,
    silent,
    threshold_outcome,
)
from bitcheck.catalogue.rows import per_day

TARIFF_LEGAL = "the provider's tariff (rammeaftale, takstbekendtgørelsen)"
YEAR = 365


def _comparison(facts: CaseFacts, context: RuleContext) -> Outcome | tuple[float, float]:
    """(billed, expected) DKK per day, or why T1/T2 are not evaluated (rules.md's order)."""
    if not context.has_catalogue or facts.match is None:
        return not_evaluated("no-catalogue")
    if facts.match.reason is not None:
        return not_evaluated(facts.match.reason)
    if "no-expected-hours" in (facts.billed_reason, facts.expected_reason):
        return not_evaluated("no-expected-hours")
    if facts.billed_per_day is None:
        return not_evaluated(facts.billed_reason or "no-billed-tariff")
    if facts.expected_per_day is None:
        return not_evaluated(facts.expected_reason or "no-expected-tariff")
    return facts.billed_per_day, facts.expected_per_day


def _tariff_rule(facts: CaseFacts, context: RuleContext, above: bool) -> Outcome:
    pair = _comparison(facts, context)
    if isinstance(pair, Outcome):
        return pair
    billed, expected = pair
    outcome, difference = threshold_outcome(
        billed, expected, context.settings.tariff_tolerance, above=above
    )
    if outcome.fired:
        outcome.annual_amount = difference * YEAR
    return outcome


@rule("T1", "tariff-above-model", Direction.PAYMENT, Severity.MEDIUM, TARIFF_LEGAL,
      unit="DKK/day", margin_unit="ratio", thresholds=("tariff_tolerance",))  # fmt: skip
def tariff_above_model(facts: CaseFacts, context: RuleContext) -> Outcome:
    return _tariff_rule(facts, context, above=True)


@rule("T2", "tariff-below-model", Direction.CITIZEN, Severity.MEDIUM, TARIFF_LEGAL,
      unit="DKK/day", margin_unit="ratio", thresholds=("tariff_tolerance",))  # fmt: skip
def tariff_below_model(facts: CaseFacts, context: RuleContext) -> Outcome:
    return _tariff_rule(facts, context, above=False)


def special_per_day(facts: CaseFacts) -> float | None:
    special = facts.value("special_tariff") or 0.0
    unit = facts.value("tariff_unit") or "day"
    if unit == "hour":
        hours = facts.expected_hours_week
        return None if hours is None else special * hours / 7
    return per_day(special, unit)


def any_missing(*names: str) -> Callable[[frozenset[str]], bool]:
    """A `missing_column` test: true when any of the columns is absent."""
    return lambda present: any(name not in present for name in names)


@rule("T3", "special-tariff-without-hours", Direction.PAYMENT, Severity.MEDIUM,
      "the grant of extra support (SEL § 1 stk. 3)",
      unit="DKK/day", missing_column=any_missing("special_tariff", "extra_hours_week"))  # fmt: skip
def special_tariff_without_hours(facts: CaseFacts, context: RuleContext) -> Outcome:
    if not facts.value("special_tariff"):
        return silent()
    if facts.value("extra_hours_week"):
        return silent(observed=special_per_day(facts))
    return fired(observed=special_per_day(facts))


@rule("T4", "special-tariff-undocumented", Direction.PROCESS, Severity.LOW, "SEL § 148 stk. 2",
      unit="DKK/day", missing_column=any_missing("special_tariff", "special_documented"))  # fmt: skip
def special_tariff_undocumented(facts: CaseFacts, context: RuleContext) -> Outcome:
    if not facts.value("special_tariff"):
        return silent()
    if not context.has_time_logs:
        return not_evaluated("no-time-logs")  # rules.md's precedence, even when documented
    if facts.value("special_documented") is True or facts.log is not None:
        return silent(observed=special_per_day(facts))
    return fired(observed=special_per_day(facts))


@rule("T5", "no-tariff-model", Direction.DATA, Severity.LOW, "")
def no_tariff_model(facts: CaseFacts, context: RuleContext) -> Outcome:
    if not facts.value("level"):
        return silent()
    if not context.has_catalogue or facts.match is None:
        return not_evaluated("no-catalogue")
    if facts.match.reason in ("individual-price", "catalogue-conflict"):
        return silent()
    return fired() if facts.row is None else silent()
