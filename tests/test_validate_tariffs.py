"""Tariff catalogues: model layout and regional price lists."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bitcheck.inputs import read_input
from bitcheck.settings import Settings
from conftest import write_xlsx


def test_model_layout(tmp_path: Path) -> None:
    rows = [
        ["Takstkatalog 2026"],
        [],
        [
            "Tilbud",
            "Takstniveau",
            "Gyldig fra",
            "Gyldig til",
            "Basistakst pr. døgn",
            "Grundtakst pr. døgn",
            "Normerede timer pr. uge",
            "Timepris",
            "Funktionsniveau fra",
            "Funktionsniveau til",
        ],
        [
            "Egely",
            "Niveau 1",
            dt.date(2026, 1, 1),
            dt.date(2026, 12, 31),
            1100,
            159,
            3.5,
            420,
            "1 - Let",
            "Moderat",
        ],
        ["Egely", "Niveau 2", "01-01-2026", None, "1.100,00", "476,00", "10,5", None, 2, 3],
    ]
    result = read_input(write_xlsx(tmp_path / "t.xlsx", rows), "t.xlsx", None, Settings())
    assert (result.kind, result.layout, result.rows_accepted) == ("tariffs", "model", 2)
    frame = result.frame()
    assert frame["base_tariff"].tolist() == [159.0, 476.0]
    assert frame["level_hours_week"].tolist() == [3.5, 10.5]
    assert frame["need_min"].tolist() == [1, 2] and frame["need_max"].tolist() == [2, 3]
    assert frame["valid_to"].tolist()[1] is None


def test_price_list_with_group_headings_and_unused_prices(tmp_path: Path) -> None:
    rows = [
        ["Leverandør", "Afdeling", "Type", "Pris pr. enhed", "Enhed"],
        ["Bostedet Grenen"],  # a group heading
        ["Grenen", "Glesborg-Stammen", "Basistakst", "1.209,00", "Døgn"],
        ["Grenen", "Glesborg-Stammen", "Ydelsespakke 3", "951", "pr. døgn"],
        ["Grenen", "Glesborg-Stammen", "Ekstra timer", "412,50", "Time"],
        ["Grenen", "Glesborg-Stammen", "Kørsel", "3,70", "Km"],
        ["Grenen", "Glesborg-Stammen", "Særlige forhold", "Individuel pris", "Døgn"],
    ]
    result = read_input(write_xlsx(tmp_path / "p.xlsx", rows), "p.xlsx", None, Settings())
    assert (result.kind, result.layout) == ("tariffs", "price_list")
    assert (result.rows_read, result.rows_accepted) == (5, 5)
    frame = result.frame()
    assert frame["unit"].tolist() == ["day", "day", "hour", "none", "day"]
    assert frame["price_amount"].tolist()[:3] == [1209.0, 951.0, 412.5]
    assert [(p.row, p.code) for p in result.all_problems()] == [
        (6, "unused-price"),
        (7, "unused-price"),
    ]
