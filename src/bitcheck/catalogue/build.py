"""Catalogue rows from the model layout (§2a) and from price lists (§2b); validity checks.

Rows of one provider, department and level whose periods share a day are all rejected
(`overlapping-validity`) and kept aside, so that cases that would have matched them are
told apart (`catalogue-conflict`). Gaps between periods and undated rows are noted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from itertools import pairwise

import pandas as pd

from bitcheck.catalogue.price_list import price_list_rows
from bitcheck.catalogue.rows import RowSource, TariffRow, department_words, words
from bitcheck.problems import Problem
from bitcheck.validate import TableResult
from bitcheck.values import normalise_name


@dataclass
class TariffCatalogue:
    """Usable rows, rows rejected for overlapping validity, and what was noted."""

    rows: list[TariffRow]
    conflicts: list[TariffRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    rejected_sources: set[RowSource] = field(default_factory=set)


def build_catalogue(tables: list[TableResult], as_of: dt.date) -> TariffCatalogue:
    rows: list[TariffRow] = []
    for table in tables:
        if table.layout == "model":
            rows += model_rows(table)
        elif table.layout == "price_list":
            rows += price_list_rows(table, as_of)
    catalogue = TariffCatalogue(rows=[])
    _check_validity(rows, catalogue)
    undated = sum(row.undated for row in catalogue.rows)
    if undated:
        first = next(row for row in catalogue.rows if row.undated).source
        catalogue.problems.append(
            Problem(
                code="undated-tariffs",
                file=first.file,
                sheet=first.sheet,
                count=undated,
                params={"count": undated},
            )
        )
    return catalogue


def count_rejections(tables: list[TableResult], catalogue: TariffCatalogue) -> None:
    """Rows rejected for overlapping validity count as rejected rows of their table (once)."""
    for table in tables:
        rejected = [
            s for s in catalogue.rejected_sources if (s.file, s.sheet) == (table.file, table.sheet)
        ]
        table.rows_rejected += len(rejected)


def model_rows(table: TableResult) -> list[TariffRow]:
    return [_model_row(table, record) for record in _records(table.frame)]


def _records(frame: pd.DataFrame) -> list[dict[str, object]]:
    return frame.astype(object).where(frame.notna(), None).to_dict("records")  # type: ignore[return-value]


def _model_row(table: TableResult, record: dict[str, object]) -> TariffRow:
    basic = float(record.get("basic_tariff") or 0.0)  # type: ignore[arg-type]
    base = float(record["base_tariff"])  # type: ignore[arg-type]
    level_hours = _number(record.get("level_hours_week"))
    hourly_rate = _number(record.get("hourly_rate"))
    return TariffRow(
        provider=str(record["provider"]),
        provider_words=words(record["provider"]),
        provider_id=_text(record.get("provider_id")),
        department=_text(record.get("department")),
        department_words=department_words(record.get("department")),
        level=str(record["level"]),
        level_key=normalise_name(record["level"]),
        valid_from=_date(record.get("valid_from")),
        valid_to=_date(record.get("valid_to")),
        basic_tariff=basic,
        base_tariff=base,
        level_hours_week=level_hours,
        hourly_rate=hourly_rate,
        need_min=_integer(record.get("need_min")),
        need_max=_integer(record.get("need_max")),
        hour_price=_hour_price(basic, base, level_hours, hourly_rate),
        individual_price=False,
        source=RowSource(table.file, table.sheet, int(record["_row"])),  # type: ignore[call-overload]
    )


def _hour_price(
    basic: float, base: float, level_hours: float | None, hourly_rate: float | None
) -> float | None:
    """A model row with no price per day and no hours of its own, only an hourly rate (`§ 85
    timepris`, 0 / 0 / - / 465) is a level priced per hour, as such a row is in a price list."""
    if basic == 0 and base == 0 and level_hours is None and hourly_rate:
        return hourly_rate
    return None


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _date(value: object) -> dt.date | None:
    return value if isinstance(value, dt.date) else None


def _number(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]


def _integer(value: object) -> int | None:
    return None if value is None else int(value)  # type: ignore[call-overload]


def _check_validity(rows: list[TariffRow], catalogue: TariffCatalogue) -> None:
    groups: dict[tuple[tuple[str, ...], tuple[str, ...], str], list[TariffRow]] = {}
    for row in rows:
        groups.setdefault(row.group, []).append(row)
    for group in groups.values():
        clashing = _overlapping(group)
        for row in group:
            if row in clashing:
                catalogue.conflicts.append(row)
                catalogue.rejected_sources.add(row.source)
                catalogue.problems.append(_overlap_error(row, clashing[row]))
            else:
                catalogue.rows.append(row)
        catalogue.problems += _gaps([row for row in group if row not in clashing])


def _overlapping(group: list[TariffRow]) -> dict[TariffRow, TariffRow]:
    """Each row that shares a day with another row of its group -> the first such row."""
    clashing: dict[TariffRow, TariffRow] = {}
    for position, row in enumerate(group):
        for other in group[position + 1 :]:
            if row.overlaps(other):
                clashing.setdefault(row, other)
                clashing.setdefault(other, row)
    return clashing


def _overlap_error(row: TariffRow, other: TariffRow) -> Problem:
    return Problem(
        code="overlapping-validity",
        file=row.source.file,
        sheet=row.source.sheet,
        row=row.source.row,
        field="valid_from",
        value=f"{row.valid_from or ''} - {row.valid_to or ''}",
        params={"other_row": other.source.row},
    )


def _gaps(group: list[TariffRow]) -> list[Problem]:
    dated = sorted(
        (r for r in group if r.valid_from and r.valid_to), key=lambda r: r.valid_from or dt.date.min
    )
    problems = []
    for before, after in pairwise(dated):
        assert before.valid_to is not None and after.valid_from is not None
        if (after.valid_from - before.valid_to).days > 1:
            start = before.valid_to + dt.timedelta(days=1)
            problems.append(
                Problem(
                    code="validity-gap",
                    file=after.source.file,
                    sheet=after.source.sheet,
                    row=after.source.row,
                    value=start.isoformat(),
                    params={"value": start.isoformat()},
                )
            )
    return problems
