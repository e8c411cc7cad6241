"""What each code means, in a few words of each language (outputs.md §5 and §8, rules.md).

Users and scripts filter on the codes; these words are for people: `bitcheck rules --codes`
prints them beside the codes, and the Danish workbook writes a not-evaluated or evidence reason
as its words with the code after them.
"""

from __future__ import annotations

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
    "sheet-skipped": {"da": "ark uden overskrift sprunget over", "en": "a sheet without a header"},
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
        "da": "takst afviger fra basistakst + grundtakst",
        "en": "tariff differs from basic + base tariff",
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
        "da": "ingen række i takstkataloget",
        "en": "no row in the tariff catalogue",
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
    "no-billed-tariff": {"da": "ingen takst faktureret", "en": "no tariff billed"},
    "no-expected-tariff": {"da": "forventet takst er 0", "en": "the expected tariff is 0"},
    "no-hourly-rate": {"da": "ingen timepris", "en": "no hourly rate"},
    "no-column": {"da": "kolonnen findes ikke", "en": "the column does not exist"},
    "no-time-logs": {"da": "ingen døgnskemaer givet", "en": "no time logs given"},
    "ambiguous-log": {"da": "flere mulige døgnskemaer", "en": "more than one possible time log"},
    "no-time-log": {"da": "intet døgnskema dækker sagen", "en": "no time log covers the case"},
    "log-unusable": {
        "da": "døgnskemaet udløser D4 eller D5",
        "en": "the time log fires D4 or D5",
    },
}

EVIDENCE_MEANINGS: dict[str, dict[str, str]] = {
    "low-coverage": {"da": "få dage logget", "en": "few days logged"},
    "no-weekend": {"da": "ingen weekend", "en": "no weekend"},
    "no-nights": {"da": "ingen nætter", "en": "no nights"},
    "heaping": {"da": "runde minuttal", "en": "round minutes"},
    "copied-days": {"da": "kopierede dage", "en": "copied days"},
    "outside-stay": {"da": "uden for opholdet", "en": "outside the stay"},
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
