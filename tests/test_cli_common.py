"""The options every command takes after its name (cli.md "Options common to every command")."""

from __future__ import annotations

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
