"""Run history in SQLite (standard library): every run, its inputs and settings, its findings.

Findings are keyed by (case_id, code). A finding is `new` when the job's latest run with an
earlier as-of date did not have it, `persisting` (since the as-of date that first saw it) when
it did; the previous run's findings that are gone are `resolved`. Re-running an as-of date
replaces that run. No CPR number is stored: citizens are pseudonyms, as in every output.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    run_id INTEGER PRIMARY KEY AUTOINCREMENT,
    job TEXT NOT NULL,
    as_of TEXT NOT NULL,
    started_at TEXT NOT NULL,
    settings TEXT NOT NULL,
    inputs TEXT NOT NULL,
    by_direction TEXT NOT NULL,
    new INTEGER NOT NULL,
    persisting INTEGER NOT NULL,
    resolved INTEGER NOT NULL,
    UNIQUE (job, as_of)
);
CREATE TABLE IF NOT EXISTS findings (
    run_id INTEGER NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
    case_id TEXT NOT NULL,
    code TEXT NOT NULL,
    since TEXT NOT NULL,
    record TEXT NOT NULL,
    PRIMARY KEY (run_id, case_id, code)
);
"""


@dataclass(frozen=True)
class StoredRun:
    run_id: int
    job: str
    as_of: dt.date
    started_at: str
    inputs: list[dict[str, Any]]
    by_direction: dict[str, Any]
    new: int
    persisting: int
    resolved: int


@contextmanager
def open_history(path: Path) -> Iterator[sqlite3.Connection]:
    """The history database, created when missing; one transaction per `with`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.executescript(SCHEMA)
        with connection:
            yield connection
    finally:
        connection.close()


def previous_run(db: sqlite3.Connection, job: str, as_of: dt.date) -> StoredRun | None:
    """The job's latest run with an earlier as-of date."""
    row = db.execute(
        "SELECT run_id, job, as_of, started_at, inputs, by_direction, new, persisting, resolved "
        "FROM runs WHERE job = ? AND as_of < ? ORDER BY as_of DESC LIMIT 1",
        (job, as_of.isoformat()),
    ).fetchone()
    return None if row is None else _stored(row)


def same_run(db: sqlite3.Connection, job: str, as_of: dt.date) -> StoredRun | None:
    row = db.execute(
        "SELECT run_id, job, as_of, started_at, inputs, by_direction, new, persisting, resolved "
        "FROM runs WHERE job = ? AND as_of = ?",
        (job, as_of.isoformat()),
    ).fetchone()
    return None if row is None else _stored(row)


def _stored(row: tuple[Any, ...]) -> StoredRun:
    return StoredRun(
        run_id=row[0], job=row[1], as_of=dt.date.fromisoformat(row[2]), started_at=row[3],
        inputs=json.loads(row[4]), by_direction=json.loads(row[5]), new=row[6], persisting=row[7],
        resolved=row[8],
    )  # fmt: skip


def findings_of(
    db: sqlite3.Connection, run_id: int
) -> dict[tuple[str, str], tuple[str, dict[str, Any]]]:
    """(case_id, code) -> (since, the finding as JSON) of a stored run."""
    rows = db.execute(
        "SELECT case_id, code, since, record FROM findings WHERE run_id = ?", (run_id,)
    )
    return {(case_id, code): (since, json.loads(record)) for case_id, code, since, record in rows}


def store_run(
    db: sqlite3.Connection,
    job: str,
    as_of: dt.date,
    started_at: str,
    settings: dict[str, Any],
    inputs: list[dict[str, Any]],
    by_direction: dict[str, Any],
    counts: tuple[int, int, int],
    findings: list[tuple[str, str, str, dict[str, Any]]],
) -> int:
    """Store a run (replacing one of the same job and as-of date) with its findings."""
    db.execute("DELETE FROM runs WHERE job = ? AND as_of = ?", (job, as_of.isoformat()))
    cursor = db.execute(
        "INSERT INTO runs (job, as_of, started_at, settings, inputs, by_direction, new, persisting, resolved) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            job,
            as_of.isoformat(),
            started_at,
            json.dumps(settings),
            json.dumps(inputs),
            json.dumps(by_direction),
            *counts,
        ),
    )
    run_id = int(cursor.lastrowid or 0)
    db.executemany(
        "INSERT INTO findings (run_id, case_id, code, since, record) VALUES (?, ?, ?, ?, ?)",
        [
            (run_id, case_id, code, since, json.dumps(record))
            for case_id, code, since, record in findings
        ],
    )
    return run_id


def runs_of(db: sqlite3.Connection, job: str | None) -> list[StoredRun]:
    query = "SELECT run_id, job, as_of, started_at, inputs, by_direction, new, persisting, resolved FROM runs"
    rows = db.execute(
        query + (" WHERE job = ?" if job else "") + " ORDER BY job, as_of", (job,) if job else ()
    )
    return [_stored(row) for row in rows]
