"""OrderedMap: results in order, and a cancelled map runs no more jobs (the audit cancels the
time-log reading when the case file fails; the process must not wait for every log)."""

from __future__ import annotations

import time
from pathlib import Path

from bitcheck.parallel import OrderedMap


def _square(number: int) -> int:
    return number * number


def _slow_job(job: tuple[Path, int]) -> int:
    path, number = job
    time.sleep(0.02)
    with path.open("a") as log:
        log.write(f"{number}\n")
    return number


def test_results_come_in_the_order_of_the_jobs() -> None:
    assert list(OrderedMap(_square, list(range(100)))) == [n * n for n in range(100)]


def test_a_cancelled_map_runs_no_more_jobs(tmp_path: Path) -> None:
    done = tmp_path / "done.txt"
    done.touch()
    jobs = [(done, number) for number in range(300)]
    started = OrderedMap(_slow_job, jobs)
    time.sleep(0.1)
    started.cancel()  # returns when the jobs already running are finished
    ran = len(done.read_text().split())
    time.sleep(0.3)
    assert len(done.read_text().split()) == ran
    assert ran < len(jobs)
