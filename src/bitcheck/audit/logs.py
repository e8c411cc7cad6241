"""Which time log covers which case (contract.md "a citizen's log", rules.md "covers").

A log covers a case of the same CPR when their providers match (one's normalised words begin
the other's); a log without provider covers the citizen's cases only when these are all at
one provider (else `ambiguous-log`). When several cases at one provider share a log, it is
compared once with the sum of their expected hours, on the first case (case_id order).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import pandas as pd

from bitcheck.audit.facts import CaseFacts
from bitcheck.catalogue.rows import words
from bitcheck.timelog.summary import CitizenLog


def providers_match(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    shorter = min(len(first), len(second))
    return shorter > 0 and first[:shorter] == second[:shorter]


def fill_log_providers(entries: pd.DataFrame, cases: list[CaseFacts]) -> pd.DataFrame:
    """Entries without a provider take the provider of the citizen's only case with hours."""
    if entries.empty:
        return entries
    sole: dict[str, tuple[str, str]] = {}
    with_hours = defaultdict(list)
    for case in cases:
        if case.expected_hours_week is not None:
            with_hours[case.value("cpr")].append(case.value("provider"))
    for cpr, providers in with_hours.items():
        if len(providers) == 1:
            sole[cpr] = (providers[0], " ".join(words(providers[0])))
    missing = (entries["provider_key"] == "") & entries["cpr"].isin(list(sole))
    if not missing.any():
        return entries
    entries = entries.copy()
    chosen = entries.loc[missing, "cpr"].map(sole)
    entries.loc[missing, "provider"] = chosen.map(lambda pair: pair[0])
    entries.loc[missing, "provider_key"] = chosen.map(lambda pair: pair[1])
    return entries


def assign_logs(cases: list[CaseFacts], logs: list[CitizenLog], as_of: dt.date) -> None:
    by_cpr: dict[str, list[CitizenLog]] = defaultdict(list)
    for log in logs:
        by_cpr[log.cpr].append(log)
    citizens: dict[str, list[CaseFacts]] = defaultdict(list)
    for case in cases:
        citizens[case.value("cpr")].append(case)
    for cpr, own in citizens.items():
        _cover(own, by_cpr.get(cpr, []))
        _choose_leads(own, as_of)


def _cover(cases: list[CaseFacts], logs: list[CitizenLog]) -> None:
    providerless = [log for log in logs if not log.provider_key]
    one_provider = len({words(c.value("provider")) for c in cases}) == 1
    for case in cases:
        own = words(case.value("provider"))
        covering = [
            log
            for log in logs
            if log.provider_key and providers_match(tuple(log.provider_key.split()), own)
        ]
        if covering:
            case.log = covering[0]
        elif providerless and one_provider:
            case.log = providerless[0]
        else:
            case.log_reason = "ambiguous-log" if providerless else "no-time-log"


def _choose_leads(cases: list[CaseFacts], as_of: dt.date) -> None:
    for log in {id(c.log): c.log for c in cases if c.log is not None}.values():
        covered = sorted((c for c in cases if c.log is log), key=lambda c: c.key)
        active = [c for c in covered if not c.ended(as_of)] or covered
        with_hours = [c for c in active if c.expected_hours_week is not None]
        lead = (with_hours or active)[0]
        lead.log_lead = True
        hours = sum(c.expected_hours_week or 0.0 for c in with_hours)
        lead.log_expected_hours = hours if with_hours else None
        lead.log_cases = [c.key for c in with_hours if c is not lead]
