"""Scheduled runs: batch and history."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from bitcheck.cli.base import (
    AS_OF,
    TEXT_FORMATS,
    Run,
    cli,
    command,
    common_options,
)
from bitcheck.errors import ExitCode, InputError
from bitcheck.settings import load_settings


@cli.command()
@click.argument("jobfile", required=False, type=click.Path(path_type=Path, dir_okay=False))
@AS_OF
@click.option(
    "--job", "jobs", multiple=True, help="Run only this job; repeatable.  [default: every job]"
)
@common_options
@command
def batch(run: Run, jobfile: Path | None, as_of: dt.date | None, jobs: tuple[str, ...]) -> int:
    """The scheduled run: every job of the [batch] table (of JOBFILE, else the config file),
    a dated report per job, run history, new / persisting / resolved findings."""
    from bitcheck.batch.run import run_batch

    if run.output is not None or run.output_format is not None:  # each job names its own report
        raise InputError("batch-output")
    settings = load_settings(jobfile, lang=run.lang_option) if jobfile is not None else run.settings
    config = jobfile or settings.config_path
    base = config.parent if config is not None else Path(".")
    results = run_batch(settings, base, as_of or dt.date.today(), list(jobs), settings.lang)
    for result in results:
        click.echo(result.line)
    return max((result.exit_code for result in results), default=ExitCode.OK)


@cli.command()
@click.argument("job", required=False)
@common_options
@command
def history(run: Run, job: str | None) -> int:
    """The batch runs of a job (or of every job) with their counts per direction and
    new / persisting / resolved findings."""
    from bitcheck.batch.report import history_report, render_history
    from bitcheck.render.output import emit, format_of

    output_format = format_of(
        run.output, run.output_format, offered=TEXT_FORMATS, command="history"
    )
    report = history_report(run.settings, job)
    emit(render_history(report, output_format, run.lang), run.output)
    return ExitCode.OK
