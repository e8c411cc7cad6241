"""`bitcheck rules`: the catalogue with the thresholds in force; `--codes`: every code."""

from __future__ import annotations

import json

from bitcheck import i18n
from bitcheck.audit.rules import RULES, RULES_VERSION
from bitcheck.audit.rules.registry import NOT_EVALUATED_REASONS
from bitcheck.i18n_codes import EVIDENCE_MEANINGS, meaning
from bitcheck.i18n_rules import (
    DIRECTION_NAMES,
    GRANTS_PARAGRAPH,
    SEVERITY_NAMES,
    legal_basis_text,
    rule_title,
)
from bitcheck.problems import ERROR_CODES, NOTE_CODES
from bitcheck.render.tables import markdown_table, render_terminal
from bitcheck.report.context import setting_number
from bitcheck.settings import Settings

HEADERS = ("code", "rule", "direction", "severity", "thresholds", "legal_basis")


def thresholds(settings: Settings, names: tuple[str, ...], lang: str = "en") -> str:
    """`tariff_tolerance = 0,02` (decimal comma in Danish), review months per paragraph."""
    values = settings.public_dict()
    parts = []
    for name in names:
        value = values[name]
        if isinstance(value, dict):
            value = ", ".join(f"§ {k} = {v}" for k, v in sorted(value.items()))
        else:
            value = setting_number(value, lang)
        parts.append(f"{name} = {value}")
    return "; ".join(parts)


def rule_rows(settings: Settings, lang: str) -> list[list[object]]:
    return [
        [code, rule_title(code, rule.name, lang), DIRECTION_NAMES[rule.direction.value][lang], SEVERITY_NAMES[rule.severity.value][lang],
         thresholds(settings, rule.thresholds, lang), legal_basis_text(rule.legal_basis, lang).format(paragraph=GRANTS_PARAGRAPH[lang])]
        for code, rule in RULES.items()
    ]  # fmt: skip


def render_rules(settings: Settings, output_format: str, lang: str) -> str:
    if output_format == "json":
        rows = [
            {"code": code, "name": rule.name, "direction": rule.direction.value, "severity": rule.severity.value,
             "thresholds": {name: settings.public_dict()[name] for name in rule.thresholds},
             "legal_basis": rule.legal_basis}
            for code, rule in RULES.items()
        ]  # fmt: skip
        return json.dumps(
            {"rules_version": RULES_VERSION, "rules": rows}, indent=2, ensure_ascii=False
        )
    headers = [i18n.label(key, lang) for key in HEADERS]
    if output_format == "markdown":
        return markdown_table(headers, rule_rows(settings, lang)) + "\n"
    title = f"{i18n.label('rules', lang)} (version {RULES_VERSION})"
    return render_terminal([(title, headers, rule_rows(settings, lang))])


# (kind in JSON, its label, its codes), in the order they are listed
CODE_GROUPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("error", "error", ERROR_CODES),
    ("note", "note", NOTE_CODES),
    ("not_evaluated", "not_evaluated_reason", NOT_EVALUATED_REASONS),
    ("evidence", "evidence_reason", tuple(EVIDENCE_MEANINGS)),
)


def render_codes(settings: Settings, output_format: str, lang: str) -> str:
    if output_format == "json":
        return json.dumps({kind: list(codes) for kind, _, codes in CODE_GROUPS}, indent=2)
    rows: list[list[object]] = [
        [i18n.label(label, lang), code, meaning(code, lang)]
        for _, label, codes in CODE_GROUPS
        for code in codes
    ]
    headers = [i18n.label(key, lang) for key in ("kind", "code", "meaning")]
    if output_format == "markdown":
        return markdown_table(headers, rows) + "\n"
    return render_terminal([(i18n.label("code_list", lang), headers, rows)])
