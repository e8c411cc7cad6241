"""Tests of examples/generate.py, the synthetic municipality.

Besides determinism and privacy, a small reference reading of the generated files checks that
every scenario case fires exactly the rules scenarios.md promises and every other case none,
following shared/spec/rules.md with the default settings. It reads only what the generator
writes; it is not bitcheck's reader.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import re
import sys
from collections import defaultdict
from datetime import date, datetime, time
from pathlib import Path
from types import ModuleType
from typing import Any

import openpyxl
import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
AS_OF = date(2026, 11, 24)
VUM = ["ingen", "let", "moderat", "svært", "fuldstændig"]
REVIEW_MONTHS = {107: 6, 103: 6}
TIME_LOG_SUFFIXES = (".xlsx", ".csv")


def load_generator() -> ModuleType:
    """Import examples/generate.py (examples/ is not a package)."""
    spec = importlib.util.spec_from_file_location(
        "bitcheck_examples_generate", EXAMPLES / "generate.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


gen = load_generator()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """The default municipality (40 cases, seed 7), generated once."""
    out = tmp_path_factory.mktemp("demo")
    return out, gen.generate(out, 40, 7)


# --------------------------------------------------------------------------- reading back


def sheet_rows(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every sheet's rows as values."""
    wb = openpyxl.load_workbook(path, read_only=True)
    rows = {ws.title: list(ws.iter_rows(values_only=True)) for ws in wb.worksheets}
    wb.close()
    return rows


def all_files(root: Path) -> list[Path]:
    """Generated files below root, relative, sorted."""
    paths = (p.relative_to(root) for p in root.rglob("*") if p.is_file())
    return sorted(p for p in paths if p.suffix != ".py" and "__pycache__" not in p.parts)


def as_number(value: Any) -> float | None:
    """A number cell, "1.234,50" or "10,5"."""
    if value in (None, ""):
        return None
    if isinstance(value, int | float):
        return float(value)
    return float(str(value).replace(".", "").replace(",", "."))


def as_date(value: Any) -> date | None:
    """A date cell or "dd-mm-yyyy"."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    return datetime.strptime(str(value), "%d-%m-%Y").date()


def as_minute(value: Any) -> int:
    """A time cell or "hh:mm" as minutes since midnight."""
    if isinstance(value, time):
        return value.hour * 60 + value.minute
    hours, minutes = str(value).split(":")
    return int(hours) * 60 + int(minutes)


def as_need(value: Any) -> int | None:
    """ "3 - Svært", "Svært" or 3."""
    if value in (None, ""):
        return None
    text = str(value).strip().lower()
    return int(text[0]) if text[0].isdigit() else VUM.index(text)


def level_key(text: Any) -> str:
    """Niveau 3 = Niv. 3 = Pakke 3 = 3 (contract.md §2c, enough for the generator's labels)."""
    text = str(text or "").lower().replace("niv.", "niveau").strip()
    match = re.fullmatch(r"(?:niveau|pakke)?\s*(\d+)", text)
    return match.group(1) if match else text


def add_months(d: date, months: int) -> date:
    """Add months, clamping the day (as rules.md)."""
    return gen.add_months(d, months)


def table(rows: list[tuple[Any, ...]], first_header: str) -> list[dict[str, Any]]:
    """Rows below the header row that starts with first_header, as dicts; no totals rows."""
    start = next(i for i, row in enumerate(rows) if first_header in row)
    headers = rows[start]
    records = []
    for row in rows[start + 1 :]:
        if not any(v not in (None, "") for v in row) or str(row[0]).lower() == "i alt":
            continue
        records.append({h: v for h, v in zip(headers, row, strict=False) if h})
    return records


def read_cases(path: Path) -> list[dict[str, Any]]:
    """The case export, with the title rows and the totals row skipped."""
    return table(sheet_rows(path)["Udtræk"], "Sagsnr")


def read_catalogue(path: Path) -> dict[tuple[str, str], dict[str, Any]]:
    """Catalogue rows valid on the as-of date, by provider and level."""
    rows = table(sheet_rows(path)["Takster"], "Tilbud")
    return {
        (r["Tilbud"], level_key(r["Takstniveau"])): r
        for r in rows
        if as_date(r["Gyldig fra"]) <= AS_OF <= as_date(r["Gyldig til"])
    }


class Logs:
    """Time-log entries and stated periods per (CPR digits, provider)."""

    def __init__(self) -> None:
        self.entries: dict[tuple[str, str], list[tuple[date, int, str, int, int]]] = defaultdict(
            list
        )
        self.days: dict[tuple[str, str], set[date]] = defaultdict(set)

    def add_period(self, key: tuple[str, str], first: date, last: date) -> None:
        self.days[key] |= {
            date.fromordinal(n) for n in range(first.toordinal(), last.toordinal() + 1)
        }

    def add(
        self,
        key: tuple[str, str],
        day: date,
        minutes: int,
        kind: str,
        staff: int = 1,
        residents: int = 1,
    ) -> None:
        self.entries[key].append((day, minutes, kind, staff, residents))


def header_block(rows: list[tuple[Any, ...]]) -> dict[str, Any]:
    """ "Label: value" cells, or a label cell with its value to the right."""
    block: dict[str, Any] = {}
    for row in rows[:6]:
        first = row[0]
        if isinstance(first, str) and ":" in first:
            label, value = first.split(":", 1)
            block[label.strip()] = value.strip()
        elif isinstance(first, str) and len(row) > 1 and row[1] not in (None, ""):
            block[first] = row[1]
    return block


def period_of(block: dict[str, Any]) -> tuple[date, date]:
    """The stated period of a header block."""
    if "Periode" in block:
        first, last = block["Periode"].split(" - ")
        return as_date(first), as_date(last)
    return as_date(block["Periode fra"]), as_date(block["Periode til"])


def read_long(path: Path, logs: Logs) -> None:
    """A long-layout file: header block, then one row per entry."""
    rows = next(iter(sheet_rows(path).values()))
    block = header_block(rows)
    for r in table(rows, "Dato"):
        cpr = str(r.get("CPR-nr") or block.get("CPR-nr")).replace("-", "")
        key = (cpr, block["Tilbud"])
        start, end = as_minute(r["Fra kl."]), as_minute(r["Til kl."])
        minutes = (end - start) % 1440
        assert r.get("Minutter") in (None, minutes)
        logs.add(
            key, as_date(r["Dato"]), minutes, r["Type"], r["Antal medarbejdere"], r["Antal borgere"]
        )
        logs.add_period(key, *period_of(block))


def read_grid(path: Path, logs: Logs) -> None:
    """A week grid: one sheet per week, minutes (or "30 activity") in the cells."""
    for rows in sheet_rows(path).values():
        block = header_block(rows)
        key = (block["CPR-nr"].replace("-", ""), block["Tilbud"])
        start = next(i for i, row in enumerate(rows) if row[0] == "Tidsrum")
        days = [as_date(cell.split()[1]) for cell in rows[start][1:]]
        logs.add_period(key, days[0], days[-1])
        for row in rows[start + 1 :]:
            if row[0] == "I alt":
                continue
            for day, cell in zip(days, row[1:], strict=True):
                if cell not in (None, ""):
                    assert int(str(cell).split()[0]) <= 60
                    logs.add(key, day, int(str(cell).split()[0]), "Direkte")


def read_csv(path: Path, logs: Logs) -> None:
    """The multi-citizen CSV (Windows-1252, ";")."""
    text = path.read_bytes().decode("cp1252")
    for r in csv.DictReader(io.StringIO(text), delimiter=";"):
        key = (r["CPR-nr"].replace("-", ""), r["Tilbud"])
        minutes = int(as_number(r["Minutter"]) or 0)
        logs.add(
            key,
            as_date(r["Dato"]),
            minutes,
            r["Type"],
            int(r["Antal medarbejdere"]),
            int(r["Antal borgere"]),
        )
        logs.add_period(key, as_date(r["Periode fra"]), as_date(r["Periode til"]))


def read_logs(root: Path) -> Logs:
    """Every time log below root."""
    logs = Logs()
    for path in sorted(root.rglob("*")):
        if path.suffix == ".csv":
            read_csv(path, logs)
        elif path.name.startswith("ugeskema"):
            read_grid(path, logs)
        elif path.suffix == ".xlsx":
            read_long(path, logs)
    return logs


# --------------------------------------------------------------------------- reference rules


def billed_per_day(case: dict[str, Any], expected_hours: float | None) -> float:
    """Billed DKK per day (contract.md, "Derived quantities")."""
    basic, base = as_number(case["Basistakst"]), as_number(case["Grundtakst"])
    special = as_number(case["Særtakst"]) or 0.0
    if basic is not None or base is not None:
        amount = (basic or 0) + (base or 0) + special
    else:
        amount = (as_number(case["Takst"]) or 0) + special
    unit = case["Takstenhed"]
    if unit == "md":
        return amount * 12 / 365
    if unit == "time":
        return amount * (expected_hours or 0) / 7
    return amount


def expected_hours(case: dict[str, Any], row: dict[str, Any] | None) -> float | None:
    """Granted hours, else the level's hours plus extra hours."""
    granted = as_number(case["Bevilgede timer pr. uge"])
    if granted:
        return granted
    extra = as_number(case["Ekstra timer pr. uge"]) or 0.0
    level_hours = as_number(row["Normerede timer pr. uge"]) if row else None
    return (level_hours + extra) if level_hours else (extra or None)


def catalogue_rules(case: dict[str, Any], row: dict[str, Any] | None) -> set[str]:
    """N1, N2, T1, T2, T5."""
    if row is None:
        return {"T5"} if case["Takstniveau"] else set()
    fired = set()
    need = as_need(case["Funktionsniveau"])
    if need is not None and row["Funktionsniveau fra"] is not None:
        fired |= {"N1"} if need > row["Funktionsniveau til"] else set()
        fired |= {"N2"} if need < row["Funktionsniveau fra"] else set()
    extra = as_number(case["Ekstra timer pr. uge"]) or 0.0
    expected = (
        row["Basistakst pr. døgn"] + row["Grundtakst pr. døgn"] + extra * (row["Timepris"] or 0) / 7
    )
    if expected:
        ratio = round(billed_per_day(case, expected_hours(case, row)) / expected, 6)
        fired |= {"T1"} if ratio > 1.02 else {"T2"} if ratio < 0.98 else set()
    return fired


def review_rules(case: dict[str, Any]) -> set[str]:
    """R1, R2, R3, R5."""
    paragraph = int(re.findall(r"\d+", str(case["Paragraf"]))[0])
    months = REVIEW_MONTHS.get(paragraph, 12)
    start = as_date(case["Bevilget fra"])
    last, nxt = as_date(case["Seneste opfølgning"]), as_date(case["Næste opfølgning"])
    fired = set()
    if last or nxt:
        fired |= {"R1"} if (nxt or add_months(last, months)) < AS_OF else set()
    elif add_months(start, months) < AS_OF:
        fired.add("R2")
    if paragraph == 107 and add_months(start, 24) < AS_OF:
        fired.add("R3")
    if str(case["Indsatsmål"] or "").strip().lower() in ("", "0", "nej"):
        fired.add("R5")
    return fired


def log_rules(key: tuple[str, str], logs: Logs, hours: float) -> set[str]:
    """D1, D2, D4, D5 for one citizen's log at one provider."""
    period_days = len(logs.days[key])
    clock: dict[date, int] = defaultdict(int)
    eq = 0.0
    for day, minutes, kind, staff, residents in logs.entries[key]:
        if kind != "Indirekte":
            clock[day] += minutes
        if kind in ("Direkte", "Delt"):
            eq += minutes * staff / residents
    if period_days < 14:
        return {"D4"}
    if max(clock.values()) > 1440:
        return {"D5"}
    ratio = round(eq * 7 / (60 * period_days) / hours, 6)
    return {"D1"} if ratio < 0.85 else {"D2"} if ratio > 1.15 else set()


def audit(root: Path) -> dict[str, set[str]]:
    """Rule codes per case_id, by the reference reading above."""
    cases = read_cases(root / "sager.xlsx")
    catalogue = read_catalogue(root / "takstkatalog.xlsx")
    logs = read_logs(root / "doegnskemaer")
    fired: dict[str, set[str]] = {}
    per_log: dict[tuple[str, str], list[tuple[str, float]]] = defaultdict(list)
    for case in cases:
        case_id, key = (
            str(case["Sagsnr"]),
            (str(case["CPR-nr"]).replace("-", "").replace(" ", ""), case["Tilbud"]),
        )
        row = catalogue.get((case["Tilbud"], level_key(case["Takstniveau"])))
        end = as_date(case["Bevilget til"])
        if end and end < AS_OF:
            fired[case_id] = {"R4"} if billed_per_day(case, None) > 0 else set()
            continue
        fired[case_id] = catalogue_rules(case, row) | review_rules(case)
        special, extra = (
            as_number(case["Særtakst"]) or 0,
            as_number(case["Ekstra timer pr. uge"]) or 0,
        )
        fired[case_id] |= {"T3"} if special > 0 and not extra else set()
        if key not in logs.entries:
            fired[case_id] |= {"D3"} if special > 0 or extra > 0 else set()
            fired[case_id] |= (
                {"T4"} if special > 0 and case["Særtakst dokumenteret"] != "Ja" else set()
            )
        elif expected_hours(case, row):
            per_log[key].append((case_id, expected_hours(case, row)))
    for key, covered in per_log.items():
        first = min(covered, key=lambda pair: int(pair[0]))[0]
        fired[first] |= log_rules(key, logs, sum(hours for _id, hours in covered))
    return fired


def promised(root: Path) -> dict[str, set[str]]:
    """Case id -> rules, from the table in scenarios.md."""
    table_rows = re.findall(
        r"^\| (\d+) \| [^|]+ \| [^|]+ \| [^|]+ \| ([^|]+) \|$",
        (root / "scenarios.md").read_text(),
        re.M,
    )
    return {case_id: {code.strip() for code in rules.split(",")} for case_id, rules in table_rows}


# --------------------------------------------------------------------------- tests


def test_writes_the_expected_files(demo: tuple[Path, dict[str, int]]) -> None:
    out, counts = demo
    for name in ("sager.xlsx", "takstkatalog.xlsx", "takstkatalog_prisliste.xlsx", "scenarios.md"):
        assert (out / name).is_file(), name
    logs = [p for p in (out / "doegnskemaer").rglob("*") if p.suffix in TIME_LOG_SUFFIXES]
    assert (out / "doegnskemaer" / "faelles_udtraek.csv") in logs
    assert len([p for p in logs if p.name.startswith("ugeskema_")]) == 2
    assert counts["time_log_files"] == len(logs)
    assert counts["cases"] == 40 == len(read_cases(out / "sager.xlsx"))
    assert 0.35 <= counts["time_log_citizens"] / counts["citizens"] <= 0.45


def test_same_seed_same_files(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    gen.generate(first, 30, 11)
    gen.generate(second, 30, 11)
    assert all_files(first) == all_files(second)
    csv_path = Path("doegnskemaer/faelles_udtraek.csv")
    assert (first / csv_path).read_bytes() == (second / csv_path).read_bytes()
    for rel in all_files(first):
        if rel.suffix == ".xlsx":
            assert sheet_rows(first / rel) == sheet_rows(second / rel), rel


def test_another_seed_other_data(tmp_path: Path) -> None:
    gen.generate(tmp_path / "a", 30, 1)
    gen.generate(tmp_path / "b", 30, 2)
    assert read_cases(tmp_path / "a" / "sager.xlsx") != read_cases(tmp_path / "b" / "sager.xlsx")


def test_committed_examples_are_current(demo: tuple[Path, dict[str, int]]) -> None:
    out, _counts = demo
    assert all_files(EXAMPLES) == all_files(out), "run: python examples/generate.py"
    for rel in all_files(out):
        if rel.suffix == ".xlsx":  # values, not bytes: another xlsxwriter may zip differently
            assert sheet_rows(EXAMPLES / rel) == sheet_rows(out / rel), rel
        else:
            assert (EXAMPLES / rel).read_bytes() == (out / rel).read_bytes(), rel


def test_case_export_looks_like_a_case_system(demo: tuple[Path, dict[str, int]]) -> None:
    rows = sheet_rows(demo[0] / "sager.xlsx")["Udtræk"]
    assert rows[0][0] == "Udtræk fra fagsystem" and rows[1][0].startswith("Dannet ")
    assert rows[3][:3] == ("Sagsnr", "CPR-nr", "Navn") and rows[-1][0] == "I alt"
    cases = read_cases(demo[0] / "sager.xlsx")
    assert all(re.fullmatch(r"Testborger \d{3,}", c["Navn"]) for c in cases)
    assert any(isinstance(c["Bevilget fra"], str) for c in cases)
    assert any(isinstance(c["Bevilget fra"], datetime) for c in cases)
    assert {
        c["Takstenhed"] for c in cases if "85" in c["Paragraf"] and "Bostøtten" in c["Tilbud"]
    } == {"time"}


def cprs_in(out: Path) -> list[str]:
    """Every CPR-like number in every generated file."""
    found = []
    pattern = re.compile(r"\b\d{6}[- ]?\d{4}\b")
    for rel in all_files(out):
        path = out / rel
        if path.suffix == ".xlsx":
            found += [
                m
                for rows in sheet_rows(path).values()
                for row in rows
                for v in row
                for m in pattern.findall(str(v))
            ]
        else:
            found += pattern.findall(
                path.read_bytes().decode("cp1252" if path.suffix == ".csv" else "utf-8")
            )
    return found


def test_every_cpr_is_a_replacement_number(demo: tuple[Path, dict[str, int]]) -> None:
    found = cprs_in(demo[0])
    assert len(set(found)) >= demo[1]["citizens"]
    assert all(61 <= int(cpr[:2]) <= 91 for cpr in found), [c for c in found if int(c[:2]) <= 31]


def test_csv_is_windows_1252_with_semicolons(demo: tuple[Path, dict[str, int]]) -> None:
    raw = (demo[0] / "doegnskemaer" / "faelles_udtraek.csv").read_bytes()
    text = raw.decode("cp1252")
    assert "æ" in text or "ø" in text
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    header = text.splitlines()[0].split(";")
    assert {"CPR-nr", "Periode fra", "Periode til", "Dato", "Minutter"} <= set(header)
    assert len({line.split(";")[0] for line in text.splitlines()[1:]}) == 3
    assert re.search(r";\d+,\d;", text)


ALL_RULES = {
    f"{family}{n}"
    for family, count in (("N", 2), ("T", 5), ("D", 5), ("R", 5))
    for n in range(1, count + 1)
}


def assert_scenarios_hold(out: Path) -> None:
    """Every case fires exactly the rules scenarios.md promises (none for ordinary cases)."""
    expected = promised(out)
    assert {code for codes in expected.values() for code in codes} == ALL_RULES
    fired = audit(out)
    wrong = {
        cid: (codes, expected.get(cid, set()))
        for cid, codes in fired.items()
        if codes != expected.get(cid, set())
    }
    assert not wrong


def test_each_scenario_fires_its_rules_and_nothing_else(demo: tuple[Path, dict[str, int]]) -> None:
    assert_scenarios_hold(demo[0])


def test_scenarios_hold_in_a_bigger_municipality(tmp_path: Path) -> None:
    counts = gen.generate(tmp_path, 160, 5)
    assert counts["scenario_cases"] == 4 * len(gen.SCENARIOS)
    assert_scenarios_hold(tmp_path)


def test_ordinary_logs_deliver_what_was_granted() -> None:
    mun = gen.plan_municipality(120, 3)
    for cit in (c for c in mun.citizens if c.log and not c.scenario and c.log.layout != "grid"):
        entries, _style = gen.log_entries(cit, mun.seed)
        delivered = sum(e.one_to_one() for e in entries) * 7 / (60 * cit.log.days)
        assert 0.95 <= delivered / cit.logged_hours() <= 1.05, cit.name
