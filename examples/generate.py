"""Generate a synthetic municipality for bitcheck: case export, tariff catalogue, time logs.

    python examples/generate.py --cases 40 --seed 7 --out examples

Everything is fictitious. CPR numbers are replacement numbers (day of month + 60, days 61-88),
citizens are called "Testborger NNN", and every date is relative to the municipality's as-of
date, 24-11-2026, never to today. The same seed and size give the same files, byte for byte.

What is written under OUT (see shared/spec/contract.md for the layouts):
    sager.xlsx                  the case export (§1), as a case system writes it
    takstkatalog.xlsx           the tariff catalogue, model layout (§2a), 2025 and 2026
    takstkatalog_prisliste.xlsx two providers' 2026 prices in the price-list layout (§2b)
    doegnskemaer/               time logs for about 40 % of the citizens (§3a long, §3b grids,
                                and one multi-citizen CSV in Windows-1252)
    scenarios.md                which case was built to show which rule
"""

from __future__ import annotations

import argparse
import csv
import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import xlsxwriter

HERE = Path(__file__).resolve().parent
AS_OF = date(2026, 11, 24)
EXCEL_EPOCH = date(1899, 12, 30)
CREATED_AT = "Dannet 24-11-2026 06:12"
CREATED_DATETIME = datetime(2026, 11, 24, 6, 12)
PRICE_INDEX_2026 = 1.032  # 2025 prices are the 2026 prices / this index
SHARE_LOGGED = 0.40  # citizens with a time log
REVIEW_MONTHS = {107: 6, 103: 6}  # else 12, as rules.md's defaults
VUM = ["Ingen", "Let", "Moderat", "Svært", "Fuldstændig"]

DIRECT, SHARED, INDIRECT = "Direkte", "Delt", "Indirekte"
NIGHT_AWAKE, NIGHT_SLEEPING = "Nattevagt vågen", "Nattevagt sovende"
COUNTED_KINDS = (DIRECT, SHARED)  # direct support: counted as delivered


# --------------------------------------------------------------------------- small helpers


def add_months(d: date, months: int) -> date:
    """Add months, clamping to the month's last day (31-01 + 1 month = 28-02)."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(d.day, last))


def days_ago(n: int) -> date:
    """The date n days before the as-of date (negative n: after it)."""
    return AS_OF - timedelta(days=n)


def dk_date(d: date) -> str:
    """A date as Danish text: 02-03-2025."""
    return d.strftime("%d-%m-%Y")


def dk_amount(x: float) -> str:
    """An amount as Danish text: 1.234,50."""
    return f"{x:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")


def dk_number(x: float) -> str:
    """Hours or minutes with a decimal comma: 10,5 (never a thousands separator)."""
    return f"{x:g}".replace(".", ",")


def hhmm(minute: int) -> str:
    """Minutes since midnight as a clock time, wrapping past midnight."""
    return f"{minute // 60 % 24:02d}:{minute % 60:02d}"


def slug(text: str) -> str:
    """A file-name-safe ASCII form of a provider name."""
    text = text.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    return "".join(ch if ch.isalnum() else "_" for ch in text).strip("_")


def round5(x: float, low: int = 5) -> int:
    """Round minutes to the nearest 5, at least `low`."""
    return max(low, int(round(x / 5.0)) * 5)


# --------------------------------------------------------------------------- providers


@dataclass
class Level:
    """One step of a provider's tariff ladder, as the 2026 catalogue prices it."""

    label: str
    hours: float | None  # normerede timer pr. uge
    need: tuple[int, int] | None  # funktionsniveau fra / til
    base: float  # grundtakst pr. døgn (0 for a level priced per hour)


@dataclass
class Provider:
    """A provider (tilbud) with its 2026 prices."""

    name: str
    pid: int
    kind: str  # res108, res107, private, home85, housing105, day104, work103
    basic: float  # basistakst pr. døgn
    hourly: float  # timepris: extra hours, or § 85 support per hour
    levels: list[Level] = field(default_factory=list)

    def level(self, n: int) -> Level:
        """Level n (1-based)."""
        return self.levels[n - 1]


def band_levels(rng: random.Random, count: int, width: float, needs: list[tuple[int, int]]):
    """Levels in bands `width` hours wide, priced at the band's midpoint (≈317 kr per hour)."""
    rate = rng.uniform(302, 332)
    levels = []
    for n in range(1, count + 1):
        hours = round(width * n - width / 2, 2)
        levels.append(Level(f"Niveau {n}", hours, needs[n - 1], round(hours * rate / 7, 2)))
    return levels


NEEDS_5 = [(0, 1), (1, 2), (2, 3), (3, 4), (4, 4)]
NEEDS_3 = [(0, 1), (1, 3), (3, 4)]
PRIVATE_LADDER = [
    (5, 2730.0, (0, 1)),
    (12, 3130.0, (1, 2)),
    (25, 3840.0, (2, 3)),
    (43, 4810.0, (3, 4)),
]
PLACES = [
    "Egely", "Lindehøj", "Solsikken", "Birkely", "Æblehaven", "Søbakken", "Rønnebo", "Toftegården",
    "Kildevang", "Elmely", "Bakkehuset", "Granly", "Skovbrynet", "Havbakken", "Engtoften", "Lærkely",
    "Mosegården", "Fyrrelund", "Strandly", "Hybenhaven", "Vibeholm", "Ahornhuset", "Bøgely", "Nøddelunden",
    "Rosenvænget", "Kærgården", "Højbo", "Agerhuset", "Pilehuset", "Tjørnely", "Tranebo", "Ørnereden",
    "Spurvehuset", "Mågevej", "Fjordglimt", "Åbrinken", "Holmegården",
]  # fmt: skip
RES_PREFIXES = ("Bofællesskabet", "Botilbuddet", "Bostedet", "Boligerne")
TEAM_AREAS = ("Nord", "Syd", "Øst", "Vest", "Midt", "Kyst", "By", "Land")


def residential(rng: random.Random, name: str, pid: int, kind: str) -> Provider:
    """A municipal or regional home with levels 1-5 in 7-hour bands."""
    p = Provider(name, pid, kind, round(rng.uniform(995, 1409), 2), float(rng.randint(394, 440)))
    p.levels = band_levels(rng, 5, 7.0, NEEDS_5)
    return p


def private_home(pid: int) -> Provider:
    """A private home whose ladder names the hours per step (about 6 % above municipal)."""
    p = Provider("Botilbuddet Kastanjegården ApS", pid, "private", 0.0, 459.0)
    p.levels = [
        Level(f"Pakke {i}", h, need, price) for i, (h, price, need) in enumerate(PRIVATE_LADDER, 1)
    ]
    return p


def home_support(rng: random.Random, area: str, pid: int) -> Provider:
    """A § 85 home-support team, billed per hour."""
    hourly = float(rng.choice((465, 475, 490, 510)))
    return Provider(
        f"Bostøtten {area}", pid, "home85", 0.0, hourly, [Level("§ 85 timepris", None, None, 0.0)]
    )


def fixed_providers(rng: random.Random) -> list[Provider]:
    """The eight providers every municipality has, whatever its size."""
    providers = [
        residential(rng, "Bofællesskabet Egely", 41023, "res108"),
        residential(rng, "Bostedet Lindehøj", 41187, "res108"),
        residential(rng, "Botilbuddet Solsikken", 41256, "res107"),
        private_home(52310),
        home_support(rng, "Nord", 60114),
    ]
    lark = Provider("Bofællesskabet Lærkevej", 60271, "housing105", 310.0, 410.0)
    lark.levels = band_levels(rng, 3, 7.0, [(0, 1), (1, 2), (2, 4)])
    clover = Provider("Aktivitetscentret Kløverhuset", 70332, "day104", 540.0, 0.0)
    clover.levels = band_levels(rng, 3, 2.33, NEEDS_3)
    works = Provider("Værkstedet Højvang", 70418, "work103", 480.0, 0.0)
    works.levels = band_levels(rng, 2, 2.33, [(0, 2), (2, 4)])
    return providers + [lark, clover, works]


def make_providers(rng: random.Random, n_cases: int) -> list[Provider]:
    """Fixed providers plus more homes and teams as the municipality grows."""
    providers = fixed_providers(rng)
    names = [f"{pre} {place}" for place in PLACES[3:] for pre in RES_PREFIXES]
    for i in range(max(0, n_cases // 150 - 2)):
        kind = "res108" if i % 3 else "res107"
        providers.append(residential(rng, names[i % len(names)], 42000 + i, kind))
    for i, area in enumerate(TEAM_AREAS[1 : 1 + n_cases // 1000]):
        providers.append(home_support(rng, area, 61000 + i))
    return providers


# --------------------------------------------------------------------------- cases


@dataclass
class Case:
    """One row of the case export: one granted intervention of a citizen."""

    paragraph: int
    provider: Provider
    level: Level | None
    need: int | None
    start: date
    granted: float | None = None
    extra: float = 0.0
    basic: float | None = None
    base: float | None = None
    special: float = 0.0
    total: float | None = None
    unit: str = "døgn"
    end: date | None = None
    last_review: date | None = None
    next_review: date | None = None
    goals: str = ""
    documented: str = ""
    case_id: int = 0
    caseworker: str = ""
    level_text: str = ""

    def expected_hours(self) -> float | None:
        """Expected hours per week, as contract.md derives them."""
        if self.granted:
            return self.granted
        if self.level and self.level.hours:
            return self.level.hours + self.extra
        return self.extra or None


@dataclass
class LogPlan:
    """What a citizen's time log will show."""

    provider: Provider
    factor: float = 1.0  # delivered / expected
    days: int = 0  # period length; 0 until chosen
    end: date = AS_OF
    layout: str = "long"  # long, split, grid, csv
    implausible: bool = False  # one day over 24 hours (D5)


@dataclass
class Citizen:
    """A citizen with one or two cases and perhaps a time log."""

    cases: list[Case]
    scenario: str = ""
    log: LogPlan | None = None
    no_log: bool = False  # a scenario that needs no time log to cover it
    number: int = 0
    cpr: str = ""

    @property
    def name(self) -> str:
        """An obviously fake name."""
        return f"Testborger {self.number:03d}"

    def logged_hours(self) -> float:
        """Expected hours per week of the cases the log covers (ongoing, same provider)."""
        assert self.log is not None
        hours = [
            c.expected_hours() or 0.0
            for c in self.cases
            if c.provider is self.log.provider and not (c.end and c.end < AS_OF)
        ]
        return sum(hours)


GOALS = (
    "Borgeren handler selv ind én gang om ugen",
    "Borgeren tager selv sin morgenmedicin",
    "Borgeren deltager i dagtilbud tre dage om ugen",
    "Borgeren klarer egen tøjvask med guide",
    "Borgeren har kontakt til familien hver uge",
    "Borgeren kan bruge bus alene til arbejde",
    "Færre konflikter i fællesskabet",
    "Borgeren styrer selv sin økonomi med støtte til regninger",
)


def review_dates(
    rng: random.Random, start: date, paragraph: int
) -> tuple[date | None, date | None]:
    """Last and next review, both in order: due after the as-of date plus a month."""
    months = REVIEW_MONTHS.get(paragraph, 12)
    if rng.random() < 0.8:
        nxt = days_ago(-rng.randint(40, months * 30 - 5))
        last = add_months(nxt, -months)
        return (last if last > start else None), nxt
    last = days_ago(rng.randint(20, months * 30 - 60))
    if last <= start:
        return None, days_ago(-rng.randint(40, 150))
    return last, None


def goals_text(rng: random.Random) -> str:
    """Goals as a text, sometimes as a count."""
    if rng.random() < 0.1:
        return str(rng.randint(1, 4))
    return "; ".join(rng.sample(GOALS, rng.randint(1, 2)))


def set_tariff(case: Case) -> None:
    """Bill the case exactly as the 2026 catalogue prices it."""
    p = case.provider
    if p.kind == "home85":
        case.total, case.unit = p.hourly, "time"
        return
    case.basic = p.basic if p.basic else None
    case.base = case.level.base if case.level else None
    case.total = round((case.basic or 0) + (case.base or 0), 2)
    case.special = round(case.extra * p.hourly / 7, 2) if case.extra else 0.0


class Planner:
    """Builds citizens and cases with a random source and the provider list."""

    def __init__(self, rng: random.Random, providers: list[Provider]) -> None:
        self.rng = rng
        self.by_kind: dict[str, list[Provider]] = {}
        for p in providers:
            self.by_kind.setdefault(p.kind, []).append(p)

    def pick(self, *kinds: str) -> Provider:
        """A provider of one of the kinds."""
        return self.rng.choice([p for k in kinds for p in self.by_kind.get(k, [])])

    def case(self, paragraph: int, provider: Provider, level: int | None, start: date) -> Case:
        """A case at `provider`, in order: need within the level's range, reviews due later."""
        rng = self.rng
        lv = provider.level(level) if level else None
        need = rng.randint(*lv.need) if lv and lv.need else rng.randint(1, 3)
        c = Case(paragraph, provider, lv, need, start, goals=goals_text(rng))
        c.last_review, c.next_review = review_dates(rng, start, paragraph)
        if lv and lv.hours and provider.kind not in ("day104", "work103"):
            low = lv.hours - (3.0 if provider.kind != "private" else 0.0)
            c.granted = round(rng.uniform(max(low, 1.0), lv.hours + 3.0) * 2) / 2
            if provider.kind == "private" or rng.random() < 0.1:
                c.granted = None if rng.random() < 0.5 else lv.hours
        if paragraph != 105:
            set_tariff(c)
        return c

    def level_for(self, provider: Provider) -> int:
        """A level, weighted towards the middle of the ladder."""
        n = len(provider.levels)
        weights = [1, 2.5, 3, 2.5, 1][:n]
        return self.rng.choices(range(1, n + 1), weights=weights)[0]

    def residential(
        self, paragraph: int = 108, level: int | None = None, kinds: tuple[str, ...] = ()
    ) -> Citizen:
        """A citizen in a § 107 or § 108 home."""
        rng = self.rng
        kinds = kinds or (("res108", "private") if paragraph == 108 else ("res107", "private"))
        provider = self.pick(*kinds)
        level = min(level or self.level_for(provider), len(provider.levels))
        start = days_ago(rng.randint(300, 4000) if paragraph == 108 else rng.randint(120, 600))
        case = self.case(paragraph, provider, level, start)
        if paragraph == 107 and rng.random() < 0.4:
            case.end = days_ago(-rng.randint(60, 365))
        return Citizen([case])

    def home85(self) -> Citizen:
        """A citizen with § 85 support at home, billed per hour."""
        rng = self.rng
        start = days_ago(rng.randint(90, 1500))
        case = self.case(85, self.pick("home85"), 1, start)
        case.granted = rng.randint(4, 24) / 2
        if rng.random() < 0.5:
            case.end = days_ago(-rng.randint(60, 540))
        return Citizen([case])

    def housing105(self) -> Citizen:
        """A § 105 flat with § 85 support from the same provider: two rows."""
        rng = self.rng
        provider, start = self.pick("housing105"), days_ago(rng.randint(200, 2500))
        housing = self.case(105, provider, None, start)
        housing.unit, housing.goals = "", housing.goals or GOALS[0]
        support = self.case(85, provider, self.level_for(provider), start)
        housing.need = support.need
        return Citizen([housing, support])

    def with_day_service(self, paragraph: int) -> Citizen:
        """A § 108 resident who also attends § 104 day activities (or § 103 work)."""
        cit = self.residential(108)
        kind = "day104" if paragraph == 104 else "work103"
        provider = self.pick(kind)
        need = cit.cases[0].need or 2
        level = next(
            i for i, lv in enumerate(provider.levels, 1) if lv.need[0] <= need <= lv.need[1]
        )
        day = self.case(paragraph, provider, level, days_ago(self.rng.randint(200, 3000)))
        day.need = need
        cit.cases.append(day)
        return cit

    def add_extra_hours(self, cit: Citizen, hours: float) -> None:
        """Grant extra 1:1 hours on top of the level (and so a særtakst)."""
        case = cit.cases[0]
        case.extra = hours
        if case.granted:
            case.granted += hours
        case.special = round(hours * case.provider.hourly / 7, 2)
        case.documented = "Ja"

    def ordinary(self, rows_left: int) -> Citizen:
        """An unremarkable citizen: everything in order, both ways."""
        rng = self.rng
        pairs = 0.07 if rows_left > 1 else 0.0  # 105 + 85 and 108 + 104 need two rows
        kinds, weights = (
            ["108", "107", "85", "105", "104", "103"],
            [0.34, 0.21, 0.27, pairs, pairs, 0.04],
        )
        kind = rng.choices(kinds, weights=weights)[0]
        if kind in ("108", "107"):
            cit = self.residential(int(kind))
            if rng.random() < 0.12:
                self.add_extra_hours(cit, rng.randint(2, 8))
        elif kind == "85":
            cit = self.home85()
        elif kind == "105":
            cit = self.housing105()
        elif kind == "104":
            cit = self.with_day_service(104)
        else:
            cit = self.citizen_103()
        return cit

    def citizen_103(self) -> Citizen:
        """A citizen in § 103 sheltered employment only."""
        provider = self.pick("work103")
        case = self.case(
            103, provider, self.level_for(provider), days_ago(self.rng.randint(200, 2500))
        )
        return Citizen([case])


# --------------------------------------------------------------------------- scenarios
# One builder per rule: an otherwise ordinary citizen with one thing changed. SCENARIOS below
# says what each shows and which rules it fires; scenarios.md lists the cases.


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


# --------------------------------------------------------------------------- the municipality


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


# --------------------------------------------------------------------------- time-log entries


@dataclass
class Entry:
    """One logged intervention. `start` in minutes since midnight; it may run past midnight."""

    day: date
    start: int
    minutes: int
    activity: str
    category: str
    kind: str = DIRECT
    staff: int = 1
    residents: int = 1

    @property
    def end(self) -> int:
        """End in minutes since midnight, wrapped."""
        return (self.start + self.minutes) % 1440

    def one_to_one(self) -> float:
        """1:1-equivalent minutes of direct support (0 for indirect and night watch)."""
        return self.minutes * self.staff / self.residents if self.kind in COUNTED_KINDS else 0.0


MORNING = [
    ("Morgenpleje og personlig hygiejne", "Egenomsorg"),
    ("Hjælp til påklædning", "Egenomsorg"),
]
EVENING = [("Støtte til aftenrutine", "Egenomsorg"), ("Samtale før sengetid", "Mentale funktioner")]
DAYTIME = [
    ("Medicinudlevering og observation", "Sundhed"),
    ("Rengøring af bolig", "Praktiske opgaver"),
    ("Tøjvask", "Praktiske opgaver"),
    ("Indkøb med støtte", "Praktiske opgaver"),
    ("Støtte til post og økonomi", "Samfundsliv"),
    ("Kontakt til jobcenter", "Samfundsliv"),
    ("Ledsagelse til lægebesøg", "Sundhed"),
    ("Gåtur og motion", "Sundhed"),
    ("Samtale om dagens struktur", "Mentale funktioner"),
    ("Støtte ved uro og angst", "Mentale funktioner"),
    ("Telefonopkald til pårørende", "Kommunikation"),
    ("Hjælp med e-Boks og breve", "Kommunikation"),
    ("Tur i byen og café", "Socialt liv"),
    ("Bad og hårvask", "Egenomsorg"),
]
# activity, category, clock start, minutes, staff, residents
MEALS = [
    ("Morgenmad i fællesstuen", "Egenomsorg", 8 * 60, 30, 2, 4),
    ("Frokost", "Egenomsorg", 12 * 60, 30, 2, 4),
    ("Fællesaktivitet: spil og hygge", "Socialt liv", 15 * 60, 60, 1, 4),
    ("Fælles madlavning og aftensmad", "Praktiske opgaver", 17 * 60 + 30, 60, 2, 5),
]
# where the day's 1:1 entries start (hour, minute); the first is the morning care
ANCHORS = [h * 60 + m for h, m in ((7, 15), (9, 0), (10, 0), (11, 0), (13, 0), (14, 0))]
ANCHORS += [h * 60 + m for h, m in ((16, 0), (19, 0), (20, 30), (21, 30))]
NIGHT_DIRECT = [("Samtale ved uro om natten", "Mentale funktioner", 23 * 60 + 30, 60)]
NIGHT_DIRECT += [("Hjælp til toiletbesøg", "Egenomsorg", 2 * 60 + 10, 20)]
VISITS = DAYTIME[1:6] + DAYTIME[8:12]


def shared_entries(rng: random.Random, day: date, target: float) -> list[Entry]:
    """Meals and group activities, while they cover at most half the day's target."""
    entries, covered = [], 0.0
    for activity, category, start, minutes, staff, residents in MEALS:
        minutes = minutes + rng.choice((-10, -5, 0, 0, 5, 15))
        eq = minutes * staff / residents
        if covered + eq <= 0.5 * target and rng.random() < 0.9:
            entries.append(Entry(day, start, minutes, activity, category, SHARED, staff, residents))
            covered += eq
    return entries


def individual_entries(rng: random.Random, day: date, target: float) -> list[Entry]:
    """1:1 entries at the day's anchors, their minutes adding up to `target`."""
    k = max(1, min(len(ANCHORS) - 1, round(target / 22)))
    anchors = [ANCHORS[0]] + sorted(rng.sample(ANCHORS[1:], k - 1)) if k > 1 else [ANCHORS[0]]
    weights = [rng.uniform(0.6, 1.4) for _ in anchors]
    scale = target / sum(weights)
    entries = []
    for anchor, weight in zip(anchors, weights, strict=True):
        activity, category = pick_activity(rng, anchor)
        staff = 2 if anchor == ANCHORS[0] and target > 200 else 1
        minutes = round5(weight * scale / staff)
        entries.append(Entry(day, anchor, minutes, activity, category, DIRECT, staff))
    return entries


def pick_activity(rng: random.Random, anchor: int) -> tuple[str, str]:
    """What staff typically do at that time of day."""
    if anchor < 8 * 60:
        return rng.choice(MORNING)
    if anchor >= 20 * 60:
        return rng.choice(EVENING)
    return rng.choice(DAYTIME)


def lay_out(entries: list[Entry]) -> list[Entry]:
    """Place entries one after another from their anchors, never overlapping."""
    cursor = 0
    for entry in sorted(entries, key=lambda e: e.start):
        entry.start = max(entry.start, cursor + 5)
        cursor = entry.start + entry.minutes
    return sorted(entries, key=lambda e: e.start)


def residential_day(rng: random.Random, day: date, target: float, style: dict) -> list[Entry]:
    """One day in a home: meals, 1:1 support, documentation, perhaps a night entry."""
    entries: list[Entry] = []
    if rng.random() < 0.12 and target > 60:
        activity, category, start, minutes = rng.choice(NIGHT_DIRECT)
        entries.append(Entry(day, start, minutes, activity, category))
        target -= minutes
    day_entries = medicine_rounds(day) if target > 40 else []
    day_entries += shared_entries(rng, day, target)
    rest = target - sum(e.one_to_one() for e in day_entries)
    day_entries += individual_entries(rng, day, rest) if rest > 2 else []
    entries += lay_out(day_entries) + indirect_entries(rng, day)
    if style["night"]:
        entries.append(Entry(day, 23 * 60, 480, "Nattevagt", "", style["night"]))
    return entries


def medicine_rounds(day: date) -> list[Entry]:
    """Morning and evening medicine, five minutes each."""
    return [
        Entry(day, start, 5, "Medicinudlevering", "Sundhed") for start in (8 * 60 + 45, 20 * 60)
    ]


def indirect_entries(rng: random.Random, day: date) -> list[Entry]:
    """Documentation at the end of the day and evening shifts; a weekly meeting."""
    entries = [
        Entry(day, start, rng.choice((5, 10, 15)), "Dokumentation", "", INDIRECT)
        for start in (14 * 60 + 45, 22 * 60)
    ]
    if day.weekday() == 2 and rng.random() < 0.5:
        entries.append(Entry(day, 13 * 60 + 30, 45, "Møde uden borger", "", INDIRECT))
    return entries


def visit_day(rng: random.Random, day: date, target: float, style: dict) -> list[Entry]:
    """One day of § 85 home support: a visit of 1-3 activities, then documentation."""
    parts = max(1, min(3, round(target / 50)))
    start = style["visit_at"] + rng.choice((-30, 0, 0, 30))
    entries = []
    for minutes in split_minutes(rng, target, parts):
        activity, category = rng.choice(VISITS)
        entries.append(Entry(day, start, minutes, activity, category))
        start += minutes
    entries.append(Entry(day, start + 5, 10, "Dokumentation", "", INDIRECT))
    return entries


def split_minutes(rng: random.Random, total: float, parts: int) -> list[int]:
    """Split minutes into parts of at least 5, each a multiple of 5."""
    weights = [rng.uniform(0.6, 1.4) for _ in range(parts)]
    return [round5(total * w / sum(weights)) for w in weights]


def log_days(plan: LogPlan) -> list[date]:
    """Every day of the log's period."""
    first = plan.end - timedelta(days=plan.days - 1)
    return [first + timedelta(days=i) for i in range(plan.days)]


def log_style(rng: random.Random, plan: LogPlan) -> dict:
    """How this provider's log looks and what its days hold."""
    home = plan.provider.kind != "home85"
    night = rng.choice((NIGHT_SLEEPING, NIGHT_SLEEPING, NIGHT_AWAKE, None)) if home else None
    visits = sorted(rng.sample(range(5), 3 if rng.random() < 0.6 else 2)) if not home else []
    return {
        "night": night,
        "visit_days": visits,
        "visit_at": rng.choice((9 * 60, 10 * 60, 13 * 60)),
        "minutes_column": rng.random() < 0.35,
        "text_times": rng.random() < 0.5,
        "header_cells": rng.random() < 0.3,
        "cpr_column": rng.random() < 0.1,
        "sheet": rng.choice(("Døgnskema", "Ark1", "Registrering")),
    }


def log_entries(cit: Citizen, seed: int) -> tuple[list[Entry], dict]:
    """A citizen's time-log entries and the look of its file, from the citizen's own seed."""
    plan = cit.log
    assert plan is not None
    rng = random.Random(f"{seed}/log/{cit.number}")
    style = log_style(rng, plan)
    days = log_days(plan)
    if plan.provider.kind == "home85":
        days = [d for d in days if d.weekday() in style["visit_days"]]
        build = visit_day
    else:
        build = residential_day
    total = cit.logged_hours() * plan.factor * 60 * plan.days / 7
    entries = budgeted_days(rng, days, total, lambda d, t: build(rng, d, t, style))
    if plan.implausible:
        entries += implausible_day(days[5])
    entries.sort(key=lambda e: (e.day, e.start))
    return entries, style


def implausible_day(day: date) -> list[Entry]:
    """A trip logged as support round the clock, plus the night watch: over 24 hours (D5)."""
    return [
        Entry(day, 7 * 60, 1425, "Sommerhustur, støtte hele døgnet", "Socialt liv"),
        Entry(day, 23 * 60, 480, "Nattevagt", "", NIGHT_SLEEPING),
    ]


def budgeted_days(
    rng: random.Random, days: list[date], total: float, build: Callable[[date, float], list[Entry]]
) -> list[Entry]:
    """Build day after day, each aiming at its share of what remains, so the sum meets `total`."""
    entries: list[Entry] = []
    remaining = total
    for i, day in enumerate(days):
        left = len(days) - i
        target = remaining / left * (rng.uniform(0.8, 1.2) if left > 1 else 1.0)
        made = build(day, max(target, 5.0))
        remaining -= sum(e.one_to_one() for e in made)
        entries += made
    return entries


def grid_minutes(cit: Citizen, seed: int) -> dict[date, list[tuple[int, int, str]]]:
    """Week-grid content: per day, (slot hour, minutes, activity or "")."""
    plan = cit.log
    assert plan is not None
    rng = random.Random(f"{seed}/grid/{cit.number}")
    total = cit.logged_hours() * plan.factor * 60 * plan.days / 7
    per_day = total / plan.days
    grid = {}
    for day in log_days(plan):
        target = per_day * rng.uniform(0.8, 1.2)
        hours = sorted(rng.sample(range(7, 23), max(1, min(12, round(target / 40)))))
        cells = []
        for hour, minutes in zip(hours, split_minutes(rng, target, len(hours)), strict=True):
            label = pick_activity(rng, hour * 60)[0].lower() if rng.random() < 0.4 else ""
            cells.append((hour, min(60, minutes), label))
        grid[day] = cells
    return grid


# --------------------------------------------------------------------------- writing xlsx


def new_workbook(path: Path) -> tuple[Any, dict[str, Any]]:
    """An xlsxwriter workbook with fixed metadata (for identical bytes) and its formats."""
    wb = xlsxwriter.Workbook(
        str(path), {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False}
    )
    wb.set_properties({"author": "bitcheck examples", "created": CREATED_DATETIME})
    formats = {
        "date": wb.add_format({"num_format": "dd-mm-yyyy"}),
        "time": wb.add_format({"num_format": "hh:mm"}),
        "amount": wb.add_format({"num_format": "#,##0.00"}),
        "bold": wb.add_format({"bold": True}),
    }
    return wb, formats


def put(ws: Any, fmt: dict[str, Any], row: int, col: int, value: Any) -> None:
    """Write a value with the cell type it has: date cell, number, text; None stays empty."""
    if value is None or value == "":
        return
    if isinstance(value, date):
        ws.write_number(row, col, (value - EXCEL_EPOCH).days, fmt["date"])
    elif isinstance(value, float):
        ws.write_number(row, col, value, fmt["amount"])
    elif isinstance(value, int):
        ws.write_number(row, col, value)
    else:
        ws.write_string(row, col, value)


CASE_HEADERS = [
    "Sagsnr", "CPR-nr", "Navn", "Sagsbehandler", "Paragraf", "Tilbud", "Tilbuds-id",
    "Bevilget fra", "Bevilget til", "Funktionsniveau", "Takstniveau", "Bevilgede timer pr. uge",
    "Ekstra timer pr. uge", "Basistakst", "Grundtakst", "Særtakst", "Takst", "Takstenhed",
    "Seneste opfølgning", "Næste opfølgning", "Indsatsmål", "Særtakst dokumenteret",
]  # fmt: skip
SUMMED = ("Bevilgede timer pr. uge", "Ekstra timer pr. uge", "Basistakst", "Grundtakst")
SUMMED += ("Særtakst", "Takst")
PARAGRAPH_TEXT = {105: "ABL § 105"}
PARAGRAPH_VARIANTS = ("§ {}", "Servicelovens § {}", "{}")


class CaseRowWriter:
    """Turns a case into the cells of one export row, with the cell types real exports mix."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def date(self, d: date | None) -> date | str | None:
        """Mostly a date cell; one in ten as text."""
        return dk_date(d) if d and self.rng.random() < 0.1 else d

    def amount(self, x: float | None, scale: float) -> float | str | None:
        """Mostly a number; one in ten as Danish text."""
        if x is None:
            return None
        x = round(x * scale, 2)
        return dk_amount(x) if x and self.rng.random() < 0.1 else float(x)

    def hours(self, x: float | None) -> float | str | None:
        """Hours as a number, sometimes as text with a decimal comma."""
        if x is None:
            return None
        return dk_number(x) if self.rng.random() < 0.08 else float(x)

    def paragraph(self, n: int) -> str:
        """Mostly "SEL § 108"; sometimes another way of writing it."""
        if n in PARAGRAPH_TEXT:
            return PARAGRAPH_TEXT[n]
        if self.rng.random() < 0.06:
            return self.rng.choice(PARAGRAPH_VARIANTS).format(n)
        return f"SEL § {n}"

    def need(self, n: int | None) -> str | int | None:
        """ "3 - Svært" mostly; sometimes the word or the digit alone."""
        if n is None:
            return None
        r = self.rng.random()
        return VUM[n] if r < 0.05 else n if r < 0.1 else f"{n} - {VUM[n]}"

    def cpr(self, cpr: str) -> str:
        """CPR with a dash, sometimes without or with a space."""
        r = self.rng.random()
        return cpr.replace("-", "") if r < 0.1 else cpr.replace("-", " ") if r < 0.15 else cpr

    def cells(self, cit: Citizen, case: Case) -> list[Any]:
        """All cells of the row, in CASE_HEADERS order."""
        scale = 365 / 12 if case.unit == "md" else 1.0
        has_tariff = case.total is not None
        return [
            case.case_id, self.cpr(cit.cpr), cit.name, case.caseworker,
            self.paragraph(case.paragraph), case.provider.name, case.provider.pid,
            self.date(case.start), self.date(case.end), self.need(case.need), case.level_text,
            self.hours(case.granted), self.hours(case.extra) if has_tariff else None,
            self.amount(case.basic, scale), self.amount(case.base, scale),
            self.amount(case.special, scale) if has_tariff else None,
            self.amount(case.total, scale), case.unit, self.date(case.last_review),
            self.date(case.next_review), case.goals, case.documented,
        ]  # fmt: skip


def write_cases(path: Path, mun: Municipality) -> int:
    """sager.xlsx: title rows, header on row 4, one row per case, an "I alt" row."""
    rng = random.Random(f"{mun.seed}/cases")
    wb, fmt = new_workbook(path)
    ws = wb.add_worksheet("Udtræk")
    ws.write_string(0, 0, "Udtræk fra fagsystem", fmt["bold"])
    ws.write_string(1, 0, CREATED_AT)
    ws.write_row(3, 0, CASE_HEADERS, fmt["bold"])
    writer, sums = CaseRowWriter(rng), [0.0] * len(CASE_HEADERS)
    row = 4
    for row, (cit, case) in enumerate(mun.cases(), start=4):
        for col, value in enumerate(writer.cells(cit, case)):
            put(ws, fmt, row, col, value)
            if CASE_HEADERS[col] in SUMMED and value not in (None, ""):
                sums[col] += parse_dk(value)
    ws.write_string(row + 1, 0, "I alt", fmt["bold"])
    for col, header in enumerate(CASE_HEADERS):
        if header in SUMMED:
            ws.write_number(row + 1, col, round(sums[col], 2), fmt["amount"])
    ws.set_column(0, len(CASE_HEADERS) - 1, 14)
    wb.close()
    return row - 3


def parse_dk(value: float | str) -> float:
    """The number in a cell this generator wrote (a number, "1.234,50" or "10,5")."""
    if isinstance(value, str):
        return float(value.replace(".", "").replace(",", "."))
    return float(value)


CATALOGUE_HEADERS = [
    "Tilbud", "Tilbuds-id", "Takstniveau", "Gyldig fra", "Gyldig til", "Basistakst pr. døgn",
    "Grundtakst pr. døgn", "Normerede timer pr. uge", "Timepris", "Funktionsniveau fra",
    "Funktionsniveau til",
]  # fmt: skip


def catalogue_rows(providers: list[Provider]) -> Iterator[list[Any]]:
    """Rows of the model catalogue: each provider, level and year (2025, 2026)."""
    for p in providers:
        for level in p.levels:
            for year, index in ((2025, PRICE_INDEX_2026), (2026, 1.0)):
                yield [
                    p.name, p.pid, level.label, date(year, 1, 1), date(year, 12, 31),
                    round(p.basic / index, 2), round(level.base / index, 2), level.hours,
                    round(p.hourly / index, 2) if p.hourly else None,
                    level.need[0] if level.need else None, level.need[1] if level.need else None,
                ]  # fmt: skip


def write_catalogue(path: Path, providers: list[Provider]) -> int:
    """takstkatalog.xlsx in the model layout (contract.md §2a)."""
    wb, fmt = new_workbook(path)
    ws = wb.add_worksheet("Takster")
    ws.write_string(0, 0, "Takstkatalog, voksenområdet 2025-2026", fmt["bold"])
    ws.write_row(2, 0, CATALOGUE_HEADERS, fmt["bold"])
    count = 0
    for count, values in enumerate(catalogue_rows(providers), start=1):
        for col, value in enumerate(values):
            put(ws, fmt, 2 + count, col, value)
    ws.set_column(0, 0, 34)
    ws.set_column(1, len(CATALOGUE_HEADERS) - 1, 14)
    wb.close()
    return count


PRICE_HEADERS = ["Leverandør", "Afdeling", "Type", "Pris pr. enhed", "Enhed"]
PRICE_HEADERS += ["Gyldig fra", "Gyldig til"]


def price_list_rows(home: Provider, team: Provider) -> list[list[Any]]:
    """A home's and a § 85 team's 2026 prices: heading, basis, levels, extras, km, text price."""
    valid = [date(2026, 1, 1), date(2026, 12, 31)]
    rows: list[list[Any]] = [[home.name]]
    rows.append([home.name, "", "Basistakst", home.basic, "døgn", *valid])
    rows += [[home.name, "", lv.label, lv.base, "døgn", *valid] for lv in home.levels]
    rows.append([home.name, "", "Ekstra timer (1:1)", home.hourly, "time", *valid])
    rows.append([home.name, "", "Enkeltmandsprojekt", "Individuel pris", "døgn", *valid])
    rows.append([])
    rows.append([team.name])
    rows.append([team.name, "", "§ 85 timepris", team.hourly, "time", *valid])
    rows.append([team.name, "", "Kørsel", 3.79, "Km", *valid])
    return rows


def write_price_list(path: Path, providers: list[Provider]) -> int:
    """takstkatalog_prisliste.xlsx in the price-list layout (contract.md §2b)."""
    home = next(p for p in providers if p.name == "Botilbuddet Solsikken")
    team = next(p for p in providers if p.kind == "home85")
    wb, fmt = new_workbook(path)
    ws = wb.add_worksheet("Takster 2026")
    ws.write_string(0, 0, "Takstoversigt 2026", fmt["bold"])
    ws.write_row(2, 0, PRICE_HEADERS, fmt["bold"])
    rows = price_list_rows(home, team)
    for r, values in enumerate(rows, start=3):
        for col, value in enumerate(values):
            text_price = col == 3 and isinstance(value, float) and value > 1000
            put(ws, fmt, r, col, dk_amount(value) if text_price else value)
    ws.set_column(0, 2, 30)
    wb.close()
    return len(rows)


# --------------------------------------------------------------------------- writing time logs

LOG_HEADERS = ["Dato", "Fra kl.", "Til kl.", "Minutter", "Aktivitet", "Kategori", "Type"]
LOG_HEADERS += ["Antal medarbejdere", "Antal borgere"]


def period_text(first: date, last: date) -> str:
    """The header block's period: "02-11-2026 - 22-11-2026"."""
    return f"{dk_date(first)} - {dk_date(last)}"


def write_header_block(
    ws: Any, fmt: dict, cit: Citizen, first: date, last: date, style: dict
) -> int:
    """CPR, provider and period above the table; returns the header row's index."""
    ws.write_string(0, 0, f"Døgnskema, {cit.log.provider.name}", fmt["bold"])
    if style["header_cells"]:
        ws.write_string(1, 0, "CPR-nr")
        ws.write_string(1, 1, cit.cpr)
        ws.write_string(2, 0, "Tilbud")
        ws.write_string(2, 1, cit.log.provider.name)
        ws.write_string(3, 0, "Periode fra")
        put(ws, fmt, 3, 1, first)
        ws.write_string(4, 0, "Periode til")
        put(ws, fmt, 4, 1, last)
        return 6
    if not style["cpr_column"]:
        ws.write_string(1, 0, f"CPR-nr: {cit.cpr}")
    ws.write_string(2, 0, f"Tilbud: {cit.log.provider.name}")
    ws.write_string(3, 0, f"Periode: {period_text(first, last)}")
    return 5


def write_entry(ws: Any, fmt: dict, row: int, entry: Entry, style: dict, cpr: str) -> None:
    """One entry row in the long layout."""
    col = 0
    if style["cpr_column"]:
        ws.write_string(row, 0, cpr)
        col = 1
    ws.write_number(row, col, (entry.day - EXCEL_EPOCH).days, fmt["date"])
    for offset, minute in ((1, entry.start), (2, entry.end)):
        if style["text_times"]:
            ws.write_string(row, col + offset, hhmm(minute))
        else:
            ws.write_number(row, col + offset, minute / 1440, fmt["time"])
    if style["minutes_column"]:
        ws.write_number(row, col + 3, entry.minutes)
        col += 1
    ws.write_string(row, col + 3, entry.activity)
    if entry.category:
        ws.write_string(row, col + 4, entry.category)
    ws.write_string(row, col + 5, entry.kind)
    ws.write_number(row, col + 6, entry.staff)
    ws.write_number(row, col + 7, entry.residents)


def log_headers(style: dict) -> list[str]:
    """The table's headers for this file's style."""
    headers = [h for h in LOG_HEADERS if h != "Minutter" or style["minutes_column"]]
    return ["CPR-nr", *headers] if style["cpr_column"] else headers


def write_long_log(
    path: Path, cit: Citizen, entries: list[Entry], style: dict, period: tuple
) -> int:
    """One citizen's entries in the long layout with a header block; returns the rows written."""
    wb, fmt = new_workbook(path)
    ws = wb.add_worksheet(style["sheet"])
    header_row = write_header_block(ws, fmt, cit, *period, style)
    ws.write_row(header_row, 0, log_headers(style), fmt["bold"])
    for i, entry in enumerate(entries, start=header_row + 1):
        write_entry(ws, fmt, i, entry, style, cit.cpr)
    if style["minutes_column"]:
        total_row = header_row + len(entries) + 1
        ws.write_string(total_row, 0, "I alt", fmt["bold"])
        minutes_col = 3 + (1 if style["cpr_column"] else 0)
        ws.write_number(total_row, minutes_col, sum(e.minutes for e in entries))
    ws.set_column(0, 0, 12)
    ws.set_column(4, 4, 36)
    wb.close()
    return len(entries)


WEEKDAYS = ["Mandag", "Tirsdag", "Onsdag", "Torsdag", "Fredag", "Lørdag", "Søndag"]


def write_grid_log(path: Path, cit: Citizen, grid: dict[date, list]) -> int:
    """A week grid: one sheet per ISO week, slots down, dated weekdays across."""
    wb, fmt = new_workbook(path)
    days = sorted(grid)
    cells = 0
    for monday in days[::7]:
        week = monday.isocalendar().week
        ws = wb.add_worksheet(f"Uge {week}")
        ws.write_string(0, 0, f"CPR-nr: {cit.cpr}")
        ws.write_string(1, 0, f"Tilbud: {cit.log.provider.name}")
        ws.write_string(2, 0, f"Uge: {week}/{monday.year}")
        week_days = [monday + timedelta(days=i) for i in range(7)]
        headers = ["Tidsrum"] + [
            f"{n} {dk_date(d)}" for n, d in zip(WEEKDAYS, week_days, strict=True)
        ]
        ws.write_row(4, 0, headers, fmt["bold"])
        cells += write_grid_week(ws, fmt, grid, week_days)
    wb.close()
    return cells


def write_grid_week(ws: Any, fmt: dict, grid: dict[date, list], week_days: list[date]) -> int:
    """Time slots 07:00-23:00 and the minutes in them; an "I alt" row below."""
    for i, hour in enumerate(range(7, 23)):
        ws.write_string(5 + i, 0, f"{hour:02d}:00-{hour + 1:02d}:00")
    cells = 0
    for col, day in enumerate(week_days, start=1):
        for hour, minutes, label in grid.get(day, []):
            row = 5 + hour - 7
            if label:
                ws.write_string(row, col, f"{minutes} {label}")
            else:
                ws.write_number(row, col, minutes)
            cells += 1
        ws.write_number(21, col, sum(m for _h, m, _l in grid.get(day, [])))
    ws.write_string(21, 0, "I alt", fmt["bold"])
    ws.set_column(1, 7, 24)
    return cells


CSV_HEADERS = ["CPR-nr", "Tilbud", "Periode fra", "Periode til", "Dato", "Fra kl.", "Til kl."]
CSV_HEADERS += ["Minutter", "Aktivitet", "Kategori", "Type", "Antal medarbejdere", "Antal borgere"]


def csv_rows(cit: Citizen, entries: list[Entry]) -> Iterator[list[str]]:
    """One citizen's entries as the rows of the provider system's CSV export."""
    days = log_days(cit.log)
    first, last = days[0], days[-1]
    for e in entries:
        yield [
            cit.cpr, cit.log.provider.name, dk_date(first), dk_date(last), dk_date(e.day),
            hhmm(e.start), hhmm(e.end), f"{e.minutes},0", e.activity, e.category, e.kind,
            str(e.staff), str(e.residents),
        ]  # fmt: skip


def write_csv(path: Path, blocks: list[tuple[Citizen, list[Entry]]]) -> int:
    """The multi-citizen CSV: Windows-1252, ";", decimal commas, CRLF."""
    rows = 0
    with path.open("w", encoding="cp1252", newline="") as handle:
        out = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        out.writerow(CSV_HEADERS)
        for cit, entries in blocks:
            for values in csv_rows(cit, entries):
                out.writerow(values)
                rows += 1
    return rows


def log_folder(root: Path, cit: Citizen) -> Path:
    """doegnskemaer/<provider>/, created when missing."""
    folder = root / slug(cit.log.provider.name)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def write_citizen_log(root: Path, cit: Citizen, seed: int) -> tuple[int, int]:
    """Write one citizen's long or grid log file(s); returns (files, rows)."""
    name = f"{cit.number:0{max(3, len(str(cit.number)))}d}"
    if cit.log.layout == "grid":
        grid = grid_minutes(cit, seed)
        return 1, write_grid_log(log_folder(root, cit) / f"ugeskema_{name}.xlsx", cit, grid)
    entries, style = log_entries(cit, seed)
    days = log_days(cit.log)
    if cit.log.layout != "split":
        path = log_folder(root, cit) / f"doegnskema_{name}.xlsx"
        return 1, write_long_log(path, cit, entries, style, (days[0], days[-1]))
    cut = days[-7]
    rows = 0
    for part, (first, last) in enumerate(((days[0], cut - timedelta(days=1)), (cut, days[-1])), 1):
        chunk = [e for e in entries if first <= e.day <= last]
        path = log_folder(root, cit) / f"doegnskema_{name}_del{part}.xlsx"
        rows += write_long_log(path, cit, chunk, style, (first, last))
    return 2, rows


def clear_logs(root: Path) -> None:
    """Remove time-log files an earlier run wrote, so that none is left over."""
    if not root.exists():
        return
    for path in sorted(root.rglob("*"), reverse=True):
        if path.is_file() and path.suffix in (".xlsx", ".csv"):
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def write_logs(root: Path, mun: Municipality) -> dict[str, int]:
    """Every time log: per-citizen files, then the shared CSV."""
    clear_logs(root)
    root.mkdir(parents=True, exist_ok=True)
    files = rows = 0
    csv_blocks = []
    for cit in (c for c in mun.citizens if c.log):
        if cit.log.layout == "csv":
            csv_blocks.append((cit, log_entries(cit, mun.seed)[0]))
            continue
        made, written = write_citizen_log(root, cit, mun.seed)
        files, rows = files + made, rows + written
    rows += write_csv(root / "faelles_udtraek.csv", csv_blocks)
    logged = sum(1 for c in mun.citizens if c.log)
    return {"time_log_citizens": logged, "time_log_files": files + 1, "time_log_rows": rows}


# --------------------------------------------------------------------------- scenarios.md


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


# --------------------------------------------------------------------------- entry points


def generate(out_dir: Path, cases: int, seed: int) -> dict[str, int]:
    """Write a municipality of `cases` case rows into out_dir; returns the counts."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    mun = plan_municipality(cases, seed)
    counts = {
        "cases": write_cases(out_dir / "sager.xlsx", mun),
        "citizens": len(mun.citizens),
        "providers": len(mun.providers),
        "scenario_cases": sum(1 for c in mun.citizens if c.scenario),
        "tariff_rows": write_catalogue(out_dir / "takstkatalog.xlsx", mun.providers),
        "price_list_rows": write_price_list(out_dir / "takstkatalog_prisliste.xlsx", mun.providers),
    }
    counts.update(write_logs(out_dir / "doegnskemaer", mun))
    (out_dir / "scenarios.md").write_text(scenario_table(mun), encoding="utf-8")
    return counts


def main(argv: list[str] | None = None) -> int:
    """Command line: python examples/generate.py [--cases N] [--seed S] [--out DIR]."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=40, help="case rows to generate (default 40)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    parser.add_argument(
        "--out",
        type=Path,
        default=HERE,
        help="output folder (default: examples/, beside this file)",
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    counts = generate(args.out, args.cases, args.seed)
    for key, value in counts.items():
        print(f"{key:>20}: {value:,}")
    print(f"{'seconds':>20}: {time.perf_counter() - started:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
