"""The time-log files under doegnskemaer/: long and split xlsx, week grids, the shared CSV."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from .cases import Citizen
from .entries import Entry, grid_minutes, log_days, log_entries
from .helpers import EXCEL_EPOCH, dk_date, hhmm, slug
from .planning import Municipality
from .workbooks import new_workbook, put

LOG_HEADERS = ["Dato", "Fra kl.", "Til kl.", "Minutter", "Aktivitet", "Kategori", "Type"]
LOG_HEADERS += ["Antal medarbejdere", "Antal borgere"]


def period_text(first: date, last: date) -> str:
    """The header block's period: "02-11-2026 - 22-11-2026"."""
    return f"{dk_date(first)} - {dk_date(last)}"


def write_header_block(
    ws: Any, fmt: dict, cit: Citizen, first: date, last: date, style: dict
) -> int:
    """CPR, provider and period above the table; returns the header row's index."""
    ws.write_string(0, 0, f"Døgnskema, {cit.log.provider.name}", fmt["bold"])
    if style["header_cells"]:
        ws.write_string(1, 0, "CPR-nr")
        ws.write_string(1, 1, cit.cpr)
        ws.write_string(2, 0, "Tilbud")
        ws.write_string(2, 1, cit.log.provider.name)
        ws.write_string(3, 0, "Periode fra")
        put(ws, fmt, 3, 1, first)
        ws.write_string(4, 0, "Periode til")
        put(ws, fmt, 4, 1, last)
        return 6
    if not style["cpr_column"]:
        ws.write_string(1, 0, f"CPR-nr: {cit.cpr}")
    ws.write_string(2, 0, f"Tilbud: {cit.log.provider.name}")
    ws.write_string(3, 0, f"Periode: {period_text(first, last)}")
    return 5


def write_entry(ws: Any, fmt: dict, row: int, entry: Entry, style: dict, cpr: str) -> None:
    """One entry row in the long layout."""
    col = 0
    if style["cpr_column"]:
        ws.write_string(row, 0, cpr)
        col = 1
    ws.write_number(row, col, (entry.day - EXCEL_EPOCH).days, fmt["date"])
    for offset, minute in ((1, entry.start), (2, entry.end)):
        if style["text_times"]:
            ws.write_string(row, col + offset, hhmm(minute))
        else:
            ws.write_number(row, col + offset, minute / 1440, fmt["time"])
    if style["minutes_column"]:
        ws.write_number(row, col + 3, entry.minutes)
        col += 1
    ws.write_string(row, col + 3, entry.activity)
    if entry.category:
        ws.write_string(row, col + 4, entry.category)
    ws.write_string(row, col + 5, entry.kind)
    ws.write_number(row, col + 6, entry.staff)
    ws.write_number(row, col + 7, entry.residents)


def log_headers(style: dict) -> list[str]:
    """The table's headers for this file's style."""
    headers = [h for h in LOG_HEADERS if h != "Minutter" or style["minutes_column"]]
    return ["CPR-nr", *headers] if style["cpr_column"] else headers


def write_long_log(
    path: Path, cit: Citizen, entries: list[Entry], style: dict, period: tuple
) -> int:
    """One citizen's entries in the long layout with a header block; returns the rows written."""
    wb, fmt = new_workbook(path)
    ws = wb.add_worksheet(style["sheet"])
    header_row = write_header_block(ws, fmt, cit, *period, style)
    ws.write_row(header_row, 0, log_headers(style), fmt["bold"])
    for i, entry in enumerate(entries, start=header_row + 1):
        write_entry(ws, fmt, i, entry, style, cit.cpr)
    if style["minutes_column"]:
        total_row = header_row + len(entries) + 1
        ws.write_string(total_row, 0, "I alt", fmt["bold"])
        minutes_col = 3 + (1 if style["cpr_column"] else 0)
        ws.write_number(total_row, minutes_col, sum(e.minutes for e in entries))
    ws.set_column(0, 0, 12)
    ws.set_column(4, 4, 36)
    wb.close()
    return len(entries)


WEEKDAYS = ["Mandag", "Tirsdag", "Onsdag", "Torsdag", "Fredag", "Lørdag", "Søndag"]


def write_grid_log(path: Path, cit: Citizen, grid: dict[date, list]) -> int:
    """A week grid: one sheet per ISO week, slots down, dated weekdays across."""
    wb, fmt = new_workbook(path)
    days = sorted(grid)
    cells = 0
    for monday in days[::7]:
        week = monday.isocalendar().week
        ws = wb.add_worksheet(f"Uge {week}")
        ws.write_string(0, 0, f"CPR-nr: {cit.cpr}")
        ws.write_string(1, 0, f"Tilbud: {cit.log.provider.name}")
        ws.write_string(2, 0, f"Uge: {week}/{monday.year}")
        week_days = [monday + timedelta(days=i) for i in range(7)]
        headers = ["Tidsrum"] + [
            f"{n} {dk_date(d)}" for n, d in zip(WEEKDAYS, week_days, strict=True)
        ]
        ws.write_row(4, 0, headers, fmt["bold"])
        cells += write_grid_week(ws, fmt, grid, week_days)
    wb.close()
    return cells


def write_grid_week(ws: Any, fmt: dict, grid: dict[date, list], week_days: list[date]) -> int:
    """Time slots 07:00-23:00 and the minutes in them; an "I alt" row below."""
    for i, hour in enumerate(range(7, 23)):
        ws.write_string(5 + i, 0, f"{hour:02d}:00-{hour + 1:02d}:00")
    cells = 0
    for col, day in enumerate(week_days, start=1):
        for hour, minutes, label in grid.get(day, []):
            row = 5 + hour - 7
            if label:
                ws.write_string(row, col, f"{minutes} {label}")
            else:
                ws.write_number(row, col, minutes)
            cells += 1
        ws.write_number(21, col, sum(m for _h, m, _l in grid.get(day, [])))
    ws.write_string(21, 0, "I alt", fmt["bold"])
    ws.set_column(1, 7, 24)
    return cells


CSV_HEADERS = ["CPR-nr", "Tilbud", "Periode fra", "Periode til", "Dato", "Fra kl.", "Til kl."]
CSV_HEADERS += ["Minutter", "Aktivitet", "Kategori", "Type", "Antal medarbejdere", "Antal borgere"]


def csv_rows(cit: Citizen, entries: list[Entry]) -> Iterator[list[str]]:
    """One citizen's entries as the rows of the provider system's CSV export."""
    days = log_days(cit.log)
    first, last = days[0], days[-1]
    for e in entries:
        yield [
            cit.cpr, cit.log.provider.name, dk_date(first), dk_date(last), dk_date(e.day),
            hhmm(e.start), hhmm(e.end), f"{e.minutes},0", e.activity, e.category, e.kind,
            str(e.staff), str(e.residents),
        ]  # fmt: skip


def write_csv(path: Path, blocks: list[tuple[Citizen, list[Entry]]]) -> int:
    """The multi-citizen CSV: Windows-1252, ";", decimal commas, CRLF."""
    rows = 0
    with path.open("w", encoding="cp1252", newline="") as handle:
        out = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        out.writerow(CSV_HEADERS)
        for cit, entries in blocks:
            for values in csv_rows(cit, entries):
                out.writerow(values)
                rows += 1
    return rows


def log_folder(root: Path, cit: Citizen) -> Path:
    """doegnskemaer/<provider>/, created when missing."""
    folder = root / slug(cit.log.provider.name)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def write_citizen_log(root: Path, cit: Citizen, seed: int) -> tuple[int, int]:
    """Write one citizen's long or grid log file(s); returns (files, rows)."""
    name = f"{cit.number:0{max(3, len(str(cit.number)))}d}"
    if cit.log.layout == "grid":
        grid = grid_minutes(cit, seed)
        return 1, write_grid_log(log_folder(root, cit) / f"ugeskema_{name}.xlsx", cit, grid)
    entries, style = log_entries(cit, seed)
    days = log_days(cit.log)
    if cit.log.layout != "split":
        path = log_folder(root, cit) / f"doegnskema_{name}.xlsx"
        return 1, write_long_log(path, cit, entries, style, (days[0], days[-1]))
    cut = days[-7]
    rows = 0
    for part, (first, last) in enumerate(((days[0], cut - timedelta(days=1)), (cut, days[-1])), 1):
        chunk = [e for e in entries if first <= e.day <= last]
        path = log_folder(root, cit) / f"doegnskema_{name}_del{part}.xlsx"
        rows += write_long_log(path, cit, chunk, style, (first, last))
    return 2, rows


def clear_logs(root: Path) -> None:
    """Remove time-log files an earlier run wrote, so that none is left over."""
    if not root.exists():
        return
    for path in sorted(root.rglob("*"), reverse=True):
        if path.is_file() and path.suffix in (".xlsx", ".csv"):
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def write_logs(root: Path, mun: Municipality) -> dict[str, int]:
    """Every time log: per-citizen files, then the shared CSV."""
    clear_logs(root)
    root.mkdir(parents=True, exist_ok=True)
    files = rows = 0
    csv_blocks = []
    for cit in (c for c in mun.citizens if c.log):
        if cit.log.layout == "csv":
            csv_blocks.append((cit, log_entries(cit, mun.seed)[0]))
            continue
        made, written = write_citizen_log(root, cit, mun.seed)
        files, rows = files + made, rows + written
    rows += write_csv(root / "faelles_udtraek.csv", csv_blocks)
    logged = sum(1 for c in mun.citizens if c.log)
    return {"time_log_citizens": logged, "time_log_files": files + 1, "time_log_rows": rows}
