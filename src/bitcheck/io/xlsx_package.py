"""The zip package of an .xlsx/.xlsm: opened once, its sheets found from the workbook part.

A package up to IN_MEMORY_BYTES is read into memory once and shared by the format check, the
sheet scan and the file's hash; its parts are inflated straight from those bytes, checked as
zipfile checks them (local header, size, CRC), and anything unusual is left to zipfile itself,
so its errors stay zipfile's own. The small parts that name the sheets are parsed once per
distinct content: the files of one system repeat them.
"""

from __future__ import annotations

import functools
import io
import posixpath
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TypeVar
from xml.etree import ElementTree

PART_BYTES_LIMIT = 64 << 20  # workbook.xml and relationship parts, parsed here
SHARED_BYTES_LIMIT = 1 << 30  # any other part (calamine loads shared strings at open)
IN_MEMORY_BYTES = 32 << 20  # a package up to this size is read into memory whole
REMEMBERED_PARTS = 64  # parsed workbook and relationship parts kept, for files alike
REMEMBERED_BYTES = 1 << 16  # the largest part kept

Parsed = TypeVar("Parsed")
PACKAGE_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    ElementTree.ParseError,
    OSError,
    EOFError,
    KeyError,
    ValueError,
    NotImplementedError,  # an unsupported compression method
    RuntimeError,  # an encrypted member
)


class ScanError(Exception):
    """The package structure (workbook part, relationships) cannot be read."""


LOCAL_HEADER = struct.Struct("<4s2xH18xHH")  # signature, flags, name and extra field lengths
LOCAL_SIGNATURE = b"PK\x03\x04"
ENCRYPTED_OR_PATCHED = 0x1 | 0x20 | 0x40  # flag bits zipfile refuses or needs a password for
UTF8_NAME = 0x800


class Package:
    """An .xlsx/.xlsm zip opened once, for the format check and the scan.

    `data` holds the file's bytes when the file is small enough; a part is then inflated
    straight from them. Whenever a part looks unusual in any way, zipfile reads it instead,
    so errors are zipfile's own.
    """

    def __init__(self, archive: zipfile.ZipFile, data: bytes | None = None) -> None:
        self.archive = archive
        self.data = data

    def read(self, info: zipfile.ZipInfo) -> bytes:
        if self.data is not None:
            content = _inflate(self.data, info)
            if content is not None:
                return content
        return self.archive.read(info)

    def close(self) -> None:
        self.archive.close()

    def __enter__(self) -> Package:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def open_package(path: Path, data: bytes | None = None) -> Package:
    """Open `path` as a zip; `data` is the file's bytes when the caller has read them all."""
    if data is None and path.stat().st_size <= IN_MEMORY_BYTES:
        data = path.read_bytes()
    if data is None:
        return Package(zipfile.ZipFile(path))
    return Package(zipfile.ZipFile(io.BytesIO(data)), data)


def _inflate(data: bytes, info: zipfile.ZipInfo) -> bytes | None:
    """A stored or deflated member, checked as zipfile checks it; None when unusual."""
    start = _member_start(data, info)
    if start is None:
        return None
    raw = memoryview(data)[start : start + info.compress_size]
    if info.compress_type == zipfile.ZIP_DEFLATED:
        try:
            content = zlib.decompressobj(-15).decompress(raw, info.file_size + 1)
        except zlib.error:
            return None
    elif info.compress_type == zipfile.ZIP_STORED and info.compress_size == info.file_size:
        content = bytes(raw)
    else:
        return None
    if len(content) != info.file_size or zlib.crc32(content) != info.CRC:
        return None
    return content


def _member_start(data: bytes, info: zipfile.ZipInfo) -> int | None:
    """Where the member's data begins, when its local header agrees with the directory."""
    offset = info.header_offset
    if info.flag_bits & ENCRYPTED_OR_PATCHED or not 0 <= offset <= len(data) - LOCAL_HEADER.size:
        return None
    signature, flags, name_length, extra_length = LOCAL_HEADER.unpack_from(data, offset)
    name_start = offset + LOCAL_HEADER.size
    raw_name = data[name_start : name_start + name_length]
    try:
        name = raw_name.decode("utf-8" if flags & UTF8_NAME else "cp437")
    except UnicodeDecodeError:
        return None
    if signature != LOCAL_SIGNATURE or name != info.orig_filename:
        return None
    return int(name_start + name_length + extra_length)


# --- package structure ------------------------------------------------------------------


def check_other_parts(archive: zipfile.ZipFile, sheets: dict[str, zipfile.ZipInfo]) -> None:
    sheet_names = {info.filename for info in sheets.values()}
    for info in archive.infolist():
        if info.filename not in sheet_names and info.file_size > SHARED_BYTES_LIMIT:
            raise ScanError(f"{info.filename} declares {info.file_size} bytes")


def _normalise(name: str) -> str:
    return name.replace("\\", "/").lstrip("/").lower()


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _read_part(package: Package, info: zipfile.ZipInfo) -> bytes:
    if info.file_size > PART_BYTES_LIMIT:
        raise ScanError(f"{info.filename} is too large")
    return package.read(info)


def _remembered(parse: Callable[[bytes], Parsed]) -> Callable[[bytes], Parsed]:
    """`parse`, remembering what it gave for small parts: the files of one system repeat them."""
    remembered = functools.lru_cache(maxsize=REMEMBERED_PARTS)(parse)

    def parse_part(content: bytes) -> Parsed:
        return remembered(content) if len(content) <= REMEMBERED_BYTES else parse(content)

    return parse_part


@_remembered
def _relationship_targets(content: bytes) -> tuple[tuple[str, str], ...]:
    """(id, target as written) of the internal relationships in a .rels part."""
    return tuple(
        (element.get("Id", ""), element.get("Target", ""))
        for element in ElementTree.fromstring(content).iter()
        if _local(element.tag) == "Relationship" and element.get("TargetMode") != "External"
    )


@_remembered
def _office_document(content: bytes) -> str | None:
    """The target of the package's officeDocument relationship, as written."""
    for element in ElementTree.fromstring(content).iter():
        if element.get("Type", "").endswith("/officeDocument"):
            return element.get("Target", "")
    return None


@_remembered
def _sheet_ids(content: bytes) -> tuple[tuple[str, str], ...]:
    """(sheet name, relationship id) in workbook order; the id attribute may carry any prefix."""
    sheets = []
    for element in ElementTree.fromstring(content).iter():
        if _local(element.tag) != "sheet":
            continue
        ids = [
            value
            for key, value in element.attrib.items()
            if key.startswith("{") and _local(key) == "id"
        ]
        if ids and "name" in element.attrib:
            sheets.append((element.attrib["name"], ids[0]))
    return tuple(sheets)


@functools.lru_cache(maxsize=1024)
def _resolve(folder: str, target: str) -> str:
    """The normalised part name of a relationship target written in `folder`."""
    target = target.replace("\\", "/")
    resolved = target if target.startswith("/") else posixpath.join(folder, target)
    return _normalise(posixpath.normpath(resolved))


def _relationships(
    package: Package, members: dict[str, zipfile.ZipInfo], part: str
) -> dict[str, str]:
    """Id -> target part name (normalised) of `part`'s relationships."""
    folder, name = posixpath.split(part)
    info = members.get(posixpath.join(folder, "_rels", name + ".rels"))
    if info is None:
        return {}
    content = _read_part(package, info)
    return {rel_id: _resolve(folder, target) for rel_id, target in _relationship_targets(content)}


def _workbook_part(package: Package, members: dict[str, zipfile.ZipInfo]) -> str:
    info = members.get("_rels/.rels")
    target = None if info is None else _office_document(_read_part(package, info))
    return "xl/workbook.xml" if target is None else _resolve("", target)


def sheet_parts(package: Package) -> dict[str, zipfile.ZipInfo]:
    """Sheet name -> its XML part, from the workbook part and its relationships."""
    members = {_normalise(info.filename): info for info in package.archive.infolist()}
    part = _workbook_part(package, members)
    if part not in members:
        raise ScanError("the package has no workbook part")
    targets = _relationships(package, members, part)
    parts: dict[str, zipfile.ZipInfo] = {}
    for name, rel_id in _sheet_ids(_read_part(package, members[part])):
        info = members.get(targets.get(rel_id, ""))
        if info is not None:
            parts[name] = info
    return parts
