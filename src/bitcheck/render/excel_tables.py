"""The table sheets of the Excel reports: one row per record, one column per JSON field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from openpyxl.chart import BarChart, Reference
from openpyxl.chart.data_source import AxDataSource, StrRef

from bitcheck import i18n
from bitcheck.i18n_codes import reason_words
from bitcheck.i18n_fields import NO_CATEGORY, direction_header, flat_header, header, text
from bitcheck.i18n_rules import (
    AMOUNT_MEANING,
    DIRECTION_NAMES,
    SEVERITY_NAMES,
    legal_basis_text,
    lifecycle_name,
    rule_title,
)
from bitcheck.render.excel_cells import (
    DIRECTION_FILLS,
    DKK,
    HOURS,
    INTEGER,
    MAX_CELL_CHARS,
    PERCENTILE,
    RATIO,
    SEVERITY_FILLS,
    Column,
    Cut,
    Sheet,
    Styled,
    write_table,
)
from bitcheck.render.sources import sources_text
from bitcheck.report.audit_models import (
    CaseRecord,
    DirectionCount,
    Finding,
    ProviderRecord,
    WatchItem,
)
from bitcheck.report.records import ErrorRecord, NoteRecord
from bitcheck.report.timelog import TimeLogRecord

UNIT_FORMATS = {
    "DKK/day": DKK,
    "h/week": HOURS,
    "level": "0",
    "days": INTEGER,
    "minutes/day": INTEGER,
}
MARGIN_FORMATS = {"ratio": RATIO, "days": INTEGER, "levels": "0"}
WIDE = 60  # explanations, messages and sources wrap at this width
WRAPPED = ("explanation", "message", "sources")
Row = list[object]


def columns(
    keys: Sequence[str],
    lang: str,
    formats: dict[str, str] | None = None,
    wrapped: Sequence[str] = WRAPPED,
) -> list[Column]:
    return [
        Column(header(key, lang), (formats or {}).get(key), WIDE, wrap=True)
        if key in wrapped
        else Column(header(key, lang), (formats or {}).get(key))
        for key in keys
    ]


def direction_cell(direction: str, lang: str) -> Styled:
    name = DIRECTION_NAMES.get(direction, {}).get(lang, direction)
    return Styled(name, colour=DIRECTION_FILLS.get(direction))


def severity_cell(severity: str, lang: str) -> Styled:
    name = SEVERITY_NAMES.get(severity, {}).get(lang, severity)
    return Styled(name, colour=SEVERITY_FILLS.get(severity))


def _measure(value: float | str | None, unit: str | None) -> object:
    """Expected/observed: a date cell for an ISO date, else a number in the unit's format."""
    if isinstance(value, str) and unit == "date":
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return Styled(value, number_format=UNIT_FORMATS.get(unit or ""))


def _margin(value: float | None, unit: str | None) -> object:
    return Styled(value, number_format=MARGIN_FORMATS.get(unit or "", RATIO))


# --- findings (and resolved findings) ---

FINDING_FORMATS = {"ratio": RATIO, "annual_amount": DKK}  # dates: by language (excel_cells)


def finding_keys(reveal_cpr: bool) -> list[str]:
    keys = list(Finding.model_fields)
    return keys if reveal_cpr else [key for key in keys if key != "cpr"]


def _legal_basis(text: str | None, lang: str) -> str | None:
    return None if text is None else legal_basis_text(text, lang)


def finding_row(finding: Finding, lang: str, reveal_cpr: bool) -> Row:
    row: Row = [finding.case_id, finding.subject]
    if reveal_cpr:
        row.append(finding.cpr)
    return row + [
        finding.provider, finding.paragraph, finding.code, rule_title(finding.code, finding.rule, lang),
        direction_cell(finding.direction, lang), severity_cell(finding.severity, lang),
        _measure(finding.expected, finding.unit), _measure(finding.observed, finding.unit),
        i18n.unit_text(finding.unit, lang), finding.ratio, _margin(finding.margin, finding.margin_unit),
        i18n.unit_text(finding.margin_unit, lang), finding.annual_amount, _legal_basis(finding.legal_basis, lang),
        finding.explanation, finding.evidence_grade, lifecycle_name(finding.lifecycle, lang), finding.since,
        sources_text(finding.sources),
    ]  # fmt: skip


def write_findings(sheet: Sheet, findings: Sequence[Finding], reveal_cpr: bool) -> None:
    lang = sheet.book.lang
    cols = columns(finding_keys(reveal_cpr), lang, FINDING_FORMATS)
    write_table(sheet, cols, (finding_row(f, lang, reveal_cpr) for f in findings))


# --- watch items ---


def write_watch(sheet: Sheet, watch: Sequence[WatchItem], reveal_cpr: bool) -> None:
    lang = sheet.book.lang
    keys = [key for key in WatchItem.model_fields if reveal_cpr or key != "cpr"]
    rows = (
        [
            item.case_id,
            item.subject,
            *([item.cpr] if reveal_cpr else []),
            item.code,
            direction_cell(item.direction, lang),
            item.ratio,
            _margin(item.margin, item.margin_unit),
            i18n.unit_text(item.margin_unit, lang),
            item.explanation,
        ]  # fmt: skip
        for item in watch
    )
    write_table(sheet, columns(keys, lang, {"ratio": RATIO}), rows)


# --- cases ---

CASE_FORMATS = {
    "expected_hours_week": HOURS, "delivered_hours_week": HOURS, "billed_per_day": DKK,
    "expected_per_day": DKK,
}  # fmt: skip


def case_row(case: CaseRecord, lang: str, reveal_cpr: bool) -> Row:
    not_evaluated = ", ".join(
        f"{n.code}: {reason_words(n.reason, lang)}" for n in case.not_evaluated
    )
    return [
        case.case_id, case.subject, *([case.cpr] if reveal_cpr else []), case.provider,
        case.department, case.paragraph, case.level, case.expected_hours_week,
        case.delivered_hours_week, case.billed_per_day, case.expected_per_day, case.last_review,
        case.review_due, case.evidence_grade, ", ".join(case.codes), not_evaluated,
    ]  # fmt: skip


def write_cases(sheet: Sheet, cases: Sequence[CaseRecord], reveal_cpr: bool) -> None:
    keys = [key for key in CaseRecord.model_fields if reveal_cpr or key != "cpr"]
    cols = columns(keys, sheet.book.lang, CASE_FORMATS)
    write_table(sheet, cols, (case_row(case, sheet.book.lang, reveal_cpr) for case in cases))


# --- providers ---

PROVIDER_FORMATS = {
    "billed_per_year": DKK,
    "expected_hours_week": HOURS,
    "delivered_hours_week": HOURS,
}
PROVIDER_KEYS = (
    "provider", "department", "cases", "billed_per_year", "expected_hours_week",
    "delivered_hours_week",
)  # fmt: skip
DIRECTION_FIELDS = {"findings": INTEGER, "cases": INTEGER, "annual_amount": DKK}


def _union(dicts: Iterable[Mapping[str, object]]) -> list[str]:
    keys: dict[str, None] = {}
    for entry in dicts:
        keys.update(dict.fromkeys(entry))
    return list(keys)


def provider_columns(providers: Sequence[ProviderRecord], lang: str) -> list[Column]:
    cols = columns(PROVIDER_KEYS, lang, PROVIDER_FORMATS)
    for direction in _union(p.by_direction for p in providers):
        name = DIRECTION_NAMES.get(direction, {}).get(lang, direction)
        for key, number_format in DIRECTION_FIELDS.items():
            label = direction_header(name, key, direction, lang)
            width = 20
            if key == "annual_amount" and direction in AMOUNT_MEANING and lang == "da":
                label += f" – {AMOUNT_MEANING[direction][lang]}"
                width = len(label) // 2 + 3
            colour = DIRECTION_FILLS.get(direction)
            cols.append(Column(label, number_format, 40, colour, min_width=width))
    for prefix, number_format in (
        ("by_code", INTEGER), ("evidence_grades", INTEGER), ("percentiles", PERCENTILE),
    ):  # fmt: skip
        keys = _union(getattr(p, prefix) for p in providers)
        cols += [Column(flat_header(prefix, key, lang), number_format) for key in keys]
    return cols


def provider_row(provider: ProviderRecord, directions: list[str], grouped: list[list[str]]) -> Row:
    row: Row = [
        provider.provider, provider.department, provider.cases, provider.billed_per_year,
        provider.expected_hours_week, provider.delivered_hours_week,
    ]  # fmt: skip
    for direction in directions:
        count = provider.by_direction.get(direction)
        row += _direction_values(count)
    figures: tuple[Mapping[str, float], ...] = (
        provider.by_code, provider.evidence_grades, provider.percentiles,
    )  # fmt: skip
    for keys, values in zip(grouped, figures, strict=True):
        row += [values.get(key) for key in keys]
    return row


def _direction_values(count: DirectionCount | None) -> Row:
    if count is None:
        return [None, None, None]
    return [count.findings, count.cases, count.annual_amount]


def write_providers(sheet: Sheet, providers: Sequence[ProviderRecord]) -> None:
    lang = sheet.book.lang
    directions = _union(p.by_direction for p in providers)
    grouped = [
        _union(p.by_code for p in providers),
        _union(p.evidence_grades for p in providers),
        _union(p.percentiles for p in providers),
    ]
    rows = (provider_row(p, directions, grouped) for p in providers)
    last = write_table(sheet, provider_columns(providers, lang), rows)
    if any(
        p.expected_hours_week is not None or p.delivered_hours_week is not None for p in providers
    ):
        add_hours_chart(sheet, last)


def add_hours_chart(sheet: Sheet, last: int) -> None:
    """Expected (column E) against delivered (column F) hours per week, one pair of horizontal
    bars per provider, in the table's order, below the table."""
    chart = BarChart()
    chart.type = "bar"
    chart.title = text("chart_title", sheet.book.lang)
    chart.y_axis.title = text("chart_axis", sheet.book.lang)
    chart.x_axis.scaling.orientation = "maxMin"  # the first provider on top, as in the table
    chart.y_axis.crosses = "max"  # and the hours axis below the bars
    chart.x_axis.delete = False  # openpyxl 3.1 hides the axes unless told otherwise
    chart.y_axis.delete = False
    chart.legend.position = "b"
    chart.y_axis.number_format = "0"
    data = Reference(sheet.ws, min_col=5, max_col=6, min_row=1, max_row=last)
    chart.add_data(data, titles_from_data=True)
    names = Reference(sheet.ws, min_col=1, min_row=2, max_row=last)
    for series in chart.series:  # provider names are text: a string reference, not a number one
        series.cat = AxDataSource(strRef=StrRef(f=str(names)))
    chart.width = 24
    chart.height = min(60, max(9, round(1.1 * (last - 1) + 4)))
    sheet.ws.add_chart(chart, f"A{last + 3}")


# --- time logs ---

TIME_LOG_FORMATS = {
    "period_days": INTEGER, "days_logged": INTEGER,
    "direct_hours": HOURS, "delivered_hours_week": HOURS, "indirect_hours": HOURS,
    "night_awake_hours": HOURS, "night_sleeping_hours": HOURS, "day_hours": HOURS,
    "evening_hours": HOURS, "night_hours": HOURS, "expected_hours_week": HOURS,
}  # fmt: skip
TIME_LOG_KEYS = (
    "subject", "cpr", "provider", "period_start", "period_end", "period_days", "days_logged",
    "direct_hours", "delivered_hours_week", "indirect_hours", "night_awake_hours",
    "night_sleeping_hours", "day_hours", "evening_hours", "night_hours", "evidence_grade",
    "evidence_reasons", "problems", "sources", "case_ids", "expected_hours_week",
)  # fmt: skip
LIST_KEYS = ("problems", "case_ids")


def time_log_keys(logs: Sequence[TimeLogRecord], reveal_cpr: bool) -> list[str]:
    with_cases = any(log.case_ids is not None for log in logs)
    skipped = {"cpr"} if not reveal_cpr else set()
    if not with_cases:
        skipped |= {"case_ids", "expected_hours_week"}
    return [key for key in TIME_LOG_KEYS if key not in skipped]


def time_log_value(log: TimeLogRecord, key: str, lang: str) -> object:
    if key == "sources":
        return sources_text(log.sources)
    if key == "evidence_reasons":
        return ", ".join(reason_words(reason, lang) for reason in log.evidence_reasons) or None
    value = getattr(log, key)
    if key in LIST_KEYS:
        return None if value is None else ", ".join(value)
    return value


def write_time_logs(sheet: Sheet, logs: Sequence[TimeLogRecord], reveal_cpr: bool) -> None:
    lang = sheet.book.lang
    keys = time_log_keys(logs, reveal_cpr)
    categories = sorted(_union(log.by_category for log in logs))
    weeks = sorted(_union(log.by_week for log in logs))
    cols = columns(keys, lang, TIME_LOG_FORMATS, wrapped=())  # one line per log
    cols += [
        Column(flat_header("by_category", c, lang, c or NO_CATEGORY[lang]), HOURS)
        for c in categories
    ]
    cols += [Column(flat_header("by_week", w, lang, _week_shown(w)), HOURS) for w in weeks]
    rows = (
        [time_log_value(log, key, lang) for key in keys]
        + [log.by_category.get(c) for c in categories]
        + [log.by_week.get(w) for w in weeks]
        for log in logs
    )
    write_table(sheet, cols, rows)


def _week_shown(week: str) -> str:
    """An ISO week as Danish calendars write it: `2026-W43` is `43 (2026)`."""
    year, _, number = week.partition("-W")
    return f"{int(number)} ({year})" if number.isdigit() else week


# --- data errors and notes ---


def write_errors(sheet: Sheet, errors: Sequence[ErrorRecord]) -> None:
    keys = list(ErrorRecord.model_fields)
    rows = ([getattr(error, key) for key in keys] for error in errors)
    write_table(sheet, columns(keys, sheet.book.lang, {"row": INTEGER}), rows)


def write_notes(sheet: Sheet, notes: Sequence[NoteRecord], cuts: Sequence[Cut]) -> None:
    """The notes, then one note per text the workbook had to cut at Excel's cell limit."""
    lang = sheet.book.lang
    keys = list(NoteRecord.model_fields)
    rows: list[Row] = [[getattr(note, key) for key in keys] for note in notes]
    for cut in cuts:
        length, limit = (i18n.number(n, lang) for n in (cut.length, MAX_CELL_CHARS))
        message = text("text_cut", lang, sheet=cut.sheet, cell=cut.cell, length=length, limit=limit)
        rows.append([None, cut.sheet, None, "text-cut", message, None])
    write_table(sheet, columns(keys, lang, {"row": INTEGER, "count": INTEGER}), rows)
