"""Time-log entries: what a citizen's log holds, day by day (long layout and week grids)."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from .cases import Citizen, LogPlan
from .helpers import COUNTED_KINDS, DIRECT, INDIRECT, NIGHT_AWAKE, NIGHT_SLEEPING, SHARED, round5


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
