"""`bitcheck sample`: a fair, visible, reproducible choice of cases to ask providers for a
døgnskema (outputs.md §12).

Strata are provider × level × the direction the data already suggests (`citizen` when a case has
a citizen-side finding, else `payment` with a payment-side one, else `none`). Payment suspicions
never get more places than citizen suspicions; the places left go to cases without suspicion,
never-reviewed (R2) and overdue (R1) cases first. Within a side, places go round the strata in a
seeded order, so the choice is spread over providers and levels and the same seed gives the same
choice.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, PrivateAttr

from bitcheck import __version__, i18n
from bitcheck.report.audit_models import AuditReport, CaseRecord
from bitcheck.values import normalise_name

PERIOD_DAYS = 21  # three weeks: what the good reviews asked for


class Stratum(BaseModel):
    model_config = ConfigDict(extra="forbid")

    provider: str
    level: str | None
    suspected_direction: str
    cases: int
    chosen: int


class Chosen(BaseModel):
    model_config = ConfigDict(extra="forbid")

    case_id: str
    subject: str
    cpr: str | None = None  # with --reveal-cpr only
    provider: str
    level: str | None
    stratum: str
    reason: str
    period_start: dt.date
    period_end: dt.date
    _why: tuple[str, str] = PrivateAttr(default=("", ""))  # the message key and codes of `reason`

    def reason_in(self, lang: str) -> str:
        """Why the case was chosen, in the language; `reason` itself stays English (JSON)."""
        key, codes = self._why
        return i18n.message(key, lang, codes=codes) if key else self.reason


class SampleReport(BaseModel):
    model_config = ConfigDict(extra="forbid")

    bitcheck: str
    as_of: dt.date
    seed: int
    n: int
    strata: list[Stratum]
    chosen: list[Chosen]


@dataclass(frozen=True)
class Candidate:
    case: CaseRecord
    direction: str  # citizen | payment | none
    codes: tuple[str, ...]

    @property
    def stratum(self) -> tuple[str, str, str]:
        """Provider and level compared as the catalogue compares them (`Niv. 2` = `Niveau 2`)."""
        return (
            normalise_name(self.case.provider),
            normalise_name(self.case.level or ""),
            self.direction,
        )


def suspected(directions: set[str]) -> str:
    """What a case's findings suspect most: the citizen's side first, then the payment's."""
    return (
        "citizen" if "citizen" in directions else "payment" if "payment" in directions else "none"
    )


def draw_sample(report: AuditReport, n: int, seed: int) -> SampleReport:
    rng = random.Random(seed)
    directions: dict[str, set[str]] = defaultdict(set)
    for finding in report.findings:
        directions[finding.case_id].add(finding.direction)
    candidates = [
        Candidate(c, suspected(directions.get(c.case_id, set())), tuple(c.codes))
        for c in report.cases
    ]
    pools = {d: [c for c in candidates if c.direction == d] for d in ("citizen", "payment", "none")}
    citizen = _round_robin(pools["citizen"], min(len(pools["citizen"]), -(-n // 3)), rng)
    payment = _round_robin(
        pools["payment"], min(len(pools["payment"]), len(citizen), n - len(citizen)), rng
    )
    rest = n - len(citizen) - len(payment)
    priority = [c for c in pools["none"] if {"R1", "R2"} & set(c.codes)]
    others = [c for c in pools["none"] if c not in priority]
    none = _round_robin(priority, min(rest, len(priority)), rng)
    none += _round_robin(others, min(rest - len(none), len(others)), rng)
    chosen = citizen + payment + none
    chosen += _fill(n - len(chosen), pools, citizen, payment, rng)
    start = report.as_of + dt.timedelta(days=7 - report.as_of.weekday())  # the next Monday
    shown = _spellings(candidates)
    return SampleReport(
        bitcheck=__version__, as_of=report.as_of, seed=seed, n=n,
        strata=_strata(candidates, chosen, shown),
        chosen=[_chosen(c, start, shown[c.stratum[:2]]) for c in chosen],
    )  # fmt: skip


def _fill(
    places: int,
    pools: dict[str, list[Candidate]],
    citizen: list[Candidate],
    payment: list[Candidate],
    rng: random.Random,
) -> list[Candidate]:
    """Places left when the cases without suspicion ran out: citizen side first, then payment
    side while it stays at or below the citizen side."""
    if places <= 0:
        return []
    more_citizen = _round_robin([c for c in pools["citizen"] if c not in citizen], places, rng)
    room = min(places - len(more_citizen), len(citizen) + len(more_citizen) - len(payment))
    more_payment = _round_robin(
        [c for c in pools["payment"] if c not in payment], max(room, 0), rng
    )
    return more_citizen + more_payment


def _round_robin(pool: list[Candidate], places: int, rng: random.Random) -> list[Candidate]:
    """`places` cases, spread over the pool's strata in a seeded order."""
    strata: dict[tuple[str, str, str], list[Candidate]] = defaultdict(list)
    for candidate in sorted(pool, key=lambda c: c.case.case_id):
        strata[candidate.stratum].append(candidate)
    keys = sorted(strata)
    rng.shuffle(keys)
    for key in keys:
        rng.shuffle(strata[key])
    chosen: list[Candidate] = []
    places = min(places, len(pool))
    while len(chosen) < places:
        for key in keys:
            if strata[key] and len(chosen) < places:
                chosen.append(strata[key].pop())
    return chosen


def _spellings(candidates: list[Candidate]) -> dict[tuple[str, str], CaseRecord]:
    """One case per provider and level, whose spelling of them every stratum shows (`Niv. 2`
    and `Niveau 2` are one level): the first by case id."""
    shown: dict[tuple[str, str], CaseRecord] = {}
    for candidate in sorted(candidates, key=lambda c: c.case.case_id):
        shown.setdefault(candidate.stratum[:2], candidate.case)
    return shown


def _strata(
    candidates: list[Candidate],
    chosen: list[Candidate],
    shown: dict[tuple[str, str], CaseRecord],
) -> list[Stratum]:
    counts: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0])
    for candidate in candidates:
        counts[candidate.stratum][0] += 1
    for candidate in chosen:
        counts[candidate.stratum][1] += 1
    return [
        Stratum(provider=shown[key[:2]].provider, level=shown[key[:2]].level,
                suspected_direction=key[2], cases=total, chosen=picked)
        for key, (total, picked) in sorted(counts.items())
    ]  # fmt: skip


def _why(candidate: Candidate) -> tuple[str, str]:
    """The message key of the reason a case was chosen, and the codes it names."""
    if candidate.direction != "none":
        return f"chosen-{candidate.direction}", ", ".join(candidate.codes)
    overdue = sorted({"R1", "R2"} & set(candidate.codes))
    if overdue:
        return "chosen-review", ", ".join(overdue)
    return "chosen-random", ""


def _chosen(candidate: Candidate, start: dt.date, spelling: CaseRecord) -> Chosen:
    """The chosen case; its stratum is named as the strata name it (`spelling`)."""
    case = candidate.case
    stratum = f"{spelling.provider} / {spelling.level or '-'} / {candidate.direction}"
    key, codes = _why(candidate)
    chosen = Chosen(
        case_id=case.case_id, subject=case.subject, cpr=case.cpr, provider=case.provider,
        level=case.level, stratum=stratum, reason=i18n.message(key, "en", codes=codes),
        period_start=start, period_end=start + dt.timedelta(days=PERIOD_DAYS - 1),
    )  # fmt: skip
    chosen._why = (key, codes)
    return chosen
