"""`bitcheck validate` as a terminal table, markdown or JSON."""

from __future__ import annotations

from bitcheck import i18n
from bitcheck.render.tables import markdown_table, render_terminal
from bitcheck.report.validation import ValidationReport

TERMINAL_LIMIT = 50
INPUT_COLUMNS = ("file", "kind", "layout", "rows_read", "rows_accepted", "rows_rejected")
PROBLEM_COLUMNS = ("code", "message")


def _input_rows(report: ValidationReport, lang: str) -> list[list[object]]:
    return [
        [i.path, i18n.kind_name(i.kind, lang), i18n.layout_name(i.layout, lang), i.rows_read,
         i.rows_accepted, i.rows_rejected]
        for i in report.inputs
    ]  # fmt: skip


def _headers(keys: tuple[str, ...], lang: str) -> list[str]:
    return [i18n.label(key, lang) for key in keys]


def render_json(report: ValidationReport) -> str:
    return report.model_dump_json(indent=2)


def render_table(report: ValidationReport, lang: str) -> str:
    errors: list[list[object]] = [[e.code, e.message] for e in report.errors]
    notes: list[list[object]] = [[n.code, n.message] for n in report.notes]
    tables: list[tuple[str, list[str], list[list[object]]]] = [
        (i18n.label("inputs", lang), _headers(INPUT_COLUMNS, lang), _input_rows(report, lang))
    ]
    lines: list[str] = []
    for key, rows in (("errors", errors), ("notes", notes)):
        if rows:
            title = f"{i18n.label(key, lang)} ({len(rows)})"
            tables.append((title, _headers(PROBLEM_COLUMNS, lang), rows[:TERMINAL_LIMIT]))
            if len(rows) > TERMINAL_LIMIT:
                lines.append(i18n.message("more-rows", lang, shown=TERMINAL_LIMIT, total=len(rows)))
        else:
            lines.append(i18n.label(f"no_{key}", lang))
    return render_terminal(tables, lines)


def render_markdown(report: ValidationReport, lang: str) -> str:
    parts = [
        f"## {i18n.label('inputs', lang)}",
        "",
        markdown_table(_headers(INPUT_COLUMNS, lang), _input_rows(report, lang)),
    ]
    for key, records in (("errors", report.errors), ("notes", report.notes)):
        parts += ["", f"## {i18n.label(key, lang)} ({len(records)})", ""]
        rows = [[r.code, r.message] for r in records]
        parts.append(
            markdown_table(_headers(PROBLEM_COLUMNS, lang), rows)
            if rows
            else i18n.label(f"no_{key}", lang)
        )
    return "\n".join(parts) + "\n"
