"""Invariants of the time-log arithmetic, header matching and row accounting, by hypothesis.

Deterministic (`derandomize=True`, style.md habit 12), and kept small enough to run in seconds.
The value parsers' own round trips live in test_values.py; this module covers what issue 7 adds:

- bands: splitting an entry at 07:00, 15:00 and 23:00 preserves its minutes, never negative;
- 1:1-equivalent minutes: entry minutes x staff / residents, never negative;
- combining time-log files is order-independent and equals one file holding every entry;
  with entries re-sent in part, still order-independent, and between "every row" and
  "either file alone";
- header normalisation ignores case, Danish spelling, NFD/NFC and the separators it folds;
- nothing lost: rows_read = rows_accepted + rows_rejected, and the rejected rows are exactly
  the bad rows written, named by the row the user sees (CSV: physical line; xlsx: Excel row).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import tempfile
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bitcheck.errors import UnreadableFileError
from bitcheck.inputs import InputResult, read_input
from bitcheck.settings import Settings
from bitcheck.timelog.bands import split_into_bands
from bitcheck.timelog.entries import add_minutes
from bitcheck.timelog.run import summarise_timelogs
from bitcheck.timelog.summary import CitizenLog
from bitcheck.validate import ROW
from bitcheck.values import normalise_header

AS_OF = dt.date(2026, 11, 24)
DAY = 1440.0
ROWS = settings(
    derandomize=True,
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
FILES = settings(
    derandomize=True,
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


# --- bands ------------------------------------------------------------------------------------

starts = st.floats(min_value=0, max_value=DAY, allow_nan=False)
durations = st.floats(min_value=0, max_value=3 * DAY, allow_nan=False)


@settings(derandomize=True, max_examples=300, deadline=None)
@given(entries=st.lists(st.tuples(starts, durations), min_size=1, max_size=20))
def test_bands_preserve_every_entrys_minutes_and_are_never_negative(
    entries: list[tuple[float, float]],
) -> None:
    start = np.array([s for s, _ in entries])
    minutes = np.array([m for _, m in entries])
    bands = split_into_bands(start, minutes)
    assert set(bands) == {"day", "evening", "night"}
    total = bands["day"] + bands["evening"] + bands["night"]
    for name, values in bands.items():
        assert values.shape == start.shape, name
        assert (values >= 0).all(), name
    np.testing.assert_allclose(total, minutes, rtol=0, atol=1e-9)


@settings(derandomize=True, max_examples=200, deadline=None)
@given(start=st.integers(0, 1439), minutes=st.integers(1, 3 * 1440))
def test_bands_of_whole_minutes_count_the_minutes_of_each_band(start: int, minutes: int) -> None:
    """The same split, counted minute by minute: band starts inclusive (07:00 is day)."""
    expected = {"day": 0, "evening": 0, "night": 0}
    for minute in range(start, start + minutes):
        clock = minute % 1440
        band = "day" if 420 <= clock < 900 else "evening" if 900 <= clock < 1380 else "night"
        expected[band] += 1
    bands = split_into_bands(np.array([float(start)]), np.array([float(minutes)]))
    got = {name: float(values[0]) for name, values in bands.items()}
    assert got == pytest.approx({name: float(n) for name, n in expected.items()}, abs=1e-9)


# --- 1:1-equivalent minutes -------------------------------------------------------------------

clock_times = st.integers(0, 1440).map(float)  # whole minutes, 24:00 included
maybe_end = st.one_of(st.just(math.nan), clock_times)
maybe_minutes = st.one_of(
    st.just(math.nan), st.floats(min_value=0.5, max_value=2 * DAY, allow_nan=False)
)
entry_rows = st.tuples(
    clock_times, maybe_end, maybe_minutes, st.integers(1, 6), st.integers(1, 12)
).filter(lambda row: not (math.isnan(row[1]) and math.isnan(row[2])))


@settings(derandomize=True, max_examples=200, deadline=None)
@given(rows=st.lists(entry_rows, min_size=1, max_size=15))
def test_equivalent_minutes_are_minutes_times_staff_over_residents_and_never_negative(
    rows: list[tuple[float, float, float, int, int]],
) -> None:
    frame = pd.DataFrame(rows, columns=["start", "end", "minutes", "staff", "residents"])
    result = add_minutes(frame)
    for (start, end, given_minutes, staff, residents), entry, equivalent in zip(
        rows, result["entry_minutes"], result["equivalent_minutes"], strict=True
    ):
        if math.isnan(given_minutes):
            expected = end - start + (DAY if end < start else 0.0)
        else:
            expected = given_minutes
        assert entry == expected
        assert entry >= 0 and equivalent >= 0
        assert math.isclose(equivalent, entry * staff / residents, rel_tol=1e-12, abs_tol=1e-12)


# --- combining time-log files -----------------------------------------------------------------

LOG_HEADER = (
    "CPR-nr;Tilbud;Dato;Start;Slut;Minutter;Type;Antal medarbejdere;Antal borgere;"
    "Periode fra;Periode til"
)
PERIOD = ("02-11-2026", "22-11-2026")  # 21 days, stated on every row
LOG_CPRS = ("010190-1234", "020290-2345")
KIND_WORDS = ("Direkte", "Indirekte", "Vågen nattevagt", "Sovende nat", "Gruppe")
CANONICAL_KINDS = ("direct", "indirect", "night_awake", "night_sleeping", "direct")


@dataclass(frozen=True)
class Entry:
    cpr: int
    day: int  # 2 .. 22 November 2026
    start: int  # minutes after midnight, a multiple of 5
    length: int  # minutes
    by_end: bool  # written with Slut instead of Minutter
    kind: int
    staff: int
    residents: int

    def line(self) -> str:
        start = f"{self.start // 60:02d}:{self.start % 60:02d}"
        end_minute = (self.start + self.length) % 1440
        end = f"{end_minute // 60:02d}:{end_minute % 60:02d}" if self.by_end else ""
        minutes = "" if self.by_end else str(self.length)
        return ";".join(
            [
                LOG_CPRS[self.cpr],
                "Egely",
                f"{self.day:02d}-11-2026",
                start,
                end,
                minutes,
                KIND_WORDS[self.kind],
                str(self.staff),
                str(self.residents),
                *PERIOD,
            ]
        )


log_entries = st.builds(
    Entry,
    cpr=st.integers(0, 1),
    day=st.integers(2, 22),
    start=st.integers(0, 287).map(lambda slot: slot * 5),
    length=st.integers(5, 600),  # never 1440: an end equal to its start is zero-duration
    by_end=st.booleans(),
    kind=st.integers(0, len(KIND_WORDS) - 1),
    staff=st.integers(1, 3),
    residents=st.integers(1, 4),
)
# An entry key (cpr, date, start, minutes, kind) standing in two files counts once
# (contract.md §3a), so for "equals one file" the entries are distinct on that key; repeats
# are test_combining_files_with_resent_entries_is_order_independent and the tests after it.
distinct_entries = st.lists(
    log_entries,
    min_size=1,
    max_size=40,
    unique_by=lambda e: (e.cpr, e.day, e.start, e.length, CANONICAL_KINDS[e.kind]),
)

FIGURES = (
    "period_start",
    "period_end",
    "period_days",
    "days_logged",
    "entries",
    "direct_hours",
    "delivered_hours_week",
    "indirect_hours",
    "night_awake_hours",
    "night_sleeping_hours",
    "day_hours",
    "evening_hours",
    "night_hours",
    "largest_day_minutes",
)


def write_log(path: Path, entries: Sequence[Entry]) -> str:
    path.write_text("\r\n".join([LOG_HEADER, *(e.line() for e in entries)]) + "\r\n", "utf-8")
    return str(path)


def figures(logs: list[CitizenLog]) -> dict[tuple[str, str], dict[str, object]]:
    result: dict[tuple[str, str], dict[str, object]] = {}
    for log in logs:
        values: dict[str, object] = {}
        for name in FIGURES:
            value = getattr(log, name)
            values[name] = round(value, 9) if isinstance(value, float) else value
        result[(log.cpr, log.provider_key)] = values
    return result


def summary(paths: list[str]) -> dict[tuple[str, str], dict[str, object]]:
    run = summarise_timelogs(paths, Settings(), AS_OF)
    assert not [p for i in run.inputs for p in i.all_problems() if p.is_error]
    return figures(run.logs)


@FILES
@given(entries=distinct_entries, data=st.data())
def test_combining_files_is_order_independent_and_equals_one_file(
    entries: list[Entry], data: st.DataObject
) -> None:
    in_first = data.draw(st.lists(st.booleans(), min_size=len(entries), max_size=len(entries)))
    first = [e for e, flag in zip(entries, in_first, strict=True) if flag]
    second = [e for e, flag in zip(entries, in_first, strict=True) if not flag]
    first = data.draw(st.permutations(first))
    second = data.draw(st.permutations(second))
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        whole = summary([write_log(base / "alle.csv", entries)])
        a = write_log(base / "a.csv", first)
        b = write_log(base / "b.csv", second)
        assert summary([a, b]) == whole
        assert summary([b, a]) == whole
    direct = [e for e in entries if CANONICAL_KINDS[e.kind] == "direct"]
    minutes = sum(e.length * e.staff / e.residents for e in direct)
    hours = [f["direct_hours"] for f in whole.values()]
    assert all(isinstance(h, float) for h in hours)
    assert sum(h for h in hours if isinstance(h, float)) == pytest.approx(minutes / 60)


def direct_hours(figures_by_log: dict[tuple[str, str], dict[str, object]]) -> dict[str, float]:
    hours: dict[str, float] = {}
    for (cpr, _), values in figures_by_log.items():
        value = values["direct_hours"]
        assert isinstance(value, float)
        hours[cpr] = hours.get(cpr, 0.0) + value
    return hours


@settings(FILES, max_examples=8)
@given(pool=distinct_entries, data=st.data())
def test_combining_files_with_resent_entries_is_order_independent(
    pool: list[Entry], data: st.DataObject
) -> None:
    """The same rows sent again, in part, in another file: the order of the files is moot.

    Identical rows within one file all count (two staff logged the same visit); an entry that
    also stands in the other file counts once (contract.md §3a). Whatever rule decides which
    file's rows count, combining can deliver neither more than every row counted nor less
    than either file alone.
    """
    picks = st.lists(st.integers(0, len(pool) - 1), max_size=2 * len(pool))
    first = [pool[n] for n in data.draw(picks)]
    second = [pool[n] for n in data.draw(picks)]
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        a = write_log(base / "a.csv", first)
        b = write_log(base / "b.csv", second)
        combined = summary([a, b])
        assert summary([b, a]) == combined
        every_row = direct_hours(summary([write_log(base / "alle.csv", first + second)]))
        alone = [direct_hours(summary([a])), direct_hours(summary([b]))]
    for cpr, hours in direct_hours(combined).items():
        assert hours <= every_row[cpr] + 1e-9
        assert hours >= max(single.get(cpr, 0.0) for single in alone) - 1e-9


def test_resent_entry_repeated_within_a_file_is_counted_the_same_in_either_order(
    tmp_path: Path,
) -> None:
    """Two staff log the same visit in one sheet (both count); the sheet is also sent in part.

    contract.md §3a: identical rows within one sheet all count; an entry that also stands in
    another file counts once. Issue 7: combining files is order-independent.
    """
    visit = Entry(0, 3, 480, 60, False, 0, 1, 1)
    other = Entry(0, 4, 480, 60, False, 0, 1, 1)
    twice = write_log(tmp_path / "a.csv", [visit, visit, other])
    once = write_log(tmp_path / "b.csv", [visit])
    assert summary([twice, once]) == summary([once, twice])


def test_resent_entry_with_other_staff_is_counted_the_same_in_either_order(
    tmp_path: Path,
) -> None:
    """A corrected copy of a log (staff 1 -> 2) sent beside the original: one of them counts,
    the same one whatever the order of the files (once the first file given won)."""
    one = write_log(tmp_path / "a.csv", [Entry(0, 3, 480, 60, False, 0, 1, 1)])
    two = write_log(tmp_path / "b.csv", [Entry(0, 3, 480, 60, False, 0, 2, 1)])
    assert direct_hours(summary([one, two])) == direct_hours(summary([two, one]))


# --- header normalisation ---------------------------------------------------------------------

HEADER_LETTERS = "abcdefghijklmnopqrstuvwxyzæøåéüABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅÉÜ0123456789§()/"
header_words = st.text(alphabet=HEADER_LETTERS, min_size=1, max_size=8)
separators = st.sampled_from([" ", "  ", "_", "-", "\n", "\r\n", " - ", "\t"])
header_texts = st.builds(
    lambda words, seps: "".join(w + s for w, s in zip(words[:-1], seps, strict=False)) + words[-1],
    st.lists(header_words, min_size=1, max_size=5),
    st.lists(separators, min_size=4, max_size=4),
)


@settings(derandomize=True, max_examples=300, deadline=None)
@given(text=header_texts, flips=st.lists(st.booleans(), min_size=60, max_size=60))
def test_header_normalisation_ignores_case(text: str, flips: list[bool]) -> None:
    mixed = "".join(
        c.upper() if flip else c.lower()
        for c, flip in zip(text, flips + [False] * len(text), strict=False)
    )
    normalised = normalise_header(text)
    assert normalise_header(text.upper()) == normalised
    assert normalise_header(text.lower()) == normalised
    assert normalise_header(mixed) == normalised
    assert normalise_header(normalised) == normalised
    assert normalised == normalised.lower().strip()


@settings(derandomize=True, max_examples=300, deadline=None)
@given(text=st.text(max_size=30))
def test_header_normalisation_ignores_case_of_any_text(text: str) -> None:
    """For any text whose upper case lowers back to its lower case (not `ß`, `İ`, ...)."""
    if text.upper().lower() != text.lower() or text.upper().upper() != text.upper():
        return
    assert normalise_header(text.upper()) == normalise_header(text)
    assert normalise_header(text.lower()) == normalise_header(text)


@settings(derandomize=True, max_examples=300, deadline=None)
@given(text=header_texts, dots=st.lists(st.sampled_from(["", "", ".", ":"]), max_size=60))
def test_header_normalisation_folds_danish_letters_separators_and_punctuation(
    text: str, dots: list[str]
) -> None:
    normalised = normalise_header(text)
    spelt = text.replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    spelt = spelt.replace("Æ", "AE").replace("Ø", "OE").replace("Å", "AA")
    assert normalise_header(spelt) == normalised
    assert normalise_header(unicodedata.normalize("NFD", text)) == normalised
    assert normalise_header(f"  {text}\n ") == normalised
    assert "  " not in normalised and "_" not in normalised and "-" not in normalised
    dotted = "".join(c + d for c, d in zip(text, dots + [""] * len(text), strict=False))
    assert normalise_header(dotted) == normalised


# --- nothing lost -----------------------------------------------------------------------------

CASE_HEADER = ["Sagsnr", "CPR-nr", "Navn", "Paragraf", "Tilbud", "Bevilget fra"]
CASE_GOOD = ["", "010190-1234", "Hemmelig Hansen", "SEL § 108", "Åløkke Bo", "01-01-2026"]
Defect = tuple[int, str, str]  # (column, value written, error code expected)
CASE_BAD: dict[str, list[Defect]] = {  # what makes a row bad
    "date": [(5, "31-02-2026", "invalid-date")],
    "cpr": [(1, "0101901239x", "invalid-cpr")],
    "provider": [(4, "", "missing-value")],
    "paragraph": [(3, "ingen", "invalid-paragraph")],
    "first": [(0, "", "missing-value")],  # the row's first cell is empty
    "two": [(1, "31-02-90", "invalid-cpr"), (5, "1/1/26", "invalid-date")],
}
LOG_COLUMNS = ["CPR-nr", "Dato", "Start", "Slut", "Aktivitet"]
LOG_GOOD = ["010190-1234", "03-11-2026", "08:00", "09:30", "Støtte til bad"]
LOG_BAD: dict[str, list[Defect]] = {
    "date": [(1, "32-11-2026", "invalid-date")],
    "time": [(2, "25:61", "invalid-time")],
    "zero": [(3, "", "zero-duration")],  # the end is set to the row's start
    "cpr": [(0, "1234", "invalid-cpr")],
    "first": [(0, "", "missing-value")],
    "two": [(1, "", "missing-value"), (3, "kl. 9", "invalid-time")],
}
KINDS = {"cases": (CASE_HEADER, CASE_GOOD, CASE_BAD), "time_log": (LOG_COLUMNS, LOG_GOOD, LOG_BAD)}
TOTAL_WORDS = [
    "I alt", "Ialt", "TOTAL", "Totalt:", "Sum", "Summa", "Ialt for perioden", "I alt uge 45",
]  # fmt: skip


@dataclass(frozen=True)
class Row:
    bad: str | None  # a key of the kind's bad table, or None for a good row
    multiline: bool  # a good row with a line break in a text cell
    blank_after: int  # blank rows written after this one (not data, not counted)
    total_after: str | None  # a totals row after this one (not data, not counted)


rows_strategy = st.lists(
    st.builds(
        Row,
        bad=st.one_of(st.none(), st.sampled_from(sorted(set(CASE_BAD) | set(LOG_BAD)))),
        multiline=st.booleans(),
        blank_after=st.sampled_from([0, 0, 0, 1, 2]),
        total_after=st.one_of(st.none(), st.none(), st.sampled_from(TOTAL_WORDS)),
    ),
    min_size=1,
    max_size=25,
)


def table_rows(kind: str, rows: list[Row]) -> list[tuple[list[object], list[str]]]:
    """(cells, the error codes expected on the row) per data row, in order."""
    _, good, bad_table = KINDS[kind]
    out: list[tuple[list[object], list[str]]] = []
    for n, row in enumerate(rows):
        cells: list[object] = list(good)
        if kind == "cases":
            cells[0] = f"S{n}"
        else:
            cells[2] = f"{8 + n % 12:02d}:{(7 * n) % 60:02d}"  # a distinct start per row
            cells[3] = "23:00"
        defects = bad_table.get(row.bad or "", [])
        for column, value, code in defects:
            cells[column] = cells[2] if code == "zero-duration" else value
        if not defects and row.multiline:
            column = 2 if kind == "cases" else 4  # Navn (dropped) or Aktivitet
            cells[column] = f"{cells[column]}\nlinje 2"
        out.append((cells, [code for _, _, code in defects]))
    return out


def totals_row(word: str) -> list[str]:
    return [word, "", "", "", "12"]


def csv_text(
    header: list[str], rows: list[Row], data: list[list[object]], lead: int
) -> tuple[str, list[int]]:
    """A `;` CSV with `lead` blank lines first; the physical line of each data row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    buffer.write("\r\n" * lead)
    writer.writerow(header)
    line = lead + 2
    lines = []
    for row, cells in zip(rows, data, strict=True):
        lines.append(line)
        writer.writerow(cells)
        line += 1 + sum(str(c).count("\n") for c in cells)
        buffer.write("\r\n" * row.blank_after)
        line += row.blank_after
        if row.total_after:
            writer.writerow(totals_row(row.total_after))
            line += 1
    return buffer.getvalue(), lines


def xlsx_file(
    path: Path, header: list[str], rows: list[Row], data: list[list[object]], top: int, left: int
) -> list[int]:
    """A workbook with title rows above a table whose header is at (top, left); Excel rows."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Udtræk"
    if top > 1:
        sheet.cell(row=1, column=1, value="Udtræk fra fagsystemet 24-11-2026")
    write_row(sheet, top, left, header)
    excel_row = top + 1
    rows_at = []
    for row, cells in zip(rows, data, strict=True):
        rows_at.append(excel_row)
        write_row(sheet, excel_row, left, cells)
        excel_row += 1 + row.blank_after
        if row.total_after:
            write_row(sheet, excel_row, left, totals_row(row.total_after))
            excel_row += 1
    book.save(path)
    return rows_at


def write_row(sheet: Any, row: int, left: int, cells: Sequence[object]) -> None:
    for c, value in enumerate(cells):
        if value != "":
            sheet.cell(row=row, column=left + c, value=value)


def check_accounting(result: InputResult, expected: list[tuple[int, list[str]]]) -> None:
    bad_rows = {row for row, codes in expected if codes}
    good_rows = [row for row, codes in expected if not codes]
    assert result.rows_read == len(expected)
    assert result.rows_read == result.rows_accepted + result.rows_rejected
    assert result.rows_rejected == len(bad_rows)
    accepted = [row for table in result.tables for row in table.columns[ROW]]
    assert accepted == good_rows
    errors = [p for p in result.all_problems() if p.is_error]
    assert {p.row for p in errors} == bad_rows
    assert sorted((p.row, p.code) for p in errors) == sorted(
        (row, code) for row, codes in expected for code in codes
    )


@ROWS
@given(
    kind=st.sampled_from(sorted(KINDS)),
    rows=rows_strategy,
    lead=st.integers(0, 2),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]),
)
def test_nothing_lost_in_csv_and_rows_are_physical_lines(
    kind: str, rows: list[Row], lead: int, encoding: str
) -> None:
    header = KINDS[kind][0]
    data = table_rows(kind, rows)
    text, lines = csv_text(header, rows, [cells for cells, _ in data], lead)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input.csv"
        path.write_bytes(text.encode(encoding))
        result = read_input(path, path.name, kind, Settings())
    check_accounting(result, [(line, codes) for line, (_, codes) in zip(lines, data, strict=True)])


@ROWS
@given(
    kind=st.sampled_from(sorted(KINDS)),
    rows=rows_strategy,
    top=st.integers(1, 6),
    left=st.integers(1, 4),
    typed=st.booleans(),
)
def test_nothing_lost_in_xlsx_and_rows_are_excel_rows(
    kind: str, rows: list[Row], top: int, left: int, typed: bool
) -> None:
    header = KINDS[kind][0]
    data = table_rows(kind, rows)
    cells = [typed_cells(kind, c) if typed else c for c, _ in data]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input.xlsx"
        rows_at = xlsx_file(path, header, rows, cells, top, left)
        result = read_input(path, path.name, kind, Settings())
    check_accounting(result, [(r, codes) for r, (_, codes) in zip(rows_at, data, strict=True)])


def typed_cells(kind: str, cells: list[object]) -> list[object]:
    """Good dates and times as Excel date and time cells, the way a spreadsheet holds them."""
    typed = list(cells)
    date_column = 5 if kind == "cases" else 1
    if typed[date_column] in ("01-01-2026", "03-11-2026"):
        day, month, year = (int(part) for part in str(typed[date_column]).split("-"))
        typed[date_column] = dt.date(year, month, day)
    return typed


@pytest.mark.parametrize("word", ["I alt for uge 45", "I alt timer"])
def test_two_word_totals_followed_by_text_are_not_data(tmp_path: Path, word: str) -> None:
    """contract.md "Rows": `i alt` alone or followed by a space and more text is a totals row
    (once read as data and rejected, since only the first word was compared)."""
    path = tmp_path / "skema.csv"
    lines = [";".join(LOG_COLUMNS), ";".join(LOG_GOOD), ";".join(totals_row(word))]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    result = read_input(path, path.name, "time_log", Settings())
    assert (result.rows_read, result.rows_rejected) == (1, 0)


def test_unclosed_quote_does_not_swallow_the_following_rows(tmp_path: Path) -> None:
    """A quote opened and never closed once took every later line into one field: of 4 data
    lines one was read, and the cases on lines 3-5 vanished without an error record."""
    path = tmp_path / "sager.csv"
    rows = [f"S{n};010190-1234;SEL § 108;Egely;01-01-2026" for n in range(1, 5)]
    rows[0] = 'S1;010190-1234;SEL § 108;"Egely;01-01-2026'
    lines = ["Sagsnr;CPR-nr;Paragraf;Tilbud;Bevilget fra", *rows]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    try:
        result = read_input(path, path.name, "cases", Settings())
    except UnreadableFileError:
        return  # refused, with a reason: nothing silently lost
    assert result.rows_read == 4
    rows = {row for table in result.tables for row in table.columns[ROW]}
    rows |= {p.row for p in result.all_problems() if p.is_error}
    assert rows == {2, 3, 4, 5}
