"""Counting findings per direction: findings, cases and the sum of their annual amounts.

Citizen and payment amounts are summed apart and never netted.
"""

from __future__ import annotations

from bitcheck.audit.rules import DIRECTIONS
from bitcheck.report.audit_models import DirectionCount, Finding


def direction_counts(findings: list[Finding]) -> dict[str, DirectionCount]:
    counts = {}
    for direction in DIRECTIONS:
        own = [f for f in findings if f.direction == direction.value]
        amounts = [f.annual_amount for f in own if f.annual_amount is not None]
        counts[direction.value] = DirectionCount(
            findings=len(own),
            cases=len({f.case_id for f in own}),
            annual_amount=sum(amounts) if amounts else None,
        )
    return counts
