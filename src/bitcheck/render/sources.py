"""Where a figure comes from, as one text: `file!sheet!row-last_row; ...` in every format."""

from __future__ import annotations

from collections.abc import Sequence

from bitcheck.report.timelog import SourceRecord


def sources_text(sources: Sequence[SourceRecord]) -> str:
    """`file!sheet!row` or `file!sheet!row-last_row` ("; "-separated); a CSV has no sheet, a
    file-level source no row. The sheet is kept because a week grid's sheets ("Uge 43", "Uge
    44") share row numbers."""
    parts = []
    for source in sources:
        where = [source.file] if source.sheet is None else [source.file, source.sheet]
        if source.row is not None:
            rows = f"{source.row}"
            if source.last_row is not None and source.last_row != source.row:
                rows += f"-{source.last_row}"
            where.append(rows)
        parts.append("!".join(where))
    return "; ".join(parts)
