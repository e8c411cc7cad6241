"""Week grids (ugeskema) read from real workbooks: one sheet per week."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bitcheck.inputs import read_input
from bitcheck.settings import Settings
from conftest import write_xlsx

DAYS = ["Mandag", "Tirsdag", "Onsdag", "Torsdag", "Fredag", "Lørdag", "Søndag"]


def week(dates: list[str] | None, *, below: bool = False) -> list[list[object]]:
    if dates is None:
        header: list[object] = ["Tid", *DAYS]
    elif below:
        header = ["Tid", *DAYS]
    else:
        header = ["Tid", *(f"{d} {x}" for d, x in zip(DAYS, dates, strict=True))]
    rows: list[list[object]] = [header]
    if below and dates is not None:
        rows.append(["", *dates])
    rows += [
        ["07:00-08:00", 30, "45 personlig hygiejne", None, None, None, None, 15],
        ["08:00-08:30", None, None, "20", None, None, None, None],
        ["08:30-09:00", None, None, None, None, None, "40 for meget", None],
    ]
    return rows


BLOCK: list[list[object]] = [["CPR-nr:", "610190-1234"], ["Tilbud:", "Egely"], []]


def test_grid_with_dates_in_the_header(tmp_path: Path) -> None:
    dates = [f"{d:02d}-11-2026" for d in range(2, 9)]
    path = write_xlsx(tmp_path / "uge.xlsx", [*BLOCK, *week(dates)], sheet="Uge 45")
    result = read_input(path, "uge.xlsx", None, Settings())
    assert (result.kind, result.layout) == ("time_log", "grid")
    assert (result.rows_read, result.rows_accepted, result.rows_rejected) == (5, 4, 1)
    frame = result.frame()
    assert frame["date"].tolist() == [dt.date(2026, 11, d) for d in (2, 3, 8, 4)]
    assert frame["minutes"].tolist() == [30.0, 45.0, 15.0, 20.0]
    assert frame["start"].tolist() == [420.0, 420.0, 420.0, 480.0]
    assert frame["activity"].tolist()[1] == "personlig hygiejne"
    assert set(frame["cpr"]) == {"6101901234"}
    assert (frame["period_start"].iat[0], frame["period_end"].iat[0]) == (
        dt.date(2026, 11, 2),
        dt.date(2026, 11, 8),
    )
    assert [(p.row, p.column, p.code) for p in result.all_problems()] == [
        (7, "Lørdag 07-11-2026", "slot-overflow")
    ]


def test_grid_with_dates_below_and_days_without_year(tmp_path: Path) -> None:
    below = [dt.date(2026, 11, d) for d in range(2, 9)]
    path = write_xlsx(tmp_path / "a.xlsx", [*BLOCK, *week(below, below=True)])  # type: ignore[arg-type]
    assert read_input(path, "a.xlsx", None, Settings()).frame()["date"].iat[0] == dt.date(
        2026, 11, 2
    )
    short = [f"{d:02d}-11" for d in range(2, 9)]
    with_period = [["CPR-nr: 610190-1234"], ["Periode: 02-11-2026 - 08-11-2026"], *week(short)]
    result = read_input(write_xlsx(tmp_path / "b.xlsx", with_period), "b.xlsx", None, Settings())
    assert result.frame()["date"].tolist()[0] == dt.date(2026, 11, 2)
    without = [["CPR-nr: 610190-1234"], *week(short)]
    result = read_input(write_xlsx(tmp_path / "c.xlsx", without), "c.xlsx", None, Settings())
    assert "date-without-year" in {p.code for p in result.all_problems()}
    assert result.rows_accepted == 0


def test_grid_dated_by_week_label(tmp_path: Path) -> None:
    rows = [["CPR-nr: 610190-1234"], ["Uge: 45/2026"], *week(None)]
    result = read_input(write_xlsx(tmp_path / "u.xlsx", rows), "u.xlsx", None, Settings())
    assert result.frame()["date"].tolist()[:2] == [dt.date(2026, 11, 2), dt.date(2026, 11, 3)]
