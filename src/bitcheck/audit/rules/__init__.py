"""The 17 rules of rules.md: one module per family, one registry, catalogue order."""

from bitcheck.audit.rules import delivery, need, review, tariff
from bitcheck.audit.rules.registry import (
    DIRECTIONS,
    RULES_VERSION,
    Direction,
    Outcome,
    Rule,
    RuleContext,
    Severity,
)
from bitcheck.audit.rules.registry import RULES as _REGISTERED

CATALOGUE_ORDER = (
    "N1", "N2", "T1", "T2", "T3", "T4", "T5", "D1", "D2", "D3", "D4", "D5",
    "R1", "R2", "R3", "R4", "R5",
)  # fmt: skip
assert set(_REGISTERED) == set(CATALOGUE_ORDER), "every rule of rules.md is registered once"
RULES: dict[str, Rule] = {code: _REGISTERED[code] for code in CATALOGUE_ORDER}
FAMILIES = (need, tariff, delivery, review)

__all__ = [
    "CATALOGUE_ORDER", "DIRECTIONS", "FAMILIES", "RULES", "RULES_VERSION", "Direction", "Outcome",
    "Rule", "RuleContext", "Severity",
]  # fmt: skip
