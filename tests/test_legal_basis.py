"""The rules' legal bases in Danish: prose translated, law references as written."""

from __future__ import annotations

from bitcheck.audit.rules import RULES
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
