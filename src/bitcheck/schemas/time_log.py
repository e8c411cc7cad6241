"""Time logs (døgnskemaer), long layout: one row per logged intervention (contract.md §3a)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict

from bitcheck.schemas.fields import spec

EntryKind = Literal["direct", "indirect", "night_awake", "night_sleeping"]


class TimeLogRow(BaseModel):
    """One logged intervention. Times are minutes after midnight (0-1440)."""

    model_config = ConfigDict(defer_build=True, extra="forbid", title="time_log")

    cpr: str = spec("cpr", ["CPR", "CPR-nr", "CPR-nummer"], required=True)
    provider: str | None = spec("text", ["Tilbud"])
    date: dt.date = spec("date", ["Dato"], required=True)
    start: float = spec("time", ["Start", "Fra", "Fra kl.", "Tidspunkt"], required=True, ge=0)
    end: float | None = spec("time", ["Slut", "Til", "Til kl."], ge=0, le=1440)
    minutes: float | None = spec("minutes", ["Minutter", "Varighed", "Tid (min)"], gt=0)
    activity: str | None = spec("text", ["Aktivitet", "Indsats", "Beskrivelse"])
    category: str | None = spec("text", ["Kategori", "Tema", "Støtteområde"])
    kind: EntryKind = spec("kind", ["Type", "Støttetype", "Art"], default="direct")
    staff: int = spec("count", ["Antal medarbejdere", "Personale", "Medarbejdere"], default=1, ge=1)
    residents: int = spec("count", ["Antal borgere", "Borgere i alt"], default=1, ge=1)
    period_start: dt.date | None = spec("date", ["Periode fra"])
    period_end: dt.date | None = spec("date", ["Periode til"])
