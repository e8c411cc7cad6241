"""One entry point for every input file: the format is told by content first, suffix second.

- a zip: an OpenDocument spreadsheet when its `mimetype` says so, else .xlsb when it holds a
  binary workbook part, else .xlsx (.xlsm when so named or declared);
- an OLE compound file: .xls, or a password-protected Office file when it holds an
  `EncryptedPackage` stream;
- text: an HTML page (Excel's "save as web page", and .xls files that are really HTML) or an
  XML spreadsheet is not read; any other text is CSV, whatever its suffix.

For a file that cannot be read, only `UnreadableFileError` leaves `read_file` (reasons:
missing, directory, permission, empty, password, corrupt, not-a-table, html, too-large). A
sheet that is too large or that calamine cannot read is a problem on the returned file.
`workbook.ReaderProcessError` means the reader process could not start at all: a broken
installation, not a bad file.
"""

from __future__ import annotations

import codecs
import csv
import zipfile
import zlib
from pathlib import Path

import python_calamine as calamine

from bitcheck.errors import UnreadableFileError
from bitcheck.io.csv_reader import read_csv
from bitcheck.io.raw import SourceFile
from bitcheck.io.workbook import read_workbook
from bitcheck.io.xlsx_package import Package, open_package

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
HEAD_BYTES = 1 << 16
ZIP_ENCRYPTED = 0x1  # general purpose flag of a zip entry with a password
SAVE_AS = "save it as .xlsx or .csv"
WORKBOOK_SUFFIXES = {".xlsx": "xlsx", ".xlsm": "xlsm", ".xlsb": "xlsb"}
READ_ERRORS = (
    calamine.CalamineError,
    zipfile.BadZipFile,
    zlib.error,
    csv.Error,
    EOFError,
    NotImplementedError,
    UnicodeError,
    ValueError,
    OSError,
)


def read_file(path: Path, display: str, *, max_sheet_cells: int) -> SourceFile:
    """Read a CSV, text or workbook file into raw tables.

    A zip is opened once: its format is told, its sheets are scanned and its bytes hashed
    from the same `Package`.
    """
    try:
        head = _head(path, display)
        if head.startswith(ZIP_MAGIC):
            with open_package(path, _whole(head)) as package:
                file_format = _zip_format(package, path, display)
                return read_workbook(path, display, file_format, max_sheet_cells, package)
        file_format = _plain_format(head, path, display)
        if file_format == "csv":
            return read_csv(path, display)
        return read_workbook(path, display, file_format, max_sheet_cells)
    except UnreadableFileError:
        raise
    except READ_ERRORS as exc:
        raise _unreadable(display, exc) from exc


def _unreadable(display: str, exc: Exception) -> UnreadableFileError:
    if isinstance(exc, PermissionError):
        return UnreadableFileError(display, "permission")
    if isinstance(exc, IsADirectoryError):
        return UnreadableFileError(display, "directory")
    if isinstance(exc, FileNotFoundError):
        return UnreadableFileError(display, "missing")
    return UnreadableFileError(display, "corrupt", detail=str(exc))


def detect_format(path: Path, display: str) -> str:
    """xlsx, xlsm, xls, xlsb, ods or csv, from the file's first bytes (and its suffix)."""
    head = _head(path, display)
    if head.startswith(ZIP_MAGIC):
        with open_package(path, _whole(head)) as package:
            return _zip_format(package, path, display)
    return _plain_format(head, path, display)


def _head(path: Path, display: str) -> bytes:
    """The file's first HEAD_BYTES bytes (all of a smaller file)."""
    if path.is_dir():
        raise UnreadableFileError(display, "directory")
    if not path.exists():
        raise UnreadableFileError(display, "missing")
    with path.open("rb") as stream:
        head = stream.read(HEAD_BYTES)
    if not head:
        raise UnreadableFileError(display, "empty")
    return head


def _whole(head: bytes) -> bytes | None:
    """The head when it is the whole file, which then need not be read again."""
    return head if len(head) < HEAD_BYTES else None


def _plain_format(head: bytes, path: Path, display: str) -> str:
    if head.startswith(OLE_MAGIC):
        return _ole_format(path, display)
    _refuse_markup(head, display)
    return "csv"


def _zip_format(package: Package, path: Path, display: str) -> str:
    infos = package.archive.infolist()
    names = {info.filename.replace("\\", "/").lower(): info for info in infos}
    if any(info.flag_bits & ZIP_ENCRYPTED for info in names.values()):
        raise UnreadableFileError(display, "password")
    if _is_opendocument(package, names.get("mimetype")):
        return "ods"
    if any(name.endswith("workbook.bin") for name in names):
        return "xlsb"
    if any(name.endswith("workbook.xml") for name in names):
        return "xlsm" if _is_macro_workbook(path, names) else "xlsx"
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        return WORKBOOK_SUFFIXES[path.suffix.lower()]
    raise UnreadableFileError(display, "not-a-table", detail=SAVE_AS)


def _is_opendocument(package: Package, mimetype: zipfile.ZipInfo | None) -> bool:
    if mimetype is None or mimetype.file_size > HEAD_BYTES:
        return False
    return package.read(mimetype).strip().startswith(ODS_MIMETYPE)


def _is_macro_workbook(path: Path, names: dict[str, zipfile.ZipInfo]) -> bool:
    return path.suffix.lower() == ".xlsm" or "xl/vbaproject.bin" in names


def _ole_format(path: Path, display: str) -> str:
    if _contains(path, ENCRYPTED_PACKAGE):
        raise UnreadableFileError(display, "password")
    return "xls"


def _contains(path: Path, marker: bytes) -> bool:
    """Whether the file's bytes contain `marker`, read in chunks."""
    tail = b""
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            if marker in tail + chunk:
                return True
            tail = chunk[-len(marker) :]
    return False


def _refuse_markup(head: bytes, display: str) -> None:
    """HTML pages and XML spreadsheets are not tables bitcheck reads."""
    text = _head_text(head).lstrip().lower()
    if text.startswith("mime-version:") and "text/html" in text:
        raise UnreadableFileError(display, "html", detail=SAVE_AS)
    if not text.startswith("<"):
        return
    if "<html" in text or "<table" in text:
        raise UnreadableFileError(display, "html", detail=SAVE_AS)
    if text.startswith("<?xml") or "<workbook" in text:
        raise UnreadableFileError(display, "not-a-table", detail=SAVE_AS)


def _head_text(head: bytes) -> str:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return head.decode("utf-16", errors="replace")
    return head.decode("utf-8-sig", errors="replace")
