"""`bitcheck explain` on a terminal or as markdown (JSON is the trace itself)."""

from __future__ import annotations

import json

from bitcheck import i18n
from bitcheck.audit.rules import RULES
from bitcheck.i18n_codes import reason_words
from bitcheck.i18n_fields import header
from bitcheck.i18n_rules import OUTCOME_NAMES
from bitcheck.render.sources import sources_text
from bitcheck.render.tables import markdown_table, render_terminal
from bitcheck.report.explain import day_text, day_text_of
from bitcheck.report.explain_case import CaseTrace, RuleTrace, Step
from bitcheck.report.timelog import prune

STEP_COLUMNS = ("quantity", "value", "unit", "formula", "inputs", "sources")
RULE_COLUMNS = ("code", "outcome", "margin", "margin_unit", "reason")


COUNTED_UNITS = frozenset({"days", "minutes", "level", "levels"})  # whole numbers, no decimals


def _value(value: object, lang: str, unit: str | None = None) -> str:
    """A float as the language writes it (1.234,50; 1,234.50), days and other counts without
    decimals when whole; none as `-`."""
    if isinstance(value, float):
        whole = unit in COUNTED_UNITS and value.is_integer()
        return i18n.number(value, lang, 0 if whole else 2)
    return "-" if value is None else str(value)


def _step_value(step: Step, lang: str) -> str:
    if step.unit == "date" and isinstance(step.value, str):
        return day_text(step.value, lang)
    return _value(step.value, lang, step.unit)


def _step_row(step: Step, lang: str) -> list[object]:
    return [
        header(step.quantity, lang), _step_value(step, lang), i18n.unit_text(step.unit, lang),
        step.formula, _inputs(step.inputs, lang),
        sources_text(step.sources),
    ]  # fmt: skip


def _inputs(inputs: dict[str, object], lang: str) -> str:
    """`name = value; ...` with the names the formula uses and numbers as the language writes
    them (JSON keeps every digit)."""
    return "; ".join(f"{name} = {_input_value(value, lang)}" for name, value in inputs.items())


def _input_value(value: object, lang: str) -> str:
    if isinstance(value, bool):
        return i18n.label("yes" if value else "no", lang)
    if isinstance(value, int | float):
        return i18n.number(value, lang, 0 if float(value).is_integer() else 2)
    if isinstance(value, dict):
        inner = ", ".join(f"{k} = {_input_value(v, lang)}" for k, v in value.items())
        return f"({inner})"
    if isinstance(value, list):
        return ", ".join(_input_value(item, lang) for item in value) or "-"
    day = day_text_of(value, lang) if isinstance(value, str) else None
    if day is not None:
        return day
    return "-" if value is None else str(value)


def _rule_row(rule: RuleTrace, lang: str) -> list[object]:
    return [
        rule.code, OUTCOME_NAMES[rule.outcome][lang],
        _value(rule.margin, lang, RULES[rule.code].margin_unit),
        i18n.unit_text(RULES[rule.code].margin_unit, lang),
        reason_words(rule.reason, lang) if rule.reason else "",
    ]  # fmt: skip


def _headers(columns: tuple[str, ...], lang: str) -> list[str]:
    return [header(column, lang) for column in columns]


def _title(trace: CaseTrace, lang: str, reveal_cpr: bool) -> str:
    case = trace.case
    who = f"{case.subject}, {case.cpr}" if reveal_cpr and case.cpr else case.subject
    return f"{i18n.label('case_id', lang)} {case.case_id} ({who}), {day_text(trace.as_of, lang)}"


def render_traces(
    traces: list[CaseTrace], output_format: str, lang: str, as_list: bool, reveal_cpr: bool
) -> str:
    if output_format == "json":
        data = [t.model_dump(mode="json") for t in traces]
        prune(data, reveal_cpr)
        return json.dumps(data if as_list else data[0], indent=2, ensure_ascii=False)
    step_headers, rule_headers = _headers(STEP_COLUMNS, lang), _headers(RULE_COLUMNS, lang)
    parts: list[str] = []
    for trace in traces:
        steps = [_step_row(s, lang) for s in trace.steps]
        rules = [_rule_row(r, lang) for r in trace.rules]
        if output_format == "markdown":
            parts += [
                f"## {_title(trace, lang, reveal_cpr)}",
                "",
                markdown_table(step_headers, steps),
                "",
                markdown_table(rule_headers, rules),
                "",
            ]
        else:
            tables = [
                (_title(trace, lang, reveal_cpr), step_headers, steps),
                ("", rule_headers, rules),
            ]
            parts.append(render_terminal(tables))
    return "\n".join(parts)
