"""The code lists of the code, the README and outputs.md §5 are one and the same."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bitcheck.audit.rules.registry import NOT_EVALUATED_REASONS
from bitcheck.i18n_codes import EVIDENCE_MEANINGS
from bitcheck.problems import ERROR_CODES, NOTE_CODES
from conftest import SHARED

README = Path(__file__).resolve().parents[1] / "README.md"


def readme_list(marker: str) -> list[str]:
    text = README.read_text(encoding="utf-8")
    block = text.split(f"<!-- {marker} -->")[1].split(f"<!-- /{marker} -->")[0]
    return re.findall(r"`([a-z0-9-]+)`", block)


def spec_list(label: str) -> list[str]:
    outputs = SHARED / "spec" / "outputs.md"
    if not outputs.exists():
        pytest.skip("../shared/spec is not beside the repository")
    line = next(
        ln for ln in outputs.read_text(encoding="utf-8").split("- **") if ln.startswith(label)
    )
    return re.findall(r"`([a-z0-9-]+)`", line.split("\n- ")[0])


def test_readme_lists_every_code() -> None:
    assert readme_list("error-codes") == list(ERROR_CODES)
    assert readme_list("note-codes") == list(NOTE_CODES)
    assert readme_list("not-evaluated-codes") == list(NOT_EVALUATED_REASONS)
    assert readme_list("evidence-codes") == list(EVIDENCE_MEANINGS)


def test_rules_codes_prints_the_same_lists() -> None:
    import json

    from click.testing import CliRunner

    from bitcheck.cli import cli

    result = CliRunner().invoke(cli, ["rules", "--codes", "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {
        "error": list(ERROR_CODES),
        "note": list(NOTE_CODES),
        "not_evaluated": list(NOT_EVALUATED_REASONS),
        "evidence": list(EVIDENCE_MEANINGS),
    }


def test_spec_lists_the_same_not_evaluated_reasons() -> None:
    rules = SHARED / "spec" / "rules.md"
    if not rules.exists():
        pytest.skip("../shared/spec is not beside the repository")
    table = (
        rules.read_text(encoding="utf-8")
        .split("## When a rule is silent")[1]
        .split("Precedence")[0]
    )
    named = set(re.findall(r"`([a-z]+(?:-[a-z]+)+)`", table))
    assert named >= set(NOT_EVALUATED_REASONS)


def test_spec_lists_the_same_codes() -> None:
    assert spec_list("Error codes") == list(ERROR_CODES)
    assert spec_list("Note codes") == list(NOTE_CODES)


def test_every_code_has_a_message_in_both_languages() -> None:
    from bitcheck.i18n import MESSAGES

    for code in (*ERROR_CODES, *NOTE_CODES):
        assert set(MESSAGES[code]) == {"da", "en"}, code


def test_every_reason_has_danish_words() -> None:
    """The Danish workbook writes not-evaluated and evidence reasons as words with the code."""
    from bitcheck.i18n_codes import EVIDENCE_MEANINGS, NOT_EVALUATED_MEANINGS, reason_words

    evidence = SHARED / "spec" / "outputs.md"
    if not evidence.exists():
        pytest.skip("../shared/spec is not beside the repository")
    section = evidence.read_text(encoding="utf-8").split("## 8.")[1].split("## 9.")[0]
    evidence_reasons = re.findall(r"^\| `([a-z-]+)` \|", section, re.MULTILINE)
    assert len(evidence_reasons) == 8
    assert list(NOT_EVALUATED_MEANINGS) == list(NOT_EVALUATED_REASONS)
    assert list(EVIDENCE_MEANINGS) == evidence_reasons
    for table in (NOT_EVALUATED_MEANINGS, EVIDENCE_MEANINGS):
        for code, words in table.items():
            assert set(words) == {"da", "en"} and all(words.values()), code
    assert reason_words("no-nights", "da") == "intet registreret om natten (no-nights)"
    assert reason_words("no-nights", "en") == "no-nights"


def test_every_code_has_a_meaning_in_both_languages() -> None:
    from bitcheck.i18n_codes import ERROR_MEANINGS, NOTE_MEANINGS

    assert list(ERROR_MEANINGS) == list(ERROR_CODES)
    assert list(NOTE_MEANINGS) == list(NOTE_CODES)
    for table in (ERROR_MEANINGS, NOTE_MEANINGS):
        for code, words in table.items():
            assert set(words) == {"da", "en"} and all(words.values()), code


def test_rules_codes_table_gives_each_code_its_meaning() -> None:
    from click.testing import CliRunner

    from bitcheck.cli import cli

    danish = CliRunner().invoke(cli, ["rules", "--codes", "--format", "markdown"])
    assert danish.exit_code == 0
    lines = danish.stdout.splitlines()
    assert [cell.strip() for cell in lines[0].split("|")[1:4]] == ["Art", "Kode", "Betydning"]
    assert "| datafejl " in danish.stdout and "| ikke vurderet " in danish.stdout
    row = next(line for line in lines if "| no-need-range " in line)
    assert "takstrækken har intet niveauinterval" in row
    english = CliRunner().invoke(cli, ["rules", "--codes", "--lang", "en", "--format", "markdown"])
    row = next(line for line in english.stdout.splitlines() if "| invalid-cpr " in line)
    assert "not a CPR number" in row and row.startswith("| error ")


def test_every_rule_has_a_danish_name_in_danish_output() -> None:
    from click.testing import CliRunner

    from bitcheck.audit.rules import RULES
    from bitcheck.cli import cli
    from bitcheck.i18n_rules import RULE_TITLES_DA

    assert list(RULE_TITLES_DA) == list(RULES)
    assert len(set(RULE_TITLES_DA.values())) == len(RULES)
    danish = CliRunner().invoke(cli, ["rules", "--format", "markdown"]).stdout
    english = CliRunner().invoke(cli, ["rules", "--format", "markdown", "--lang", "en"]).stdout
    assert re.search(r"^\| N1 +\| behov over bevilling +\|", danish, re.MULTILINE)
    assert re.search(r"^\| N1 +\| need-above-grant +\|", english, re.MULTILINE)
    assert "need-above-grant" not in danish
