"""One summary per citizen's log: period, delivered hours per week, hours by kind and band.

contract.md "Derived quantities". A log is all entries of one CPR and one provider across all
files. Its period is the union of the periods its files state (or, for a file that states
none, that file's first to last logged date); delivered hours per week = 1:1-equivalent direct
minutes x 7 / (60 x period_days). Indirect time and night watch are shown, never delivered.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from bitcheck.timelog.bands import split_into_bands
from bitcheck.validate import ROW

LOG_KEY = ["cpr", "provider_key"]
CLOCK_KINDS = ("direct", "night_awake", "night_sleeping")  # what D5 adds up per date
DAY_MINUTES = 1440.0


@dataclass(frozen=True)
class Source:
    file: str
    sheet: str | None
    row: int
    last_row: int | None


@dataclass(frozen=True)
class EvidenceFacts:
    """What the evidence grade of a log reads (outputs.md §8), gathered with its figures."""

    weekend_in_period: bool = False
    weekend_logged: bool = False
    night_logged: bool = False
    heaping: bool = False
    copied_days: bool = False
    first_date: dt.date | None = None
    last_date: dt.date | None = None


@dataclass
class CitizenLog:
    """The figures of one citizen's log at one provider."""

    cpr: str
    provider: str | None
    provider_key: str
    period_start: dt.date
    period_end: dt.date
    period_days: int
    days_logged: int
    entries: int  # counted entries
    entries_read: int  # every accepted row, also those counted in another file
    direct_hours: float
    delivered_hours_week: float
    indirect_hours: float
    night_awake_hours: float
    night_sleeping_hours: float
    day_hours: float
    evening_hours: float
    night_hours: float
    largest_day_minutes: float
    largest_day: dt.date | None
    evidence: EvidenceFacts = field(default_factory=lambda: EvidenceFacts())
    by_category: dict[str, float] = field(default_factory=dict)
    by_week: dict[str, float] = field(default_factory=dict)
    sources: list[Source] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    evidence_grade: str | None = None
    evidence_reasons: list[str] = field(default_factory=list)


def summarise_logs(entries: pd.DataFrame, min_log_days: int) -> list[CitizenLog]:
    """Every citizen's log, ordered by period start, then CPR."""
    if entries.empty:
        return []
    entries = _with_bands(entries)
    days = period_days(entries)
    logs = []
    for key, group in entries.groupby(LOG_KEY, sort=True):
        log_key = (str(key[0]), str(key[1]))
        logs.append(_summarise(log_key, group, days[log_key], min_log_days))
    return sorted(logs, key=lambda log: (log.period_start, log.cpr, log.provider_key))


def _with_bands(entries: pd.DataFrame) -> pd.DataFrame:
    direct = (entries["kind"] == "direct").to_numpy()
    weight = (entries["equivalent_minutes"] / entries["entry_minutes"]).to_numpy(dtype=float)
    bands = split_into_bands(
        entries["start"].to_numpy(dtype=float), entries["entry_minutes"].to_numpy(dtype=float)
    )
    extra = {
        f"{name}_minutes": np.where(direct, minutes * weight, 0.0)
        for name, minutes in bands.items()
    }
    return entries.assign(**extra)


def period_days(entries: pd.DataFrame) -> dict[tuple[str, str], set[dt.date]]:
    """The days of each log's period: the union of the periods its files state."""
    columns = [*LOG_KEY, "_file", "period_start", "period_end"]
    stated = entries.dropna(subset=["period_start", "period_end"])
    spans: dict[tuple[str, str], list[tuple[dt.date, dt.date]]] = {}
    for cpr, provider, _, first, last in stated[columns].drop_duplicates().itertuples(index=False):
        spans.setdefault((cpr, provider), []).append((first, last))
    stating = set(stated[[*LOG_KEY, "_file"]].itertuples(index=False, name=None))
    logged = entries.groupby([*LOG_KEY, "_file"], sort=False)["date"].agg(["min", "max"])
    for cpr, provider, file, first, last in logged.reset_index().itertuples(index=False):
        if (cpr, provider, file) not in stating:
            spans.setdefault((cpr, provider), []).append((first, last))
    return {key: _days_of(intervals) for key, intervals in spans.items()}


def _days_of(intervals: list[tuple[dt.date, dt.date]]) -> set[dt.date]:
    days: set[dt.date] = set()
    for first, last in intervals:
        days.update(first + dt.timedelta(days=n) for n in range((last - first).days + 1))
    return days


def _summarise(
    key: tuple[str, str], every: pd.DataFrame, days: set[dt.date], min_log_days: int
) -> CitizenLog:
    group = every[every["counted"].to_numpy(dtype=bool)]
    kind = group["kind"]
    direct = group[kind == "direct"]
    direct_minutes = float(direct["equivalent_minutes"].sum())
    period = max(len(days), 1)
    clock = group[kind.isin(CLOCK_KINDS)].groupby("date")["entry_minutes"].sum()
    largest = float(clock.max()) if len(clock) else 0.0
    log = CitizenLog(
        cpr=key[0],
        provider=_first_text(group["provider"]),
        provider_key=key[1],
        period_start=min(days),
        period_end=max(days),
        period_days=len(days),
        days_logged=int(every["date"].nunique()),
        entries=len(group),
        entries_read=len(every),
        direct_hours=direct_minutes / 60,
        delivered_hours_week=direct_minutes * 7 / (60 * period),
        indirect_hours=_clock_hours(group, "indirect"),
        night_awake_hours=_clock_hours(group, "night_awake"),
        night_sleeping_hours=_clock_hours(group, "night_sleeping"),
        day_hours=float(group["day_minutes"].sum()) / 60,
        evening_hours=float(group["evening_minutes"].sum()) / 60,
        night_hours=float(group["night_minutes"].sum()) / 60,
        largest_day_minutes=largest,
        largest_day=_largest_day(clock),
        by_category=_hours_by(direct, direct["category"].fillna("").astype(str)),
        by_week=_hours_by(direct, direct["date"].map(_iso_week)),
        sources=_sources(every),
        evidence=evidence_facts(every, group, days),
    )
    if log.period_days < min_log_days:
        log.problems.append("D4")
    if largest > DAY_MINUTES:
        log.problems.append("D5")
    return log


def _largest_day(clock: pd.Series) -> dt.date | None:
    if not len(clock):
        return None
    day = clock.index[int(np.argmax(clock.to_numpy()))]
    return day if isinstance(day, dt.date) else None


def _first_text(values: pd.Series) -> str | None:
    texts = values.dropna()
    return str(texts.iat[0]) if len(texts) else None


def _clock_hours(group: pd.DataFrame, kind: str) -> float:
    return float(group.loc[group["kind"] == kind, "entry_minutes"].sum()) / 60


def _hours_by(direct: pd.DataFrame, labels: pd.Series) -> dict[str, float]:
    sums = direct["equivalent_minutes"].groupby(labels).sum() / 60
    return {str(label): float(hours) for label, hours in sums.sort_index().items()}


def _iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _sources(group: pd.DataFrame) -> list[Source]:
    keys = ["_order", "_file", "_sheet"]
    spans = group.groupby(keys, sort=True, dropna=False)[ROW].agg(["min", "max"]).reset_index()
    return [
        Source(
            file=str(file),
            sheet=None if pd.isna(sheet) else str(sheet),
            row=int(low),
            last_row=None if low == high else int(high),
        )
        for _, file, sheet, low, high in spans.itertuples(index=False)
    ]


HEAPING_MINIMUM_ENTRIES = 20
HEAPING_SHARE = 0.9
ROUND_MINUTES = 30
SATURDAY = 5


def evidence_facts(every: pd.DataFrame, counted: pd.DataFrame, days: set[dt.date]) -> EvidenceFacts:
    dates = every["date"]
    return EvidenceFacts(
        weekend_in_period=any(day.weekday() >= SATURDAY for day in days),
        weekend_logged=any(day.weekday() >= SATURDAY for day in dates),
        night_logged=_any_night(every),
        heaping=_heaping(counted),
        copied_days=_copied_days(counted),
        first_date=min(dates),
        last_date=max(dates),
    )


def _any_night(entries: pd.DataFrame) -> bool:
    """An entry of any kind (night watch, indirect) that lies in the night band, 23-07."""
    bands = split_into_bands(
        entries["start"].to_numpy(dtype=float), entries["entry_minutes"].to_numpy(dtype=float)
    )
    return bool((bands["night"] > 0).any())


def _heaping(entries: pd.DataFrame) -> bool:
    """A long-layout log whose direct entries are nearly all multiples of 30 minutes."""
    direct = entries[(entries["kind"] == "direct") & (entries["_layout"] == "long")]
    if len(direct) < HEAPING_MINIMUM_ENTRIES:
        return False
    rounded = (direct["entry_minutes"] % ROUND_MINUTES == 0).mean()
    return bool(rounded >= HEAPING_SHARE)


def _copied_days(entries: pd.DataFrame) -> bool:
    """At least half of the logged days have an entry list identical to another day's."""
    keys = (
        entries["start"].astype(str)
        + "|"
        + entries["entry_minutes"].astype(str)
        + "|"
        + entries["kind"]
    )
    signatures = keys.groupby(entries["date"]).agg(lambda day: "\n".join(sorted(day)))
    if len(signatures) < 2:
        return False
    repeated = signatures.duplicated(keep=False).sum()
    return bool(repeated >= len(signatures) / 2)
