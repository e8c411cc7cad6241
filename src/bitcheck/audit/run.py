"""`run_audit`: case export + tariff catalogue + time logs -> every rule on every case."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property, partial

from bitcheck.audit.facts import CaseFacts, derive
from bitcheck.audit.logs import assign_logs, fill_log_providers
from bitcheck.audit.rules import RULES, Outcome, RuleContext
from bitcheck.catalogue import TariffCatalogue, build_catalogue, count_rejections
from bitcheck.catalogue.match import CaseKey, Matcher
from bitcheck.catalogue.rows import RowSource
from bitcheck.errors import InputError
from bitcheck.inputs import InputResult, Reading, check_kind, read_inputs
from bitcheck.io.files import is_glob, newest_match
from bitcheck.problems import Problem
from bitcheck.schemas.cases import CaseRow
from bitcheck.settings import Settings
from bitcheck.tables.case_keys import CASE_KEY, resolve_case_keys
from bitcheck.timelog.evidence import Stay, grade_logs
from bitcheck.timelog.parts import summarise_tables
from bitcheck.timelog.summary import CitizenLog
from bitcheck.validate import ROW, TableResult

CASE_FIELDS = list(CaseRow.model_fields)


@dataclass
class AuditRun:
    """Everything the audit read, derived and decided; reports are built from this."""

    as_of: dt.date
    settings: Settings
    inputs: list[InputResult]
    cases: list[CaseFacts]
    outcomes: dict[str, dict[str, Outcome]]
    logs: list[CitizenLog]
    catalogue: TariffCatalogue | None
    has_time_logs: bool
    problems: list[Problem] = field(default_factory=list)

    @cached_property
    def by_key(self) -> dict[str, CaseFacts]:
        return {case.key: case for case in self.cases}

    def case(self, key: str) -> CaseFacts:
        """The case with this key (case_id, or case_id#2 for a second intervention)."""
        return self.by_key[key]

    def all_problems(self) -> list[Problem]:
        own = [p for case in self.cases for p in case.problems]
        return [*(p for i in self.inputs for p in i.all_problems()), *self.problems, *own]


@dataclass
class CaseSide:
    """The case export and catalogue read, matched and derived: what every command shares."""

    inputs: list[InputResult]
    catalogue: TariffCatalogue | None
    facts: list[CaseFacts]
    problems: list[Problem]


def prepare_cases(cases: str, tariffs: str | None, settings: Settings, as_of: dt.date) -> CaseSide:
    """Read the case export (and catalogue), match every case and derive its figures."""
    case_file = _newest(cases)
    case_inputs = read_inputs([case_file], "cases", settings).inputs
    case_tables = [t for i in case_inputs for t in i.tables]
    resolve_case_keys(case_tables)
    if not any(len(t.frame) for t in case_tables):
        if not any(i.tables for i in case_inputs):  # no case export at all: another kind?
            check_kind(case_inputs, "CASES")
        raise InputError("no-cases", file=case_file, reason=_first_error(case_inputs))
    tariff_inputs = read_inputs([_newest(tariffs)], "tariffs", settings).inputs if tariffs else []
    check_kind(tariff_inputs, "--tariffs")
    tariff_tables = [t for i in tariff_inputs for t in i.tables]
    catalogue = build_catalogue(tariff_tables, as_of) if tariffs else None
    if catalogue is not None:
        count_rejections(tariff_tables, catalogue)
    problems: list[Problem] = [] if catalogue is None else list(catalogue.problems)
    facts = _case_facts(case_tables, as_of, problems)
    matcher = None if catalogue is None else Matcher(catalogue)
    for case in facts:
        if matcher is not None:
            case.match = matcher.match(_case_key(case), as_of)
        derive(case, settings)
    return CaseSide([*case_inputs, *tariff_inputs], catalogue, facts, problems)


def read_logs(
    reading: Reading,
    facts: list[CaseFacts],
    settings: Settings,
    as_of: dt.date,
    problems: list[Problem],
) -> tuple[list[InputResult], list[CitizenLog]]:
    """Finish reading the time logs, summarise each citizen's log, grade it and give it its
    cases."""
    finished = reading.finish()
    check_kind(finished.wrong_kind, "--timelogs")
    log_inputs = finished.inputs
    logs = _logs(log_inputs, facts, settings, problems)
    grade_logs(logs, [t for i in log_inputs for t in i.tables], as_of, stays(facts))
    if reading.arguments:
        assign_logs(facts, logs, as_of)
    else:
        for case in facts:
            case.log_reason = "no-time-logs"
    return log_inputs, logs


def run_audit(
    cases: str,
    tariffs: str | None,
    timelogs: list[str],
    settings: Settings,
    as_of: dt.date,
    reading: Reading | None = None,
) -> AuditRun:
    """Every rule on every case. The time logs are most of the work: worker processes read them
    (`reading`, when the caller began it even earlier) while the cases are read here."""
    if reading is None:
        reading = Reading(timelogs, "time_log", settings)
    try:
        side = prepare_cases(cases, tariffs, settings, as_of)
    except BaseException:
        reading.cancel()
        raise
    problems = list(side.problems)
    log_inputs, logs = read_logs(reading, side.facts, settings, as_of, problems)
    context = RuleContext(settings, as_of, side.catalogue is not None, bool(timelogs))
    outcomes = {
        case.key: {code: rule.evaluate(case, context) for code, rule in RULES.items()}
        for case in side.facts
    }
    inputs = [*side.inputs, *log_inputs]
    return AuditRun(
        as_of,
        settings,
        inputs,
        side.facts,
        outcomes,
        logs,
        side.catalogue,
        bool(timelogs),
        problems,
    )


def _first_error(inputs: list[InputResult]) -> Problem | None:
    """The first error of the case export, to say why no case row was accepted."""
    return next((p for i in inputs for p in i.all_problems() if p.is_error), None)


def _newest(argument: str | None) -> str:
    """A glob for the case export or catalogue takes its newest match (cli.md)."""
    assert argument is not None
    return str(newest_match(argument)) if is_glob(argument) else argument


def _case_key(case: CaseFacts) -> CaseKey:
    return CaseKey(
        provider=case.value("provider"),
        provider_id=case.value("provider_id"),
        department=case.value("department"),
        level=case.value("level"),
    )


def _case_facts(
    tables: list[TableResult], as_of: dt.date, problems: list[Problem]
) -> list[CaseFacts]:
    facts: list[CaseFacts] = []
    for table in tables:
        columns = [name for name in CASE_FIELDS if name in table.frame.columns]
        frame = table.frame
        records = (
            frame[columns].astype(object).where(frame[columns].notna(), None).to_dict("records")
        )
        for record, key, row in zip(records, frame[CASE_KEY], frame[ROW], strict=True):
            source = RowSource(table.file, table.sheet, int(row))
            if record["grant_start"] > as_of:
                problems.append(_future(source, key, record["grant_start"]))
                continue
            fields = {str(name): value for name, value in record.items()}
            facts.append(CaseFacts(str(key), fields, table.present, source))
    return facts


def _future(source: RowSource, key: object, start: dt.date) -> Problem:
    return Problem(
        code="future-case",
        file=source.file,
        sheet=source.sheet,
        row=source.row,
        field="grant_start",
        value=start.isoformat(),
        params={"value": start.isoformat(), "case": str(key)},
    )


def _logs(
    inputs: list[InputResult], facts: list[CaseFacts], settings: Settings, problems: list[Problem]
) -> list[CitizenLog]:
    tables = [t for i in inputs for t in i.tables]
    logs, notes = summarise_tables(
        tables, settings.min_log_days, partial(fill_log_providers, cases=facts)
    )
    problems += notes
    return logs


def stays(facts: list[CaseFacts]) -> dict[str, Stay]:
    """Per citizen: the paragraphs of their cases and the span of their grants."""
    by_cpr: dict[str, list[CaseFacts]] = {}
    for case in facts:
        by_cpr.setdefault(case.value("cpr"), []).append(case)
    result = {}
    for cpr, cases in by_cpr.items():
        ends = [c.value("grant_end") for c in cases]
        result[cpr] = Stay(
            paragraphs=frozenset(str(c.value("paragraph")) for c in cases),
            grant_start=min(c.value("grant_start") for c in cases),
            grant_end=None if None in ends else max(ends),
        )
    return result
