"""Commands that audit: audit, explain, sample, verify, and the catalogue of rules and reveal."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from bitcheck import i18n
from bitcheck.cli.base import (
    DIRECTIONS,
    RULE_CODES,
    SEVERITIES,
    TEXT_FORMATS,
    Run,
    WordChoice,
    audit_inputs,
    cli,
    command,
    common_options,
)
from bitcheck.errors import ExitCode, InputError
from bitcheck.i18n_rules import DIRECTION_NAMES, SEVERITY_NAMES


@cli.command()
@audit_inputs
@click.option(
    "--direction",
    "directions",
    multiple=True,
    type=WordChoice(DIRECTIONS, DIRECTION_NAMES),
    help="List only findings of this direction (or borger, betaling, ...); repeatable (OR).  "
    "[default: all]",
)
@click.option(
    "--code",
    "codes",
    multiple=True,
    type=WordChoice(RULE_CODES),
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
    type=WordChoice(SEVERITIES, SEVERITY_NAMES),
    help="Exit with status 1 when a finding of this severity (or lav, middel, høj) or higher is "
    "found.  [default: off]",
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
    from bitcheck.inputs import Reading
    from bitcheck.render.output import format_of

    output_format = format_of(run.output, run.output_format)
    if cards is not None:  # a folder that cannot be made fails the run before any report is written
        from bitcheck.render.cards import make_folder

        make_folder(cards)
    # worker processes begin on the time logs before the rest of the audit is even imported
    reading = Reading(list(timelogs), "time_log", run.settings)
    try:
        from bitcheck.audit.run import run_audit
        from bitcheck.render import audit as render
        from bitcheck.report.audit_build import build_audit_report
        from bitcheck.report.filters import filter_report
    except BaseException:
        reading.cancel()
        raise
    today = as_of or dt.date.today()
    result = run_audit(cases, tariffs, list(timelogs), run.settings, today, reading)
    report = build_audit_report(
        result, run.pseudonymizer(), reveal_cpr=run.reveal_cpr, lang=run.lang
    )
    failed = fail_on is not None and render.has_severity(report, fail_on)  # before any filter
    # `borger` and `citizen` are one direction: each once, in the order given
    report = filter_report(report, list(dict.fromkeys(directions)), list(dict.fromkeys(codes)))
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

    output_format = format_of(
        run.output, run.output_format, offered=TEXT_FORMATS, command="explain"
    )
    result = run_audit(cases, tariffs, list(timelogs), run.settings, as_of or dt.date.today())
    pseudonymizer = run.pseudonymizer()
    report = build_audit_report(result, pseudonymizer, reveal_cpr=run.reveal_cpr, lang=run.lang)
    by_citizen = bool(PSEUDONYM.match(subject))
    records = [r for r in report.cases if (r.subject if by_citizen else r.case_id) == subject]
    if not records:
        raise InputError("unknown-subject", subject=subject, cases=cases)
    trace_lang = "en" if output_format == "json" else run.lang  # the JSON trace stays English
    traces = [
        trace_case(result, result.case(r.case_id), r, pseudonymizer, trace_lang) for r in records
    ]
    emit(render_traces(traces, output_format, run.lang, by_citizen, run.reveal_cpr), run.output)
    return ExitCode.OK


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

    output_format = format_of(
        run.output, run.output_format, offered=(*TEXT_FORMATS, "xlsx"), command="sample"
    )
    result = run_audit(cases, tariffs, list(timelogs), run.settings, as_of or dt.date.today())
    report = build_audit_report(
        result, run.pseudonymizer(), reveal_cpr=run.reveal_cpr, lang=run.lang
    )
    drawn = draw_sample(report, count, seed)
    if output_format == "xlsx" and run.output is not None:
        write_atomic(run.output, request_workbook(drawn, reveal_cpr=run.reveal_cpr))
    else:
        emit(render_sample(drawn, output_format, run.lang, reveal_cpr=run.reveal_cpr), run.output)
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
    from bitcheck.render.output import emit, format_of
    from bitcheck.verify import render_verification, verify_report

    output_format = format_of(run.output, run.output_format, offered=TEXT_FORMATS, command="verify")
    result = verify_report(report, cases_path, tariffs, list(timelogs), run.lang)
    emit(render_verification(result, output_format, run.lang), run.output)
    return ExitCode.OK if result.matches else ExitCode.FINDINGS


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

    output_format = format_of(run.output, run.output_format, offered=TEXT_FORMATS, command="rules")
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

    output_format = format_of(run.output, run.output_format, offered=TEXT_FORMATS, command="reveal")
    found = reveal_pseudonyms(list(pseudonyms), cases_path, run.settings, run.pseudonymizer())
    emit(render_reveal(found, output_format, run.lang), run.output)
    missing = [item.pseudonym for item in found if not item.cpr]
    if missing:  # shown as "?"; status 1 is kept for --fail-on, validate and verify (outputs.md §1)
        key_file = run.pseudonymizer().source
        line = i18n.message(
            "reveal-not-found", run.lang, pseudonyms=", ".join(missing), key_file=key_file
        )
        click.echo(f"bitcheck: {line}", err=True)
    return ExitCode.OK
