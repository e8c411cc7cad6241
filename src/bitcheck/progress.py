"""Progress bars on stderr for slow steps, only when the CLI turns them on and stderr is a TTY.

Library code wraps its long loops in `track(...)`; without `enable()` that is a plain loop, so
scripts, tests and scheduled runs never see a bar.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
MIN_ITEMS = 20  # a bar for fewer items than this only flickers
_enabled = False


def enable(on: bool) -> None:
    """Turn bars on (the CLI does, unless --quiet); they still need stderr to be a terminal."""
    global _enabled
    _enabled = on


def track(items: Iterable[T], description: str, total: int) -> Iterator[T]:
    if not _enabled or total < MIN_ITEMS or not sys.stderr.isatty():
        yield from items
        return
    from rich.console import Console
    from rich.progress import track as rich_track

    yield from rich_track(
        items, description=description, total=total, console=Console(stderr=True), transient=True
    )
