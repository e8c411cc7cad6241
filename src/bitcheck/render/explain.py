"""`bitcheck explain` on a terminal or as markdown (JSON is the trace itself)."""

from __future__ import annotations

import json

from bitcheck import i18n
from bitcheck.audit.rules import RULES
from bitcheck.render.tables import markdown_table, render_terminal
from bitcheck.report.explain_case import CaseTrace
from bitcheck.report.timelog import prune


def _value(value: object) -> str:
    if isinstance(value, float):
        return f"{value:,.2f}".replace(",", " ")
    return "-" if value is None else str(value)


def _rows(trace: CaseTrace) -> tuple[list[list[object]], list[list[object]]]:
    steps: list[list[object]] = [
        [s.quantity, _value(s.value), s.unit or "", s.formula, json.dumps(s.inputs, ensure_ascii=False, default=str),
         "; ".join(_where(x.file, x.sheet, x.row, x.last_row) for x in s.sources)]
        for s in trace.steps
    ]  # fmt: skip
    rules: list[list[object]] = [
        [r.code, r.outcome, _value(r.margin), RULES[r.code].margin_unit or "", r.reason or ""]
        for r in trace.rules
    ]
    return steps, rules


STEP_HEADERS = ["quantity", "value", "unit", "formula", "inputs", "sources"]
RULE_HEADERS = ["code", "outcome", "margin", "margin_unit", "reason"]


def _where(file: str, sheet: str | None, row: int | None, last_row: int | None) -> str:
    rows = f"{row}-{last_row}" if last_row else f"{row}"
    return f"{file}!{sheet}!{rows}" if sheet else f"{file}!{rows}"


def render_traces(
    traces: list[CaseTrace], output_format: str, lang: str, as_list: bool, reveal_cpr: bool
) -> str:
    if output_format == "json":
        data = [t.model_dump(mode="json") for t in traces]
        prune(data, reveal_cpr)
        return json.dumps(data if as_list else data[0], indent=2, ensure_ascii=False)
    parts: list[str] = []
    for trace in traces:
        steps, rules = _rows(trace)
        title = f"{i18n.label('case_id', lang)} {trace.case.case_id} ({trace.case.subject}), {trace.as_of.isoformat()}"
        if output_format == "markdown":
            parts += [
                f"## {title}",
                "",
                markdown_table(STEP_HEADERS, steps),
                "",
                markdown_table(RULE_HEADERS, rules),
                "",
            ]
        else:
            parts.append(render_terminal([(title, STEP_HEADERS, steps), ("", RULE_HEADERS, rules)]))
    return "\n".join(parts)
