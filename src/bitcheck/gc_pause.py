"""A command runs without Python's cycle collector; worker processes keep it.

An audit holds millions of small objects at once (every time-log cell, every case's facts), and
the cycle collector walks all of them each time the heap has grown by a quarter: about 0.4 s
of a 3,000-case audit, for no gain, since these objects are freed by reference counting when
the command ends. bitcheck's commands are short-lived processes, so they pause the collector
while they run and restore it after; the worker processes that read files turn it back on
(`enable_in_worker`), since each of them lives through many files.
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


def enable_in_worker() -> None:
    """Initializer of a worker process forked while the collector was paused."""
    gc.enable()
