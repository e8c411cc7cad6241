"""Case cards (`bitcheck audit --cards DIR`): one page per citizen with a finding, for the
caseworker's file (outputs.md §13).

Each card is a markdown file (`B-xxxxxxxxxx.md`, readable anywhere, easy to paste into a case
system's journal note) and a one-page workbook beside it (`B-xxxxxxxxxx.xlsx`, set up to print on
one A4 page: municipalities print from Excel every day, and it needs no PDF library). A card
holds, per flagged case, the case's figures with their sources, each finding in plain words with
its numbers, rule, legal basis and evidence grade (citizen-side findings first), and the notice
that the card is not a decision. With many cards, each core writes a share of them.
"""

from __future__ import annotations

import io
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.properties import PageSetupProperties

from bitcheck import i18n
from bitcheck.errors import OutputError
from bitcheck.gc_pause import collecting_new
from bitcheck.i18n_rules import (
    CARD_NOTICE,
    DIRECTION_NAMES,
    SEVERITY_NAMES,
    legal_basis_text,
    rule_title,
)
from bitcheck.parallel import map_forked, workers
from bitcheck.render.excel_cells import clean_text
from bitcheck.render.output import write_atomic
from bitcheck.render.sources import sources_text
from bitcheck.report.audit_models import AuditReport, CaseRecord, Finding
from bitcheck.report.explain import day_text, day_text_of

WIDTH = 72  # characters of the one column: an A4 page in portrait
DIRECTION_ORDER = {"citizen": 0, "payment": 1, "process": 2, "data": 3}
FIGURES = (
    "expected_hours_week",
    "delivered_hours_week",
    "billed_per_day",
    "expected_per_day",
    "review_due",
    "evidence_grade",
)


HOUR_FIGURES = frozenset({"expected_hours_week", "delivered_hours_week"})  # one decimal


def _number(value: object, lang: str, decimals: int = 2) -> str:
    """A figure as the language writes it: amounts with two decimals, dates as dd-mm-yyyy."""
    if isinstance(value, float):
        return i18n.number(value, lang, decimals)
    day = day_text_of(value, lang)
    if day is not None:
        return day
    return "-" if value is None else str(value)


def card_markdown(
    subject: str, cases: list[CaseRecord], findings: list[Finding], report: AuditReport, lang: str
) -> str:
    lines = [
        f"# {i18n.label('card_title', lang)} {_who(subject, cases)}",
        "",
        f"{i18n.label('as_of', lang)}: {day_text(report.as_of, lang)}",
        "",
    ]
    lines += [f"> {CARD_NOTICE[lang]}", ""]
    by_case: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_case[finding.case_id].append(finding)
    for case in cases:
        own = sorted(by_case[case.case_id], key=lambda f: DIRECTION_ORDER[f.direction])
        lines += [
            f"## {i18n.label('case_id', lang)} {case.case_id}: {case.provider}, § {case.paragraph}, {case.level or '-'}",
            "",
        ]
        lines += [
            f"- {i18n.label(name, lang)}: {_number(getattr(case, name), lang, 1 if name in HOUR_FIGURES else 2)}"
            for name in FIGURES
        ]
        lines.append("")
        for finding in own:
            lines += [
                f"### {DIRECTION_NAMES[finding.direction][lang]} · {SEVERITY_NAMES[finding.severity][lang]} · "
                f"{finding.code} {rule_title(finding.code, finding.rule, lang)}",
                "",
                finding.explanation,
                "",
                f"- {i18n.label('legal_basis', lang)}: "
                f"{legal_basis_text(finding.legal_basis or '-', lang)}",
                f"- {i18n.label('evidence_grade', lang)}: {finding.evidence_grade or '-'}",
                f"- {i18n.label('sources', lang)}: {sources_text(finding.sources)}",
                "",
            ]
    return "\n".join(lines)


def card_workbook(markdown: str) -> bytes:
    """The card as a one-page printable sheet: one line of the markdown per row."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Kort"
    sheet.column_dimensions["A"].width = WIDTH
    for number, line in enumerate(markdown.splitlines(), start=1):
        cell = sheet.cell(row=number, column=1)
        text = clean_text(line.lstrip("#>- ").strip())[:32_000]
        cell.value = text
        cell.data_type = "s"  # text from the inputs is never a formula
        cell.quotePrefix = text.startswith(("=", "+", "-", "@", "\t", "\r"))
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if line.startswith("#") or line.startswith(">"):
            cell.font = Font(bold=True, size=14 if line.startswith("# ") else 11)
        lines = max(1, -(-len(text) // WIDTH))  # neither Excel nor LibreOffice fits a wrapped row
        sheet.row_dimensions[number].height = 16 * lines + (4 if line.startswith("# ") else 0)
    sheet.page_setup.orientation = "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


MIN_CARDS_PER_CORE = 50  # below this, forking costs more than another core saves


def make_folder(folder: Path) -> None:
    """The cards' folder (parents too); one that cannot be made is an output error naming it."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        detail = error.strerror or error
        raise OutputError("folder-failed", file=str(folder), detail=detail) from error


def write_cards(report: AuditReport, folder: Path, lang: str) -> list[Path]:
    """A card per citizen with at least one finding; returns the markdown files written."""
    make_folder(folder)
    findings_of: dict[str, list[Finding]] = defaultdict(list)
    for finding in report.findings:
        findings_of[finding.subject].append(finding)
    flagged = {f.case_id for f in report.findings}
    cases_of: dict[str, list[CaseRecord]] = defaultdict(list)
    for case in report.cases:
        if case.case_id in flagged:  # a finding's subject is its case's citizen
            cases_of[case.subject].append(case)
    subjects = sorted(findings_of)
    count = max(1, min(workers(), len(subjects) // MIN_CARDS_PER_CORE))
    shares = [subjects[n::count] for n in range(count)]
    cards = _Cards(folder, report, lang, dict(findings_of), dict(cases_of))
    map_forked(cards.write, shares)  # about 13 ms a card
    return [folder / f"{subject}.md" for subject in subjects]


@dataclass(frozen=True)
class _Cards:
    folder: Path
    report: AuditReport
    lang: str
    findings_of: dict[str, list[Finding]]
    cases_of: dict[str, list[CaseRecord]]

    def write(self, subjects: list[str]) -> None:
        with collecting_new():  # each card's workbook is cyclic garbage once written
            for subject in subjects:
                cases, findings = self.cases_of.get(subject, []), self.findings_of[subject]
                markdown = card_markdown(subject, cases, findings, self.report, self.lang)
                write_atomic(self.folder / f"{subject}.md", markdown.encode("utf-8"))
                write_atomic(self.folder / f"{subject}.xlsx", card_workbook(markdown))


def _who(subject: str, cases: list[CaseRecord]) -> str:
    """The citizen's pseudonym, with the CPR number beside it when the report reveals it."""
    cpr = next((case.cpr for case in cases if case.cpr), None)
    return f"{subject} ({cpr})" if cpr else subject
