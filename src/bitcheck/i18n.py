"""Every user-facing string, Danish and English, in one table (the data codes' own texts are in
`i18n_codes`).

Templates use `str.format` fields. Data problems get a location prefix ("fil, ark, række,
kolonne") in front of their template, so each message can stand alone.
"""

from __future__ import annotations

from typing import Any

from bitcheck.i18n_codes import CODE_MESSAGES

Lang = str  # "da" | "en"

MESSAGES: dict[str, dict[str, str]] = {
    **CODE_MESSAGES,  # what each error and note code says (i18n_codes)
    # --- run errors (exit 2 / 3) ---
    "bad-setting": {
        "da": "{file}: indstillingen {setting} er ugyldig: {detail}",
        "en": "{file}: the setting {setting} is invalid: {detail}",
    },
    "bad-config": {
        "da": "{file}: kan ikke læses som TOML: {detail}",
        "en": "{file}: cannot be read as TOML: {detail}",
    },
    "config-missing": {
        "da": "{file}: konfigurationsfilen findes ikke",
        "en": "{file}: the configuration file does not exist",
    },
    "unknown-kind": {
        "da": "{file}: hverken en sagsliste, et takstkatalog eller et døgnskema kunne genkendes; angiv --kind",
        "en": "{file}: neither a case export, a tariff catalogue nor a time log could be recognised; give --kind",
    },
    "no-cases": {
        "da": "{file}: ingen godkendte sagsrækker{reason}; kør bitcheck validate --kind cases {file} for at se alle fejl",
        "en": "{file}: no accepted case rows{reason}; run bitcheck validate --kind cases {file} to see every error",
    },
    "wrong-kind": {
        "da": "{file}: overskrifterne viser {kind_text}, men filen er givet som {given_text} ({option}); tjek at det er den rigtige fil",
        "en": "{file}: the headers show {kind_text}, but the file was given as {given_text} ({option}); check that it is the right file",
    },
    "no-batch": {
        "da": "{file}: ingen [batch]-tabel med job; se README, afsnittet om planlagte kørsler",
        "en": "{file}: no [batch] table with jobs; see the README on scheduled runs",
    },
    "thresholds": {
        "da": "Tærskler (indstillinger i bitcheck.toml): {values}.",
        "en": "Thresholds (settings of bitcheck.toml): {values}.",
    },
    "reveal-not-found": {
        "da": "ikke fundet med denne nøgle ({key_file}): {pseudonyms}; pseudonymer afhænger af den nøglefil, rapporten blev lavet med",
        "en": "not found with this key ({key_file}): {pseudonyms}; pseudonyms depend on the key file a report was made with",
    },
    "verbose-config": {
        "da": "indstillinger: {file}",
        "en": "settings: {file}",
    },
    "watch-count": {
        "da": "Nær en grænse (opmærksomhedspunkter, ikke fund): {count} ({codes}); se dem i Excel-rapporten eller JSON.",
        "en": "Near a threshold (watch items, not findings): {count} ({codes}); see them in the Excel report or the JSON.",
    },
    "verbose-no-config": {
        "da": "indstillinger: ingen bitcheck.toml; standardværdierne gælder",
        "en": "settings: no bitcheck.toml; the defaults apply",
    },
    "verbose-wrote": {"da": "skrev {file}", "en": "wrote {file}"},
    "verbose-done": {
        "da": "færdig på {seconds} s, afslutningsstatus {status}",
        "en": "done in {seconds} s, exit status {status}",
    },
    "unknown-suffix": {
        "da": "{file}: ukendt filtype; brug .json, .md, .csv eller .xlsx",
        "en": "{file}: unknown output suffix; use .json, .md, .csv or .xlsx",
    },
    "format-disagrees": {
        "da": "--format {given} passer ikke med filtypen på {file}",
        "en": "--format {given} disagrees with the suffix of {file}",
    },
    "format-not-offered": {
        "da": "{command} skriver {formats}, ikke {given}",
        "en": "{command} writes {formats}, not {given}",
    },
    "batch-output": {
        "da": "batch skriver hvert jobs rapport dér, hvor jobbet siger (output_dir, report); brug ikke -o eller --format",
        "en": "batch writes each job's report where the job says (output_dir, report); do not give -o or --format",
    },
    "not-a-pseudonym": {
        "da": "{text} er ikke et pseudonym (B- og 10 hex-cifre)",
        "en": "{text} is not a pseudonym (B- and 10 hex digits)",
    },
    "template-needs-output": {
        "da": "angiv arbejdsbogen, der skal skrives, med -o FIL.xlsx",
        "en": "give the workbook to write with -o FILE.xlsx",
    },
    "not-given-tariffs": {
        "da": "Intet takstkatalog givet (--tariffs): {codes} er ikke vurderet.",
        "en": "No tariff catalogue given (--tariffs): {codes} not evaluated.",
    },
    "not-given-timelogs": {
        "da": "Ingen døgnskemaer givet (--timelogs): {codes} er ikke vurderet.",
        "en": "No time logs given (--timelogs): {codes} not evaluated.",
    },
    "filtered": {
        "da": "Filtreret visning: udeladt {left} (fund, helårsvirkning). Oversigten tæller alle fund.",
        "en": "Filtered view: left out {left} (findings, annual amount). The summary counts every finding.",
    },
    "bad-alias": {
        "da": "{file}: alias {alias} peger på {field}, som ikke er et felt i {kind}",
        "en": "{file}: alias {alias} names {field}, which is not a field of {kind}",
    },
    "more-rows": {
        "da": "... viser de første {shown} af {total}; brug --format json eller -o rapport.json for alle",
        "en": "... showing the first {shown} of {total}; use --format json or -o report.json for all",
    },
    "usage": {
        "da": "{detail}",
        "en": "{detail}",
    },
    "folder-failed": {
        "da": "{file}: mappen kunne ikke laves eller skrives i ({detail})",
        "en": "{file}: the folder could not be made or written to ({detail})",
    },
    "no-config": {
        "da": "ingen bitcheck.toml i {folder}; giv batch-filen som argument: bitcheck batch FIL.toml",
        "en": "no bitcheck.toml in {folder}; give the batch file as the argument: bitcheck batch FILE.toml",
    },
    "no-config-history": {
        "da": "ingen bitcheck.toml i {folder}; giv batch-filen med --config FIL.toml",
        "en": "no bitcheck.toml in {folder}; give the batch file with --config FILE.toml",
    },
    "unknown-job": {
        "da": "intet job ved navn {jobs} i batch-filen {file}",
        "en": "no job named {jobs} in the batch file {file}",
    },
    "output-failed": {
        "da": "{file}: kunne ikke skrives ({detail}); en tidligere fil af samme navn er urørt",
        "en": "{file}: could not be written ({detail}); an earlier file of that name is intact",
    },
    "bad-key": {
        "da": "pseudonymnøglen fra {source} er ikke 64 hex-cifre",
        "en": "the pseudonym key from {source} is not 64 hex digits",
    },
    "unknown-subject": {
        "da": "{subject}: ingen revideret sag med det sagsnummer eller pseudonym i {cases}",
        "en": "{subject}: no audited case with that case id or pseudonym in {cases}",
    },
    "timelog-not-a-report": {
        "da": "{file}: et resumé fra bitcheck timelog har ingen fund at efterprøve; giv en rapport fra bitcheck audit",
        "en": "{file}: a summary from bitcheck timelog has no findings to verify; give a report from bitcheck audit",
    },
    "not-a-report": {
        "da": "{file}: ikke en bitcheck-rapport med manifest ({detail})",
        "en": "{file}: not a bitcheck report with a manifest ({detail})",
    },
    # --- sample: the title and why each case was chosen ---
    "sample-title": {
        "da": "{n} sager udvalgt pr. {as_of}, startværdi (--seed) {seed}",
        "en": "{n} cases chosen as of {as_of}, seed (--seed) {seed}",
    },
    "chosen-citizen": {
        "da": "mistanke på borgersiden ({codes})",
        "en": "citizen-side suspicion ({codes})",
    },
    "chosen-payment": {
        "da": "mistanke på betalingssiden ({codes})",
        "en": "payment-side suspicion ({codes})",
    },
    "chosen-review": {
        "da": "ingen mistanke; opfølgning aldrig foretaget eller overskredet ({codes})",
        "en": "no suspicion; review never made or overdue ({codes})",
    },
    "chosen-random": {
        "da": "ingen mistanke; trukket tilfældigt inden for sit lag",
        "en": "no suspicion; drawn at random within its stratum",
    },
    # --- explain: the prose of the formulas (field names stay as they are) ---
    "formula-hour-level": {
        "da": "extra_hours_week (et niveau med timepris)",
        "en": "extra_hours_week (a level priced per hour)",
    },
    "formula-no-hours": {
        "da": "ingen: hverken bevilgede timer eller niveautimer i kataloget",
        "en": "none: no granted hours and no level hours in the catalogue",
    },
    "formula-billed-parts": {
        "da": "basistakst + grundtakst + særtakst",
        "en": "basic + base + special",
    },
    "formula-billed-total": {"da": "tariff_total + særtakst", "en": "tariff_total + special"},
    "formula-not-computed": {"da": "ikke beregnet: {reason}", "en": "not computed: {reason}"},
    "formula-hour-price": {
        "da": "timepris × expected_hours_week / 7",
        "en": "hour price × expected_hours_week / 7",
    },
    "formula-catalogue": {
        "da": "katalogets basistakst + grundtakst + extra_hours_week × hourly_rate / 7",
        "en": "catalogue basic + base + extra_hours_week × hourly_rate / 7",
    },
    "formula-period-days": {
        "da": "forskellige dage i de perioder, døgnskemaets filer angiver (ellers første til sidste dato)",
        "en": "distinct days of the periods the log's files state (else their first to last date)",
    },
    "formula-direct-minutes": {
        "da": "Σ minutter × personale / beboere, direkte registreringer",
        "en": "Σ minutes × staff / residents, direct entries",
    },
    "formula-excluded": {
        "da": "indirekte tid og nattevagt: vist, aldrig talt med som leveret",
        "en": "indirect time and night watch: shown, never counted as delivered",
    },
    "formula-review-interval": {
        "da": "last_review + {months} måneder (§ {paragraph})",
        "en": "last_review + {months} months (§ {paragraph})",
    },
    "formula-no-review": {
        "da": "ingen: hverken en last_review- eller en next_review-kolonne",
        "en": "none: neither a last_review nor a next_review column",
    },
    "formula-first-review": {
        "da": "grant_start + {months} måneder (§ {paragraph}; aldrig fulgt op, R2)",
        "en": "grant_start + {months} months (§ {paragraph}; never reviewed, R2)",
    },
    "formula-no-log": {"da": "intet døgnskema: {reason}", "en": "no time log: {reason}"},
    "formula-log-elsewhere": {
        "da": "intet døgnskema: vist på en anden sag",
        "en": "no time log: reported on another case",
    },
    # --- verify: the verdict and each difference ---
    "verify-ok": {
        "da": "OK: rapporten er, hvad dens inddata giver",
        "en": "OK: the report is what its inputs give",
    },
    "input-new": {
        "da": "inddata, der ikke er i rapporten: {path} (sha256 {sha256})",
        "en": "input not in the report: {path} (sha256 {sha256})",
    },
    "input-gone": {
        "da": "rapportens inddata er ikke givet eller er ændret: {path} (sha256 {sha256})",
        "en": "input of the report not given or changed: {path} (sha256 {sha256})",
    },
    "finding-new": {
        "da": "fund {code} på sag {case_id} er ikke i rapporten",
        "en": "finding {code} on case {case_id} is not in the report",
    },
    "finding-gone": {
        "da": "rapportens fund {code} på sag {case_id} findes ikke igen",
        "en": "finding {code} on case {case_id} of the report is not found again",
    },
    "finding-changed": {
        "da": "fund {code} på sag {case_id}: {field} {before} -> {now}",
        "en": "finding {code} on case {case_id}: {field} {before} -> {now}",
    },
}

REASONS: dict[str, dict[str, str]] = {
    "missing": {"da": "findes ikke", "en": "does not exist"},
    "directory": {"da": "er en mappe", "en": "is a folder"},
    "permission": {"da": "ingen adgang", "en": "permission denied"},
    "empty": {"da": "filen er tom", "en": "the file is empty"},
    "password": {
        "da": "beskyttet med adgangskode; gem en kopi uden adgangskode",
        "en": "password-protected; save a copy without a password",
    },
    "corrupt": {
        "da": "beskadiget eller ufuldstændig; åbn og gem den igen i Excel",
        "en": "damaged or incomplete; open and save it again in Excel",
    },
    "not-a-table": {
        "da": "ikke et regneark eller en CSV-fil",
        "en": "not a spreadsheet or a CSV file",
    },
    "html": {"da": "en HTML-side, ikke et regneark", "en": "an HTML page, not a spreadsheet"},
    "too-large": {"da": "for stor", "en": "too large"},
}

KIND_NAMES: dict[str, dict[str, str]] = {  # the kind in a table; JSON and English keep the code
    "cases": {"da": "sagsliste", "en": "cases"},
    "tariffs": {"da": "takstkatalog", "en": "tariffs"},
    "time_log": {"da": "døgnskema", "en": "time_log"},
}
LAYOUT_NAMES: dict[str, dict[str, str]] = {  # a layout in a table; JSON and English keep the code
    "cases": {"da": "sagsliste", "en": "cases"},
    "model": {"da": "takstmodel", "en": "model"},
    "price_list": {"da": "prisliste", "en": "price_list"},
    "long": {"da": "lang liste", "en": "long"},
    "grid": {"da": "ugeskema", "en": "grid"},
}


def kind_name(kind: str | None, lang: Lang) -> str:
    """An input's kind in a table: `sagsliste` in Danish, the code in English; none as `-`."""
    return "-" if kind is None else KIND_NAMES.get(kind, {}).get(lang, kind)


def layout_name(layout: str | None, lang: Lang) -> str:
    return "-" if layout is None else LAYOUT_NAMES.get(layout, {}).get(lang, layout)


HISTORY_HEADERS: dict[str, str] = {  # history's columns: JSON keys in English, these in Danish
    "run": "Kørsel", "job": "Job", "as_of": "Revisionsdato", "citizen": "Borger",
    "payment": "Betaling", "process": "Sagsbehandling", "data": "Data", "new": "Nye",
    "persisting": "Vedvarende", "resolved": "Løst",
}  # fmt: skip

KIND_TEXT: dict[str, dict[str, str]] = {
    "cases": {"da": "en sagsliste", "en": "a case export"},
    "tariffs": {"da": "et takstkatalog", "en": "a tariff catalogue"},
    "time_log": {"da": "et døgnskema", "en": "a time log"},
    "any": {
        "da": "en sagsliste, et takstkatalog eller et døgnskema",
        "en": "a case export, a tariff catalogue or a time log",
    },
}

LOCATION: dict[str, dict[str, str]] = {
    "sheet": {"da": 'ark "{}"', "en": 'sheet "{}"'},
    "row": {"da": "række {}", "en": "row {}"},
    "column": {"da": 'kolonne "{}"', "en": 'column "{}"'},
}

LABELS: dict[str, dict[str, str]] = {
    "errors": {"da": "Datafejl", "en": "Data errors"},
    "notes": {"da": "Noter", "en": "Notes"},
    "time_logs": {"da": "Døgnskemaer", "en": "Time logs"},
    "period": {"da": "Periode", "en": "Period"},
    "what": {"da": "", "en": ""},
    "cases_with_findings": {"da": "Sager med fund", "en": "Cases with findings"},
    "audit_of": {"da": "BIT-revision pr.", "en": "BIT audit as of"},
    "per_rule": {"da": "Pr. regel", "en": "Per rule"},
    "top_cases": {
        "da": "Sager med flest fund (alvorligste først)",
        "en": "Cases with most findings (most severe first)",
    },
    "thresholds": {"da": "Tærskler", "en": "Thresholds"},
    "yes": {"da": "ja", "en": "yes"},
    "no": {"da": "nej", "en": "no"},
    "rules": {"da": "Regelkatalog", "en": "Rule catalogue"},
    "reveal": {"da": "Pseudonymer og CPR-numre", "en": "Pseudonyms and CPR numbers"},
    "history": {"da": "Kørsler", "en": "Runs"},
    "by_provider": {
        "da": "Pr. tilbud: fund / helårsvirkning; koder med percentil blandt tilbuddene",
        "en": "Per provider: findings / annual amount; codes with percentile among providers",
    },
    "card_title": {"da": "Sagskort for", "en": "Case card for"},
    "as_of": {"da": "Revisionsdato", "en": "As of"},
    "sources": {"da": "Kilder", "en": "Sources"},
    "no_errors": {"da": "Ingen datafejl.", "en": "No data errors."},
    "no_notes": {"da": "Ingen noter.", "en": "No notes."},
    "strata": {"da": "Lag", "en": "Strata"},
    "chosen_cases": {"da": "Udvalgte sager", "en": "Chosen"},
    "meaning": {"da": "Betydning", "en": "Meaning"},
    "code_list": {"da": "Koder", "en": "Codes"},
    "error": {"da": "datafejl", "en": "error"},
    "note": {"da": "note", "en": "note"},
    "not_evaluated_reason": {"da": "ikke vurderet", "en": "not_evaluated"},
    "evidence_reason": {"da": "evidensgrad", "en": "evidence"},
}

# Units of the case trace and of rule margins, as the language writes them.
UNITS: dict[str, dict[str, str]] = {
    "h/week": {"da": "t/uge", "en": "h/week"},
    "DKK/day": {"da": "kr./døgn", "en": "DKK/day"},
    "days": {"da": "dage", "en": "days"},
    "minutes": {"da": "minutter", "en": "minutes"},
    "minutes/day": {"da": "minutter/døgn", "en": "minutes/day"},
    "date": {"da": "dato", "en": "date"},
    "ratio": {"da": "forhold", "en": "ratio"},
    "level": {"da": "niveau", "en": "level"},
    "levels": {"da": "niveauer", "en": "levels"},
}


def message(key: str, lang: Lang, **params: Any) -> str:
    """Fill the template of `key` in `lang`; missing fields read as empty."""
    template = MESSAGES.get(key, {}).get(lang) or MESSAGES.get(key, {}).get("en") or key
    return template.format_map(_Blank(params))


def number(value: float, lang: Lang, decimals: int = 0) -> str:
    """A number as the language writes it: 1.234.567,5 in Danish, 1,234,567.5 in English."""
    text = f"{value:,.{decimals}f}"
    if lang == "da":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def label(key: str, lang: Lang) -> str:
    """A field's label (the one table of field labels), else another word of the interface."""
    from bitcheck.i18n_fields import FIELD_LABELS

    return (FIELD_LABELS.get(key) or LABELS.get(key, {})).get(lang, key)


def unit_text(unit: str | None, lang: Lang) -> str:
    """A unit such as `h/week` in the language; unknown units as written, none as empty."""
    return UNITS.get(unit or "", {}).get(lang, unit or "")


def reason_text(reason: str, lang: Lang) -> str:
    return REASONS.get(reason, {}).get(lang, reason)


def kind_text(kind: str, lang: Lang) -> str:
    return KIND_TEXT.get(kind, KIND_TEXT["any"])[lang]


def location(sheet: str | None, row: int | None, column: str | None, lang: Lang) -> list[str]:
    parts: list[str] = []
    for key, value in (("sheet", sheet), ("row", row), ("column", column)):
        if value is not None and value != "":
            parts.append(LOCATION[key][lang].format(value))
    return parts


class _Blank(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return ""
