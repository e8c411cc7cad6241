"""`bitcheck batch` and `bitcheck history` (issue 5; cli.md "Batch job file"; outputs.md §1, §4, §6).

Runs over the example municipality (examples/sager.xlsx, see examples/scenarios.md), changing
the case export between runs:

- run 2 gives case 384185 goals (R5 resolved), takes case 654933's review dates away (R1 resolved,
  R2 new) and takes case 545854's goals away (R5 new);
- run 3 starts again from the original export with only 654933's review dates taken away, so
  545854's R5 is resolved, 384185's R5 comes back as new and 654933's R2 persists since run 2.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import openpyxl
import pytest
from click.testing import Result

from batch_fixtures import (
    CASES,
    EXAMPLES,
    Key,
    bitcheck,
    copy_examples,
    database_texts,
    edit_cases,
    example_identities,
    history,
    identity_leaks,
    job,
    keys,
    lifecycle,
    read_json,
    sheet_lifecycle,
    sheet_rows,
    temporary_files,
    workbook_texts,
    write_jobfile,
)
from bitcheck.batch.run import run_batch
from bitcheck.i18n_fields import sheet_name
from bitcheck.settings import load_settings
from conftest import TEST_KEY

AS_OF_1, AS_OF_2, AS_OF_3 = "2026-10-24", "2026-11-24", "2026-12-24"
GOALS, LAST_REVIEW, NEXT_REVIEW = "Indsatsmål", "Seneste opfølgning", "Næste opfølgning"

# examples/scenarios.md: the 17 scenarios, T3 also firing T1 and T4 also firing D3
EXAMPLE_FINDINGS: set[Key] = {
    ("133809", "R2"), ("197096", "T1"), ("233428", "T1"), ("233428", "T3"), ("326453", "D3"),
    ("383367", "D4"), ("384185", "R5"), ("503241", "R4"), ("519175", "T4"), ("519175", "D3"),
    ("654933", "R1"), ("702177", "T2"), ("760211", "D5"), ("820112", "N1"), ("882070", "D1"),
    ("888645", "N2"), ("900787", "R3"), ("928702", "D2"), ("989855", "T5"),
}  # fmt: skip

RUN_2_CHANGES: dict[str, dict[str, Any]] = {
    "384185": {GOALS: "Borgeren handler selv ind én gang om ugen"},
    "654933": {LAST_REVIEW: None, NEXT_REVIEW: None},
    "545854": {GOALS: None},
}
RUN_2_RESOLVED: set[Key] = {("384185", "R5"), ("654933", "R1")}
RUN_2_NEW: set[Key] = {("654933", "R2"), ("545854", "R5")}

RUN_3_CHANGES: dict[str, dict[str, Any]] = {"654933": {LAST_REVIEW: None, NEXT_REVIEW: None}}
RUN_3_RESOLVED: set[Key] = {("545854", "R5")}
RUN_3_NEW: set[Key] = {("384185", "R5")}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def batch(*args: str) -> Result:
    return bitcheck("batch", *args)


def job_lines(result: Result) -> dict[str, str]:
    """stdout's line per job, by job name."""
    return {line.split(":", 1)[0]: line for line in result.stdout.splitlines()}


def log_texts(folder: Path) -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(folder.glob("logs/*.log"))]


# --- 1. three runs over a changing case export ---


@dataclass
class Chain:
    """Three batch runs of two jobs over the same inputs: `excel` writes the default
    bitcheck_{job}_{date}.xlsx, `json` writes r_{job}_{date}.json."""

    folder: Path
    jobfile: Path
    results: list[Result]

    @property
    def output(self) -> Path:
        return self.folder / "rapporter"

    def json_report(self, run: int) -> dict[str, Any]:
        return read_json(self.output / f"r_json_{(AS_OF_1, AS_OF_2, AS_OF_3)[run]}.json")

    def excel_report(self, run: int) -> Path:
        return self.output / f"bitcheck_excel_{(AS_OF_1, AS_OF_2, AS_OF_3)[run]}.xlsx"


@pytest.fixture(scope="module")
def chain(tmp_path_factory: pytest.TempPathFactory) -> Chain:
    folder = copy_examples(tmp_path_factory.mktemp("chain"))
    jobfile = write_jobfile(
        folder / "jobs.toml",
        [
            job("excel", timelogs=["doegnskemaer"]),
            job("json", timelogs=["doegnskemaer"], report="r_{job}_{date}.json"),
        ],
    )
    results = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BITCHECK_PSEUDONYM_KEY", TEST_KEY)
        patch.setenv("HOME", str(folder / "home"))
        patch.chdir(folder)
        for as_of, changes in ((AS_OF_1, None), (AS_OF_2, RUN_2_CHANGES), (AS_OF_3, RUN_3_CHANGES)):
            if changes is not None:
                edit_cases(folder / "sager.xlsx", changes)
            results.append(batch(str(jobfile), "--as-of", as_of))
    return Chain(folder, jobfile, results)


def test_first_run_marks_every_finding_new(chain: Chain) -> None:
    result = chain.results[0]
    assert result.exit_code == 0, result.output
    report = chain.json_report(0)
    assert keys(report["findings"]) == EXAMPLE_FINDINGS
    assert set(lifecycle(report["findings"]).values()) == {("new", AS_OF_1)}
    assert report["resolved"] == []
    lines = job_lines(result)
    assert list(lines) == ["excel", "json"]
    assert "19 new, 0 persisting, 0 resolved" in lines["json"]
    assert "r_json_2026-10-24.json" in lines["json"]


def test_second_run_persisting_since_the_first_new_since_the_second(chain: Chain) -> None:
    report = chain.json_report(1)
    assert lifecycle(report["findings"]) == {
        **{key: ("persisting", AS_OF_1) for key in EXAMPLE_FINDINGS - RUN_2_RESOLVED},
        **{key: ("new", AS_OF_2) for key in RUN_2_NEW},
    }
    assert keys(report["resolved"]) == RUN_2_RESOLVED
    assert {f["lifecycle"] for f in report["resolved"]} == {"resolved"}
    assert "2 new, 17 persisting, 2 resolved" in job_lines(chain.results[1])["json"]


def test_third_run_continues_the_chain(chain: Chain) -> None:
    report = chain.json_report(2)
    run_2 = EXAMPLE_FINDINGS - RUN_2_RESOLVED | RUN_2_NEW
    assert lifecycle(report["findings"]) == {
        **{key: ("persisting", AS_OF_1) for key in run_2 - RUN_2_NEW},
        ("654933", "R2"): ("persisting", AS_OF_2),
        ("384185", "R5"): ("new", AS_OF_3),  # resolved in run 2, back in run 3: new again
    }
    assert keys(report["resolved"]) == RUN_3_RESOLVED
    assert "1 new, 18 persisting, 1 resolved" in job_lines(chain.results[2])["json"]


@pytest.mark.parametrize("run", [0, 1, 2])
def test_excel_report_has_the_lifecycle_and_the_resolved_sheet(chain: Chain, run: int) -> None:
    path = chain.excel_report(run)
    assert sheet_name("resolved", "da") == "Løst"
    findings = sheet_rows(path, "findings")
    resolved = sheet_rows(path, "resolved")
    expected = chain.json_report(run)
    assert sheet_lifecycle(findings) == lifecycle(expected["findings"])
    assert {(str(r["case_id"]), r["code"]) for r in resolved} == keys(expected["resolved"])
    assert len(resolved) == (0, len(RUN_2_RESOLVED), len(RUN_3_RESOLVED))[run]
    assert all(r["lifecycle"] == "løst" for r in resolved)  # the Danish word of "resolved"


def test_history_lists_every_run_with_its_counts(chain: Chain) -> None:
    every = history(chain.jobfile)
    assert list(every) == ["bitcheck", "job", "runs"]
    assert every["job"] is None
    assert len(every["runs"]) == 6

    data = history(chain.jobfile, "json")
    assert data["job"] == "json"
    runs = data["runs"]
    for run in runs:
        assert list(run) == [
            "run_id", "as_of", "started_at", "inputs", "by_direction", "new", "persisting",
            "resolved", "job",
        ]  # fmt: skip
    counts = [(run["as_of"], run["new"], run["persisting"], run["resolved"]) for run in runs]
    assert counts == [(AS_OF_1, 19, 0, 0), (AS_OF_2, 2, 17, 2), (AS_OF_3, 1, 18, 1)]
    for index, run in enumerate(runs):
        report = chain.json_report(index)
        assert run["by_direction"] == report["summary"]["by_direction"]
        assert sum(d["findings"] for d in run["by_direction"].values()) == len(report["findings"])
        assert [(i["path"], i["sha256"], i["rows_read"]) for i in run["inputs"]] == [
            (i["path"], i["sha256"], i["rows_read"]) for i in report["inputs"]
        ]
    assert runs[0]["by_direction"]["citizen"]["findings"] == 3
    assert runs[0]["by_direction"]["payment"]["findings"] == 6
    assert runs[0]["inputs"][0]["sha256"] == sha256(CASES)
    assert runs[1]["inputs"][0]["sha256"] != runs[0]["inputs"][0]["sha256"]


def test_history_as_a_table(chain: Chain) -> None:
    result = bitcheck("history", "json", "--config", str(chain.jobfile))
    assert result.exit_code == 0, result.output
    for as_of in (AS_OF_1, AS_OF_2, AS_OF_3):
        assert as_of in result.stdout
    assert "\x1b[" not in result.stdout  # no colour when not on a terminal


def test_history_headers_speak_the_language(chain: Chain) -> None:
    args = ["history", "json", "--config", str(chain.jobfile), "--format", "markdown"]
    danish = bitcheck(*args, "--lang", "da").stdout.splitlines()[0]
    english = bitcheck(*args, "--lang", "en").stdout.splitlines()[0]
    assert [h.strip() for h in danish.strip("|").split("|")][:4] == [
        "Kørsel", "Job", "Revisionsdato", "Borger"
    ]  # fmt: skip
    assert [h.strip() for h in english.strip("|").split("|")][-3:] == [
        "new", "persisting", "resolved"
    ]  # fmt: skip


def test_a_log_file_per_run_under_the_output_folder(chain: Chain) -> None:
    logs = sorted(path.name for path in (chain.output / "logs").glob("*.log"))
    assert len(logs) == 6
    for name in ("excel", "json"):
        for as_of in (AS_OF_1, AS_OF_2, AS_OF_3):
            [log] = [log for log in logs if log.startswith(f"bitcheck_{name}_{as_of}_")]
            text = (chain.output / "logs" / log).read_text(encoding="utf-8")
            assert f"job {name}, as of {as_of}" in text
            assert f"{name}: {as_of}: 40 cases" in text


def test_no_cpr_number_or_name_in_stdout_logs_history_or_reports(chain: Chain) -> None:
    cprs, names = example_identities()
    # the scan finds every CPR number and name where they are: in the case export
    export = "\n".join(workbook_texts(CASES))
    assert len(set(identity_leaks(export, cprs, names))) >= len(cprs) + len(names)

    places = {"stdout": "".join(r.stdout + r.stderr for r in chain.results)}
    for path in sorted(chain.output.rglob("*")):
        if path.suffix in (".log", ".json"):
            places[path.name] = path.read_text(encoding="utf-8")
        elif path.suffix == ".xlsx":
            places[path.name] = "\n".join(workbook_texts(path))
    places["history"] = "\n".join(database_texts(chain.folder / "historik.sqlite"))
    assert len(places) == 1 + 6 + 6 + 1
    for place, text in places.items():
        assert identity_leaks(text, cprs, names) == [], place


# --- 2. re-running an as-of date ---


def test_rerun_skips_unchanged_inputs_and_replaces_a_run_on_changed_ones(tmp_path: Path) -> None:
    folder = copy_examples(tmp_path / "w", timelogs=False)
    changed = edit_cases(tmp_path / "sager_run2.xlsx", RUN_2_CHANGES)
    jobfile = write_jobfile(folder / "jobs.toml", [job("voksen", report="r_{job}_{date}.json")])
    report = folder / "rapporter" / f"r_voksen_{AS_OF_2}.json"

    def run(as_of: str) -> str:
        result = batch(str(jobfile), "--as-of", as_of)
        assert result.exit_code == 0, result.output
        return result.stdout

    run(AS_OF_1)
    run(AS_OF_2)
    written = report.read_bytes()

    skipped = run(AS_OF_2)
    assert skipped.startswith("voksen: ")
    assert "unchanged" in skipped and "skipped" in skipped
    assert report.read_bytes() == written
    assert [r["as_of"] for r in history(jobfile)["runs"]] == [AS_OF_1, AS_OF_2]

    shutil.copy2(changed, folder / "sager.xlsx")
    assert "skipped" not in run(AS_OF_2)
    runs = history(jobfile)["runs"]
    assert [r["as_of"] for r in runs] == [AS_OF_1, AS_OF_2]  # replaced, not added
    assert runs[1]["inputs"][0]["sha256"] == sha256(changed)
    assert (runs[1]["new"], runs[1]["resolved"]) == (2, 2)
    replaced = read_json(report)
    assert keys(replaced["resolved"]) == RUN_2_RESOLVED  # against 10-24, not the replaced run

    # a fresh history with the same two runs gives the same report, but for generated_at
    shutil.rmtree(folder / "rapporter")
    (folder / "historik.sqlite").unlink()
    shutil.copy2(CASES, folder / "sager.xlsx")
    run(AS_OF_1)
    shutil.copy2(changed, folder / "sager.xlsx")
    run(AS_OF_2)
    fresh = read_json(report)
    assert fresh["generated_at"] != "" and replaced["generated_at"] != ""
    assert {**replaced, "generated_at": None} == {**fresh, "generated_at": None}
    assert list(replaced) == list(fresh)


def test_rerun_with_the_report_gone_is_not_skipped(tmp_path: Path) -> None:
    folder = copy_examples(tmp_path / "w", timelogs=False)
    jobfile = write_jobfile(folder / "jobs.toml", [job("voksen")])
    report = folder / "rapporter" / f"bitcheck_voksen_{AS_OF_2}.xlsx"
    assert batch(str(jobfile), "--as-of", AS_OF_2).exit_code == 0
    report.unlink()
    result = batch(str(jobfile), "--as-of", AS_OF_2)
    assert result.exit_code == 0, result.output
    assert "skipped" not in result.stdout
    assert report.exists()


# --- 3. atomic writing ---


def two_jobs(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A batch file with job `a` (xlsx report) before job `b` (json report), run once."""
    folder = copy_examples(tmp_path / "w", timelogs=False)
    jobfile = write_jobfile(
        folder / "jobs.toml",
        [job("a", report="a_{date}.xlsx"), job("b", report="b_{date}.json")],
    )
    first = batch(str(jobfile), "--as-of", AS_OF_2)
    assert first.exit_code == 0, first.output
    output = folder / "rapporter"
    return jobfile, output / f"a_{AS_OF_2}.xlsx", output / f"b_{AS_OF_2}.json"


def test_a_failed_rename_keeps_the_previous_report_and_the_other_jobs_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    jobfile, report_a, report_b = two_jobs(tmp_path)
    previous_a = report_a.read_bytes()
    edit_cases(jobfile.parent / "sager.xlsx", RUN_2_CHANGES)  # so that the re-run is not skipped

    real_replace = os.replace

    def replace(source: Any, target: Any, *args: Any, **kwargs: Any) -> None:
        if Path(target).name == report_a.name:
            raise OSError(errno.ENOSPC, "No space left on device", str(target))
        real_replace(source, target, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)
    result = batch(str(jobfile), "--as-of", AS_OF_2)

    assert result.exit_code == 3, result.output
    lines = job_lines(result)
    assert report_a.name in lines["a"]
    assert report_a.read_bytes() == previous_a
    assert temporary_files(report_a.parent) == []
    assert not (report_a.parent / ".bitcheck-a.lock").exists()
    found_b = keys(read_json(report_b)["findings"])  # b ran on the new export
    assert ("545854", "R5") in found_b and ("384185", "R5") not in found_b
    assert "40 cases" in lines["b"]
    # the failed run was not stored: the next run is not skipped and writes the report
    assert history(jobfile, "a")["runs"][0]["inputs"][0]["sha256"] == sha256(CASES)
    monkeypatch.setattr(os, "replace", real_replace)
    retry = batch(str(jobfile), "--as-of", AS_OF_2, "--job", "a")
    assert retry.exit_code == 0, retry.output
    assert "skipped" not in retry.stdout
    assert report_a.read_bytes() != previous_a
    assert sheet_lifecycle(sheet_rows(report_a, "findings")) == lifecycle(
        read_json(report_b)["findings"]
    )


def test_a_failure_mid_write_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    jobfile, report_a, _ = two_jobs(tmp_path)
    previous = report_a.read_bytes()
    edit_cases(jobfile.parent / "sager.xlsx", RUN_2_CHANGES)
    seen: list[str] = []

    def fsync(descriptor: int) -> None:
        seen.extend(temporary_files(report_a.parent))  # the data is in the temporary file
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", fsync)
    [result] = run_batch(
        load_settings(jobfile), jobfile.parent, dt.date.fromisoformat(AS_OF_2), ["a"], "da"
    )
    assert result.exit_code == 3
    assert seen and all(name.startswith(f".{report_a.name}.") for name in seen)
    assert temporary_files(report_a.parent) == []
    assert report_a.read_bytes() == previous
    assert any(result.line in text for text in log_texts(report_a.parent))


def test_an_unexpected_error_in_one_job_does_not_stop_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    jobfile, report_a, report_b = two_jobs(tmp_path)
    previous_a = report_a.read_bytes()
    edit_cases(jobfile.parent / "sager.xlsx", RUN_2_CHANGES)

    def workbook_bytes(*args: Any, **kwargs: Any) -> bytes:
        raise ValueError("the workbook writer failed")

    monkeypatch.setattr("bitcheck.render.excel.workbook_bytes", workbook_bytes)
    result = batch(str(jobfile), "--as-of", AS_OF_2)
    assert report_a.read_bytes() == previous_a
    assert temporary_files(report_a.parent) == []
    assert ("545854", "R5") in keys(read_json(report_b)["findings"])  # b ran on the new export
    assert set(job_lines(result)) == {"a", "b"}
    assert result.exit_code != 0


# --- 4. the lock ---


def locked_job(tmp_path: Path, pid: int, age_seconds: float) -> tuple[Path, Path]:
    """A job whose lock file (lock.py's format) names `pid`, taken `age_seconds` ago."""
    folder = copy_examples(tmp_path / "w", timelogs=False)
    jobfile = write_jobfile(folder / "jobs.toml", [job("voksen")])
    lock = folder / "rapporter" / ".bitcheck-voksen.lock"
    lock.parent.mkdir(parents=True)
    lock.write_text(json.dumps({"pid": pid, "started": time.time() - age_seconds}))
    return jobfile, lock


def finished_pid() -> int:
    """The id of a process that has ended."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    with pytest.raises(ProcessLookupError):
        os.kill(process.pid, 0)
    return process.pid


@pytest.mark.parametrize("age_hours", [0, 11])
def test_a_lock_held_by_a_live_process_stops_the_job(tmp_path: Path, age_hours: int) -> None:
    jobfile, lock = locked_job(tmp_path, os.getpid(), age_hours * 3600)
    held = lock.read_text()
    result = batch(str(jobfile), "--as-of", AS_OF_2)
    [line] = result.stdout.splitlines()
    assert line.startswith("voksen: ") and "lock" in line and "not run" in line
    assert not (lock.parent / f"bitcheck_voksen_{AS_OF_2}.xlsx").exists()
    assert lock.read_text() == held  # the other run's lock is left alone
    assert history(jobfile)["runs"] == []
    assert any(line in text for text in log_texts(lock.parent))


@pytest.mark.parametrize("holder", ["older than 12 hours", "process gone"])
def test_a_stale_lock_is_taken_over(tmp_path: Path, holder: str) -> None:
    if holder == "process gone":
        jobfile, lock = locked_job(tmp_path, finished_pid(), 0)
    else:
        jobfile, lock = locked_job(tmp_path, os.getpid(), 13 * 3600)
    result = batch(str(jobfile), "--as-of", AS_OF_2)
    assert result.exit_code == 0, result.output
    assert "40 cases" in result.stdout
    assert (lock.parent / f"bitcheck_voksen_{AS_OF_2}.xlsx").exists()
    [log] = log_texts(lock.parent)
    assert f"took over a stale lock: {lock}" in log
    assert not lock.exists()  # released after the run


# --- 5. exit codes ---

STRICT = job("strict", fail_on="high")  # the default report name: bitcheck_{job}_{date}.xlsx
LENIENT = job("lenient", report="r_{job}_{date}.json")


def config_with(tmp_path: Path, *jobs: dict[str, object]) -> Path:
    """./bitcheck.toml with these jobs, beside a copy of the examples (no time logs)."""
    copy_examples(tmp_path, timelogs=False)
    return write_jobfile(tmp_path / "bitcheck.toml", list(jobs))


def test_fail_on_high_with_high_findings_exits_1(tmp_path: Path) -> None:
    config_with(tmp_path, STRICT, LENIENT)
    result = batch("--as-of", AS_OF_2)  # the [batch] of ./bitcheck.toml
    assert result.exit_code == 1, result.output
    assert list(job_lines(result)) == ["strict", "lenient"]
    assert job_lines(result)["strict"].endswith("; fail_on high: 3 findings -> exit 1")
    assert "fail_on" not in job_lines(result)["lenient"]
    assert any("case export: sager.xlsx" in text for text in log_texts(tmp_path / "rapporter"))
    assert (tmp_path / "rapporter" / f"bitcheck_strict_{AS_OF_2}.xlsx").exists()
    lenient = read_json(tmp_path / "rapporter" / f"r_lenient_{AS_OF_2}.json")
    assert any(f["severity"] == "high" for f in lenient["findings"])


def test_job_option_runs_only_that_job(tmp_path: Path) -> None:
    config_with(tmp_path, STRICT, LENIENT)
    result = batch("--as-of", AS_OF_2, "--job", "lenient")
    assert result.exit_code == 0, result.output
    assert list(job_lines(result)) == ["lenient"]
    assert (tmp_path / "rapporter" / f"r_lenient_{AS_OF_2}.json").exists()
    assert not (tmp_path / "rapporter" / f"bitcheck_strict_{AS_OF_2}.xlsx").exists()
    assert [run["as_of"] for run in history(tmp_path / "bitcheck.toml", "strict")["runs"]] == []


def test_an_unknown_job_name_is_a_usage_error(tmp_path: Path) -> None:
    config_with(tmp_path, STRICT, LENIENT)
    result = batch("--as-of", AS_OF_2, "--job", "lenient", "--job", "nosuchjob")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "nosuchjob" in result.stderr
    assert not (tmp_path / "rapporter").exists()  # no job ran


def test_history_of_a_job_nobody_knows_is_a_usage_error(tmp_path: Path) -> None:
    config_with(tmp_path, STRICT)
    result = bitcheck("history", "nosuchjob", "--lang", "en")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "bitcheck: no job named nosuchjob in the batch file bitcheck.toml\n"
    assert bitcheck("history", "strict").exit_code == 0  # known, not yet run: an empty history


def test_batch_without_a_settings_file_says_there_is_none(tmp_path: Path) -> None:
    result = batch("--lang", "en")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(f"bitcheck: no bitcheck.toml in {tmp_path};")


def test_history_without_a_settings_file_asks_for_config(tmp_path: Path) -> None:
    result = bitcheck("history", "--lang", "en")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"bitcheck: no bitcheck.toml in {tmp_path}; give the batch file with --config FILE.toml\n"
    )


def test_an_output_folder_that_cannot_be_made_is_named(tmp_path: Path) -> None:
    config_with(tmp_path, job("blocked", output_dir="blocker/rapporter"), STRICT)
    (tmp_path / "blocker").write_text("a file where a folder should be", encoding="utf-8")
    result = batch("--as-of", AS_OF_2, "--lang", "en")
    assert result.exit_code == 3
    line = job_lines(result)["blocked"]
    assert (
        line
        == "blocked: blocker/rapporter: the folder could not be made or written to (Not a directory)"
    )
    assert "40 cases" in job_lines(result)["strict"]


def test_a_case_export_glob_without_match_is_2_and_the_other_jobs_run(tmp_path: Path) -> None:
    config_with(tmp_path, job("missing", cases="udtraek/sager_*.xlsx"), STRICT)
    result = batch("--as-of", AS_OF_2)
    assert result.exit_code == 2, result.output  # the worst of 2 and 1
    lines = job_lines(result)
    assert "sager_*.xlsx" in lines["missing"]
    assert "40 cases" in lines["strict"]
    assert (tmp_path / "rapporter" / f"bitcheck_strict_{AS_OF_2}.xlsx").exists()
    assert not (tmp_path / "rapporter" / ".bitcheck-missing.lock").exists()


def test_a_missing_case_export_file_is_2_and_the_other_jobs_run(tmp_path: Path) -> None:
    config_with(tmp_path, job("missing", cases="udtraek/sager.xlsx"), STRICT)
    result = batch("--as-of", AS_OF_2)
    lines = job_lines(result)
    assert "40 cases" in lines["strict"]
    assert (tmp_path / "rapporter" / f"bitcheck_strict_{AS_OF_2}.xlsx").exists()
    assert "udtraek/sager.xlsx" in lines["missing"]
    assert result.exit_code == 2, result.output  # the worst of 2 and 1


def test_python_m_bitcheck_batch_runs_unattended(tmp_path: Path) -> None:
    folder = copy_examples(tmp_path / "w", timelogs=False)
    write_jobfile(folder / "jobs.toml", [STRICT, LENIENT])
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    env |= {"BITCHECK_PSEUDONYM_KEY": TEST_KEY, "HOME": str(tmp_path / "home"), "TERM": "xterm"}
    process = subprocess.run(
        [sys.executable, "-m", "bitcheck", "batch", "jobs.toml", "--as-of", AS_OF_2],
        cwd=folder,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert process.returncode == 1, process.stderr
    assert [line.split(":")[0] for line in process.stdout.splitlines()] == ["strict", "lenient"]
    assert process.stderr == ""
    assert "\x1b[" not in process.stdout
    cprs, names = example_identities()
    assert identity_leaks(process.stdout, cprs, names) == []
    assert (folder / "rapporter" / f"bitcheck_strict_{AS_OF_2}.xlsx").exists()
    assert len(list((folder / "rapporter" / "logs").glob("*.log"))) == 2


# --- 6. logs ---


def test_two_runs_in_the_same_second_keep_both_logs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bitcheck.batch.run as batch_run

    class Frozen(dt.datetime):
        @classmethod
        def now(cls, tz: dt.tzinfo | None = None) -> Frozen:
            return cls(2026, 11, 24, 6, 0, 0, tzinfo=tz)

    monkeypatch.setattr(batch_run, "dt", SimpleNamespace(date=dt.date, datetime=Frozen, UTC=dt.UTC))
    folder = copy_examples(tmp_path / "w", timelogs=False)
    jobfile = write_jobfile(folder / "jobs.toml", [job("voksen")])
    for _ in range(2):
        run_batch(load_settings(jobfile), folder, dt.date.fromisoformat(AS_OF_2), [], "da")
    assert len(log_texts(folder / "rapporter")) == 2


# --- 7. paths, names and globs ---


def test_paths_are_relative_to_the_batch_file_and_a_glob_takes_the_newest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    conf = tmp_path / "konfiguration"
    # sager_a sorts first by name; only its modification time can make it the newest
    export_a = edit_cases(conf / "udtraek" / "sager_a.xlsx", {"384185": RUN_2_CHANGES["384185"]})
    export_b = Path(shutil.copy2(CASES, conf / "udtraek" / "sager_b.xlsx"))
    (tmp_path / "delt").mkdir()
    shutil.copy2(EXAMPLES / "takstkatalog.xlsx", tmp_path / "delt" / "takstkatalog.xlsx")
    write_jobfile(
        conf / "jobs.toml",
        [
            job(
                "voksen",
                cases="udtraek/sager_*.xlsx",
                tariffs="../delt/takstkatalog.xlsx",
                report="r_{job}_{date}.json",
            )
        ],
        history="historik/runs.sqlite",
    )
    now = time.time()
    os.utime(export_b, (now - 3600, now - 3600))
    os.utime(export_a, (now, now))
    elsewhere = tmp_path / "andetsteds"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)

    result = batch("../konfiguration/jobs.toml", "--as-of", AS_OF_1)
    assert result.exit_code == 0, result.output
    first = read_json(conf / "rapporter" / f"r_voksen_{AS_OF_1}.json")
    assert first["inputs"][0]["path"].endswith("udtraek/sager_a.xlsx")
    assert first["inputs"][0]["sha256"] == sha256(export_a)
    assert first["inputs"][1]["path"].endswith("delt/takstkatalog.xlsx")
    assert ("384185", "R5") not in keys(first["findings"])
    assert (conf / "historik" / "runs.sqlite").exists()
    assert list(elsewhere.iterdir()) == []

    os.utime(export_a, (now - 7200, now - 7200))  # now sager_b is the newest
    result = batch("../konfiguration/jobs.toml", "--as-of", AS_OF_2)
    assert result.exit_code == 0, result.output
    second = read_json(conf / "rapporter" / f"r_voksen_{AS_OF_2}.json")
    assert second["inputs"][0]["path"].endswith("udtraek/sager_b.xlsx")
    assert lifecycle(second["findings"])[("384185", "R5")] == ("new", AS_OF_2)
    assert [r["as_of"] for r in history(conf / "jobs.toml")["runs"]] == [AS_OF_1, AS_OF_2]


def test_the_job_files_lang_gives_the_reports_language(tmp_path: Path) -> None:
    folder = copy_examples(tmp_path / "w", timelogs=False)
    jobfile = write_jobfile(folder / "jobs.toml", [job("voksen")], top='lang = "en"')
    result = batch(str(jobfile), "--as-of", AS_OF_2)
    assert result.exit_code == 0, result.output
    workbook = openpyxl.load_workbook(folder / "rapporter" / f"bitcheck_voksen_{AS_OF_2}.xlsx")
    assert sheet_name("resolved", "en") in workbook.sheetnames


def test_each_job_leaves_no_cyclic_garbage_for_the_next(tmp_path: Path) -> None:
    """Commands run with the collector paused; a batch collects after each job, so a national
    batch does not keep every job's cyclic garbage until it ends."""
    import gc

    jobfile, _, _ = two_jobs(tmp_path)
    edit_cases(jobfile.parent / "sager.xlsx", RUN_2_CHANGES)  # so that the re-run is not skipped
    was = gc.isenabled()
    gc.collect()
    gc.disable()  # as inside a command
    try:
        run_batch(load_settings(jobfile), jobfile.parent, dt.date.fromisoformat(AS_OF_3), [], "da")
        left = gc.collect()  # unreachable objects found: what the jobs left behind
    finally:
        if was:
            gc.enable()
    assert left < 100
