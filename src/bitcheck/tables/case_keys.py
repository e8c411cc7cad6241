"""Keys and duplicates of a case export (contract.md §1, "Keys and duplicates").

Case systems export daily full snapshots, so rows repeat. Across all case tables, in file
order then row: rows equal in every recognised field count once (`duplicate-rows`); a case_id
on rows that differ in paragraph, provider or level makes several cases, shown as `id#2`...
(`repeated-case-id`); rows with the same case_id, paragraph, provider and level that differ
elsewhere are an error on the later row (`duplicate-case`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from bitcheck.problems import Problem
from bitcheck.schemas.cases import CaseRow
from bitcheck.validate import ROW, TableResult
from bitcheck.values import normalise_name

CASE_KEY = "case_key"
FIELDS = list(CaseRow.model_fields)


def resolve_case_keys(tables: list[TableResult]) -> None:
    """Give every accepted case row its key; drop duplicate rows; reject conflicting ones."""
    seen_rows: dict[tuple[object, ...], int] = {}
    identities: dict[str, list[tuple[tuple[str, str, str], int]]] = {}
    for table in tables:
        _resolve_table(table, seen_rows, identities)


def _resolve_table(
    table: TableResult,
    seen_rows: dict[tuple[object, ...], int],
    identities: dict[str, list[tuple[tuple[str, str, str], int]]],
) -> None:
    frame = table.frame
    keys: list[str | None] = []
    duplicates = np.zeros(len(frame), dtype=bool)
    rejected = np.zeros(len(frame), dtype=bool)
    rows = frame[ROW].tolist() if len(frame) else []
    for position, record in enumerate(_records(frame)):
        signature = tuple(record)
        if signature in seen_rows:
            duplicates[position] = True
            keys.append(None)
            continue
        seen_rows[signature] = rows[position]
        key, problem = _key_of(table, record, rows[position], identities)
        keys.append(key)
        if problem is not None:
            table.problems.append(problem)
            rejected[position] = True
    if duplicates.any():
        table.problems.append(_duplicate_note(table, int(duplicates.sum())))
    table.rows_rejected += int(rejected.sum())
    frame = frame.assign(**{CASE_KEY: pd.Series(keys, index=frame.index, dtype=object)})
    table.frame = frame[~rejected & ~duplicates].reset_index(drop=True)


def _records(frame: pd.DataFrame) -> list[list[object]]:
    columns = [name for name in FIELDS if name in frame.columns]
    if not len(frame):
        return []
    return frame[columns].astype(object).where(frame[columns].notna(), None).values.tolist()


def _key_of(
    table: TableResult,
    record: list[object],
    row: int,
    identities: dict[str, list[tuple[tuple[str, str, str], int]]],
) -> tuple[str, Problem | None]:
    by_name = dict(zip([n for n in FIELDS if n in table.frame.columns], record, strict=True))
    case_id = str(by_name["case_id"])
    identity = (
        str(by_name["paragraph"]),
        normalise_name(by_name["provider"]),
        normalise_name(by_name.get("level") or ""),
    )
    earlier = identities.setdefault(case_id, [])
    for known, first_row in earlier:
        if known == identity:
            return case_id, _problem(table, "duplicate-case", row, case_id, first_row=first_row)
    earlier.append((identity, row))
    if len(earlier) == 1:
        return case_id, None
    shown = f"{case_id}#{len(earlier)}"
    table.problems.append(_problem(table, "repeated-case-id", row, case_id, shown=shown))
    return shown, None


def _problem(table: TableResult, code: str, row: int, case_id: str, **params: object) -> Problem:
    return Problem(
        code=code,
        file=table.file,
        sheet=table.sheet,
        row=row,
        field="case_id",
        value=case_id,
        params={"value": case_id, **params},
    )


def _duplicate_note(table: TableResult, count: int) -> Problem:
    return Problem(
        code="duplicate-rows",
        file=table.file,
        sheet=table.sheet,
        count=count,
        params={"count": count},
    )
