"""scenarios.md: which case was built to show which rule, and the less common log layouts."""

from __future__ import annotations

from collections.abc import Callable

from .cases import Citizen, Planner
from .planning import Municipality
from .scenarios import SCENARIOS

NOTES = [
    "Notes:",
    "",
    "- § 85 support from the Bostøtten teams is billed per hour (Takstenhed `time`). The model",
    "  catalogue can only say so with a `§ 85 timepris` row at 0 kr/day, so T1/T2 are not",
    "  evaluated for these cases there (`no-expected-tariff`); `takstkatalog_prisliste.xlsx`",
    "  prices the same level per hour. The price list covers two providers only: use it alone",
    "  to see the price-list layout, not together with takstkatalog.xlsx.",
    "- T3 also fires T1 (the særtakst is not in the model), and T4 also fires D3 (no time log).",
    "- Some rows are written as case systems write them: dates and amounts as text, month prices",
    "  (`md`), the total tariff without its parts, CPR numbers without a dash.",
]


def scenario_table(mun: Municipality) -> str:
    """scenarios.md: which case was built to show what."""
    what = {code: (describe(build), rules) for code, rules, build in SCENARIOS}
    lines = [
        "# Scenarios in the generated municipality",
        "",
        f"Written by `examples/generate.py` (seed {mun.seed}, {sum(len(c.cases) for c in mun.citizens)}"
        " cases). Audit with `--as-of 2026-11-24` and the default settings:",
        "",
        "    bitcheck audit examples/sager.xlsx --tariffs examples/takstkatalog.xlsx \\",
        "        --timelogs examples/doegnskemaer --as-of 2026-11-24",
        "",
        "Every other case is built to be in order (need within the level's range, tariff as the",
        "2026 catalogue, reviews due later, goals given, extra hours covered by a time log that",
        "matches the expected hours within a few per cent). Citizens are fictitious: replacement",
        'CPR numbers (day of month + 60) and names "Testborger NNN".',
        "",
        "| case_id | citizen | scenario | built to show | expected findings |",
        "| --- | --- | --- | --- | --- |",
    ]
    for cit in sorted((c for c in mun.citizens if c.scenario), key=lambda c: c.cases[0].case_id):
        text, rules = what[cit.scenario]
        lines.append(f"| {cit.cases[0].case_id} | {cit.name} | {cit.scenario} | {text} | {rules} |")
    lines += ["", *layout_lines(mun), "", *NOTES, ""]
    return "\n".join(lines)


def describe(build: Callable[[Planner], Citizen]) -> str:
    """A scenario builder's docstring as a table cell: "Time log of 10 days"."""
    return (build.__doc__ or "").strip().rstrip(".")


def layout_lines(mun: Municipality) -> list[str]:
    """Which citizens' logs use the less common layouts."""
    lines = ["Time-log layouts other than one long file per citizen:", ""]
    for layout, text in (
        ("grid", "week grids (ugeskema_*.xlsx)"),
        ("split", "two files (_del1, _del2)"),
    ):
        names = [c.name for c in mun.citizens if c.log and c.log.layout == layout]
        lines.append(f"- {text}: {', '.join(names[:12])}{' …' if len(names) > 12 else ''}")
    names = [c.name for c in mun.citizens if c.log and c.log.layout == "csv"]
    lines.append(
        f"- in faelles_udtraek.csv: {', '.join(names[:12])}{' …' if len(names) > 12 else ''}"
    )
    return lines
