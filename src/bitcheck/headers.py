"""Finding the header row of a table, mapping its columns to fields, telling its kind.

contract.md, "Finding the header, and the kind of a table".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from bitcheck.io.raw import Cell, RawTable
from bitcheck.problems import Problem
from bitcheck.schemas import LAYOUTS, NAME_HEADERS, LayoutSpec, layouts_of_kind
from bitcheck.values import normalise_header

HEADER_SEARCH_ROWS = 30
WEEKDAYS: frozenset[str] = frozenset(
    [
        "mandag",
        "man",
        "tirsdag",
        "tir",
        "onsdag",
        "ons",
        "torsdag",
        "tor",
        "fredag",
        "fre",
        "loerdag",
        "loer",
        "soendag",
        "soen",
        "monday",
        "mon",
        "tuesday",
        "tue",
        "wednesday",
        "wed",
        "thursday",
        "thu",
        "friday",
        "fri",
        "saturday",
        "sat",
        "sunday",
        "sun",
    ]
)
GRID_MINIMUM = 5
# LeverandørId names the operator of a Tilbud: it is provider_id only beside LeverandørNavn.
CONDITIONAL_ALIASES: dict[str, tuple[str, str]] = {"leverandoerid": ("provider", "leverandoernavn")}


@lru_cache(maxsize=4096)
def _normalised(text: str) -> str:
    return normalise_header(text)


def normalised_cell(value: Cell) -> str:
    return _normalised(value) if isinstance(value, str) else ""


@dataclass(frozen=True)
class AliasTable:
    """Normalised header text -> (field, priority) for one layout; lower priority wins."""

    layout: LayoutSpec
    entries: dict[str, tuple[str, int]]

    @classmethod
    def build(cls, layout: LayoutSpec, user_aliases: dict[str, str]) -> AliasTable:
        entries: dict[str, tuple[str, int]] = {}
        for spec in layout.fields:
            for priority, alias in enumerate(spec.aliases):
                entries.setdefault(_normalised(alias), (spec.name, priority))
        for alias, field_name in user_aliases.items():
            entries.setdefault(_normalised(alias), (field_name, 1000))
        for spec in layout.fields:
            entries.setdefault(_normalised(spec.name), (spec.name, 2000))
        return cls(layout, entries)

    def field_of(self, header: str) -> tuple[str, int] | None:
        return self.entries.get(header)


@dataclass
class HeaderMatch:
    """The header row of a table and what each of its columns was read as."""

    layout: LayoutSpec
    index: int  # index of the header row in table.cells
    columns: dict[str, int]  # field -> column index
    headers: dict[str, str]  # field -> header text as in the file
    name_columns: list[int] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)

    def has(self, field_name: str) -> bool:
        return field_name in self.columns


def _row_matches(row: Sequence[str], aliases: AliasTable) -> set[str]:
    """The fields a row of normalised header texts names."""
    found: set[str] = set()
    for text in row:
        hit = aliases.field_of(text)
        if hit is not None:
            found.add(hit[0])
    return found


def candidate_rows(table: RawTable) -> list[list[str]]:
    """Rows 1-30 with every text cell normalised once, for all the layouts to look at."""
    cells = table.cells
    return [
        [_normalised(cell) if cell.__class__ is str else "" for cell in cells[index]]
        for index in header_rows(table)
    ]


def header_rows(table: RawTable) -> range:
    """Indices of the rows that may hold the header: user rows 1-30."""
    last = 0
    while last < len(table.cells) and table.row_number(last) <= HEADER_SEARCH_ROWS:
        last += 1
    return range(last)


def find_header(rows: list[list[str]], aliases: AliasTable) -> int | None:
    """Index of the first row of rows 1-30 whose matches reach the layout's minimum."""
    detection = set(aliases.layout.detection)
    for index, row in enumerate(rows):
        if len(_row_matches(row, aliases) & detection) >= aliases.layout.minimum:
            return index
    return None


def find_grid_header(rows: list[list[str]]) -> int | None:
    """Index of the first of rows 1-30 holding at least five weekday names."""
    for index, row in enumerate(rows):
        if sum(text.split(" ", 1)[0] in WEEKDAYS for text in row if text) >= GRID_MINIMUM:
            return index
    return None


def is_weekday_label(cell: Cell) -> bool:
    words = normalised_cell(cell).split(" ")
    return bool(words) and words[0] in WEEKDAYS


def match_columns(table: RawTable, index: int, aliases: AliasTable) -> HeaderMatch:
    """Map the header row's columns to fields; note unknown and duplicate columns."""
    match = HeaderMatch(aliases.layout, index, {}, {})
    best: dict[str, int] = {}
    row = table.cells[index]
    normalised = [normalised_cell(cell) for cell in row]
    names = {_normalised(name) for name in NAME_HEADERS}
    for position, header in enumerate(normalised):
        if not header:
            continue
        if header in names:
            match.name_columns.append(position)
            continue
        hit = _conditional(aliases.field_of(header), header, normalised)
        if hit is None:
            match.notes.append(_column_note("unknown-column", table, index, position))
            continue
        _claim(match, best, hit, position, table, index)
    return match


def _conditional(
    hit: tuple[str, int] | None, header: str, row: list[str]
) -> tuple[str, int] | None:
    condition = CONDITIONAL_ALIASES.get(header)
    if hit is None or condition is None:
        return hit
    return hit if condition[1] in row else None


def _claim(
    match: HeaderMatch,
    best: dict[str, int],
    hit: tuple[str, int],
    position: int,
    table: RawTable,
    index: int,
) -> None:
    field_name, priority = hit
    if field_name not in match.columns or priority < best[field_name]:
        if field_name in match.columns:
            loser = match.columns[field_name]
            match.notes.append(_column_note("duplicate-column", table, index, loser, field_name))
        match.columns[field_name] = position
        match.headers[field_name] = str(table.cells[index][position]).strip()
        best[field_name] = priority
    else:
        match.notes.append(_column_note("duplicate-column", table, index, position, field_name))


def _column_note(
    code: str, table: RawTable, index: int, position: int, field_name: str | None = None
) -> Problem:
    return Problem(
        code=code,
        file=table.file,
        sheet=table.sheet,
        row=table.row_number(index),
        column=str(table.cells[index][position]).strip(),
        field=field_name,
        column_number=table.first_column + position,
    )


@dataclass(frozen=True)
class Detection:
    """What a table was recognised as."""

    layout: LayoutSpec | None  # None for a grid time log
    index: int
    kind: str

    @property
    def layout_name(self) -> str:
        return "grid" if self.layout is None else self.layout.layout


def detect(
    table: RawTable, kind: str | None, user_aliases: dict[str, dict[str, str]]
) -> Detection | None:
    """Tell a table's kind and layout from its header (contract.md's precedence)."""
    rows = candidate_rows(table)
    if kind in (None, "time_log"):
        grid = find_grid_header(rows)
        if grid is not None:
            return Detection(None, grid, "time_log")
    layouts = LAYOUTS if kind is None else tuple(layouts_of_kind(kind))
    found: list[tuple[LayoutSpec, int, set[str]]] = []
    for layout in layouts:
        aliases = alias_table(layout, user_aliases.get(layout.kind, {}))
        index = find_header(rows, aliases)
        if index is not None:
            found.append((layout, index, _row_matches(rows[index], aliases)))
    return _choose(found)


_ALIAS_TABLES: dict[tuple[str, tuple[tuple[str, str], ...]], AliasTable] = {}


def alias_table(layout: LayoutSpec, user_aliases: dict[str, str]) -> AliasTable:
    """The alias table of a layout with the user's aliases, built once per run."""
    key = (layout.layout, tuple(sorted(user_aliases.items())))
    if key not in _ALIAS_TABLES:
        _ALIAS_TABLES[key] = AliasTable.build(layout, user_aliases)
    return _ALIAS_TABLES[key]


PRECEDENCE: tuple[tuple[str, tuple[frozenset[str], ...]], ...] = (
    ("cases", (frozenset({"case_id"}), frozenset({"grant_start"}))),
    ("long", (frozenset({"date", "start"}),)),
    ("model", (frozenset({"base_tariff"}),)),
    ("price_list", (frozenset({"price", "unit"}),)),
)


def _choose(found: list[tuple[LayoutSpec, int, set[str]]]) -> Detection | None:
    for layout_name, alternatives in PRECEDENCE:
        for layout, index, matched in found:
            if layout.layout == layout_name and any(alt <= matched for alt in alternatives):
                return Detection(layout, index, layout.kind)
    if found:
        layout, index, _ = found[0]
        return Detection(layout, index, layout.kind)
    return None
