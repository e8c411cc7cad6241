"""`bitcheck template`: the workbooks, their validation and texts, and filled ones read back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from bitcheck import values
from bitcheck.errors import OutputError
from bitcheck.inputs import InputResult, read_input
from bitcheck.settings import Settings
from bitcheck.templates import (
    KINDS_OF_SUPPORT,
    NEED_LEVELS,
    PARAGRAPHS,
    UNITS,
    VUM_THEMES,
    TemplateKind,
    all_texts,
    template_columns,
    write_template,
)

KINDS: tuple[TemplateKind, ...] = ("cases", "tariffs", "time_log")
DATA_SHEET = {"cases": "Sager", "tariffs": "Takstkatalog", "time_log": "Døgnskema"}
HEADER_ROW = {"cases": 1, "tariffs": 1, "time_log": 6}
TIME_LOG_HEADERS = [
    "Dato", "Fra kl.", "Til kl.", "Minutter", "Aktivitet", "Kategori", "Type",
    "Antal medarbejdere", "Antal borgere",
]  # fmt: skip
CASE_HEADERS = [
    "Sags-id", "CPR", "Sagsbehandler", "Paragraf", "Tilbud", "Tilbuds-id", "Afdeling",
    "Bevilget fra", "Bevilget til", "Funktionsniveau", "Takstniveau", "Visiterede timer pr. uge",
    "Ekstra timer pr. uge", "Basistakst", "Grundtakst", "Særtakst", "Takst", "Takstenhed",
    "Seneste opfølgning", "Næste opfølgning", "Mål", "Særtakst dokumenteret",
]  # fmt: skip
TARIFF_HEADERS = [
    "Tilbud", "Tilbuds-id", "Afdeling", "Takstniveau", "Gyldig fra", "Gyldig til",
    "Basistakst pr. døgn", "Grundtakst pr. døgn", "Normerede timer pr. uge", "Timepris",
    "Funktionsniveau fra", "Funktionsniveau til",
]  # fmt: skip
HEADERS = {"cases": CASE_HEADERS, "tariffs": TARIFF_HEADERS, "time_log": TIME_LOG_HEADERS}


def template(kind: TemplateKind, tmp_path: Path, lang: str = "da") -> Path:
    path = tmp_path / f"{kind}-{lang}.xlsx"
    write_template(kind, path, lang)
    return path


def read_back(path: Path) -> InputResult:
    return read_input(path, "x.xlsx", None, Settings())


def header_cells(sheet: Worksheet, row: int) -> list[object]:
    return [cell.value for cell in sheet[row] if cell.value is not None]


def validations(sheet: Worksheet, header_row: int) -> dict[str, DataValidation]:
    """Each data column's validation by its header; each must cover the 1,000 rows below it."""
    found: dict[str, DataValidation] = {}
    for validation in sheet.data_validations.dataValidation:
        for cells in validation.sqref.ranges:
            if cells.min_row == header_row + 1:
                assert cells.max_row == header_row + 1000
                found[str(sheet.cell(header_row, cells.min_col).value)] = validation
    return found


def list_values(workbook: openpyxl.Workbook, validation: DataValidation) -> list[object]:
    assert validation.type == "list" and validation.formula1 is not None
    sheet_name, cells = validation.formula1.split("!")
    assert sheet_name == "'Lister'"
    return [row[0].value for row in workbook["Lister"][cells.replace("$", "")]]


def fill(sheet: Worksheet, header_row: int, rows: list[dict[str, Any]]) -> None:
    """Type values under their headers, as a provider or analyst would."""
    columns = {cell.value: cell.column for cell in sheet[header_row] if cell.value is not None}
    for offset, row in enumerate(rows, start=1):
        for header, value in row.items():
            sheet.cell(row=header_row + offset, column=columns[header], value=value)


def errors(result: InputResult) -> list[tuple[str, str | None, int | None]]:
    return [(p.code, p.field, p.row) for p in result.all_problems() if p.is_error]


def assert_read_back(result: InputResult, expected: list[dict[str, Any]]) -> None:
    frame = result.frame()
    assert result.rows_read == len(expected) == len(frame)
    assert errors(result) == []
    for index, row in enumerate(expected):
        actual = {name: frame.at[index, name] for name in row}
        assert actual == row, f"row {index}"


# --- the workbooks -----------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_sheets_headers_and_frozen_header(kind: TemplateKind, tmp_path: Path) -> None:
    workbook = openpyxl.load_workbook(template(kind, tmp_path))
    assert workbook.sheetnames == [DATA_SHEET[kind], "Vejledning", "Lister"]
    assert workbook["Lister"].sheet_state == "hidden"
    sheet = workbook[DATA_SHEET[kind]]
    header_row = HEADER_ROW[kind]
    assert header_cells(sheet, header_row) == HEADERS[kind]
    assert [column.header for column in template_columns(kind)] == HEADERS[kind]
    assert sheet.freeze_panes == f"A{header_row + 1}"
    assert sheet.cell(header_row, 1).font.bold
    assert all(sheet.cell(row, 1).value is None for row in range(header_row + 1, 1010))


@pytest.mark.parametrize("kind", KINDS)
def test_headers_are_schema_aliases(kind: TemplateKind) -> None:
    for column in template_columns(kind):
        assert column.header in column.spec.aliases


def test_time_log_header_block(tmp_path: Path) -> None:
    sheet = openpyxl.load_workbook(template("time_log", tmp_path))["Døgnskema"]
    assert sheet["A1"].value and "Døgnskema" in str(sheet["A1"].value)
    assert [sheet[f"A{row}"].value for row in (2, 3, 4)] == ["CPR-nr:", "Tilbud:", "Periode:"]
    assert all(sheet.cell(row, column).value is None for row in (2, 3, 4) for column in (2, 3, 4))
    assert all(sheet.cell(5, column).value is None for column in range(1, 12))
    assert sheet["B4"].comment is not None and "dd-mm-åååå" in sheet["B4"].comment.text
    prompts = {
        str(v.sqref): v.prompt for v in sheet.data_validations.dataValidation if v.sqref.ranges
    }
    assert "DDMMÅÅ" in (prompts["B2"] or "") and "dd-mm-åååå" in (prompts["B4"] or "")


def test_time_log_validation_and_formats(tmp_path: Path) -> None:
    workbook = openpyxl.load_workbook(template("time_log", tmp_path))
    sheet = workbook["Døgnskema"]
    rules = validations(sheet, 6)
    assert set(rules) == set(TIME_LOG_HEADERS)
    assert list_values(workbook, rules["Type"]) == list(KINDS_OF_SUPPORT)
    assert list_values(workbook, rules["Kategori"]) == list(VUM_THEMES)
    assert (rules["Dato"].type, rules["Dato"].operator) == ("date", "between")
    for header in ("Fra kl.", "Til kl."):
        rule = rules[header]
        assert (rule.type, rule.operator, rule.formula1) == ("time", "between", "0")
        assert round(float(rule.formula2 or 0) * 1440) == 1439
    assert (rules["Minutter"].type, rules["Minutter"].operator) == ("whole", "greaterThan")
    assert rules["Minutter"].formula1 == "0"
    for header in ("Antal medarbejdere", "Antal borgere"):
        rule = rules[header]
        assert (rule.type, rule.operator, rule.formula1) == ("whole", "greaterThanOrEqual", "1")
    assert all(rule.showInputMessage and rule.prompt for rule in rules.values())
    assert rules["Type"].errorStyle == "stop" and rules["Kategori"].errorStyle == "warning"
    assert (
        sheet["A7"].number_format == "dd-mm-yyyy" and sheet["A1006"].number_format == "dd-mm-yyyy"
    )
    assert sheet["B7"].number_format == "hh:mm" and sheet["C1006"].number_format == "hh:mm"


def test_case_validation(tmp_path: Path) -> None:
    workbook = openpyxl.load_workbook(template("cases", tmp_path))
    sheet = workbook["Sager"]
    rules = validations(sheet, 1)
    assert list_values(workbook, rules["Paragraf"]) == list(PARAGRAPHS)
    assert list_values(workbook, rules["Takstenhed"]) == list(UNITS)
    assert list_values(workbook, rules["Særtakst dokumenteret"]) == ["ja", "nej"]
    assert list_values(workbook, rules["Funktionsniveau"]) == list(NEED_LEVELS)
    for header in ("Bevilget fra", "Bevilget til", "Seneste opfølgning", "Næste opfølgning"):
        assert rules[header].type == "date"
        assert sheet[f"{_letter(sheet, header)}2"].number_format == "dd-mm-yyyy"
    for header in ("Basistakst", "Grundtakst", "Særtakst", "Takst"):
        assert (rules[header].type, rules[header].operator) == ("decimal", "greaterThanOrEqual")
    assert rules["Visiterede timer pr. uge"].type == "decimal"
    assert rules["CPR"].type == "textLength"
    assert sheet[f"{_letter(sheet, 'CPR')}2"].number_format == "@"


def test_tariff_validation(tmp_path: Path) -> None:
    workbook = openpyxl.load_workbook(template("tariffs", tmp_path))
    rules = validations(workbook["Takstkatalog"], 1)
    assert rules["Gyldig fra"].type == rules["Gyldig til"].type == "date"
    assert rules["Grundtakst pr. døgn"].type == rules["Timepris"].type == "decimal"
    for header in ("Funktionsniveau fra", "Funktionsniveau til"):
        assert list_values(workbook, rules[header]) == list(NEED_LEVELS)


def _letter(sheet: Worksheet, header: str) -> str:
    return next(cell.column_letter for cell in sheet[1] if cell.value == header)


def test_drop_down_values_are_read_as_meant() -> None:
    kinds = [values.parse_kind(label) for label in KINDS_OF_SUPPORT]
    assert kinds == ["direct", "direct", "indirect", "night_awake", "night_sleeping"]
    assert [values.parse_need_level(label) for label in NEED_LEVELS] == [0, 1, 2, 3, 4]
    assert [values.parse_unit(unit) for unit in UNITS] == ["day", "week", "month", "year", "hour"]
    assert [values.parse_yes_no(answer) for answer in ("ja", "nej")] == [True, False]
    assert [values.parse_paragraph(number) for number in PARAGRAPHS] == list(PARAGRAPHS)


# --- texts -------------------------------------------------------------------------------------


def workbook_texts(path: Path) -> list[str]:
    """Every text a user can see: cells, comments, input and error messages."""
    workbook = openpyxl.load_workbook(path)
    texts: list[str] = []
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            texts += [str(c.value) for c in row if c.value is not None]
            texts += [c.comment.text for c in row if c.comment is not None]
        for rule in sheet.data_validations.dataValidation:
            texts += [t for t in (rule.prompt, rule.promptTitle, rule.error) if t]
    return texts


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_wording(kind: TemplateKind, lang: str, tmp_path: Path) -> None:
    texts = workbook_texts(template(kind, tmp_path, lang))
    assert not [text for text in texts if "besparelse" in text.lower()]
    assert not [text for text in texts if "saving" in text.lower()]


@pytest.mark.parametrize("lang", ["da", "en"])
def test_message_lengths_fit_excel(lang: str, tmp_path: Path) -> None:
    for kind in KINDS:
        for sheet in openpyxl.load_workbook(template(kind, tmp_path, lang)).worksheets:
            for rule in sheet.data_validations.dataValidation:
                assert len(rule.prompt or "") <= 255 and len(rule.error or "") <= 225
                assert len(rule.promptTitle or "") <= 32 and len(rule.errorTitle or "") <= 32
    assert all("besparelse" not in text.lower() for text in all_texts("da"))


def test_time_log_instructions_say_what_why_and_how(tmp_path: Path) -> None:
    text = " ".join(workbook_texts(template("time_log", tmp_path)))
    for words in ("2-3 uger", "nat", "weekend", "Direkte", "Delt/gruppe", "Indirekte"):
        assert words in text
    for words in ("Nattevagt vågen", "Antal borgere", "Antal medarbejdere", "midnat"):
        assert words in text
    for words in ("faktisk modtager", "rettigheder", "Digital Post", "Minutter"):
        assert words in text


def test_english_instructions_and_danish_headers(tmp_path: Path) -> None:
    for kind in KINDS:
        workbook = openpyxl.load_workbook(template(kind, tmp_path, "en"))
        assert workbook.sheetnames == [DATA_SHEET[kind], "Instructions", "Lister"]
        assert header_cells(workbook[DATA_SHEET[kind]], HEADER_ROW[kind]) == HEADERS[kind]
        instructions = " ".join(str(c.value) for c in workbook["Instructions"]["A"] if c.value)
        assert "instructions" in instructions and "Why" in instructions
        assert read_back(tmp_path / f"{kind}-en.xlsx").kind == kind


def test_unwritable_path_is_an_output_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError):
        write_template("cases", tmp_path / "no-such-folder" / "sager.xlsx")


# --- read back ---------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["cases", "tariffs"])
def test_empty_template_reads_as_no_rows(kind: TemplateKind, tmp_path: Path) -> None:
    result = read_back(template(kind, tmp_path))
    assert (result.kind, result.rows_read, errors(result)) == (kind, 0, [])


def test_empty_time_log_reads_as_no_rows(tmp_path: Path) -> None:
    result = read_back(template("time_log", tmp_path))
    assert (result.kind, result.layout, result.rows_read) == ("time_log", "long", 0)


def test_empty_time_log_has_no_error(tmp_path: Path) -> None:
    assert errors(read_back(template("time_log", tmp_path))) == []


def test_filled_time_log_reads_back(tmp_path: Path) -> None:
    path = template("time_log", tmp_path)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Døgnskema"]
    sheet["B2"], sheet["B3"], sheet["B4"] = (
        "610190-1234",
        "Bostedet Toppen",
        "02-11-2026 - 15-11-2026",
    )
    day, later = dt.date(2026, 11, 2), dt.date(2026, 11, 4)
    typed = [
        {"Dato": day, "Fra kl.": dt.time(7, 30), "Til kl.": dt.time(8, 15), "Aktivitet": "Morgenrutine",
         "Kategori": "Egenomsorg", "Type": "Direkte", "Antal medarbejdere": 1, "Antal borgere": 1},
        {"Dato": day, "Fra kl.": dt.time(12, 0), "Minutter": 30, "Aktivitet": "Frokost",
         "Kategori": "Socialt liv", "Type": "Delt/gruppe", "Antal medarbejdere": 2, "Antal borgere": 4},
        {"Dato": day, "Fra kl.": dt.time(14, 0), "Til kl.": dt.time(14, 45), "Minutter": 45,
         "Aktivitet": "Dokumentation", "Kategori": "Andet", "Type": "Indirekte"},
        {"Dato": later, "Fra kl.": dt.time(22, 0), "Til kl.": dt.time(23, 0), "Type": "Nattevagt vågen"},
        {"Dato": later, "Fra kl.": dt.time(23, 30), "Til kl.": dt.time(0, 30),
         "Aktivitet": "Nattevagt", "Kategori": "Sundhed", "Type": "Nattevagt sovende"},
    ]  # fmt: skip
    fill(sheet, 6, typed)
    workbook.save(path)
    result = read_back(path)
    assert (result.kind, result.layout, result.sheets) == ("time_log", "long", ["Døgnskema"])
    block = {"cpr": "6101901234", "provider": "Bostedet Toppen"}
    period = {"period_start": day, "period_end": dt.date(2026, 11, 15)}
    assert_read_back(
        result,
        [
            {**block, **period, "date": day, "start": 450.0, "end": 495.0, "minutes": None,
             "activity": "Morgenrutine", "category": "Egenomsorg", "kind": "direct",
             "staff": 1, "residents": 1},
            {**block, "date": day, "start": 720.0, "end": None, "minutes": 30.0,
             "activity": "Frokost", "category": "Socialt liv", "kind": "direct",
             "staff": 2, "residents": 4},
            {**block, "date": day, "start": 840.0, "end": 885.0, "minutes": 45.0,
             "kind": "indirect", "staff": 1, "residents": 1},
            {**block, "date": later, "start": 1320.0, "end": 1380.0, "activity": None,
             "category": None, "kind": "night_awake"},
            {**block, "date": later, "start": 1410.0, "end": 30.0, "activity": "Nattevagt",
             "category": "Sundhed", "kind": "night_sleeping"},
        ],
    )  # fmt: skip


def test_filled_case_export_reads_back(tmp_path: Path) -> None:
    path = template("cases", tmp_path)
    workbook = openpyxl.load_workbook(path)
    typed = [
        {"Sags-id": "S-1001", "CPR": "610190-1234", "Sagsbehandler": "Rådgiver 7",
         "Paragraf": "108", "Tilbud": "Bostedet Toppen", "Tilbuds-id": "012345",
         "Afdeling": "Hus 2", "Bevilget fra": dt.date(2024, 3, 1),
         "Bevilget til": dt.date(2027, 2, 28), "Funktionsniveau": "3 - Svært",
         "Takstniveau": "Niveau 3", "Visiterede timer pr. uge": 14.5, "Ekstra timer pr. uge": 2,
         "Basistakst": 1250.5, "Grundtakst": 2800, "Særtakst": 450, "Takst": 4050.5,
         "Takstenhed": "døgn", "Seneste opfølgning": dt.date(2026, 1, 15),
         "Næste opfølgning": dt.date(2027, 1, 15), "Mål": "Handle ind selv",
         "Særtakst dokumenteret": "ja"},
        {"Sags-id": "1002", "CPR": "0101901234", "Paragraf": 85, "Tilbud": "Hjemmestøtten",
         "Bevilget fra": dt.date(2025, 6, 1), "Funktionsniveau": "1 - Let",
         "Visiterede timer pr. uge": 3, "Takst": 450, "Takstenhed": "time",
         "Særtakst dokumenteret": "nej"},
        {"Sags-id": "S-1003", "CPR": "2105851234", "Paragraf": "83a", "Tilbud": "Genoptræning",
         "Bevilget fra": dt.date(2026, 2, 1), "Funktionsniveau": "0 - Ingen",
         "Takst": 12000, "Takstenhed": "måned"},
    ]  # fmt: skip
    fill(workbook["Sager"], 1, typed)
    workbook.save(path)
    result = read_back(path)
    assert (result.kind, result.layout, result.sheets) == ("cases", "cases", ["Sager"])
    assert_read_back(
        result,
        [
            {"case_id": "S-1001", "cpr": "6101901234", "caseworker": "Rådgiver 7",
             "paragraph": "108", "provider": "Bostedet Toppen", "provider_id": "012345",
             "department": "Hus 2", "grant_start": dt.date(2024, 3, 1),
             "grant_end": dt.date(2027, 2, 28), "need_level": 3, "level": "Niveau 3",
             "granted_hours_week": 14.5, "extra_hours_week": 2.0, "basic_tariff": 1250.5,
             "base_tariff": 2800.0, "special_tariff": 450.0, "tariff_total": 4050.5,
             "tariff_unit": "day", "last_review": dt.date(2026, 1, 15),
             "next_review": dt.date(2027, 1, 15), "goals": "Handle ind selv",
             "special_documented": True},
            {"case_id": "1002", "cpr": "0101901234", "paragraph": "85", "need_level": 1,
             "granted_hours_week": 3.0, "extra_hours_week": 0.0, "special_tariff": 0.0,
             "tariff_total": 450.0, "tariff_unit": "hour", "special_documented": False,
             "grant_end": None, "basic_tariff": None},
            {"case_id": "S-1003", "paragraph": "83a", "need_level": 0, "tariff_unit": "month",
             "tariff_total": 12000.0, "special_documented": None},
        ],
    )  # fmt: skip


def test_filled_tariff_catalogue_reads_back(tmp_path: Path) -> None:
    path = template("tariffs", tmp_path)
    workbook = openpyxl.load_workbook(path)
    year = {"Gyldig fra": dt.date(2026, 1, 1), "Gyldig til": dt.date(2026, 12, 31)}
    typed = [
        {"Tilbud": "Bostedet Toppen", "Tilbuds-id": "012345", "Afdeling": "Hus 2",
         "Takstniveau": "Niveau 3", **year, "Basistakst pr. døgn": 1250.5,
         "Grundtakst pr. døgn": 2800, "Normerede timer pr. uge": 12, "Timepris": 450,
         "Funktionsniveau fra": "2 - Moderat", "Funktionsniveau til": "3 - Svært"},
        {"Tilbud": "Bostedet Toppen", "Takstniveau": "Niveau 4", **year,
         "Grundtakst pr. døgn": 3650.75},
    ]  # fmt: skip
    fill(workbook["Takstkatalog"], 1, typed)
    workbook.save(path)
    result = read_back(path)
    assert (result.kind, result.layout, result.sheets) == ("tariffs", "model", ["Takstkatalog"])
    dates = {"valid_from": dt.date(2026, 1, 1), "valid_to": dt.date(2026, 12, 31)}
    assert_read_back(
        result,
        [
            {"provider": "Bostedet Toppen", "provider_id": "012345", "department": "Hus 2",
             "level": "Niveau 3", **dates, "basic_tariff": 1250.5, "base_tariff": 2800.0,
             "level_hours_week": 12.0, "hourly_rate": 450.0, "need_min": 2, "need_max": 3},
            {"provider": "Bostedet Toppen", "provider_id": None, "department": None,
             "level": "Niveau 4", **dates, "basic_tariff": 0.0, "base_tariff": 3650.75,
             "hourly_rate": None, "need_min": None},
        ],
    )  # fmt: skip
