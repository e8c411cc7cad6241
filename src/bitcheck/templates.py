"""`bitcheck template`: empty, ready-to-fill workbooks that bitcheck reads back exactly.

Each template has one data sheet (headers are schema aliases, so the reader matches them), a
sheet of instructions (`Vejledning` / `Instructions`) and a hidden sheet of drop-down lists
(`Lister`); the reader skips both. Data validation guides the person filling it in; nothing is
written into a data cell, so an unfilled template reads back as no rows.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from pydantic import BaseModel

from bitcheck.render.output import write_atomic
from bitcheck.schemas.cases import CaseRow
from bitcheck.schemas.fields import FieldSpec, field_specs
from bitcheck.schemas.tariffs import TariffModelRow
from bitcheck.schemas.time_log import TimeLogRow

TemplateKind = Literal["cases", "tariffs", "time_log"]
Lang = Literal["da", "en"]

DATA_ROWS = 1000
DATE_FORMAT = "dd-mm-yyyy"
TIME_FORMAT = "hh:mm"
TEXT_FORMAT = "@"
FIRST_DATE, LAST_DATE = "1", "73050"  # Excel serials of 01-01-1900 and 31-12-2099
LAST_MINUTE = repr(1439 / 1440)  # 23:59 as a fraction of a day
MAX_HOURS_WEEK = "168"
LISTS_SHEET = "Lister"
INSTRUCTIONS_SHEET: dict[Lang, str] = {"da": "Vejledning", "en": "Instructions"}

KINDS_OF_SUPPORT = ("Direkte", "Delt/gruppe", "Indirekte", "Nattevagt vågen", "Nattevagt sovende")
VUM_THEMES = (
    "Egenomsorg", "Praktiske opgaver", "Samfundsliv", "Sundhed", "Mentale funktioner",
    "Kommunikation", "Socialt liv", "Bevægelse", "Andet",
)  # fmt: skip
PARAGRAPHS = ("85", "107", "108", "105", "83", "83a", "84", "103", "104")
UNITS = ("døgn", "uge", "måned", "år", "time")
YES_NO = ("ja", "nej")
NEED_LEVELS = ("0 - Ingen", "1 - Let", "2 - Moderat", "3 - Svært", "4 - Fuldstændig")

# Each drop-down list: its column on the Lister sheet, its values, whether other text is allowed.
LISTS: dict[str, tuple[tuple[str, ...], bool]] = {
    "Type": (KINDS_OF_SUPPORT, False),
    "Kategori": (VUM_THEMES, True),  # a theme of the provider's own is still read
    "Paragraf": (PARAGRAPHS, True),  # 102, 109, 110 and "SEL § 108" are read too
    "Takstenhed": (UNITS, False),
    "Ja/nej": (YES_NO, False),
    "Funktionsniveau": (NEED_LEVELS, False),
}
LIST_OF_TYPE = {
    "kind": "Type",
    "paragraph": "Paragraf",
    "unit": "Takstenhed",
    "yes_no": "Ja/nej",
    "need_level": "Funktionsniveau",
}
LIST_OF_FIELD = {"category": "Kategori"}

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
THIN = Side(style="thin", color="BFBFBF")
INPUT_BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WIDTHS = {"date": 13, "time": 10, "minutes": 11, "count": 12, "text": 24, "cpr": 14}


@dataclass(frozen=True)
class TemplateLayout:
    """What one kind's data sheet holds."""

    sheet: str
    model: type[BaseModel]
    fields: tuple[str, ...] | None  # None: every field of the model
    headers: dict[str, str]  # a field's header when it is not the field's first alias
    title: dict[Lang, str] | None = None  # a time log's title row above its header block


TEMPLATES: dict[TemplateKind, TemplateLayout] = {
    "cases": TemplateLayout("Sager", CaseRow, None, {}),
    "tariffs": TemplateLayout("Takstkatalog", TariffModelRow, None, {}),
    "time_log": TemplateLayout(
        "Døgnskema",
        TimeLogRow,
        ("date", "start", "end", "minutes", "activity", "category", "kind", "staff", "residents"),
        {"start": "Fra kl.", "end": "Til kl."},
        {
            "da": "Døgnskema – læs arket Vejledning, før I udfylder skemaet",
            "en": "Døgnskema (time log) – read the sheet Instructions before filling it in",
        },
    ),
}
BLOCK_LABELS = (("cpr", "CPR-nr:"), ("provider", "Tilbud:"), ("period", "Periode:"))
BLOCK_VALUE_COLUMNS = (2, 4)  # the value cell of a block row: B, merged to D


@dataclass(frozen=True)
class TemplateColumn:
    """One column of a template's data sheet."""

    spec: FieldSpec
    header: str


def template_columns(kind: TemplateKind) -> list[TemplateColumn]:
    """The columns of a kind's data sheet, each headed by one of its field's schema aliases."""
    layout = TEMPLATES[kind]
    specs = {spec.name: spec for spec in field_specs(layout.model)}
    names = layout.fields or tuple(specs)
    return [TemplateColumn(specs[name], _header(specs[name], layout)) for name in names]


def _header(spec: FieldSpec, layout: TemplateLayout) -> str:
    header = layout.headers.get(spec.name, spec.aliases[0])
    if header not in spec.aliases:
        raise ValueError(f"{header!r} is not an alias of {spec.name}")
    return header


def write_template(kind: TemplateKind, path: Path, lang: str = "da") -> None:
    """Write the empty template of one input kind; raises OutputError if it can't be written."""
    language: Lang = "en" if lang == "en" else "da"
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = TEMPLATES[kind].sheet
    header_row = _write_block(sheet, kind, language)
    columns = template_columns(kind)
    _write_table(sheet, columns, header_row, language)
    _write_instructions(
        workbook.create_sheet(INSTRUCTIONS_SHEET[language]), kind, columns, language
    )
    _write_lists(workbook.create_sheet(LISTS_SHEET))
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_atomic(path, buffer.getvalue())


# --- the header block of a time log ------------------------------------------------------------


def _write_block(sheet: Worksheet, kind: TemplateKind, lang: Lang) -> int:
    """A time log's title and header block (rows 1-4, a blank row 5); the header row's number."""
    title = TEMPLATES[kind].title
    if title is None:
        return 1
    sheet["A1"] = title[lang]
    sheet["A1"].font = Font(bold=True, size=14)
    for row, (name, label) in enumerate(BLOCK_LABELS, start=2):
        _write_block_row(sheet, row, name, label, lang)
    return len(BLOCK_LABELS) + 3


def _write_block_row(sheet: Worksheet, row: int, name: str, label: str, lang: Lang) -> None:
    sheet.cell(row=row, column=1, value=label).font = Font(bold=True)
    first, last = BLOCK_VALUE_COLUMNS
    for column in range(first, last + 1):
        cell = sheet.cell(row=row, column=column)
        cell.fill, cell.border, cell.number_format = INPUT_FILL, INPUT_BORDER, TEXT_FORMAT
    sheet.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
    reference = f"{get_column_letter(first)}{row}"
    validation = _validation_of_block(name, label, lang)
    validation.add(reference)
    sheet.add_data_validation(validation)
    if name == "period":
        sheet[reference].comment = Comment(_prompt("period", lang), "bitcheck")


def _validation_of_block(name: str, label: str, lang: Lang) -> DataValidation:
    if name == "cpr":
        return _rule("cpr", label.rstrip(":"), _prompt("cpr", lang), lang)
    return _any_value(label.rstrip(":"), _prompt(name, lang))


# --- the data table ----------------------------------------------------------------------------


def _write_table(
    sheet: Worksheet, columns: list[TemplateColumn], header_row: int, lang: Lang
) -> None:
    for position, column in enumerate(columns, start=1):
        _write_header_cell(sheet, header_row, position, column)
        _format_column(sheet, header_row, position, column)
        validation = _validation_of(column, lang)
        validation.add(_data_range(header_row, position))
        sheet.add_data_validation(validation)
    sheet.row_dimensions[header_row].height = 32
    sheet.freeze_panes = f"A{header_row + 1}"


def _write_header_cell(sheet: Worksheet, row: int, position: int, column: TemplateColumn) -> None:
    cell = sheet.cell(row=row, column=position, value=column.header)
    cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    width = max(WIDTHS.get(column.spec.value_type, 14), len(column.header) + 3)
    if column.spec.name == "activity":
        width = 40
    sheet.column_dimensions[get_column_letter(position)].width = width


def _format_column(
    sheet: Worksheet, header_row: int, position: int, column: TemplateColumn
) -> None:
    number_format = _number_format(column.spec.value_type)
    if number_format is None:
        return
    for row in range(header_row + 1, header_row + DATA_ROWS + 1):
        sheet.cell(row=row, column=position).number_format = number_format


def _number_format(value_type: str) -> str | None:
    if value_type == "date":
        return DATE_FORMAT
    if value_type == "time":
        return TIME_FORMAT
    if value_type in ("cpr", "id"):
        return TEXT_FORMAT  # keeps leading zeros
    return None


def _data_range(header_row: int, position: int) -> str:
    letter = get_column_letter(position)
    return f"{letter}{header_row + 1}:{letter}{header_row + DATA_ROWS}"


def _validation_of(column: TemplateColumn, lang: Lang) -> DataValidation:
    """A drop-down, a rule on the value, or (for free text) only an input message."""
    spec = column.spec
    title, prompt = column.header, _prompt(spec.name, lang)
    list_name = LIST_OF_FIELD.get(spec.name) or LIST_OF_TYPE.get(spec.value_type)
    if list_name is not None:
        return _drop_down(list_name, title, prompt, lang)
    if spec.value_type in RULES:
        return _rule(spec.value_type, title, prompt, lang)
    return _any_value(title, prompt)


# --- data validation ---------------------------------------------------------------------------

RuleType = Literal["whole", "decimal", "date", "time", "textLength"]
Operator = Literal["between", "greaterThan", "greaterThanOrEqual"]
ErrorStyle = Literal["stop", "warning"]

# value type -> (validation type, operator, formula1, formula2)
RULES: dict[str, tuple[RuleType, Operator, str, str | None]] = {
    "date": ("date", "between", FIRST_DATE, LAST_DATE),
    "time": ("time", "between", "0", LAST_MINUTE),
    "minutes": ("whole", "greaterThan", "0", None),
    "count": ("whole", "greaterThanOrEqual", "1", None),
    "hours": ("decimal", "between", "0", MAX_HOURS_WEEK),
    "amount": ("decimal", "greaterThanOrEqual", "0", None),
    "cpr": ("textLength", "between", "10", "11"),
}


def _rule(value_type: str, title: str, prompt: str, lang: Lang) -> DataValidation:
    kind, operator, formula1, formula2 = RULES[value_type]
    validation = DataValidation(type=kind, operator=operator, formula1=formula1, formula2=formula2)
    return _with_messages(validation, title, prompt, ERRORS[value_type][lang], "stop")


def _drop_down(list_name: str, title: str, prompt: str, lang: Lang) -> DataValidation:
    values, open_list = LISTS[list_name]
    letter = get_column_letter(list(LISTS).index(list_name) + 1)
    formula = f"'{LISTS_SHEET}'!${letter}$2:${letter}${len(values) + 1}"
    validation = DataValidation(type="list", formula1=formula)
    error = ERRORS["open_list" if open_list else "list"][lang]
    return _with_messages(validation, title, prompt, error, "warning" if open_list else "stop")


def _any_value(title: str, prompt: str) -> DataValidation:
    """No restriction: only the input message shown when the cell is selected."""
    validation = DataValidation(allow_blank=True, showInputMessage=True)
    validation.promptTitle, validation.prompt = title[:32], prompt
    return validation


def _with_messages(
    validation: DataValidation, title: str, prompt: str, error: str, style: ErrorStyle
) -> DataValidation:
    validation.allow_blank = True
    validation.showInputMessage, validation.showErrorMessage = True, True
    validation.promptTitle, validation.prompt = title[:32], prompt
    validation.errorTitle, validation.error, validation.errorStyle = title[:32], error, style
    return validation


def _write_lists(sheet: Worksheet) -> None:
    """The drop-down values, one list per column under its name; the sheet is hidden."""
    for position, (name, (values, _)) in enumerate(LISTS.items(), start=1):
        sheet.cell(row=1, column=position, value=name).font = Font(bold=True)
        for row, value in enumerate(values, start=2):
            sheet.cell(row=row, column=position, value=value).number_format = TEXT_FORMAT
        sheet.column_dimensions[get_column_letter(position)].width = 20
    sheet.sheet_state = "hidden"


# --- the instructions sheet --------------------------------------------------------------------


def _write_instructions(
    sheet: Worksheet, kind: TemplateKind, columns: list[TemplateColumn], lang: Lang
) -> None:
    """Headings (lines starting with "# ") in bold; every line wraps in one wide column."""
    sheet.column_dimensions["A"].width = 110
    for row, line in enumerate(_instruction_lines(kind, columns, lang), start=1):
        heading = line.startswith("# ")
        cell = sheet.cell(row=row, column=1, value=line.removeprefix("# "))
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if heading:
            cell.font = Font(bold=True, size=14 if row == 1 else 12)


def _instruction_lines(kind: TemplateKind, columns: list[TemplateColumn], lang: Lang) -> list[str]:
    column_lines = [f"• {column.header}: {_prompt(column.spec.name, lang)}" for column in columns]
    closing = CLOSING[kind][lang] if kind in CLOSING else ()
    return [*INSTRUCTIONS[kind][lang], "", COLUMNS_HEADING[lang], *column_lines, *closing]


def _prompt(name: str, lang: Lang) -> str:
    return PROMPTS[name][lang]


def all_texts(lang: Lang) -> Iterable[str]:
    """Every user-facing text a template can hold (for checks of wording and length)."""
    yield from (texts[lang] for texts in PROMPTS.values())
    yield from (texts[lang] for texts in ERRORS.values())
    for kind in TEMPLATES:
        yield from INSTRUCTIONS[kind][lang]
        yield from CLOSING.get(kind, {}).get(lang, ())


# --- texts -------------------------------------------------------------------------------------
# Input messages (Excel shows at most 255 characters), per field.
PROMPTS: dict[str, dict[Lang, str]] = {
    "case_id": {"da": "Sagens id i fagsystemet.", "en": "The case's id in the case system."},
    "cpr": {"da": "CPR-nummer som DDMMÅÅ-LLLL, fx 610190-1234.", "en": "CPR number as DDMMYY-SSSS, for instance 610190-1234."},
    "caseworker": {"da": "Sagsbehandler eller rådgiver (kan udelades).", "en": "Caseworker (optional)."},
    "paragraph": {"da": "Lovgrundlaget, fx 108 for servicelovens § 108. Vælg på listen, eller skriv fx SEL § 110.", "en": "The legal basis, e.g. 108 for the Social Services Act § 108. Pick from the list or type e.g. SEL § 110."},
    "provider": {"da": "Tilbuddets navn, skrevet ens i alle filer.", "en": "The provider's name (tilbud), written the same way in every file."},
    "provider_id": {"da": "Tilbuddets nummer, fx fra Tilbudsportalen (kan udelades).", "en": "The provider's number, e.g. from Tilbudsportalen (optional)."},
    "department": {"da": "Afdeling på tilbuddet (kan udelades).", "en": "Department of the provider (optional)."},
    "grant_start": {"da": "Datoen indsatsen er bevilget fra, dd-mm-åååå.", "en": "The date the intervention is granted from, dd-mm-yyyy."},
    "grant_end": {"da": "Datoen bevillingen slutter, dd-mm-åååå. Tom hvis den ikke er tidsbegrænset.", "en": "The date the grant ends, dd-mm-yyyy. Empty if open-ended."},
    "need_level": {"da": "Samlet funktionsniveau efter VUM: 0 Ingen, 1 Let, 2 Moderat, 3 Svært, 4 Fuldstændig.", "en": "Overall VUM function level: 0 none, 1 light, 2 moderate, 3 severe, 4 complete limitation."},
    "level": {"da": "Takstniveau eller pakke, skrevet som i takstkataloget, fx Niveau 3.", "en": "Tariff level or package, written as in the tariff catalogue, e.g. Niveau 3."},
    "granted_hours_week": {"da": "Det samlede antal støttetimer pr. uge, der er visiteret, ekstra timer medregnet.", "en": "Total support hours per week granted, extra hours included."},
    "extra_hours_week": {"da": "Ekstra 1:1-timer pr. uge ud over niveauet (tom betyder 0).", "en": "Extra 1:1 hours per week on top of the level (empty means 0)."},
    "basic_tariff": {"da": "Basistakst i kr.: den del af taksten, der er ens for alle beboere.", "en": "Basic tariff in DKK: the part that is the same for every resident."},
    "base_tariff": {"da": "Grundtakst i kr.: prisen for støtteniveauet.", "en": "Base tariff in DKK: the price of the support level."},
    "special_tariff": {"da": "Særtakst eller tillægstakst i kr. (tom betyder 0).", "en": "Special (add-on) tariff in DKK (empty means 0)."},
    "tariff_total": {"da": "Den samlede takst i kr., hvis den ikke er delt op i basis- og grundtakst.", "en": "The total tariff in DKK, when it is not split into basic and base tariff."},
    "tariff_unit": {"da": "Hvad beløbene gælder for: døgn, uge, måned, år eller time. Tom betyder døgn.", "en": "What the amounts are per: døgn (day), uge (week), måned (month), år (year) or time (hour). Empty means day."},
    "last_review": {"da": "Dato for seneste opfølgning, dd-mm-åååå.", "en": "Date of the last follow-up, dd-mm-yyyy."},
    "next_review": {"da": "Dato for næste planlagte opfølgning, dd-mm-åååå.", "en": "Date of the next planned follow-up, dd-mm-yyyy."},
    "goals": {"da": "Indsatsmål, eller antallet af mål.", "en": "The intervention's goals, or their number."},
    "special_documented": {"da": "Er særtaksten dokumenteret? ja eller nej.", "en": "Is the special tariff documented? ja (yes) or nej (no)."},
    "valid_from": {"da": "Datoen taksten gælder fra, dd-mm-åååå. Tom: ingen startdato.", "en": "The date the tariff applies from, dd-mm-yyyy. Empty: no start date."},
    "valid_to": {"da": "Datoen taksten gælder til og med, dd-mm-åååå. Tom: ingen slutdato.", "en": "The last date the tariff applies, dd-mm-yyyy. Empty: no end date."},
    "level_hours_week": {"da": "De støttetimer pr. uge, som takstniveauet svarer til.", "en": "The support hours per week that the tariff level stands for."},
    "hourly_rate": {"da": "Prisen i kr. for en ekstra time (særtakst/tillægstakst).", "en": "The price in DKK of one extra hour (special tariff)."},
    "need_min": {"da": "Laveste VUM-funktionsniveau, takstniveauet er beregnet til.", "en": "The lowest VUM function level the tariff level is meant for."},
    "need_max": {"da": "Højeste VUM-funktionsniveau, takstniveauet er beregnet til.", "en": "The highest VUM function level the tariff level is meant for."},
    "date": {"da": "Datoen indsatsen begyndte, dd-mm-åååå. En indsats efter midnat hører til den dato, den begyndte.", "en": "The date the entry started, dd-mm-yyyy. An entry running past midnight belongs to the date it started."},
    "start": {"da": "Klokkeslæt indsatsen begyndte, tt:mm, fx 07:30.", "en": "Time the entry started, hh:mm, for instance 07:30."},
    "end": {"da": "Klokkeslæt indsatsen sluttede, tt:mm. Udfyld Til kl. eller Minutter.", "en": "Time the entry ended, hh:mm. Fill in Til kl. (end) or Minutter (minutes)."},
    "minutes": {"da": "Varighed i hele minutter, fx 45. Udfyld Minutter eller Til kl.", "en": "Duration in whole minutes, for instance 45. Fill in Minutter or Til kl. (end)."},
    "activity": {"da": "Kort beskrivelse af indsatsen, fx morgenrutine eller indkøb. Skriv ikke navne.", "en": "A short description, e.g. morning routine or shopping. Do not write names."},
    "category": {"da": "VUM-temaet indsatsen hører under. Vælg på listen.", "en": "The VUM theme the entry belongs to. Pick from the list."},
    "kind": {"da": "Direkte (1:1), Delt/gruppe (flere borgere på én gang), Indirekte (uden borgeren), Nattevagt vågen eller Nattevagt sovende.", "en": "Direkte (1:1), Delt/gruppe (shared: several residents at once), Indirekte (indirect, without the citizen), Nattevagt vågen (night, awake) or Nattevagt sovende (night, asleep)."},
    "staff": {"da": "Antal medarbejdere, der gav indsatsen. Tom betyder 1.", "en": "Number of staff who gave the support. Empty means 1."},
    "residents": {"da": "Antal borgere, der fik indsatsen samtidig (ved delt støtte). Tom betyder 1.", "en": "Number of residents who received the support together (shared support). Empty means 1."},
    "period": {"da": "Perioden skemaet dækker, som dd-mm-åååå - dd-mm-åååå, fx 02-11-2026 - 15-11-2026.", "en": "The period the log covers, as dd-mm-yyyy - dd-mm-yyyy, for instance 02-11-2026 - 15-11-2026."},
}  # fmt: skip

# Error messages when a value breaks a cell's rule, per value type (and kind of list).
ERRORS: dict[str, dict[Lang, str]] = {
    "date": {"da": "Skriv en dato som dd-mm-åååå, fx 24-11-2026.", "en": "Enter a date as dd-mm-yyyy, for instance 24-11-2026."},
    "time": {"da": "Skriv et klokkeslæt mellem 00:00 og 23:59, fx 07:30.", "en": "Enter a time between 00:00 and 23:59, for instance 07:30."},
    "minutes": {"da": "Skriv antal minutter som et helt tal større end 0, fx 45.", "en": "Enter the minutes as a whole number above 0, for instance 45."},
    "count": {"da": "Skriv et helt tal, mindst 1.", "en": "Enter a whole number, at least 1."},
    "hours": {"da": "Skriv timer pr. uge som et tal mellem 0 og 168.", "en": "Enter hours per week as a number between 0 and 168."},
    "amount": {"da": "Skriv et beløb i kr., 0 eller mere.", "en": "Enter an amount in DKK, 0 or more."},
    "cpr": {"da": "Skriv CPR-nummeret som DDMMÅÅ-LLLL eller DDMMÅÅLLLL.", "en": "Enter the CPR number as DDMMYY-SSSS or DDMMYYSSSS."},
    "list": {"da": "Vælg en værdi på listen.", "en": "Pick a value from the list."},
    "open_list": {"da": "Værdien står ikke på listen. Vælg Ja for at beholde den alligevel.", "en": "The value is not on the list. Choose Yes to keep it anyway."},
}  # fmt: skip

COLUMNS_HEADING: dict[Lang, str] = {"da": "# Kolonnerne", "en": "# The columns"}

CLOSING: dict[TemplateKind, dict[Lang, tuple[str, ...]]] = {
    "time_log": {
        "da": (
            "",
            "# Sådan sender I skemaet tilbage",
            "Gem filen som Excel-fil (.xlsx). Ændr ikke kolonneoverskrifterne eller teksterne CPR-nr:, Tilbud: og Periode:; skemaet læses ud fra dem.",
            "Send filen til borgerens sagsbehandler med sikker post (fx Digital Post eller sikker mail), fordi den indeholder et CPR-nummer. Send den ikke med almindelig e-mail.",
            "Har I spørgsmål, så kontakt borgerens sagsbehandler.",
        ),
        "en": (
            "",
            "# How to return the log",
            "Save the file as an Excel file (.xlsx). Do not change the column headings or the labels CPR-nr:, Tilbud: and Periode:; the log is read by them.",
            "Send the file to the citizen's caseworker by secure mail (e.g. Digital Post or secure e-mail), because it holds a CPR number. Do not send it by ordinary e-mail.",
            "If you have questions, contact the citizen's caseworker.",
        ),
    }
}

INSTRUCTIONS: dict[TemplateKind, dict[Lang, tuple[str, ...]]] = {
    "time_log": {
        "da": (
            "# Døgnskema – vejledning",
            "# Hvorfor et døgnskema",
            "Døgnskemaet dokumenterer den støtte, borgeren faktisk modtager. Det giver kommunen og tilbuddet et fælles, konkret grundlag for at se, om støtten passer til borgerens behov og til det, der er bevilget.",
            "Dokumentationen beskytter borgerens rettigheder: beslutninger om borgerens støtte skal bygge på en konkret, individuel vurdering, og skemaet viser, hvad borgeren rent faktisk får.",
            "",
            "# Hvad skal skrives",
            "Skriv hver indsats for borgeren i 2-3 uger i træk – hele døgnet, også aften, nat, weekend og helligdage. Én række pr. indsats.",
            "Øverst i arket: borgerens CPR-nr., tilbuddets navn og perioden som dd-mm-åååå - dd-mm-åååå, fx 02-11-2026 - 15-11-2026.",
            "Skriv enten Til kl. eller Minutter (gerne begge, så skal de passe sammen).",
            "En indsats, der går over midnat, skrives på den dato, hvor den begyndte: 23:30-00:30 natten til tirsdag skrives på mandagens dato.",
            "Type: Direkte er støtte til borgeren alene (1:1). Delt/gruppe er støtte til flere borgere på én gang, fx fællesspisning; skriv i Antal borgere, hvor mange der var med. Indirekte er arbejde for borgeren uden borgeren til stede: dokumentation, koordinering, møder uden borgeren. Nattevagt vågen og Nattevagt sovende er nattevagt, borgeren har adgang til.",
            "Antal medarbejdere: skriv 2, hvis to medarbejdere var sammen om indsatsen.",
            "Indirekte tid og nattevagt vises for sig og tælles ikke som direkte støtte. Skriv dem alligevel, så billedet af døgnet er helt.",
            "Flere borgere eller flere end 1.000 rækker: kopiér arket Døgnskema (ét ark pr. borger) og udfyld CPR-nr., Tilbud og Periode øverst på hvert ark.",
            "Skriv ikke navne eller følsomme detaljer i Aktivitet; en kort beskrivelse er nok.",
        ),
        "en": (
            "# Døgnskema (time log) – instructions",
            "# Why a time log",
            "The time log documents the support the citizen actually receives. It gives the municipality and the provider a shared, concrete basis for seeing whether the support fits the citizen's needs and what was granted.",
            "The documentation protects the citizen's rights: decisions about the citizen's support must rest on a concrete, individual assessment, and the log shows what the citizen really gets.",
            "",
            "# What to log",
            "Log every intervention for the citizen for 2-3 weeks in a row – around the clock, including evenings, nights, weekends and holidays. One row per intervention.",
            "At the top of the sheet: the citizen's CPR number, the provider's name and the period as dd-mm-yyyy - dd-mm-yyyy, for instance 02-11-2026 - 15-11-2026.",
            "Fill in either Til kl. (end time) or Minutter (minutes); both is fine, then they must agree.",
            "An entry that runs past midnight belongs to the date it started: 23:30-00:30 in the night to Tuesday goes on Monday's date.",
            "Type: Direkte is support to the citizen alone (1:1). Delt/gruppe is shared support to several residents at once, e.g. a shared meal; enter how many took part in Antal borgere. Indirekte is work for the citizen without the citizen present: documentation, coordination, meetings without the citizen. Nattevagt vågen and Nattevagt sovende are night watch (awake or asleep) available to the citizen.",
            "Antal medarbejdere (staff): enter 2 when two staff gave the support together.",
            "Indirect time and night watch are shown separately and not counted as direct support. Log them anyway, so the picture of the day is complete.",
            "Several citizens or more than 1,000 rows: copy the sheet Døgnskema (one sheet per citizen) and fill in CPR-nr., Tilbud and Periode at the top of each sheet.",
            "Do not write names or sensitive details in Aktivitet (activity); a short description is enough.",
        ),
    },
    "cases": {
        "da": (
            "# Sagsudtræk – vejledning",
            "Arket Sager har én række pr. bevilget indsats (en borger med to indsatser har to rækker). Udfyld det, eller indsæt et udtræk fra fagsystemet under overskrifterne.",
            "Hvorfor: bitcheck sammenholder borgerens behov, den bevilgede indsats og taksten for hver sag, så sager, hvor de ikke længere passer sammen, kan tages op til en konkret, individuel vurdering.",
            "Sags-id, CPR, Paragraf, Tilbud og Bevilget fra skal udfyldes. De øvrige kolonner udfyldes, hvor oplysningen findes; tomme celler er i orden.",
            "Takst: skriv enten Basistakst og Grundtakst (og evt. Særtakst) eller den samlede Takst. Takstenhed siger, om beløbene er pr. døgn, uge, måned, år eller time; tom betyder pr. døgn.",
            "Datoer som dd-mm-åååå. Beløb i kr.; decimalkomma er i orden. Ændr ikke kolonneoverskrifterne.",
            "Skriv ikke borgerens navn. Filen indeholder CPR-numre og helbredsoplysninger: gem den kun på kommunens eget drev og del den kun ad sikre kanaler. bitcheck læser filen lokalt og sender intet videre.",
        ),
        "en": (
            "# Case export – instructions",
            "The sheet Sager holds one row per granted intervention (a citizen with two interventions has two rows). Fill it in, or paste an export from the case system under the headings.",
            "Why: bitcheck compares each case's need, granted intervention and tariff, so that cases where they no longer agree can be taken up for a concrete, individual assessment.",
            "Sags-id (case id), CPR, Paragraf, Tilbud (provider) and Bevilget fra (granted from) are required. Fill in the other columns where the information exists; empty cells are fine.",
            "Tariff: enter either Basistakst and Grundtakst (and any Særtakst) or the total Takst. Takstenhed says whether amounts are per day, week, month, year or hour; empty means per day.",
            "Dates as dd-mm-yyyy. Amounts in DKK; a decimal comma is fine. Keep the column headings as they are: they are what bitcheck reads.",
            "Do not enter the citizen's name. The file holds CPR numbers and health data: keep it on the municipality's own drive and share it only through secure channels. bitcheck reads it locally and sends nothing anywhere.",
        ),
    },
    "tariffs": {
        "da": (
            "# Takstkatalog – vejledning",
            "Arket Takstkatalog har én række pr. tilbud, takstniveau og gyldighedsperiode.",
            "Hvorfor: taksten på hver sag sammenholdes med katalogets takst for tilbuddets niveau på den dato, der gennemgås.",
            "Tilbud, Takstniveau og Grundtakst pr. døgn skal udfyldes. Basistakst pr. døgn er den del, der er ens for alle beboere (bygning, ledelse, fælles personale); Grundtakst pr. døgn er prisen for støtteniveauet. Omregn en uge-, måneds- eller årspris til pr. døgn.",
            "Skriv Tilbud og Takstniveau som i sagsudtrækket. Afdeling er tom, hvis taksten gælder hele tilbuddet.",
            "Når en takst ændres: udfyld Gyldig til på den gamle række og tilføj en ny række med Gyldig fra. Perioder for samme tilbud, afdeling og niveau må ikke overlappe. Tom Gyldig fra/til betyder ingen start- eller slutdato.",
            "Datoer som dd-mm-åååå. Beløb i kr.; decimalkomma er i orden. Ændr ikke kolonneoverskrifterne.",
        ),
        "en": (
            "# Tariff catalogue – instructions",
            "The sheet Takstkatalog holds one row per provider, tariff level and validity period.",
            "Why: each case's tariff is compared with the catalogue's tariff for the provider's level on the date under review.",
            "Tilbud (provider), Takstniveau (level) and Grundtakst pr. døgn (base tariff per day) are required. Basistakst pr. døgn is the part that is the same for every resident (building, management, shared staff); Grundtakst pr. døgn is the price of the support level. Convert a weekly, monthly or yearly price to per day.",
            "Write Tilbud and Takstniveau as in the case export. Leave Afdeling (department) empty when the tariff applies to the whole provider.",
            "When a tariff changes: fill in Gyldig til (valid to) on the old row and add a new row with Gyldig fra (valid from). Periods of one provider, department and level must not overlap. An empty Gyldig fra/til means no start or end date.",
            "Dates as dd-mm-yyyy. Amounts in DKK; a decimal comma is fine. Keep the column headings as they are: they are what bitcheck reads.",
        ),
    },
}
