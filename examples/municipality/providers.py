"""Providers (tilbud) and their tariff ladders, as the 2026 catalogue prices them."""

from __future__ import annotations

import random
from dataclasses import dataclass, field


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
