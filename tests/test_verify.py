"""`bitcheck verify`: a report is checked against its inputs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from bitcheck.cli import cli

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
REST = [
    "--tariffs",
    str(EXAMPLES / "takstkatalog.xlsx"),
    "--timelogs",
    str(EXAMPLES / "doegnskemaer"),
]


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout


@pytest.mark.parametrize("suffix", [".json", ".xlsx"])
def test_a_report_matches_its_inputs(tmp_path: Path, suffix: str) -> None:
    report = tmp_path / f"r{suffix}"
    cases = str(EXAMPLES / "sager.xlsx")
    assert (
        invoke(
            "audit",
            cases,
            *REST,
            "--as-of",
            "2026-11-24",
            "--direction",
            "citizen",
            "-o",
            str(report),
        )[0]
        == 0
    )
    code, out = invoke("verify", str(report), "--cases", cases, *REST, "--format", "json")
    assert code == 0, out
    assert json.loads(out)["matches"] is True


def test_a_changed_input_is_a_difference(tmp_path: Path) -> None:
    cases = tmp_path / "sager.xlsx"
    shutil.copy(EXAMPLES / "sager.xlsx", cases)
    report = tmp_path / "r.json"
    invoke("audit", str(cases), *REST, "--as-of", "2026-11-24", "-o", str(report))
    book = openpyxl.load_workbook(cases)
    sheet = book.worksheets[0]
    for row in sheet.iter_rows():
        for cell in row:
            if str(cell.value) == "384185":  # the case without goals (R5): give it goals
                goals = next(c for c in sheet[4] if c.value == "Indsatsmål")
                sheet.cell(row=cell.row, column=goals.column, value="Mål om egen bolig")
    book.save(cases)
    code, out = invoke("verify", str(report), "--cases", str(cases), *REST, "--format", "json")
    differences = json.loads(out)["differences"]
    assert code == 1
    assert any("sager.xlsx" in d for d in differences)
    assert "finding R5 on case 384185 of the report is not found again" in differences


def test_an_edited_time_log_cell_is_named(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    shutil.copytree(EXAMPLES / "doegnskemaer", logs)
    cases = str(EXAMPLES / "sager.xlsx")
    rest = ["--tariffs", str(EXAMPLES / "takstkatalog.xlsx"), "--timelogs", str(logs)]
    report = tmp_path / "r.json"
    invoke("audit", cases, *rest, "--as-of", "2026-11-24", "-o", str(report))
    target = logs / "bostedet_lindehoej" / "doegnskema_031.xlsx"
    book = openpyxl.load_workbook(target)
    sheet = book.worksheets[0]
    minutes = next(c for row in sheet.iter_rows() for c in row if c.value == "Aktivitet")
    sheet.cell(row=minutes.row + 1, column=minutes.column, value="Gåtur (rettet)")
    book.save(target)
    code, out = invoke("verify", str(report), "--cases", cases, *rest, "--format", "json")
    assert code == 1
    assert any("doegnskema_031.xlsx" in d for d in json.loads(out)["differences"])


def test_two_runs_give_the_same_json_but_for_the_time_of_the_run(tmp_path: Path) -> None:
    args = [
        "audit",
        str(EXAMPLES / "sager.xlsx"),
        *REST,
        "--as-of",
        "2026-11-24",
        "--format",
        "json",
    ]
    first, second = (json.loads(invoke(*args)[1]) for _ in range(2))
    first.pop("generated_at")
    second.pop("generated_at")
    assert first == second
