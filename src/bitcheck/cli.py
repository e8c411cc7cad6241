"""The command line: options -> Settings -> one library call -> renderer -> exit code."""

from __future__ import annotations

import datetime as dt
import json
import signal
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from bitcheck import __version__, progress
from bitcheck.errors import BitcheckError, ExitCode, InputError
from bitcheck.pseudonyms import Pseudonymizer, key_file_of, load_pseudonymizer
from bitcheck.settings import Settings, find_config, load_settings

F = TypeVar("F", bound=Callable[..., Any])
FORMATS = ("table", "markdown", "json", "csv")


@dataclass(frozen=True)
class Run:
    """What every command knows after parsing its common options."""

    settings: Settings
    lang: str
    lang_option: str | None  # --lang as given; None lets a batch file's own lang apply
    output_format: str | None
    output: Path | None
    quiet: bool
    verbose: bool
    debug: bool
    reveal_cpr: bool

    def pseudonymizer(self) -> Pseudonymizer:
        return load_pseudonymizer(
            key_file_of(self.settings.pseudonym_key_file, self.settings.config_path)
        )


def common_options(function: F) -> F:
    """The options every command takes after its name (cli.md)."""
    options = [
        click.option(
            "--config",
            type=click.Path(path_type=Path, dir_okay=False),
            help="Settings file.  [default: ./bitcheck.toml when present]",
        ),
        click.option(
            "--lang",
            type=click.Choice(["da", "en"]),
            help="Language of the output.  [default: da, or lang in bitcheck.toml]",
        ),
        click.option(
            "--format",
            "output_format",
            type=click.Choice(FORMATS),
            help="Output format.  [default: table, or the suffix of -o]",
        ),
        click.option(
            "-o",
            "--output",
            type=click.Path(path_type=Path),
            help="Write the result to this file; its suffix gives the format.  [default: stdout]",
        ),
        click.option("--quiet", is_flag=True, help="Print nothing but the result.  [default: off]"),
        click.option("--verbose", is_flag=True, help="Tell more on stderr.  [default: off]"),
        click.option("--debug", is_flag=True, help="Show a traceback on errors.  [default: off]"),
        click.option(
            "--reveal-cpr", is_flag=True, help="Show CPR numbers beside pseudonyms.  [default: off]"
        ),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def build_run(options: dict[str, Any]) -> Run:
    config = find_config(options.pop("config", None))
    lang = options.pop("lang", None)
    settings = load_settings(config, lang=lang)
    progress.enable(not options.get("quiet", False))
    return Run(
        settings=settings,
        lang=settings.lang,
        lang_option=lang,
        output_format=options.pop("output_format", None),
        output=options.pop("output", None),
        quiet=options.pop("quiet", False),
        verbose=options.pop("verbose", False),
        debug=options.pop("debug", False),
        reveal_cpr=options.pop("reveal_cpr", False),
    )


def command(function: Callable[..., int]) -> Callable[..., int]:
    """Build the Run from the common options, call the command, map errors to one line."""

    @wraps(function)
    def wrapper(**options: Any) -> int:
        debug = bool(options.get("debug"))
        lang = options.get("lang") or "da"
        run: Run | None = None
        try:
            run = build_run(options)
            return function(run, **options)
        except BitcheckError as error:
            if debug:
                traceback.print_exc()
            fail(error_line(error, run.lang if run else lang, run), error.exit_code)
        except Exception as error:  # noqa: BLE001 - the one place that turns bugs into one line
            if debug:
                raise
            fail(
                f"bitcheck: internal error ({type(error).__name__}); run again with --debug",
                ExitCode.INPUT,
            )
        return ExitCode.OK

    return wrapper


def error_line(error: BitcheckError, lang: str, run: Run | None) -> str:
    """The one line a run-stopping error prints; a CPR-like number in it becomes a pseudonym."""
    from bitcheck.messages import error_message

    try:
        pseudonymizer = run.pseudonymizer() if run is not None else None
    except BitcheckError:
        pseudonymizer = None
    return "bitcheck: " + error_message(error, lang, pseudonymizer)


def fail(message: str, code: int) -> None:
    click.echo(message.replace("\n", " "), err=True)
    sys.exit(int(code))


class BitcheckGroup(click.Group):
    """A group whose usage errors are one line on stderr with exit status 2."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        try:
            result = super().main(*args, **kwargs)
        except click.exceptions.NoArgsIsHelpError as exc:
            click.echo(exc.ctx.get_help() if exc.ctx else str(exc))
            sys.exit(0)
        except click.UsageError as exc:
            fail(f"bitcheck: {exc.format_message()}", ExitCode.INPUT)
        except click.exceptions.Abort:
            fail("bitcheck: aborted", ExitCode.INPUT)
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)
        sys.exit(int(result or 0))


@click.group(cls=BitcheckGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="bitcheck")
def cli() -> None:
    """bitcheck: does what the municipality pays match what the citizen needs, was granted
    and gets? Case by case, in both directions."""


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

    output_format = format_of(run.output, run.output_format)
    if output_format in ("csv", "xlsx"):
        raise InputError(
            "usage", detail=f"validate writes table, markdown or json, not {output_format}"
        )
    result = validate_files(list(files), kind, run.settings)
    report = build_validation_report(result, run.lang, run.pseudonymizer())
    if output_format == "json":
        emit(render.render_json(report), run.output)
    elif output_format == "markdown":
        emit(render.render_markdown(report, run.lang), run.output)
    else:
        emit(render.render_table(report, run.lang), run.output)
    if result.unknown_kind:
        return ExitCode.INPUT
    if fail_on_error and any(i.rows_rejected for i in report.inputs):
        return ExitCode.FINDINGS
    return ExitCode.OK


@cli.command()
@common_options
@command
def schema(run: Run) -> int:
    """Write the JSON Schemas of the inputs and outputs (-o names a folder)."""
    from bitcheck.schema_export import all_schemas, write_schemas

    if run.output is not None:
        for path in write_schemas(run.output):
            if not run.quiet:
                click.echo(str(path), err=True)
        return ExitCode.OK
    click.echo(json.dumps(all_schemas(), indent=2, ensure_ascii=False))
    return ExitCode.OK


class CommandLineDate(click.ParamType[dt.date]):
    """A date on the command line: ISO (2026-11-24) or Danish (24-11-2026)."""

    name = "date"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> dt.date:
        if isinstance(value, dt.date):
            return value
        from bitcheck.values import InvalidValue, parse_date

        try:
            parsed = parse_date(str(value))
        except InvalidValue:
            parsed = None
        if parsed is None:
            self.fail(f"{value!r} is not a date; use 2026-11-24 or 24-11-2026", param, ctx)
        return parsed


AS_OF = click.option("--as-of", type=CommandLineDate(), help="The audit date.  [default: today]")


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

    output_format = format_of(run.output, run.output_format)
    if output_format == "csv":
        raise InputError("usage", detail="timelog writes table, markdown, json or xlsx, not csv")
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


def audit_inputs(function: F) -> F:
    """CASES, --tariffs, --timelogs and --as-of: the inputs of every command that audits."""
    options = [
        click.argument("cases"),
        click.option("--tariffs", help="Tariff catalogue: a file, folder or quoted glob.  [default: none]"),
        click.option("--timelogs", multiple=True,
                     help="Time logs: a file, folder or quoted glob; repeatable.  [default: none]"),
        AS_OF,
    ]  # fmt: skip
    for option in reversed(options):
        function = option(function)
    return function


SEVERITIES = ("low", "medium", "high")
RULE_CODES = (
    "N1", "N2", "T1", "T2", "T3", "T4", "T5", "D1", "D2", "D3", "D4", "D5",
    "R1", "R2", "R3", "R4", "R5",
)  # fmt: skip  # the catalogue's codes (a test keeps them equal), without importing the rules


@cli.command()
@audit_inputs
@click.option(
    "--direction",
    "directions",
    multiple=True,
    type=click.Choice(["citizen", "payment", "process", "data"]),
    help="List only findings of this direction; repeatable (OR).  [default: all]",
)
@click.option(
    "--code",
    "codes",
    multiple=True,
    type=click.Choice(list(RULE_CODES)),
    help="List only findings of this rule; repeatable (OR).  [default: all]",
)
@click.option(
    "--by",
    type=click.Choice(["case", "provider"]),
    default="case",
    help="Show the top cases or the provider view in the table and markdown.  [default: case]",
)
@click.option(
    "--cards",
    type=click.Path(path_type=Path, file_okay=False),
    help="Write a case card per citizen with a finding into this folder.  [default: none]",
)
@click.option(
    "--fail-on",
    type=click.Choice(SEVERITIES),
    help="Exit with status 1 when a finding of this severity or higher is found.  [default: off]",
)
@common_options
@command
def audit(
    run: Run,
    cases: str,
    tariffs: str | None,
    timelogs: tuple[str, ...],
    as_of: dt.date | None,
    directions: tuple[str, ...],
    codes: tuple[str, ...],
    by: str,
    cards: Path | None,
    fail_on: str | None,
) -> int:
    """Audit CASES (a case export: file, folder or quoted glob): need, grant, tariff and delivery."""
    from bitcheck.audit.run import run_audit
    from bitcheck.render import audit as render
    from bitcheck.render.output import format_of
    from bitcheck.report.audit_build import build_audit_report
    from bitcheck.report.filters import filter_report

    output_format = format_of(run.output, run.output_format)
    result = run_audit(cases, tariffs, list(timelogs), run.settings, as_of or dt.date.today())
    report = build_audit_report(
        result, run.pseudonymizer(), reveal_cpr=run.reveal_cpr, lang=run.lang
    )
    failed = fail_on is not None and render.has_severity(report, fail_on)  # before any filter
    report = filter_report(report, list(directions), list(codes))
    render.write(
        report,
        output_format,
        run.output,
        run.lang,
        reveal_cpr=run.reveal_cpr,
        by_provider=by == "provider",
    )
    if cards is not None:
        from bitcheck.render.cards import write_cards

        write_cards(report, cards, run.lang)
    return ExitCode.FINDINGS if failed else ExitCode.OK


@cli.command()
@click.option(
    "--codes",
    is_flag=True,
    help="List every error, note and not-evaluated code instead.  [default: off]",
)
@common_options
@command
def rules(run: Run, codes: bool) -> int:
    """The rule catalogue with the settings in force."""
    from bitcheck.render.output import emit, format_of
    from bitcheck.render.rules import render_codes, render_rules

    output_format = format_of(run.output, run.output_format)
    render = render_codes if codes else render_rules
    emit(render(run.settings, output_format, run.lang), run.output)
    return ExitCode.OK


@cli.command()
@click.argument("pseudonyms", nargs=-1, required=True)
@click.option(
    "--cases", "cases_path", required=True, help="The case export the pseudonyms came from."
)
@common_options
@command
def reveal(run: Run, pseudonyms: tuple[str, ...], cases_path: str) -> int:
    """Map pseudonyms (B-xxxxxxxxxx) back to CPR numbers, for the caseworker who must act."""
    from bitcheck.render.output import emit, format_of
    from bitcheck.reveal import render_reveal, reveal_pseudonyms

    output_format = format_of(run.output, run.output_format)
    found = reveal_pseudonyms(list(pseudonyms), cases_path, run.settings, run.pseudonymizer())
    emit(render_reveal(found, output_format, run.lang), run.output)
    return ExitCode.OK if all(item.cpr for item in found) else ExitCode.FINDINGS


@cli.command()
@click.argument("kind", type=click.Choice(["cases", "tariffs", "time_log"]))
@common_options
@command
def template(run: Run, kind: str) -> int:
    """Write an empty, ready-to-fill workbook for KIND (-o FILE.xlsx): headers, drop-down
    lists, data validation and instructions; bitcheck reads it back without loss."""
    from bitcheck.templates import write_template

    if run.output is None or run.output.suffix.lower() != ".xlsx":
        raise InputError("usage", detail="give the workbook to write with -o FILE.xlsx")
    write_template(kind, run.output, run.lang)  # type: ignore[arg-type]
    if not run.quiet:
        click.echo(str(run.output), err=True)
    return ExitCode.OK


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

    report = history_report(run.settings, job)
    from bitcheck.render.output import emit, format_of

    emit(render_history(report, format_of(run.output, run.output_format), run.lang), run.output)
    return ExitCode.OK


@cli.command()
@click.argument("subject")
@audit_inputs
@common_options
@command
def explain(
    run: Run,
    subject: str,
    cases: str,
    tariffs: str | None,
    timelogs: tuple[str, ...],
    as_of: dt.date | None,
) -> int:
    """The trace of one case (SUBJECT = a case id) or of every case of a citizen (a pseudonym
    B-xxxxxxxxxx): every number, its formula and source, every rule's outcome."""
    from bitcheck.audit.run import run_audit
    from bitcheck.pseudonyms import PSEUDONYM
    from bitcheck.render.explain import render_traces
    from bitcheck.render.output import emit, format_of
    from bitcheck.report.audit_build import build_audit_report
    from bitcheck.report.explain_case import trace_case

    output_format = format_of(run.output, run.output_format)
    result = run_audit(cases, tariffs, list(timelogs), run.settings, as_of or dt.date.today())
    pseudonymizer = run.pseudonymizer()
    report = build_audit_report(result, pseudonymizer, reveal_cpr=run.reveal_cpr, lang=run.lang)
    by_citizen = bool(PSEUDONYM.match(subject))
    records = [r for r in report.cases if (r.subject if by_citizen else r.case_id) == subject]
    if not records:
        raise InputError(
            "usage", detail=f"{subject}: no audited case with that case id or pseudonym in {cases}"
        )
    traces = [trace_case(result, result.case(r.case_id), r, pseudonymizer) for r in records]
    emit(render_traces(traces, output_format, run.lang, by_citizen, run.reveal_cpr), run.output)
    return ExitCode.OK


@cli.command()
@click.argument("report", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--cases", "cases_path", required=True, help="The case export the report was made from."
)
@click.option("--tariffs", help="The tariff catalogue.  [default: none]")
@click.option("--timelogs", multiple=True, help="The time logs; repeatable.  [default: none]")
@common_options
@command
def verify(
    run: Run, report: Path, cases_path: str, tariffs: str | None, timelogs: tuple[str, ...]
) -> int:
    """Check a JSON or Excel report against its inputs: same inputs, same findings?"""
    from bitcheck.verify import verify_report

    result = verify_report(report, cases_path, tariffs, list(timelogs), run.lang)
    if run.output_format == "json":
        click.echo(
            json.dumps(
                {
                    "report": result.report,
                    "matches": result.matches,
                    "differences": result.differences,
                },
                indent=2,
            )
        )
    else:
        click.echo(
            "OK: the report is what its inputs give"
            if result.matches
            else "\n".join(result.differences)
        )
    return ExitCode.OK if result.matches else ExitCode.FINDINGS


@cli.command()
@audit_inputs
@click.option(
    "-n",
    "count",
    type=click.IntRange(min=1),
    default=25,
    help="How many cases to choose.  [default: 25]",
)
@click.option(
    "--seed",
    type=int,
    default=1,
    help="The seed of the draw; the same seed gives the same choice.  [default: 1]",
)
@common_options
@command
def sample(
    run: Run,
    cases: str,
    tariffs: str | None,
    timelogs: tuple[str, ...],
    as_of: dt.date | None,
    count: int,
    seed: int,
) -> int:
    """A direction-balanced, reproducible choice of cases to ask providers for døgnskemaer."""
    from bitcheck.audit.run import run_audit
    from bitcheck.render.output import emit, format_of, write_atomic
    from bitcheck.render.sample import render_sample, request_workbook
    from bitcheck.report.audit_build import build_audit_report
    from bitcheck.sample import draw_sample

    output_format = format_of(run.output, run.output_format)
    result = run_audit(cases, tariffs, list(timelogs), run.settings, as_of or dt.date.today())
    report = build_audit_report(result, run.pseudonymizer(), reveal_cpr=False, lang=run.lang)
    drawn = draw_sample(report, count, seed)
    if output_format == "xlsx" and run.output is not None:
        write_atomic(run.output, request_workbook(drawn))
    else:
        emit(render_sample(drawn, output_format), run.output)
    return ExitCode.OK


OPTIONAL_KEYS = frozenset({"case_ids", "expected_hours_week"})


def main() -> None:
    signal.signal(signal.SIGTERM, _terminated)
    cli()


def _terminated(signum: int, frame: object) -> None:
    """SIGTERM (a scheduler stopping the run) unwinds like an exception, so that a report
    being written is removed and an earlier one stays intact."""
    raise SystemExit(128 + signum)
