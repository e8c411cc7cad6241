"""The evidence grade of a time log: how much weight its delivered hours can bear.

outputs.md §8. A grade never removes a log. A: no reason; B: one; C: two or more, or fewer
than half the period's days logged, or the log fires D4 or D5.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bitcheck.audit.dates import add_months
from bitcheck.timelog.summary import CitizenLog
from bitcheck.validate import TableResult

LOW_COVERAGE = 0.8
VERY_LOW_COVERAGE = 0.5
MANY_REJECTED = 0.1
OLD_LOG_MONTHS = 12
NIGHT_PARAGRAPHS = frozenset({"107", "108"})


@dataclass(frozen=True)
class Stay:
    """What the citizen's cases say that the grade needs: paragraphs and the stay period."""

    paragraphs: frozenset[str] | None  # None: unknown (no case export)
    grant_start: dt.date | None = None
    grant_end: dt.date | None = None


def evidence_reasons(
    log: CitizenLog, as_of: dt.date, stay: Stay, rejected_share: float
) -> list[str]:
    facts = log.evidence
    coverage = log.days_logged / log.period_days if log.period_days else 0.0
    night_expected = stay.paragraphs is None or bool(stay.paragraphs & NIGHT_PARAGRAPHS)
    checks = {
        "low-coverage": coverage < LOW_COVERAGE,
        "no-weekend": facts.weekend_in_period and not facts.weekend_logged,
        "no-nights": night_expected and not facts.night_logged,
        "heaping": facts.heaping,
        "copied-days": facts.copied_days,
        "outside-stay": _outside_stay(log, stay),
        "old-log": log.period_end < add_months(as_of, -OLD_LOG_MONTHS),
        "many-rejected": rejected_share > MANY_REJECTED,
    }
    return [reason for reason, applies in checks.items() if applies]


def _outside_stay(log: CitizenLog, stay: Stay) -> bool:
    first, last = log.evidence.first_date, log.evidence.last_date
    before = stay.grant_start is not None and first is not None and first < stay.grant_start
    after = stay.grant_end is not None and last is not None and last > stay.grant_end
    return before or after


def evidence_grade(log: CitizenLog, reasons: list[str]) -> str:
    coverage = log.days_logged / log.period_days if log.period_days else 0.0
    if len(reasons) >= 2 or coverage < VERY_LOW_COVERAGE or log.problems:
        return "C"
    return "B" if reasons else "A"


def grade_logs(
    logs: list[CitizenLog],
    tables: list[TableResult],
    as_of: dt.date,
    stays: dict[str, Stay] | None = None,
) -> None:
    """Give every log its grade and reasons; `stays` by CPR when the cases are known."""
    rejected: dict[str, int] = {}
    for table in tables:
        for cpr, count in table.rejected_by_cpr.items():
            rejected[cpr] = rejected.get(cpr, 0) + count
    accepted: dict[str, int] = {}
    for log in logs:
        accepted[log.cpr] = accepted.get(log.cpr, 0) + log.entries_read
    for log in logs:
        stay = Stay(None) if stays is None else stays.get(log.cpr, Stay(None))
        bad = rejected.get(log.cpr, 0)
        share = bad / (bad + accepted[log.cpr]) if bad else 0.0
        log.evidence_reasons = evidence_reasons(log, as_of, stay, share)
        log.evidence_grade = evidence_grade(log, log.evidence_reasons)
