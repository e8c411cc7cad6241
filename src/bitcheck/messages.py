"""The one line a run-stopping error prints, with no CPR number in it."""

from __future__ import annotations

from bitcheck import i18n
from bitcheck.errors import BitcheckError
from bitcheck.privacy import mask_cpr_like, redact_text
from bitcheck.problems import Problem
from bitcheck.pseudonyms import Pseudonymizer
from bitcheck.report.records import problem_message


def error_message(error: BitcheckError, lang: str, pseudonymizer: Pseudonymizer | None) -> str:
    """The error as one sentence; CPR-like numbers become pseudonyms (or #s without a key)."""
    if error.key == "unreadable-file":
        problem = Problem(
            code="unreadable-file", file=str(error.params["file"]), params=error.params
        )
        line = problem_message(problem, lang)
    elif error.key == "no-cases":
        line = i18n.message(error.key, lang, **{**error.params, "reason": _why(error.params, lang)})
    elif error.key == "wrong-kind":
        texts = {
            "kind_text": i18n.kind_text(str(error.params["kind"]), lang),
            "given_text": i18n.kind_text(str(error.params["given"]), lang),
        }
        line = i18n.message(error.key, lang, **{**error.params, **texts})
    else:
        line = i18n.message(error.key, lang, **error.params)
    if pseudonymizer is not None:
        return redact_text(line, pseudonymizer)
    return mask_cpr_like(line)


def _why(params: dict[str, object], lang: str) -> str:
    """` (the first error, without its file name)`, or nothing when no error says why."""
    problem = params.get("reason")
    if not isinstance(problem, Problem):
        return ""
    text = problem_message(problem, lang)
    if problem.file == params.get("file"):  # named once already; a folder's file is named here
        for prefix in (f"{problem.file}, ", f"{problem.file}: "):
            text = text.removeprefix(prefix)
    return f" ({text})"
