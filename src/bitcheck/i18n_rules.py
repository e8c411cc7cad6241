"""The rules' words: names of directions and severities, and one explanation template per
rule and language. Explanations describe, never recommend (rules.md, "Explanations")."""

from __future__ import annotations

EXPLANATIONS: dict[str, dict[str, str]] = {
    "N1": {
        "da": "Funktionsniveau {observed} ligger over intervallet for {level} (op til {expected}).",
        "en": "Function level {observed} is above the range of {level} (up to {expected}).",
    },
    "N2": {
        "da": "Funktionsniveau {observed} ligger under intervallet for {level} (fra {expected}).",
        "en": "Function level {observed} is below the range of {level} (from {expected}).",
    },
    "T1": {
        "da": "Faktureret {observed} kr./døgn mod {expected} kr./døgn efter takstmodellen ({level}): {percent} % over.",
        "en": "Billed {observed} DKK/day against {expected} DKK/day by the tariff model ({level}): {percent} % above.",
    },
    "T2": {
        "da": "Faktureret {observed} kr./døgn mod {expected} kr./døgn efter takstmodellen ({level}): {percent} % under.",
        "en": "Billed {observed} DKK/day against {expected} DKK/day by the tariff model ({level}): {percent} % below.",
    },
    "T3": {
        "da": "Særtakst {observed} kr./døgn, men bevillingen nævner ingen ekstra timer.",
        "en": "Special tariff {observed} DKK/day, but the grant names no extra hours.",
    },
    "T4": {
        "da": "Særtakst {observed} kr./døgn uden registreret dokumentation og uden døgnskema.",
        "en": "Special tariff {observed} DKK/day with no documentation recorded and no time log.",
    },
    "T5": {
        "da": "Intet takstniveau i kataloget svarer til {provider}, {level} på {as_of}.",
        "en": "No catalogue level matches {provider}, {level} on {as_of}.",
    },
    "D1": {
        "da": "Leveret {observed} t/uge (1:1-ækvivalent, {period_days} dage døgnskema) mod forventet {expected} t/uge{basis}: {percent} % under.",
        "en": "Delivered {observed} h/week (1:1 equivalent, {period_days} days of time log) against {expected} h/week expected{basis}: {percent} % below.",
    },
    "D2": {
        "da": "Leveret {observed} t/uge (1:1-ækvivalent, {period_days} dage døgnskema) mod forventet {expected} t/uge{basis}: {percent} % over.",
        "en": "Delivered {observed} h/week (1:1 equivalent, {period_days} days of time log) against {expected} h/week expected{basis}: {percent} % above.",
    },
    "D3": {
        "da": "Intet døgnskema dækker sagen, der har {what}.",
        "en": "No time log covers the case, which has {what}.",
    },
    "D4": {
        "da": "Døgnskemaet dækker {observed} dage; mindst {expected} dage skal til for at bære en konklusion.",
        "en": "The time log covers {observed} days; at least {expected} days are needed to carry a conclusion.",
    },
    "D5": {
        "da": "Den {day} er der registreret {observed} minutter direkte støtte og nattevagt, mere end døgnets 1.440.",
        "en": "On {day}, {observed} minutes of direct support and night watch are logged, more than the day's 1,440.",
    },
    "R1": {
        "da": "Opfølgning var planlagt til {expected}; {margin} dage siden.",
        "en": "A follow-up was due on {expected}; {margin} days ago.",
    },
    "R2": {
        "da": "Ingen opfølgning registreret; den første skulle være sket senest {expected} ({margin} dage siden).",
        "en": "No follow-up recorded; the first was due by {expected} ({margin} days ago).",
    },
    "R3": {
        "da": "Midlertidigt ophold efter § 107 siden {observed}; de {months} måneder udløb {expected}.",
        "en": "Temporary stay under § 107 since {observed}; {months} months passed on {expected}.",
    },
    "R4": {
        "da": "Bevillingen sluttede {expected}, og der er stadig en takst på {billed} kr./døgn.",
        "en": "The grant ended on {expected}, and a tariff of {billed} DKK/day is still billed.",
    },
    "R5": {
        "da": "Ingen indsatsmål registreret på sagen.",
        "en": "No intervention goals recorded on the case.",
    },
}

# Each rule's name for Danish readers; English output and every JSON `rule` keep rules.md's name.
RULE_TITLES_DA: dict[str, str] = {
    "N1": "behov over bevilling",
    "N2": "behov under bevilling",
    "T1": "takst over takstmodel",
    "T2": "takst under takstmodel",
    "T3": "særtakst uden ekstra timer",
    "T4": "særtakst uden dokumentation",
    "T5": "ingen takstmodel",
    "D1": "leveret under forventet",
    "D2": "leveret over bevilling",
    "D3": "intet døgnskema",
    "D4": "døgnskema for kort",
    "D5": "døgnskema usandsynligt",
    "R1": "opfølgning overskredet",
    "R2": "aldrig fulgt op",
    "R3": "langt midlertidigt ophold",
    "R4": "bevilling udløbet",
    "R5": "indsatsmål mangler",
}


def rule_title(code: str, name: str, lang: str) -> str:
    """A rule's name in the language: rules.md's `name` in English, a Danish title in Danish."""
    return RULE_TITLES_DA.get(code, name) if lang == "da" else name


WATCH_PREFIX = {"da": "Nær grænsen: ", "en": "Near the threshold: "}
# A date rule's watch item lies before its due date (rules.md: 0 <= due - audit date <= watch_
# review_days), so it is told in the future tense; {days} is the number of days left.
WATCH_EXPLANATIONS: dict[str, dict[str, str]] = {
    "R1": {
        "da": "Opfølgning skal ske senest {expected}; {days}.",
        "en": "A follow-up is due on {expected}; {days}.",
    },
    "R2": {
        "da": "Ingen opfølgning registreret; den første skal ske senest {expected} ({days}).",
        "en": "No follow-up recorded; the first is due by {expected} ({days}).",
    },
    "R3": {
        "da": "Midlertidigt ophold efter § 107 siden {observed}; de {months} måneder udløber {expected} ({days}).",
        "en": "Temporary stay under § 107 since {observed}; {months} months pass on {expected} ({days}).",
    },
}
DAYS_LEFT = {
    "da": ("i dag", "om 1 dag", "om {n} dage"),
    "en": ("today", "in 1 day", "in {n} days"),
}
D3_WHAT = {
    "special": {"da": "en særtakst", "en": "a special tariff"},
    "extra": {"da": "ekstra timer", "en": "extra hours"},
}
LEVEL_BASIS = {
    "da": " ({level}: {level_hours} + {extra} ekstra)",
    "en": " ({level}: {level_hours} + {extra} extra)",
}
DIRECTION_NAMES = {
    "citizen": {"da": "Borger", "en": "Citizen"},
    "payment": {"da": "Betaling", "en": "Payment"},
    "process": {"da": "Sagsbehandling", "en": "Process"},
    "data": {"da": "Data", "en": "Data"},
}
DIRECTION_MEANING = {
    "citizen": {
        "da": "borgeren får måske mindre støtte end behovet eller bevillingen",
        "en": "the citizen may receive less support than needed or granted",
    },
    "payment": {
        "da": "kommunen betaler måske for støtte, der ikke er bevilget eller leveret",
        "en": "the municipality may pay for support not granted or not delivered",
    },
    "process": {
        "da": "en pligt for myndigheden er ikke opfyldt (opfølgning, mål, dokumentation)",
        "en": "a duty of the authority is unmet (follow-up, goals, documentation)",
    },
    "data": {
        "da": "data kan ikke bære en konklusion (mangler, for kort, usandsynligt)",
        "en": "the data cannot support a conclusion (missing, too short, implausible)",
    },
}
# The legal bases of the rules that are prose; law references ("SEL § 148 stk. 2") stay as written.
LEGAL_BASIS_PROSE = {
    "the grant of extra support (SEL § 1 stk. 3)": {
        "da": "bevillingen af ekstra støtte (SEL § 1 stk. 3)",
        "en": "the grant of extra support (SEL § 1 stk. 3)",
    },
    "SEL § 107 (a temporary stay)": {
        "da": "SEL § 107 (midlertidigt ophold)",
        "en": "SEL § 107 (a temporary stay)",
    },
    "the decision's end date": {"da": "afgørelsens slutdato", "en": "the decision's end date"},
    "the provider's tariff (rammeaftale, takstbekendtgørelsen)": {
        "da": "tilbuddets takst (rammeaftale, takstbekendtgørelsen)",
        "en": "the provider's tariff (rammeaftale, takstbekendtgørelsen)",
    },
}
GRANTS_PARAGRAPH = {"da": "(bevillingens paragraf)", "en": "(the grant's paragraph)"}  # N1, N2
NO_SUSPICION = {"da": "Ingen", "en": "none"}
OUTCOME_NAMES = {
    "fired": {"da": "fund", "en": "fired"},
    "silent": {"da": "intet fund", "en": "silent"},
    "not_evaluated": {"da": "ikke vurderet", "en": "not_evaluated"},
}
SEVERITY_NAMES = {
    "high": {"da": "høj", "en": "high"},
    "medium": {"da": "middel", "en": "medium"},
    "low": {"da": "lav", "en": "low"},
}
LIFECYCLE_NAMES = {
    "new": {"da": "ny", "en": "new"},
    "persisting": {"da": "vedvarende", "en": "persisting"},
    "resolved": {"da": "løst", "en": "resolved"},
}
AMOUNT_MEANING = {
    "payment": {"da": "muligvis betalt uden dækning", "en": "possibly paid without cover"},
    "citizen": {"da": "hvad dækning af behovet kan koste", "en": "what covering the need may cost"},
}
NOTICE = {
    "da": (
        "Fund er anledninger til sagsbehandlerens konkrete, individuelle vurdering, ikke afgørelser. "
        "En nedsættelse af støtten kræver en ny afgørelse med forudgående partshøring af borgeren."
    ),
    "en": (
        "Findings are prompts for the caseworker's concrete, individual assessment, not decisions. "
        "A reduction of support requires a new decision with prior hearing of the citizen (partshøring)."
    ),
}

CARD_NOTICE = {
    "da": (
        "Dette kort er ikke en afgørelse. Fundene er anledninger til sagsbehandlerens konkrete, "
        "individuelle vurdering. En ændring af støtten kræver en konkret, individuel vurdering, en "
        "begrundet afgørelse, partshøring af borgeren (forvaltningsloven § 19) og tid for borgeren "
        "til at indrette sig."
    ),
    "en": (
        "This card is not a decision. Its findings are prompts for the caseworker's concrete, "
        "individual assessment. A change of support needs a concrete individual assessment, a "
        "decision with stated reasons, a hearing of the citizen (partshøring, Forvaltningsloven "
        "§ 19) and time for the citizen to adjust."
    ),
}


def legal_basis_text(legal_basis: str, lang: str) -> str:
    """A rule's legal basis in the language: prose translated, law references as they are."""
    return LEGAL_BASIS_PROSE.get(legal_basis, {}).get(lang, legal_basis)


def lifecycle_name(lifecycle: str | None, lang: str) -> str | None:
    return None if lifecycle is None else LIFECYCLE_NAMES.get(lifecycle, {}).get(lang, lifecycle)
