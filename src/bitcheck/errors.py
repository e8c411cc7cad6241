"""Exceptions that stop a run, and the one mapping from them to exit codes."""

from __future__ import annotations

from enum import IntEnum
from typing import Any


class ExitCode(IntEnum):
    OK = 0
    FINDINGS = 1  # --fail-on / --fail-on-error / verify mismatch
    INPUT = 2  # usage error, unreadable named file, unknown kind, no accepted case
    OUTPUT = 3  # the output could not be written


class BitcheckError(Exception):
    """A problem that stops the run. `key` names a message template in `i18n`."""

    exit_code = ExitCode.INPUT

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


class InputError(BitcheckError):
    """Bad input or bad usage: exit 2."""

    exit_code = ExitCode.INPUT


class UnreadableFileError(InputError):
    """A file that cannot be opened as a table.

    `reason` is one of: missing, directory, empty, password, corrupt, not-a-table, html,
    too-large, permission.
    """

    def __init__(self, file: str, reason: str, detail: str = "") -> None:
        super().__init__("unreadable-file", file=file, reason=reason, detail=detail)
        self.file = file
        self.reason = reason
        self.detail = detail

    def __reduce__(self) -> tuple[type[UnreadableFileError], tuple[str, str, str]]:
        """Picklable, so that a worker process can hand it back."""
        return (UnreadableFileError, (self.file, self.reason, self.detail))


class OutputError(BitcheckError):
    """The output could not be written: exit 3."""

    exit_code = ExitCode.OUTPUT
