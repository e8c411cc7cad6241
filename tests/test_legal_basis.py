"""The rules' legal bases in Danish: prose translated, law references as written."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from bitcheck.audit.rules import RULES
from bitcheck.cli import cli
from bitcheck.i18n_rules import legal_basis_text


def test_every_legal_basis_in_prose_has_danish_words() -> None:
    for rule in RULES.values():
        if rule.legal_basis and "§" not in rule.legal_basis:
            assert legal_basis_text(rule.legal_basis, "da") != rule.legal_basis, rule.code


def test_law_references_and_english_stay_as_written() -> None:
    for rule in RULES.values():
        assert legal_basis_text(rule.legal_basis, "en") == rule.legal_basis
    assert legal_basis_text("SEL § 148 stk. 2", "da") == "SEL § 148 stk. 2"
    assert legal_basis_text("the decision's end date", "da") == "afgørelsens slutdato"


# --- shown where people read it: the rules table, the case cards and the Excel report ---

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
INPUTS = [
    str(EXAMPLES / "sager.xlsx"), "--tariffs", str(EXAMPLES / "takstkatalog.xlsx"),
    "--timelogs", str(EXAMPLES / "doegnskemaer"), "--as-of", "2026-11-24",
]  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "shown", "not_shown"),
    [("da", "afgørelsens slutdato", "the decision's end date"),
     ("en", "the decision's end date", "afgørelsens slutdato")],
)  # fmt: skip
def test_rules_table_speaks_the_language(lang: str, shown: str, not_shown: str) -> None:
    result = CliRunner().invoke(cli, ["rules", "--lang", lang, "--format", "markdown"])
    assert result.exit_code == 0, result.output
    assert shown in result.stdout and not_shown not in result.stdout
    assert "SEL § 148 stk. 2" in result.stdout


def test_rules_json_keeps_the_english_text() -> None:
    result = CliRunner().invoke(cli, ["rules", "--lang", "da", "--format", "json"])
    bases = {rule["legal_basis"] for rule in json.loads(result.stdout)["rules"]}
    assert "the decision's end date" in bases and "afgørelsens slutdato" not in bases


def test_cards_and_excel_in_danish_json_in_english(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["audit", *INPUTS, "--cards", str(tmp_path / "kort"),
              "-o", str(tmp_path / "r.xlsx")],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    cards = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "kort").glob("*.md"))
    assert "Hjemmel: afgørelsens slutdato" in cards
    assert "Hjemmel: tilbuddets takst (rammeaftale, takstbekendtgørelsen)" in cards
    assert "the decision's end date" not in cards
    book = openpyxl.load_workbook(tmp_path / "r.xlsx", read_only=True)
    cells = {
        c for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for c in row
    }
    assert "afgørelsens slutdato" in cells and "SEL § 148 stk. 2" in cells
    assert "the decision's end date" not in cells
