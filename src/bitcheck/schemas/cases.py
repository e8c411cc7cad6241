"""The case export (sager): one row per granted intervention of a citizen (contract.md §1)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict

from bitcheck.schemas.fields import spec

TariffUnit = Literal["day", "week", "month", "year", "hour"]


class CaseRow(BaseModel):
    """One row of a case export."""

    model_config = ConfigDict(defer_build=True, extra="forbid", title="cases")

    case_id: str = spec(
        "id", ["Sags-id", "Sagsnr", "Sagsnummer", "Sag nr", "IndsatsId", "SagId"], required=True
    )
    cpr: str = spec("cpr", ["CPR", "CPR-nr", "CPR-nummer", "Personnummer"], required=True)
    caseworker: str | None = spec("text", ["Sagsbehandler", "Rådgiver"])
    paragraph: str = spec(
        "paragraph", ["Paragraf", "Lovgrundlag", "Hjemmel", "§", "IndsatsParagraf"], required=True
    )
    provider: str = spec(
        "text", ["Tilbud", "Leverandør", "Botilbud", "Udfører", "LeverandørNavn"], required=True
    )
    provider_id: str | None = spec(
        "id", ["Tilbuds-id", "Tilbudsnummer", "Tilbudsportal-id", "LeverandørId"]
    )
    department: str | None = spec("text", ["Afdeling", "Enhed på tilbud"])
    grant_start: dt.date = spec(
        "date",
        ["Bevilget fra", "Startdato", "Bevillingsdato", "Indskrevet", "IndsatsStartDato"],
        required=True,
    )
    grant_end: dt.date | None = spec(
        "date", ["Bevilget til", "Slutdato", "Udskrevet", "IndsatsSlutDato"]
    )
    need_level: int | None = spec(
        "need_level",
        ["Funktionsniveau", "Behovsniveau", "Samlet funktionsniveau", "VUM-niveau"],
        ge=0,
        le=4,
    )
    level: str | None = spec(
        "text", ["Takstniveau", "Niveau", "Pakke", "Ydelsespakke", "Indsatspakke"]
    )
    granted_hours_week: float | None = spec(
        "hours", ["Visiterede timer pr. uge", "Bevilgede timer pr. uge", "Timer pr. uge"], ge=0
    )
    extra_hours_week: float = spec(
        "hours",
        ["Ekstra timer pr. uge", "Særtimer pr. uge", "1:1-timer pr. uge"],
        default=0.0,
        ge=0,
    )
    basic_tariff: float | None = spec("amount", ["Basistakst"], ge=0)
    base_tariff: float | None = spec("amount", ["Grundtakst"], ge=0)
    special_tariff: float = spec("amount", ["Særtakst", "Tillægstakst"], default=0.0, ge=0)
    tariff_total: float | None = spec(
        "amount", ["Takst", "Døgntakst", "Pris pr. døgn", "Beløb pr. døgn"], ge=0
    )
    tariff_unit: TariffUnit = spec("unit", ["Takstenhed", "Enhed", "Pr."], default="day")
    last_review: dt.date | None = spec(
        "date", ["Seneste opfølgning", "Sidste opfølgning", "Opfølgningsdato"]
    )
    next_review: dt.date | None = spec("date", ["Næste opfølgning", "Planlagt opfølgning"])
    goals: str | None = spec("text", ["Mål", "Indsatsmål", "Antal mål"])
    special_documented: bool | None = spec(
        "yes_no", ["Særtakst dokumenteret", "Dokumentation modtaget"]
    )
