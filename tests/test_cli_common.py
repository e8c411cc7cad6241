"""The options every command takes after its name (cli.md "Options common to every command")."""

from __future__ import annotations

import json
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
    assert lines[0] == "bitcheck: settings: no bitcheck.toml; the defaults apply"
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


EXAMPLES_DIR = Path(EXAMPLE_CASES).parent
REFUSED = [
    (["rules"], "r.xlsx"),
    (["rules"], "r.csv"),
    (["explain", "882070", EXAMPLE_CASES, "--as-of", "2026-11-24"], "e.xlsx"),
    (["explain", "882070", EXAMPLE_CASES, "--as-of", "2026-11-24"], "e.csv"),
    (["sample", EXAMPLE_CASES, "--as-of", "2026-11-24"], "s.csv"),
    (["reveal", "B-0000000000", "--cases", EXAMPLE_CASES], "rv.xlsx"),
    (["validate", EXAMPLE_CASES], "v.xlsx"),
    (["timelog", str(EXAMPLES_DIR / "doegnskemaer")], "t.csv"),
    (["history"], "h.csv"),
    (["verify", "r.json", "--cases", EXAMPLE_CASES], "v.csv"),
    (["batch"], "b.csv"),
]


@pytest.mark.parametrize(("args", "name"), REFUSED, ids=[f"{a[0]}-{n}" for a, n in REFUSED])
def test_a_format_a_command_does_not_write_is_refused(
    tmp_path: Path, args: list[str], name: str
) -> None:
    """Never a terminal table saved under an .xlsx or .csv name."""
    target = tmp_path / name
    result = CliRunner().invoke(cli, [*args, "-o", str(target), "--lang", "en"])
    assert result.exit_code == 2 and not target.exists()
    said = "batch writes each job's report where" if args[0] == "batch" else f"{args[0]} writes "
    assert result.stderr.startswith(f"bitcheck: {said}")
    if target.suffix == ".csv":  # xlsx is no --format choice; click refuses it
        as_option = CliRunner().invoke(cli, [*args, "--format", "csv", "--lang", "en"])
        assert as_option.exit_code == 2 and as_option.stderr.startswith(f"bitcheck: {said}")


@pytest.mark.parametrize(
    "args",
    [["schema", "--format", "csv"], ["template", "cases", "--format", "csv", "-o", "t.xlsx"]],
    ids=["schema", "template"],
)
def test_schema_and_template_refuse_a_format_they_do_not_write(args: list[str]) -> None:
    result = CliRunner().invoke(cli, [*args, "--lang", "en"])
    assert result.exit_code == 2 and f"bitcheck: {args[0]} writes " in result.stderr
    assert not Path("t.xlsx").exists()


def test_verify_writes_its_verdict_to_the_file_named_by_o(tmp_path: Path) -> None:
    report = tmp_path / "r.json"
    audit = ["audit", EXAMPLE_CASES, "--as-of", "2026-11-24", "-o", str(report)]
    assert CliRunner().invoke(cli, audit).exit_code == 0
    verdict = tmp_path / "v.json"
    args = ["verify", str(report), "--cases", EXAMPLE_CASES, "-o", str(verdict)]
    result = CliRunner().invoke(cli, args)
    assert (result.exit_code, result.stdout) == (0, "")
    assert json.loads(verdict.read_text(encoding="utf-8"))["matches"] is True
    lines = tmp_path / "v.md"
    assert CliRunner().invoke(cli, [*args[:-1], str(lines), "--lang", "en"]).exit_code == 0
    assert lines.read_text(encoding="utf-8").strip() != ""
