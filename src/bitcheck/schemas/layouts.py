"""The layouts bitcheck recognises, and how their header rows are detected (contract.md)."""

from __future__ import annotations

from bitcheck.schemas.cases import CaseRow
from bitcheck.schemas.fields import LayoutSpec
from bitcheck.schemas.tariffs import PriceListRow, TariffModelRow
from bitcheck.schemas.time_log import TimeLogRow

# In the order a kind is guessed when none is given (contract.md, "the kind of a table").
LAYOUTS: tuple[LayoutSpec, ...] = (
    LayoutSpec(
        "cases", "cases", CaseRow, ("case_id", "cpr", "paragraph", "provider", "grant_start"), 3
    ),
    LayoutSpec("time_log", "long", TimeLogRow, ("date", "start", "end", "minutes"), 2),
    LayoutSpec("tariffs", "model", TariffModelRow, ("provider", "level", "base_tariff"), 2),
    LayoutSpec("tariffs", "price_list", PriceListRow, ("provider", "level", "price", "unit"), 3),
)

# A name column may be present in any input; it is dropped right after header detection.
NAME_HEADERS: tuple[str, ...] = ("Navn", "Borger", "Fornavn", "Efternavn")

# Header-block labels of a time log, besides the aliases of cpr, provider and the period.
PERIOD_LABEL = "Periode"
WEEK_LABEL = "Uge"


def layouts_of_kind(kind: str) -> list[LayoutSpec]:
    return [layout for layout in LAYOUTS if layout.kind == kind]
