"""The Excel reports (outputs.md §6): written, opened again with openpyxl, and checked."""

from __future__ import annotations

import datetime as dt
import io
import re
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from openpyxl.cell.cell import Cell
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from bitcheck.audit.run import run_audit
from bitcheck.i18n_fields import FIELD_LABELS, SHEET_NAMES
from bitcheck.i18n_rules import AMOUNT_MEANING, NOTICE, SEVERITY_NAMES
from bitcheck.pseudonyms import Pseudonymizer
from bitcheck.render.excel import timelog_workbook_bytes, workbook_bytes
from bitcheck.render.excel_cells import DKK, HOURS, MAX_CELL_CHARS, SEVERITY_FILLS
from bitcheck.render.sources import sources_text
from bitcheck.report.audit_build import build_audit_report
from bitcheck.report.audit_models import AuditReport, FilteredOut
from bitcheck.report.timelog import SourceRecord, build_timelog_report
from bitcheck.settings import Settings
from bitcheck.timelog.run import summarise_timelogs
from rule_fixtures import CPR, OTHER_CPR, audit, cases

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
AS_OF = dt.date(2026, 11, 24)
PSEUDONYMS = Pseudonymizer(bytes(32), "test")
AUDIT_SHEETS = ("summary", "findings", "watch", "cases", "providers", "time_logs", "errors")
HYPERLINK = '=HYPERLINK("http://x","klik")'


def example_report(reveal_cpr: bool = False) -> AuditReport:
    run = run_audit(
        str(EXAMPLES / "sager.xlsx"),
        str(EXAMPLES / "takstkatalog.xlsx"),
        [str(EXAMPLES / "doegnskemaer")],
        Settings(),
        AS_OF,
    )
    return build_audit_report(run, PSEUDONYMS, reveal_cpr=reveal_cpr, lang="da")


@pytest.fixture(scope="module")
def report() -> AuditReport:
    return example_report()


@pytest.fixture(scope="module")
def revealed() -> AuditReport:
    return example_report(reveal_cpr=True)


@pytest.fixture(scope="module")
def workbook(report: AuditReport) -> Workbook:
    return opened(workbook_bytes(report, "da", reveal_cpr=False))


def opened(data: bytes) -> Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def cells(book: Workbook) -> Iterator[Cell]:
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            yield from (cell for cell in row if isinstance(cell, Cell))


def texts(book: Workbook) -> list[str]:
    return [cell.value for cell in cells(book) if isinstance(cell.value, str)]


def headers(sheet: Worksheet) -> list[object]:
    return [cell.value for cell in sheet[1]]


def column(sheet: Worksheet, name: str) -> list[Cell]:
    """The data cells under the header `name`."""
    index = headers(sheet).index(name) + 1
    return [sheet.cell(row, index) for row in range(2, sheet.max_row + 1)]


def names(lang: str, *keys: str) -> list[str]:
    return [SHEET_NAMES[key][lang] for key in keys]


# --- sheets, headers and layout ---


def test_sheet_names_and_order_in_both_languages(report: AuditReport) -> None:
    ordered = (*AUDIT_SHEETS, "notes", "manifest")
    for lang in ("da", "en"):
        book = opened(workbook_bytes(report, lang, reveal_cpr=False))
        assert book.sheetnames == names(lang, *ordered)
    assert opened(workbook_bytes(report, "da", reveal_cpr=False)).sheetnames[:2] == [
        "Oversigt",
        "Fund",
    ]


def test_resolved_sheet_only_for_a_batch_run(report: AuditReport) -> None:
    book = opened(workbook_bytes(report, "da", reveal_cpr=False, resolved=report.findings[:2]))
    ordered = (*AUDIT_SHEETS[:6], "resolved", "errors", "notes", "manifest")
    assert book.sheetnames == names("da", *ordered)
    assert book["Løst"].max_row == 3
    assert headers(book["Løst"]) == headers(book["Fund"])


def test_headers_are_danish_labels_or_the_field_names(report: AuditReport) -> None:
    keys = [k for k in report.findings[0].model_dump() if k != "cpr"]
    danish = opened(workbook_bytes(report, "da", reveal_cpr=False))
    english = opened(workbook_bytes(report, "en", reveal_cpr=False))
    assert headers(danish["Fund"]) == [FIELD_LABELS[k]["da"] for k in keys]
    assert headers(english["Findings"]) == keys
    assert headers(danish["Datafejl"]) == [
        "Fil", "Ark", "Række", "Kolonne", "Felt", "Værdi", "Kode", "Besked",
    ]  # fmt: skip
    providers = headers(danish["Tilbud"])
    assert "Borger: fund" in providers
    assert f"Betaling: helårsvirkning (kr.) – {AMOUNT_MEANING['payment']['da']}" in providers
    assert providers.index("Borger: fund") < providers.index("Betaling: fund")
    assert "percentiles.D1" in headers(english["Providers"])


def test_tables_have_a_frozen_styled_header_and_an_autofilter(workbook: Workbook) -> None:
    for name in ("Fund", "Opmærksomhed", "Sager", "Tilbud", "Døgnskemaer", "Noter", "Manifest"):
        sheet = workbook[name]
        assert sheet.freeze_panes == "A2"
        assert (
            sheet.auto_filter.ref
            == f"A1:{sheet.cell(1, sheet.max_column).column_letter}{sheet.max_row}"
        )
        first = sheet["A1"]
        assert first.font.b and first.fill.fgColor.rgb.endswith("1F4E78")
        assert 6 <= sheet.column_dimensions["A"].width <= 80


def test_number_and_date_formats(workbook: Workbook) -> None:
    sheet = workbook["Sager"]
    billed = [c for c in column(sheet, "Faktureret kr./døgn") if c.value is not None]
    hours = [c for c in column(sheet, "Forventet t/uge") if c.value is not None]
    reviews = [c for c in column(sheet, "Seneste opfølgning") if c.value is not None]
    assert billed and all(
        c.number_format == DKK and isinstance(c.value, int | float) for c in billed
    )
    assert hours and all(c.number_format == HOURS for c in hours)
    assert reviews and all(isinstance(c.value, dt.datetime) for c in reviews)
    assert all(c.number_format == "dd-mm-yyyy" for c in reviews)
    as_of = workbook["Oversigt"]["B6"]
    assert as_of.value == dt.datetime(2026, 11, 24) and as_of.number_format == "dd-mm-yyyy"
    ratios = [c for c in column(workbook["Fund"], "Forhold") if c.value is not None]
    assert ratios and all(c.number_format == "0.000" for c in ratios)


def test_english_workbook_writes_iso_dates(report: AuditReport) -> None:
    english = opened(workbook_bytes(report, "en", reveal_cpr=False))
    reviews = [c for c in column(english["Cases"], "last_review") if c.value is not None]
    assert reviews and all(c.number_format == "yyyy-mm-dd" for c in reviews)
    assert english["Summary"]["B6"].number_format == "yyyy-mm-dd"


def test_danish_workbook_writes_units_lifecycle_and_reasons_in_danish(
    report: AuditReport, workbook: Workbook
) -> None:
    units = {c.value for c in column(workbook["Fund"], "Enhed")} - {None}
    assert "t/uge" in units and not units & {"h/week", "DKK/day", "level", "date"}
    margin_units = {c.value for c in column(workbook["Fund"], "Marginens enhed")} - {None}
    assert "forhold" in margin_units and "ratio" not in margin_units
    not_evaluated = " ".join(str(c.value) for c in column(workbook["Sager"], "Ikke vurderet"))
    assert "N1: takstrækken har intet niveauinterval (no-need-range)" in not_evaluated
    cells = [c.value for c in column(workbook["Døgnskemaer"], "Grunde til evidensgrad")]
    reasons = [item for value in cells if value for item in str(value).split(", ")]
    assert reasons  # each one "words (code)", never a bare code
    assert all(re.fullmatch(r"[^()]+ \([a-z]+(-[a-z]+)*\)", item) for item in reasons), reasons
    rules = {c.value for c in column(workbook["Fund"], "Regel")}
    assert "aldrig fulgt op" in rules and "never-reviewed" not in rules
    summary = list(workbook["Oversigt"].iter_rows(values_only=True))
    kinds = {(row[1], row[2]) for row in summary if "examples/" in str(row[0])}
    assert kinds == {("sagsliste", "sagsliste"), ("takstkatalog", "takstmodel"),
                     ("døgnskema", "lang liste"), ("døgnskema", "ugeskema")}  # fmt: skip
    english = opened(workbook_bytes(report, "en", reveal_cpr=False))
    assert "h/week" in {c.value for c in column(english["Findings"], "unit")}
    english_reasons = {c.value for c in column(english["Cases"], "not_evaluated")}
    assert any("N1: no-need-range" in str(v) for v in english_reasons)
    assert "never-reviewed" in {c.value for c in column(english["Findings"], "rule")}


def test_watch_sheet_writes_its_margin_unit_in_danish() -> None:
    run = audit(cases({"next_review": "04-12-2026"}))  # R1 due in 10 days: a watch item
    report = build_audit_report(run, PSEUDONYMS, reveal_cpr=False, lang="da")
    danish = opened(workbook_bytes(report, "da", reveal_cpr=False))
    assert [c.value for c in column(danish["Opmærksomhed"], "Marginens enhed")] == ["dage"]
    english = opened(workbook_bytes(report, "en", reveal_cpr=False))
    assert [c.value for c in column(english["Watch"], "margin_unit")] == ["days"]


def test_lifecycle_in_the_language() -> None:
    from bitcheck.i18n_rules import lifecycle_name

    assert [lifecycle_name(x, "da") for x in ("new", "persisting", "resolved", None)] == [
        "ny", "vedvarende", "løst", None
    ]  # fmt: skip
    assert lifecycle_name("persisting", "en") == "persisting"


def test_severity_and_direction_by_text_and_colour(workbook: Workbook) -> None:
    words = {names["da"]: key for key, names in SEVERITY_NAMES.items()}
    severities = column(workbook["Fund"], "Alvor")
    assert severities and {c.value for c in severities} <= set(words)
    for cell in severities:
        assert cell.fill.fgColor.rgb.endswith(SEVERITY_FILLS[words[str(cell.value)]])
    directions = [c.value for c in column(workbook["Fund"], "Retning")]
    assert directions[0] == "Borger" and "Betaling" in directions
    assert all(c.fill.fill_type == "solid" for c in column(workbook["Fund"], "Retning"))


def test_summary_notice_and_directions_side_by_side(workbook: Workbook) -> None:
    sheet = workbook["Oversigt"]
    assert sheet["A3"].value == NOTICE["da"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(max_col=3)]
    (sides,) = [row for row in rows if row[1:3] == ["Borger", "Betaling"]]
    assert sides
    assert ["Beløbet er", *(AMOUNT_MEANING[d]["da"] for d in ("citizen", "payment"))] in rows
    assert [row[2] for row in rows if row[1] == "Sagsbehandling"] == ["Data"]
    assert any(row[0] == "pseudonym_key_file" and row[1] == "test" for row in rows)


def test_providers_sheet_has_the_hours_chart(report: AuditReport) -> None:
    data = workbook_bytes(report, "da", reveal_cpr=False)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        charts = [name for name in archive.namelist() if name.startswith("xl/charts/chart")]
        assert len(charts) == 1
        chart = archive.read(charts[0]).decode()
        providers_rels = archive.read("xl/worksheets/_rels/sheet5.xml.rels").decode()
    assert "drawing" in providers_rels
    assert "<barChart>" in chart and "<strRef><f>'Tilbud'!$A$2:$A$9</f>" in chart
    assert "'Tilbud'!$E$2:$E$9" in chart and "'Tilbud'!$F$2:$F$9" in chart  # expected, delivered


def test_manifest_key_value_rows(workbook: Workbook, report: AuditReport) -> None:
    rows = {row[0].value: row for row in workbook["Manifest"].iter_rows(min_row=2)}
    assert rows["bitcheck"][1].value == report.bitcheck
    assert rows["as_of"][1].value == dt.datetime(2026, 11, 24)
    assert rows["settings.review_months.107"][1].value == 6
    assert rows["settings.pseudonym_key_file"][1].value == "test"
    first = rows["inputs.0"]
    assert first[1].value == report.inputs[0].path
    assert report.inputs[0].sha256 in [c.value for c in first]
    assert f"catalogue_rows.{len(report.catalogue_rows) - 1}" in rows
    assert max(len(text) for text in texts(workbook)) < MAX_CELL_CHARS


def test_a_filtered_report_says_what_it_left_out(report: AuditReport) -> None:
    filtered = report.model_copy(
        update={
            "filters": {"direction": ["citizen"], "code": []},
            "filtered_out": {"payment": FilteredOut(findings=6, annual_amount=1234.5)},
        }
    )
    book = opened(workbook_bytes(filtered, "da", reveal_cpr=False))
    lines = {row[0]: row[1] for row in book["Oversigt"].iter_rows(max_col=2, values_only=True)}
    assert lines["Filter"] == "Retning: Borger"
    english = opened(workbook_bytes(filtered, "en", reveal_cpr=False))
    shown = {row[0]: row[1] for row in english["Summary"].iter_rows(max_col=2, values_only=True)}
    assert shown["Filters"] == "Direction: Citizen"
    left = "Betaling: 6 fund, 1.234,50 kr. om året (muligvis betalt uden dækning)"
    assert lines["Ikke vist på grund af filter"] == left
    manifest = {row[0]: row[1] for row in book["Manifest"].iter_rows(values_only=True)}
    assert manifest["filters.direction"] == "citizen" and manifest["filters.code"] == "[]"
    assert "filters" not in manifest


def test_sources_keep_file_sheet_and_rows() -> None:
    sources = [
        SourceRecord(file="a.xlsx", sheet="Uge 43", row=6, last_row=21),
        SourceRecord(file="b.csv", sheet=None, row=4, last_row=None),
        SourceRecord(file="c.csv", sheet=None, row=None, last_row=None),
    ]
    assert sources_text(sources) == "a.xlsx!Uge 43!6-21; b.csv!4; c.csv"


# --- safety ---


@pytest.fixture
def hostile() -> AuditReport:
    """Cases whose texts would be formulas, with a control character and a bad date."""
    path = cases(
        {"case_id": "+4512", "provider": HYPERLINK, "goals": ""},
        {"case_id": "@sag", "cpr": OTHER_CPR, "provider": "Egely\x07Bo", "goals": ""},
        {"case_id": "-17", "cpr": "030390-3456", "goals": ""},
        {"case_id": "S4", "cpr": "040490-4567", "grant_start": "=SUM(A1)"},
    )
    return build_audit_report(audit(path), PSEUDONYMS, reveal_cpr=False, lang="da")


def test_texts_that_look_like_formulas_stay_text(hostile: AuditReport) -> None:
    book = opened(workbook_bytes(hostile, "da", reveal_cpr=False))
    assert not [c.coordinate for c in cells(book) if c.data_type == "f"]
    providers = [c for c in column(book["Fund"], "Tilbud") if c.value == HYPERLINK]
    case_ids = {c.value: c for c in column(book["Sager"], "Sagsnr.")}
    assert providers and case_ids.keys() >= {"+4512", "@sag", "-17"}
    for cell in [*providers, *(case_ids[k] for k in ("+4512", "@sag", "-17"))]:
        assert cell.data_type == "s" and cell.quotePrefix
    (error,) = column(book["Datafejl"], "Værdi")
    assert error.value == "=SUM(A1)" and error.data_type == "s" and error.quotePrefix
    with zipfile.ZipFile(io.BytesIO(workbook_bytes(hostile, "en", reveal_cpr=False))) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        assert not any(re.search(r"<f[ >]", archive.read(n).decode()) for n in sheets)


def test_control_characters_removed(hostile: AuditReport) -> None:
    book = opened(workbook_bytes(hostile, "da", reveal_cpr=False))
    assert "EgelyBo" in texts(book)
    assert not any(re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", text) for text in texts(book))


def test_text_beyond_the_cell_limit_is_cut_with_a_note(report: AuditReport) -> None:
    long = report.findings[0].model_copy(update={"explanation": "x" * 40_000 + "\x01"})
    book = opened(
        workbook_bytes(report.model_copy(update={"findings": [long]}), "en", reveal_cpr=False)
    )
    cell = column(book["Findings"], "explanation")[0]
    assert cell.value == "x" * MAX_CELL_CHARS
    assert cell.comment is not None and "40,000 characters" in cell.comment.text
    notes = [row for row in book["Notes"].iter_rows(min_row=2, values_only=True)]
    assert [(n[1], n[3]) for n in notes if n[3] == "text-cut"] == [("Findings", "text-cut")]


def test_no_savings_wording_in_either_language(report: AuditReport) -> None:
    for lang in ("da", "en"):
        data = workbook_bytes(report, lang, reveal_cpr=False)
        everything = " ".join(texts(opened(data))).lower()
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            everything += " ".join(archive.read(n).decode().lower() for n in archive.namelist())
        assert "besparelse" not in everything and "saving" not in everything


def test_no_cpr_without_reveal_and_a_cpr_column_with_it(
    report: AuditReport, revealed: AuditReport
) -> None:
    numbers = {c.cpr for c in revealed.cases if c.cpr}
    assert numbers
    hidden = texts(opened(workbook_bytes(report, "da", reveal_cpr=False)))
    forms = numbers | {n.replace("-", "") for n in numbers}
    assert not [t for t in hidden if any(form in t for form in forms)]
    assert not any(re.search(r"\b\d{6}-\d{4}\b", t) for t in hidden)
    shown = opened(workbook_bytes(revealed, "da", reveal_cpr=True))
    for name in ("Fund", "Opmærksomhed", "Sager", "Døgnskemaer"):
        labels = headers(shown[name])
        assert labels[labels.index("Borger (pseudonym)") + 1] == "CPR-nr."
    assert numbers <= {c.value for c in column(shown["Sager"], "CPR-nr.")}
    # a report built with CPR numbers still hides them when rendered without --reveal-cpr
    masked = texts(opened(workbook_bytes(revealed, "da", reveal_cpr=False)))
    assert not [t for t in masked if any(n in t for n in numbers)]


# --- the time-log workbook ---


def test_timelog_workbook(tmp_path: Path) -> None:
    settings = Settings()
    run = summarise_timelogs([str(EXAMPLES / "doegnskemaer")], settings, AS_OF)
    report = build_timelog_report(run, settings, AS_OF, PSEUDONYMS, False)
    for lang in ("da", "en"):
        book = opened(timelog_workbook_bytes(report, lang, reveal_cpr=False))
        assert book.sheetnames == names(lang, "time_logs", "errors", "notes", "manifest")
        assert not [c for c in cells(book) if c.data_type == "f"]
    manifest = {row[0]: row[1:] for row in book["Manifest"].iter_rows(values_only=True)}
    assert manifest["key"][:3] == ("value", "kind", "layout") and "sheet" not in manifest["key"]
    assert manifest["as_of"][0] == dt.datetime(2026, 11, 24)
    assert "rules_version" not in manifest and "generated_at" not in manifest
    inputs = [row for key, row in manifest.items() if str(key).startswith("inputs.")]
    assert len(inputs) == len(report.inputs) and all(len(str(row[3])) == 64 for row in inputs)
    sheet = book["Time logs"]
    assert sheet.max_row == len(report.time_logs) + 1
    labels = headers(sheet)
    assert "cpr" not in labels and "case_ids" not in labels
    weeks = [str(label) for label in labels if str(label).startswith("by_week.")]
    assert weeks == sorted(weeks) and weeks
    assert any(str(label).startswith("by_category.") for label in labels)
    assert column(sheet, "period_start")[0].number_format == "yyyy-mm-dd"  # English: ISO
    danish = opened(timelog_workbook_bytes(report, "da", reveal_cpr=False))
    assert column(danish["Døgnskemaer"], "Periode fra")[0].number_format == "dd-mm-yyyy"
    danish_weeks = [h for h in headers(danish["Døgnskemaer"]) if str(h).startswith("Uge ")]
    assert danish_weeks[0] == "Uge " + weeks[0].removeprefix("by_week.2026-W") + " (2026)"
    assert column(sheet, "delivered_hours_week")[0].number_format == HOURS
    assert sheet.freeze_panes == "A2"


def test_timelog_cpr_column_only_when_revealed(tmp_path: Path) -> None:
    settings = Settings()
    run = summarise_timelogs([str(EXAMPLES / "doegnskemaer")], settings, AS_OF)
    report = build_timelog_report(run, settings, AS_OF, PSEUDONYMS, True)
    shown = opened(timelog_workbook_bytes(report, "da", reveal_cpr=True))
    assert "CPR-nr." in headers(shown["Døgnskemaer"])
    hidden = opened(timelog_workbook_bytes(report, "da", reveal_cpr=False))
    assert "CPR-nr." not in headers(hidden["Døgnskemaer"])
    assert CPR not in texts(hidden)


def test_the_time_of_the_run_is_on_this_machines_clock(
    report: AuditReport, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3")  # Danish time, no tz database needed
    time.tzset()
    try:
        stamped = report.model_copy(update={"generated_at": "2026-11-24T06:12:00+00:00"})
        book = opened(workbook_bytes(stamped, "da", reveal_cpr=False))
    finally:
        monkeypatch.undo()
        time.tzset()
    lines = {row[0]: row[1] for row in book["Oversigt"].iter_rows(max_col=2, values_only=True)}
    assert lines["Dannet"] == "24-11-2026 07:12"
    manifest = {row[0]: row[1] for row in book["Manifest"].iter_rows(values_only=True)}
    assert manifest["generated_at"] == "2026-11-24T06:12:00+00:00"  # the manifest keeps it exact
