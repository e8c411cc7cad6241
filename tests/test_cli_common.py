"""The options every command takes after its name (cli.md "Options common to every command")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from bitcheck import __version__
from bitcheck.cli import cli

COMMANDS = sorted(cli.commands)


def test_every_command_is_checked() -> None:
    assert {"audit", "timelog", "validate", "sample", "explain", "rules", "batch"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_version_is_accepted_after_the_command_name(command: str) -> None:
    """Even without the command's required arguments, as `--help` is."""
    result = CliRunner().invoke(cli, [command, "--version"])
    assert (result.exit_code, result.stdout) == (0, f"bitcheck, version {__version__}\n")


def test_version_before_the_command_name_still_works() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert (result.exit_code, result.stdout) == (0, f"bitcheck, version {__version__}\n")


EXAMPLE_CASES = str(Path(__file__).resolve().parents[1] / "examples" / "sager.xlsx")


def test_verbose_tells_the_settings_the_output_and_the_time(tmp_path: Path) -> None:
    target = tmp_path / "rapport.json"
    args = ["audit", EXAMPLE_CASES, "--as-of", "2026-11-24", "-o", str(target), "--lang", "en"]
    assert CliRunner().invoke(cli, args).stderr == ""
    lines = CliRunner().invoke(cli, [*args, "--verbose"]).stderr.splitlines()
    assert lines[0] == "bitcheck: settings: - (- is the defaults)"
    assert lines[1] == f"bitcheck: wrote {target}"
    assert re.fullmatch(r"bitcheck: done in [0-9]+\.[0-9] s, exit status 0", lines[2])


def test_verbose_masks_a_cpr_number_in_a_file_name(tmp_path: Path) -> None:
    target = tmp_path / "rapport 010190-1234.json"
    args = ["audit", EXAMPLE_CASES, "--as-of", "2026-11-24", "-o", str(target), "--verbose"]
    stderr = CliRunner().invoke(cli, args).stderr
    assert "rapport ######-####.json" in stderr and "010190-1234" not in stderr


@pytest.mark.parametrize(
    ("args", "danish"),
    [
        (["audit", EXAMPLE_CASES, "-o", "rapport.txt"], "rapport.txt: ukendt filtype; brug .json"),
        (["audit", EXAMPLE_CASES, "-o", "r.json", "--format", "markdown"], "passer ikke med"),
        (
            ["validate", EXAMPLE_CASES, "-o", "r.csv"],
            "validate skriver table, markdown, json, ikke",
        ),
        (["template", "time_log"], "angiv arbejdsbogen, der skal skrives, med -o FIL.xlsx"),
        (["reveal", "B-12", "--cases", EXAMPLE_CASES], "B-12 er ikke et pseudonym"),
    ],
    ids=["suffix", "disagrees", "not-offered", "template", "pseudonym"],
)
def test_usage_errors_speak_danish(args: list[str], danish: str) -> None:
    result = CliRunner().invoke(cli, [*args, "--lang", "da"])
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert danish in result.stderr, result.stderr
