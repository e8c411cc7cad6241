"""schemas/ is what `bitcheck schema` writes today; the models are the source of truth."""

from __future__ import annotations

import json
from pathlib import Path

from bitcheck.schema_export import all_schemas, schema_text

SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"


def test_checked_in_schemas_are_current() -> None:
    for name, schema in all_schemas().items():
        path = SCHEMAS / f"{name}.json"
        assert path.exists(), f"{path} is missing: run `make schemas`"
        assert path.read_text(encoding="utf-8") == schema_text(schema), (
            f"{path} is stale: run `make schemas`"
        )


def test_no_stray_schema_files() -> None:
    assert {p.stem for p in SCHEMAS.glob("*.json")} == set(all_schemas())


def test_input_schemas_carry_aliases_and_value_types() -> None:
    cases = all_schemas()["cases"]
    grant_start = cases["properties"]["grant_start"]
    assert "Bevilget fra" in grant_start["x-aliases"]
    assert grant_start["x-value-type"] == "date"
    assert set(cases["required"]) == {"case_id", "cpr", "paragraph", "provider", "grant_start"}
    json.dumps(all_schemas())  # serialisable
