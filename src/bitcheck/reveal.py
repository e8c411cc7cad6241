"""`bitcheck reveal`: pseudonyms back to CPR numbers, from the case export they came from."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from bitcheck import i18n
from bitcheck.errors import InputError
from bitcheck.inputs import validate_files
from bitcheck.pseudonyms import PSEUDONYM, Pseudonymizer
from bitcheck.render.tables import markdown_table, render_terminal
from bitcheck.report.timelog import format_cpr
from bitcheck.settings import Settings
from bitcheck.tables.case_keys import CASE_KEY


@dataclass
class Revealed:
    pseudonym: str
    cpr: str | None
    case_ids: list[str] = field(default_factory=list)


def reveal_pseudonyms(
    pseudonyms: list[str], cases: str, settings: Settings, pseudonymizer: Pseudonymizer
) -> list[Revealed]:
    for pseudonym in pseudonyms:
        if not PSEUDONYM.match(pseudonym):
            raise InputError("not-a-pseudonym", text=pseudonym)
    run = validate_files([cases], "cases", settings)
    found = {p: Revealed(p, None) for p in pseudonyms}
    for table in (t for i in run.inputs for t in i.tables):
        for cpr, key in zip(table.frame["cpr"], table.frame[CASE_KEY], strict=True):
            match = found.get(pseudonymizer.pseudonym(cpr))
            if match is not None:
                match.cpr = format_cpr(cpr)
                match.case_ids.append(str(key))
    return list(found.values())


def render_reveal(found: list[Revealed], output_format: str, lang: str) -> str:
    if output_format == "json":
        return json.dumps([asdict(item) for item in found], indent=2)
    headers = [i18n.label(k, lang) for k in ("subject", "cpr", "case_id")]
    rows: list[list[object]] = [[r.pseudonym, r.cpr or "?", ", ".join(r.case_ids)] for r in found]
    if output_format == "markdown":
        return markdown_table(headers, rows) + "\n"
    return render_terminal([(i18n.label("reveal", lang), headers, rows)])
