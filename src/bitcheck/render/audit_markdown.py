"""The audit as markdown: the summary (citizen and payment side by side) and the findings."""

from __future__ import annotations

from bitcheck import i18n
from bitcheck.i18n_rules import DIRECTION_NAMES, NOTICE, SEVERITY_NAMES
from bitcheck.render.audit_terminal import (
    amounts_text,
    cpr_revealed,
    providers_table,
    rules_table,
    sides_table,
    watch_text,
)
from bitcheck.render.tables import markdown_table
from bitcheck.report.audit_models import AuditReport
from bitcheck.report.context import not_given_texts, thresholds_text
from bitcheck.report.filters import left_out_text


def render_markdown(report: AuditReport, lang: str, by_provider: bool = False) -> str:
    title, headers, rows = sides_table(report, lang)
    left_out = left_out_text(report, lang)
    parts = [f"# {title}", "", f"> {NOTICE[lang]}", ""]
    parts += [f"> **{left_out}**", ""] if left_out else []
    parts += [line for text in not_given_texts(report, lang) for line in (f"> {text}", "")]
    parts += [amounts_text(lang), "", thresholds_text(report, lang), ""]
    parts += [watch_text(report, lang), ""] if report.watch else []
    parts += [markdown_table(headers, rows), ""]
    rule_title, rule_headers, rule_rows = rules_table(report, lang)
    parts += [f"## {rule_title}", "", markdown_table(rule_headers, rule_rows), ""]
    if by_provider:
        title_p, headers_p, rows_p = providers_table(report, lang)
        parts += [f"## {title_p}", "", markdown_table(headers_p, rows_p), ""]
    reveal = cpr_revealed(report)
    keys: tuple[str, ...] = (
        "direction", "severity", "case_id", "subject", "cpr", "code", "explanation"
    )  # fmt: skip
    finding_rows: list[list[object]] = [
        [
            DIRECTION_NAMES[f.direction][lang],
            SEVERITY_NAMES[f.severity][lang],
            f.case_id,
            f.subject,
            *([f.cpr] if reveal else []),
            f.code,
            f.explanation,
        ]
        for f in report.findings
    ]
    keys = tuple(k for k in keys if reveal or k != "cpr")
    parts += [f"## {i18n.label('findings', lang)} ({len(report.findings)})", ""]
    parts.append(markdown_table([i18n.label(k, lang) for k in keys], finding_rows))
    return "\n".join(parts) + "\n"
