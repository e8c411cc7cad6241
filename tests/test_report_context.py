"""Every audit report prints its thresholds (rules.md) and says which inputs were not given
(cli.md), so a reader knows what the findings rest on."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from bitcheck.cli import cli

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CASES = [str(EXAMPLES / "sager.xlsx"), "--as-of", "2026-11-24"]
TARIFFS = ["--tariffs", str(EXAMPLES / "takstkatalog.xlsx")]
LOGS = ["--timelogs", str(EXAMPLES / "doegnskemaer")]
NO_CATALOGUE = "Intet takstkatalog givet (--tariffs): N1, N2, T1, T2, T5 er ikke vurderet."
NO_LOGS = "Ingen døgnskemaer givet (--timelogs): T4, D1, D2, D3, D4, D5 er ikke vurderet."


def audit_text(*args: str, tmp_path: Path) -> str:
    """The audit's text in a format; the Excel report's Summary sheet as its cells' text."""
    if "xlsx" not in args:
        result = CliRunner().invoke(cli, ["audit", *CASES, *args])
        assert result.exit_code == 0, result.output
        return result.stdout
    target = tmp_path / "rapport.xlsx"
    rest = [arg for arg in args if arg != "xlsx"]
    assert CliRunner().invoke(cli, ["audit", *CASES, *rest, "-o", str(target)]).exit_code == 0
    sheet = openpyxl.load_workbook(target).worksheets[0]
    return "\n".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None)


FORMATS = [["--format", "table"], ["--format", "markdown"], ["xlsx"]]


@pytest.mark.parametrize("fmt", FORMATS, ids=["table", "markdown", "xlsx"])
def test_the_inputs_not_given_are_named_with_the_rules_they_leave_out(
    fmt: list[str], tmp_path: Path
) -> None:
    alone = audit_text(*fmt, tmp_path=tmp_path)
    assert NO_CATALOGUE in alone and NO_LOGS in alone
    with_tariffs = audit_text(*fmt, *TARIFFS, tmp_path=tmp_path)
    assert NO_CATALOGUE not in with_tariffs and NO_LOGS in with_tariffs
    complete = audit_text(*fmt, *TARIFFS, *LOGS, tmp_path=tmp_path)
    assert "ikke vurderet." not in complete


@pytest.mark.parametrize("fmt", FORMATS[:2], ids=["table", "markdown"])
def test_the_thresholds_of_the_run_are_printed(fmt: list[str], tmp_path: Path) -> None:
    config = tmp_path / "bitcheck.toml"
    config.write_text("tariff_tolerance = 0.03\n[review_months]\n107 = 9\n", encoding="utf-8")
    text = audit_text(*fmt, "--config", str(config), "--lang", "en", tmp_path=tmp_path)
    flat = " ".join(text.split())
    assert (
        "Thresholds (settings of bitcheck.toml): tariff_tolerance 0.03, delivery_tolerance 0.15,"
        in flat
    )
    assert "review_months_default 12 (§ 103: 6, § 107: 9)" in flat
    assert "watch_band 0.05, watch_review_days 30." in flat


@pytest.mark.parametrize("fmt", FORMATS[:2], ids=["table", "markdown"])
def test_what_the_annual_amounts_mean_is_said(fmt: list[str], tmp_path: Path) -> None:
    text = " ".join(audit_text(*fmt, tmp_path=tmp_path).split())
    assert (
        "Borger: hvad dækning af behovet kan koste; Betaling: muligvis betalt uden dækning." in text
    )


@pytest.mark.parametrize("fmt", FORMATS[:2], ids=["table", "markdown"])
def test_watch_items_are_counted_where_findings_are_listed(fmt: list[str], tmp_path: Path) -> None:
    near = audit_text(*fmt, *TARIFFS, *LOGS, "--as-of", "2026-12-20", tmp_path=tmp_path)
    assert "Nær en grænse (opmærksomhedspunkter, ikke fund): 3 (R1)" in " ".join(near.split())
    none = audit_text(*fmt, *TARIFFS, *LOGS, tmp_path=tmp_path)  # 24-11-2026: no watch item
    assert "Nær en grænse" not in none
