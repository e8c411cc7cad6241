"""Commands run without the cycle collector (it walks every time-log cell for nothing); the
worker processes that read files keep it, and the caller's setting comes back afterwards."""

from __future__ import annotations

import gc
import os
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from bitcheck.cli import cli
from bitcheck.gc_pause import collecting_new, collector_paused
from bitcheck.parallel import OrderedMap, can_fork, workers

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def _collector_state(_: int) -> tuple[int, bool]:
    return os.getpid(), gc.isenabled()


def test_paused_inside_and_restored_after(collector_on: None) -> None:
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError
    assert gc.isenabled()


def test_a_collector_already_off_stays_off(collector_on: None) -> None:
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the collector frees it


def _cycles_left(count: int) -> int:
    refs = []
    for _ in range(count):
        node = _Node()
        refs.append(weakref.ref(node))
        del node
    return sum(ref() is not None for ref in refs)


def test_cyclic_garbage_made_while_collecting_new_is_freed(collector_on: None) -> None:
    with collector_paused():
        assert _cycles_left(5000) == 5000
        with collecting_new():
            assert gc.isenabled() and gc.get_freeze_count() > 0  # what was there is not walked
            assert _cycles_left(5000) < 1000
        assert not gc.isenabled() and gc.get_freeze_count() == 0


def test_what_someone_else_froze_stays_frozen(collector_on: None) -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with collecting_new(), collecting_new():
            assert gc.isenabled()
        assert gc.get_freeze_count() >= frozen
    finally:
        gc.unfreeze()


def test_a_command_runs_paused(collector_on: None, monkeypatch: pytest.MonkeyPatch) -> None:
    import bitcheck.audit.run as audit_run

    seen: list[bool] = []
    real = audit_run.run_audit

    def spy(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(audit_run, "run_audit", spy)
    result = CliRunner().invoke(
        cli, ["audit", str(EXAMPLES / "sager.xlsx"), "--as-of", "2026-11-24", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    assert seen == [False]
    assert gc.isenabled()


@pytest.mark.skipif(not can_fork() or workers() < 2, reason="reads in this process")
def test_worker_processes_collect_as_usual(collector_on: None) -> None:
    with collector_paused():
        states = list(OrderedMap(_collector_state, list(range(64))))
    assert {pid for pid, _ in states} != {os.getpid()}
    assert all(enabled for _, enabled in states)
