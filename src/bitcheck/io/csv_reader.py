"""CSV and Excel "Unicode text" (.txt) files as Danish systems write them.

The encoding is decided from the whole file: a UTF-16 or UTF-8 byte order mark, else UTF-8 if
every byte sequence is valid UTF-8, else Windows-1252 (bytes it leaves undefined read as
U+FFFD). The separator is an Excel `sep=` first line when there is one (that line is not data
but still counts as line 1), else the one of `;`, tab and `,` that splits the first records
into the same number of fields most consistently. Row numbers are the physical line on which
each record starts, so a quoted field with line breaks does not shift the rows after it.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import re
from collections import Counter
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

from bitcheck.errors import UnreadableFileError
from bitcheck.io.raw import RawTable, SourceFile
from bitcheck.problems import Problem

SEPARATORS = (";", "\t", ",")  # in order of preference when equally consistent
SAMPLE_RECORDS = 50
SAMPLE_TEXT = 1 << 18  # characters the separator is chosen from
SEPARATOR_LINE = re.compile(r'"?sep=([^\r\n"])\1*"?[ \t]*(?:\r\n|\r|\n|$)', re.IGNORECASE)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
MAX_CONTROL_SHARE = 0.05  # of the first SAMPLE_CHARS characters
SAMPLE_CHARS = 8192
QUIET_ENCODINGS = ("utf-8", "utf-8-sig")

csv.field_size_limit(2**31 - 1)  # a long free-text cell is data, not a reason to refuse the file


def read_csv(path: Path, display: str) -> SourceFile:
    """Read a CSV or .txt file into one table (sheet None) with physical line numbers."""
    data = _read_bytes(path, display)
    text, encoding = decode(data)
    _check_text(text, display)
    table = parse_table(text, display)
    problems = [] if encoding in QUIET_ENCODINGS else [_encoding_note(display, encoding)]
    return SourceFile(
        path=path,
        display=display,
        file_format="csv",
        sha256=hashlib.sha256(data).hexdigest(),
        tables=[table],
        encoding=encoding,
        problems=problems,
    )


def _read_bytes(path: Path, display: str) -> bytes:
    try:
        return path.read_bytes()
    except PermissionError as exc:
        raise UnreadableFileError(display, "permission") from exc
    except IsADirectoryError as exc:
        raise UnreadableFileError(display, "directory") from exc
    except FileNotFoundError as exc:
        raise UnreadableFileError(display, "missing") from exc


def _encoding_note(display: str, encoding: str) -> Problem:
    return Problem(code="encoding", file=display, params={"encoding": encoding})


def decode(data: bytes) -> tuple[str, str]:
    """The text of a file and the name of its encoding, decided from all of its bytes."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    unmarked = _utf16_without_mark(data)
    if unmarked:
        return data.decode(unmarked, errors="replace"), "utf-16"
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data.decode("utf-8-sig"), "utf-8-sig"
        except UnicodeDecodeError:
            return data[len(codecs.BOM_UTF8) :].decode("windows-1252", "replace"), "windows-1252"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("windows-1252", errors="replace"), "windows-1252"


def _utf16_without_mark(data: bytes) -> str | None:
    """utf-16-le/-be for text whose every other byte is zero (UTF-16 saved without a mark)."""
    sample = data[: 2 * SAMPLE_CHARS]
    half = len(sample) // 2
    if half == 0 or b"\x00" not in sample:
        return None
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    if odd > 0.9 * half and even < 0.1 * half:
        return "utf-16-le"
    if even > 0.9 * half and odd < 0.1 * half:
        return "utf-16-be"
    return None


def _check_text(text: str, display: str) -> None:
    """Empty files and binary files are not tables."""
    if not text.strip():
        raise UnreadableFileError(display, "empty")
    sample = text[:SAMPLE_CHARS]
    if "\x00" in text or len(CONTROL.findall(sample)) > MAX_CONTROL_SHARE * len(sample):
        raise UnreadableFileError(display, "not-a-table", detail="binary content")


def parse_table(text: str, display: str) -> RawTable:
    """Parse decoded text: separator line, separator, records and their start lines."""
    declared = SEPARATOR_LINE.match(text)
    body = text[declared.end() :] if declared else text
    separator = declared.group(1) if declared else choose_separator(body)
    offset = 1 if declared else 0
    cells: list[list[object]] = []
    lines: list[int] = []
    try:
        for line, record in _records(body, separator):
            row: list[object] = list(record)
            cells.append(row)
            lines.append(line + offset)
    except csv.Error as exc:
        raise UnreadableFileError(display, "not-a-table", detail=str(exc)) from exc
    return RawTable(file=display, sheet=None, cells=cells, row_numbers=lines)


def _records(text: str, separator: str) -> Iterator[tuple[int, list[str]]]:
    """(physical start line, fields) of each record; line breaks inside quotes are kept.

    A quote opened and never closed would swallow the rest of the file into one field; from
    that record on, each physical line is read as its own record with quotes taken literally,
    so no row disappears (the stray quote then shows in the value the row is rejected for).
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    start = 1
    while True:
        start = reader.line_num + 1
        try:
            record = next(reader, None)
        except csv.Error:
            break
        if record is None:
            return
        yield start, record
    lines = text.splitlines()
    literal = csv.reader(lines[start - 1 :], delimiter=separator, quoting=csv.QUOTE_NONE)
    for number, record in enumerate(literal, start=start):
        yield number, record


def choose_separator(text: str) -> str:
    """The separator that gives the sample records one field count most consistently.

    csv.Sniffer prefers `,` when `;` and `,` are equally consistent, which misreads Danish
    files with decimal commas (`1234,50`), so the choice is made here: a separator must give
    at least two fields; the largest share of sample records with the most common field count
    wins, `;` before tab before `,`. A file where none splits is one column.
    """
    sample = text[:SAMPLE_TEXT]
    scores = [(_consistency(sample, separator), -rank) for rank, separator in enumerate(SEPARATORS)]
    best = max(scores)
    return SEPARATORS[-best[1]] if best[0] > 0 else SEPARATORS[0]


def _consistency(text: str, separator: str) -> float:
    try:
        records = [record for _, record in islice(_records(text, separator), SAMPLE_RECORDS)]
    except csv.Error:
        return 0.0
    counts = Counter(len(record) for record in records if record)
    if not counts:
        return 0.0
    fields, frequency = counts.most_common(1)[0]
    return frequency / sum(counts.values()) if fields > 1 else 0.0
