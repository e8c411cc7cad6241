"""One sentence per finding, with the case's own numbers, in the report's language."""

from __future__ import annotations

import datetime as dt
import re

from bitcheck import i18n
from bitcheck.audit.facts import CaseFacts
from bitcheck.audit.rules import Outcome
from bitcheck.i18n_rules import (
    D3_WHAT,
    DAYS_LEFT,
    EXPLANATIONS,
    LEVEL_BASIS,
    WATCH_EXPLANATIONS,
    WATCH_PREFIX,
)

ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def day_text_of(value: object, lang: str) -> str | None:
    """`day_text` of a date or an ISO date text; None for any other value."""
    if isinstance(value, dt.date) or (isinstance(value, str) and ISO_DAY.fullmatch(value)):
        return day_text(value, lang)
    return None


def day_text(value: object, lang: str) -> str:
    """An ISO date (or date) as the language writes it: 24-11-2026 or 2026-11-24."""
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    if not isinstance(value, dt.date):
        return ""
    return value.strftime("%d-%m-%Y") if lang == "da" else value.isoformat()


def _amount(value: object, lang: str, decimals: int) -> str:
    return i18n.number(float(value), lang, decimals) if isinstance(value, int | float) else ""


def explanation(
    code: str, facts: CaseFacts, outcome: Outcome, lang: str, as_of: dt.date, *, watch: bool = False
) -> str:
    params = _params(code, facts, outcome, lang, as_of)
    if watch and code in WATCH_EXPLANATIONS:  # before the due date: days left, not days ago
        params["days"] = days_left(outcome.margin, lang)
        return WATCH_PREFIX[lang] + WATCH_EXPLANATIONS[code][lang].format_map(params)
    text = EXPLANATIONS[code][lang].format_map(params)
    return (WATCH_PREFIX[lang] + text) if watch else text


def days_left(margin: float | None, lang: str) -> str:
    """A date rule's watch margin (minus the days left until the due date) in words."""
    days = round(abs(margin or 0))
    today, one, many = DAYS_LEFT[lang]
    return today if days == 0 else one if days == 1 else many.format(n=days)


def _params(
    code: str, facts: CaseFacts, outcome: Outcome, lang: str, as_of: dt.date
) -> dict[str, str]:
    decimals = 1 if code in ("D1", "D2") else 2 if code in ("T1", "T2", "T3", "T4") else 0
    params = {
        "observed": _shown(outcome.observed, lang, decimals),
        "expected": _shown(outcome.expected, lang, decimals),
        "level": str(facts.value("level") or "-"),
        "provider": str(facts.value("provider")),
        "as_of": day_text(as_of, lang),
        "margin": _amount(outcome.margin, lang, 0),
        "months": "",
        "billed": _amount(facts.billed_per_day, lang, 2),
        "percent": _amount(abs(1 - outcome.ratio) * 100, lang, 0)
        if outcome.ratio is not None
        else "",
        "period_days": str(outcome.params.get("period_days", "")),
        "day": day_text(outcome.params.get("day"), lang),
        "basis": _basis(facts, lang),
        "what": D3_WHAT["special" if facts.value("special_tariff") else "extra"][lang],
    }
    if code == "R3":
        params["months"] = str(outcome.params.get("months", ""))
    return params


def _shown(value: object, lang: str, decimals: int) -> str:
    if isinstance(value, str):
        return day_text(value, lang)
    return _amount(value, lang, decimals)


def _basis(facts: CaseFacts, lang: str) -> str:
    """How expected hours were made up, when they come from the catalogue level."""
    row = facts.row
    if facts.value("granted_hours_week") or row is None or row.level_hours_week is None:
        return ""
    return LEVEL_BASIS[lang].format(
        level=facts.value("level"),
        level_hours=i18n.number(row.level_hours_week, lang, 1),
        extra=i18n.number(facts.value("extra_hours_week") or 0.0, lang, 1),
    )
