"""The Municipality: every provider, citizen, case and log plan, decided before any file."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from .cases import Case, Citizen, LogPlan, Planner
from .helpers import AS_OF, SHARE_LOGGED
from .providers import Provider, make_providers
from .scenarios import SCENARIOS


@dataclass
class Municipality:
    """Everything the files are written from."""

    providers: list[Provider]
    citizens: list[Citizen]
    seed: int

    def cases(self) -> Iterator[tuple[Citizen, Case]]:
        """Every case with its citizen, in case_id order."""
        pairs = [(cit, case) for cit in self.citizens for case in cit.cases]
        return iter(sorted(pairs, key=lambda pair: pair[1].case_id))


def plan_citizens(pl: Planner, n_cases: int) -> list[Citizen]:
    """Scenario citizens (each scenario once per 40 cases), then ordinary ones up to n_cases rows."""
    reps = max(1, n_cases // 40)
    recipes = (SCENARIOS * reps)[: n_cases * 3 // 5]
    citizens = []
    for code, _rules, build in recipes:
        cit = build(pl)
        cit.scenario = code
        citizens.append(cit)
    rows = sum(len(c.cases) for c in citizens)
    while rows < n_cases:
        citizens.append(pl.ordinary(n_cases - rows))
        rows += len(citizens[-1].cases)
    return citizens


def unique_cprs(rng: random.Random, count: int) -> list[str]:
    """Replacement CPR numbers: day of month + 60 (61-88), so no real date of birth."""
    seen: set[str] = set()
    while len(seen) < count:
        day, month, year = rng.randint(61, 88), rng.randint(1, 12), rng.randint(1940, 2005)
        seen.add(f"{day:02d}{month:02d}{year % 100:02d}-{rng.randint(0, 9999):04d}")
    cprs = sorted(seen)
    rng.shuffle(cprs)
    return cprs


def caseworkers(rng: random.Random, n_cases: int) -> list[str]:
    """Caseworker initials (three different letters), one caseworker per about 80 cases."""
    seen: set[str] = set()
    while len(seen) < max(3, n_cases // 80):
        seen.add("".join(rng.sample("ABCDEFGHJKLMNOPRSTV", 3)))
    return sorted(seen)


def level_text(rng: random.Random, case: Case) -> str:
    """The level as a case system writes it: "Niveau 3", "Niv. 3" or "3"."""
    if not case.level or case.paragraph == 105:
        return ""
    label = case.level.label
    if label.startswith("Niveau") and rng.random() < 0.3:
        return rng.choice(("Niv. ", "")) + label.split()[-1]
    return label


def finish_citizens(rng: random.Random, citizens: list[Citizen], n_cases: int) -> None:
    """Shuffle, then give numbers, CPRs, case ids, caseworkers, tariffs and level texts."""
    rng.shuffle(citizens)
    cprs = unique_cprs(rng, len(citizens))
    ids = sorted(rng.sample(range(100000, 1000000), sum(len(c.cases) for c in citizens)))
    workers = caseworkers(rng, n_cases)
    next_id = iter(ids)
    for number, cit in enumerate(citizens, 1):
        cit.number, cit.cpr = number, cprs[number - 1]
        for case in cit.cases:
            case.case_id, case.caseworker = next(next_id), rng.choice(workers)
            case.level_text = level_text(rng, case)
            if case.unit == "døgn":
                case.total = round((case.basic or 0) + (case.base or 0), 2)
            if not cit.scenario:
                vary_unit(rng, case)


def vary_unit(rng: random.Random, case: Case) -> None:
    """A few day tariffs as month prices; some rows with the total tariff only."""
    if case.unit != "døgn":
        return
    r = rng.random()
    case.unit = "md" if r < 0.05 else "pr. døgn" if r < 0.08 else "døgn"
    if rng.random() < 0.12 and not case.special:
        case.basic = case.base = None


def choose_logs(rng: random.Random, citizens: list[Citizen]) -> None:
    """Give about 40 % of the citizens a time log: first those whose extra hours need one."""
    target = round(SHARE_LOGGED * len(citizens))
    for cit in citizens:
        if cit.log is None and not cit.no_log and cit.cases[0].extra:
            cit.log = LogPlan(cit.cases[0].provider)
    pool = [c for c in citizens if c.log is None and not c.no_log and not c.scenario]
    pool = [
        c
        for c in pool
        if any(k.expected_hours() and k.paragraph in (85, 107, 108) for k in c.cases)
    ]
    logged = sum(1 for c in citizens if c.log)
    for cit in rng.sample(pool, max(0, min(len(pool), target - logged))):
        case = next(k for k in cit.cases if k.expected_hours() and k.paragraph in (85, 107, 108))
        cit.log = LogPlan(case.provider)


def choose_layouts(rng: random.Random, citizens: list[Citizen]) -> None:
    """Periods and layouts: mostly long files; some split, two+ grids, three+ in the CSV."""
    logged = [c for c in citizens if c.log]
    for cit in logged:
        cit.log.days = cit.log.days or rng.choice((21, 21, 14))
        cit.log.end = last_sunday() - timedelta(days=rng.choice((0, 0, 0, 0, 7, 14)))
    plain = [c for c in logged if not c.scenario and not c.cases[0].extra]
    residents = [c for c in plain if c.log.provider.kind != "home85"]
    grids = rng.sample(residents, min(len(residents), max(2, round(len(logged) * 0.03))))
    for cit in grids:
        cit.log.layout, cit.log.days = "grid", 21
    rest = [c for c in plain if c.log.layout == "long"]
    for cit in rng.sample(rest, min(len(rest), max(3, round(len(logged) * 0.03)))):
        cit.log.layout = "csv"
    rest = [c for c in rest if c.log.layout == "long" and c.log.days == 21]
    for cit in rng.sample(rest, min(len(rest), max(1, round(len(logged) * 0.1)))):
        cit.log.layout = "split"


def last_sunday() -> date:
    """The Sunday before the as-of date: where most log periods end."""
    return AS_OF - timedelta(days=AS_OF.weekday() + 1)


def plan_municipality(n_cases: int, seed: int) -> Municipality:
    """Decide every provider, citizen, case and log plan (no files yet)."""
    rng = random.Random(seed)
    providers = make_providers(rng, n_cases)
    planner = Planner(rng, providers)
    citizens = plan_citizens(planner, n_cases)
    finish_citizens(rng, citizens, n_cases)
    choose_logs(rng, citizens)
    choose_layouts(rng, citizens)
    return Municipality(providers, citizens, seed)
