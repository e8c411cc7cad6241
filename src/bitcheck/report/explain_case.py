"""`bitcheck explain`: the trace of one case, the way a tax calculator traces a benefit.

Every number the audit used, how it was computed and where it came from (outputs.md §9):
expected hours, billed and expected DKK per day, the time log's period and days, direct minutes
by weight, the minutes left out by kind, delivered hours per week and the review due date;
then every rule's outcome with its margin or reason.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict

from bitcheck import __version__, i18n
from bitcheck.audit.facts import CaseFacts
from bitcheck.audit.run import AuditRun
from bitcheck.pseudonyms import Pseudonymizer
from bitcheck.report.audit_models import CaseRecord
from bitcheck.report.timelog import SourceRecord, source_record

MINUTES_PER_HOUR = 60


class Step(BaseModel):
    model_config = ConfigDict(extra="forbid")

    quantity: str
    value: float | str | None
    unit: str | None
    formula: str
    inputs: dict[str, Any]
    sources: list[SourceRecord]


class RuleTrace(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: str
    outcome: str  # fired | silent | not_evaluated
    margin: float | None
    reason: str | None


class CaseTrace(BaseModel):
    model_config = ConfigDict(extra="forbid")

    bitcheck: str
    as_of: dt.date
    case: CaseRecord
    steps: list[Step]
    rules: list[RuleTrace]


class _Tracer:
    def __init__(
        self, run: AuditRun, case: CaseFacts, pseudonymizer: Pseudonymizer, lang: str
    ) -> None:
        self.run, self.case, self.pseudonymizer, self.lang = run, case, pseudonymizer, lang

    def words(self, key: str, **params: object) -> str:
        """The prose of a formula, in the trace's language (field names stay as they are)."""
        return i18n.message(key, self.lang, **params)

    def case_source(self) -> list[SourceRecord]:
        s = self.case.source
        return [source_record(self.pseudonymizer, s.file, s.sheet, s.row)]

    def row_source(self) -> list[SourceRecord]:
        row = self.case.row
        if row is None:
            return []
        return [
            source_record(self.pseudonymizer, row.source.file, row.source.sheet, row.source.row)
        ]

    def log_sources(self) -> list[SourceRecord]:
        log = self.case.log
        return (
            []
            if log is None
            else [source_record(self.pseudonymizer, **vars(s)) for s in log.sources]
        )

    def steps(self) -> list[Step]:
        return [
            self.expected_hours(), self.billed(), self.expected_tariff(), self.period(),
            self.direct_minutes(), self.excluded(), self.delivered(), self.review_due(),
        ]  # fmt: skip

    def expected_hours(self) -> Step:
        case, row = self.case, self.case.row
        granted = case.value("granted_hours_week")
        if granted:
            formula = "granted_hours_week"
        elif row is not None and row.level_hours_week is not None:
            formula = "level_hours_week + extra_hours_week"
        elif row is not None and row.hour_price is not None:
            formula = self.words("formula-hour-level")
        else:
            formula = self.words("formula-no-hours")
        inputs = {
            "granted_hours_week": granted,
            "level_hours_week": None if row is None else row.level_hours_week,
            "extra_hours_week": case.value("extra_hours_week"),
        }
        return Step(quantity="expected_hours_week", value=case.expected_hours_week, unit="h/week",
                    formula=formula, inputs=inputs, sources=self.case_source() + self.row_source())  # fmt: skip

    def billed(self) -> Step:
        case = self.case
        names = ("basic_tariff", "base_tariff", "special_tariff", "tariff_total", "tariff_unit")
        inputs: dict[str, Any] = {name: case.value(name) for name in names}
        parts = case.value("basic_tariff") is not None or case.value("base_tariff") is not None
        formula = self.words("formula-billed-parts" if parts else "formula-billed-total")
        unit = case.value("tariff_unit") or "day"
        factor = {
            "day": "× 1",
            "week": "/ 7",
            "month": "× 12 / 365",
            "year": "/ 365",
            "hour": "× expected_hours_week / 7",
        }
        formula = f"({formula}) {factor.get(unit, '')}"
        if unit == "hour":
            inputs["expected_hours_week"] = case.expected_hours_week
        if case.billed_per_day is None:
            formula += "; " + self.words("formula-not-computed", reason=case.billed_reason)
        return Step(quantity="billed_per_day", value=case.billed_per_day, unit="DKK/day", formula=formula,
                    inputs=inputs, sources=self.case_source())  # fmt: skip

    def expected_tariff(self) -> Step:
        case, row = self.case, self.case.row
        inputs: dict[str, Any] = {"extra_hours_week": case.value("extra_hours_week")}
        if row is None:
            reason = case.expected_reason or (case.match.reason if case.match else "no-catalogue")
            formula = self.words("formula-not-computed", reason=reason)
        elif row.hour_price is not None:
            formula = self.words("formula-hour-price")
            inputs |= {
                "hour_price": row.hour_price,
                "expected_hours_week": case.expected_hours_week,
            }
        else:
            formula = self.words("formula-catalogue")
            inputs |= {
                "basic_tariff": row.basic_tariff,
                "base_tariff": row.base_tariff,
                "hourly_rate": row.hourly_rate,
            }
        if row is not None:
            inputs |= {
                "level": row.level,
                "valid_from": _iso(row.valid_from),
                "valid_to": _iso(row.valid_to),
            }
        return Step(quantity="expected_per_day", value=case.expected_per_day, unit="DKK/day", formula=formula,
                    inputs=inputs, sources=self.row_source())  # fmt: skip

    def period(self) -> Step:
        log = self.case.log
        if log is None:
            return self._no_log("period_days", "days")
        inputs = {"period_start": log.period_start.isoformat(), "period_end": log.period_end.isoformat(),
                  "days_logged": log.days_logged}  # fmt: skip
        return Step(quantity="period_days", value=log.period_days, unit="days",
                    formula=self.words("formula-period-days"),
                    inputs=inputs, sources=self.log_sources())  # fmt: skip

    def direct_minutes(self) -> Step:
        log = self.case.log
        if log is None:
            return self._no_log("direct_minutes", "minutes")
        inputs = {
            f"staff/residents {w}": {"minutes": c, "one_to_one": e}
            for w, (c, e) in log.direct_by_weight.items()
        }
        return Step(quantity="direct_minutes", value=log.direct_hours * MINUTES_PER_HOUR, unit="minutes",
                    formula=self.words("formula-direct-minutes"), inputs=inputs,
                    sources=self.log_sources())  # fmt: skip

    def excluded(self) -> Step:
        log = self.case.log
        if log is None:
            return self._no_log("excluded_minutes", "minutes")
        inputs = {
            "indirect": log.indirect_hours * MINUTES_PER_HOUR,
            "night_awake": log.night_awake_hours * MINUTES_PER_HOUR,
            "night_sleeping": log.night_sleeping_hours * MINUTES_PER_HOUR,
        }
        return Step(quantity="excluded_minutes", value=sum(inputs.values()), unit="minutes",
                    formula=self.words("formula-excluded"),
                    inputs=inputs, sources=self.log_sources())  # fmt: skip

    def delivered(self) -> Step:
        log = self.case.log
        if log is None:
            return self._no_log("delivered_hours_week", "h/week")
        inputs = {"direct_minutes": log.direct_hours * MINUTES_PER_HOUR, "period_days": log.period_days,
                  "compared_with_expected_hours_week": self.case.log_expected_hours, "other_cases": self.case.log_cases}  # fmt: skip
        return Step(quantity="delivered_hours_week", value=log.delivered_hours_week, unit="h/week",
                    formula="direct_minutes × 7 / (60 × period_days)", inputs=inputs,
                    sources=self.log_sources())  # fmt: skip

    def review_due(self) -> Step:
        case = self.case
        paragraph = case.value("paragraph")
        months = self.run.settings.review_interval(paragraph)
        if case.value("next_review") is not None:
            formula = "next_review"
        elif case.value("last_review") is not None:
            formula = self.words("formula-review-interval", months=months, paragraph=paragraph)
        elif case.first_review_due is not None:
            formula = self.words("formula-first-review", months=months, paragraph=paragraph)
        else:
            formula = self.words("formula-no-review")
        inputs = {"last_review": _iso(case.value("last_review")), "next_review": _iso(case.value("next_review")),
                  "grant_start": _iso(case.value("grant_start")), "review_months": months}  # fmt: skip
        return Step(quantity="review_due", value=_iso(case.shown_review_due), unit="date", formula=formula,
                    inputs=inputs, sources=self.case_source())  # fmt: skip

    def _no_log(self, quantity: str, unit: str) -> Step:
        reason = self.case.log_reason
        formula = (
            self.words("formula-no-log", reason=reason)
            if reason
            else self.words("formula-log-elsewhere")
        )
        return Step(
            quantity=quantity, value=None, unit=unit, formula=formula, inputs={}, sources=[]
        )


def _iso(day: object) -> str | None:
    return day.isoformat() if isinstance(day, dt.date) else None


def trace_case(
    run: AuditRun,
    case: CaseFacts,
    record: CaseRecord,
    pseudonymizer: Pseudonymizer,
    lang: str = "en",
) -> CaseTrace:
    """The trace of one case; its formulas in `lang` (English, the JSON's language, by default)."""
    rules = [
        RuleTrace(code=code, outcome=o.status, margin=o.margin, reason=o.reason)
        for code, o in run.outcomes[case.key].items()
    ]
    return CaseTrace(
        bitcheck=__version__, as_of=run.as_of, case=record,
        steps=_Tracer(run, case, pseudonymizer, lang).steps(), rules=rules,
    )  # fmt: skip
