"""The tariff catalogue (takstkatalog): model layout and price list (contract.md §2)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict

from bitcheck.schemas.fields import spec

PriceUnit = Literal["day", "week", "month", "year", "hour", "none"]


class TariffModelRow(BaseModel):
    """One provider, level and validity period of the model layout (§2a)."""

    model_config = ConfigDict(defer_build=True, extra="forbid", title="tariffs-model")

    provider: str = spec("text", ["Tilbud", "Leverandør"], required=True)
    provider_id: str | None = spec("id", ["Tilbuds-id", "Tilbudsnummer"])
    department: str | None = spec("text", ["Afdeling"])
    level: str = spec("text", ["Takstniveau", "Niveau", "Pakke"], required=True)
    valid_from: dt.date | None = spec("date", ["Gyldig fra", "Fra"])
    valid_to: dt.date | None = spec("date", ["Gyldig til", "Til"])
    basic_tariff: float = spec("amount", ["Basistakst pr. døgn", "Basistakst"], default=0.0, ge=0)
    base_tariff: float = spec("amount", ["Grundtakst pr. døgn", "Grundtakst"], required=True, ge=0)
    level_hours_week: float | None = spec(
        "hours", ["Normerede timer pr. uge", "Timer pr. uge i niveau"], ge=0
    )
    hourly_rate: float | None = spec("amount", ["Timepris", "Pris pr. ekstra time"], ge=0)
    need_min: int | None = spec("need_level", ["Funktionsniveau fra"], ge=0, le=4)
    need_max: int | None = spec("need_level", ["Funktionsniveau til"], ge=0, le=4)


class PriceListRow(BaseModel):
    """One price of a regional or provider price list (§2b).

    `price` is text here because a price list may say `Individuel pris`; the input layer
    reads it as an amount where it is one.
    """

    model_config = ConfigDict(defer_build=True, extra="forbid", title="tariffs-price-list")

    provider: str = spec("text", ["Leverandør", "Tilbud"], required=True)
    department: str | None = spec("text", ["Afdeling"])
    level: str = spec("text", ["Type", "Ydelse", "Ydelsestype"], required=True)
    price: str = spec(
        "text", ["Pris pr. enhed", "Pris", "Takst", "Takst pr. enhed", "Beløb"], required=True
    )
    unit: PriceUnit = spec("unit", ["Enhed", "Pr."], required=True)
    valid_from: dt.date | None = spec("date", ["Gyldig fra"])
    valid_to: dt.date | None = spec("date", ["Gyldig til"])
