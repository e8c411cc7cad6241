"""All time-log rows of a run as one table of entries, with their minutes worked out.

contract.md "Derived quantities": entry minutes = `minutes`, else end - start (+ 24 h when the
end is before the start); 1:1-equivalent minutes = entry minutes x staff / residents. An entry
logged in two files or sheets counts once (`duplicate-entries`); identical rows within one
sheet all count (`repeated-entries`).
"""

from __future__ import annotations

from itertools import chain

import numpy as np
import pandas as pd

from bitcheck.problems import Problem
from bitcheck.validate import ROW, TableResult
from bitcheck.values import normalise_name

DAY = 1440.0
ENTRY_KEY = ["cpr", "date", "start", "entry_minutes", "kind"]
SOURCE = ["_file", "_sheet"]


ENTRY_FIELDS = [
    "cpr", "provider", "date", "start", "end", "minutes", "activity", "category", "kind",
    "staff", "residents", "period_start", "period_end", ROW,
]  # fmt: skip
NUMBERS = ("start", "end", "minutes", "staff", "residents")


def collect_entries(tables: list[TableResult]) -> tuple[pd.DataFrame, list[Problem]]:
    """One frame of every accepted time-log row, made once from all tables' columns."""
    used = [(n, t) for n, t in enumerate(tables) if t.columns.get(ROW)]
    if not used:
        return empty_entries(), []
    data: dict[str, object] = {}
    for name in ENTRY_FIELDS:
        column = list(chain.from_iterable(t.columns[name] for _, t in used))
        if name in NUMBERS:
            data[name] = np.array(column, dtype=float)
        elif name == ROW:
            data[name] = np.array(column, dtype=np.int64)
        else:
            data[name] = pd.Series(column, dtype=object)
    sizes = [len(t.columns[ROW]) for _, t in used]
    for name, attribute in (("_file", "file"), ("_sheet", "sheet"), ("_layout", "layout")):
        data[name] = pd.Series(
            _repeat([getattr(t, attribute) for _, t in used], sizes), dtype=object
        )
    data["_order"] = np.repeat([n for n, _ in used], sizes)
    entries = add_minutes(pd.DataFrame(data))
    entries, problems = mark_duplicates(entries)
    codes, providers = pd.factorize(entries["provider"].to_numpy(), use_na_sentinel=False)
    keys = np.array([_provider_key(provider) for provider in providers], dtype=object)
    entries["provider_key"] = keys[codes]
    return entries, problems


def _repeat(values: list[object], sizes: list[int]) -> list[object]:
    return list(
        chain.from_iterable([value] * size for value, size in zip(values, sizes, strict=True))
    )


def empty_entries() -> pd.DataFrame:
    columns = [
        "cpr", "provider", "date", "start", "end", "minutes", "activity", "category", "kind",
        "staff", "residents", "period_start", "period_end", ROW, "_file", "_sheet", "_order",
        "_layout", "entry_minutes", "equivalent_minutes", "counted", "provider_key",
    ]  # fmt: skip
    return pd.DataFrame({name: pd.Series([], dtype=object) for name in columns})


def _provider_key(provider: object) -> str:
    return normalise_name(provider) if isinstance(provider, str) else ""


def add_minutes(entries: pd.DataFrame) -> pd.DataFrame:
    start = entries["start"].to_numpy(dtype=float)
    end = entries["end"].to_numpy(dtype=float)
    given = entries["minutes"].to_numpy(dtype=float)
    span = np.where(end < start, end + DAY, end) - start
    minutes = np.where(np.isnan(given), span, given)
    weight = (
        entries["staff"].astype(float).to_numpy() / entries["residents"].astype(float).to_numpy()
    )
    return entries.assign(entry_minutes=minutes, equivalent_minutes=minutes * weight)


def mark_duplicates(entries: pd.DataFrame) -> tuple[pd.DataFrame, list[Problem]]:
    """Count each entry key from one source only (file and sheet); note the others.

    Entries of the other sources stay in the frame with `counted` False: they still show the
    days a file logged, but add no minutes. Every source is one table (`_order`), so the keys
    are grouped as integer codes, never as text.
    """
    entry = _entry_codes(entries)
    order = entries["_order"].to_numpy(dtype=np.int64)
    per_source = pd.DataFrame({"entry": entry, "order": order})
    sizes = per_source.groupby(["entry", "order"], sort=False).size().rename("n").reset_index()
    # the source that logs the entry most often counts; ties go to the first by file name and
    # sheet, so the result does not depend on the order in which the files were given
    sizes["rank"] = _source_rank(entries)[sizes["order"].to_numpy()]
    ranked = sizes.sort_values(["n", "rank"], ascending=[False, True], kind="stable")
    chosen = ranked.drop_duplicates("entry")
    kept = np.empty(int(entry.max()) + 1 if len(entry) else 0, dtype=np.int64)
    kept[chosen["entry"].to_numpy()] = chosen["order"].to_numpy()
    elsewhere = kept[entry] != order
    problems = _source_notes(entries[elsewhere], "duplicate-entries")
    repeated = per_source.duplicated(keep=False).to_numpy() & ~elsewhere
    problems += _source_notes(entries[repeated], "repeated-entries")
    return entries.assign(counted=~elsewhere), problems


def _entry_codes(entries: pd.DataFrame) -> np.ndarray:
    """One integer per distinct entry key (cpr, date, start, minutes, kind)."""
    key = np.zeros(len(entries), dtype=np.int64)
    for name in ENTRY_KEY:
        codes, uniques = pd.factorize(entries[name].to_numpy(), use_na_sentinel=False)
        key = pd.factorize(key * (len(uniques) + 1) + codes)[0]  # stays below rows²
    return key


def _source_rank(entries: pd.DataFrame) -> np.ndarray:
    """Per table number (`_order`): its place among the sources sorted by file, then sheet."""
    tables = entries.drop_duplicates("_order")
    names = {
        int(order): f"{file}!{sheet if isinstance(sheet, str) else ''}"
        for order, file, sheet in zip(
            tables["_order"], tables["_file"], tables["_sheet"], strict=True
        )
    }
    rank = np.zeros(max(names) + 1 if names else 0, dtype=np.int64)
    for place, order in enumerate(sorted(names, key=names.__getitem__)):
        rank[order] = place
    return rank


def _source_notes(rows: pd.DataFrame, code: str) -> list[Problem]:
    notes = []
    for (file, sheet), group in rows.groupby(SOURCE, sort=False, dropna=False):
        count = len(group)
        notes.append(
            Problem(
                code=code,
                file=str(file),
                sheet=sheet if isinstance(sheet, str) else None,
                row=int(group[ROW].min()),
                count=count,
                params={"count": count},
            )
        )
    return notes
