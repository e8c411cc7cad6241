"""Summing up the time logs on every core, one part of the citizens in each process.

Everything a citizen's log is made of depends on that citizen's entries alone: an entry's key
(cpr, date, start, minutes, kind) holds the CPR, so duplicates never span two citizens, and
each log is one CPR at one provider. So the tables are split by citizen (a multi-citizen CSV
row by row), each part is summed up as a whole run would be (`parallel.map_forked`), and the
logs come back in the order a single part gives them. The notes on duplicated entries name a
source (file and sheet) with its first row and a count; a source split over two parts gets two
such notes, which are put back together. With few rows, one part is summed up here.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable
from functools import partial
from itertools import chain

import pandas as pd

from bitcheck.parallel import map_forked, workers
from bitcheck.problems import Problem
from bitcheck.timelog.entries import collect_entries
from bitcheck.timelog.summary import CitizenLog, log_order, summarise_logs
from bitcheck.validate import ROW, TableResult

MIN_ROWS = 20_000  # below this, forking costs more than the second core saves
Prepare = Callable[[pd.DataFrame], pd.DataFrame]
Summed = tuple[list[CitizenLog], list[Problem]]


def summarise_tables(
    tables: list[TableResult], min_log_days: int, prepare: Prepare | None = None
) -> Summed:
    """Every citizen's log from the accepted rows of `tables`, and the notes on duplicated
    entries. `prepare` changes the entries before they are summed up (the audit gives entries
    without a provider the provider of the citizen's case)."""
    rows = sum(len(table.columns.get(ROW, ())) for table in tables)
    parts = [
        part for part in split_by_citizen(tables, workers() if rows >= MIN_ROWS else 1) if part
    ]
    summed = map_forked(partial(_summarise_part, min_log_days=min_log_days, prepare=prepare), parts)
    logs = sorted(chain.from_iterable(part_logs for part_logs, _ in summed), key=log_order)
    return logs, merge_source_notes([note for _, notes in summed for note in notes])


def _summarise_part(
    tables: list[TableResult], min_log_days: int, prepare: Prepare | None
) -> Summed:
    entries, notes = collect_entries(tables)
    if prepare is not None:
        entries = prepare(entries)
    return summarise_logs(entries, min_log_days), notes


def split_by_citizen(tables: list[TableResult], count: int) -> list[list[TableResult]]:
    """`count` lists of tables, each citizen's rows in one of them, about as many rows in each:
    the citizens with most rows are placed first, each in the part with fewest rows so far."""
    if count <= 1:
        return [tables]
    rows = Counter(chain.from_iterable(table.columns.get("cpr", ()) for table in tables))
    load = [0] * count
    part_of: dict[object, int] = {}
    for cpr, size in sorted(rows.items(), key=lambda item: (-item[1], str(item[0]))):
        part = load.index(min(load))
        part_of[cpr] = part
        load[part] += size
    parts: list[list[TableResult]] = [[] for _ in range(count)]
    for table in tables:
        places = [part_of[cpr] for cpr in table.columns.get("cpr", ())]
        if not places:
            continue  # no accepted rows: nothing to sum up
        if min(places) == max(places):
            parts[places[0]].append(table)
            continue
        for part in sorted(set(places)):
            kept = [n for n, place in enumerate(places) if place == part]
            columns = {name: [values[n] for n in kept] for name, values in table.columns.items()}
            parts[part].append(dataclasses.replace(table, columns=columns, _frame=None))
    return parts


def merge_source_notes(notes: list[Problem]) -> list[Problem]:
    """One note per code and source: the first row, the rows counted together."""
    merged: dict[tuple[str, str, str | None], Problem] = {}
    for note in notes:
        key = (note.code, note.file, note.sheet)
        if key not in merged:
            merged[key] = note
            continue
        first = merged[key]
        count = (first.count or 0) + (note.count or 0)
        rows = [row for row in (first.row, note.row) if row is not None]
        merged[key] = dataclasses.replace(
            first,
            row=min(rows) if rows else None,
            count=count,
            params={**first.params, "count": count},
        )
    return list(merged.values())
