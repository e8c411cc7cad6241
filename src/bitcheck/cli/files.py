"""Commands about input files: validate, timelog, template, schema."""

from __future__ import annotations

import datetime as dt
import json

import click

from bitcheck.cli.base import (
    AS_OF,
    OPTIONAL_KEYS,
    TEXT_FORMATS,
    Run,
    cli,
    command,
    common_options,
    error_line,
)
from bitcheck.errors import ExitCode, InputError


@cli.command()
@click.argument("files", nargs=-1, required=True)
@click.option(
    "--kind",
    type=click.Choice(["cases", "tariffs", "time_log"]),
    help="The kind of every file.  [default: told from the headers]",
)
@click.option(
    "--fail-on-error",
    is_flag=True,
    help="Exit with status 1 when a row was rejected.  [default: off]",
)
@common_options
@command
def validate(run: Run, files: tuple[str, ...], kind: str | None, fail_on_error: bool) -> int:
    """Check FILES (files, folders or quoted globs) against the input contract."""
    from bitcheck.inputs import validate_files
    from bitcheck.render import validation as render
    from bitcheck.render.output import emit, format_of
    from bitcheck.report.validation import build_validation_report

    output_format = format_of(
        run.output, run.output_format, offered=TEXT_FORMATS, command="validate"
    )
    result = validate_files(list(files), kind, run.settings)
    report = build_validation_report(result, run.lang, run.pseudonymizer())
    if output_format == "json":
        emit(render.render_json(report), run.output)
    elif output_format == "markdown":
        emit(render.render_markdown(report, run.lang), run.output)
    else:
        emit(render.render_table(report, run.lang), run.output)
    for wrong in (i for i in result.inputs if i.looks_like is not None and not run.quiet):
        # --kind was given, and the headers show another kind: read as asked, and said so
        hint = InputError("wrong-kind", file=wrong.path, kind=wrong.looks_like, given=kind,
                          option=f"--kind {kind}")  # fmt: skip
        click.echo(error_line(hint, run.lang, run), err=True)
    if result.unknown_kind:  # after the report, which says what each file lacks
        raise InputError("unknown-kind", file=", ".join(result.unknown_kind))
    if fail_on_error and any(i.rows_rejected for i in report.inputs):
        return ExitCode.FINDINGS
    return ExitCode.OK


@cli.command()
@common_options
@command
def schema(run: Run) -> int:
    """Write the JSON Schemas of the inputs and outputs (-o names a folder)."""
    from bitcheck.schema_export import all_schemas, write_schemas

    if run.output_format not in (None, "json"):
        raise InputError(
            "format-not-offered", command="schema", formats="json", given=run.output_format
        )
    if run.output is not None:
        for path in write_schemas(run.output):
            if not run.quiet:
                click.echo(str(path), err=True)
        return ExitCode.OK
    click.echo(json.dumps(all_schemas(), indent=2, ensure_ascii=False))
    return ExitCode.OK


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--cases",
    help="A case export: show each log beside its cases' expected hours.  [default: none]",
)
@click.option(
    "--tariffs",
    help="Tariff catalogue, for expected hours that come from a level.  [default: none]",
)
@AS_OF
@common_options
@command
def timelog(
    run: Run, paths: tuple[str, ...], cases: str | None, tariffs: str | None, as_of: dt.date | None
) -> int:
    """Summarise døgnskemaer (files, folders or quoted globs) per citizen and provider."""
    from bitcheck.render import timelog as render
    from bitcheck.render.output import emit, format_of
    from bitcheck.report.timelog import build_timelog_report, report_json
    from bitcheck.timelog.run import summarise_timelogs

    output_format = format_of(
        run.output, run.output_format, offered=(*TEXT_FORMATS, "xlsx"), command="timelog"
    )
    day = as_of or dt.date.today()
    result = summarise_timelogs(list(paths), run.settings, day, cases, tariffs)
    report = build_timelog_report(result, run.settings, day, run.pseudonymizer(), run.reveal_cpr)
    if output_format == "json":
        emit(report_json(report, reveal_cpr=run.reveal_cpr, optional=OPTIONAL_KEYS), run.output)
    elif output_format == "xlsx" and run.output is not None:
        from bitcheck.render.excel import timelog_workbook_bytes
        from bitcheck.render.output import write_atomic

        write_atomic(
            run.output, timelog_workbook_bytes(report, run.lang, reveal_cpr=run.reveal_cpr)
        )
    elif output_format == "markdown":
        emit(render.render_markdown(report, run.lang), run.output)
    else:
        emit(render.render_table(report, run.lang), run.output)
    return ExitCode.OK


@cli.command()
@click.argument("kind", type=click.Choice(["cases", "tariffs", "time_log"]))
@common_options
@command
def template(run: Run, kind: str) -> int:
    """Write an empty, ready-to-fill workbook for KIND (-o FILE.xlsx): headers, drop-down
    lists, data validation and instructions; bitcheck reads it back without loss."""
    from bitcheck.templates import write_template

    if run.output is None or run.output.suffix.lower() != ".xlsx":
        raise InputError("template-needs-output")
    if run.output_format is not None:
        raise InputError(
            "format-not-offered", command="template", formats="xlsx", given=run.output_format
        )
    write_template(kind, run.output, run.lang)  # type: ignore[arg-type]
    if not run.quiet:
        click.echo(str(run.output), err=True)
    return ExitCode.OK
