"""Helpers for test_batch.py: a copy of the examples, edits of the case export, batch files,
and readers of what a batch run leaves behind (reports, logs, the history database)."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import openpyxl
from click.testing import CliRunner, Result

from bitcheck.cli import cli
from bitcheck.i18n_fields import FIELD_LABELS, sheet_name

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CASES = EXAMPLES / "sager.xlsx"
HEADER_ROW = 4  # the example export has a title and a date above its header row

Key = tuple[str, str]  # (case_id, code)


# --- inputs ---


def copy_examples(folder: Path, *, timelogs: bool = True) -> Path:
    """The example case export and tariff catalogue (and the time logs) in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("sager.xlsx", "takstkatalog.xlsx"):
        shutil.copy2(EXAMPLES / name, folder / name)
    if timelogs:
        shutil.copytree(EXAMPLES / "doegnskemaer", folder / "doegnskemaer")
    return folder


def edit_cases(target: Path, changes: dict[str, dict[str, Any]], source: Path = CASES) -> Path:
    """`source` (the example export) saved at `target` with cells changed:
    {case_id: {header: new value}}; None empties the cell."""
    workbook = openpyxl.load_workbook(source)
    sheet = workbook.active
    assert sheet is not None
    columns = {cell.value: cell.column for cell in sheet[HEADER_ROW] if cell.value}
    rows = {
        str(sheet.cell(row=row, column=columns["Sagsnr"]).value): row
        for row in range(HEADER_ROW + 1, sheet.max_row + 1)
    }
    for case_id, cells in changes.items():
        for header, value in cells.items():
            sheet.cell(row=rows[case_id], column=columns[header]).value = value
    target.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(target)
    return target


def example_identities() -> tuple[list[str], list[str]]:
    """The example export's CPR numbers (10 digits each) and names."""
    workbook = openpyxl.load_workbook(CASES, read_only=True)
    sheet = workbook.active
    assert sheet is not None
    rows = list(sheet.iter_rows(min_row=HEADER_ROW, values_only=True))
    workbook.close()
    header = list(rows[0])
    cpr_column, name_column = header.index("CPR-nr"), header.index("Navn")
    cprs, names = set(), set()
    for row in rows[1:]:
        if row[cpr_column]:
            cprs.add(re.sub(r"\D", "", str(row[cpr_column])))
            names.add(str(row[name_column]))
    assert cprs and all(len(cpr) == 10 for cpr in cprs)
    return sorted(cprs), sorted(names)


def identity_leaks(text: str, cprs: Iterable[str], names: Iterable[str]) -> list[str]:
    """Every CPR number (with or without dash or space) and name of the examples in `text`."""
    cpr = re.compile("|".join(rf"(?<!\d){c[:6]}[-\s]?{c[6:]}(?!\d)" for c in cprs))
    return cpr.findall(text) + [name for name in names if name in text]


# --- batch files and runs ---


def job(name: str, **keys: object) -> dict[str, object]:
    """A job of the examples' inputs (without time logs unless given)."""
    return {
        "name": name,
        "cases": "sager.xlsx",
        "tariffs": "takstkatalog.xlsx",
        "output_dir": "rapporter",
        **keys,
    }


def write_jobfile(
    path: Path, jobs: list[dict[str, object]], *, history: str = "historik.sqlite", top: str = ""
) -> Path:
    """A batch file: `top` (settings), then [batch] with its jobs. JSON strings and lists of
    strings are valid TOML values."""
    lines = [top, "[batch]", f"history = {json.dumps(history)}"]
    for entry in jobs:
        lines += ["", "[[batch.jobs]]"]
        lines += [f"{key} = {json.dumps(value)}" for key, value in entry.items()]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def bitcheck(*args: str) -> Result:
    """`bitcheck ARGS...` in this process (stdout and stderr apart)."""
    return CliRunner().invoke(cli, list(args))


def history(config: Path, *args: str) -> dict[str, Any]:
    result = bitcheck("history", *args, "--config", str(config), "--format", "json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


# --- what a run leaves behind ---


def read_json(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def lifecycle(findings: list[dict[str, Any]]) -> dict[Key, tuple[str, str]]:
    """(case_id, code) -> (lifecycle, since) of a JSON report's findings."""
    return {(f["case_id"], f["code"]): (f["lifecycle"], f["since"]) for f in findings}


def keys(findings: list[dict[str, Any]]) -> set[Key]:
    return {(f["case_id"], f["code"]) for f in findings}


def sheet_rows(path: Path, key: str, lang: str = "da") -> list[dict[str, Any]]:
    """The rows of a report sheet (by its key: "findings", "resolved") as {field: value}."""
    workbook = openpyxl.load_workbook(path, read_only=True)
    rows = list(workbook[sheet_name(key, lang)].iter_rows(values_only=True))
    workbook.close()
    labels = {labels[lang]: field for field, labels in FIELD_LABELS.items()}
    header = [labels.get(str(cell), str(cell)) for cell in rows[0]]
    return [dict(zip(header, row, strict=False)) for row in rows[1:] if any(row)]


LIFECYCLE_CODES = {"ny": "new", "vedvarende": "persisting", "løst": "resolved"}  # Danish sheets


def sheet_lifecycle(rows: list[dict[str, Any]]) -> dict[Key, tuple[str, str]]:
    """(case_id, code) -> (lifecycle code, since as ISO) of the rows of a Danish findings sheet."""
    return {
        (str(r["case_id"]), r["code"]): (LIFECYCLE_CODES[r["lifecycle"]], _iso(r["since"]))
        for r in rows
    }  # fmt: skip


def _iso(value: object) -> str:
    return value.date().isoformat() if isinstance(value, dt.datetime) else str(value)


def workbook_texts(path: Path) -> list[str]:
    """Every cell value of every sheet, and every sheet name, as text."""
    workbook = openpyxl.load_workbook(path, read_only=True)
    texts = list(workbook.sheetnames)
    for worksheet in workbook.worksheets:
        for row in worksheet.iter_rows(values_only=True):
            texts += [str(value) for value in row if value is not None]
    workbook.close()
    return texts


def database_texts(path: Path) -> list[str]:
    """Every text value of every table of an SQLite database."""
    connection = sqlite3.connect(path)
    try:
        tables = [
            name
            for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        texts = []
        for table in tables:
            for row in connection.execute(f'SELECT * FROM "{table}"'):
                texts += [value for value in row if isinstance(value, str)]
        return texts
    finally:
        connection.close()


def temporary_files(folder: Path) -> list[str]:
    """Leftover temporary files (hidden ones included) in `folder`."""
    return sorted(name for name in os.listdir(folder) if name.endswith(".tmp"))
