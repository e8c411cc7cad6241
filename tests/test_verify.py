"""`bitcheck verify`: a report is checked against its inputs."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from bitcheck.cli import cli
from bitcheck.verify import Difference

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


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Reports made with and without the time logs: each differs from the other's inputs."""
    folder = tmp_path_factory.mktemp("verify")
    args = ["audit", str(EXAMPLES / "sager.xlsx"), "--as-of", "2026-11-24"]
    assert invoke(*args, *REST, "-o", str(folder / "with.json"))[0] == 0
    assert invoke(*args, *REST[:2], "-o", str(folder / "without.json"))[0] == 0
    return folder / "with.json", folder / "without.json"


def verify_lines(report: Path, lang: str, *rest: str) -> tuple[int, list[str]]:
    cases = str(EXAMPLES / "sager.xlsx")
    code, out = invoke("verify", str(report), "--cases", cases, *rest, "--lang", lang)
    return code, out.splitlines()


def matching(pattern: str, lines: list[str]) -> bool:
    return any(re.fullmatch(pattern, line) for line in lines)


def test_verify_speaks_danish_with_lang_da(reports: tuple[Path, Path]) -> None:
    with_logs, without_logs = reports
    assert verify_lines(with_logs, "da", *REST) == (
        0,
        ["OK: rapporten er, hvad dens inddata giver"],
    )
    code, gone = verify_lines(with_logs, "da", *REST[:2])
    assert code == 1
    assert matching(r"rapportens inddata er ikke givet eller er ændret: .+ \(sha256 \w+\)", gone)
    assert matching(r"rapportens fund D1 på sag \d+ findes ikke igen", gone)
    code, new = verify_lines(without_logs, "da", *REST)
    assert code == 1
    assert matching(r"inddata, der ikke er i rapporten: .+ \(sha256 \w+\)", new)
    assert matching(r"fund D1 på sag \d+ er ikke i rapporten", new)
    english = ("OK:", "input", "finding", "report", " case ", " given", " found")
    assert [word for word in english if word in "\n".join(gone + new)] == []


def test_verify_is_unchanged_with_lang_en(reports: tuple[Path, Path]) -> None:
    with_logs, without_logs = reports
    assert verify_lines(with_logs, "en", *REST) == (0, ["OK: the report is what its inputs give"])
    code, gone = verify_lines(with_logs, "en", *REST[:2])
    assert code == 1
    assert matching(r"input of the report not given or changed: .+ \(sha256 \w+\)", gone)
    assert matching(r"finding D1 on case \d+ of the report is not found again", gone)
    code, new = verify_lines(without_logs, "en", *REST)
    assert matching(r"input not in the report: .+ \(sha256 \w+\)", new)
    assert matching(r"finding D1 on case \d+ is not in the report", new)


def test_the_json_verdict_is_the_same_in_both_languages(reports: tuple[Path, Path]) -> None:
    cases = str(EXAMPLES / "sager.xlsx")
    danish, english = (
        invoke(
            "verify",
            str(reports[0]),
            "--cases",
            cases,
            *REST[:2],
            "--lang",
            lang,
            "--format",
            "json",
        )
        for lang in ("da", "en")
    )
    assert danish == english
    assert "input of the report not given or changed: " in danish[1]


def test_a_changed_value_names_the_field_in_the_language() -> None:
    params = {"code": "T1", "case_id": "197096", "field": "observed", "before": 1.5, "now": 2.5}
    changed = Difference("finding-changed", params)
    assert changed.text("da") == "fund T1 på sag 197096: Observeret 1.5 -> 2.5"
    assert changed.text("en") == "finding T1 on case 197096: observed 1.5 -> 2.5"


def test_a_file_that_is_no_report_is_named_in_the_language(tmp_path: Path) -> None:
    bad = tmp_path / "r.json"
    bad.write_text("{}", encoding="utf-8")
    cases = str(EXAMPLES / "sager.xlsx")
    danish, english = (
        CliRunner().invoke(cli, ["verify", str(bad), "--cases", cases, "--lang", lang])
        for lang in ("da", "en")
    )
    assert (danish.exit_code, english.exit_code) == (2, 2)
    assert "r.json: ikke en bitcheck-rapport med manifest ('as_of')" in danish.stderr
    assert "r.json: not a bitcheck report with a manifest ('as_of')" in english.stderr


@pytest.mark.parametrize(
    ("name", "content"), [("r.csv", b"x\n"), ("r.md", b"# x\n"), ("r.xlsx", b"PK")]
)
def test_a_file_that_is_no_report_is_one_line_and_status_2(
    tmp_path: Path, name: str, content: bytes
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    args = ["verify", str(path), "--cases", str(EXAMPLES / "sager.xlsx"), "--lang", "en"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"bitcheck: {path}: not a bitcheck report")
    assert "internal error" not in result.stderr


@pytest.mark.parametrize(
    "manifest",
    [
        {"as_of": "2026-11-24", "settings": {}, "inputs": [], "findings": [{"x": 1}]},
        {"as_of": "2026-11-24", "settings": "x", "inputs": "y", "findings": "z"},
        {"as_of": "2026-11-24", "settings": {"tariff_tolerance": "x"}, "inputs": [],
         "findings": []},
    ],
    ids=["finding", "parts", "settings"],
)  # fmt: skip
def test_hand_made_json_that_is_no_report_is_one_line(
    tmp_path: Path, manifest: dict[str, object]
) -> None:
    path = tmp_path / "r.json"
    path.write_text(json.dumps(manifest), encoding="utf-8")
    args = ["verify", str(path), "--cases", str(EXAMPLES / "sager.xlsx"), "--lang", "en"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2 and "internal error" not in result.stderr
    assert result.stderr.startswith(f"bitcheck: {path}: not a bitcheck report")


def test_the_verdict_masks_a_cpr_number_in_the_reports_path(tmp_path: Path) -> None:
    folder = tmp_path / "120485-1234"
    folder.mkdir()
    report = folder / "r.json"
    audit = ["audit", str(EXAMPLES / "sager.xlsx"), "--as-of", "2026-11-24", "-o", str(report)]
    assert CliRunner().invoke(cli, audit).exit_code == 0
    args = ["verify", str(report), "--cases", str(EXAMPLES / "sager.xlsx"), "--format", "json"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0 and "120485-1234" not in result.stdout
    assert "######-####" in json.loads(result.stdout)["report"]


@pytest.mark.parametrize("suffix", [".xlsx", ".json"])
def test_a_timelog_summary_is_told_apart_from_a_report(tmp_path: Path, suffix: str) -> None:
    summary = tmp_path / f"resume{suffix}"
    logs = str(EXAMPLES / "doegnskemaer")
    made = CliRunner().invoke(cli, ["timelog", logs, "--as-of", "2026-11-24", "-o", str(summary)])
    assert made.exit_code == 0, made.output
    args = ["verify", str(summary), "--cases", str(EXAMPLES / "sager.xlsx")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert result.stderr == (
        f"bitcheck: {summary}: et resumé fra bitcheck timelog har ingen fund at efterprøve; "
        "giv en rapport fra bitcheck audit\n"
    )
