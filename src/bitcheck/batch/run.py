"""`run_batch`: every job of a batch file, each safe to run unattended.

Per job: resolve its inputs (relative to the batch file; a glob takes the newest match), take
its lock, skip it when its inputs and as-of date are unchanged since its last run, audit,
mark each finding new or persisting against the job's previous run, write the report
atomically, store the run, and write a log. One job failing does not stop the others.
"""

from __future__ import annotations

import datetime as dt
import gc
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from bitcheck.audit.run import run_audit
from bitcheck.batch.history import findings_of, open_history, previous_run, same_run, store_run
from bitcheck.batch.lock import LockHeld, job_lock
from bitcheck.errors import BitcheckError, ExitCode, InputError, OutputError
from bitcheck.io.files import expand_paths, file_sha256, is_glob, newest_match
from bitcheck.messages import error_message
from bitcheck.privacy import mask_cpr_like
from bitcheck.pseudonyms import key_file_of, load_pseudonymizer
from bitcheck.render.output import write_atomic
from bitcheck.report.audit_build import build_audit_report
from bitcheck.report.audit_models import AuditReport, Finding
from bitcheck.settings import BatchJob, Settings

SEVERITY_RANK = {"low": 0, "medium": 1, "high": 2}


@dataclass
class JobResult:
    """What one job did: its exit status, its one line for stdout, its log."""

    name: str
    exit_code: int
    line: str
    report: Path | None = None
    log: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class JobInputs:
    cases: str
    tariffs: str | None
    timelogs: list[str]

    def files(self) -> list[Path]:
        found = [p for p, _ in expand_paths(self.cases)]  # a missing file: UnreadableFileError
        if self.tariffs:
            found += [p for p, _ in expand_paths(self.tariffs)]
        for argument in self.timelogs:
            found += [p for p, _ in expand_paths(argument)]
        return found


def resolve(base: Path, argument: str, newest: bool) -> str:
    """A job's path, relative to the batch file; for cases and tariffs a glob takes the newest."""
    joined = str(base / argument) if not Path(argument).is_absolute() else argument
    return str(newest_match(joined)) if newest and is_glob(joined) else joined


def job_inputs(job: BatchJob, base: Path) -> JobInputs:
    return JobInputs(
        cases=resolve(base, job.cases, newest=True),
        tariffs=None if job.tariffs is None else resolve(base, job.tariffs, newest=True),
        timelogs=[resolve(base, t, newest=False) for t in job.timelogs],
    )


def run_batch(
    settings: Settings, base: Path, as_of: dt.date, only: list[str], lang: str
) -> list[JobResult]:
    """Run the batch's jobs (all, or those named) for the as-of date."""
    batch = settings.batch
    if settings.config_path is None:
        raise InputError("no-config", folder=str(Path.cwd()))
    if batch is None or not batch.jobs:
        raise InputError("no-batch", file=str(settings.config_path))
    unknown = [name for name in only if name not in {job.name for job in batch.jobs}]
    if unknown:
        raise InputError("unknown-job", jobs=", ".join(unknown), file=str(settings.config_path))
    history = base / batch.history
    results = []
    for job in batch.jobs:
        if not only or job.name in only:
            results.append(run_job(job, settings, base, history, as_of, lang))
            # commands run with the cycle collector paused (gc_pause); a job's cyclic garbage
            # (about 1,700 objects at 3,000 cases) goes now, while little else is alive to walk
            gc.collect()
    return results


def run_job(
    job: BatchJob, settings: Settings, base: Path, history: Path, as_of: dt.date, lang: str
) -> JobResult:
    result = JobResult(job.name, ExitCode.OK, "")
    output_dir = base / job.output_dir
    started = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    result.log.append(f"{started} job {job.name}, as of {as_of.isoformat()}")
    try:
        _make_folder(output_dir)
        with job_lock(output_dir / f".bitcheck-{job.name}.lock", result.log):
            _run_locked(job, settings, base, history, output_dir, as_of, started, lang, result)
    except LockHeld as held:
        result.line = f"{job.name}: another run holds the lock ({held}); not run"
    except BitcheckError as error:
        result.exit_code = int(error.exit_code)
        result.line = f"{job.name}: {error_message(error, lang, None)}"
    except OSError as error:
        result.exit_code = ExitCode.OUTPUT
        result.line = f"{job.name}: {error.strerror or error}"
    except Exception as error:  # noqa: BLE001 - one job failing must not stop the others
        result.exit_code = ExitCode.INPUT
        result.line = (
            f"{job.name}: internal error ({type(error).__name__}); run the job alone with --debug"
        )
    result.log.append(result.line)
    _write_log(output_dir, job.name, as_of, result.log)
    return result


def _make_folder(folder: Path) -> None:
    """The job's output folder; one that cannot be made is an output error naming it."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(
            "folder-failed", file=str(folder), detail=error.strerror or error
        ) from error


def _run_locked(
    job: BatchJob,
    settings: Settings,
    base: Path,
    history: Path,
    output_dir: Path,
    as_of: dt.date,
    started: str,
    lang: str,
    result: JobResult,
) -> None:
    inputs = job_inputs(job, base)
    report_path = output_dir / job.report.format(job=job.name, date=as_of.isoformat())
    hashes = sorted(file_sha256(path) for path in inputs.files())
    with open_history(history) as db:
        earlier = same_run(db, job.name, as_of)
        if (
            earlier is not None
            and report_path.exists()
            and sorted(i["sha256"] for i in earlier.inputs) == hashes
        ):
            result.report = report_path
            result.line = f"{job.name}: inputs and as-of date unchanged since the last run; skipped ({report_path})"
            kept = [Finding.model_validate(r) for _, r in findings_of(db, earlier.run_id).values()]
            result.exit_code = _fail_on(job, kept)  # a skipped run still tells the scheduler
            result.line += _fail_on_text(job, kept)
            return
        run = run_audit(inputs.cases, inputs.tariffs, inputs.timelogs, settings, as_of)
        pseudonymizer = load_pseudonymizer(
            key_file_of(settings.pseudonym_key_file, settings.config_path)
        )
        report = build_audit_report(
            run, pseudonymizer, reveal_cpr=False, lang=lang, generated_at=started
        )
        report, resolved, counts = _lifecycle(db, job.name, as_of, report)
        _write_report(report_path, report, resolved, lang)
        stored = [
            (f.case_id, f.code, (f.since or as_of).isoformat(), f.model_dump(mode="json"))
            for f in report.findings
        ]
        inputs_json = [i.model_dump(mode="json") for i in report.inputs]
        by_direction = {
            k: v.model_dump(mode="json") for k, v in report.summary.by_direction.items()
        }
        store_run(
            db, job.name, as_of, started, report.settings, inputs_json, by_direction, counts, stored
        )
    result.report = report_path
    result.exit_code = _fail_on(job, report.findings)
    result.line = _summary_line(job.name, as_of, report, counts, report_path)
    result.line += _fail_on_text(job, report.findings)
    result.log += [
        f"inputs: {len(report.inputs)} files",
        mask_cpr_like(f"case export: {inputs.cases}"),  # the file a glob chose
        f"report: {report_path}",
    ]


def _lifecycle(
    db: sqlite3.Connection, job: str, as_of: dt.date, report: AuditReport
) -> tuple[AuditReport, list[Finding], tuple[int, int, int]]:
    """Mark each finding new or persisting against the job's previous run; list the resolved."""
    previous = previous_run(db, job, as_of)
    known = {} if previous is None else findings_of(db, previous.run_id)
    findings = []
    for finding in report.findings:
        key = (finding.case_id, finding.code)
        since = dt.date.fromisoformat(known[key][0]) if key in known else as_of
        lifecycle = "persisting" if key in known else "new"
        findings.append(finding.model_copy(update={"lifecycle": lifecycle, "since": since}))
    current = {(f.case_id, f.code) for f in findings}
    resolved = [  # as the previous run stored them, but no longer new or persisting
        Finding.model_validate(record).model_copy(update={"lifecycle": "resolved"})
        for key, (_, record) in sorted(known.items())
        if key not in current
    ]
    new = sum(1 for f in findings if f.lifecycle == "new")
    counts = (new, len(findings) - new, len(resolved))
    return report.model_copy(update={"findings": findings}), resolved, counts


def _write_report(path: Path, report: AuditReport, resolved: list[Finding], lang: str) -> None:
    if path.suffix.lower() == ".json":
        from bitcheck.report.timelog import report_json

        extra = {"resolved": [f.model_dump(mode="json") for f in resolved]}
        write_atomic(path, report_json(report, reveal_cpr=False, extra=extra).encode("utf-8"))
        return
    from bitcheck.render.excel import workbook_bytes

    write_atomic(path, workbook_bytes(report, lang, reveal_cpr=False, resolved=resolved))


def _fail_on_text(job: BatchJob, findings: list[Finding]) -> str:
    """Why the job exits 1, for the scheduler's log: `; fail_on high: 5 findings -> exit 1`."""
    count = _at_fail_on(job, findings)
    return f"; fail_on {job.fail_on}: {count} findings -> exit 1" if count else ""


def _fail_on(job: BatchJob, findings: list[Finding]) -> int:
    return ExitCode.FINDINGS if _at_fail_on(job, findings) else ExitCode.OK


def _at_fail_on(job: BatchJob, findings: list[Finding]) -> int:
    """How many findings reach the job's `fail_on` severity (0 without one)."""
    if job.fail_on is None:
        return 0
    least = SEVERITY_RANK[job.fail_on]
    return sum(1 for f in findings if SEVERITY_RANK[f.severity] >= least)


def _summary_line(
    name: str, as_of: dt.date, report: AuditReport, counts: tuple[int, int, int], path: Path
) -> str:
    directions = ", ".join(f"{k} {v.findings}" for k, v in report.summary.by_direction.items())
    new, persisting, resolved = counts
    return (
        f"{name}: {as_of.isoformat()}: {report.summary.cases} cases, {report.summary.findings} findings "
        f"({directions}); {new} new, {persisting} persisting, {resolved} resolved -> {path}"
    )


def _write_log(output_dir: Path, job: str, as_of: dt.date, lines: list[str]) -> None:
    """One log file per run, beside the reports (never a CPR number: lines carry none)."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
    folder = output_dir / "logs"
    text = "\n".join(lines) + "\n"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for number in range(1, 1000):
            suffix = "" if number == 1 else f"_{number}"
            try:
                with (folder / f"bitcheck_{job}_{as_of.isoformat()}_{stamp}{suffix}.log").open(
                    "x", encoding="utf-8"
                ) as log:
                    log.write(text)
                return
            except FileExistsError:
                continue  # two runs within one second: each keeps its own log
    except OSError:
        pass  # a log that cannot be written must not fail the job; stdout has the line
