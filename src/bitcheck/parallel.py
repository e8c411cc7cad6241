"""Work on every core: reading many input files, and summing up their time logs.

A municipality sends a thousand døgnskemaer; reading and checking them is most of an audit's
cost, and each file is independent. With many files on a machine that can fork, a pool of
worker processes reads them (each keeps its own memo of parsed values) and sends back the
typed tables, which are compact to pickle (`OrderedMap`). Summing up the logs afterwards is
split by citizen, and writing case cards by card: each part in a process forked for it, which
already holds what it needs (`map_forked`). Elsewhere (Windows, one core, few files) everything
runs in this process, in the same order, with the same results.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any, TypeVar, cast

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
    """Linux, and not inside a daemonic process (a pool worker), which may have no children."""
    return (
        sys.platform.startswith("linux")
        and "fork" in multiprocessing.get_all_start_methods()
        and not multiprocessing.current_process().daemon
    )


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


def map_forked(work: Callable[[Job], Result], jobs: Sequence[Job]) -> list[Result]:
    """`[work(job) for job in jobs]`, the first job in this process and each other in a process
    forked for it, which sees its job without pickling it and sends back only the result.

    For work on what this process already holds (the time-log entries after reading, the case
    cards of a report). A job whose process cannot start or fails, for whatever reason, is done
    again here, where its error is raised as usual; a failing child prints nothing (its
    traceback could show a citizen's data).
    """
    if len(jobs) < 2 or not can_fork():
        return [work(job) for job in jobs]
    context = multiprocessing.get_context("fork")
    children = [_start_child(context, work, job) for job in jobs[1:]]
    try:
        results = [work(jobs[0])]
        for job, child in zip(jobs[1:], children, strict=True):
            results.append(work(job) if child is None else _child_result(child, work, job))
        return results
    finally:  # after an error here: no child is killed mid-way (it may be writing a file)
        running = [child for child in children if child is not None]
        for child in running:  # all pipes closed first: a child then fails to send, and ends
            child.receiver.close()
        for child in running:
            child.process.join()


@dataclass
class _Child:
    process: Any
    receiver: Connection  # the end of the pipe the result comes from


def _start_child(context: Any, work: Callable[[Job], Result], job: Job) -> _Child | None:
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_send_result, args=(work, job, receiver, sender), daemon=True)
    try:
        process.start()
    except OSError:  # no memory or no process slot left for a fork
        receiver.close()
        return None
    finally:
        sender.close()
    return _Child(process, receiver)


def _send_result(
    work: Callable[[Job], Result], job: Job, receiver: Connection, sender: Connection
) -> None:
    receiver.close()  # the parent's end: with it closed here, a parent gone means a broken pipe
    with contextlib.suppress(BaseException):  # the parent does the job again, and raises
        sender.send(work(job))


def _child_result(child: _Child, work: Callable[[Job], Result], job: Job) -> Result:
    try:
        result = cast(Result, child.receiver.recv())
    except (EOFError, OSError):
        child.process.join()
        return work(job)
    child.process.join()
    return result
