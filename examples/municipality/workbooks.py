"""The xlsx files: workbook helpers, the case export, the tariff catalogue and price list."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import xlsxwriter

from .cases import Case, Citizen
from .helpers import (
    CREATED_AT,
    CREATED_DATETIME,
    EXCEL_EPOCH,
    PRICE_INDEX_2026,
    VUM,
    dk_amount,
    dk_date,
    dk_number,
)
from .planning import Municipality
from .providers import Provider


def new_workbook(path: Path) -> tuple[Any, dict[str, Any]]:
    """An xlsxwriter workbook with fixed metadata (for identical bytes) and its formats."""
    wb = xlsxwriter.Workbook(
        str(path), {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False}
    )
    wb.set_properties({"author": "bitcheck examples", "created": CREATED_DATETIME})
    formats = {
        "date": wb.add_format({"num_format": "dd-mm-yyyy"}),
        "time": wb.add_format({"num_format": "hh:mm"}),
        "amount": wb.add_format({"num_format": "#,##0.00"}),
        "bold": wb.add_format({"bold": True}),
    }
    return wb, formats


def put(ws: Any, fmt: dict[str, Any], row: int, col: int, value: Any) -> None:
    """Write a value with the cell type it has: date cell, number, text; None stays empty."""
    if value is None or value == "":
        return
    if isinstance(value, date):
        ws.write_number(row, col, (value - EXCEL_EPOCH).days, fmt["date"])
    elif isinstance(value, float):
        ws.write_number(row, col, value, fmt["amount"])
    elif isinstance(value, int):
        ws.write_number(row, col, value)
    else:
        ws.write_string(row, col, value)


CASE_HEADERS = [
    "Sagsnr", "CPR-nr", "Navn", "Sagsbehandler", "Paragraf", "Tilbud", "Tilbuds-id",
    "Bevilget fra", "Bevilget til", "Funktionsniveau", "Takstniveau", "Bevilgede timer pr. uge",
    "Ekstra timer pr. uge", "Basistakst", "Grundtakst", "Særtakst", "Takst", "Takstenhed",
    "Seneste opfølgning", "Næste opfølgning", "Indsatsmål", "Særtakst dokumenteret",
]  # fmt: skip
SUMMED = ("Bevilgede timer pr. uge", "Ekstra timer pr. uge", "Basistakst", "Grundtakst")
SUMMED += ("Særtakst", "Takst")
PARAGRAPH_TEXT = {105: "ABL § 105"}
PARAGRAPH_VARIANTS = ("§ {}", "Servicelovens § {}", "{}")


class CaseRowWriter:
    """Turns a case into the cells of one export row, with the cell types real exports mix."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def date(self, d: date | None) -> date | str | None:
        """Mostly a date cell; one in ten as text."""
        return dk_date(d) if d and self.rng.random() < 0.1 else d

    def amount(self, x: float | None, scale: float) -> float | str | None:
        """Mostly a number; one in ten as Danish text."""
        if x is None:
            return None
        x = round(x * scale, 2)
        return dk_amount(x) if x and self.rng.random() < 0.1 else float(x)

    def hours(self, x: float | None) -> float | str | None:
        """Hours as a number, sometimes as text with a decimal comma."""
        if x is None:
            return None
        return dk_number(x) if self.rng.random() < 0.08 else float(x)

    def paragraph(self, n: int) -> str:
        """Mostly "SEL § 108"; sometimes another way of writing it."""
        if n in PARAGRAPH_TEXT:
            return PARAGRAPH_TEXT[n]
        if self.rng.random() < 0.06:
            return self.rng.choice(PARAGRAPH_VARIANTS).format(n)
        return f"SEL § {n}"

    def need(self, n: int | None) -> str | int | None:
        """ "3 - Svært" mostly; sometimes the word or the digit alone."""
        if n is None:
            return None
        r = self.rng.random()
        return VUM[n] if r < 0.05 else n if r < 0.1 else f"{n} - {VUM[n]}"

    def cpr(self, cpr: str) -> str:
        """CPR with a dash, sometimes without or with a space."""
        r = self.rng.random()
        return cpr.replace("-", "") if r < 0.1 else cpr.replace("-", " ") if r < 0.15 else cpr

    def cells(self, cit: Citizen, case: Case) -> list[Any]:
        """All cells of the row, in CASE_HEADERS order."""
        scale = 365 / 12 if case.unit == "md" else 1.0
        has_tariff = case.total is not None
        return [
            case.case_id, self.cpr(cit.cpr), cit.name, case.caseworker,
            self.paragraph(case.paragraph), case.provider.name, case.provider.pid,
            self.date(case.start), self.date(case.end), self.need(case.need), case.level_text,
            self.hours(case.granted), self.hours(case.extra) if has_tariff else None,
            self.amount(case.basic, scale), self.amount(case.base, scale),
            self.amount(case.special, scale) if has_tariff else None,
            self.amount(case.total, scale), case.unit, self.date(case.last_review),
            self.date(case.next_review), case.goals, case.documented,
        ]  # fmt: skip


def write_cases(path: Path, mun: Municipality) -> int:
    """sager.xlsx: title rows, header on row 4, one row per case, an "I alt" row."""
    rng = random.Random(f"{mun.seed}/cases")
    wb, fmt = new_workbook(path)
    ws = wb.add_worksheet("Udtræk")
    ws.write_string(0, 0, "Udtræk fra fagsystem", fmt["bold"])
    ws.write_string(1, 0, CREATED_AT)
    ws.write_row(3, 0, CASE_HEADERS, fmt["bold"])
    writer, sums = CaseRowWriter(rng), [0.0] * len(CASE_HEADERS)
    row = 4
    for row, (cit, case) in enumerate(mun.cases(), start=4):
        for col, value in enumerate(writer.cells(cit, case)):
            put(ws, fmt, row, col, value)
            if CASE_HEADERS[col] in SUMMED and value not in (None, ""):
                sums[col] += parse_dk(value)
    ws.write_string(row + 1, 0, "I alt", fmt["bold"])
    for col, header in enumerate(CASE_HEADERS):
        if header in SUMMED:
            ws.write_number(row + 1, col, round(sums[col], 2), fmt["amount"])
    ws.set_column(0, len(CASE_HEADERS) - 1, 14)
    wb.close()
    return row - 3


def parse_dk(value: float | str) -> float:
    """The number in a cell this generator wrote (a number, "1.234,50" or "10,5")."""
    if isinstance(value, str):
        return float(value.replace(".", "").replace(",", "."))
    return float(value)


CATALOGUE_HEADERS = [
    "Tilbud", "Tilbuds-id", "Takstniveau", "Gyldig fra", "Gyldig til", "Basistakst pr. døgn",
    "Grundtakst pr. døgn", "Normerede timer pr. uge", "Timepris", "Funktionsniveau fra",
    "Funktionsniveau til",
]  # fmt: skip


def catalogue_rows(providers: list[Provider]) -> Iterator[list[Any]]:
    """Rows of the model catalogue: each provider, level and year (2025, 2026)."""
    for p in providers:
        for level in p.levels:
            for year, index in ((2025, PRICE_INDEX_2026), (2026, 1.0)):
                yield [
                    p.name, p.pid, level.label, date(year, 1, 1), date(year, 12, 31),
                    round(p.basic / index, 2), round(level.base / index, 2), level.hours,
                    round(p.hourly / index, 2) if p.hourly else None,
                    level.need[0] if level.need else None, level.need[1] if level.need else None,
                ]  # fmt: skip


def write_catalogue(path: Path, providers: list[Provider]) -> int:
    """takstkatalog.xlsx in the model layout (contract.md §2a)."""
    wb, fmt = new_workbook(path)
    ws = wb.add_worksheet("Takster")
    ws.write_string(0, 0, "Takstkatalog, voksenområdet 2025-2026", fmt["bold"])
    ws.write_row(2, 0, CATALOGUE_HEADERS, fmt["bold"])
    count = 0
    for count, values in enumerate(catalogue_rows(providers), start=1):
        for col, value in enumerate(values):
            put(ws, fmt, 2 + count, col, value)
    ws.set_column(0, 0, 34)
    ws.set_column(1, len(CATALOGUE_HEADERS) - 1, 14)
    wb.close()
    return count


PRICE_HEADERS = ["Leverandør", "Afdeling", "Type", "Pris pr. enhed", "Enhed"]
PRICE_HEADERS += ["Gyldig fra", "Gyldig til"]


def price_list_rows(home: Provider, team: Provider) -> list[list[Any]]:
    """A home's and a § 85 team's 2026 prices: heading, basis, levels, extras, km, text price."""
    valid = [date(2026, 1, 1), date(2026, 12, 31)]
    rows: list[list[Any]] = [[home.name]]
    rows.append([home.name, "", "Basistakst", home.basic, "døgn", *valid])
    rows += [[home.name, "", lv.label, lv.base, "døgn", *valid] for lv in home.levels]
    rows.append([home.name, "", "Ekstra timer (1:1)", home.hourly, "time", *valid])
    rows.append([home.name, "", "Enkeltmandsprojekt", "Individuel pris", "døgn", *valid])
    rows.append([])
    rows.append([team.name])
    rows.append([team.name, "", "§ 85 timepris", team.hourly, "time", *valid])
    rows.append([team.name, "", "Kørsel", 3.79, "Km", *valid])
    return rows


def write_price_list(path: Path, providers: list[Provider]) -> int:
    """takstkatalog_prisliste.xlsx in the price-list layout (contract.md §2b)."""
    home = next(p for p in providers if p.name == "Botilbuddet Solsikken")
    team = next(p for p in providers if p.kind == "home85")
    wb, fmt = new_workbook(path)
    ws = wb.add_worksheet("Takster 2026")
    ws.write_string(0, 0, "Takstoversigt 2026", fmt["bold"])
    ws.write_row(2, 0, PRICE_HEADERS, fmt["bold"])
    rows = price_list_rows(home, team)
    for r, values in enumerate(rows, start=3):
        for col, value in enumerate(values):
            text_price = col == 3 and isinstance(value, float) and value > 1000
            put(ws, fmt, r, col, dk_amount(value) if text_price else value)
    ws.set_column(0, 2, 30)
    wb.close()
    return len(rows)
