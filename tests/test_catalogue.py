"""The tariff catalogue's own checks and matching (contract.md §2c)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bitcheck.catalogue import build_catalogue
from bitcheck.catalogue.match import CaseKey, match_case
from bitcheck.inputs import validate_files
from bitcheck.settings import Settings
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
