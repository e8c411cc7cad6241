"""The direction guard: a filtered audit says in every format what it left out."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from bitcheck.audit.rules import CATALOGUE_ORDER
from bitcheck.cli import RULE_CODES, cli
from rule_fixtures import AS_OF, case, catalogue

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
AUDIT = [
    "audit", str(EXAMPLES / "sager.xlsx"), "--tariffs", str(EXAMPLES / "takstkatalog.xlsx"),
    "--timelogs", str(EXAMPLES / "doegnskemaer"), "--as-of", "2026-11-24",
]  # fmt: skip


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, [*AUDIT, *args])
    return result.exit_code, result.stdout


def test_cli_codes_are_the_catalogue() -> None:
    assert RULE_CODES == CATALOGUE_ORDER


def test_filters_take_danish_words_and_any_letter_case() -> None:
    code, out = run("--direction", "Betaling", "--direction", "BORGER", "--code", "t1",
                    "--format", "json")  # fmt: skip
    assert code == 0
    assert json.loads(out)["filters"] == {"direction": ["citizen", "payment"], "code": ["T1"]}
    assert run("--fail-on", "høj", "--format", "json")[0] == 1  # R2 and others are high
    assert run("--fail-on", "HIGH", "--format", "json")[0] == 1
    result = CliRunner().invoke(cli, [*AUDIT, "--direction", "kunde"])
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "'kunde' is not one of 'citizen', 'payment', 'process', 'data', "
        "or 'borger', 'betaling', 'sagsbehandling'.\n"
    )
    help_text = CliRunner().invoke(cli, ["audit", "--help"]).stdout
    assert "[N1|N2|T1|" in help_text and "[citizen|payment|process|data]" in help_text
    code, out = run("--direction", "borger", "--direction", "citizen", "--code", "r2",
                    "--code", "R2", "--format", "json")  # fmt: skip
    assert json.loads(out)["filters"] == {"direction": ["citizen"], "code": ["R2"]}  # each once


def test_payment_only_json_records_filter_and_what_was_left_out() -> None:
    code, out = run("--direction", "payment", "--format", "json")
    report = json.loads(out)
    assert code == 0
    assert {f["direction"] for f in report["findings"]} == {"payment"}
    assert report["filters"] == {"direction": ["payment"], "code": []}
    assert (
        report["filtered_out"]["citizen"]["findings"]
        == report["summary"]["by_direction"]["citizen"]["findings"]
    )
    assert report["filtered_out"]["payment"]["findings"] == 0
    assert report["summary"]["findings"] > len(report["findings"])  # the summary counts everything


def test_direction_and_code_combine_with_and() -> None:
    report = json.loads(
        run("--direction", "payment", "--direction", "citizen", "--code", "T1", "--format", "json")[
            1
        ]
    )
    assert [(f["direction"], f["code"]) for f in report["findings"]] == [
        ("payment", "T1"),
        ("payment", "T1"),
    ]


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv"])
def test_every_text_format_says_what_it_left_out(fmt: str) -> None:
    assert "Filtreret visning" in run("--direction", "payment", "--format", fmt)[1]
    assert "Filtreret visning" not in run("--format", fmt)[1]


def test_the_workbook_says_it_too(tmp_path: Path) -> None:
    target = tmp_path / "r.xlsx"
    assert run("--direction", "payment", "-o", str(target))[0] == 0
    summary = openpyxl.load_workbook(target).worksheets[0]
    texts = [str(c.value) for row in summary.iter_rows() for c in row if c.value]
    assert any("Filtreret visning" in t for t in texts)


def test_fail_on_counts_before_the_filter() -> None:
    assert run("--direction", "data", "--fail-on", "high", "--format", "json")[0] == 1


def test_a_near_miss_is_a_watch_item_until_the_tolerance_is_lowered(tmp_path: Path) -> None:
    """Billed 1,530 DKK/day against an expected 1,500: ratio 1.02."""
    audit_args = [
        "audit", case(base_tariff="530,00"), "--tariffs", catalogue(), "--as-of", AS_OF.isoformat(),
        "--format", "json",
    ]  # fmt: skip

    def with_tolerance(tolerance: float) -> tuple[list[str], list[str]]:
        config = tmp_path / f"tolerance-{tolerance}.toml"
        config.write_text(f"tariff_tolerance = {tolerance}\n", encoding="utf-8")
        result = CliRunner().invoke(cli, [*audit_args, "--config", str(config)])
        report = json.loads(result.stdout)
        return [f["code"] for f in report["findings"]], [w["code"] for w in report["watch"]]

    assert with_tolerance(0.05) == ([], ["T1"])  # margin 1.02 - 1.05 = -0.03: near
    assert with_tolerance(0.01) == (["T1"], [])


def test_provider_percentiles_share_the_average_rank_of_ties() -> None:
    from bitcheck.report.audit_models import ProviderRecord
    from bitcheck.report.providers import _add_percentiles

    fired = [0, 1, 1, 2, 4]  # D1 per provider, of 2 cases each: rates 0, .5, .5, 1, 2
    records = [
        ProviderRecord.model_construct(
            cases=2, by_code={code: (n if code == "D1" else 0) for code in CATALOGUE_ORDER},
            percentiles={},
        )
        for n in fired
    ]  # fmt: skip
    _add_percentiles(records)
    assert [r.percentiles["D1"] for r in records] == [0.0, 30.0, 30.0, 60.0, 80.0]
    assert {r.percentiles["R1"] for r in records} == {40.0}  # all tied: (0 + 4/2) / 5
