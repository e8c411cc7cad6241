"""The scenario builders: one per rule, an otherwise ordinary citizen with one thing changed.

SCENARIOS says what each shows and which rules it fires; scenarios.md lists the cases.
"""

from __future__ import annotations

from collections.abc import Callable

from .cases import Citizen, LogPlan, Planner
from .helpers import AS_OF, add_months, days_ago
from .providers import Level


def scenario_d1(pl: Planner) -> Citizen:
    """Delivered about half the granted hours."""
    cit = pl.residential(108, level=4, kinds=("res108",))
    cit.log = LogPlan(cit.cases[0].provider, factor=0.5)
    return cit


def scenario_d2(pl: Planner) -> Citizen:
    """Delivered about 1.6 times the granted hours."""
    cit = pl.residential(108, level=2, kinds=("res108",))
    cit.log = LogPlan(cit.cases[0].provider, factor=1.6)
    return cit


def scenario_t1(pl: Planner) -> Citizen:
    """Grundtakst 400 kr/day above the catalogue."""
    cit = pl.residential(108, kinds=("res108",))
    cit.cases[0].base = round(cit.cases[0].base + 400, 2)
    return cit


def scenario_t2(pl: Planner) -> Citizen:
    """Basis- and grundtakst 15 % below the catalogue."""
    cit = pl.residential(107, kinds=("res107",))
    case = cit.cases[0]
    case.basic, case.base = round(case.basic * 0.85, 2), round(case.base * 0.85, 2)
    return cit


def scenario_n1(pl: Planner) -> Citizen:
    """Function level 4 at Niveau 2 (range 1-2)."""
    cit = pl.residential(108, level=2, kinds=("res108",))
    cit.cases[0].need = 4
    return cit


def scenario_n2(pl: Planner) -> Citizen:
    """Function level 1 at Niveau 4 (range 3-4)."""
    cit = pl.residential(108, level=4, kinds=("res108",))
    cit.cases[0].need = 1
    return cit


def scenario_t3(pl: Planner) -> Citizen:
    """Særtakst 420 kr/day, no extra hours (time log in order)."""
    cit = pl.residential(108, kinds=("res108",))
    cit.cases[0].special, cit.cases[0].documented = 420.0, "Ja"
    cit.log = LogPlan(cit.cases[0].provider)
    return cit


def scenario_t4(pl: Planner) -> Citizen:
    """Særtakst for 4 extra hours, not documented, no time log."""
    cit = pl.residential(108, kinds=("res108",))
    pl.add_extra_hours(cit, 4)
    cit.cases[0].documented, cit.no_log = "Nej", True
    return cit


def scenario_t5(pl: Planner) -> Citizen:
    """Pakke 5 at a provider whose ladder stops at Pakke 4."""
    cit = pl.residential(108, level=4, kinds=("private",))
    case = cit.cases[0]
    case.level = Level("Pakke 5", None, None, 5650.0)
    case.granted, case.base, case.need, case.special = 50.0, 5650.0, 4, 0.0
    return cit


def scenario_d3(pl: Planner) -> Citizen:
    """Særtakst for 6 extra hours, documented, no time log."""
    cit = pl.residential(108, kinds=("res108",))
    pl.add_extra_hours(cit, 6)
    cit.no_log = True
    return cit


def scenario_d4(pl: Planner) -> Citizen:
    """Time log of 10 days."""
    cit = pl.residential(107, kinds=("res107",))
    cit.log = LogPlan(cit.cases[0].provider, days=10)
    return cit


def scenario_d5(pl: Planner) -> Citizen:
    """Time log with a day of more than 24 hours."""
    cit = pl.residential(108, kinds=("res108",))
    cit.log = LogPlan(cit.cases[0].provider, implausible=True)
    return cit


def scenario_r1(pl: Planner) -> Citizen:
    """Next review 2-5 months overdue."""
    cit = pl.residential(108)
    case = cit.cases[0]
    case.next_review = days_ago(pl.rng.randint(60, 140))
    case.last_review = add_months(case.next_review, -12)
    return cit


def scenario_r2(pl: Planner) -> Citizen:
    """§ 85 grant of 3 years, never reviewed."""
    cit = pl.home85()
    case = cit.cases[0]
    case.start, case.end = days_ago(1100), None
    case.last_review = case.next_review = None
    return cit


def scenario_r3(pl: Planner) -> Citizen:
    """§ 107 temporary stay for 30 months."""
    cit = pl.residential(107, kinds=("res107",))
    cit.cases[0].start, cit.cases[0].end = add_months(AS_OF, -30), None
    return cit


def scenario_r4(pl: Planner) -> Citizen:
    """Grant ended 1-3 months ago, still billed."""
    cit = pl.residential(107, kinds=("res107",))
    case = cit.cases[0]
    case.start, case.end = days_ago(420), days_ago(pl.rng.randint(30, 90))
    case.last_review, case.next_review = days_ago(230), None
    cit.no_log = True
    return cit


def scenario_r5(pl: Planner) -> Citizen:
    """No goals."""
    cit = pl.home85()
    cit.cases[0].goals = ""
    return cit


# code, the rules it fires, the builder (whose docstring says what it shows)
SCENARIOS: list[tuple[str, str, Callable[[Planner], Citizen]]] = [
    ("D1", "D1", scenario_d1),
    ("D2", "D2", scenario_d2),
    ("T1", "T1", scenario_t1),
    ("T2", "T2", scenario_t2),
    ("N1", "N1", scenario_n1),
    ("N2", "N2", scenario_n2),
    ("T3", "T3, T1", scenario_t3),
    ("T4", "T4, D3", scenario_t4),
    ("T5", "T5", scenario_t5),
    ("D3", "D3", scenario_d3),
    ("D4", "D4", scenario_d4),
    ("D5", "D5", scenario_d5),
    ("R1", "R1", scenario_r1),
    ("R2", "R2", scenario_r2),
    ("R3", "R3", scenario_r3),
    ("R4", "R4", scenario_r4),
    ("R5", "R5", scenario_r5),
]
