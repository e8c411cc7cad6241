"""The Excel report's fast row writer (issue 11) writes what openpyxl itself would write.

Rows of prepared cells are written as markup by excel_stream; with `FAST_ROWS` off, the same rows
go through openpyxl's own cell writer. Every part of the file must then be byte for byte the same,
for the example reports and for tables of arbitrary values (by hypothesis, deterministic).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bitcheck.audit.run import run_audit
from bitcheck.pseudonyms import Pseudonymizer
from bitcheck.render import excel_stream
from bitcheck.render.excel import timelog_workbook_bytes, workbook_bytes
from bitcheck.render.excel_cells import (
    DKK,
    Book,
    Column,
    Sheet,
    Styled,
    clean_text,
    write_table,
)
from bitcheck.report.audit_build import build_audit_report
from bitcheck.report.audit_models import AuditReport
from bitcheck.report.timelog import build_timelog_report
from bitcheck.settings import Settings
from bitcheck.timelog.run import summarise_timelogs

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
AS_OF = dt.date(2026, 11, 24)
PSEUDONYMS = Pseudonymizer(bytes(32), "test")
TABLES = settings(
    derandomize=True,
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
TRICKY = [
    "=SUM(A1)", "+45 12", "-17", "@sag", "#N/A", " lead", "trail ", " ", "", "a & <b> > c",
    "line\nbreak", "tab\there", "bell\x07", "æøå Ω ✓", "\r\nwindows",
]  # fmt: skip


@pytest.fixture(scope="module")
def report() -> AuditReport:
    run = run_audit(
        str(EXAMPLES / "sager.xlsx"),
        str(EXAMPLES / "takstkatalog.xlsx"),
        [str(EXAMPLES / "doegnskemaer")],
        Settings(),
        AS_OF,
    )
    return build_audit_report(run, PSEUDONYMS, reveal_cpr=True, lang="da")


def parts(data: bytes) -> dict[str, bytes]:
    """Every part of the xlsx file but its creation and modification times."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {n: archive.read(n) for n in archive.namelist() if n != "docProps/core.xml"}


def assert_same_as_openpyxl(monkeypatch: pytest.MonkeyPatch, make: Callable[[], bytes]) -> None:
    fast = parts(make())
    with monkeypatch.context() as patch:
        patch.setattr(excel_stream, "FAST_ROWS", False)
        reference = parts(make())
    assert fast.keys() == reference.keys()
    assert [name for name in fast if fast[name] != reference[name]] == []


@pytest.mark.parametrize(("lang", "reveal_cpr"), [("da", False), ("en", True)])
def test_audit_workbook_as_openpyxl_writes_it(
    report: AuditReport, monkeypatch: pytest.MonkeyPatch, lang: str, reveal_cpr: bool
) -> None:
    long = report.findings[0].model_copy(update={"explanation": " & <" + "x" * 40_000})
    cut = report.model_copy(update={"findings": [long, *report.findings[1:]]})  # a comment
    assert_same_as_openpyxl(
        monkeypatch,
        lambda: workbook_bytes(cut, lang, reveal_cpr=reveal_cpr, resolved=report.findings[:2]),
    )


def test_timelog_workbook_as_openpyxl_writes_it(monkeypatch: pytest.MonkeyPatch) -> None:
    run = summarise_timelogs([str(EXAMPLES / "doegnskemaer")], Settings(), AS_OF)
    timelogs = build_timelog_report(run, Settings(), AS_OF, PSEUDONYMS, False)
    assert_same_as_openpyxl(
        monkeypatch, lambda: timelog_workbook_bytes(timelogs, "da", reveal_cpr=False)
    )


def table_bytes(columns: Sequence[Column], rows: Sequence[Sequence[object]]) -> bytes:
    workbook, (worksheet,) = excel_stream.stream_workbook(["Tabel"])
    sheet = Sheet(worksheet, Book("da"))
    write_table(sheet, columns, rows)
    sheet.flush()
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


COLUMNS = [
    Column("tekst", wrap=True),
    Column("beløb", DKK),
    Column("nøgle", left=True),
    Column("=header"),
]
VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**60), max_value=2**60),
    st.floats(),
    st.text(max_size=40),
    st.sampled_from(TRICKY),
    st.dates(),
    st.datetimes(min_value=dt.datetime(1899, 12, 30)),
    st.builds(Styled, st.floats(allow_nan=False), st.just("0.000"), st.just("FCE4D6")),
)
TABLE = st.lists(st.lists(VALUES, min_size=4, max_size=4), max_size=6)


@TABLES
@given(rows=TABLE)
def test_any_table_as_openpyxl_writes_it(
    monkeypatch: pytest.MonkeyPatch, rows: list[list[object]]
) -> None:
    assert_same_as_openpyxl(monkeypatch, lambda: table_bytes(COLUMNS, rows))


@TABLES
@given(
    rows=st.lists(st.lists(st.text(max_size=20) | st.sampled_from(TRICKY), min_size=4, max_size=4))
)
def test_texts_come_back_as_cleaned_text(rows: list[list[str]]) -> None:
    book = openpyxl.load_workbook(io.BytesIO(table_bytes(COLUMNS, rows)))
    sheet = book["Tabel"]
    for row, values in enumerate(rows, start=2):
        for column, value in enumerate(values, start=1):
            cell, cleaned = sheet.cell(row, column), clean_text(value)
            if cleaned == "":
                assert cell.value is None
                continue
            assert cell.value == cleaned.replace("\r\n", "\n").replace("\r", "\n")  # XML's
            assert cell.data_type == "s"
            assert cell.quotePrefix == cleaned.startswith(("=", "+", "-", "@", "\t", "\r"))
