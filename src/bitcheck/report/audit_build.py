"""AuditRun -> AuditReport: the one place that sums, counts, sorts and pseudonymises."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from bitcheck import __version__
from bitcheck.audit.facts import CaseFacts
from bitcheck.audit.rules import CATALOGUE_ORDER, DIRECTIONS, RULES, RULES_VERSION, Outcome
from bitcheck.audit.rules.registry import SEVERITY_ORDER, Severity
from bitcheck.audit.run import AuditRun
from bitcheck.privacy import redact_text
from bitcheck.pseudonyms import Pseudonymizer
from bitcheck.report.audit_models import (
    AuditReport,
    CaseRecord,
    CatalogueRowRecord,
    Finding,
    NotEvaluated,
    Summary,
    WatchItem,
)
from bitcheck.report.counts import direction_counts
from bitcheck.report.explain import explanation
from bitcheck.report.providers import provider_records
from bitcheck.report.records import error_record, note_record
from bitcheck.report.timelog import (
    SourceRecord,
    format_cpr,
    in_log_order,
    source_record,
    time_log_record,
)
from bitcheck.report.validation import input_record, sorted_problems

WATCH_RATIO_CODES = ("T1", "T2", "D1", "D2")
WATCH_DAY_CODES = ("R1", "R2", "R3")
DIRECTION_ORDER = {direction.value: n for n, direction in enumerate(DIRECTIONS)}


class Citizens:
    """Pseudonyms (and CPR numbers, when revealed) of the run's citizens."""

    def __init__(self, pseudonymizer: Pseudonymizer, reveal_cpr: bool) -> None:
        self.pseudonymizer = pseudonymizer
        self.reveal_cpr = reveal_cpr

    def subject(self, cpr: str) -> str:
        return self.pseudonymizer.pseudonym(cpr)

    def cpr(self, cpr: str) -> str | None:
        return format_cpr(cpr) if self.reveal_cpr else None


def build_audit_report(
    run: AuditRun,
    pseudonymizer: Pseudonymizer,
    *,
    reveal_cpr: bool,
    lang: str,
    generated_at: str | None = None,
) -> AuditReport:
    citizens = Citizens(pseudonymizer, reveal_cpr)
    findings = sorted(
        (f for case in run.cases for f in case_findings(run, case, citizens, lang)),
        key=finding_order,
    )
    problems = sorted_problems(run.all_problems(), pseudonymizer)
    settings = run.settings.public_dict() | {"pseudonym_key_file": pseudonymizer.source}
    return AuditReport(
        bitcheck=__version__,
        rules_version=RULES_VERSION,
        as_of=run.as_of,
        generated_at=generated_at or dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        settings=settings,
        filters=None,
        inputs=[input_record(i, pseudonymizer) for i in run.inputs],
        catalogue_rows=catalogue_rows(run, pseudonymizer),
        summary=summary(run, findings),
        findings=findings,
        watch=[w for case in run.cases for w in watch_items(run, case, citizens, lang)],
        filtered_out=None,
        providers=provider_records(
            run, findings, lambda case: case.log.evidence_grade if case.log else None
        ),
        cases=[case_record(run, case, citizens) for case in run.cases],
        time_logs=in_log_order(
            [time_log_record(log, pseudonymizer, reveal_cpr) for log in run.logs]
        ),
        errors=[error_record(p, lang) for p in problems if p.is_error],
        notes=[note_record(p, lang) for p in problems if not p.is_error],
    )


def finding_order(finding: Finding) -> tuple[int, int, str, int]:
    return (
        DIRECTION_ORDER[finding.direction],
        SEVERITY_ORDER[Severity(finding.severity)],
        finding.case_id,
        CATALOGUE_ORDER.index(finding.code),
    )


LOG_CODES = ("D1", "D2", "D4", "D5")


def case_sources(
    run: AuditRun, case: CaseFacts, code: str, outcome: Outcome, citizens: Citizens
) -> list[SourceRecord]:
    """The case row, the other cases it reports for, and the time log behind a log finding."""
    rows = [case.source, *(run.case(key).source for key in outcome.extra_sources)]
    pseudonymizer = citizens.pseudonymizer
    sources = [source_record(pseudonymizer, s.file, s.sheet, s.row) for s in rows]
    if code in LOG_CODES and case.log is not None:
        sources += [source_record(pseudonymizer, **vars(s)) for s in case.log.sources]
    return sources


def case_findings(run: AuditRun, case: CaseFacts, citizens: Citizens, lang: str) -> list[Finding]:
    found = []
    for code, outcome in run.outcomes[case.key].items():
        if not outcome.fired:
            continue
        rule = RULES[code]
        found.append(
            Finding(
                case_id=case.key,
                subject=citizens.subject(case.value("cpr")),
                cpr=citizens.cpr(case.value("cpr")),
                provider=str(case.value("provider")),
                paragraph=str(case.value("paragraph")),
                code=code,
                rule=rule.name,
                direction=rule.direction.value,
                severity=rule.severity.value,
                expected=outcome.expected,
                observed=outcome.observed,
                unit=rule.unit,
                ratio=outcome.ratio,
                margin=outcome.margin,
                margin_unit=rule.margin_unit,
                annual_amount=outcome.annual_amount,
                legal_basis=rule.legal_basis.format(paragraph=case.value("paragraph")) or None,
                explanation=explanation(code, case, outcome, lang, run.as_of),
                evidence_grade=case.log.evidence_grade
                if code in ("D1", "D2") and case.log
                else None,
                lifecycle=None,
                since=None,
                sources=case_sources(run, case, code, outcome, citizens),
            )
        )
    return found


def watch_items(run: AuditRun, case: CaseFacts, citizens: Citizens, lang: str) -> list[WatchItem]:
    items = []
    for code, outcome in run.outcomes[case.key].items():
        if outcome.status != "silent" or outcome.margin is None or not _near(code, outcome, run):
            continue
        rule = RULES[code]
        items.append(
            WatchItem(
                case_id=case.key,
                subject=citizens.subject(case.value("cpr")),
                cpr=citizens.cpr(case.value("cpr")),
                code=code,
                direction=rule.direction.value,
                ratio=outcome.ratio,
                margin=outcome.margin,
                margin_unit=rule.margin_unit,
                explanation=explanation(code, case, outcome, lang, run.as_of, watch=True),
            )
        )
    return items


def _near(code: str, outcome: Outcome, run: AuditRun) -> bool:
    """rules.md "Watch items": within the band below a threshold, on the rule's own side."""
    margin = outcome.margin
    assert margin is not None
    if code in WATCH_RATIO_CODES and outcome.ratio is not None:
        if code in ("T1", "T2") and _same_to_the_oere(outcome):
            return False  # billed to the øre what is expected: an exact match
        ratio = round(outcome.ratio, 6)
        own_side = ratio > 1 if code in ("T1", "D2") else ratio < 1
        return own_side and round(-run.settings.watch_band, 6) <= round(margin, 6) <= 0
    if code in WATCH_DAY_CODES:
        return -run.settings.watch_review_days <= margin <= 0
    return False


def _same_to_the_oere(outcome: Outcome) -> bool:
    """DKK/day amounts that agree when rounded to øre (an expected tariff is often a weekly or
    monthly price divided down, 1714.982857, and is billed as 1714.98)."""
    expected, observed = outcome.expected, outcome.observed
    if not isinstance(expected, float | int) or not isinstance(observed, float | int):
        return False
    return round(float(expected), 2) == round(float(observed), 2)


def summary(run: AuditRun, findings: list[Finding]) -> Summary:
    fired = Counter(f.code for f in findings)
    skipped = Counter(
        code
        for case in run.cases
        for code, outcome in run.outcomes[case.key].items()
        if outcome.status == "not_evaluated"
    )
    return Summary(
        cases=len(run.cases),
        findings=len(findings),
        by_direction=direction_counts(findings),
        by_code={code: fired[code] for code in CATALOGUE_ORDER},
        not_evaluated={code: skipped[code] for code in CATALOGUE_ORDER},
    )


def case_record(run: AuditRun, case: CaseFacts, citizens: Citizens) -> CaseRecord:
    outcomes = run.outcomes[case.key]
    return CaseRecord(
        case_id=case.key,
        subject=citizens.subject(case.value("cpr")),
        cpr=citizens.cpr(case.value("cpr")),
        provider=str(case.value("provider")),
        department=case.value("department"),
        paragraph=str(case.value("paragraph")),
        level=case.value("level"),
        expected_hours_week=case.expected_hours_week,
        delivered_hours_week=None if case.log is None else case.log.delivered_hours_week,
        billed_per_day=case.billed_per_day,
        expected_per_day=case.expected_per_day,
        last_review=case.value("last_review"),
        review_due=case.shown_review_due,
        evidence_grade=None if case.log is None else case.log.evidence_grade,
        codes=[code for code, outcome in outcomes.items() if outcome.fired],
        not_evaluated=[
            NotEvaluated(code=code, reason=outcome.reason or "")
            for code, outcome in outcomes.items()
            if outcome.status == "not_evaluated"
        ],
    )


def catalogue_rows(run: AuditRun, pseudonymizer: Pseudonymizer) -> list[CatalogueRowRecord]:
    """The catalogue rows any case used, in file and row order."""
    used = {case.row for case in run.cases if case.row is not None}
    rows = sorted(used, key=lambda r: (r.source.file, r.source.sheet or "", r.source.row))
    return [
        CatalogueRowRecord(
            file=redact_text(r.source.file, pseudonymizer),
            sheet=None if r.source.sheet is None else redact_text(r.source.sheet, pseudonymizer),
            row=r.source.row,
            provider=r.provider,
            department=r.department,
            level=r.level,
            valid_from=r.valid_from,
            valid_to=r.valid_to,
        )  # fmt: skip
        for r in rows
    ]
