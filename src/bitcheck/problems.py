"""Data problems as values: every error and note the input layer records.

A `Problem` carries a stable code and where it happened; its message is made from a
template in `i18n` when a report is rendered, so the input layer never deals with language.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

ERROR_CODES: tuple[str, ...] = (
    "unreadable-file",
    "no-header",
    "missing-column",
    "missing-value",
    "invalid-date",
    "invalid-time",
    "invalid-number",
    "ambiguous-number",
    "negative-number",
    "invalid-cpr",
    "invalid-paragraph",
    "invalid-need-level",
    "invalid-yes-no",
    "invalid-unit",
    "invalid-kind",
    "zero-duration",
    "minutes-mismatch",
    "outside-period",
    "date-without-year",
    "slot-overflow",
    "duplicate-case",
    "overlapping-validity",
    "sheet-too-large",
)

NOTE_CODES: tuple[str, ...] = (
    "sheet-skipped",
    "unknown-column",
    "duplicate-column",
    "month-first-dates",
    "encoding",
    "formula-without-value",
    "duplicate-rows",
    "repeated-case-id",
    "repeated-entries",
    "duplicate-entries",
    "total-differs",
    "unknown-paragraph",
    "future-case",
    "undated-tariffs",
    "validity-gap",
    "unused-price",
)


@dataclass(frozen=True)
class Problem:
    """One error (a row or sheet rejected) or note (decided, nothing rejected).

    `row` and `column_number` are what the user sees (A1 is row 1, column 1); `column` is the
    header text as written in the file, `field` the field it was read as. `value` is the raw
    cell text; masking of CPR numbers happens when the problem is reported.
    """

    code: str
    file: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    field: str | None = None
    value: str | None = None
    params: dict[str, Any] = dataclasses.field(default_factory=dict, compare=False, hash=False)
    count: int | None = None
    column_number: int | None = None

    @property
    def is_error(self) -> bool:
        return self.code in ERROR_CODES

    def sort_key(self) -> tuple[str, int, str, int, int, int, str]:
        """Order of outputs.md: file, sheet (null first), row (null first), column position, code."""
        return (
            self.file,
            0 if self.sheet is None else 1,
            self.sheet or "",
            -1 if self.row is None else self.row,
            -1 if self.column_number is None else self.column_number,
            0,
            self.code,
        )
