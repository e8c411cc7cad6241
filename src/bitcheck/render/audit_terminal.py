"""The audit on a terminal: citizen and payment side by side first, then rules and cases."""

from __future__ import annotations

from bitcheck import i18n
from bitcheck.audit.rules import RULES
from bitcheck.i18n_rules import AMOUNT_MEANING, DIRECTION_NAMES, NOTICE, rule_title
from bitcheck.render.tables import render_terminal
from bitcheck.report.audit_models import AuditReport, DirectionCount
from bitcheck.report.context import not_given_texts, thresholds_text
from bitcheck.report.explain import day_text
from bitcheck.report.filters import left_out_text

TOP_CASES = 10
Table = tuple[str, list[str], list[list[object]]]


def amount(value: float | None, lang: str) -> str:
    return "-" if value is None else i18n.number(value, lang, 0)


def sides_table(report: AuditReport, lang: str) -> Table:
    """Citizen and payment side by side, then process and data, each with its own numbers."""
    directions = report.summary.by_direction
    headers = [i18n.label("what", lang), *(DIRECTION_NAMES[d][lang] for d in directions)]
    counts: list[DirectionCount] = list(directions.values())
    rows: list[list[object]] = [
        [i18n.label("findings", lang), *(c.findings for c in counts)],
        [i18n.label("cases_with_findings", lang), *(c.cases for c in counts)],
        [i18n.label("annual_amount", lang), *(amount(c.annual_amount, lang) for c in counts)],
    ]
    cases = f"{report.summary.cases} {i18n.label('cases', lang).lower()}"
    title = f"{i18n.label('audit_of', lang)} {day_text(report.as_of, lang)}: {cases}"
    return title, headers, rows


def rules_table(report: AuditReport, lang: str) -> Table:
    headers = [
        i18n.label(k, lang) for k in ("code", "rule", "direction", "findings", "not_evaluated")
    ]
    rows: list[list[object]] = [
        [code, rule_title(code, rule.name, lang), DIRECTION_NAMES[rule.direction.value][lang], report.summary.by_code[code],
         report.summary.not_evaluated[code]]
        for code, rule in RULES.items()
    ]  # fmt: skip
    return i18n.label("per_rule", lang), headers, rows


def cases_table(report: AuditReport, lang: str) -> Table:
    """The cases with most findings (severity first, never by amount alone)."""
    weights = {"high": 100, "medium": 10, "low": 1}
    scores: dict[str, int] = {}
    for finding in report.findings:
        scores[finding.case_id] = scores.get(finding.case_id, 0) + weights[finding.severity]
    chosen = sorted(scores, key=lambda case_id: (-scores[case_id], case_id))[:TOP_CASES]
    by_id = {case.case_id: case for case in report.cases}
    reveal = cpr_revealed(report)
    keys = ("case_id", "subject", "cpr", "provider", "codes")
    headers = [i18n.label(k, lang) for k in keys if reveal or k != "cpr"]
    rows: list[list[object]] = [
        [c, by_id[c].subject, *([by_id[c].cpr] if reveal else []), by_id[c].provider,
         ", ".join(by_id[c].codes)]
        for c in chosen
        if c in by_id
    ]  # fmt: skip
    return i18n.label("top_cases", lang), headers, rows


def cpr_revealed(report: AuditReport) -> bool:
    """Whether the report was made with --reveal-cpr: its records then carry CPR numbers."""
    return any(case.cpr for case in report.cases)


PROVIDER_CODES = ("D1", "D2", "T1", "T2", "R1", "R2")


def providers_table(report: AuditReport, lang: str) -> Table:
    """Per provider, both directions side by side, evidence grades, and the percentile among
    the run's providers of each code's rate per case (the provider view)."""
    headers = [
        i18n.label("provider", lang), i18n.label("cases", lang),
        *(f"{DIRECTION_NAMES[d][lang]}" for d in ("citizen", "payment")),
        *(f"{code} (pct.)" for code in PROVIDER_CODES), "A/B/C",
    ]  # fmt: skip
    rows: list[list[object]] = []
    for p in report.providers:
        name = p.provider if not p.department else f"{p.provider}, {p.department}"
        sides = [
            f"{p.by_direction[d].findings} / {amount(p.by_direction[d].annual_amount, lang)}"
            for d in ("citizen", "payment")
        ]
        codes = [f"{p.by_code[c]} ({p.percentiles[c]:.0f})" for c in PROVIDER_CODES]
        grades = "/".join(str(p.evidence_grades[g]) for g in ("A", "B", "C"))
        rows.append([name, p.cases, *sides, *codes, grades])
    return i18n.label("by_provider", lang), headers, rows


def amounts_text(lang: str) -> str:
    """What the annual amounts of the two sides mean, in one line."""
    return (
        f"{DIRECTION_NAMES['citizen'][lang]}: {AMOUNT_MEANING['citizen'][lang]}; "
        f"{DIRECTION_NAMES['payment'][lang]}: {AMOUNT_MEANING['payment'][lang]}."
    )


def watch_text(report: AuditReport, lang: str) -> str:
    """How many near misses the run has, and where to read them (they are no findings)."""
    codes = ", ".join(sorted({item.code for item in report.watch}, key=list(RULES).index))
    return i18n.message("watch-count", lang, count=len(report.watch), codes=codes)


def render_terminal_summary(report: AuditReport, lang: str, by_provider: bool = False) -> str:
    left_out = left_out_text(report, lang)
    lines = [
        *([left_out] if left_out else []),
        *not_given_texts(report, lang),
        amounts_text(lang),
        NOTICE[lang],
        thresholds_text(report, lang),
    ]
    if report.watch:
        lines.append(watch_text(report, lang))
    if report.errors:
        lines.append(f"{i18n.label('errors', lang)}: {len(report.errors)}")
    last = providers_table(report, lang) if by_provider else cases_table(report, lang)
    return render_terminal([sides_table(report, lang), rules_table(report, lang), last], lines)
