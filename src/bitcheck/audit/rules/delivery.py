"""D1-D5: delivered support (the døgnskema) against the expected hours, and the log itself."""

from __future__ import annotations

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
from bitcheck.timelog.summary import CitizenLog

LEGAL = "SEL § 148 stk. 2"
WEEKS = 52
DAY_MINUTES = 1440.0


def _log_of(facts: CaseFacts, context: RuleContext) -> Outcome | CitizenLog:
    """The log this case reports on, or why it reports nothing (silent or not evaluated)."""
    if facts.log is not None and not facts.log_lead:
        return silent(reason="reported-on-another-case")
    if not context.has_time_logs:
        return not_evaluated("no-time-logs")
    if facts.log is None:
        return not_evaluated(facts.log_reason or "no-time-log")
    return facts.log


def _delivery(facts: CaseFacts, context: RuleContext, above: bool) -> Outcome:
    log = _log_of(facts, context)
    if isinstance(log, Outcome):
        return log
    expected = facts.log_expected_hours
    if expected is None:
        return not_evaluated("no-expected-hours")
    if log.problems:
        return not_evaluated("log-unusable")
    outcome, difference = threshold_outcome(
        log.delivered_hours_week,
        expected,
        context.settings.delivery_tolerance,
        above=above,
        extra_sources=facts.log_cases,
        params={"period_days": log.period_days},
    )
    if outcome.fired and facts.hourly_rate is not None:
        outcome.annual_amount = difference * facts.hourly_rate * WEEKS
    return outcome


@rule("D1", "delivery-shortfall", Direction.PAYMENT, Severity.HIGH, LEGAL,
      unit="h/week", margin_unit="ratio", thresholds=("delivery_tolerance",))  # fmt: skip
def delivery_shortfall(facts: CaseFacts, context: RuleContext) -> Outcome:
    return _delivery(facts, context, above=False)


@rule("D2", "delivery-above-grant", Direction.CITIZEN, Severity.HIGH, LEGAL,
      unit="h/week", margin_unit="ratio", thresholds=("delivery_tolerance",))  # fmt: skip
def delivery_above_grant(facts: CaseFacts, context: RuleContext) -> Outcome:
    return _delivery(facts, context, above=True)


@rule("D3", "no-time-log", Direction.DATA, Severity.LOW, LEGAL)
def no_time_log(facts: CaseFacts, context: RuleContext) -> Outcome:
    if not facts.value("special_tariff") and not facts.value("extra_hours_week"):
        return silent()
    if facts.log_reason == "ambiguous-log":
        return silent(reason="ambiguous-log")
    if not context.has_time_logs:
        return not_evaluated("no-time-logs")
    return silent() if facts.log is not None else fired()


@rule("D4", "time-log-too-short", Direction.DATA, Severity.LOW, "",
      unit="days", margin_unit="ratio", thresholds=("min_log_days",))  # fmt: skip
def time_log_too_short(facts: CaseFacts, context: RuleContext) -> Outcome:
    log = _log_of(facts, context)
    if isinstance(log, Outcome):
        return log
    minimum = context.settings.min_log_days
    ratio = log.period_days / minimum
    numbers = {
        "expected": float(minimum),
        "observed": float(log.period_days),
        "ratio": ratio,
        "margin": 1 - ratio,
    }
    return fired(**numbers) if log.period_days < minimum else silent(**numbers)


@rule(
    "D5",
    "time-log-implausible",
    Direction.DATA,
    Severity.MEDIUM,
    "",
    unit="minutes/day",
    margin_unit="ratio",
)
def time_log_implausible(facts: CaseFacts, context: RuleContext) -> Outcome:
    log = _log_of(facts, context)
    if isinstance(log, Outcome):
        return log
    largest = log.largest_day_minutes
    ratio = largest / DAY_MINUTES
    day = None if log.largest_day is None else log.largest_day.isoformat()
    numbers = {
        "expected": DAY_MINUTES, "observed": largest, "ratio": ratio, "margin": ratio - 1,
        "params": {"day": day},
    }  # fmt: skip
    return fired(**numbers) if largest > DAY_MINUTES else silent(**numbers)
