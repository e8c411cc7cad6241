"""Keys and duplicates of a case export (contract.md §1, "Keys and duplicates").

Case systems export daily full snapshots, so rows repeat. Across all case tables, in file
order then row: rows equal in every recognised field count once (`duplicate-rows`); a case_id
on rows that differ in paragraph, provider or level makes several cases, shown as `id#2`...
(`repeated-case-id`); rows with the same case_id, paragraph, provider and level that differ
elsewhere are an error on the later row (`duplicate-case`).
"""

from __future__ import annotations

from typing import Any

from bitcheck.problems import Problem
from bitcheck.schemas.cases import CaseRow
from bitcheck.validate import ROW, TableResult
from bitcheck.values import normalise_name

CASE_KEY = "case_key"
FIELDS = list(CaseRow.model_fields)
Identity = tuple[str, str, str]


def resolve_case_keys(tables: list[TableResult]) -> None:
    """Give every accepted case row its key; drop duplicate rows; reject conflicting ones."""
    seen_rows: set[tuple[object, ...]] = set()
    identities: dict[str, list[tuple[Identity, int]]] = {}
    for table in tables:
        _resolve_table(table, seen_rows, identities)


def _resolve_table(
    table: TableResult,
    seen_rows: set[tuple[object, ...]],
    identities: dict[str, list[tuple[Identity, int]]],
) -> None:
    fields = [name for name in FIELDS if name in table.columns]
    records = list(zip(*(table.columns[name] for name in fields), strict=True)) if fields else []
    keys: list[str | None] = []
    duplicates = 0
    for record, row in zip(records, table.columns[ROW], strict=True):
        if record in seen_rows:
            duplicates += 1
            keys.append(None)
            continue
        seen_rows.add(record)
        key, problem = _key_of(table, dict(zip(fields, record, strict=True)), row, identities)
        if problem is not None:
            table.problems.append(problem)
            table.rows_rejected += 1
        keys.append(key if problem is None else None)
    if duplicates:
        table.problems.append(_duplicate_note(table, duplicates))
    keep = [key is not None for key in keys]
    table.columns = {
        name: [value for value, kept in zip(column, keep, strict=True) if kept]
        for name, column in table.columns.items()
    }
    table.columns[CASE_KEY] = [key for key in keys if key is not None]
    table.frame = None  # made again from the columns when asked


def _key_of(
    table: TableResult,
    case: dict[str, Any],
    row: int,
    identities: dict[str, list[tuple[Identity, int]]],
) -> tuple[str, Problem | None]:
    case_id = str(case["case_id"])
    identity = (
        str(case["paragraph"]),
        normalise_name(case["provider"]),
        normalise_name(case.get("level") or ""),
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
