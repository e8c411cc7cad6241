"""Time logs in the long layout with a header block, from real files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bitcheck.inputs import read_input
from bitcheck.problems import Problem
from bitcheck.settings import Settings
from conftest import write_csv, write_xlsx

HEADER = [
    "Dato",
    "Fra kl.",
    "Til kl.",
    "Minutter",
    "Aktivitet",
    "Type",
    "Antal medarbejdere",
    "Antal borgere",
]


def codes(problems: list[Problem]) -> list[tuple[int | None, str | None, str]]:
    return [(p.row, p.field, p.code) for p in problems]


def block(period: str = "02-11-2026 - 15-11-2026") -> list[list[object]]:
    return [
        ["Døgnskema"],
        ["CPR-nr:", "610190-1234"],
        ["Tilbud: Egely"],
        [f"Periode: {period}"],
        [],
    ]


def test_header_block_applies_to_every_row(tmp_path: Path) -> None:
    rows = [
        *block(),
        HEADER,
        [dt.date(2026, 11, 2), dt.time(7, 0), dt.time(7, 30), None, "Morgen", "Direkte", 1, 1],
        ["03-11-2026", "23:30", "00:30", None, "Nat", "Nattevagt vågen", None, None],
        ["04-11-2026", "10:00-11:00", None, None, "Tur", "Delt", 2, 4],
        ["05-11-2026", "12.00", None, "45", "Frokost", "", None, None],
    ]
    result = read_input(write_xlsx(tmp_path / "log.xlsx", rows), "log.xlsx", None, Settings())
    assert (result.kind, result.layout) == ("time_log", "long")
    assert (result.rows_read, result.rows_accepted) == (4, 4)
    frame = result.frame()
    assert set(frame["cpr"]) == {"6101901234"} and set(frame["provider"]) == {"Egely"}
    assert frame["start"].tolist() == [420.0, 1410.0, 600.0, 720.0]
    assert frame["end"].tolist()[:3] == [450.0, 30.0, 660.0]
    assert frame["kind"].tolist() == ["direct", "night_awake", "direct", "direct"]
    assert frame["staff"].tolist() == [1, 1, 2, 1] and frame["residents"].tolist() == [1, 1, 4, 1]
    assert set(frame["period_start"]) == {dt.date(2026, 11, 2)}
    assert set(frame["period_end"]) == {dt.date(2026, 11, 15)}
    assert frame["_row"].tolist() == [7, 8, 9, 10]


def test_duration_and_period_errors(tmp_path: Path) -> None:
    rows = [
        *block(),
        HEADER,
        ["02-11-2026", "07:00", "07:00", None, "", "", None, None],  # zero-duration
        ["02-11-2026", "07:00", "08:00", "30", "", "", None, None],  # minutes-mismatch
        ["02-11-2026", "07:00", None, None, "", "", None, None],  # neither end nor minutes
        ["20-11-2026", "07:00", "08:00", None, "", "", None, None],  # outside-period
        ["02-11-2026", "07:00", "08:00", "61", "", "Kaffe", None, None],  # invalid-kind
        ["02-11-2026", "7", "08:00", None, "", "", "0", None],  # invalid-time, invalid-number
        [
            "02-11-2026",
            "07:00",
            "08:00",
            "60",
            "",
            "",
            None,
            None,
        ],  # fine (1 minute apart is fine too)
    ]
    result = read_input(write_xlsx(tmp_path / "log.xlsx", rows), "log.xlsx", "time_log", Settings())
    assert (result.rows_read, result.rows_accepted, result.rows_rejected) == (7, 1, 6)
    assert sorted(codes(result.all_problems()), key=str) == sorted(
        [
            (7, "end", "zero-duration"),
            (8, "minutes", "minutes-mismatch"),
            (9, "minutes", "missing-value"),
            (10, "date", "outside-period"),
            (11, "kind", "invalid-kind"),
            (12, "start", "invalid-time"),
            (12, "staff", "invalid-number"),
        ],
        key=str,
    )


def test_multi_citizen_csv_with_cpr_and_period_columns(tmp_path: Path) -> None:
    lines = [
        "CPR;Tilbud;Periode fra;Periode til;Dato;Start;Slut;Støttetype",
        "610190-1234;Egely;02-11-2026;15-11-2026;02-11-2026;07:00;07:45;Direkte",
        "620285-4321;Solsikken;02-11-2026;22-11-2026;21-11-2026;08:00;08:30;Indirekte",
    ]
    result = read_input(
        write_csv(tmp_path / "f.csv", lines, encoding="cp1252"), "f.csv", None, Settings()
    )
    assert (result.kind, result.rows_accepted) == ("time_log", 2)
    assert result.frame()["kind"].tolist() == ["direct", "indirect"]


def test_missing_cpr_everywhere_is_a_missing_column(tmp_path: Path) -> None:
    rows = [HEADER, ["02-11-2026", "07:00", "08:00", None, "", "", None, None]]
    result = read_input(write_xlsx(tmp_path / "log.xlsx", rows), "log.xlsx", None, Settings())
    assert codes(result.all_problems()) == [(1, "cpr", "missing-column")]
    assert (result.rows_read, result.rows_rejected) == (1, 1)


def test_second_sheet_takes_the_first_sheets_header_block(tmp_path: Path) -> None:
    first = [*block(), HEADER, ["02-11-2026", "07:00", "07:30", None, "", "", None, None]]
    second = [HEADER, ["09-11-2026", "07:00", "07:30", None, "", "", None, None]]
    path = write_xlsx(tmp_path / "log.xlsx", first, sheet="Uge 45", extra_sheets={"Uge 46": second})
    result = read_input(path, "log.xlsx", None, Settings())
    assert result.sheets == ["Uge 45", "Uge 46"]
    assert result.frame()["cpr"].tolist() == ["6101901234", "6101901234"]
