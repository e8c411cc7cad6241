"""Generate a synthetic municipality for bitcheck: case export, tariff catalogue, time logs.

    python examples/generate.py --cases 40 --seed 7 --out examples

Everything is fictitious. CPR numbers are replacement numbers (day of month + 60, days 61-88),
citizens are called "Testborger NNN", and every date is relative to the municipality's as-of
date, 24-11-2026, never to today. The same seed and size give the same files, byte for byte.

What is written under OUT (see shared/spec/contract.md for the layouts):
    sager.xlsx                  the case export (§1), as a case system writes it
    takstkatalog.xlsx           the tariff catalogue, model layout (§2a), 2025 and 2026
    takstkatalog_prisliste.xlsx two providers' 2026 prices in the price-list layout (§2b)
    doegnskemaer/               time logs for about 40 % of the citizens (§3a long, §3b grids,
                                and one multi-citizen CSV in Windows-1252)
    scenarios.md                which case was built to show which rule
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

# examples/ is not a package: make municipality/, beside this file, importable from anywhere
sys.path.insert(0, str(Path(__file__).resolve().parent))

from municipality.entries import log_entries
from municipality.helpers import add_months
from municipality.planning import plan_municipality
from municipality.scenario_notes import scenario_table
from municipality.scenarios import SCENARIOS
from municipality.timelogs import write_logs
from municipality.workbooks import write_cases, write_catalogue, write_price_list

HERE = Path(__file__).resolve().parent

# what benchmarks/run.py and tests/test_generate.py use from this module
__all__ = ["SCENARIOS", "add_months", "generate", "log_entries", "main", "plan_municipality"]

# --------------------------------------------------------------------------- entry points


def generate(out_dir: Path, cases: int, seed: int) -> dict[str, int]:
    """Write a municipality of `cases` case rows into out_dir; returns the counts."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    mun = plan_municipality(cases, seed)
    counts = {
        "cases": write_cases(out_dir / "sager.xlsx", mun),
        "citizens": len(mun.citizens),
        "providers": len(mun.providers),
        "scenario_cases": sum(1 for c in mun.citizens if c.scenario),
        "tariff_rows": write_catalogue(out_dir / "takstkatalog.xlsx", mun.providers),
        "price_list_rows": write_price_list(out_dir / "takstkatalog_prisliste.xlsx", mun.providers),
    }
    counts.update(write_logs(out_dir / "doegnskemaer", mun))
    (out_dir / "scenarios.md").write_text(scenario_table(mun), encoding="utf-8")
    return counts


def main(argv: list[str] | None = None) -> int:
    """Command line: python examples/generate.py [--cases N] [--seed S] [--out DIR]."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=40, help="case rows to generate (default 40)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    parser.add_argument(
        "--out",
        type=Path,
        default=HERE,
        help="output folder (default: examples/, beside this file)",
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    counts = generate(args.out, args.cases, args.seed)
    for key, value in counts.items():
        print(f"{key:>20}: {value:,}")
    print(f"{'seconds':>20}: {time.perf_counter() - started:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
