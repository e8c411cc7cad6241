"""Every error code, fired by a tiny real file, at the row and column the user sees."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from bitcheck.errors import UnreadableFileError
from bitcheck.inputs import validate_files
from bitcheck.problems import ERROR_CODES
from bitcheck.settings import Settings
from conftest import write_csv, write_xlsx

CASE_HEAD = "Sagsnr;CPR;Paragraf;Tilbud;Bevilget fra"
LOG_HEAD = "CPR;Dato;Start;Slut;Minutter;Type"


def case_csv(*cells: str, extra_head: str = "") -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        head = CASE_HEAD + (";" + extra_head if extra_head else "")
        return write_csv(folder / "sager.csv", [head, ";".join(cells)])

    return build


def log_csv(*cells: str) -> Callable[[Path], Path]:
    return lambda folder: write_csv(folder / "log.csv", [LOG_HEAD, ";".join(cells)])


def huge_sheet(folder: Path) -> Path:
    path = write_xlsx(folder / "stor.xlsx", [["Sagsnr"]])
    rebuilt = folder / "stor2.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(rebuilt, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(
                    b"</sheetData>",
                    b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>',
                )
            target.writestr(item, data)
    return rebuilt


def grid(cell: object, day: str = "Mandag 02-11-2026") -> Callable[[Path], Path]:
    days = [day, "Tirsdag", "Onsdag", "Torsdag", "Fredag"]
    rows = [["CPR-nr: 610190-1234"], ["Tid", *days], ["07:00-07:30", cell]]
    return lambda folder: write_xlsx(folder / "uge.xlsx", rows)


def unreadable(folder: Path) -> Path:
    (folder / "logs").mkdir()
    (folder / "logs" / "skadet.xlsx").write_bytes(b"PK\x03\x04broken")
    return folder / "logs"


Where = tuple[int | None, str | None]
FIXTURES: dict[str, tuple[Callable[[Path], Path], Where | list[Where]]] = {
    "unreadable-file": (unreadable, (None, None)),
    "no-header": (lambda f: write_csv(f / "x.csv", ["a;b", "1;2"]), (None, None)),
    "missing-column": (
        lambda f: write_csv(f / "s.csv", ["Sagsnr;CPR;Tilbud;§", "1;6101901234;E;85"]),
        (1, None),
    ),
    "missing-value": (case_csv("1", "", "108", "Egely", "01-01-2025"), (2, "CPR")),
    "invalid-date": (case_csv("1", "6101901234", "108", "Egely", "1/1/25"), (2, "Bevilget fra")),
    "invalid-time": (log_csv("6101901234", "02-11-2026", "7", "08:00", "", ""), (2, "Start")),
    "invalid-number": (
        case_csv("1", "6101901234", "108", "E", "01-01-2025", "ti", extra_head="Særtakst"),
        (2, "Særtakst"),
    ),
    "ambiguous-number": (
        case_csv("1", "6101901234", "108", "E", "01-01-2025", "1.500", extra_head="Timer pr. uge"),
        (2, "Timer pr. uge"),
    ),
    "negative-number": (
        case_csv("1", "6101901234", "108", "E", "01-01-2025", "-5", extra_head="Grundtakst"),
        (2, "Grundtakst"),
    ),
    "invalid-cpr": (case_csv("1", "3213901234", "108", "Egely", "01-01-2025"), (2, "CPR")),
    "invalid-paragraph": (
        case_csv("1", "6101901234", "bolig", "Egely", "01-01-2025"),
        (2, "Paragraf"),
    ),
    "invalid-need-level": (
        case_csv("1", "6101901234", "108", "E", "01-01-2025", "7", extra_head="Funktionsniveau"),
        (2, "Funktionsniveau"),
    ),
    "invalid-yes-no": (
        case_csv(
            "1", "6101901234", "108", "E", "01-01-2025", "måske", extra_head="Særtakst dokumenteret"
        ),
        (2, "Særtakst dokumenteret"),
    ),
    "invalid-unit": (
        case_csv("1", "6101901234", "108", "E", "01-01-2025", "km", extra_head="Takstenhed"),
        (2, "Takstenhed"),
    ),
    "invalid-kind": (
        log_csv("6101901234", "02-11-2026", "07:00", "08:00", "", "kaffe"),
        (2, "Type"),
    ),
    "zero-duration": (log_csv("6101901234", "02-11-2026", "07:00", "07:00", "", ""), (2, "Slut")),
    "minutes-mismatch": (
        log_csv("6101901234", "02-11-2026", "07:00", "08:00", "30", ""),
        (2, "Minutter"),
    ),
    "outside-period": (
        lambda f: write_csv(
            f / "l.csv",
            [
                "CPR;Periode fra;Periode til;Dato;Start;Slut",
                "6101901234;01-11-2026;14-11-2026;20-11-2026;07:00;08:00",
            ],
        ),
        (2, "Dato"),
    ),
    "date-without-year": (grid(20, "Mandag 02-11"), (3, "Mandag 02-11")),
    "slot-overflow": (grid(45), (3, "Mandag 02-11-2026")),
    "duplicate-case": (
        lambda f: write_csv(
            f / "s.csv",
            [
                CASE_HEAD + ";Grundtakst",
                "1;6101901234;108;E;01-01-2025;10",
                "1;6101901234;108;E;01-01-2025;20",
            ],
        ),
        (3, None),
    ),
    "sheet-too-large": (huge_sheet, (None, None)),
    "overlapping-validity": (
        lambda f: write_csv(
            f / "takster.csv",
            [
                "Tilbud;Takstniveau;Gyldig fra;Gyldig til;Grundtakst",
                "Egely;Niveau 1;01-01-2026;30-06-2026;100",
                "Egely;Niveau 1;01-06-2026;31-12-2026;110",
            ],
        ),
        [(2, None), (3, None)],  # every row of the clash is rejected
    ),
}


@pytest.mark.parametrize("code", ERROR_CODES)
def test_error_code_fires(tmp_path: Path, code: str) -> None:
    build, expected = FIXTURES[code]
    run = validate_files([str(build(tmp_path))], None, Settings(max_sheet_cells=1_000_000))
    found = [(p.row, p.column) for i in run.inputs for p in i.all_problems() if p.code == code]
    assert found == (expected if isinstance(expected, list) else [expected])
    for result in run.inputs:
        assert result.rows_read == result.rows_accepted + result.rows_rejected


def test_a_named_unreadable_file_stops_the_run(tmp_path: Path) -> None:
    (tmp_path / "skadet.xlsx").write_bytes(b"PK\x03\x04broken")
    with pytest.raises(UnreadableFileError) as caught:
        validate_files([str(tmp_path / "skadet.xlsx")], None, Settings())
    assert caught.value.reason == "corrupt"
