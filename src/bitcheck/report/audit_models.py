"""The audit report (outputs.md §3): pydantic models, keys in the order the spec gives them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict

from bitcheck.report.records import ErrorRecord, InputRecord, NoteRecord
from bitcheck.report.timelog import SourceRecord, TimeLogRecord

Number = float | str | None  # expected/observed: a number, or an ISO date


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CatalogueRowRecord(Strict):
    file: str
    sheet: str | None
    row: int
    provider: str
    department: str | None
    level: str
    valid_from: dt.date | None
    valid_to: dt.date | None


class DirectionCount(Strict):
    findings: int
    cases: int
    annual_amount: float | None


class Summary(Strict):
    cases: int
    findings: int
    by_direction: dict[str, DirectionCount]
    by_code: dict[str, int]
    not_evaluated: dict[str, int]


class Finding(Strict):
    case_id: str
    subject: str
    cpr: str | None = None
    provider: str
    paragraph: str
    code: str
    rule: str
    direction: str
    severity: str
    expected: Number
    observed: Number
    unit: str | None
    ratio: float | None
    margin: float | None
    margin_unit: str | None
    annual_amount: float | None
    legal_basis: str | None
    explanation: str
    evidence_grade: str | None
    lifecycle: str | None
    since: dt.date | None
    sources: list[SourceRecord]


class WatchItem(Strict):
    case_id: str
    subject: str
    cpr: str | None = None
    code: str
    direction: str
    ratio: float | None
    margin: float | None
    margin_unit: str | None
    explanation: str


class FilteredOut(Strict):
    findings: int
    annual_amount: float | None


class ProviderRecord(Strict):
    provider: str
    department: str | None
    cases: int
    billed_per_year: float | None
    expected_hours_week: float | None
    delivered_hours_week: float | None
    by_direction: dict[str, DirectionCount]
    by_code: dict[str, int]
    evidence_grades: dict[str, int]
    percentiles: dict[str, float]


class NotEvaluated(Strict):
    code: str
    reason: str


class CaseRecord(Strict):
    case_id: str
    subject: str
    cpr: str | None = None
    provider: str
    department: str | None
    paragraph: str
    level: str | None
    expected_hours_week: float | None
    delivered_hours_week: float | None
    billed_per_day: float | None
    expected_per_day: float | None
    last_review: dt.date | None
    review_due: dt.date | None
    evidence_grade: str | None
    codes: list[str]
    not_evaluated: list[NotEvaluated]


class AuditReport(Strict):
    bitcheck: str
    rules_version: str
    as_of: dt.date
    generated_at: str
    settings: dict[str, Any]
    filters: dict[str, list[str]] | None
    inputs: list[InputRecord]
    catalogue_rows: list[CatalogueRowRecord]
    summary: Summary
    findings: list[Finding]
    watch: list[WatchItem]
    filtered_out: dict[str, FilteredOut] | None
    providers: list[ProviderRecord]
    cases: list[CaseRecord]
    time_logs: list[TimeLogRecord]
    errors: list[ErrorRecord]
    notes: list[NoteRecord]
