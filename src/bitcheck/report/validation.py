"""The report of `bitcheck validate` (outputs.md §4)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from bitcheck import __version__
from bitcheck.inputs import InputResult, ValidationRun
from bitcheck.privacy import redact_problem, redact_text
from bitcheck.problems import Problem
from bitcheck.pseudonyms import Pseudonymizer
from bitcheck.report.records import (
    ErrorRecord,
    InputRecord,
    NoteRecord,
    error_record,
    note_record,
)


class ValidationReport(BaseModel):
    model_config = ConfigDict(extra="forbid")

    bitcheck: str
    inputs: list[InputRecord]
    errors: list[ErrorRecord]
    notes: list[NoteRecord]


def input_record(result: InputResult, pseudonymizer: Pseudonymizer) -> InputRecord:
    return InputRecord(
        path=redact_text(result.path, pseudonymizer),
        kind=result.kind,
        layout=result.layout,
        sha256=result.sha256,
        encoding=result.encoding,
        sheets=None
        if result.sheets is None
        else [redact_text(s, pseudonymizer) for s in result.sheets],
        rows_read=result.rows_read,
        rows_accepted=result.rows_accepted,
        rows_rejected=result.rows_rejected,
    )


def sorted_problems(problems: list[Problem], pseudonymizer: Pseudonymizer) -> list[Problem]:
    shown = [redact_problem(p, pseudonymizer) for p in problems]
    return sorted(shown, key=Problem.sort_key)


def build_validation_report(
    run: ValidationRun, lang: str, pseudonymizer: Pseudonymizer
) -> ValidationReport:
    problems = sorted_problems([p for r in run.inputs for p in r.all_problems()], pseudonymizer)
    return ValidationReport(
        bitcheck=__version__,
        inputs=[input_record(r, pseudonymizer) for r in run.inputs],
        errors=[error_record(p, lang) for p in problems if p.is_error],
        notes=[note_record(p, lang) for p in problems if not p.is_error],
    )
