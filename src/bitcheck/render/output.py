"""Writing results: stdout, or a file written atomically (temp file + rename)."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

from bitcheck.errors import InputError, OutputError

SUFFIX_FORMATS = {".json": "json", ".md": "markdown", ".csv": "csv", ".xlsx": "xlsx"}


def format_of(
    output: Path | None,
    given: str | None,
    default: str = "table",
    *,
    offered: tuple[str, ...] = ("table", "markdown", "json", "csv", "xlsx"),
    command: str = "bitcheck",
) -> str:
    """The output format: from -o's suffix, checked against --format when both are given and
    against the formats the command writes (`offered`), so that no table lands in an .xlsx."""
    if output is None:
        chosen = given or default
    else:
        chosen = SUFFIX_FORMATS.get(output.suffix.lower(), "")
        if not chosen:
            raise InputError("unknown-suffix", file=str(output))
        if given is not None and given != chosen:
            raise InputError("format-disagrees", given=given, file=output.name)
    if chosen not in offered:
        raise InputError(
            "format-not-offered", command=command, formats=", ".join(offered), given=chosen
        )
    return chosen


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that a failure leaves no half-written file behind."""
    directory = path.parent if str(path.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise OutputError("output-failed", file=str(path), detail=exc.strerror or str(exc)) from exc
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o666 & ~_umask())  # as an ordinary file would be, not mkstemp's 0600
        os.replace(temporary, path)
    except OSError as exc:
        _remove(temporary)
        raise OutputError("output-failed", file=str(path), detail=exc.strerror or str(exc)) from exc
    except BaseException:  # interrupted (SIGTERM, Ctrl-C): no partial file stays behind
        _remove(temporary)
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _remove(temporary: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(temporary)


def emit(text: str, output: Path | None) -> None:
    """Results to stdout, or to the -o file."""
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    write_atomic(output, text.encode("utf-8"))
