"""N1, N2: the assessed need against the need range of the granted level."""

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
)

LEGAL = "SEL § 1 stk. 3; SEL § {paragraph}"


def _need_range(facts: CaseFacts, context: RuleContext, bound: str) -> Outcome | int:
    """The bound (need_min or need_max) of the matched row, or why the rule can't be evaluated."""
    if "need_level" not in facts.present or facts.value("need_level") is None:
        return not_evaluated("no-need-level")
    if not context.has_catalogue or facts.match is None:
        return not_evaluated("no-catalogue")
    row = facts.row
    if row is None:
        return not_evaluated(facts.match.reason or "no-catalogue-row")
    value = getattr(row, bound)
    if value is None:
        return not_evaluated("no-need-range")
    return int(value)


@rule(
    "N1",
    "need-above-grant",
    Direction.CITIZEN,
    Severity.HIGH,
    LEGAL,
    unit="level",
    margin_unit="levels",
)
def need_above_grant(facts: CaseFacts, context: RuleContext) -> Outcome:
    need_max = _need_range(facts, context, "need_max")
    if isinstance(need_max, Outcome):
        return need_max
    need = int(facts.value("need_level"))
    numbers = {"expected": need_max, "observed": need, "margin": float(need - need_max)}
    return fired(**numbers) if need > need_max else silent(**numbers)


@rule(
    "N2",
    "need-below-grant",
    Direction.PAYMENT,
    Severity.MEDIUM,
    LEGAL,
    unit="level",
    margin_unit="levels",
)
def need_below_grant(facts: CaseFacts, context: RuleContext) -> Outcome:
    need_min = _need_range(facts, context, "need_min")
    if isinstance(need_min, Outcome):
        return need_min
    need = int(facts.value("need_level"))
    numbers = {"expected": need_min, "observed": need, "margin": float(need_min - need)}
    return fired(**numbers) if need < need_min else silent(**numbers)
