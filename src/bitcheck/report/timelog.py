"""The time-log records of `timelog` and `audit` (outputs.md §3 `time_logs`, §4)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ConfigDict
from pydantic_core import to_json

from bitcheck import __version__
from bitcheck.privacy import redact_text
from bitcheck.pseudonyms import Pseudonymizer
from bitcheck.report.records import (
    ErrorRecord,
    InputRecord,
    NoteRecord,
    error_record,
    note_record,
)
from bitcheck.report.validation import input_record, sorted_problems
from bitcheck.settings import Settings
from bitcheck.timelog.run import TimelogRun
from bitcheck.timelog.summary import CitizenLog


class SourceRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")

    file: str
    sheet: str | None
    row: int | None
    last_row: int | None


def source_record(
    pseudonymizer: Pseudonymizer,
    file: str,
    sheet: str | None,
    row: int | None,
    last_row: int | None = None,
) -> SourceRecord:
    """Where a number came from; a CPR-like number in a file or sheet name becomes a pseudonym."""
    return SourceRecord(
        file=redact_text(file, pseudonymizer),
        sheet=None if sheet is None else redact_text(sheet, pseudonymizer),
        row=row,
        last_row=last_row,
    )


class TimeLogRecord(BaseModel):
    """One citizen's log at one provider."""

    model_config = ConfigDict(extra="forbid")

    subject: str
    cpr: str | None = None  # only with --reveal-cpr
    provider: str | None
    period_start: dt.date
    period_end: dt.date
    period_days: int
    days_logged: int
    direct_hours: float
    delivered_hours_week: float
    indirect_hours: float
    night_awake_hours: float
    night_sleeping_hours: float
    day_hours: float
    evening_hours: float
    night_hours: float
    by_category: dict[str, float]
    by_week: dict[str, float]
    evidence_grade: str | None = None
    evidence_reasons: list[str] = []
    problems: list[str]
    sources: list[SourceRecord]
    case_ids: list[str] | None = None  # timelog --cases only
    expected_hours_week: float | None = None  # timelog --cases only


class TimelogReport(BaseModel):
    model_config = ConfigDict(extra="forbid")

    bitcheck: str
    as_of: dt.date
    settings: dict[str, Any]
    inputs: list[InputRecord]
    time_logs: list[TimeLogRecord]
    errors: list[ErrorRecord]
    notes: list[NoteRecord]


def format_cpr(digits: str) -> str:
    return f"{digits[:6]}-{digits[6:]}"


def in_log_order(records: list[TimeLogRecord]) -> list[TimeLogRecord]:
    """outputs.md §3: time logs by period_start, then subject (the pseudonym)."""
    return sorted(records, key=lambda r: (r.period_start, r.subject, r.provider or ""))


def time_log_record(
    log: CitizenLog, pseudonymizer: Pseudonymizer, reveal_cpr: bool
) -> TimeLogRecord:
    return TimeLogRecord(
        subject=pseudonymizer.pseudonym(log.cpr),
        cpr=format_cpr(log.cpr) if reveal_cpr else None,
        provider=log.provider,
        period_start=log.period_start,
        period_end=log.period_end,
        period_days=log.period_days,
        days_logged=log.days_logged,
        direct_hours=log.direct_hours,
        delivered_hours_week=log.delivered_hours_week,
        indirect_hours=log.indirect_hours,
        night_awake_hours=log.night_awake_hours,
        night_sleeping_hours=log.night_sleeping_hours,
        day_hours=log.day_hours,
        evening_hours=log.evening_hours,
        night_hours=log.night_hours,
        by_category=log.by_category,
        by_week=log.by_week,
        evidence_grade=log.evidence_grade,
        evidence_reasons=log.evidence_reasons,
        problems=log.problems,
        sources=[source_record(pseudonymizer, **vars(source)) for source in log.sources],
    )


def build_timelog_report(
    run: TimelogRun,
    settings: Settings,
    as_of: dt.date,
    pseudonymizer: Pseudonymizer,
    reveal_cpr: bool,
) -> TimelogReport:
    problems = sorted_problems(run.all_problems(), pseudonymizer)
    return TimelogReport(
        bitcheck=__version__,
        as_of=as_of,
        settings=settings.public_dict(),
        inputs=[input_record(i, pseudonymizer) for i in run.inputs],
        time_logs=in_log_order(
            [
                _with_coverage(time_log_record(log, pseudonymizer, reveal_cpr), log, run)
                for log in run.logs
            ]
        ),
        errors=[error_record(p, settings.lang) for p in problems if p.is_error],
        notes=[note_record(p, settings.lang) for p in problems if not p.is_error],
    )


def _with_coverage(record: TimeLogRecord, log: CitizenLog, run: TimelogRun) -> TimeLogRecord:
    if run.coverage is None:
        return record
    coverage = run.coverage[id(log)]
    return record.model_copy(
        update={"case_ids": coverage.case_ids, "expected_hours_week": coverage.expected_hours_week}
    )


def report_json(
    report: BaseModel,
    *,
    reveal_cpr: bool,
    optional: frozenset[str] = frozenset(),
    extra: dict[str, Any] | None = None,
) -> str:
    """JSON of a report: `cpr` keys only with --reveal-cpr, optional keys only when set;
    `extra` keys (a batch run's `resolved`) are added at the end."""
    data = report.model_dump(mode="json") | (extra or {})
    _prune(data, reveal_cpr, optional)
    # json.dumps(indent=2, ensure_ascii=False)'s text in compiled code; only numbers below 1e-4
    # differ in form (0.00001 for 1e-05), not in value
    return to_json(data, indent=2).decode("utf-8") + "\n"


def prune(node: object, reveal_cpr: bool, optional: frozenset[str] = frozenset()) -> None:
    """Drop `cpr` keys (unless revealed) and unset optional keys, everywhere in a JSON tree."""
    _prune(node, reveal_cpr, optional)


def _prune(node: object, reveal_cpr: bool, optional: frozenset[str]) -> None:
    if isinstance(node, dict):
        if not reveal_cpr:
            node.pop("cpr", None)
        for key in [k for k in optional if k in node and node[k] is None]:
            del node[key]
        children: Iterable[object] = node.values()
    elif isinstance(node, list):
        children = node
    else:
        return
    for child in children:
        if isinstance(child, (dict, list)):  # leaves, most of a report, need no call
            _prune(child, reveal_cpr, optional)
