"""Summing up the time logs in parts, one per core: the same logs and notes as in one piece."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from bitcheck.cli import cli
from bitcheck.parallel import can_fork, map_forked
from bitcheck.problems import Problem
from bitcheck.timelog import parts
from bitcheck.timelog.parts import merge_source_notes, split_by_citizen
from bitcheck.validate import ROW, TableResult
from conftest import write_csv

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
forking = pytest.mark.skipif(not can_fork(), reason="no fork here: everything runs in one process")


# --- map_forked ---


@forking
def test_map_forked_keeps_the_order_and_uses_other_processes() -> None:
    results = map_forked(lambda n: (n * n, os.getpid()), [1, 2, 3, 4])
    assert [square for square, _ in results] == [1, 4, 9, 16]
    assert results[0][1] == os.getpid()
    assert {pid for _, pid in results[1:]}.isdisjoint({os.getpid()})


@forking
def test_a_job_that_fails_in_its_process_is_done_again_here_and_raises(
    capfd: pytest.CaptureFixture[str],
) -> None:
    here = os.getpid()

    def work(n: int) -> int:
        if n == 2:
            raise ValueError(f"failed in {'this' if os.getpid() == here else 'a forked'} process")
        return n

    with pytest.raises(ValueError, match="failed in this process"):
        map_forked(work, [1, 2])
    assert capfd.readouterr().err == ""  # the child printed no traceback


@forking
def test_a_process_that_dies_leaves_its_job_to_this_one() -> None:
    here = os.getpid()

    def work(n: int) -> int:
        if os.getpid() != here:
            os._exit(9)
        return n * 10

    assert map_forked(work, [1, 2, 3]) == [10, 20, 30]


def _pids_in_a_pool_worker(_: int) -> list[int]:
    return map_forked(lambda n: os.getpid(), [1, 2])


@forking
def test_inside_a_daemonic_process_everything_runs_there() -> None:
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(1) as pool:
        (pids,) = pool.map(_pids_in_a_pool_worker, [0])
    assert len(set(pids)) == 1 and pids[0] != os.getpid()


def _lines(path: Path) -> list[str]:
    return path.read_text().split() if path.exists() else []


@forking
def test_children_are_stopped_when_the_first_job_fails(tmp_path: Path) -> None:
    here = os.getpid()
    pids = tmp_path / "pids"

    def work(n: int) -> bytes:
        if os.getpid() == here:
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline and len(_lines(pids)) < 2:
                time.sleep(0.01)  # until both children have begun
            raise RuntimeError("the first job failed")
        with pids.open("a") as out:
            out.write(f"{os.getpid()}\n")
        return b"x" * 1_000_000  # more than a pipe holds: the child waits for a reader

    with pytest.raises(RuntimeError):
        map_forked(work, [0, 1, 2])
    started = [int(pid) for pid in _lines(pids)]
    assert len(started) == 2
    for pid in started:
        with pytest.raises(ProcessLookupError):  # ended, not left waiting to send
            os.kill(pid, 0)


def test_one_job_runs_here() -> None:
    assert map_forked(lambda n: os.getpid(), [0]) == [os.getpid()]


# --- split_by_citizen ---


def _table(name: str, cprs: list[str]) -> TableResult:
    return TableResult(
        file=name, sheet=None, kind="time_log", layout="long",
        columns={"cpr": cprs, ROW: list(range(2, len(cprs) + 2))},
        present=frozenset({"cpr"}), rows_read=len(cprs), rows_rejected=0,
    )  # fmt: skip


def test_each_citizen_in_one_part_every_row_once_about_even() -> None:
    tables = [
        _table("a.xlsx", ["1"] * 50),
        _table("b.xlsx", ["2"] * 40),
        _table("mixed.csv", ["3", "4", "1", "3", "4", "5"] * 5),
        _table("empty.xlsx", []),
    ]
    split = split_by_citizen(tables, 2)
    rows = [(t.file, cpr, row) for part in split for t in part for cpr, row in zip(t.columns["cpr"], t.columns[ROW], strict=True)]  # fmt: skip
    everything = [(t.file, cpr, row) for t in tables for cpr, row in zip(t.columns["cpr"], t.columns[ROW], strict=True)]  # fmt: skip
    assert sorted(rows) == sorted(everything)
    citizens = [{cpr for t in part for cpr in t.columns["cpr"]} for part in split]
    assert citizens[0].isdisjoint(citizens[1])
    sizes = [sum(len(t.columns["cpr"]) for t in part) for part in split]
    assert abs(sizes[0] - sizes[1]) <= 10
    assert tables[0] in split[0] + split[1]  # a one-citizen table is not copied
    assert sum(t.file == "mixed.csv" for part in split for t in part) == 2


def test_one_part_is_the_tables_as_given() -> None:
    tables = [_table("a.xlsx", ["1", "2"])]
    assert split_by_citizen(tables, 1) == [tables]


def test_notes_on_one_source_from_two_parts_become_one() -> None:
    def note(code: str, file: str, row: int, count: int) -> Problem:
        return Problem(code=code, file=file, row=row, count=count, params={"count": count})

    merged = merge_source_notes(
        [note("duplicate-entries", "b.csv", 9, 2), note("duplicate-entries", "c.csv", 4, 1),
         note("duplicate-entries", "b.csv", 3, 1), note("repeated-entries", "b.csv", 5, 2)]
    )  # fmt: skip
    assert [(n.code, n.file, n.row, n.count, n.params) for n in merged] == [
        ("duplicate-entries", "b.csv", 3, 3, {"count": 3}),
        ("duplicate-entries", "c.csv", 4, 1, {"count": 1}),
        ("repeated-entries", "b.csv", 5, 2, {"count": 2}),
    ]


# --- the same reports in parts as in one piece ---


def _json(args: list[str]) -> dict[str, object]:
    result = CliRunner().invoke(cli, [*args, "--format", "json", "--as-of", "2026-11-24"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    report.pop("generated_at", None)
    return report  # type: ignore[no-any-return]


def _logs_sent_twice(folder: Path) -> None:
    """Six citizens in one CSV; a second CSV sends some of their rows again, for citizens that
    end up in different parts, so both parts note the second file."""
    citizens = ["610190-1234", "620285-4321", "010203-0405", "111111-1118", "121212-1212", "300599-2222"]  # fmt: skip
    header = "CPR;Tilbud;Periode fra;Periode til;Dato;Start;Slut"
    first = [header] + [
        f"{cpr};Egely;02-11-2026;15-11-2026;{day:02d}-11-2026;07:00;0{7 + n % 2}:30"
        for n, cpr in enumerate(citizens)
        for day in range(2, 4 + n)
    ]
    again = [line for line in first[1:] if not line.startswith(("010203", "111111"))][::2]
    repeated = first[1]
    write_csv(folder / "a.csv", first, encoding="cp1252")
    write_csv(folder / "b.csv", [header, *again, repeated, repeated], encoding="cp1252")


@forking
def test_timelog_in_parts_is_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _logs_sent_twice(tmp_path)
    whole = _json(["timelog", str(tmp_path)])
    monkeypatch.setattr(parts, "MIN_ROWS", 0)
    monkeypatch.setattr(parts, "workers", lambda: 3)
    assert _json(["timelog", str(tmp_path)]) == whole
    codes = [(n["code"], Path(n["file"]).name) for n in whole["notes"]]  # type: ignore[attr-defined]
    assert ("duplicate-entries", "b.csv") in codes and len(codes) == len(set(codes))


@forking
def test_audit_in_parts_is_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    args = [
        "audit", str(EXAMPLES / "sager.xlsx"), "--tariffs", str(EXAMPLES / "takstkatalog.xlsx"),
        "--timelogs", str(EXAMPLES / "doegnskemaer"),
    ]  # fmt: skip
    whole = _json(args)
    monkeypatch.setattr(parts, "MIN_ROWS", 0)
    monkeypatch.setattr(parts, "workers", lambda: 2)
    assert _json(args) == whole


@forking
def test_a_process_that_cannot_start_leaves_its_job_to_this_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import multiprocessing.process

    def no_fork(self: object) -> None:
        raise OSError(12, "Cannot allocate memory")

    monkeypatch.setattr(multiprocessing.process.BaseProcess, "start", no_fork)
    assert map_forked(lambda n: (n, os.getpid()), [1, 2]) == [(1, os.getpid()), (2, os.getpid())]
