"""A file given in the wrong place, or without the columns its place needs, is told plainly.

An analyst who gives the case export as --tariffs, or whose case export lost a column, gets one
line on stderr that names the file and what is wrong (exit 2), never a run that quietly reads
case rows as tariffs or an error that sends them to look in the wrong place.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from bitcheck.cli import cli

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
AS_OF = ["--as-of", "2026-11-24", "--lang", "en"]


def audit(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["audit", *args, *AS_OF])
    return result.exit_code, result.stdout, result.stderr


def renamed(target: Path, old: str, new: str) -> Path:
    """The example case export with one header renamed."""
    book = openpyxl.load_workbook(EXAMPLES / "sager.xlsx")
    for row in book.worksheets[0].iter_rows():
        for cell in row:
            if cell.value == old:
                cell.value = new
    book.save(target)
    return target


def test_a_case_export_given_as_the_tariff_catalogue_stops_the_run() -> None:
    cases = str(EXAMPLES / "sager.xlsx")
    code, out, err = audit(cases, "--tariffs", cases)
    assert (code, out) == (2, "")
    assert err == (
        f"bitcheck: {cases}: the headers show a case export, but the file was given as a tariff"
        " catalogue (--tariffs); check that it is the right file\n"
    )


def test_a_catalogue_or_time_log_given_as_the_case_export_stops_the_run() -> None:
    catalogue = str(EXAMPLES / "takstkatalog.xlsx")
    code, out, err = audit(catalogue)
    assert (code, out) == (2, "")
    assert err == (
        f"bitcheck: {catalogue}: the headers show a tariff catalogue, but the file was given as"
        " a case export (CASES); check that it is the right file\n"
    )
    log = str(next((EXAMPLES / "doegnskemaer").rglob("*.xlsx")))
    code, _, err = audit(log)
    assert code == 2 and "the headers show a time log" in err and "(CASES)" in err


def test_a_stray_catalogue_beside_a_rejected_case_export_does_not_hide_the_cause(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "sager"
    folder.mkdir()
    book = openpyxl.load_workbook(EXAMPLES / "sager.xlsx")
    sheet = book.worksheets[0]  # the header stands in row 4, CPR-nr in column B
    assert (sheet["A4"].value, sheet["B4"].value) == ("Sagsnr", "CPR-nr")
    for row in range(5, sheet.max_row + 1):
        sheet.cell(row, 2).value = "ikke et cpr"  # every case row rejected
    book.save(folder / "a_sager.xlsx")
    shutil.copy(EXAMPLES / "takstkatalog.xlsx", folder / "b_takster.xlsx")
    code, _, err = audit(str(folder))
    assert code == 2 and "the headers show" not in err
    assert "a_sager.xlsx" in err and "is not a CPR number" in err, err


def test_the_real_catalogue_is_no_wrong_file() -> None:
    code, _, err = audit(
        str(EXAMPLES / "sager.xlsx"), "--tariffs", str(EXAMPLES / "takstkatalog.xlsx")
    )
    assert (code, err) == (0, "")


def test_a_catalogue_with_a_paragraph_and_a_start_date_is_still_a_catalogue(
    tmp_path: Path,
) -> None:
    """Provider, paragraph and a start date reach a case export's minimum of three columns; only
    a case-id or CPR column makes a file a case export."""
    book = openpyxl.load_workbook(EXAMPLES / "takstkatalog.xlsx")
    sheet = book.worksheets[0]
    header_row = next(row for row in sheet.iter_rows() if any(c.value == "Gyldig fra" for c in row))
    for cell in header_row:
        if cell.value == "Gyldig fra":
            cell.value = "Startdato"
    sheet.cell(header_row[0].row, sheet.max_column + 1, "Paragraf")
    catalogue = tmp_path / "katalog.xlsx"
    book.save(catalogue)
    config = tmp_path / "bitcheck.toml"
    config.write_text('[aliases.tariffs]\n"Startdato" = "valid_from"\n', encoding="utf-8")
    code, _, err = audit(
        str(EXAMPLES / "sager.xlsx"), "--tariffs", str(catalogue), "--config", str(config)
    )
    assert (code, err) == (0, "")


def test_no_accepted_case_says_which_column_is_missing(tmp_path: Path) -> None:
    cases = renamed(tmp_path / "sager.xlsx", "Sagsnr", "Sags nummeret")
    code, out, err = audit(str(cases))
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert "no accepted case rows (sheet " in err
    assert "the column for case_id is missing (known names: Sags-id, Sagsnr," in err
    assert f"run bitcheck validate --kind cases {cases} to see every error" in err


def test_a_folder_of_case_exports_names_the_file_the_error_is_in(tmp_path: Path) -> None:
    folder = tmp_path / "udtraek"
    folder.mkdir()
    renamed(folder / "sager.xlsx", "Sagsnr", "Sags nummeret")
    _, _, err = audit(str(folder))
    assert err.startswith(f"bitcheck: {folder}: no accepted case rows ({folder / 'sager.xlsx'}, ")


def test_a_glob_names_the_case_export_it_chose(tmp_path: Path) -> None:
    older = renamed(tmp_path / "sager_1.xlsx", "Sagsnr", "Sags nummeret")
    newer = renamed(tmp_path / "sager_2.xlsx", "Sagsnr", "Sags nummeret")
    os.utime(older, (time.time() - 3600, time.time() - 3600))
    _, _, err = audit(str(tmp_path / "sager_*.xlsx"))
    assert err.startswith(f"bitcheck: {newer}: no accepted case rows")


def test_a_time_log_without_a_header_names_time_log_columns(tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    log.write_text("a;b;c\n1;2;3\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["timelog", str(log), "--format", "json", "--lang", "en"])
    text = result.stdout
    assert "check that the file is a time log with columns such as CPR-nr, Dato, Fra kl." in text
    assert "Grundtakst" not in text and "Sagsnr" not in text


def test_a_case_export_named_as_a_time_log_stops_timelog_and_audit() -> None:
    cases = str(EXAMPLES / "sager.xlsx")
    result = CliRunner().invoke(cli, ["timelog", cases, "--lang", "en"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"bitcheck: {cases}: the headers show a case export, but the file was given as a time log"
        " (bitcheck timelog); check that it is the right file\n"
    )
    catalogue = str(EXAMPLES / "takstkatalog.xlsx")
    code, _, err = audit(cases, "--timelogs", catalogue)
    assert code == 2 and "the headers show a tariff catalogue" in err and "(--timelogs)" in err


def test_a_case_export_inside_a_time_log_folder_is_reported_and_the_run_goes_on(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "logs"
    shutil.copytree(EXAMPLES / "doegnskemaer" / "bostedet_lindehoej", folder)
    shutil.copy(EXAMPLES / "sager.xlsx", folder / "sager.xlsx")
    result = CliRunner().invoke(cli, ["timelog", str(folder), "--format", "json"])
    assert result.exit_code == 0
    assert "no-header" in [e["code"] for e in json.loads(result.stdout)["errors"]]
