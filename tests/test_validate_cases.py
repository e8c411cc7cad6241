"""The case export through the whole input layer, from real files written by openpyxl."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bitcheck.inputs import read_input, validate_files
from bitcheck.problems import Problem
from bitcheck.settings import Settings, load_settings
from conftest import write_csv, write_xlsx

HEADER = [
    "Sagsnr",
    "CPR-nr",
    "Navn",
    "Paragraf",
    "Tilbud",
    "Bevilget fra",
    "Takstniveau",
    "Grundtakst",
]
GOOD = [
    "S-1",
    "610190-1234",
    "Testborger 1",
    "SEL § 108",
    "Egely",
    dt.date(2024, 3, 1),
    "Niveau 3",
    "1.234,50",
]


def codes(problems: list[Problem]) -> list[tuple[int | None, str | None, str]]:
    return [(p.row, p.column, p.code) for p in problems]


def test_header_below_title_rows_and_totals(tmp_path: Path) -> None:
    rows = [
        ["Udtræk fra fagsystem"],
        ["Dannet 24-11-2026 06:12"],
        [],
        HEADER,
        GOOD,
        ["S-2", "6201901234", "Testborger 2", "§ 107", "Egely", "02-03-2025", "3", 2000],
        [],
        ["I alt", None, None, None, None, None, None, 3234.5],
    ]
    path = write_xlsx(tmp_path / "sager.xlsx", rows, sheet="Udtræk", top_left="B3")
    result = read_input(path, "sager.xlsx", None, Settings())
    assert (result.kind, result.layout, result.sheets) == ("cases", "cases", ["Udtræk"])
    assert (result.rows_read, result.rows_accepted, result.rows_rejected) == (2, 2, 0)
    frame = result.frame()
    assert frame["_row"].tolist() == [7, 8]
    assert frame["base_tariff"].tolist() == [1234.5, 2000.0]
    assert frame["grant_start"].tolist() == [dt.date(2024, 3, 1), dt.date(2025, 3, 2)]
    assert frame["paragraph"].tolist() == ["108", "107"]
    assert "Navn" not in frame.columns and "Testborger 1" not in frame.to_string()
    assert frame["tariff_unit"].tolist() == ["day", "day"]  # the default
    assert frame["extra_hours_week"].tolist() == [0.0, 0.0]


def test_bad_values_are_errors_at_the_users_row_and_column(tmp_path: Path) -> None:
    rows = [
        HEADER,
        GOOD,
        ["S-2", "311390-1234", None, "§ 108", "Egely", "31-02-2026", "3", "-5"],
        ["S-3", "610190-1234", None, "bolig", "", "01-01-26", "3", "abc"],
    ]
    path = write_xlsx(tmp_path / "sager.xlsx", rows)
    result = read_input(path, "sager.xlsx", "cases", Settings())
    assert (result.rows_read, result.rows_accepted, result.rows_rejected) == (3, 1, 2)
    assert sorted(codes(result.all_problems())) == sorted(
        [
            (3, "CPR-nr", "invalid-cpr"),
            (3, "Bevilget fra", "invalid-date"),
            (3, "Grundtakst", "negative-number"),
            (4, "Paragraf", "invalid-paragraph"),
            (4, "Tilbud", "missing-value"),
            (4, "Bevilget fra", "invalid-date"),
            (4, "Grundtakst", "invalid-number"),
        ]
    )


def test_missing_required_column_rejects_the_sheet(tmp_path: Path) -> None:
    rows = [["Sagsnr", "CPR-nr", "Paragraf", "Tilbud"], ["S-1", "610190-1234", "108", "Egely"]]
    result = read_input(write_xlsx(tmp_path / "s.xlsx", rows), "s.xlsx", "cases", Settings())
    assert codes(result.all_problems()) == [(1, None, "missing-column")]
    assert result.all_problems()[0].field == "grant_start"
    assert (result.rows_read, result.rows_rejected) == (1, 1)


def test_unknown_and_duplicate_columns_are_noted_once(tmp_path: Path) -> None:
    rows = [
        ["Sagsnr", "CPR", "Paragraf", "Leverandør", "Tilbud", "Bevilget fra", "Farve"],
        ["S-1", "610190-1234", "108", "Andet", "Egely", "01-01-2025", "blå"],
        ["S-2", "610190-1235", "108", "Andet", "Egely", "01-01-2025", "rød"],
    ]
    result = read_input(write_xlsx(tmp_path / "s.xlsx", rows), "s.xlsx", None, Settings())
    assert codes(result.all_problems()) == [
        (1, "Leverandør", "duplicate-column"),
        (1, "Farve", "unknown-column"),
    ]
    assert result.frame()["provider"].tolist() == ["Egely", "Egely"]  # Tilbud is listed first


def test_user_aliases_from_bitcheck_toml(tmp_path: Path) -> None:
    config = tmp_path / "bitcheck.toml"
    config.write_text('[aliases.cases]\n"Borgerens løbenr" = "case_id"\n', encoding="utf-8")
    rows = [
        ["Borgerens løbenr", "CPR", "Paragraf", "Tilbud", "Startdato"],
        ["7", "610190-1234", "85", "Hjemmestøtten", "1/2/2025"],
    ]
    result = read_input(
        write_xlsx(tmp_path / "s.xlsx", rows), "s.xlsx", None, load_settings(config)
    )
    assert result.kind == "cases"
    assert result.frame()["case_id"].tolist() == ["7"]


def test_windows_1252_csv_with_danish_letters(tmp_path: Path) -> None:
    lines = [
        "Sagsnr;CPR-nr;Paragraf;Leverandør;Bevilget fra;Særtakst;Særtakst dokumenteret",
        "12345;6101901234;SEL § 108;Bofællesskabet Åløkke;01.02.2025;1.234,50 kr.;ja",
        "00077;610190-1234;§ 85;Støttecentret;2025-02-01;;nej",
    ]
    path = write_csv(tmp_path / "sager.csv", lines, encoding="cp1252")
    result = read_input(path, "sager.csv", None, Settings())
    assert (result.kind, result.encoding, result.sheets) == ("cases", "windows-1252", None)
    frame = result.frame()
    assert frame["provider"].tolist() == ["Bofællesskabet Åløkke", "Støttecentret"]
    assert frame["case_id"].tolist() == ["12345", "00077"]
    assert frame["special_tariff"].tolist() == [1234.5, 0.0]
    assert frame["special_documented"].tolist() == [True, False]
    assert [p.code for p in result.all_problems()] == ["encoding"]


def test_snapshot_duplicates_repeated_ids_and_conflicts(tmp_path: Path) -> None:
    head = "Sagsnr;CPR;Paragraf;Tilbud;Bevilget fra;Takstniveau;Grundtakst"
    lines = [
        head,
        "A;6101901234;108;Egely;01-01-2025;Niveau 2;1000",
        "A;6101901234;108;Egely;01-01-2025;Niveau 2;1000",  # same again: a snapshot duplicate
        "A;6101901234;85;Egely;01-01-2025;Niveau 2;1000",  # another intervention: A#2
        "A;6101901234;108;Egely;01-01-2025;2;1100",  # same case, other tariff: duplicate-case
    ]
    path = write_csv(tmp_path / "sager.csv", lines)
    run = validate_files([str(path)], None, Settings())
    (result,) = run.inputs
    assert (result.rows_read, result.rows_accepted, result.rows_rejected) == (4, 3, 1)
    assert result.frame()["case_key"].tolist() == ["A", "A#2"]
    assert sorted(codes(result.all_problems()), key=str) == sorted(
        [
            (None, None, "duplicate-rows"),
            (4, None, "repeated-case-id"),
            (5, None, "duplicate-case"),
        ],
        key=str,
    )
