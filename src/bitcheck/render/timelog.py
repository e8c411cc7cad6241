"""`bitcheck timelog` as a terminal table or markdown (JSON is the report itself)."""

from __future__ import annotations

from bitcheck import i18n
from bitcheck.i18n_codes import reason_words
from bitcheck.render.tables import markdown_table, render_terminal
from bitcheck.report.explain import day_text
from bitcheck.report.timelog import TimeLogRecord, TimelogReport

COLUMNS = (
    "subject", "provider", "period", "period_days", "days_logged", "delivered_hours_week",
    "direct_hours", "indirect_hours", "night_awake_hours", "night_sleeping_hours",
    "evidence_grade", "problems",
)  # fmt: skip
CASE_COLUMNS = ("case_ids", "expected_hours_week")


def _row(log: TimeLogRecord, lang: str, with_cases: bool) -> list[object]:
    subject = f"{log.subject} ({log.cpr})" if log.cpr else log.subject
    row: list[object] = [
        subject,
        log.provider or "-",
        f"{day_text(log.period_start, lang)} - {day_text(log.period_end, lang)}",
        log.period_days,
        log.days_logged,
        i18n.number(log.delivered_hours_week, lang, 1),
        i18n.number(log.direct_hours, lang, 1),
        i18n.number(log.indirect_hours, lang, 1),
        i18n.number(log.night_awake_hours, lang, 1),
        i18n.number(log.night_sleeping_hours, lang, 1),
        _evidence(log, lang),
        ", ".join(log.problems),
    ]
    if with_cases:
        expected = log.expected_hours_week
        row += [
            ", ".join(log.case_ids or []),
            "-" if expected is None else i18n.number(expected, lang, 1),
        ]
    return row


def _evidence(log: TimeLogRecord, lang: str) -> str:
    """The grade and why: `B: intet registreret om natten (no-nights)` in Danish, `B no-nights`
    in English, as the workbook writes the reasons."""
    grade = log.evidence_grade or ""
    if not log.evidence_reasons:
        return grade
    if lang == "da":
        return f"{grade}: " + ", ".join(reason_words(r, lang) for r in log.evidence_reasons)
    return " ".join([grade, *log.evidence_reasons])


def _with_cases(report: TimelogReport) -> bool:
    return any(log.case_ids is not None for log in report.time_logs)


def _headers(lang: str, with_cases: bool) -> list[str]:
    keys = COLUMNS + (CASE_COLUMNS if with_cases else ())
    return [i18n.label(key, lang) for key in keys]


def _problem_lines(report: TimelogReport, lang: str) -> list[str]:
    lines = []
    if report.errors:
        lines.append(f"{i18n.label('errors', lang)}: {len(report.errors)}")
    if report.notes:
        lines.append(f"{i18n.label('notes', lang)}: {len(report.notes)}")
    return lines


def render_table(report: TimelogReport, lang: str) -> str:
    cases = _with_cases(report)
    rows = [_row(log, lang, cases) for log in report.time_logs]
    title = f"{i18n.label('time_logs', lang)} ({len(rows)})"
    errors: list[list[object]] = [[e.code, e.message] for e in report.errors[:20]]
    tables: list[tuple[str, list[str], list[list[object]]]] = [(title, _headers(lang, cases), rows)]
    if errors:
        headers = [i18n.label("code", lang), i18n.label("message", lang)]
        tables.append((f"{i18n.label('errors', lang)} ({len(report.errors)})", headers, errors))
    return render_terminal(tables, _problem_lines(report, lang))


def render_markdown(report: TimelogReport, lang: str) -> str:
    cases = _with_cases(report)
    rows = [_row(log, lang, cases) for log in report.time_logs]
    parts = [
        f"## {i18n.label('time_logs', lang)} ({len(rows)})",
        "",
        markdown_table(_headers(lang, cases), rows),
    ]
    for key, records in (("errors", report.errors), ("notes", report.notes)):
        if records:
            table = markdown_table(
                [i18n.label("code", lang), i18n.label("message", lang)],
                [[r.code, r.message] for r in records],
            )
            parts += ["", f"## {i18n.label(key, lang)} ({len(records)})", "", table]
    return "\n".join(parts) + "\n"
