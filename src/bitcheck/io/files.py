"""Finding input files: a file as typed, every table file in a folder, or the matches of a glob.

Each file comes with its display name (outputs.md §2): a file named directly appears as typed,
a file found through a folder or glob as the argument joined with its path below it, always
with `/`.
"""

from __future__ import annotations

import glob
import hashlib
import os
from pathlib import Path

from bitcheck.errors import UnreadableFileError

TABLE_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".xlsb", ".ods", ".csv", ".txt"})
GLOB_CHARACTERS = frozenset("*?[")


def is_glob(argument: str) -> bool:
    return any(character in GLOB_CHARACTERS for character in argument)


def slashed(text: str) -> str:
    """A path as shown: `/` separators, and bytes that are not UTF-8 shown as U+FFFD."""
    shown = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return shown.replace("\\", "/")


def expand_paths(argument: str) -> list[tuple[Path, str]]:
    """(path, display name) of a file as typed, or of every table file in a folder.

    A folder is searched recursively; its files come sorted by their path below the folder in
    code-point order. Lock files (`~$...`), hidden files and folders and files whose name
    starts with README are skipped. A glob gives all its matches (see `expand_glob`); a file or
    folder that exists is taken as named, even when its name holds glob characters.
    """
    path = Path(argument)
    if path.is_dir():
        return _folder_files(path, argument)
    if path.exists():
        return [(path, slashed(argument))]  # even when its name holds `[` or `*`
    if is_glob(argument):
        return expand_glob(argument)
    raise UnreadableFileError(slashed(argument), "missing")


def _folder_files(folder: Path, argument: str) -> list[tuple[Path, str]]:
    try:
        below = sorted(_table_files(folder))
    except PermissionError as exc:
        raise UnreadableFileError(slashed(argument), "permission") from exc
    prefix = slashed(argument).rstrip("/")
    return [(folder.joinpath(*relative.split("/")), f"{prefix}/{relative}") for relative in below]


def _table_files(folder: Path) -> list[str]:
    """Paths below `folder` (with `/`) of the table files to read."""
    found: list[str] = []
    for root, folders, files in os.walk(folder, onerror=_raise):
        folders[:] = [name for name in folders if not name.startswith(".")]
        relative = Path(root).relative_to(folder).as_posix()
        for name in files:
            if is_table_file(name):
                found.append(name if relative == "." else f"{relative}/{name}")
    return found


def _raise(error: OSError) -> None:
    raise error


def is_table_file(name: str) -> bool:
    """A file a folder contributes: a table suffix, and not a lock, hidden or README file."""
    if name.startswith(("~$", ".")) or name.upper().startswith("README"):
        return False
    return Path(name).suffix.lower() in TABLE_SUFFIXES


def expand_glob(pattern: str) -> list[tuple[Path, str]]:
    """Every file matching `pattern` (`**` reaches into subfolders), sorted by display name.

    Excel's lock files (`~$...`) are left out; a pattern without a match is a missing file.
    """
    matches = [Path(match) for match in glob.glob(pattern, recursive=True)]
    files = sorted(
        (glob_display(pattern, path), path)
        for path in matches
        if path.is_file() and not path.name.startswith("~$")
    )
    if not files:
        raise UnreadableFileError(slashed(pattern), "missing")
    return [(path, display) for display, path in files]


def newest_match(pattern: str) -> Path:
    """The file matching `pattern` modified last; of equal times, the last by name."""
    files = expand_glob(pattern)
    return max(files, key=lambda pair: (pair[0].stat().st_mtime_ns, pair[1]))[0]


def glob_display(pattern: str, path: Path) -> str:
    """The pattern's folders before its first wildcard, as typed, joined with the path below."""
    parts = slashed(pattern).split("/")
    fixed = next((index for index, part in enumerate(parts) if is_glob(part)), len(parts) - 1)
    base = "/".join(parts[:fixed])
    if not base:
        return path.as_posix()
    return f"{base.rstrip('/')}/{path.relative_to(Path(base)).as_posix()}"


def file_sha256(path: Path) -> str:
    """SHA-256 of a file's bytes, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()
