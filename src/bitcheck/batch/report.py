"""`bitcheck history`: the stored runs of a job (outputs.md §4)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from bitcheck import __version__, i18n
from bitcheck.batch.history import open_history, runs_of
from bitcheck.errors import InputError
from bitcheck.render.tables import markdown_table, render_terminal
from bitcheck.settings import BatchJob, Settings


class HistoryRun(BaseModel):
    model_config = ConfigDict(extra="forbid")

    run_id: int
    as_of: dt.date
    started_at: str
    inputs: list[dict[str, Any]]
    by_direction: dict[str, Any]
    new: int
    persisting: int
    resolved: int
    job: str  # added to outputs.md §4's keys, last: `history` without a job lists every job's runs


class HistoryReport(BaseModel):
    model_config = ConfigDict(extra="forbid")

    bitcheck: str
    job: str | None
    runs: list[HistoryRun]


def history_path(settings: Settings) -> Path:
    if settings.config_path is None:
        raise InputError("no-config-history", folder=str(Path.cwd()))
    if settings.batch is None:
        raise InputError("no-batch", file=str(settings.config_path))
    return settings.config_path.parent / settings.batch.history


def history_report(settings: Settings, job: str | None) -> HistoryReport:
    path = history_path(settings)
    stored = []
    if path.exists():
        with open_history(path) as db:
            stored = runs_of(db, job)
    assert settings.batch is not None  # history_path checked it
    _check_job(settings.batch.jobs, job, ran=bool(stored), config=settings.config_path)
    runs = [
        HistoryRun(
            run_id=r.run_id,
            job=r.job,
            as_of=r.as_of,
            started_at=r.started_at,
            inputs=r.inputs,
            by_direction=r.by_direction,
            new=r.new,
            persisting=r.persisting,
            resolved=r.resolved,
        )  # fmt: skip
        for r in stored
    ]
    return HistoryReport(bitcheck=__version__, job=job, runs=runs)


def _check_job(jobs: list[BatchJob], job: str | None, *, ran: bool, config: Path | None) -> None:
    """A job named that neither the batch file nor the history knows is a typing error."""
    if job is not None and not ran and job not in {known.name for known in jobs}:
        raise InputError("unknown-job", jobs=job, file=str(config))


def render_history(report: HistoryReport, output_format: str, lang: str) -> str:
    if output_format == "json":
        return json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False)
    headers = [i18n.HISTORY_HEADERS[key] if lang == "da" else key for key in i18n.HISTORY_HEADERS]
    rows: list[list[object]] = [
        [r.run_id, r.job, r.as_of.isoformat(), *(r.by_direction.get(d, {}).get("findings", 0)
         for d in ("citizen", "payment", "process", "data")), r.new, r.persisting, r.resolved]
        for r in report.runs
    ]  # fmt: skip
    if output_format == "markdown":
        return markdown_table(headers, rows) + "\n"
    return render_terminal([(i18n.label("history", lang), headers, rows)])
