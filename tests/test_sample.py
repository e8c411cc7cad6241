"""`bitcheck sample`: seeded, direction-balanced, and open about why each case was chosen."""

from __future__ import annotations

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


def sample(*args: str) -> dict[str, object]:
    result = CliRunner().invoke(cli, ["sample", *INPUTS, "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def directions(report: dict[str, object]) -> list[str]:
    return [str(c["reason"]).split("-side")[0] for c in report["chosen"]]  # type: ignore[attr-defined,index]


def test_the_same_seed_gives_the_same_choice() -> None:
    assert sample("-n", "12", "--seed", "5") == sample("-n", "12", "--seed", "5")
    assert (
        sample("-n", "12", "--seed", "5")["chosen"] != sample("-n", "12", "--seed", "6")["chosen"]
    )


@pytest.mark.parametrize("n", [3, 10, 25, 40])
def test_payment_suspicions_never_outnumber_citizen_ones(n: int) -> None:
    report = sample("-n", str(n), "--seed", "2")
    chosen = directions(report)
    assert chosen.count("payment") <= chosen.count("citizen")
    # all 40 only if the payment side fits under the citizen side: here 5 > 3, so 38 at most
    assert len(chosen) == min(n, 38)
    assert len({c["case_id"] for c in report["chosen"]}) == len(chosen)  # type: ignore[index, union-attr]


def test_never_reviewed_and_overdue_cases_come_first_among_the_rest() -> None:
    reasons = [c["reason"] for c in sample("-n", "8", "--seed", "1")["chosen"]]  # type: ignore[index,union-attr]
    rest = [r for r in reasons if r.startswith("no suspicion")]
    assert rest and "overdue" in rest[0]


def test_strata_count_every_case_and_every_choice() -> None:
    report = sample("-n", "10")
    strata = report["strata"]
    assert sum(s["cases"] for s in strata) == 40  # type: ignore[index,union-attr]
    assert sum(s["chosen"] for s in strata) == 10  # type: ignore[index,union-attr]


def test_the_request_list_for_providers(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["sample", *INPUTS, "-n", "5", "-o", str(tmp_path / "anmodning.xlsx")]
    )
    assert result.exit_code == 0
    sheet = openpyxl.load_workbook(tmp_path / "anmodning.xlsx").worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Tilbud", "Borger (pseudonym)", "Sagsnr.")
    assert len(rows) == 6 and all(str(r[1]).startswith("B-") for r in rows[1:])
    how = str(rows[1][-1])  # a provider has no bitcheck: the text asks for the template sent along
    assert how.startswith("Udfyld det vedlagte døgnskema") and "bitcheck" not in how


def test_reveal_cpr_gives_every_chosen_case_its_cpr(tmp_path: Path) -> None:
    hidden, revealed = sample("-n", "6"), sample("-n", "6", "--reveal-cpr")
    assert all("cpr" not in c for c in hidden["chosen"])  # type: ignore[union-attr]
    cprs = [c.pop("cpr") for c in revealed["chosen"]]  # type: ignore[union-attr]
    assert all(re.fullmatch(r"[0-9]{6}-[0-9]{4}", cpr) for cpr in cprs)
    assert revealed == hidden  # nothing else changes

    markdown = sample_text("--format", "markdown", "--lang", "en", "--reveal-cpr")
    assert table_headers(markdown)[1] == [
        "case_id", "subject", "cpr", "provider", "level", "reason"
    ]  # fmt: skip
    assert re.search(r"\| B-[0-9a-f]{10} \| [0-9]{6}-[0-9]{4} \|", markdown)

    target = tmp_path / "anmodning.xlsx"
    args = ["sample", *INPUTS, "-n", "5", "--reveal-cpr", "-o", str(target)]
    assert CliRunner().invoke(cli, args).exit_code == 0
    rows = list(openpyxl.load_workbook(target).worksheets[0].iter_rows(values_only=True))
    assert rows[0][:4] == ("Tilbud", "Borger (pseudonym)", "CPR-nr.", "Sagsnr.")
    assert all(re.fullmatch(r"[0-9]{6}-[0-9]{4}", str(row[2])) for row in rows[1:])
    assert all(hasattr(row[4], "year") and hasattr(row[5], "year") for row in rows[1:])


def sample_text(*args: str) -> str:
    result = CliRunner().invoke(cli, ["sample", *INPUTS, "-n", "10", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def table_headers(markdown: str) -> list[list[str]]:
    """The header cells of every markdown table: the line above each `|---|` line."""
    lines = markdown.splitlines()
    return [
        [cell.strip() for cell in lines[i - 1].strip().strip("|").split("|")]
        for i, line in enumerate(lines)
        if line.startswith("|--")
    ]


ENGLISH_WORDS = [
    "Strata", "Chosen", "as of", "case_id", "subject", "provider", "suspected_direction",
    "reason", "citizen", "payment", "suspicion", "drawn at random",
]  # fmt: skip


def test_sample_speaks_danish_with_lang_da() -> None:
    markdown = sample_text("--lang", "da", "--format", "markdown")
    assert markdown.startswith("# 10 sager udvalgt pr. 24-11-2026, startværdi (--seed) 1\n")
    assert table_headers(markdown) == [
        ["Tilbud", "Niveau", "Formodet retning", "Sager", "Valgt"],
        ["Sagsnr.", "Borger (pseudonym)", "Tilbud", "Niveau", "Årsag"],
    ]
    table = sample_text("--lang", "da")
    assert "Lag (10 sager udvalgt pr. 24-11-2026, startværdi (--seed) 1)" in table
    assert "Udvalgte sager" in table
    for text in (markdown, table):
        assert "mistanke på borgersiden (" in text and "mistanke på betalingssiden (" in text
        assert "ingen mistanke; trukket tilfældigt inden for sit lag" in text
        assert "Betaling" in text and "Ingen" in text  # the suspected directions
        assert [word for word in ENGLISH_WORDS if word in text] == []


def test_sample_is_unchanged_with_lang_en() -> None:
    markdown = sample_text("--lang", "en", "--format", "markdown")
    assert markdown.startswith("# 10 cases chosen as of 2026-11-24, seed (--seed) 1\n")
    assert table_headers(markdown) == [
        ["provider", "level", "suspected_direction", "cases", "chosen"],
        ["case_id", "subject", "provider", "level", "reason"],
    ]
    table = sample_text("--lang", "en")
    assert "Strata (10 cases chosen as of 2026-11-24, seed (--seed) 1)" in table
    assert "\nChosen" in table
    assert "citizen-side suspicion (" in table and "no suspicion; drawn at random" in table


def test_the_json_sample_is_the_same_in_both_languages() -> None:
    danish = sample("-n", "10", "--lang", "da")
    assert danish == sample("-n", "10", "--lang", "en")
    assert "citizen-side suspicion (D2)" in [c["reason"] for c in danish["chosen"]]  # type: ignore[attr-defined,index]


def test_one_provider_and_level_is_shown_with_one_spelling() -> None:
    """`Niv. 2` and `Niveau 2` are one level (as the catalogue matches them): its strata, one per
    suspected direction, show it one way."""
    from bitcheck.values import normalise_name

    report = sample("-n", "40", "--seed", "2026")
    spellings: dict[tuple[str, str], set[str]] = {}
    for stratum in report["strata"]:  # type: ignore[union-attr]
        key = (stratum["provider"], normalise_name(stratum["level"] or ""))  # type: ignore[index]
        spellings.setdefault(key, set()).add(stratum["level"])  # type: ignore[index]
    assert any(len(levels) == 1 for levels in spellings.values())
    assert all(len(levels) == 1 for levels in spellings.values()), spellings
    named = {
        f"{s['provider']} / {s['level'] or '-'} / {s['suspected_direction']}"  # type: ignore[index]
        for s in report["strata"]  # type: ignore[union-attr]
    }
    assert {c["stratum"] for c in report["chosen"]} <= named  # type: ignore[index,union-attr]
