"""Reading many input files on every core.

A municipality sends a thousand døgnskemaer; reading and checking them is most of an audit's
cost, and each file is independent. With many files on a machine that can fork, a pool of
worker processes reads them (each keeps its own memo of parsed values) and sends back the
typed tables, which are compact to pickle. Elsewhere (Windows, one core, few files) files are
read in this process, in the same order, with the same results.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

from bitcheck.gc_pause import enable_in_worker

Job = TypeVar("Job")
Result = TypeVar("Result")

MIN_FILES = 16  # below this, starting workers costs more than it saves
CHUNK = 8


def workers() -> int:
    """How many processes to read with: the cores this process may use, at most 8."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, 8))


def can_fork() -> bool:
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


class OrderedMap(Iterator[Result]):
    """`map(work, jobs)`, on all cores when that pays; results come in the order of `jobs`.

    With workers, every job is handed out at once, so the workers go on while the caller does
    other things; `cancel` stops what has not begun (an error elsewhere ends the run).
    """

    def __init__(self, work: Callable[[Job], Result], jobs: Sequence[Job]) -> None:
        count = workers()
        self._pool: ProcessPoolExecutor | None = None
        if count == 1 or len(jobs) < MIN_FILES or not can_fork():
            self._results: Iterator[Result] = map(work, jobs)
            return
        context = multiprocessing.get_context("fork")
        self._pool = ProcessPoolExecutor(
            max_workers=count, mp_context=context, initializer=enable_in_worker
        )
        self._results = self._pool.map(work, jobs, chunksize=CHUNK)

    def __next__(self) -> Result:
        try:
            return next(self._results)
        except BaseException:
            self.cancel()
            raise

    def cancel(self) -> None:
        """Cancel the jobs not begun and wait for the few running ones. The executor must live
        until its jobs are cancelled: shut down without waiting and dropped, it runs them all,
        and the process cannot exit before they are done."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
