"""`audit --format csv`: floats rounded to 4 decimals, in the language's decimal mark."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bitcheck.cli import cli
from bitcheck.render.audit_csv import cell

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
INPUTS = [
    str(EXAMPLES / "sager.xlsx"), "--tariffs", str(EXAMPLES / "takstkatalog.xlsx"),
    "--timelogs", str(EXAMPLES / "doegnskemaer"), "--as-of", "2026-11-24",
]  # fmt: skip
NUMBERS = ("expected", "observed", "ratio", "margin", "annual_amount")


def audit(*args: str) -> str:
    result = CliRunner().invoke(cli, ["audit", *INPUTS, *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def csv_rows(lang: str) -> list[dict[str, str]]:
    text = audit("--format", "csv", "--lang", lang).removeprefix("\ufeff")
    return list(csv.DictReader(io.StringIO(text), delimiter=";" if lang == "da" else ","))


def decimals(text: str, mark: str) -> int:
    return len(text.partition(mark)[2])


@pytest.mark.parametrize(("lang", "mark"), [("da", ","), ("en", ".")])
def test_csv_numbers_have_at_most_four_decimals(lang: str, mark: str) -> None:
    rows = csv_rows(lang)
    numbers = [row[name] for row in rows for name in NUMBERS if row[name]]
    assert numbers and max(decimals(n, mark) for n in numbers) == 4
    assert all(("." if lang == "da" else ",") not in n for n in numbers)
    t1 = next(r for r in rows if (r["case_id"], r["code"]) == ("197096", "T1"))
    assert t1["expected"] == f"1913{mark}68"  # not 1913.6799999999998
    d2 = next(r for r in rows if (r["case_id"], r["code"]) == ("928702", "D2"))
    assert (d2["observed"], d2["annual_amount"]) == (f"15{mark}2014", f"126890{mark}1111")


def test_json_keeps_the_unrounded_numbers() -> None:
    report = json.loads(audit("--format", "json"))
    d2 = next(f for f in report["findings"] if (f["case_id"], f["code"]) == ("928702", "D2"))
    assert d2["observed"] == pytest.approx(15.20138888888889, abs=1e-12)


@pytest.mark.parametrize(
    ("value", "danish", "english"),
    [
        (12.000000000000002, "12,0", "12.0"),
        (1234567.891234, "1234567,8912", "1234567.8912"),
        (0.00005, "0,0001", "0.0001"),
        (-0.00001, "0,0", "0.0"),  # no negative zero
        (0.5, "0,5", "0.5"),
    ],
)
def test_a_float_cell(value: float, danish: str, english: str) -> None:
    assert (cell(value, "da"), cell(value, "en")) == (danish, english)
