"""`summarise_timelogs`: files -> entries -> one summary per citizen's log.

With a case export (and catalogue), each log also gets the cases it covers and the expected
hours it is compared with, exactly as the audit computes them.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bitcheck.inputs import InputResult, check_kind, read_inputs
from bitcheck.problems import Problem
from bitcheck.settings import Settings
from bitcheck.timelog.evidence import grade_logs
from bitcheck.timelog.parts import summarise_tables
from bitcheck.timelog.summary import CitizenLog

if TYPE_CHECKING:
    from bitcheck.audit.facts import CaseFacts


@dataclass(frozen=True)
class Coverage:
    """The cases a log covers and the expected hours per week it is compared with."""

    case_ids: list[str]
    expected_hours_week: float | None


@dataclass
class TimelogRun:
    """The time logs of a run, summarised per citizen and provider."""

    inputs: list[InputResult]
    logs: list[CitizenLog]
    problems: list[Problem] = field(default_factory=list)
    coverage: dict[int, Coverage] | None = None  # by id(log); None without --cases

    def all_problems(self) -> list[Problem]:
        return [*(p for i in self.inputs for p in i.all_problems()), *self.problems]


def summarise_timelogs(
    arguments: list[str],
    settings: Settings,
    as_of: dt.date,
    cases: str | None = None,
    tariffs: str | None = None,
) -> TimelogRun:
    """Read every time log named (files, folders, globs) and summarise each citizen's log."""
    if cases is not None:
        return _beside_cases(arguments, settings, as_of, cases, tariffs)
    run = read_inputs(arguments, "time_log", settings)
    check_kind(run.wrong_kind, "bitcheck timelog")  # a file named as a time log, another kind
    tables = [t for i in run.inputs for t in i.tables]
    logs, problems = summarise_tables(tables, settings.min_log_days)
    grade_logs(logs, tables, as_of)
    return TimelogRun(run.inputs, logs, problems)


def _beside_cases(
    arguments: list[str], settings: Settings, as_of: dt.date, cases: str, tariffs: str | None
) -> TimelogRun:
    from bitcheck.audit.run import prepare_cases, read_logs
    from bitcheck.inputs import Reading

    side = prepare_cases(cases, tariffs, settings, as_of)
    problems = list(side.problems)
    reading = Reading(arguments, "time_log", settings)
    log_inputs, logs = read_logs(reading, side.facts, settings, as_of, problems)
    cases_of: dict[int, list[CaseFacts]] = defaultdict(list)
    for case in side.facts:
        if case.log is not None:
            cases_of[id(case.log)].append(case)
    coverage = {}
    for log in logs:
        covered = cases_of[id(log)]
        lead = next((c for c in covered if c.log_lead), None)
        keys = sorted(c.key for c in covered)
        coverage[id(log)] = Coverage(keys, None if lead is None else lead.log_expected_hours)
    return TimelogRun([*log_inputs, *side.inputs], logs, problems, coverage)
