"""A command runs without Python's cycle collector; worker processes and card writing keep it.

An audit holds millions of small objects at once (every time-log cell, every case's facts), and
the cycle collector walks all of them each time the heap has grown by a quarter: about 0.4 s
of a 3,000-case audit, for nothing, since almost none of them are in reference cycles and
reference counting frees them. bitcheck's commands are short-lived processes, so they pause the
collector while they run and restore it after. What does make cyclic garbage runs with the
collector on over the objects made from then on only (`collecting_new`): an openpyxl workbook
per case card would otherwise stay in memory until the command ends. The worker processes that
read files turn it back on (`enable_in_worker`), since each of them lives through many files.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextmanager
def collecting_new() -> Iterator[None]:
    """The collector on, for objects made inside: the ones before are frozen, never walked.
    When something is frozen already (a host program's own freeze, or this one nested), the
    frozen objects are left as they are."""
    was_enabled = gc.isenabled()
    ours = gc.get_freeze_count() == 0
    if ours:
        gc.freeze()
    gc.enable()
    try:
        yield
    finally:
        if not was_enabled:
            gc.disable()
        if ours:
            gc.unfreeze()


def enable_in_worker() -> None:
    """Initializer of a worker process forked while the collector was paused."""
    gc.enable()
