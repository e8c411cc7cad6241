"""Evidence grades of time logs (outputs.md §8), from real files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner

from bitcheck.cli import cli
from conftest import write_xlsx

HEADER = ["Dato", "Fra kl.", "Til kl.", "Type"]


def grade(
    tmp_path: Path, rows: list[list[object]], period: str = "02-11-2026 - 15-11-2026"
) -> tuple[str, list[str]]:
    block: list[list[object]] = [
        ["CPR-nr: 610190-1234"],
        ["Tilbud: Egely"],
        [f"Periode: {period}"],
        [],
    ]
    write_xlsx(tmp_path / "log.xlsx", [*block, HEADER, *rows])
    result = CliRunner().invoke(
        cli, ["timelog", str(tmp_path / "log.xlsx"), "--format", "json", "--as-of", "2026-11-24"]
    )
    (log,) = json.loads(result.stdout)["time_logs"]
    return log["evidence_grade"], log["evidence_reasons"]


def day(n: int) -> str:
    return (dt.date(2026, 11, 1) + dt.timedelta(days=n)).strftime("%d-%m-%Y")


def varied(days: range) -> list[list[object]]:
    """Two entries a day at varying times, with a night watch: nothing to remark on."""
    rows: list[list[object]] = []
    for n in days:
        rows.append([day(n), f"07:{n:02d}", f"08:{n + 7:02d}", "Direkte"])
        rows.append([day(n), "23:00", "07:00", "Nattevagt sovende"])
    return rows


def test_a_full_varied_log_is_grade_a(tmp_path: Path) -> None:
    assert grade(tmp_path, varied(range(1, 15))) == ("A", [])


def test_weekdays_only_is_no_weekend(tmp_path: Path) -> None:
    weekdays = [n for n in range(1, 15) if dt.date(2026, 11, 1 + n).weekday() < 5]
    rows = [r for r in varied(range(1, 15)) if int(r[0][:2]) - 1 in weekdays]  # type: ignore[index]
    assert grade(tmp_path, rows) == ("C", ["low-coverage", "no-weekend"])


def test_no_entry_in_the_night_band(tmp_path: Path) -> None:
    rows = [r for r in varied(range(1, 15)) if r[3] == "Direkte"]
    assert grade(tmp_path, rows) == ("B", ["no-nights"])


def test_round_half_hours_are_heaping(tmp_path: Path) -> None:
    rows = [[day(n), "07:00", "07:30", "Direkte"] for n in range(1, 15)]
    rows += [[day(n), "12:00", "13:00", "Direkte"] for n in range(1, 15)]
    rows += [[day(n), "23:00", "07:00", "Nattevagt sovende"] for n in range(1, 15)]
    reasons = grade(tmp_path, rows)[1]
    assert "heaping" in reasons and "copied-days" in reasons


def test_a_short_log_is_grade_c(tmp_path: Path) -> None:
    assert grade(tmp_path, varied(range(1, 11)), period="02-11-2026 - 11-11-2026")[0] == "C"


def test_an_old_log(tmp_path: Path) -> None:
    block: list[list[object]] = [
        ["CPR-nr: 610190-1234"],
        ["Tilbud: Egely"],
        ["Periode: 02-11-2026 - 15-11-2026"],
        [],
    ]
    write_xlsx(tmp_path / "log.xlsx", [*block, HEADER, *varied(range(1, 15))])
    result = CliRunner().invoke(
        cli, ["timelog", str(tmp_path / "log.xlsx"), "--format", "json", "--as-of", "2028-01-01"]
    )
    (log,) = json.loads(result.stdout)["time_logs"]
    assert log["evidence_reasons"] == ["old-log"]


def test_many_rejected_rows(tmp_path: Path) -> None:
    rows = varied(range(1, 15)) + [
        [day(n), "07:00", "07:00", "Direkte"] for n in range(1, 15)
    ]  # zero-duration
    assert "many-rejected" in grade(tmp_path, rows)[1]


def test_entries_outside_the_stay(tmp_path: Path) -> None:
    block: list[list[object]] = [
        ["CPR-nr: 610190-1234"],
        ["Tilbud: Egely"],
        ["Periode: 02-11-2026 - 15-11-2026"],
        [],
    ]
    write_xlsx(tmp_path / "log.xlsx", [*block, HEADER, *varied(range(1, 15))])
    head = "Sagsnr;CPR;Paragraf;Tilbud;Bevilget fra;Bevilgede timer pr. uge"
    (tmp_path / "sager.csv").write_text(
        f"{head}\nS1;6101901234;108;Egely;05-11-2026;5\n", encoding="utf-8"
    )
    result = CliRunner().invoke(
        cli,
        [
            "audit",
            str(tmp_path / "sager.csv"),
            "--timelogs",
            str(tmp_path / "log.xlsx"),
            "--format",
            "json",
            "--as-of",
            "2026-11-24",
        ],
    )
    (log,) = json.loads(result.stdout)["time_logs"]
    assert log["evidence_reasons"] == ["outside-stay"]
    (case,) = json.loads(result.stdout)["cases"]
    assert case["evidence_grade"] == "B"
