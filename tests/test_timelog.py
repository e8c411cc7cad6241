"""`bitcheck timelog`: delivered hours computed by hand for each layout."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bitcheck.cli import cli
from bitcheck.settings import Settings
from bitcheck.timelog.run import summarise_timelogs
from conftest import write_csv, write_xlsx

HEADER = [
    "Dato",
    "Fra kl.",
    "Til kl.",
    "Minutter",
    "Type",
    "Kategori",
    "Antal medarbejdere",
    "Antal borgere",
]
BLOCK = [
    ["CPR-nr:", "610190-1234"],
    ["Tilbud:", "Egely"],
    ["Periode:", "02-11-2026 - 15-11-2026"],
    [],
]


def timelog_json(*args: str) -> dict[str, object]:
    result = CliRunner().invoke(
        cli, ["timelog", *args, "--format", "json", "--as-of", "2026-11-24"]
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_shared_support_midnight_and_bands(tmp_path: Path) -> None:
    rows = [
        *BLOCK,
        HEADER,
        ["02-11-2026", "07:00", "08:00", None, "Direkte", "Egenomsorg", 1, 1],  # 60
        ["02-11-2026", "14:30", "15:30", None, "Delt", "Socialt liv", 2, 4],  # 60 x 2/4 = 30
        ["03-11-2026", "22:30", "00:30", None, "Direkte", "", None, None],  # 120 over midnight
        ["03-11-2026", "23:00", "07:00", None, "Nattevagt sovende", None, None, None],  # 480
        ["04-11-2026", "10:00", None, 45, "Dokumentation", None, None, None],  # indirect
        ["05-11-2026", "06:00", "07:30", None, "Nattevagt vågen", None, None, None],  # 90
    ]
    write_xlsx(tmp_path / "log.xlsx", rows)
    (log,) = timelog_json(str(tmp_path / "log.xlsx"))["time_logs"]  # type: ignore[misc]
    assert log["subject"] == "B-" + log["subject"][2:] and "cpr" not in log
    assert (log["period_start"], log["period_end"], log["period_days"], log["days_logged"]) == (
        "2026-11-02",
        "2026-11-15",
        14,
        4,
    )
    assert log["direct_hours"] == pytest.approx(3.5)
    assert log["delivered_hours_week"] == pytest.approx(210 * 7 / (60 * 14))
    assert (log["day_hours"], log["evening_hours"], log["night_hours"]) == pytest.approx(
        (1.25, 0.75, 1.5)
    )
    assert log["indirect_hours"] == pytest.approx(0.75)
    assert log["night_sleeping_hours"] == pytest.approx(8.0)
    assert log["night_awake_hours"] == pytest.approx(1.5)
    assert log["by_category"] == pytest.approx({"": 2.0, "Egenomsorg": 1.0, "Socialt liv": 0.5})
    assert log["by_week"] == pytest.approx({"2026-W45": 3.5})
    assert log["problems"] == []
    source = {"file": str(tmp_path / "log.xlsx"), "sheet": "Ark1", "row": 6, "last_row": 11}
    assert log["sources"] == [source]


def test_citizen_across_two_files_counts_a_resent_entry_once(tmp_path: Path) -> None:
    first = [
        ["CPR-nr: 610190-1234"], ["Periode: 02-11-2026 - 08-11-2026"], HEADER,
        ["02-11-2026", "09:00", "10:00", None, "", None, None, None],
    ]  # fmt: skip
    second = [
        ["CPR-nr: 610190-1234"], HEADER,
        ["02-11-2026", "09:00", "10:00", None, "", None, None, None],  # sent again: counts once
        ["12-11-2026", "09:00", "09:30", None, "", None, None, None],
        ["15-11-2026", "09:00", "09:30", None, "", None, None, None],
    ]  # fmt: skip
    folder = tmp_path / "logs"
    folder.mkdir()
    write_xlsx(folder / "a.xlsx", first)
    write_xlsx(folder / "b.xlsx", second)
    report = timelog_json(str(folder))
    (log,) = report["time_logs"]  # type: ignore[misc]
    # a.xlsx states 02-08; b.xlsx states none, so it spans its own first to last date, 02-15
    assert (log["period_days"], log["days_logged"]) == (14, 3)
    assert log["direct_hours"] == pytest.approx(2.0)
    assert log["problems"] == []
    assert [n["code"] for n in report["notes"]] == ["duplicate-entries"]  # type: ignore[index]


def test_a_day_over_24_hours_is_implausible(tmp_path: Path) -> None:
    rows = [
        *BLOCK, HEADER,
        ["02-11-2026", "00:00", None, 1000, "Direkte", None, None, None],
        ["02-11-2026", "17:00", None, 500, "Nattevagt vågen", None, None, None],
        ["03-11-2026", "00:00", None, 1000, "Direkte", None, None, None],
        ["03-11-2026", "17:00", None, 500, "Indirekte", None, None, None],
    ]  # fmt: skip
    write_xlsx(tmp_path / "log.xlsx", rows)
    run = summarise_timelogs([str(tmp_path / "log.xlsx")], Settings(), dt.date(2026, 11, 24))
    (log,) = run.logs
    assert log.problems == ["D5"]
    assert log.largest_day_minutes == 1500


def test_grid_with_and_without_text(tmp_path: Path) -> None:
    days = ["Mandag", "Tirsdag", "Onsdag", "Torsdag", "Fredag", "Lørdag", "Søndag"]
    rows = [
        ["CPR-nr:", "610190-1234"], ["Tilbud:", "Egely"], ["Uge:", "45/2026"],
        ["Tid", *days],
        ["07:00-08:00", 30, "45 personlig hygiejne", None, None, None, None, 60],
        ["20:00-21:00", None, None, "15 aftensmad", None, None, None, None],
    ]  # fmt: skip
    write_xlsx(tmp_path / "uge45.xlsx", rows, sheet="Uge 45")
    (log,) = timelog_json(str(tmp_path / "uge45.xlsx"))["time_logs"]  # type: ignore[misc]
    assert (log["period_days"], log["days_logged"]) == (7, 4)
    assert log["direct_hours"] == pytest.approx(150 / 60)
    assert log["delivered_hours_week"] == pytest.approx(150 / 60)
    assert log["evening_hours"] == pytest.approx(0.25)


def test_multi_citizen_csv(tmp_path: Path) -> None:
    lines = [
        "CPR;Tilbud;Periode fra;Periode til;Dato;Start;Slut",
        "610190-1234;Egely;02-11-2026;15-11-2026;02-11-2026;07:00;08:00",
        "620285-4321;Egely;02-11-2026;08-11-2026;03-11-2026;07:00;07:30",
    ]
    write_csv(tmp_path / "f.csv", lines, encoding="cp1252")
    logs = timelog_json(str(tmp_path / "f.csv"), "--reveal-cpr")["time_logs"]
    assert [(lg["cpr"], lg["period_days"]) for lg in logs] == [
        ("610190-1234", 14),
        ("620285-4321", 7),
    ]  # type: ignore[index]


def test_beside_the_cases_each_log_names_the_cases_it_covers() -> None:
    examples = Path(__file__).resolve().parents[1] / "examples"
    cases = str(examples / "sager.xlsx")
    logs = timelog_json(str(examples / "doegnskemaer"), "--cases", cases)["time_logs"]
    audit = CliRunner().invoke(
        cli, ["audit", cases, "--timelogs", str(examples / "doegnskemaer"),
              "--as-of", "2026-11-24", "--format", "json"],
    )  # fmt: skip
    subject_of = {c["case_id"]: c["subject"] for c in json.loads(audit.stdout)["cases"]}
    covered = [log for log in logs if log["case_ids"]]  # type: ignore[union-attr]
    assert covered and any(log["expected_hours_week"] is not None for log in covered)
    for log in covered:
        assert log["case_ids"] == sorted(log["case_ids"])
        assert {subject_of[key] for key in log["case_ids"]} == {log["subject"]}


def test_periods_and_the_audit_date_are_written_as_the_language_writes_dates() -> None:
    from click.testing import CliRunner

    from bitcheck.cli import cli

    folder = str(Path(__file__).resolve().parents[1] / "examples" / "doegnskemaer")
    for lang, period in (("en", "2026-10-19 - 2026-11-08"), ("da", "19-10-2026 - 08-11-2026")):
        args = ["timelog", folder, "--as-of", "2026-11-24", "--lang", lang, "--format", "markdown"]
        assert period in CliRunner().invoke(cli, args).stdout
    cases = str(Path(folder).parent / "sager.xlsx")
    for lang, title in (("en", "as of 2026-11-24:"), ("da", "pr. 24-11-2026:")):
        args = ["audit", cases, "--as-of", "2026-11-24", "--lang", lang, "--format", "markdown"]
        assert title in CliRunner().invoke(cli, args).stdout.splitlines()[0]


def test_the_evidence_reasons_are_words_in_danish_and_codes_in_english() -> None:
    folder = str(Path(__file__).resolve().parents[1] / "examples" / "doegnskemaer")
    shown = {
        lang: CliRunner()
        .invoke(
            cli,
            ["timelog", folder, "--as-of", "2026-11-24", "--lang", lang, "--format", "markdown"],
        )  # fmt: skip
        .stdout
        for lang in ("da", "en")
    }
    assert "| B: intet registreret om natten (no-nights) " in shown["da"]
    assert "| B no-nights " in shown["en"]
