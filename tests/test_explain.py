"""`bitcheck explain`: the trace of a case, every number with its formula and source."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from bitcheck.cli import cli

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
    assert "delivered_hours_week" in explain("882070")[1]
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
