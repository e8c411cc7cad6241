"""What each code says and means (outputs.md §5 and §8, rules.md): the message of each data
problem, and each code's meaning in a few words of each language.

Users and scripts filter on the codes; these words are for people: `bitcheck rules --codes`
prints them beside the codes, and the Danish workbook writes a not-evaluated or evidence reason
as its words with the code after them.
"""

from __future__ import annotations

# What each data problem says, with its case's own values; a location ("fil, ark, række,
# kolonne") goes in front (`report/records.py`).
CODE_MESSAGES: dict[str, dict[str, str]] = {
    # --- error codes (a row or sheet rejected) ---
    "unreadable-file": {
        "da": "filen kan ikke læses ({reason_text}){detail_text}",
        "en": "the file cannot be read ({reason_text}){detail_text}",
    },
    "no-header": {
        "da": "ingen overskriftsrække fundet i række 1-30; tjek at filen er {kind_text} med kolonner som {expected}",
        "en": "no header row found in rows 1-30; check that the file is {kind_text} with columns such as {expected}",
    },
    "missing-column": {
        "da": "kolonnen for {field} mangler (kendte navne: {aliases}); arkets rækker er ikke læst",
        "en": "the column for {field} is missing (known names: {aliases}); the sheet's rows were not read",
    },
    "missing-value": {
        "da": "{field} mangler en værdi",
        "en": "{field} has no value",
    },
    "invalid-date": {
        "da": '"{value}" er ikke en dato; brug dd-mm-åååå, fx 24-11-2026',
        "en": '"{value}" is not a date; use dd-mm-yyyy, for instance 24-11-2026',
    },
    "invalid-time": {
        "da": '"{value}" er ikke et klokkeslæt; brug tt:mm, fx 07:30',
        "en": '"{value}" is not a time of day; use hh:mm, for instance 07:30',
    },
    "invalid-number": {
        "da": '"{value}" er ikke et gyldigt tal her; brug fx 1.234,50',
        "en": '"{value}" is not a valid number here; use for instance 1234.50',
    },
    "ambiguous-number": {
        "da": '"{value}" er tvetydigt (tusind eller decimaler?); skriv fx 1,234 eller 1234',
        "en": '"{value}" is ambiguous (thousands or decimals?); write for instance 1,234 or 1234',
    },
    "negative-number": {
        "da": '"{value}" er negativt; beløb og timer kan ikke være negative',
        "en": '"{value}" is negative; amounts and hours cannot be negative',
    },
    "invalid-cpr": {
        "da": '"{value}" er ikke et CPR-nummer; brug DDMMÅÅ-LLLL',
        "en": '"{value}" is not a CPR number; use DDMMYY-SSSS',
    },
    "invalid-paragraph": {
        "da": '"{value}" nævner ingen paragraf; skriv fx "SEL § 108"',
        "en": '"{value}" names no paragraph; write for instance "SEL § 108"',
    },
    "invalid-need-level": {
        "da": '"{value}" er ikke et funktionsniveau; brug 0-4 eller Ingen, Let, Moderat, Svært, Fuldstændig',
        "en": '"{value}" is not a function level; use 0-4 or Ingen, Let, Moderat, Svært, Fuldstændig',
    },
    "invalid-yes-no": {
        "da": '"{value}" er hverken ja eller nej; brug ja/nej',
        "en": '"{value}" is neither yes nor no; use ja/nej (yes/no)',
    },
    "invalid-unit": {
        "da": '"{value}" er ikke en takstenhed; brug døgn, uge, måned, år eller time',
        "en": '"{value}" is not a tariff unit; use døgn (day), uge (week), måned (month), år (year) or time (hour)',
    },
    "invalid-kind": {
        "da": '"{value}" er ikke en kendt støttetype; brug Direkte, Delt, Indirekte, Nattevagt vågen eller Nattevagt sovende',
        "en": '"{value}" is not a known kind of support; use Direkte (direct), Delt (shared), Indirekte (indirect), Nattevagt vågen (night awake) or Nattevagt sovende (night sleeping)',
    },
    "zero-duration": {
        "da": "slut er lig start ({value}); en indsats skal have en varighed",
        "en": "end equals start ({value}); an entry must have a duration",
    },
    "minutes-mismatch": {
        "da": "minutter ({minutes}) passer ikke med start-slut ({span} min)",
        "en": "minutes ({minutes}) do not match start to end ({span} min)",
    },
    "outside-period": {
        "da": "datoen {value} ligger uden for arkets periode {period}",
        "en": "the date {value} lies outside the sheet's period {period}",
    },
    "date-without-year": {
        "da": '"{value}" har intet årstal, og arket angiver hverken Periode eller Uge',
        "en": '"{value}" has no year, and the sheet states neither Periode nor Uge',
    },
    "slot-overflow": {
        "da": "{value} minutter er mere end tidsrummet {slot} kan rumme",
        "en": "{value} minutes is more than the slot {slot} can hold",
    },
    "duplicate-case": {
        "da": "sagen {value} står allerede i række {first_row} med samme paragraf, tilbud og niveau, men andre værdier",
        "en": "case {value} already stands on row {first_row} with the same paragraph, provider and level but other values",
    },
    "overlapping-validity": {
        "da": "takstrækkens gyldighed overlapper række {other_row} for samme tilbud, afdeling og niveau; ingen af dem bruges",
        "en": "the tariff row's validity overlaps row {other_row} for the same provider, department and level; neither is used",
    },
    "sheet-too-large": {
        "da": "arket har {cells} celler, mere end grænsen {limit} (indstillingen max_sheet_cells)",
        "en": "the sheet has {cells} cells, more than the limit {limit} (setting max_sheet_cells)",
    },
    "sheet-too-large-unknown": {
        "da": "arket er for stort til at læse sikkert; grænsen er {limit} celler (indstillingen max_sheet_cells)",
        "en": "the sheet is too large to read safely; the limit is {limit} cells (setting max_sheet_cells)",
    },
    # --- note codes (decided, nothing rejected) ---
    "sheet-skipped": {
        "da": "arket har ingen overskriftsrække og er sprunget over",
        "en": "the sheet has no header row and was skipped",
    },
    "sheet-unreadable": {
        "da": "arket kunne ikke læses og er sprunget over{detail_text}",
        "en": "the sheet could not be read and was skipped{detail_text}",
    },
    "unknown-column": {
        "da": "ukendt kolonne, ikke brugt",
        "en": "unknown column, not used",
    },
    "duplicate-column": {
        "da": "en anden kolonne er allerede læst som {field}; denne er ikke brugt",
        "en": "another column is already read as {field}; this one was not used",
    },
    "month-first-dates": {
        "da": "skråstregsdatoerne er læst som måned/dag/år (amerikansk format)",
        "en": "the slash dates were read as month/day/year (US format)",
    },
    "encoding": {
        "da": "tegnsættet er læst som {encoding}",
        "en": "the character encoding was read as {encoding}",
    },
    "formula-without-value": {
        "da": "{count} formelceller uden gemt værdi er læst som tomme; åbn og gem filen i Excel",
        "en": "{count} formula cells without a stored value were read as empty; open and save the file in Excel",
    },
    "duplicate-rows": {
        "da": "{count} rækker er ens med en tidligere række og tæller kun én gang",
        "en": "{count} rows equal an earlier row and count once",
    },
    "repeated-case-id": {
        "da": "sags-id {value} går igen med anden paragraf, tilbud eller niveau; vist som {shown}",
        "en": "case id {value} repeats with another paragraph, provider or level; shown as {shown}",
    },
    "repeated-entries": {
        "da": "{count} ens registreringer i samme ark tæller alle med",
        "en": "{count} identical entries within one sheet all count",
    },
    "duplicate-entries": {
        "da": "{count} registreringer står også i en anden fil eller et andet ark og tæller én gang",
        "en": "{count} entries also stand in another file or sheet and count once",
    },
    "total-differs": {
        "da": "takst {total} afviger fra basistakst + grundtakst {parts} med mere end 1 kr./døgn",
        "en": "tariff {total} differs from basic + base tariff {parts} by more than 1 DKK/day",
    },
    "unknown-paragraph": {
        "da": "paragraf {value} er ikke en af de kendte ({known}); den er bevaret som skrevet",
        "en": "paragraph {value} is not one of the known ones ({known}); it is kept as written",
    },
    "future-case": {
        "da": "bevillingen starter {value}, efter revisionsdatoen; sagen er ikke revideret",
        "en": "the grant starts {value}, after the audit date; the case was not audited",
    },
    "undated-tariffs": {
        "da": "{count} takstrækker har ingen gyldighedsdatoer og gælder på alle datoer",
        "en": "{count} tariff rows have no validity dates and apply on every date",
    },
    "validity-gap": {
        "da": "hul i gyldighed fra {value}",
        "en": "gap in validity from {value}",
    },
    "unused-price": {
        "da": 'prisen "{value}" er ikke brugt (ingen takstenhed eller ikke et beløb)',
        "en": 'the price "{value}" was not used (no tariff unit, or not an amount)',
    },
}

ERROR_MEANINGS: dict[str, dict[str, str]] = {
    "unreadable-file": {"da": "filen kan ikke læses", "en": "the file cannot be read"},
    "no-header": {
        "da": "ingen overskriftsrække i rækkerne 1-30",
        "en": "no header row in rows 1-30",
    },
    "missing-column": {"da": "en nødvendig kolonne mangler", "en": "a required column is missing"},
    "missing-value": {"da": "en nødvendig værdi er tom", "en": "a required value is empty"},
    "invalid-date": {"da": "ikke en dato", "en": "not a date"},
    "invalid-time": {"da": "ikke et klokkeslæt", "en": "not a time of day"},
    "invalid-number": {"da": "ikke et tal", "en": "not a number"},
    "ambiguous-number": {
        "da": "tusinder eller decimaler? (fx 1.234)",
        "en": "thousands or decimals? (e.g. 1,234)",
    },
    "negative-number": {
        "da": "negativt beløb eller antal timer",
        "en": "a negative amount or hours",
    },
    "invalid-cpr": {"da": "ikke et CPR-nummer", "en": "not a CPR number"},
    "invalid-paragraph": {"da": "nævner ingen paragraf", "en": "names no paragraph"},
    "invalid-need-level": {"da": "ikke et funktionsniveau", "en": "not a function level"},
    "invalid-yes-no": {"da": "hverken ja eller nej", "en": "neither yes nor no"},
    "invalid-unit": {"da": "ikke en takstenhed", "en": "not a tariff unit"},
    "invalid-kind": {"da": "ukendt type støtte", "en": "an unknown kind of support"},
    "zero-duration": {"da": "slut er lig start", "en": "end equals start"},
    "minutes-mismatch": {
        "da": "minutter passer ikke med start og slut",
        "en": "minutes do not match start and end",
    },
    "outside-period": {"da": "dato uden for skemaets periode", "en": "a date outside the period"},
    "date-without-year": {"da": "dato uden årstal", "en": "a date without a year"},
    "slot-overflow": {
        "da": "flere minutter end tidsrummet rummer",
        "en": "more minutes than the slot holds",
    },
    "duplicate-case": {
        "da": "samme sag to gange med forskellige værdier",
        "en": "the same case twice with other values",
    },
    "overlapping-validity": {
        "da": "takstrækkers gyldighed overlapper",
        "en": "tariff rows' validity overlaps",
    },
    "sheet-too-large": {"da": "arket er for stort", "en": "the sheet is too large"},
}

NOTE_MEANINGS: dict[str, dict[str, str]] = {
    "sheet-skipped": {
        "da": "ark uden overskrift sprunget over",
        "en": "a sheet without a header, skipped",
    },
    "unknown-column": {"da": "ukendt kolonne, ikke brugt", "en": "an unknown column, not used"},
    "duplicate-column": {"da": "kolonnen findes to gange", "en": "the column appears twice"},
    "month-first-dates": {
        "da": "datoer læst som måned/dag/år",
        "en": "dates read as month/day/year",
    },
    "encoding": {"da": "tegnsættet der blev brugt", "en": "the character encoding used"},
    "formula-without-value": {
        "da": "formler uden gemt værdi læst som tomme",
        "en": "formulas without a stored value read as empty",
    },
    "duplicate-rows": {"da": "ens rækker tæller én gang", "en": "equal rows count once"},
    "repeated-case-id": {
        "da": "sagsnr. går igen med anden bevilling",
        "en": "a case id repeats with another grant",
    },
    "repeated-entries": {
        "da": "ens registreringer i ét ark tæller alle",
        "en": "equal entries within one sheet all count",
    },
    "duplicate-entries": {
        "da": "registreringer sendt to gange tæller én gang",
        "en": "entries sent twice count once",
    },
    "total-differs": {
        "da": "samlet takst afviger fra basistakst + grundtakst",
        "en": "the total tariff differs from basic + base tariff",
    },
    "unknown-paragraph": {"da": "ukendt paragraf, beholdt", "en": "an unknown paragraph, kept"},
    "future-case": {
        "da": "bevillingen starter efter revisionsdatoen",
        "en": "the grant starts after the audit date",
    },
    "undated-tariffs": {"da": "takstrækker uden gyldighed", "en": "tariff rows without validity"},
    "validity-gap": {"da": "hul i takstens gyldighed", "en": "a gap in the tariff's validity"},
    "unused-price": {"da": "pris ikke brugt", "en": "a price not used"},
}

NOT_EVALUATED_MEANINGS: dict[str, dict[str, str]] = {
    "no-need-level": {"da": "intet funktionsniveau", "en": "no function level"},
    "no-catalogue": {"da": "intet takstkatalog", "en": "no tariff catalogue"},
    "no-catalogue-row": {
        "da": "ingen takstrække passer (tilbud, niveau, dato)",
        "en": "no catalogue row fits (provider, level, date)",
    },
    "no-need-range": {
        "da": "takstrækken har intet niveauinterval",
        "en": "the tariff row has no need range",
    },
    "catalogue-conflict": {
        "da": "takstrækker strider mod hinanden",
        "en": "tariff rows contradict each other",
    },
    "individual-price": {"da": "individuel pris", "en": "an individual price"},
    "no-expected-hours": {"da": "ingen forventede timer", "en": "no expected hours"},
    "no-billed-tariff": {"da": "ingen takst på sagen", "en": "no tariff on the case"},
    "no-expected-tariff": {"da": "forventet takst er 0", "en": "the expected tariff is 0"},
    "no-hourly-rate": {"da": "ingen timepris", "en": "no hourly rate"},
    "no-column": {
        "da": "en kolonne, reglen bruger, mangler",
        "en": "a column the rule needs is missing",
    },
    "no-time-logs": {"da": "ingen døgnskemaer givet", "en": "no time logs given"},
    "ambiguous-log": {
        "da": "døgnskema uden tilbud; borgeren har flere tilbud",
        "en": "a time log without a provider; the citizen has several providers",
    },
    "no-time-log": {"da": "intet døgnskema dækker sagen", "en": "no time log covers the case"},
    "log-unusable": {
        "da": "døgnskemaet udløser D4 eller D5",
        "en": "the time log fires D4 or D5",
    },
}

EVIDENCE_MEANINGS: dict[str, dict[str, str]] = {
    "low-coverage": {"da": "få dage logget", "en": "few days logged"},
    "no-weekend": {"da": "intet registreret i weekenden", "en": "nothing logged at weekends"},
    "no-nights": {"da": "intet registreret om natten", "en": "nothing logged at night"},
    "heaping": {"da": "runde minuttal", "en": "round minutes"},
    "copied-days": {"da": "kopierede dage", "en": "copied days"},
    "outside-stay": {
        "da": "registreringer uden for bevillingsperioden",
        "en": "entries outside the grant period",
    },
    "old-log": {"da": "gammelt døgnskema", "en": "an old time log"},
    "many-rejected": {"da": "mange afviste rækker", "en": "many rows rejected"},
}

CODE_MEANINGS: dict[str, dict[str, str]] = {
    **ERROR_MEANINGS,
    **NOTE_MEANINGS,
    **NOT_EVALUATED_MEANINGS,
    **EVIDENCE_MEANINGS,
}


def meaning(code: str, lang: str) -> str:
    """A code's meaning in a few words ("" for a code without one)."""
    return CODE_MEANINGS.get(code, {}).get(lang, "")


def reason_words(code: str, lang: str) -> str:
    """A not-evaluated or evidence reason for people: in Danish, the words with the code after
    them (`ingen nætter (no-nights)`); in English, the code itself, as English output has it."""
    words = meaning(code, "da")
    return f"{words} ({code})" if lang == "da" and words else code
