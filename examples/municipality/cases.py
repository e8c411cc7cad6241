"""Cases, citizens and log plans, and the Planner that builds them."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from .helpers import AS_OF, REVIEW_MONTHS, add_months, days_ago
from .providers import Level, Provider


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
