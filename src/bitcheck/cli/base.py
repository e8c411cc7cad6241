"""The command line's shared parts: the group, the common options, one-line errors, dates."""

from __future__ import annotations

import datetime as dt
import signal
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from bitcheck import __version__, progress
from bitcheck.errors import BitcheckError, ExitCode
from bitcheck.gc_pause import collector_paused
from bitcheck.pseudonyms import Pseudonymizer, key_file_of, load_pseudonymizer
from bitcheck.settings import Settings, find_config, load_settings

F = TypeVar("F", bound=Callable[..., Any])
FORMATS = ("table", "markdown", "json", "csv")
TEXT_FORMATS = ("table", "markdown", "json")  # what most commands write (audit adds csv, xlsx)


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
        click.version_option(__version__, prog_name="bitcheck"),
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
        started = time.perf_counter()
        try:
            run = build_run(options)
            with collector_paused():
                status = function(run, **options)
            if run.verbose:
                tell_more(run, status, time.perf_counter() - started)
            return status
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


def tell_more(run: Run, status: int, seconds: float) -> None:
    """--verbose: the settings file, the output written, the time taken and the exit status."""
    from bitcheck import i18n

    config = run.settings.config_path
    lines = [
        i18n.message("verbose-config", run.lang, file=config)
        if config
        else i18n.message("verbose-no-config", run.lang)
    ]
    if run.output is not None and run.output.exists():
        lines.append(i18n.message("verbose-wrote", run.lang, file=run.output))
    lines.append(
        i18n.message(
            "verbose-done", run.lang, seconds=i18n.number(seconds, run.lang, 1), status=int(status)
        )
    )
    from bitcheck.privacy import mask_cpr_like

    for line in lines:  # a file name may hold a CPR number
        click.echo(f"bitcheck: {mask_cpr_like(line)}", err=True)


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
DIRECTIONS = ("citizen", "payment", "process", "data")


class WordChoice(click.Choice[str]):
    """A choice given in any letter case, or by its Danish word (`borger` for citizen, `høj` for
    high): the reports show the Danish words, so an analyst types them. Help and errors show the
    choices as they are (`N1`, `citizen`) and name the Danish words."""

    def __init__(self, choices: Sequence[str], danish: dict[str, dict[str, str]] | None = None):
        super().__init__(choices)
        own = {choice.casefold(): choice for choice in choices}
        words = {words["da"].casefold(): name for name, words in (danish or {}).items()}
        self.danish = [word for word in words if word not in own]  # `data` is both
        self.known = {**words, **own}

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        if isinstance(value, str):
            value = self.known.get(value.casefold(), value)
        return str(super().convert(value, param, ctx))

    def get_invalid_choice_message(self, value: Any, ctx: click.Context | None) -> str:
        message = super().get_invalid_choice_message(value, ctx)
        if not self.danish:
            return message
        return f"{message[:-1]}, or {', '.join(repr(word) for word in self.danish)}."


RULE_CODES = (
    "N1", "N2", "T1", "T2", "T3", "T4", "T5", "D1", "D2", "D3", "D4", "D5",
    "R1", "R2", "R3", "R4", "R5",
)  # fmt: skip  # the catalogue's codes (a test keeps them equal), without importing the rules


OPTIONAL_KEYS = frozenset({"case_ids", "expected_hours_week"})


def main() -> None:
    signal.signal(signal.SIGTERM, _terminated)
    cli()


def _terminated(signum: int, frame: object) -> None:
    """SIGTERM (a scheduler stopping the run) unwinds like an exception, so that a report
    being written is removed and an earlier one stays intact."""
    raise SystemExit(128 + signum)
