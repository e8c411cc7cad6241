"""The benchmark harness runs end to end at 40 cases. A smoke test only: no timing is asserted."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("fastexcel")
pytest.importorskip("pyarrow")

RUNNER = Path(__file__).resolve().parents[1] / "benchmarks" / "run.py"
MEASURES = {"floor", "audit_json", "audit_xlsx", "naive_pandas", "excel_floor", "floor_cores"}


def test_smoke_run_writes_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    command = [sys.executable, str(RUNNER), "--smoke", "--data", str(tmp_path), "--out", str(out)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    results = json.loads(out.read_text(encoding="utf-8"))
    assert {"date", "settings", "machine", "packages", "git", "results", "linearity"} <= set(
        results
    )
    assert set(results["packages"]) >= {"bitcheck", "pandas", "fastexcel", "pyarrow", "openpyxl"}
    (size,) = results["results"]
    assert (size["cases"], size["runs"], size["targets"]) == (40, 1, None)
    assert size["time_log_rows"] > 0
    assert set(size["seconds"]) == set(size["peak_rss_mb"]) == MEASURES
    assert all(seconds > 0 for seconds in size["seconds"].values())
    assert all(mb > 0 for mb in size["peak_rss_mb"].values())
    assert set(size["ratios"]) == {"b/a", "d/b", "(c-b)/e", "b/f"}
