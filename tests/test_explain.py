"""`bitcheck explain`: the trace of a case, every number with its formula and source."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from bitcheck.cli import cli
from bitcheck.render.explain import RULE_COLUMNS, STEP_COLUMNS

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
INPUTS = [
    str(EXAMPLES / "sager.xlsx"), "--tariffs", str(EXAMPLES / "takstkatalog.xlsx"),
    "--timelogs", str(EXAMPLES / "doegnskemaer"), "--as-of", "2026-11-24",
]  # fmt: skip
STEPS = [
    "expected_hours_week", "billed_per_day", "expected_per_day", "period_days", "direct_minutes",
    "excluded_minutes", "delivered_hours_week", "review_due",
]  # fmt: skip


def explain(subject: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["explain", subject, *INPUTS, *args])
    return result.exit_code, result.stdout


def test_a_delivery_shortfall_traced_step_by_step() -> None:
    code, out = explain("882070", "--format", "json")
    trace = json.loads(out)
    assert code == 0
    assert list(trace) == ["bitcheck", "as_of", "case", "steps", "rules"]
    assert [s["quantity"] for s in trace["steps"]] == STEPS
    steps = {s["quantity"]: s for s in trace["steps"]}
    delivered = steps["delivered_hours_week"]
    assert delivered["value"] == steps["direct_minutes"]["value"] * 7 / (
        60 * steps["period_days"]["value"]
    )
    assert delivered["sources"][0]["file"].endswith("doegnskema_031.xlsx")
    assert steps["expected_hours_week"]["sources"][0] == {
        "file": f"{EXAMPLES}/sager.xlsx", "sheet": "Udtræk", "row": 37, "last_row": None,
    }  # fmt: skip
    rules = {r["code"]: r for r in trace["rules"]}
    assert len(rules) == 17
    assert rules["D1"]["outcome"] == "fired" and rules["D1"]["margin"] > 0
    assert "cpr" not in trace["case"]


def test_not_evaluated_rules_carry_their_reason() -> None:
    trace = json.loads(explain("165074", "--format", "json")[1])  # no time log covers this case
    rules = {r["code"]: r for r in trace["rules"]}
    assert (rules["D1"]["outcome"], rules["D1"]["reason"]) == ("not_evaluated", "no-time-log")
    assert {s["quantity"]: s["value"] for s in trace["steps"]}["delivered_hours_week"] is None


def test_a_pseudonym_traces_every_case_of_the_citizen() -> None:
    subject = json.loads(explain("882070", "--format", "json")[1])["case"]["subject"]
    traces = json.loads(explain(subject, "--format", "json")[1])
    assert isinstance(traces, list) and [t["case"]["case_id"] for t in traces] == ["882070"]


def test_table_and_markdown_and_an_unknown_case() -> None:
    assert "delivered_hours_week" in explain("882070", "--lang", "en")[1]
    assert "| D1 " in explain("882070", "--format", "markdown")[1]
    assert explain("999999")[0] == 2


def test_the_trace_has_the_audits_numbers() -> None:
    report = json.loads(CliRunner().invoke(cli, ["audit", *INPUTS, "--format", "json"]).stdout)
    for case in report["cases"][:12]:
        trace = json.loads(explain(case["case_id"], "--format", "json")[1])
        steps = {s["quantity"]: s["value"] for s in trace["steps"]}
        assert steps["expected_hours_week"] == case["expected_hours_week"]
        assert steps["billed_per_day"] == case["billed_per_day"]
        assert steps["expected_per_day"] == case["expected_per_day"]
        assert (
            steps["delivered_hours_week"] == case["delivered_hours_week"]
            or case["delivered_hours_week"] is not None
        )
        assert steps["review_due"] == case["review_due"]
        fired = [r["code"] for r in trace["rules"] if r["outcome"] == "fired"]
        assert fired == case["codes"]


def table_headers(markdown: str) -> list[list[str]]:
    """The header cells of every markdown table: the line above each `|---|` line."""
    lines = markdown.splitlines()
    return [
        [cell.strip() for cell in lines[i - 1].strip().strip("|").split("|")]
        for i, line in enumerate(lines)
        if line.startswith("|--")
    ]


ENGLISH_WORDS = [
    "quantity", "formula", "outcome", "margin_unit", "delivered_hours_week", "silent", "fired",
    "not_evaluated", "h/week", "DKK/day", "Case id", "not computed", "no time log",
    "distinct days", "never counted", "catalogue basic",
]  # fmt: skip


@pytest.mark.parametrize("case_id", ["882070", "165074"])
def test_explain_speaks_danish_with_lang_da(case_id: str) -> None:
    markdown = explain(case_id, "--lang", "da", "--format", "markdown")[1]
    assert table_headers(markdown) == [
        ["Størrelse", "Værdi", "Enhed", "Formel", "Inddata", "Kilder"],
        ["Kode", "Udfald", "Margin", "Marginens enhed", "Årsag"],
    ]
    assert f"## Sagsnr. {case_id} (B-" in markdown and ", 24-11-2026" in markdown
    table = explain(case_id, "--lang", "da")[1]
    for text in (markdown, table):
        assert "Forventet t/uge" in text and "Leveret t/uge" in text and "intet fund" in text
        assert [word for word in ENGLISH_WORDS if word in text] == []


def test_explain_is_unchanged_with_lang_en() -> None:
    markdown = explain("165074", "--lang", "en", "--format", "markdown")[1]
    assert table_headers(markdown) == [list(STEP_COLUMNS), list(RULE_COLUMNS)]
    assert "## Case id 165074 (B-" in markdown and ", 2026-11-24" in markdown
    assert "| delivered_hours_week | -" in markdown.replace("  ", "")
    assert "no time log: no-time-log" in markdown and "| not_evaluated " in markdown
    table = explain("882070", "--lang", "en")[1]
    assert "Case id 882070" in table and "h/week" in table and "fired" in table


def test_amounts_are_written_as_each_language_writes_them() -> None:
    english = explain("882070", "--lang", "en", "--format", "markdown")[1]
    danish = explain("882070", "--lang", "da", "--format", "markdown")[1]
    assert "| 2,081.87 " in english and "2 081.87" not in english  # billed per day
    assert "| 2.081,87 " in danish


def test_days_are_whole_and_reasons_are_words_in_danish() -> None:
    danish = explain("133809", "--lang", "da", "--format", "markdown")[1]  # R2 fired, § 85
    assert re.search(r"\| R2 +\| fund +\| 734 +\| dage ", danish)
    assert "takstrækken har intet niveauinterval (no-need-range)" in danish
    english = explain("133809", "--lang", "en", "--format", "markdown")[1]
    assert re.search(r"\| R2 +\| fired +\| 734 +\| days ", english)
    assert re.search(r"\| N1 +\| not_evaluated .*\| no-need-range +\|", english)


def test_the_json_trace_is_the_same_in_both_languages() -> None:
    for case_id in ("882070", "165074"):
        danish = explain(case_id, "--lang", "da", "--format", "json")[1]
        assert danish == explain(case_id, "--lang", "en", "--format", "json")[1]
        assert '"formula": "(basic + base + special) × 1"' in danish  # English, as ever


def test_an_unknown_case_is_named_in_the_language() -> None:
    danish = CliRunner().invoke(cli, ["explain", "999999", *INPUTS, "--lang", "da"])
    english = CliRunner().invoke(cli, ["explain", "999999", *INPUTS, "--lang", "en"])
    assert (danish.exit_code, english.exit_code) == (2, 2)
    assert "999999: ingen revideret sag med det sagsnummer eller pseudonym" in danish.stderr
    assert "999999: no audited case with that case id or pseudonym" in english.stderr


def test_inputs_read_as_the_formula_names_them_with_the_languages_numbers() -> None:
    for lang, expected in (
        ("da", "direct_minutes = 1.977,75"),
        ("en", "direct_minutes = 1,977.75"),
    ):
        _, markdown = explain("882070", "--format", "markdown", "--lang", lang)
        delivered = next(line for line in markdown.splitlines() if "direct_minutes ×" in line)
        inputs = delivered.split("|")[5]
        assert inputs.strip().startswith(f"{expected}; period_days = 21;"), inputs
        assert "{" not in markdown and '"' not in inputs
    _, danish = explain("882070", "--format", "markdown", "--lang", "da")
    assert "period_start = 19-10-2026; period_end = 08-11-2026" in danish
