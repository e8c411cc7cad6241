"""A lock per job, so that two runs never write the same job at once.

The lock is a file created exclusively; it names its process and start time. A lock older than
12 hours, or held by a process that no longer exists, is taken over (and the log says so).
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

STALE_SECONDS = 12 * 3600


class LockHeld(Exception):
    """Another live run holds the job's lock."""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _stale(path: Path) -> bool:
    try:
        holder = json.loads(path.read_text(encoding="utf-8"))
        pid, started = int(holder["pid"]), float(holder["started"])
    except (OSError, ValueError, KeyError, TypeError):
        return True
    return time.time() - started > STALE_SECONDS or not _alive(pid)


def _create(path: Path) -> bool:
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return False
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        json.dump({"pid": os.getpid(), "started": time.time()}, handle)
    return True


@contextlib.contextmanager
def job_lock(path: Path, log: list[str]) -> Iterator[None]:
    """Hold the lock at `path` for the body; raise LockHeld if a live run holds it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not _create(path):
        if not _stale(path):
            raise LockHeld(str(path))
        log.append(f"took over a stale lock: {path}")
        path.unlink(missing_ok=True)
        if not _create(path):
            raise LockHeld(str(path))
    try:
        yield
    finally:
        path.unlink(missing_ok=True)
