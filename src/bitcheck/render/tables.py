"""Plain tables for the terminal (rich) and markdown (tabulate)."""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from typing import TextIO

from rich import box
from rich.console import Console
from rich.table import Table
from tabulate import tabulate

Row = Sequence[object]
PLAIN_WIDTH = 400  # off a terminal, tables are as wide as their content


def console(stream: TextIO | None = None) -> Console:
    """A console for results: colour only on a terminal."""
    target = stream or sys.stdout
    tty = target.isatty()
    return Console(
        file=target,
        no_color=not tty,
        highlight=False,
        width=None if tty else PLAIN_WIDTH,
        soft_wrap=False,
    )


def rich_table(title: str, headers: Sequence[str], rows: Sequence[Row]) -> Table:
    table = Table(title=title, box=box.SIMPLE_HEAVY, title_justify="left", show_lines=False)
    for header in headers:
        table.add_column(header, overflow="fold")
    for row in rows:
        table.add_row(*("" if cell is None else str(cell) for cell in row))
    return table


def render_terminal(
    tables: Sequence[tuple[str, Sequence[str], Sequence[Row]]], lines: Sequence[str] = ()
) -> str:
    """Render rich tables to text (colour only when stdout is a terminal)."""
    buffer = io.StringIO()
    tty = sys.stdout.isatty()
    out = Console(
        file=buffer,
        force_terminal=tty,
        no_color=not tty,
        highlight=False,
        width=console().width if tty else PLAIN_WIDTH,
    )
    for title, headers, rows in tables:
        out.print(rich_table(title, headers, rows))
    for line in lines:
        out.print(line)
    return buffer.getvalue()


def markdown_table(headers: Sequence[str], rows: Sequence[Row]) -> str:
    cleaned = [
        ["" if cell is None else str(cell).replace("|", "\\|") for cell in row] for row in rows
    ]
    return tabulate(cleaned, headers=list(headers), tablefmt="github", disable_numparse=True)
