"""The direction guard (outputs.md §10): a filtered view says what it left out.

`--direction` (OR) and `--code` (OR), combined with AND, filter the findings a report lists;
`summary` always counts everything; `filters` records the filter and `filtered_out` holds,
per direction, the findings and annual amount left out, so a payment-only list can never pass
as the whole picture.
"""

from __future__ import annotations

from bitcheck.audit.rules import DIRECTIONS
from bitcheck.report.audit_models import AuditReport, FilteredOut, Finding


def keeps(finding: Finding, directions: list[str], codes: list[str]) -> bool:
    return (not directions or finding.direction in directions) and (
        not codes or finding.code in codes
    )


def filter_report(report: AuditReport, directions: list[str], codes: list[str]) -> AuditReport:
    """The report with only the chosen findings, and what the others were."""
    if not directions and not codes:
        return report
    kept = [f for f in report.findings if keeps(f, directions, codes)]
    left = [f for f in report.findings if not keeps(f, directions, codes)]
    filtered_out = {}
    for direction in DIRECTIONS:
        own = [f for f in left if f.direction == direction.value]
        amounts = [f.annual_amount for f in own if f.annual_amount is not None]
        filtered_out[direction.value] = FilteredOut(
            findings=len(own), annual_amount=sum(amounts) if amounts else None
        )
    return report.model_copy(
        update={
            "findings": kept,
            "filters": {"direction": sorted(directions), "code": sorted(codes)},
            "filtered_out": filtered_out,
        }
    )


def left_out_text(report: AuditReport, lang: str) -> str | None:
    """One sentence for the header of a filtered view; None when nothing was filtered."""
    from bitcheck import i18n
    from bitcheck.i18n_rules import DIRECTION_NAMES

    if report.filtered_out is None:
        return None
    parts = []
    for direction, out in report.filtered_out.items():
        if out.findings:
            amount = (
                ""
                if out.annual_amount is None
                else f", {i18n.number(out.annual_amount, lang, 0)} kr."
            )
            parts.append(f"{DIRECTION_NAMES[direction][lang]} {out.findings}{amount}")
    left = "; ".join(parts) or "0"
    return i18n.message("filtered", lang, left=left)
