"""The provider view: per provider and department, both directions side by side, and each
provider's percentile among the run's providers for every code (outputs.md §3 `providers`)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

from bitcheck.audit.facts import CaseFacts
from bitcheck.audit.rules import CATALOGUE_ORDER
from bitcheck.audit.run import AuditRun
from bitcheck.catalogue.rows import department_words, words
from bitcheck.report.audit_models import Finding, ProviderRecord
from bitcheck.report.counts import direction_counts

GRADES = ("A", "B", "C")
DAYS_PER_YEAR = 365


@dataclass
class _Provider:
    provider: str
    department: str | None
    cases: list[CaseFacts] = field(default_factory=list)


def provider_records(
    run: AuditRun,
    findings: list[Finding],
    grade_of: Callable[[CaseFacts], str | None] | None = None,
) -> list[ProviderRecord]:
    groups: dict[tuple[tuple[str, ...], tuple[str, ...]], _Provider] = {}
    for case in run.cases:
        key = (words(case.value("provider")), department_words(case.value("department")))
        groups.setdefault(
            key, _Provider(str(case.value("provider")), case.value("department"))
        ).cases.append(case)
    by_case: dict[str, list[Finding]] = {}
    for finding in findings:
        by_case.setdefault(finding.case_id, []).append(finding)
    records = []
    for group in groups.values():
        own = [f for case in group.cases for f in by_case.get(case.key, [])]
        # expected and delivered hours over the same cases: those whose log is compared
        compared = [c for c in group.cases if c.log and c.log_lead and c.log_expected_hours]
        records.append(
            ProviderRecord(
                provider=group.provider,
                department=group.department,
                cases=len(group.cases),
                billed_per_year=_total([c.billed_per_day for c in group.cases], DAYS_PER_YEAR),
                expected_hours_week=_total([c.log_expected_hours for c in compared]),
                delivered_hours_week=_total(
                    [c.log.delivered_hours_week for c in compared if c.log]
                ),
                by_direction=direction_counts(own),
                by_code={code: sum(1 for f in own if f.code == code) for code in CATALOGUE_ORDER},
                evidence_grades=_grades(group.cases, grade_of),
                percentiles={},
            )
        )
    _add_percentiles(records)
    return sorted(records, key=lambda r: (r.provider, r.department or ""))


def _total(values: list[float | None], factor: float = 1.0) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) * factor if present else None


def _grades(
    cases: list[CaseFacts], grade_of: Callable[[CaseFacts], str | None] | None
) -> dict[str, int]:
    grades = [grade_of(c) for c in cases if c.log_lead] if grade_of else []
    return {grade: grades.count(grade) for grade in GRADES}


def _add_percentiles(records: list[ProviderRecord]) -> None:
    """Per code: the % of providers with a lower rate per case; ties share the average rank."""
    count = len(records)
    for code in CATALOGUE_ORDER:
        rates = [r.by_code[code] / r.cases for r in records]
        ordered = sorted(rates)
        for record, rate in zip(records, rates, strict=True):
            lower = bisect_left(ordered, rate)
            equal = bisect_right(ordered, rate) - lower - 1
            record.percentiles[code] = 100 * (lower + equal / 2) / count
