"""The rule registry: each rule is data (code, name, direction, severity, legal basis) plus a
small function from a case's facts to an outcome: fired, silent, or not evaluated with a reason.

Precedence (rules.md): an ended grant makes every rule but R4 silent; then a missing column
makes the rule not evaluated (`no-column`); then the rule's own silent conditions; then its
other not-evaluated reasons in the catalogue's order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from bitcheck.audit.facts import CaseFacts
from bitcheck.settings import Settings

# 1.1: a T1/T2 amount billed to the øre of the expected is no watch item
# 1.2: a model-layout row with only an hourly rate is a level priced per hour (T1, T2, D1, D2)
RULES_VERSION = "1.2"

# Why a rule was not evaluated (rules.md), in the order of its table.
NOT_EVALUATED_REASONS: tuple[str, ...] = (
    "no-need-level", "no-catalogue", "no-catalogue-row", "no-need-range", "catalogue-conflict",
    "individual-price", "no-expected-hours", "no-billed-tariff", "no-expected-tariff",
    "no-hourly-rate", "no-column", "no-time-logs", "ambiguous-log", "no-time-log", "log-unusable",
)  # fmt: skip


class Direction(StrEnum):
    CITIZEN = "citizen"
    PAYMENT = "payment"
    PROCESS = "process"
    DATA = "data"


class Severity(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


DIRECTIONS = tuple(Direction)
SEVERITY_ORDER = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2}


@dataclass(frozen=True)
class RuleContext:
    settings: Settings
    as_of: dt.date
    has_catalogue: bool
    has_time_logs: bool


@dataclass
class Outcome:
    """What a rule made of one case. Numbers are kept for silent outcomes too (watch items)."""

    status: str  # fired | silent | not_evaluated
    reason: str | None = None
    expected: float | str | None = None
    observed: float | str | None = None
    ratio: float | None = None
    margin: float | None = None
    annual_amount: float | None = None
    params: dict[str, Any] = field(default_factory=dict)
    extra_sources: list[str] = field(default_factory=list)  # keys of other cases

    @property
    def fired(self) -> bool:
        return self.status == "fired"


def silent(**numbers: Any) -> Outcome:
    return Outcome("silent", **numbers)


def not_evaluated(reason: str) -> Outcome:
    return Outcome("not_evaluated", reason=reason)


def fired(**numbers: Any) -> Outcome:
    return Outcome("fired", **numbers)


Check = Callable[[CaseFacts, RuleContext], Outcome]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    direction: Direction
    severity: Severity
    legal_basis: str
    unit: str | None
    margin_unit: str | None
    check: Check
    missing_column: Callable[[frozenset[str]], bool] = lambda present: False
    thresholds: tuple[str, ...] = ()

    def evaluate(self, facts: CaseFacts, context: RuleContext) -> Outcome:
        if self.code != "R4" and facts.ended(context.as_of):
            return silent(reason="grant-ended")
        if self.missing_column(facts.present):
            return not_evaluated("no-column")
        return self.check(facts, context)


RULES: dict[str, Rule] = {}


def rule(
    code: str,
    name: str,
    direction: Direction,
    severity: Severity,
    legal_basis: str,
    *,
    unit: str | None = None,
    margin_unit: str | None = None,
    missing_column: Callable[[frozenset[str]], bool] | None = None,
    thresholds: tuple[str, ...] = (),
) -> Callable[[Check], Check]:
    """Register a rule function with its metadata."""

    def register(check: Check) -> Check:
        RULES[code] = Rule(
            code, name, direction, severity, legal_basis, unit, margin_unit, check,
            missing_column or (lambda present: False), thresholds,
        )  # fmt: skip
        return check

    return register


def threshold_outcome(
    observed: float, expected: float, tolerance: float, *, above: bool, **extra: Any
) -> tuple[Outcome, float]:
    """A ratio rule (T1/T2, D1/D2): fired or silent with its ratio and margin, and the
    difference on the rule's own side (observed − expected above, expected − observed below)."""
    ratio = observed / expected
    threshold = 1 + tolerance if above else 1 - tolerance
    margin = ratio - threshold if above else threshold - ratio
    numbers = {
        "expected": expected,
        "observed": observed,
        "ratio": ratio,
        "margin": margin,
        **extra,
    }
    difference = (observed - expected) if above else (expected - observed)
    status = "fired" if beyond(ratio, threshold, above) else "silent"
    return Outcome(status, **numbers), difference


def beyond(ratio: float, threshold: float, above: bool) -> bool:
    """Threshold rules compare round(ratio, 6) with round(threshold, 6)."""
    if above:
        return round(ratio, 6) > round(threshold, 6)
    return round(ratio, 6) < round(threshold, 6)
