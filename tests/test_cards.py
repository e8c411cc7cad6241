"""Case cards, and the words no output uses (outputs.md §13, §14)."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from bitcheck.cli import cli

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
INPUTS = [
    str(EXAMPLES / "sager.xlsx"), "--tariffs", str(EXAMPLES / "takstkatalog.xlsx"),
    "--timelogs", str(EXAMPLES / "doegnskemaer"), "--as-of", "2026-11-24",
]  # fmt: skip
FORBIDDEN = ("besparelse", "savings", "saving")


def audit(*args: str) -> str:
    result = CliRunner().invoke(cli, ["audit", *INPUTS, *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_a_card_for_every_flagged_citizen_and_no_other(tmp_path: Path) -> None:
    report = json.loads(audit("--format", "json", "--cards", str(tmp_path / "kort")))
    flagged = {f["subject"] for f in report["findings"]}
    assert {p.stem for p in (tmp_path / "kort").glob("*.md")} == flagged
    assert {p.stem for p in (tmp_path / "kort").glob("*.xlsx")} == flagged
    for finding in report["findings"]:
        card = (tmp_path / "kort" / f"{finding['subject']}.md").read_text(encoding="utf-8")
        assert finding["case_id"] in card and finding["explanation"] in card
        assert "partshøring" in card and "forvaltningsloven § 19" in card


def test_citizen_side_findings_come_first_on_a_card(tmp_path: Path) -> None:
    report = json.loads(audit("--format", "json", "--cards", str(tmp_path)))
    by_subject: dict[str, set[str]] = {}
    for finding in report["findings"]:
        by_subject.setdefault(finding["subject"], set()).add(finding["direction"])
    for subject in by_subject:
        card = (tmp_path / f"{subject}.md").read_text(encoding="utf-8")
        headings = [line for line in card.splitlines() if line.startswith("### ")]
        order = ["Borger", "Betaling", "Sagsbehandling", "Data"]
        ranks = [next(i for i, d in enumerate(order) if h.startswith(f"### {d}")) for h in headings]
        assert ranks == sorted(ranks) or len({tuple(ranks)}) == 1


def test_no_cpr_on_a_card(tmp_path: Path) -> None:
    rows = list(
        openpyxl.load_workbook(EXAMPLES / "sager.xlsx").worksheets[0].iter_rows(values_only=True)
    )
    header = next(r for r in rows if "CPR-nr" in r)
    column = header.index("CPR-nr")
    values = [
        str(r[column]).replace("-", "").replace(" ", "") for r in rows[rows.index(header) + 1 :]
    ]
    cprs = {v for v in values if len(v) == 10 and v.isdigit()}
    audit("--format", "json", "--cards", str(tmp_path))
    text = "".join(p.read_text(encoding="utf-8") for p in tmp_path.glob("*.md"))
    assert len(cprs) > 30
    forms = {f for cpr in cprs for f in (cpr, f"{cpr[:6]}-{cpr[6:]}", f"{cpr[:6]} {cpr[6:]}")}
    assert not [form for form in forms if form in text]


@pytest.mark.parametrize("lang", ["da", "en"])
def test_no_output_calls_anything_a_saving(tmp_path: Path, lang: str) -> None:
    texts = [audit("--format", fmt, "--lang", lang) for fmt in ("table", "markdown", "json", "csv")]
    audit("--lang", lang, "-o", str(tmp_path / "r.xlsx"), "--cards", str(tmp_path / "kort"))
    for path in [tmp_path / "r.xlsx", *(tmp_path / "kort").glob("*.xlsx")]:
        book = openpyxl.load_workbook(path)
        buffer = io.StringIO()
        for sheet in book.worksheets:
            for row in sheet.iter_rows(values_only=True):
                buffer.write(" ".join(str(v) for v in row if v is not None))
        texts.append(buffer.getvalue())
    texts += [p.read_text(encoding="utf-8") for p in (tmp_path / "kort").glob("*.md")]
    explain = CliRunner().invoke(cli, ["explain", "882070", *INPUTS, "--lang", lang])
    texts.append(explain.stdout)
    for text in texts:
        for word in FORBIDDEN:
            assert word not in text.lower()


def test_cards_written_on_several_cores_are_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import zipfile

    from bitcheck.render import cards

    audit("--format", "json", "--cards", str(tmp_path / "one"))
    monkeypatch.setattr(cards, "MIN_CARDS_PER_CORE", 1)
    monkeypatch.setattr(cards, "workers", lambda: 3)
    audit("--format", "json", "--cards", str(tmp_path / "three"))
    names = sorted(p.name for p in (tmp_path / "one").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "three").iterdir()) and len(names) > 6
    for name in names:
        one, three = tmp_path / "one" / name, tmp_path / "three" / name
        if name.endswith(".md"):
            assert one.read_text(encoding="utf-8") == three.read_text(encoding="utf-8")
        else:
            with zipfile.ZipFile(one) as first, zipfile.ZipFile(three) as second:
                sheet = "xl/worksheets/sheet1.xml"
                assert first.read(sheet) == second.read(sheet)


def test_an_error_while_writing_leaves_no_half_written_card(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from bitcheck.render import cards

    here = os.getpid()
    real = cards.card_workbook

    def failing_here(markdown: str) -> bytes:
        if os.getpid() == here:
            raise OSError("disk full")
        return real(markdown)

    monkeypatch.setattr(cards, "MIN_CARDS_PER_CORE", 1)
    monkeypatch.setattr(cards, "workers", lambda: 3)
    monkeypatch.setattr(cards, "card_workbook", failing_here)
    result = CliRunner().invoke(
        cli, ["audit", *INPUTS, "--format", "json", "--cards", str(tmp_path)]
    )
    assert result.exit_code != 0
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    written = {p.stem for p in tmp_path.glob("*.xlsx")}
    assert written and all((tmp_path / f"{stem}.md").exists() for stem in written)


def test_a_cards_folder_that_cannot_be_made_is_an_output_error(tmp_path: Path) -> None:
    blocker = tmp_path / "afile"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    args = [*INPUTS, "--cards", str(blocker / "kort"), "-o", str(tmp_path / "r.json")]
    result = CliRunner().invoke(cli, ["audit", *args, "--lang", "en"])
    assert result.exit_code == 3 and result.stderr.count("\n") == 1
    assert f"{blocker / 'kort'}: the folder could not be made" in result.stderr
    assert not (tmp_path / "r.json").exists()  # it fails before any report is written


def test_danish_cards_write_dates_as_danes_do(tmp_path: Path) -> None:
    audit("--cards", str(tmp_path / "kort"), "-o", str(tmp_path / "r.json"), "--lang", "da")
    figures = [
        line
        for card in (tmp_path / "kort").glob("*.md")
        for line in card.read_text(encoding="utf-8").splitlines()
        if line.startswith(("- ", "Revisionsdato"))
    ]
    assert any(re.search(r"\b[0-9]{2}-[0-9]{2}-20[0-9]{2}\b", line) for line in figures)
    assert not [line for line in figures if re.search(r"\b20[0-9]{2}-[0-9]{2}-[0-9]{2}\b", line)]


def test_a_card_gives_each_source_its_rows_and_hours_one_decimal(tmp_path: Path) -> None:
    report = json.loads(audit("--format", "json", "--cards", str(tmp_path)))
    d2 = next(f for f in report["findings"] if f["code"] == "D2")
    card = (tmp_path / f"{d2['subject']}.md").read_text(encoding="utf-8")
    log = next(s for s in d2["sources"] if s["last_row"] is not None)
    assert f"{log['file']}!{log['sheet']}!{log['row']}-{log['last_row']}" in card
    assert re.search(r"^- Leveret t/uge: [0-9]+,[0-9]$", card, re.MULTILINE)  # as "15,2 t/uge"
    assert "### Borger · høj · D2 leveret over bevilling" in card
