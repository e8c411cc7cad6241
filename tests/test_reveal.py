"""`bitcheck reveal`: pseudonyms back to CPR numbers for the caseworker who must act."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from bitcheck.cli import cli

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CASES = str(EXAMPLES / "sager.xlsx")


def first_case() -> dict[str, str]:
    """The first case of the example export, with its pseudonym under this run's key and CPR."""
    args = ["audit", CASES, "--as-of", "2026-11-24", "--format", "json", "--reveal-cpr"]
    case: dict[str, str] = json.loads(CliRunner().invoke(cli, args).stdout)["cases"][0]
    return case


def test_a_pseudonym_is_mapped_back_to_its_cpr_and_cases() -> None:
    case = first_case()
    args = ["reveal", case["subject"], "--cases", CASES, "--format", "json"]
    result = CliRunner().invoke(cli, args)
    assert (result.exit_code, result.stderr) == (0, "")
    ((found),) = json.loads(result.stdout)
    assert (found["pseudonym"], found["cpr"]) == (case["subject"], case["cpr"])
    assert case["case_id"] in found["case_ids"]


def test_an_unknown_pseudonym_is_a_question_mark_and_one_line_not_a_failure() -> None:
    """outputs.md §1 keeps status 1 for --fail-on, validate and verify."""
    args = ["reveal", "B-0000000000", "--cases", CASES, "--lang", "da"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0
    assert "?" in result.stdout
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("bitcheck: ikke fundet med denne nøgle (")
    assert "B-0000000000" in result.stderr


def test_a_text_that_is_no_pseudonym_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["reveal", "010190-1234", "--cases", CASES])
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "010190-1234" not in result.stderr
