"""`summarise_timelogs`: files -> entries -> one summary per citizen's log."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from bitcheck.inputs import InputResult, read_inputs
from bitcheck.problems import Problem
from bitcheck.settings import Settings
from bitcheck.timelog.entries import collect_entries
from bitcheck.timelog.evidence import grade_logs
from bitcheck.timelog.summary import CitizenLog, summarise_logs


@dataclass
class TimelogRun:
    """The time logs of a run, summarised per citizen and provider."""

    inputs: list[InputResult]
    logs: list[CitizenLog]
    problems: list[Problem] = field(default_factory=list)

    def all_problems(self) -> list[Problem]:
        return [*(p for i in self.inputs for p in i.all_problems()), *self.problems]


def summarise_timelogs(arguments: list[str], settings: Settings, as_of: dt.date) -> TimelogRun:
    """Read every time log named (files, folders, globs) and summarise each citizen's log."""
    run = read_inputs(arguments, "time_log", settings)
    tables = [t for i in run.inputs for t in i.tables]
    entries, problems = collect_entries(tables)
    logs = summarise_logs(entries, settings.min_log_days)
    grade_logs(logs, tables, as_of)
    return TimelogRun(run.inputs, logs, problems)
