"""The Summary and Manifest sheets of the Excel audit report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from openpyxl.styles import Alignment, Font

from bitcheck import i18n
from bitcheck.audit.rules import RULES
from bitcheck.i18n_fields import KIND_HEADINGS, field_label, header, text
from bitcheck.i18n_rules import (
    AMOUNT_MEANING,
    DIRECTION_MEANING,
    DIRECTION_NAMES,
    NOTICE,
    rule_title,
)
from bitcheck.render.excel_cells import (
    BOLD,
    DKK,
    FONT_NAME,
    INTEGER,
    LINE_HEIGHT,
    NOTICE_FILL,
    WRAP_TOP,
    Column,
    Sheet,
    fill,
    wrapped_lines,
    write_table,
)
from bitcheck.render.excel_tables import Row, direction_cell, severity_cell
from bitcheck.report.audit_models import AuditReport, DirectionCount
from bitcheck.report.context import not_given_texts
from bitcheck.report.filters import left_out_text
from bitcheck.report.records import InputRecord
from bitcheck.report.timelog import TimelogReport

TITLE_FONT = Font(name=FONT_NAME, bold=True, size=14)
SECTION_FONT = Font(name=FONT_NAME, bold=True, size=12)
LABEL_WIDTH = 34
WIDTHS = {"A": LABEL_WIDTH, "B": 40, "C": 40, "D": 12, "E": 12, "F": 16, "G": 66}
LEFT = Alignment(horizontal="left", vertical="top")
CENTRE = Alignment(horizontal="center", vertical="top")
WRAP_LEFT = Alignment(horizontal="left", vertical="top", wrap_text=True)
WRAP_CENTRE = Alignment(horizontal="center", vertical="top", wrap_text=True)
INPUT_KEYS = ("path", "kind", "layout", "rows_read", "rows_accepted", "rows_rejected", "sha256")


class Summary:
    """Writes the Summary sheet top to bottom."""

    def __init__(self, sheet: Sheet, report: AuditReport) -> None:
        self.sheet = sheet
        self.report = report
        self.lang = sheet.book.lang
        self.row = 1

    def write(self) -> None:
        report = self.report
        title = text("title", self.lang, version=report.bitcheck)
        self.sheet.put(1, 1, title).font = TITLE_FONT
        self.notice()
        self.audited()
        self.directions("citizen_payment", ("citizen", "payment"))
        self.directions("process_data", ("process", "data"))
        self.rules()
        self.inputs()
        self.settings()
        self.layout()

    def line(self, label: str, value: object = None, number_format: str | None = None) -> None:
        cell = self.sheet.put(self.row, 1, label)
        cell.font = BOLD
        cell.alignment = LEFT
        self.sheet.put(self.row, 2, value, number_format).alignment = LEFT
        self.row += 1

    def section(self, key: str) -> None:
        self.row += 1
        self.sheet.put(self.row, 1, text(key, self.lang)).font = SECTION_FONT
        self.row += 1

    def notice(self) -> None:
        """The notice, merged across the sheet's width, right under the title."""
        cell = self.sheet.put(3, 1, NOTICE[self.lang])
        cell.font = BOLD
        cell.fill = fill(NOTICE_FILL)
        cell.alignment = WRAP_TOP
        self.sheet.merge("A3:F3")
        self.sheet.ws.row_dimensions[3].height = LINE_HEIGHT * 3
        self.row = 4
        left_out = left_out_text(self.report, self.lang)
        if left_out is not None:  # the direction guard: a filtered report says what it left out
            warning = self.sheet.put(4, 1, left_out)
            warning.font = BOLD
            warning.fill = fill(NOTICE_FILL)
            self.sheet.merge("A4:F4")
            self.row = 5

    def audited(self) -> None:
        report, lang = self.report, self.lang
        self.section("audited")
        self.line(text("as_of", lang), report.as_of)
        self.line(text("generated_at", lang), local_time(report.generated_at, lang))
        versions = text(
            "versions_value", lang, bitcheck=report.bitcheck, rules=report.rules_version
        )
        self.line(text("versions", lang), versions)
        self.line(text("key_file", lang), report.settings.get("pseudonym_key_file"))
        self.line(text("cases_audited", lang), report.summary.cases, INTEGER)
        self.line(text("findings_total", lang), report.summary.findings, INTEGER)
        self.line(text("watch_total", lang), len(report.watch), INTEGER)
        self.line(text("errors_total", lang), len(report.errors), INTEGER)
        self.line(text("notes_total", lang), len(report.notes), INTEGER)
        for sentence in not_given_texts(report, lang):
            self.line(sentence)
        for kind, summary in input_summaries(report.inputs, lang):
            self.line(f"{text('inputs_by_kind', lang)}: {kind}", summary)
        self.line("", text("inputs_detail", lang))
        self.filters()

    def filters(self) -> None:
        report, lang = self.report, self.lang
        if report.filters:
            self.line(text("filters", lang), filters_text(report.filters, lang))
        for direction, left in (report.filtered_out or {}).items():
            name = DIRECTION_NAMES.get(direction, {}).get(lang, direction)
            value = text("filtered_out_value", lang, direction=name, findings=left.findings)
            if left.annual_amount is not None:
                amount = i18n.number(left.annual_amount, lang, 2)
                meaning = AMOUNT_MEANING.get(direction, {}).get(lang, "")
                value += text("filtered_out_amount", lang, amount=amount, meaning=meaning)
            self.line(text("filtered_out", lang), value)

    def directions(self, title: str, directions: Sequence[str]) -> None:
        """Two directions side by side: their meaning, findings, cases and annual amounts."""
        self.section(title)
        counts = [self.report.summary.by_direction.get(d) for d in directions]
        for n, direction in enumerate(directions, start=2):
            cell = self.sheet.put(self.row, n, direction_cell(direction, self.lang))
            cell.font = BOLD
            cell.alignment = CENTRE
        self.row += 1
        self.wrapped_line("meaning", [DIRECTION_MEANING[d][self.lang] for d in directions])
        self.figures(
            field_label("findings", self.lang), [c.findings if c else None for c in counts]
        )
        self.figures(field_label("cases", self.lang), [c.cases if c else None for c in counts])
        if any(d in AMOUNT_MEANING for d in directions) or any(_amount(c) for c in counts):
            amounts = [_amount(c) for c in counts]
            self.figures(field_label("annual_amount", self.lang), amounts, DKK)
            meanings = [AMOUNT_MEANING.get(d, {}).get(self.lang, "") for d in directions]
            self.wrapped_line("amount_meaning", meanings)

    def figures(self, label: str, values: Sequence[object], number_format: str = INTEGER) -> None:
        self.sheet.put(self.row, 1, label).font = BOLD
        for n, value in enumerate(values, start=2):
            self.sheet.put(self.row, n, value, number_format).alignment = CENTRE
        self.row += 1

    def wrapped_line(self, key: str, values: Sequence[str]) -> None:
        label = self.sheet.put(self.row, 1, text(key, self.lang))
        label.font = BOLD
        label.alignment = LEFT
        for n, value in enumerate(values, start=2):
            self.sheet.put(self.row, n, value).alignment = WRAP_CENTRE
        lines = max((wrapped_lines(v, WIDTHS["B"] - 1) for v in values), default=1)
        self.sheet.ws.row_dimensions[self.row].height = LINE_HEIGHT * lines
        self.row += 1

    def rules(self) -> None:
        """Findings and not-evaluated counts per rule, in catalogue order."""
        lang, summary = self.lang, self.report.summary
        self.section("by_rule")
        keys = ("code", "rule", "direction", "severity", "findings", "not_evaluated")
        cols = [Column(field_label(key, lang), INTEGER) for key in keys]
        self.sheet.header_row(self.row, cols)
        for code, found in summary.by_code.items():
            self.row += 1
            rule = RULES.get(code)
            values: Row = [
                code,
                rule_title(code, rule.name, lang) if rule else None,
                direction_cell(rule.direction.value, lang) if rule else None,
                severity_cell(rule.severity.value, lang) if rule else None,
                found,
                summary.not_evaluated.get(code),
            ]
            for n, value in enumerate(values, start=1):
                self.sheet.put(self.row, n, value, INTEGER)
        self.row += 1

    def inputs(self) -> None:
        lang = self.lang
        self.section("inputs")
        cols = [Column(field_label(key, lang), INTEGER) for key in INPUT_KEYS]
        self.sheet.header_row(self.row, cols)
        for record in self.report.inputs:
            self.row += 1
            shown = {
                "kind": i18n.kind_name(record.kind, lang),
                "layout": i18n.layout_name(record.layout, lang),
            }
            for n, key in enumerate(INPUT_KEYS, start=1):
                cell = self.sheet.put(self.row, n, shown.get(key, getattr(record, key)), INTEGER)
                if n == 1:
                    cell.alignment = WRAP_LEFT
            lines = wrapped_lines(record.path, LABEL_WIDTH - 1)
            if lines > 1:
                self.sheet.ws.row_dimensions[self.row].height = LINE_HEIGHT * lines
        self.row += 1

    def settings(self) -> None:
        self.section("settings")
        for key, value in flatten("", self.report.settings):
            self.sheet.put(self.row, 1, key).font = BOLD
            self.sheet.put(self.row, 2, value).alignment = LEFT
            self.row += 1

    def layout(self) -> None:
        """Fixed widths: the label column as wide as its longest label or file name."""
        ws = self.sheet.ws
        for letter, width in WIDTHS.items():
            ws.column_dimensions[letter].width = width
        ws.sheet_view.showGridLines = False


def _amount(count: DirectionCount | None) -> float | None:
    return None if count is None else count.annual_amount


def input_summaries(inputs: Sequence[InputRecord], lang: str) -> Iterator[tuple[str, str]]:
    """Per kind: how many files, rows read, accepted and rejected, in words (the one sum this
    renderer makes: of the report's own input records, for the reader's overview)."""
    kinds: dict[str, list[InputRecord]] = {}
    for record in inputs:
        kinds.setdefault(record.kind or "", []).append(record)
    for kind, records in kinds.items():
        name = KIND_HEADINGS.get(kind, {}).get(lang, kind or "?")
        figures = [
            (len(records), text("files", lang)),
            (sum(r.rows_read for r in records), field_label("rows_read", lang)),
            (sum(r.rows_accepted for r in records), field_label("rows_accepted", lang)),
            (sum(r.rows_rejected for r in records), field_label("rows_rejected", lang)),
        ]
        yield name, ", ".join(f"{label}: {i18n.number(n, lang)}" for n, label in figures)


def flatten(prefix: str, value: object) -> Iterator[tuple[str, object]]:
    """Nested dicts as dotted keys (`review_months.107`); lists joined; empty ones as {} and []."""
    if isinstance(value, dict):
        if not value:
            yield prefix, "{}"
        for key, inner in value.items():
            yield from flatten(f"{prefix}.{key}" if prefix else str(key), inner)
    elif isinstance(value, list | tuple):
        yield prefix, ", ".join(str(v) for v in value) if value else "[]"
    else:
        yield prefix, value


def local_time(stamp: str, lang: str) -> str:
    """The run's time (ISO, UTC, as in the JSON) on this machine's clock: 04-12-2026 18:51."""
    try:
        moment = dt.datetime.fromisoformat(stamp).astimezone()
    except ValueError:
        return stamp
    return moment.strftime("%d-%m-%Y %H:%M" if lang == "da" else "%Y-%m-%d %H:%M")


def filters_text(filters: dict[str, list[str]], lang: str) -> str:
    """`Retning: Betaling; Kode: T1`: the filters given, in the language's words."""
    parts = []
    for key, values in filters.items():
        if key == "direction":
            values = [DIRECTION_NAMES.get(v, {}).get(lang, v) for v in values]
        if values:
            parts.append(f"{field_label(key, lang)}: {', '.join(values)}")
    return "; ".join(parts)


# --- manifest ---

MANIFEST_INPUT_KEYS = (
    "kind", "layout", "sha256", "encoding", "sheets", "rows_read", "rows_accepted", "rows_rejected",
)  # fmt: skip
MANIFEST_CATALOGUE_KEYS = (
    "sheet", "row", "provider", "department", "level", "valid_from", "valid_to",
)  # fmt: skip
MANIFEST_KEYS = ("key", "value", *MANIFEST_INPUT_KEYS, *MANIFEST_CATALOGUE_KEYS)
MANIFEST_FORMATS = {"rows_read": INTEGER, "rows_accepted": INTEGER, "rows_rejected": INTEGER}


def manifest_rows(report: AuditReport | TimelogReport) -> Iterator[Row]:
    """Key/value rows; an input's path and a catalogue row's file in `value`, the rest beside.
    A time-log summary has no rules version, run time, filters or catalogue rows."""
    audit = report if isinstance(report, AuditReport) else None
    blank_inputs: Row = [None] * len(MANIFEST_INPUT_KEYS)
    yield ["bitcheck", report.bitcheck]
    if audit is not None:
        yield ["rules_version", audit.rules_version]
    yield ["as_of", report.as_of]
    if audit is not None:
        yield ["generated_at", audit.generated_at]
    for key, value in flatten("settings", report.settings):
        yield [key, value]
    if audit is not None:
        for key, value in flatten("filters", audit.filters):
            yield [key, value]
    for n, record in enumerate(report.inputs):
        values = [_joined(getattr(record, key)) for key in MANIFEST_INPUT_KEYS]
        yield [f"inputs.{n}", record.path, *values]
    for n, row in enumerate(audit.catalogue_rows if audit is not None else []):
        values = [getattr(row, key) for key in MANIFEST_CATALOGUE_KEYS]
        yield [f"catalogue_rows.{n}", row.file, *blank_inputs, *values]


def _joined(value: object) -> object:
    return ", ".join(value) if isinstance(value, list) else value


def write_manifest(sheet: Sheet, report: AuditReport | TimelogReport) -> None:
    lang = sheet.book.lang
    audit = isinstance(report, AuditReport)
    keys = MANIFEST_KEYS if audit else ("key", "value", *MANIFEST_INPUT_KEYS)
    cols = [
        Column(header(key, lang), MANIFEST_FORMATS.get(key), 70, left=key == "value")
        for key in keys
    ]
    rows = (row + [None] * (len(cols) - len(row)) for row in manifest_rows(report))
    write_table(sheet, cols, rows)
