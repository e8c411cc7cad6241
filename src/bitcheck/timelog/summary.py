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
    direct_by_weight: dict[str, tuple[float, float]] = field(
        default_factory=dict
    )  # "staff/residents" -> (clock, 1:1) minutes


HEAPING_MINIMUM_ENTRIES = 20
HEAPING_SHARE = 0.9
ROUND_MINUTES = 30
SATURDAY = 5


def summarise_logs(entries: pd.DataFrame, min_log_days: int) -> list[CitizenLog]:
    """Every citizen's log, ordered by period start, then CPR: one pass over all entries."""
    if entries.empty:
        return []
    table = _LogTable(entries)
    logs = [table.log(number, min_log_days) for number in range(table.count)]
    return sorted(logs, key=log_order)


def log_order(log: CitizenLog) -> tuple[dt.date, str, str]:
    return (log.period_start, log.cpr, log.provider_key)


def _iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


class _LogTable:
    """Whole-table aggregations, indexed by log number (one CPR at one provider)."""

    def __init__(self, entries: pd.DataFrame) -> None:
        self.entries = entries
        keys = entries[LOG_KEY]
        self.log_id = keys.groupby(LOG_KEY, sort=True).ngroup().to_numpy()
        self.count = int(self.log_id.max()) + 1
        first = np.unique(self.log_id, return_index=True)[1]
        cprs = keys["cpr"].to_numpy(dtype=object)[first]
        provider_keys = keys["provider_key"].to_numpy(dtype=object)[first]
        self.keys = [(str(cpr), str(key)) for cpr, key in zip(cprs, provider_keys, strict=True)]
        self.ordinal = ordinals(entries["date"])
        self._sums()
        self._days()
        self._largest_days()
        self._breakdowns()
        self._evidence()
        self._sources()
        self._weights()

    def _weights(self) -> None:
        """Direct minutes per weight (staff/residents): clock and 1:1-equivalent."""
        entries = self.entries[self.direct]
        self.weights: list[dict[str, tuple[float, float]]] = [{} for _ in range(self.count)]
        if entries.empty:
            return
        staff, staff_values = pd.factorize(entries["staff"].to_numpy(dtype=float))
        residents, resident_values = pd.factorize(entries["residents"].to_numpy(dtype=float))
        width = len(resident_values)
        codes, pairs = pd.factorize(staff * width + residents)
        names = [f"{staff_values[p // width]:g}/{resident_values[p % width]:g}" for p in pairs]
        labels = np.array(names, dtype=object)[codes]
        table = pd.DataFrame(
            {"log": self.log_id[self.direct], "weight": labels,
             "clock": entries["entry_minutes"].to_numpy(), "equivalent": entries["equivalent_minutes"].to_numpy()}
        )  # fmt: skip
        sums = (
            table.groupby(["log", "weight"], sort=True)[["clock", "equivalent"]].sum().reset_index()
        )
        for log, weight, clock, equivalent in zip(*(sums[c].tolist() for c in sums), strict=True):
            self.weights[log][str(weight)] = (clock, equivalent)

    def _bin(self, weights: np.ndarray) -> np.ndarray:
        return np.bincount(self.log_id, weights=weights, minlength=self.count)

    def _sums(self) -> None:
        entries = self.entries
        counted = entries["counted"].to_numpy(dtype=bool)
        kind = entries["kind"].to_numpy(dtype=object)
        clock = entries["entry_minutes"].to_numpy(dtype=float) * counted
        self.direct = (kind == "direct") & counted
        equivalent = entries["equivalent_minutes"].to_numpy(dtype=float)
        self.direct_minutes = self._bin(equivalent * self.direct)
        self.clock_minutes = {
            k: self._bin(clock * (kind == k)) for k in ("indirect", "night_awake", "night_sleeping")
        }
        bands = split_into_bands(
            entries["start"].to_numpy(dtype=float), entries["entry_minutes"].to_numpy(dtype=float)
        )
        weight = np.divide(
            equivalent,
            entries["entry_minutes"].to_numpy(dtype=float),
            out=np.zeros(len(entries)),
            where=clock > 0,
        )
        self.band_minutes = {
            name: self._bin(minutes * weight * self.direct) for name, minutes in bands.items()
        }
        self.night_any = self._bin((bands["night"] > 0).astype(float)) > 0
        self.counted_entries = self._bin(counted.astype(float)).astype(int)
        self.read_entries = np.bincount(self.log_id, minlength=self.count)

    def _days(self) -> None:
        """Period days: the union of stated periods (or a file's own first to last date)."""
        entries = self.entries
        stated = (
            entries["period_start"].notna().to_numpy() & entries["period_end"].notna().to_numpy()
        )
        file_code = pd.factorize(entries["_file"])[0]
        spans = pd.DataFrame(
            {"log": self.log_id, "file": file_code, "day": self.ordinal, "stated": stated}
        )
        spans["first"] = np.where(stated, ordinals(entries["period_start"]), 0)
        spans["last"] = np.where(stated, ordinals(entries["period_end"]), 0)
        stating_files = spans[stated][["log", "file"]].drop_duplicates()
        intervals = spans[stated][["log", "first", "last"]].drop_duplicates()
        own = spans.merge(stating_files.assign(has=True), on=["log", "file"], how="left")
        own = (
            own[own["has"].isna()].groupby(["log", "file"])["day"].agg(["min", "max"]).reset_index()
        )
        own = own.rename(columns={"min": "first", "max": "last"})[["log", "first", "last"]]
        every = pd.concat([intervals, own], ignore_index=True)
        lengths = (every["last"] - every["first"] + 1).clip(lower=1).to_numpy()
        logs = np.repeat(every["log"].to_numpy(), lengths)
        offsets = np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        days = pd.DataFrame(
            {"log": logs, "day": np.repeat(every["first"].to_numpy(), lengths) + offsets}
        )
        days = days.drop_duplicates()
        grouped = days.groupby("log")["day"]
        self.period_days = grouped.size().reindex(range(self.count), fill_value=0).to_numpy()
        self.period_first = grouped.min().reindex(range(self.count)).to_numpy()
        self.period_last = grouped.max().reindex(range(self.count)).to_numpy()
        weekend = days[_is_weekend(days["day"])]
        self.weekend_in_period = np.isin(np.arange(self.count), weekend["log"].to_numpy())
        logged = pd.DataFrame({"log": self.log_id, "day": self.ordinal}).drop_duplicates()
        self.days_logged = np.bincount(logged["log"].to_numpy(), minlength=self.count)
        weekend_logged = logged[_is_weekend(logged["day"])]["log"].to_numpy()
        self.weekend_logged = np.isin(np.arange(self.count), weekend_logged)

    def _largest_days(self) -> None:
        """D5: the largest clock minutes of direct and night entries on one date."""
        counted = self.entries["counted"].to_numpy(dtype=bool)
        clock_kind = self.entries["kind"].isin(CLOCK_KINDS).to_numpy() & counted
        minutes = self.entries["entry_minutes"].to_numpy(dtype=float) * clock_kind
        per_day = pd.DataFrame({"log": self.log_id, "day": self.ordinal, "minutes": minutes})
        per_day = per_day.groupby(["log", "day"], sort=False)["minutes"].sum().reset_index()
        top = per_day.sort_values(
            ["log", "minutes", "day"], ascending=[True, False, True]
        ).drop_duplicates("log")
        self.largest_minutes = np.zeros(self.count)
        self.largest_day = np.zeros(self.count, dtype=np.int64)
        self.largest_minutes[top["log"].to_numpy()] = top["minutes"].to_numpy()
        self.largest_day[top["log"].to_numpy()] = top["day"].to_numpy()

    def _breakdowns(self) -> None:
        """Direct 1:1-equivalent hours per category and per ISO week."""
        entries = self.entries
        direct = entries[self.direct]
        hours = direct["equivalent_minutes"].to_numpy(dtype=float) / 60
        logs = self.log_id[self.direct]
        weeks = {day: _iso_week(day) for day in set(direct["date"])}
        labels = {
            "category": direct["category"].fillna("").astype(str).to_numpy(),
            "week": direct["date"].map(weeks).to_numpy(),
        }
        self.breakdown: dict[str, list[dict[str, float]]] = {}
        for name, label in labels.items():
            table = pd.DataFrame({"log": logs, "label": label, "hours": hours})
            sums = table.groupby(["log", "label"], sort=True)["hours"].sum().reset_index()
            result: list[dict[str, float]] = [{} for _ in range(self.count)]
            for log, text, value in zip(*(sums[c].tolist() for c in sums), strict=True):
                result[log][str(text)] = value
            self.breakdown[name] = result

    def _evidence(self) -> None:
        entries = self.entries
        counted = entries["counted"].to_numpy(dtype=bool)
        long_direct = self.direct & (entries["_layout"] == "long").to_numpy()
        rounded = (entries["entry_minutes"].to_numpy(dtype=float) % ROUND_MINUTES) == 0
        direct_count = self._bin(long_direct.astype(float))
        round_count = self._bin((long_direct & rounded).astype(float))
        share = np.divide(
            round_count, direct_count, out=np.zeros(self.count), where=direct_count > 0
        )
        self.heaping = (direct_count >= HEAPING_MINIMUM_ENTRIES) & (share >= HEAPING_SHARE)
        self.copied_days = self._copied(
            entries[counted], self.log_id[counted], self.ordinal[counted]
        )
        frame = pd.DataFrame({"log": self.log_id, "day": self.ordinal}).groupby("log")["day"]
        self.first_logged = frame.min().reindex(range(self.count)).to_numpy()
        self.last_logged = frame.max().reindex(range(self.count)).to_numpy()

    def _copied(self, entries: pd.DataFrame, logs: np.ndarray, days: np.ndarray) -> np.ndarray:
        """At least half of the logged days have an entry list identical to another day's.

        A day's entry list (start, minutes, kind of each entry) is summed into a fingerprint of
        two 64-bit hashes and a count: equal lists give equal fingerprints, order aside.
        """
        kinds = pd.factorize(entries["kind"])[0].astype(np.uint64)
        seconds = np.round(entries[["start", "entry_minutes"]].to_numpy(dtype=float) * 60).astype(
            np.uint64
        )
        key = seconds[:, 0] * np.uint64(10**7) + seconds[:, 1] * np.uint64(10) + kinds
        day_key = logs.astype(np.int64) * 1_000_000_000 + days
        order = np.argsort(day_key, kind="stable")
        day_key, key = day_key[order], key[order]
        starts = np.flatnonzero(np.r_[True, day_key[1:] != day_key[:-1]])
        with np.errstate(over="ignore"):
            first = np.add.reduceat(key * np.uint64(0x9E3779B97F4A7C15), starts)
            second = np.add.reduceat(
                (key ^ (key >> np.uint64(29))) * np.uint64(0xBF58476D1CE4E5B9), starts
            )
        sizes = np.diff(np.r_[starts, len(key)])
        table = pd.DataFrame(
            {"log": day_key[starts] // 1_000_000_000, "a": first, "b": second, "n": sizes}
        )
        table["repeated"] = table.duplicated(["log", "a", "b", "n"], keep=False)
        per_log = table.groupby("log")["repeated"].agg(["sum", "size"])
        copied = (per_log["size"] >= 2) & (per_log["sum"] >= per_log["size"] / 2)
        return copied.reindex(range(self.count), fill_value=False).to_numpy(dtype=bool)

    def _sources(self) -> None:
        table = pd.DataFrame(
            {
                "log": self.log_id,
                "order": self.entries["_order"].to_numpy(),
                "row": self.entries[ROW].to_numpy(),
            }
        )
        spans = table.groupby(["log", "order"], sort=True)["row"].agg(["min", "max"]).reset_index()
        sources = self.entries.drop_duplicates("_order")[["_order", "_file", "_sheet"]]
        files = {order: (file, sheet) for order, file, sheet in sources.itertuples(index=False)}
        self.sources: list[list[Source]] = [[] for _ in range(self.count)]
        for log, order, low, high in spans.itertuples(index=False):
            file, sheet = files[order]
            self.sources[int(log)].append(
                Source(
                    str(file),
                    sheet if isinstance(sheet, str) else None,
                    int(low),
                    None if low == high else int(high),
                )
            )
        # each log's provider as its first entry with one names it
        codes, names = pd.factorize(self.entries["provider"].to_numpy(dtype=object))
        named = np.array([*(isinstance(name, str) for name in names), False], dtype=bool)
        positions = np.flatnonzero(named[codes])  # code -1 (no provider) takes the last
        logs, first = np.unique(self.log_id[positions], return_index=True)
        self.providers: list[str | None] = [None] * self.count
        for log, code in zip(logs.tolist(), codes[positions[first]].tolist(), strict=True):
            self.providers[log] = names[code]

    def log(self, n: int, min_log_days: int) -> CitizenLog:
        days = int(self.period_days[n])
        direct = float(self.direct_minutes[n])
        log = CitizenLog(
            cpr=self.keys[n][0],
            provider=self.providers[n],
            provider_key=self.keys[n][1],
            period_start=dt.date.fromordinal(int(self.period_first[n])),
            period_end=dt.date.fromordinal(int(self.period_last[n])),
            period_days=days,
            days_logged=int(self.days_logged[n]),
            entries=int(self.counted_entries[n]),
            entries_read=int(self.read_entries[n]),
            direct_hours=direct / 60,
            delivered_hours_week=direct * 7 / (60 * max(days, 1)),
            indirect_hours=float(self.clock_minutes["indirect"][n]) / 60,
            night_awake_hours=float(self.clock_minutes["night_awake"][n]) / 60,
            night_sleeping_hours=float(self.clock_minutes["night_sleeping"][n]) / 60,
            day_hours=float(self.band_minutes["day"][n]) / 60,
            evening_hours=float(self.band_minutes["evening"][n]) / 60,
            night_hours=float(self.band_minutes["night"][n]) / 60,
            largest_day_minutes=float(self.largest_minutes[n]),
            largest_day=dt.date.fromordinal(int(self.largest_day[n]))
            if self.largest_day[n]
            else None,
            evidence=EvidenceFacts(
                weekend_in_period=bool(self.weekend_in_period[n]),
                weekend_logged=bool(self.weekend_logged[n]),
                night_logged=bool(self.night_any[n]),
                heaping=bool(self.heaping[n]),
                copied_days=bool(self.copied_days[n]),
                first_date=dt.date.fromordinal(int(self.first_logged[n])),
                last_date=dt.date.fromordinal(int(self.last_logged[n])),
            ),
            by_category=self.breakdown["category"][n],
            by_week=self.breakdown["week"][n],
            sources=self.sources[n],
            direct_by_weight=self.weights[n],
        )
        if days < min_log_days:
            log.problems.append("D4")
        if log.largest_day_minutes > DAY_MINUTES:
            log.problems.append("D5")
        return log


def _is_weekend(ordinals: pd.Series) -> pd.Series:
    """Saturday or Sunday; ordinal 1 (01-01-0001) was a Monday."""
    return ((ordinals - 1) % 7) >= SATURDAY


def ordinals(days: pd.Series) -> np.ndarray:
    """Dates as day numbers (0 where there is no date), each distinct date converted once."""
    codes, uniques = pd.factorize(days.to_numpy(dtype=object))
    table = [day.toordinal() if isinstance(day, dt.date) else 0 for day in uniques]
    return np.array([*table, 0], dtype=np.int64)[codes]  # code -1 (no date) takes the last
