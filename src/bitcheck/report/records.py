"""Records every report shares: inputs, errors and notes (outputs.md §3)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from bitcheck import i18n
from bitcheck.problems import Problem


class InputRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")

    path: str
    kind: str | None
    layout: str | None
    sha256: str | None
    encoding: str | None
    sheets: list[str] | None
    rows_read: int
    rows_accepted: int
    rows_rejected: int


class ErrorRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")

    file: str
    sheet: str | None
    row: int | None
    column: str | None
    field: str | None
    value: str | None
    code: str
    message: str


class NoteRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")

    file: str
    sheet: str | None
    row: int | None
    code: str
    message: str
    count: int | None


EXAMPLE_HEADERS = {  # what a `no-header` message shows, by the kind the file was read as
    "cases": "Sagsnr, CPR-nr, Paragraf, Tilbud, Bevilget fra",
    "tariffs": "Tilbud, Takstniveau, Gyldig fra, Grundtakst",
    "time_log": "CPR-nr, Dato, Fra kl., Til kl.",
}
ANY_HEADERS = "Sagsnr, CPR-nr, Tilbud, Dato, Fra kl., Grundtakst"


def problem_message(problem: Problem, lang: str) -> str:
    """The problem as one sentence, with its location in front."""
    params = {"value": problem.value, "field": problem.field, **problem.params}
    params.setdefault("count", problem.count)
    if problem.code in ("unreadable-file", "sheet-skipped"):
        params["reason_text"] = i18n.reason_text(str(params.get("reason", "")), lang)
        detail = params.get("detail")
        params["detail_text"] = f": {detail}" if detail else ""
    if problem.code == "no-header":
        params["kind_text"] = i18n.kind_text(str(params.get("kind", "any")), lang)
        params.setdefault("expected", EXAMPLE_HEADERS.get(str(params.get("kind")), ANY_HEADERS))
    for key in ("cells", "limit"):
        if isinstance(params.get(key), int):
            params[key] = i18n.number(params[key], lang)
    where = i18n.location(problem.sheet, problem.row, problem.column, lang)
    text = i18n.message(_template_key(problem), lang, **params)
    return ", ".join([problem.file, *where]) + ": " + text


def _template_key(problem: Problem) -> str:
    """The message template: some codes word their message by what is known."""
    if problem.code == "sheet-too-large" and problem.params.get("cells") is None:
        return "sheet-too-large-unknown"
    if problem.code == "sheet-skipped" and problem.params.get("reason") == "unreadable":
        return "sheet-unreadable"
    return problem.code


def error_record(problem: Problem, lang: str) -> ErrorRecord:
    return ErrorRecord(
        file=problem.file,
        sheet=problem.sheet,
        row=problem.row,
        column=problem.column,
        field=problem.field,
        value=problem.value,
        code=problem.code,
        message=problem_message(problem, lang),
    )


def note_record(problem: Problem, lang: str) -> NoteRecord:
    return NoteRecord(
        file=problem.file,
        sheet=problem.sheet,
        row=problem.row,
        code=problem.code,
        message=problem_message(problem, lang),
        count=problem.count,
    )
