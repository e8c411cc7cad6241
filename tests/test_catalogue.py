"""The tariff catalogue's own checks and matching (contract.md §2c)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from hypothesis import event, given, settings
from hypothesis import strategies as st

from bitcheck.catalogue import TariffCatalogue, build_catalogue
from bitcheck.catalogue.match import CaseKey, Match, Matcher, _provider_rank, match_case
from bitcheck.catalogue.rows import RowSource, TariffRow, department_words, words
from bitcheck.inputs import validate_files
from bitcheck.settings import Settings
from bitcheck.values import normalise_name
from conftest import write_csv

HEAD = "Tilbud;Afdeling;Takstniveau;Gyldig fra;Gyldig til;Grundtakst"


def catalogue(tmp_path: Path, *rows: str):  # type: ignore[no-untyped-def]
    path = write_csv(tmp_path / "takster.csv", [HEAD, *rows])
    run = validate_files([str(path)], "tariffs", Settings())
    return run, build_catalogue([t for i in run.inputs for t in i.tables], dt.date(2026, 11, 24))


def test_overlaps_reject_both_rows_and_gaps_are_noted(tmp_path: Path) -> None:
    run, built = catalogue(
        tmp_path,
        "Egely;;Niveau 1;01-01-2026;30-06-2026;100",
        "Egely;;Niveau 1;01-06-2026;31-12-2026;110",
        "Egely;;Niveau 2;01-01-2025;31-12-2025;200",
        "Egely;;Niveau 2;01-03-2026;31-12-2026;210",
        "Egely;;Niveau 3;;;300",
    )
    (result,) = run.inputs
    codes = sorted((p.code, p.row) for p in result.all_problems())
    assert ("overlapping-validity", 2) in codes and ("overlapping-validity", 3) in codes
    assert ("validity-gap", 5) in codes and ("undated-tariffs", None) in codes
    assert (result.rows_read, result.rows_rejected) == (5, 2)
    assert [row.level for row in built.conflicts] == ["Niveau 1", "Niveau 1"]


def test_a_case_that_would_have_matched_a_clash_is_a_conflict(tmp_path: Path) -> None:
    _, built = catalogue(
        tmp_path,
        "Egely;;Niveau 1;01-01-2026;30-06-2026;100",
        "Egely;;Niveau 1;01-06-2026;31-12-2026;110",
    )
    match = match_case(built, CaseKey("Egely", None, None, "Niveau 1"), dt.date(2026, 11, 24))
    assert (match.row, match.reason) == (None, "catalogue-conflict")


def test_the_most_specific_provider_row_wins_word_by_word(tmp_path: Path) -> None:
    _, built = catalogue(
        tmp_path,
        "DOK;Alle afd.;Niveau 1;;;100",
        "Grenen;Glesborg-Stammen;§ 107-niv. 2;;;200",
        "Grenen;;§107 - Niveau 2;;;150",
    )
    day = dt.date(2026, 11, 24)
    assert match_case(built, CaseKey("DOK Hammel", None, None, "Niveau 1"), day).row is not None
    assert match_case(built, CaseKey("DOKKEN", None, None, "Niveau 1"), day).row is None
    special = match_case(
        built, CaseKey("Grenen Glesborg-Stammen", None, None, "§107 - Niveau 2"), day
    )
    assert special.row is not None and special.row.base_tariff == 200
    whole = match_case(built, CaseKey("Grenen", None, None, "§ 107-niv. 2"), day)
    assert whole.row is not None and whole.row.base_tariff == 150


# --- the indexed matcher finds what trying every row finds ---

WORDS = ["dok", "hammel", "egely", "nord"]


def _row(n: int, provider: list[str], provider_id: str | None, department: list[str], level: str,
         from_day: int | None, to_day: int | None) -> TariffRow:  # fmt: skip
    day = dt.date(2026, 1, 1)
    return TariffRow(
        provider=" ".join(provider), provider_words=words(" ".join(provider)),
        provider_id=provider_id, department=" ".join(department) or None,
        department_words=department_words(" ".join(department)),
        level=level, level_key=normalise_name(level),
        valid_from=None if from_day is None else day + dt.timedelta(days=from_day),
        valid_to=None if to_day is None else day + dt.timedelta(days=to_day),
        basic_tariff=100.0 + n, base_tariff=None, level_hours_week=None, hourly_rate=None,
        need_min=None, need_max=None, hour_price=None, individual_price=False,
        source=RowSource("takster.csv", None, n + 2),
    )  # fmt: skip


def _every_row(catalogue: TariffCatalogue, case: CaseKey, as_of: dt.date) -> Match:
    """matching as the contract states it: every row of the case's level is tried."""

    def best(rows: list[TariffRow]) -> tuple[TariffRow, tuple[int, int]] | None:
        found: tuple[TariffRow, tuple[int, int]] | None = None
        for row in rows:
            if row.level_key != normalise_name(case.level) or not row.valid_on(as_of):
                continue
            rank = _provider_rank(row, case)
            if rank is not None and (found is None or rank > found[1]):
                found = (row, rank)
        return found

    if not case.level:
        return Match(None, "no-catalogue-row")
    chosen, clash = best(catalogue.rows), best(catalogue.conflicts)
    if clash is not None and (chosen is None or clash[1] >= chosen[1]):
        return Match(None, "catalogue-conflict")
    return Match(None, "no-catalogue-row") if chosen is None else Match(chosen[0], None)


names = st.lists(st.sampled_from(WORDS), max_size=2)
ids = st.none() | st.sampled_from(["", "101", "202"])
levels = st.sampled_from(["niveau 1", "niveau 2"])
days = st.none() | st.integers(0, 400)
rows = st.lists(st.tuples(names, ids, names, levels, days, days), max_size=25)
cases = st.lists(
    st.tuples(names, ids, st.none() | names, st.none() | levels), min_size=1, max_size=10
)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(rows, rows, cases, st.integers(0, 400))
def test_the_matcher_finds_what_trying_every_row_finds(
    good: list[tuple[Any, ...]], clashing: list[tuple[Any, ...]],
    keys: list[tuple[Any, ...]], day: int,
) -> None:  # fmt: skip
    catalogue = TariffCatalogue(
        rows=[_row(n, *r) for n, r in enumerate(good)],
        conflicts=[_row(100 + n, *r) for n, r in enumerate(clashing)],
    )
    as_of = dt.date(2026, 1, 1) + dt.timedelta(days=day)
    matcher = Matcher(catalogue)
    found: list[bool] = []
    for provider, provider_id, department, level in keys:
        case = CaseKey(" ".join(provider), provider_id,
                       None if department is None else " ".join(department), level)  # fmt: skip
        expected = _every_row(catalogue, case, as_of)
        assert matcher.match(case, as_of) == expected
        found.append(expected.row is not None)
    event("a case matched" if any(found) else "no case matched")
