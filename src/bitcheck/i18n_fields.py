"""Labels of the report's JSON fields and the Excel report's words, Danish and English.

Column headers are the fields' Danish labels with `--lang da` and the field names themselves with
`--lang en` (outputs.md §6); the English labels serve the prose of the Summary sheet. Flattened
columns (`by_direction.citizen.findings`, `percentiles.D1`, `by_week.2026-W43`) are labelled from
a template per prefix.
"""

from __future__ import annotations

FIELD_LABELS: dict[str, dict[str, str]] = {
    # findings, watch items and cases
    "case_id": {"da": "Sagsnr.", "en": "Case id"},
    "subject": {"da": "Borger (pseudonym)", "en": "Citizen (pseudonym)"},
    "cpr": {"da": "CPR-nr.", "en": "CPR number"},
    "provider": {"da": "Tilbud", "en": "Provider"},
    "department": {"da": "Afdeling", "en": "Department"},
    "paragraph": {"da": "Paragraf", "en": "Paragraph"},
    "level": {"da": "Niveau", "en": "Level"},
    "code": {"da": "Kode", "en": "Code"},
    "rule": {"da": "Regel", "en": "Rule"},
    "direction": {"da": "Retning", "en": "Direction"},
    "severity": {"da": "Alvor", "en": "Severity"},
    "expected": {"da": "Forventet", "en": "Expected"},
    "observed": {"da": "Observeret", "en": "Observed"},
    "unit": {"da": "Enhed", "en": "Unit"},
    "ratio": {"da": "Forhold", "en": "Ratio"},
    "margin": {"da": "Margin", "en": "Margin"},
    "margin_unit": {"da": "Marginens enhed", "en": "Margin unit"},
    "annual_amount": {"da": "Helårsvirkning (kr.)", "en": "Annual amount (DKK)"},
    "legal_basis": {"da": "Hjemmel", "en": "Legal basis"},
    "explanation": {"da": "Forklaring", "en": "Explanation"},
    "evidence_grade": {"da": "Evidensgrad", "en": "Evidence grade"},
    "lifecycle": {"da": "Forløb", "en": "Lifecycle"},
    "since": {"da": "Set første gang", "en": "Since"},
    "sources": {"da": "Kilder", "en": "Sources"},
    "expected_hours_week": {"da": "Forventet t/uge", "en": "Expected h/week"},
    "delivered_hours_week": {"da": "Leveret t/uge", "en": "Delivered h/week"},
    "billed_per_day": {"da": "Faktureret kr./døgn", "en": "Billed DKK/day"},
    "expected_per_day": {"da": "Forventet kr./døgn", "en": "Expected DKK/day"},
    "last_review": {"da": "Seneste opfølgning", "en": "Last review"},
    "review_due": {"da": "Opfølgning senest", "en": "Review due"},
    "codes": {"da": "Fund (koder)", "en": "Codes"},
    "not_evaluated": {"da": "Ikke vurderet", "en": "Not evaluated"},
    # the case trace (explain) and the review sample
    "quantity": {"da": "Størrelse", "en": "Quantity"},
    "formula": {"da": "Formel", "en": "Formula"},
    "inputs": {"da": "Inddata", "en": "Inputs"},
    "outcome": {"da": "Udfald", "en": "Outcome"},
    "reason": {"da": "Årsag", "en": "Reason"},
    "direct_minutes": {"da": "Direkte minutter", "en": "Direct minutes"},
    "excluded_minutes": {"da": "Udeladte minutter", "en": "Excluded minutes"},
    "suspected_direction": {"da": "Formodet retning", "en": "Suspected direction"},
    "chosen": {"da": "Valgt", "en": "Chosen"},
    # providers and the summary
    "cases": {"da": "Sager", "en": "Cases"},
    "findings": {"da": "Fund", "en": "Findings"},
    "billed_per_year": {"da": "Faktureret kr./år", "en": "Billed DKK/year"},
    # time logs
    "period_start": {"da": "Periode fra", "en": "Period start"},
    "period_end": {"da": "Periode til", "en": "Period end"},
    "period_days": {"da": "Dage i periode", "en": "Period days"},
    "days_logged": {"da": "Dage logget", "en": "Days logged"},
    "direct_hours": {"da": "Direkte t", "en": "Direct h"},
    "indirect_hours": {"da": "Indirekte t", "en": "Indirect h"},
    "night_awake_hours": {"da": "Nattevagt vågen t", "en": "Night awake h"},
    "night_sleeping_hours": {"da": "Nattevagt sovende t", "en": "Night sleeping h"},
    "day_hours": {"da": "Direkte t, dag", "en": "Direct h, day"},
    "evening_hours": {"da": "Direkte t, aften", "en": "Direct h, evening"},
    "night_hours": {"da": "Direkte t, nat", "en": "Direct h, night"},
    "evidence_reasons": {"da": "Grunde til evidensgrad", "en": "Evidence reasons"},
    "problems": {"da": "Problemer", "en": "Problems"},
    "case_ids": {"da": "Sagsnumre", "en": "Case ids"},
    # errors, notes, inputs and catalogue rows
    "file": {"da": "Fil", "en": "File"},
    "sheet": {"da": "Ark", "en": "Sheet"},
    "row": {"da": "Række", "en": "Row"},
    "column": {"da": "Kolonne", "en": "Column"},
    "field": {"da": "Felt", "en": "Field"},
    "value": {"da": "Værdi", "en": "Value"},
    "message": {"da": "Besked", "en": "Message"},
    "count": {"da": "Antal", "en": "Count"},
    "path": {"da": "Fil", "en": "Path"},
    "kind": {"da": "Art", "en": "Kind"},
    "layout": {"da": "Layout", "en": "Layout"},
    "sha256": {"da": "SHA-256", "en": "SHA-256"},
    "encoding": {"da": "Tegnsæt", "en": "Encoding"},
    "sheets": {"da": "Ark læst", "en": "Sheets read"},
    "rows_read": {"da": "Rækker læst", "en": "Rows read"},
    "rows_accepted": {"da": "Godkendt", "en": "Accepted"},
    "rows_rejected": {"da": "Afvist", "en": "Rejected"},
    "valid_from": {"da": "Gyldig fra", "en": "Valid from"},
    "valid_to": {"da": "Gyldig til", "en": "Valid to"},
    # the manifest's own columns
    "key": {"da": "Nøgle", "en": "Key"},
}

# Flattened columns: the prefix's template, filled with the part after the prefix.
FLAT_LABELS: dict[str, dict[str, str]] = {
    "by_code": {"da": "Fund {0}", "en": "Findings {0}"},
    "evidence_grades": {"da": "Evidensgrad {0}", "en": "Evidence grade {0}"},
    "percentiles": {"da": "Percentil {0}", "en": "Percentile {0}"},
    "by_category": {"da": "Kategori: {0}", "en": "Category: {0}"},
    "by_week": {"da": "Uge {0}", "en": "Week {0}"},
}
NO_CATEGORY = {"da": "(uden kategori)", "en": "(no category)"}
DIRECTION_FIELD_LABELS: dict[str, dict[str, str]] = {
    "findings": {"da": "{0}: fund", "en": "{0}: findings"},
    "cases": {"da": "{0}: sager", "en": "{0}: cases"},
    "annual_amount": {"da": "{0}: helårsvirkning (kr.)", "en": "{0}: annual amount (DKK)"},
}

SHEET_NAMES: dict[str, dict[str, str]] = {
    "summary": {"da": "Oversigt", "en": "Summary"},
    "findings": {"da": "Fund", "en": "Findings"},
    "watch": {"da": "Opmærksomhed", "en": "Watch"},
    "cases": {"da": "Sager", "en": "Cases"},
    "providers": {"da": "Tilbud", "en": "Providers"},
    "time_logs": {"da": "Døgnskemaer", "en": "Time logs"},
    "resolved": {"da": "Løst", "en": "Resolved"},
    "errors": {"da": "Datafejl", "en": "Data errors"},
    "notes": {"da": "Noter", "en": "Notes"},
    "manifest": {"da": "Manifest", "en": "Manifest"},
}

KIND_HEADINGS: dict[str, dict[str, str]] = {  # the Summary sheet's "Inddata: ..." lines
    "cases": {"da": "Sagsliste", "en": "Case export"},
    "tariffs": {"da": "Takstkatalog", "en": "Tariff catalogue"},
    "time_log": {"da": "Døgnskemaer", "en": "Time logs"},
}

# Words of the Summary sheet, the chart and the notes the workbook adds itself.
TEXT: dict[str, dict[str, str]] = {
    "title": {
        "da": "bitcheck {version}: gennemgang af sager til faglig vurdering",
        "en": "bitcheck {version}: case audit for professional assessment",
    },
    "audited": {"da": "Hvad er gennemgået", "en": "What was audited"},
    "as_of": {"da": "Revisionsdato", "en": "As-of date"},
    "generated_at": {"da": "Dannet", "en": "Generated at"},
    "versions": {"da": "Version", "en": "Version"},
    "versions_value": {
        "da": "bitcheck {bitcheck}, regelsæt {rules}",
        "en": "bitcheck {bitcheck}, rules {rules}",
    },
    "key_file": {"da": "Nøglefil til pseudonymer", "en": "Pseudonym key file"},
    "cases_audited": {"da": "Sager gennemgået", "en": "Cases audited"},
    "findings_total": {"da": "Fund i alt", "en": "Findings in total"},
    "watch_total": {"da": "Opmærksomhed (nær grænsen)", "en": "Watch items (near the threshold)"},
    "errors_total": {
        "da": "Datafejl (afviste rækker m.m.)",
        "en": "Data errors (rejected rows etc.)",
    },
    "notes_total": {"da": "Noter", "en": "Notes"},
    "filters": {"da": "Filter", "en": "Filters"},
    "filtered_out": {"da": "Ikke vist på grund af filter", "en": "Left out by the filter"},
    "filtered_out_value": {
        "da": "{direction}: {findings} fund",
        "en": "{direction}: {findings} findings",
    },
    "filtered_out_amount": {
        "da": ", {amount} kr. om året ({meaning})",
        "en": ", DKK {amount} a year ({meaning})",
    },
    "inputs_by_kind": {"da": "Inddata", "en": "Inputs"},
    "files": {"da": "Filer", "en": "Files"},
    "inputs_detail": {
        "da": "Hver fil med SHA-256 står nederst på dette ark og på arket Manifest.",
        "en": "Each file with its SHA-256 is listed at the bottom of this sheet and on the Manifest sheet.",
    },
    "citizen_payment": {"da": "Borger og betaling", "en": "Citizen and payment"},
    "process_data": {"da": "Sagsbehandling og data", "en": "Process and data"},
    "meaning": {"da": "Betydning", "en": "Meaning"},
    "amount_meaning": {"da": "Beløbet er", "en": "The amount is"},
    "by_rule": {"da": "Fund pr. regel", "en": "Findings per rule"},
    "rule_name": {"da": "Regel", "en": "Rule"},
    "inputs": {"da": "Inddata, fil for fil", "en": "Inputs, file by file"},
    "settings": {"da": "Indstillinger", "en": "Settings"},
    "chart_title": {
        "da": "Forventede og leverede timer pr. uge pr. tilbud",
        "en": "Expected and delivered hours per week per provider",
    },
    "chart_axis": {"da": "Timer pr. uge", "en": "Hours per week"},
    "text_cut": {
        "da": 'ark "{sheet}", celle {cell}: teksten var {length} tegn og er afkortet til {limit}, det mest en Excel-celle kan rumme',
        "en": 'sheet "{sheet}", cell {cell}: the text was {length} characters and is cut to {limit}, the most an Excel cell can hold',
    },
    "text_cut_comment": {
        "da": "Afkortet fra {length} tegn; den fulde tekst står i JSON-rapporten.",
        "en": "Cut from {length} characters; the full text is in the JSON report.",
    },
}


def field_label(name: str, lang: str) -> str:
    """The label of a JSON field in prose (Summary sheet)."""
    return FIELD_LABELS.get(name, {}).get(lang, name)


def header(name: str, lang: str) -> str:
    """A column header: the Danish label, or the field name itself in English (outputs.md §6)."""
    return field_label(name, "da") if lang == "da" else name


def flat_header(prefix: str, part: str, lang: str, shown: str | None = None) -> str:
    """The header of a flattened column such as `percentiles.D1`."""
    if lang != "da":
        return f"{prefix}.{part}"
    return FLAT_LABELS[prefix]["da"].format(shown if shown is not None else part)


def direction_header(direction_name: str, field: str, direction: str, lang: str) -> str:
    """The header of a `by_direction.<direction>.<field>` column."""
    if lang != "da":
        return f"by_direction.{direction}.{field}"
    return DIRECTION_FIELD_LABELS[field]["da"].format(direction_name)


def text(key: str, lang: str, **params: object) -> str:
    return TEXT[key][lang].format(**params)


def sheet_name(key: str, lang: str) -> str:
    return SHEET_NAMES[key][lang]
