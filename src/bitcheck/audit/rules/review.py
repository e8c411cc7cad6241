"""R1-R5: follow-up, temporary stays, ended grants and goals (SEL § 148 stk. 2)."""

from __future__ import annotations

from bitcheck.audit.dates import add_months
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
)

LEGAL = "SEL § 148 stk. 2"
NO_GOALS = frozenset({"", "0", "nej", "no"})


def _no_review_columns(present: frozenset[str]) -> bool:
    return "last_review" not in present and "next_review" not in present


@rule("R1", "review-overdue", Direction.PROCESS, Severity.MEDIUM, LEGAL,
      unit="date", margin_unit="days", missing_column=_no_review_columns,
      thresholds=("review_months_default", "review_months"))  # fmt: skip
def review_overdue(facts: CaseFacts, context: RuleContext) -> Outcome:
    due = facts.review_due
    if due is None:
        return silent()
    observed = facts.value("last_review") or facts.value("next_review")
    overdue = (context.as_of - due).days
    numbers = {
        "expected": due.isoformat(),
        "observed": observed.isoformat(),
        "margin": float(overdue),
    }
    return fired(**numbers) if due < context.as_of else silent(**numbers)


@rule("R2", "never-reviewed", Direction.PROCESS, Severity.HIGH, LEGAL,
      unit="date", margin_unit="days", missing_column=_no_review_columns,
      thresholds=("review_months_default", "review_months"))  # fmt: skip
def never_reviewed(facts: CaseFacts, context: RuleContext) -> Outcome:
    due = facts.first_review_due
    if due is None:  # reviewed, or a review planned: R1 looks at it
        return silent()
    numbers = {"expected": due.isoformat(), "margin": float((context.as_of - due).days)}
    return fired(**numbers) if due < context.as_of else silent(**numbers)


@rule("R3", "temporary-stay-long", Direction.PROCESS, Severity.MEDIUM, "SEL § 107 (a temporary stay)",
      unit="date", margin_unit="days", thresholds=("temporary_stay_months",))  # fmt: skip
def temporary_stay_long(facts: CaseFacts, context: RuleContext) -> Outcome:
    if facts.value("paragraph") != "107":
        return silent()
    start = facts.value("grant_start")
    limit = add_months(start, context.settings.temporary_stay_months)
    numbers = {
        "expected": limit.isoformat(),
        "observed": start.isoformat(),
        "margin": float((context.as_of - limit).days),
        "params": {"months": context.settings.temporary_stay_months},
    }
    return fired(**numbers) if limit < context.as_of else silent(**numbers)


@rule("R4", "grant-expired", Direction.PAYMENT, Severity.HIGH, "the decision's end date",
      unit="date", margin_unit="days")  # fmt: skip
def grant_expired(facts: CaseFacts, context: RuleContext) -> Outcome:
    end = facts.value("grant_end")
    if end is None or end >= context.as_of:
        return silent()
    billed = facts.billed_per_day
    if billed is None:
        return not_evaluated("no-billed-tariff")
    numbers = {
        "expected": end.isoformat(),
        "observed": context.as_of.isoformat(),
        "margin": float((context.as_of - end).days),
    }
    return fired(annual_amount=billed * 365, **numbers) if billed > 0 else silent(**numbers)


@rule("R5", "goals-missing", Direction.PROCESS, Severity.LOW, "SEL § 141; VUM indsatsmål",
      missing_column=lambda present: "goals" not in present)  # fmt: skip
def goals_missing(facts: CaseFacts, context: RuleContext) -> Outcome:
    goals = facts.value("goals")
    text = "" if goals is None else str(goals).strip().lower()
    return fired() if text in NO_GOALS else silent()
