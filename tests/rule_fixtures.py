"""Real input files for the rule tests, written in the test's own directory.

The autouse fixture of conftest.py changes into `tmp_path`, so every writer here puts its file
in the current directory and returns its name. Each writer has quiet defaults (a case on which
no rule fires), so a test states only the fields that matter:

- `cases(*rows)`: a case export with the Danish headers of contract.md §1. A field given as
  None has no column at all; a field given as "" has an empty cell.
- `catalogue(*rows)`: a tariff catalogue in the model layout (§2a), same conventions.
- `price_list(*rows)`: a price list (§2b), rows as written.
- `time_log(entries, ...)`: a long time log with a header block (§3a).

Default numbers, for the arithmetic in the tests: the catalogue's Egely "Niveau 2" costs
basic 1000 + base 500 = 1500 DKK/day, has 10 hours a week and an hourly rate of 420 DKK, and a
need range 2-3. The default case bills exactly that, 1000 + 500 = 1500 DKK/day.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping, Sequence
from pathlib import Path

from bitcheck.audit.rules import Outcome
from bitcheck.audit.run import AuditRun, run_audit
from bitcheck.pseudonyms import Pseudonymizer
from bitcheck.report.audit_build import build_audit_report
from bitcheck.report.audit_models import AuditReport, Finding
from bitcheck.settings import Settings
from conftest import write_csv, write_xlsx

AS_OF = dt.date(2026, 11, 24)
CPR = "010190-1234"
OTHER_CPR = "020290-2345"
Value = str | int | float | dt.date | None

CASE_HEADERS = {
    "case_id": "Sagsnr",
    "cpr": "CPR-nr",
    "paragraph": "Paragraf",
    "provider": "Tilbud",
    "department": "Afdeling",
    "grant_start": "Bevilget fra",
    "grant_end": "Bevilget til",
    "need_level": "Funktionsniveau",
    "level": "Takstniveau",
    "granted_hours_week": "Visiterede timer pr. uge",
    "extra_hours_week": "Ekstra timer pr. uge",
    "basic_tariff": "Basistakst",
    "base_tariff": "Grundtakst",
    "special_tariff": "Særtakst",
    "tariff_total": "Døgntakst",
    "tariff_unit": "Takstenhed",
    "last_review": "Seneste opfølgning",
    "next_review": "Næste opfølgning",
    "goals": "Mål",
    "special_documented": "Særtakst dokumenteret",
}
CASE_DEFAULTS: dict[str, Value] = {
    "case_id": "S1",
    "cpr": CPR,
    "paragraph": "SEL § 108",
    "provider": "Egely",
    "department": "",
    "grant_start": "01-01-2026",
    "grant_end": "",
    "need_level": "2",
    "level": "Niveau 2",
    "granted_hours_week": "",
    "extra_hours_week": "",
    "basic_tariff": "1.000,00",
    "base_tariff": "500,00",
    "special_tariff": "",
    "tariff_total": "",
    "tariff_unit": "Døgn",
    "last_review": "01-09-2026",  # due 01-09-2027: not overdue on AS_OF
    "next_review": "",
    "goals": "2",
    "special_documented": "",
}

MODEL_HEADERS = {
    "provider": "Tilbud",
    "department": "Afdeling",
    "level": "Takstniveau",
    "valid_from": "Gyldig fra",
    "valid_to": "Gyldig til",
    "basic_tariff": "Basistakst pr. døgn",
    "base_tariff": "Grundtakst pr. døgn",
    "level_hours_week": "Normerede timer pr. uge",
    "hourly_rate": "Timepris",
    "need_min": "Funktionsniveau fra",
    "need_max": "Funktionsniveau til",
}
MODEL_DEFAULTS: dict[str, Value] = {
    "provider": "Egely",
    "department": "",
    "level": "Niveau 2",
    "valid_from": dt.date(2026, 1, 1),
    "valid_to": dt.date(2026, 12, 31),
    "basic_tariff": 1000,
    "base_tariff": 500,
    "level_hours_week": 10,
    "hourly_rate": 420,
    "need_min": 2,
    "need_max": 3,
}
PRICE_LIST_HEADER = ["Leverandør", "Afdeling", "Type", "Pris pr. enhed", "Enhed"]
LOG_HEADER = ["Dato", "Fra kl.", "Til kl.", "Minutter", "Type", "Antal medarbejdere"]
TWO_WEEKS = ("02-11-2026", "15-11-2026")  # 14 days, Monday to Sunday


def _columns(
    rows: Sequence[Mapping[str, Value]], defaults: Mapping[str, Value]
) -> tuple[list[str], list[dict[str, Value]]]:
    """The fields that have a column, and every row with the defaults filled in.

    A field that any row gives as None has no column in the file.
    """
    filled = [{**defaults, **row} for row in rows]
    dropped = {name for row in rows for name, value in row.items() if value is None}
    names = [name for name in {**defaults, **rows[0]} if name not in dropped]
    return names, filled


def _csv_cell(value: Value) -> str:
    if isinstance(value, dt.date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, float):
        return repr(value).replace(".", ",")
    return "" if value is None else str(value)


def cases(*rows: Mapping[str, Value], xlsx: bool = False) -> str:
    """A case export (sager) with one row per mapping; semicolon CSV, or xlsx."""
    names, filled = _columns(rows or [{}], CASE_DEFAULTS)
    header = [CASE_HEADERS[name] for name in names]
    if xlsx:
        table: list[list[Value]] = [[*header], *([row[name] for name in names] for row in filled)]
        return str(write_xlsx(Path("sager.xlsx"), table, sheet="Udtræk"))
    lines = [";".join(header), *(";".join(_csv_cell(row[n]) for n in names) for row in filled)]
    return str(write_csv(Path("sager.csv"), lines))


def case(**fields: Value) -> str:
    """A case export of one case: the defaults with `fields` changed (None: no column)."""
    return cases(fields)


def catalogue(*rows: Mapping[str, Value], **fields: Value) -> str:
    """A model-layout catalogue: one row per mapping, or one row of the defaults and `fields`."""
    names, filled = _columns(rows or [fields], MODEL_DEFAULTS)
    table: list[list[Value]] = [
        ["Takstkatalog 2026"],
        [],
        [MODEL_HEADERS[name] for name in names],
        *([None if row[name] == "" else row[name] for name in names] for row in filled),
    ]
    return str(write_xlsx(Path("takster.xlsx"), table))


def price_list(*rows: Sequence[Value]) -> str:
    """A price list: Leverandør | Afdeling | Type | Pris pr. enhed | Enhed."""
    return str(write_xlsx(Path("prisliste.xlsx"), [PRICE_LIST_HEADER, *rows]))


def time_log(
    entries: Sequence[Sequence[Value]],
    *,
    cpr: str = CPR,
    provider: str | None = "Egely",
    period: tuple[str, str] | None = TWO_WEEKS,
) -> str:
    """A long time log with a header block, in skema-1.xlsx, skema-2.xlsx, ... of the test.

    Entries are (date, from, to, minutes, type[, staff]).
    """
    block: list[list[Value]] = [["CPR-nr:", cpr]]
    if provider is not None:
        block.append(["Tilbud:", provider])
    if period is not None:
        block.append(["Periode:", f"{period[0]} - {period[1]}"])
    rows: list[list[Value]] = [*block, [], list(LOG_HEADER), *(list(e) for e in entries)]
    name = next(n for n in (f"skema-{i}.xlsx" for i in itertools.count(1)) if not Path(n).exists())
    return str(write_xlsx(Path(name), rows))


def direct_minutes(total: int, first_day: int = 2) -> list[list[Value]]:
    """`total` minutes of direct support, at most 600 a day from 02-11-2026 on."""
    entries: list[list[Value]] = []
    day = first_day
    while total > 0:
        minutes = min(total, 600)
        entries.append([f"{day:02d}-11-2026", "08:00", None, minutes, "Direkte"])
        total -= minutes
        day += 1
    return entries


def audit(
    case_file: str,
    tariffs: str | None = None,
    logs: Sequence[str] = (),
    settings: Settings | None = None,
    as_of: dt.date = AS_OF,
) -> AuditRun:
    return run_audit(case_file, tariffs, list(logs), settings or Settings(), as_of)


def outcome(run: AuditRun, code: str, case_id: str = "S1") -> Outcome:
    return run.outcomes[case_id][code]


def state(run: AuditRun, code: str, case_id: str = "S1") -> tuple[str, str | None]:
    """(status, reason) of one rule on one case."""
    found = outcome(run, code, case_id)
    return found.status, found.reason


def numbers(found: Outcome) -> tuple[object, ...]:
    """(status, expected, observed, ratio, margin, annual_amount) of an outcome."""
    return (
        found.status,
        found.expected,
        found.observed,
        found.ratio,
        found.margin,
        found.annual_amount,
    )


def report(run: AuditRun) -> AuditReport:
    return build_audit_report(run, Pseudonymizer(bytes(32), "test"), reveal_cpr=False, lang="da")


def finding(run: AuditRun, code: str, case_id: str = "S1") -> Finding:
    """The one finding of `code` on a case in the report built from the run."""
    (found,) = [f for f in report(run).findings if f.code == code and f.case_id == case_id]
    return found
