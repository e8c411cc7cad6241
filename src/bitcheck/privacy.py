"""Keeping CPR numbers out of every output.

A CPR field's quoted value shows each digit as `#`; in any other quoted value, file name or
sheet name, a CPR-like digit group becomes its pseudonym (or `#`s when it is not a valid
CPR) (outputs.md §2).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from bitcheck import values
from bitcheck.problems import Problem
from bitcheck.pseudonyms import Pseudonymizer

# a pseudonym (B- and ten hex digits) is matched whole, and kept: its digits are no CPR number
CPR_LIKE = re.compile(
    r"(?P<pseudonym>B-[0-9a-f]{10}(?![0-9a-f]))|(?<!\d)(?:\d{6}-\d{4}|\d{10}|\d{9})(?!\d)"
)
CPR_FIELDS = frozenset({"cpr"})


@lru_cache(maxsize=1 << 16)  # file and sheet names repeat in every record of a file
def redact_text(text: str, pseudonymizer: Pseudonymizer) -> str:
    """Replace CPR-like digit groups by pseudonyms, or by `#`s when not a valid CPR."""

    def replacement(found: re.Match[str]) -> str:
        if found["pseudonym"]:
            return found.group()
        try:
            digits = values.parse_cpr(found.group())
        except values.InvalidValue:
            digits = None
        if digits is None:
            return values.mask_digits(found.group())
        return pseudonymizer.pseudonym(digits)

    return CPR_LIKE.sub(replacement, text)


def mask_cpr_like(text: str) -> str:
    """Every digit of a CPR-like group as `#` (pseudonyms kept), where no key is at hand."""
    return CPR_LIKE.sub(lambda found: found.group() if found["pseudonym"] else
                        values.mask_digits(found.group()), text)  # fmt: skip


def redact_problem(problem: Problem, pseudonymizer: Pseudonymizer) -> Problem:
    """The problem as it may be shown: no CPR number anywhere in it."""
    value = problem.value
    if value is not None:
        if problem.field in CPR_FIELDS:
            value = values.mask_digits(value)
        else:
            value = redact_text(value, pseudonymizer)
    params = {
        key: (redact_text(item, pseudonymizer) if isinstance(item, str) else item)
        for key, item in problem.params.items()
    }
    if "value" in params:
        params["value"] = value
    return replace(
        problem,
        file=redact_text(problem.file, pseudonymizer),
        sheet=None if problem.sheet is None else redact_text(problem.sheet, pseudonymizer),
        column=None if problem.column is None else redact_text(problem.column, pseudonymizer),
        value=value,
        params=params,
    )
