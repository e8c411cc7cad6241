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

# rules.md, "What each finding carries", column "legal basis" (T2 "as T1"; N1/N2 name the grant's
# paragraph; "—" is no legal basis)
SPEC_LEGAL_BASES = {
    "N1": "SEL § 1 stk. 3; SEL § {paragraph}",
    "N2": "SEL § 1 stk. 3; SEL § {paragraph}",
    "T1": "the provider's tariff (rammeaftale, takstbekendtgørelsen)",
    "T2": "the provider's tariff (rammeaftale, takstbekendtgørelsen)",
    "T3": "the grant of extra support (SEL § 1 stk. 3)",
    "T4": "SEL § 148 stk. 2",
    "T5": "",
    "D1": "SEL § 148 stk. 2",
    "D2": "SEL § 148 stk. 2",
    "D3": "SEL § 148 stk. 2",
    "D4": "",
    "D5": "",
    "R1": "SEL § 148 stk. 2",
    "R2": "SEL § 148 stk. 2",
    "R3": "SEL § 107 (a temporary stay)",
    "R4": "the decision's end date",
    "R5": "SEL § 141; VUM indsatsmål",
}


def test_legal_bases_are_the_texts_of_the_rule_catalogue() -> None:
    assert {code: rule.legal_basis for code, rule in RULES.items()} == SPEC_LEGAL_BASES


def test_prose_around_a_law_reference_is_translated() -> None:
    assert legal_basis_text(RULES["T3"].legal_basis, "da") == (
        "bevillingen af ekstra støtte (SEL § 1 stk. 3)"
    )
    assert legal_basis_text(RULES["R3"].legal_basis, "da") == "SEL § 107 (midlertidigt ophold)"


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


def test_the_rules_table_names_the_grants_paragraph_in_words() -> None:
    for lang, words in (("da", "(bevillingens paragraf)"), ("en", "(the grant's paragraph)")):
        table = CliRunner().invoke(cli, ["rules", "--lang", lang, "--format", "markdown"]).stdout
        n1 = next(line for line in table.splitlines() if line.startswith("| N1"))
        assert f"SEL § 1 stk. 3; SEL § {words}" in n1 and "…" not in n1


def test_the_rules_table_writes_thresholds_with_the_languages_decimal_mark() -> None:
    for lang, text in (("da", "tariff_tolerance = 0,02"), ("en", "tariff_tolerance = 0.02")):
        table = CliRunner().invoke(cli, ["rules", "--lang", lang, "--format", "markdown"]).stdout
        assert text in table


def test_a_small_threshold_is_written_out_in_the_rules_table(tmp_path: Path) -> None:
    config = tmp_path / "bitcheck.toml"
    config.write_text("tariff_tolerance = 0.00001\n", encoding="utf-8")
    args = ["rules", "--config", str(config), "--format", "markdown"]
    assert "tariff_tolerance = 0,00001" in CliRunner().invoke(cli, [*args, "--lang", "da"]).stdout
    assert "tariff_tolerance = 0.00001" in CliRunner().invoke(cli, [*args, "--lang", "en"]).stdout
