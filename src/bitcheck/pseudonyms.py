"""Pseudonyms for citizens: `B-` + 10 hex digits of HMAC-SHA256(key, the 10 CPR digits).

The key is 32 bytes written as 64 hex digits, from `BITCHECK_PSEUDONYM_KEY`, else the file
named by `pseudonym_key_file` (relative to the config), else ~/.config/bitcheck/pseudonym.key,
which is created once with mode 0600 and never overwritten (outputs.md §2).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bitcheck.errors import InputError

ENV_KEY = "BITCHECK_PSEUDONYM_KEY"
DEFAULT_KEY_FILE = Path("~/.config/bitcheck/pseudonym.key")
HEX_KEY = re.compile(r"^[0-9a-fA-F]{64}$")
PSEUDONYM = re.compile(r"^B-[0-9a-f]{10}$")


@dataclass(frozen=True)
class Pseudonymizer:
    """Turns CPR digits into pseudonyms with one key; knows where the key came from."""

    key: bytes
    source: str  # "BITCHECK_PSEUDONYM_KEY" or the key file's path, never the key

    @lru_cache(maxsize=1 << 17)  # noqa: B019 - one pseudonymizer per run; a CPR recurs per case
    def pseudonym(self, cpr_digits: str) -> str:
        digest = hmac.new(self.key, cpr_digits.encode("ascii"), hashlib.sha256).hexdigest()
        return "B-" + digest[:10]


def load_pseudonymizer(key_file: Path | None) -> Pseudonymizer:
    """The key in force: the environment, else the configured file, else the user's file."""
    env = os.environ.get(ENV_KEY)
    if env is not None:
        return Pseudonymizer(_decode(env, ENV_KEY), ENV_KEY)
    path = (key_file or DEFAULT_KEY_FILE).expanduser()
    if not path.exists():
        _create_key_file(path)
    return Pseudonymizer(
        _decode(path.read_text(encoding="ascii", errors="replace"), str(path)), str(path)
    )


def _decode(text: str, source: str) -> bytes:
    text = text.strip()
    if not HEX_KEY.match(text):
        raise InputError("bad-key", source=source)
    return bytes.fromhex(text)


def _create_key_file(path: Path) -> None:
    """Write a new random key, readable by its owner only; never overwrite one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(secrets.token_hex(32) + "\n")


def key_file_of(settings_key_file: str | None, config_path: Path | None) -> Path | None:
    """The configured key file, relative to the config file it was named in."""
    if settings_key_file is None:
        return None
    path = Path(settings_key_file).expanduser()
    if not path.is_absolute() and config_path is not None:
        path = config_path.parent / path
    return path
