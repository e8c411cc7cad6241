"""Time bitcheck against the cost of reading its files (shared/spec/benchmark.md, issue 11).

    python benchmarks/run.py                     # 300, 3,000 and 10,000 cases, median of 3
    python benchmarks/run.py --sizes 3000        # one size
    python benchmarks/run.py --smoke             # 40 cases, one run, no targets (CI)

For each size it generates a synthetic municipality with examples/generate.py (kept under --data
and reused while the generator is unchanged), then times five commands, each a separate process
started as `python SCRIPT ARGS` or `python -m bitcheck ...`, wall time from start to exit:

    (a) floor         benchmarks/floor_read.py: fastexcel + pyarrow read every input into Arrow
    (b) audit_json    bitcheck audit ... --format json -o r.json
    (c) audit_xlsx    bitcheck audit ... -o report.xlsx
    (d) naive_pandas  benchmarks/naive_pandas.py: pandas.read_excel(engine="openpyxl") on every file
    (e) excel_floor   benchmarks/excel_floor.py: openpyxl write-only writes (b)'s tables, no styles
    (f) floor_cores   floor_read.py --processes N: the floor shared over the audit's N workers;
                      not a target of issue 11, shown beside b/a as b/f for information

It prints a table per size and the targets of issue 11 as PASS/FAIL, for information only: the exit
status is 0 unless a timed command itself failed (then its stderr is printed and the status is 1).
Every figure, the machine and the package versions go to the JSON file named by --out.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from types import ModuleType
from typing import Any

from bitcheck.parallel import workers

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
GENERATOR = ROOT / "examples" / "generate.py"
AS_OF = "2026-11-24"  # the generator's as-of date
SEED = 7
SMOKE_SIZE = 40
BENCH_KEY = "00" * 32  # a fixed pseudonym key, so that no run creates a key file in $HOME
PACKAGES = ("bitcheck", "pandas", "python-calamine", "fastexcel", "pyarrow", "openpyxl")
MEASURES = {
    "floor": "(a) floor: fastexcel + pyarrow read",
    "audit_json": "(b) bitcheck audit --format json",
    "audit_xlsx": "(c) bitcheck audit -o report.xlsx",
    "naive_pandas": "(d) naive: pandas.read_excel(openpyxl)",
    "excel_floor": "(e) Excel floor: openpyxl write-only",
    "floor_cores": "(f) floor on every core (information)",
}
RSS_LIMIT_MB = {3000: 1536, 10000: 3072}  # issue 11: < 1.5 GB at 3,000 cases, < 3 GB at 10,000
GROWTH_LIMIT = 1.25  # marginal cost per row may rise this much between sizes and still be linear
Figures = dict[str, Any]


# --------------------------------------------------------------------------- running one command


class CommandFailed(Exception):
    """A timed command exited with a status other than 0."""

    def __init__(self, argv: list[str], status: int, stderr: str) -> None:
        super().__init__(f"exit status {status}: {' '.join(argv)}\n{stderr}")


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_rss_mb: float


def run_once(argv: list[str], cwd: Path, env: dict[str, str]) -> Run:
    """Start argv, wait for it with os.wait4 and return its wall time and its own peak RSS."""
    with tempfile.TemporaryFile() as stderr:
        started = time.perf_counter()
        child = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=stderr)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            stderr.seek(0)
            raise CommandFailed(argv, child.returncode, stderr.read().decode(errors="replace"))
    return Run(seconds, maxrss_mb(usage.ru_maxrss))


def maxrss_mb(maxrss: int) -> float:
    """ru_maxrss in MB (2**20 bytes): kilobytes on Linux, bytes on macOS."""
    return maxrss / 2**20 if sys.platform == "darwin" else maxrss / 2**10


def commands(data: Path, work: Path) -> dict[str, list[str]]:
    """The six timed commands over one municipality, outputs under work."""
    inputs = [str(data / "sager.xlsx"), str(data / "takstkatalog.xlsx"), str(data / "doegnskemaer")]
    audit = [sys.executable, "-m", "bitcheck", "audit", inputs[0], "--tariffs", inputs[1]]
    audit += ["--timelogs", inputs[2], "--as-of", AS_OF]
    report = str(work / "r.json")
    floor = [sys.executable, str(HERE / "floor_read.py")]
    return {
        "floor": [*floor, *inputs],
        "audit_json": [*audit, "--format", "json", "-o", report],
        "audit_xlsx": [*audit, "-o", str(work / "report.xlsx")],
        "naive_pandas": [sys.executable, str(HERE / "naive_pandas.py"), *inputs],
        "excel_floor": [sys.executable, str(HERE / "excel_floor.py"), report, str(work / "e.xlsx")],
        "floor_cores": [floor[0], floor[1], "--processes", str(workers()), *inputs],
    }


def measure(argvs: dict[str, list[str]], runs: int, work: Path) -> dict[str, list[Run]]:
    """Run every command `runs` times, round by round; one untimed floor first warms the cache."""
    env = {**os.environ}
    env.setdefault("BITCHECK_PSEUDONYM_KEY", BENCH_KEY)
    run_once(argvs["floor"], work, env)
    results: dict[str, list[Run]] = {name: [] for name in argvs}
    for round_number in range(1, runs + 1):
        for name, argv in argvs.items():
            progress(f"  run {round_number}/{runs}: {MEASURES[name]}")
            results[name].append(run_once(argv, work, env))
    return results


# --------------------------------------------------------------------------- the municipality


def load_generator() -> ModuleType:
    """Import examples/generate.py by path (examples/ is not a package)."""
    spec = importlib.util.spec_from_file_location("bitcheck_examples_generate", GENERATOR)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def municipality(data_root: Path, size: int) -> tuple[Path, dict[str, int]]:
    """The municipality of `size` cases under data_root, generated unless a current one is there."""
    folder = data_root / f"n{size}-seed{SEED}"
    stamp = folder / "counts.json"
    sources = [GENERATOR, *sorted((GENERATOR.parent / "municipality").glob("*.py"))]
    generator = hashlib.sha256(b"".join(p.read_bytes() for p in sources)).hexdigest()
    if stamp.exists():
        saved = json.loads(stamp.read_text(encoding="utf-8"))
        if saved.get("generator_sha256") == generator:
            return folder, saved["counts"]
    stamp.unlink(missing_ok=True)
    progress(f"generating {size:,} cases in {folder} ...")
    counts = load_generator().generate(folder, size, SEED)
    saved = {"seed": SEED, "generator_sha256": generator, "counts": counts}
    stamp.write_text(json.dumps(saved, indent=2), encoding="utf-8")
    return folder, counts


def input_size_mb(folder: Path) -> float:
    """Bytes of every audited input (the price list and scenarios.md are not read)."""
    files = [folder / "sager.xlsx", folder / "takstkatalog.xlsx"]
    files += [p for p in (folder / "doegnskemaer").rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files) / 2**20


# --------------------------------------------------------------------------- figures and targets


def summarise(size: int, counts: dict[str, int], runs: dict[str, list[Run]]) -> Figures:
    """Medians, ratios and per-row costs of one size, as written to the JSON file."""
    seconds = {name: statistics.median(r.seconds for r in rs) for name, rs in runs.items()}
    a, b, c, d, e, f = (seconds[name] for name in MEASURES)
    rows = counts["time_log_rows"]
    return {
        "cases": size,
        "time_log_rows": rows,
        "time_log_files": counts["time_log_files"],
        "generator_counts": counts,
        "runs": len(runs["floor"]),
        "seconds": seconds,
        "all_seconds": {name: [r.seconds for r in rs] for name, rs in runs.items()},
        "peak_rss_mb": {name: max(r.peak_rss_mb for r in rs) for name, rs in runs.items()},
        "ratios": {"b/a": b / a, "d/b": d / b, "(c-b)/e": (c - b) / e, "b/f": b / f},
        "floor_processes": workers(),
        "excel_share_seconds": c - b,
        "us_per_time_log_row": {"audit_json": b / rows * 1e6, "floor": a / rows * 1e6},
    }


def targets(figures: Figures) -> list[Figures]:
    """Issue 11's targets (set there at 3,000 cases), checked at this size."""
    ratios, rss = figures["ratios"], figures["peak_rss_mb"]
    checks = [
        ("b/a <= 1.3", ratios["b/a"], ratios["b/a"] <= 1.3),
        ("d/b >= 15", ratios["d/b"], ratios["d/b"] >= 15),
        ("(c-b) <= 1.5 x e", ratios["(c-b)/e"], ratios["(c-b)/e"] <= 1.5),
    ]
    limit = RSS_LIMIT_MB.get(figures["cases"])
    if limit is not None:
        peak = max(rss["audit_json"], rss["audit_xlsx"])
        checks.append((f"peak RSS of b and c < {limit} MB", peak, peak < limit))
    return [{"target": name, "value": value, "pass": ok} for name, value, ok in checks]


def linearity(results: list[Figures]) -> Figures:
    """Cost per time-log row of (b) across sizes, and whether the marginal cost grows."""
    points = sorted((r["time_log_rows"], r["seconds"]["audit_json"], r["cases"]) for r in results)
    marginal = [
        {"from": n1, "to": n2, "us_per_row": (t2 - t1) / (r2 - r1) * 1e6}
        for (r1, t1, n1), (r2, t2, n2) in zip(points, points[1:], strict=False)
        if r2 > r1
    ]
    costs = [m["us_per_row"] for m in marginal]
    steps = zip(costs, costs[1:], strict=False)
    grows = any(earlier > 0 and later > GROWTH_LIMIT * earlier for earlier, later in steps)
    return {
        "us_per_row": {str(n): t / r * 1e6 for r, t, n in points},
        "marginal": marginal,
        "grows": grows if len(costs) > 1 else None,
        "rule": f"linear unless a step's marginal cost per row exceeds {GROWTH_LIMIT}x the previous",
    }


# --------------------------------------------------------------------------- printing


def progress(message: str) -> None:
    """Progress goes to stderr; the results table to stdout."""
    print(message, file=sys.stderr, flush=True)


def print_size(figures: Figures) -> None:
    """The table of one size: medians, RSS, per-row cost, ratios and targets."""
    seconds, rss = figures["seconds"], figures["peak_rss_mb"]
    print(
        f"\n{figures['cases']:,} cases · {figures['time_log_files']:,} time-log files · "
        f"{figures['time_log_rows']:,} time-log rows · {figures['input_mb']:.1f} MB of input · "
        f"median of {figures['runs']}"
    )
    for name, label in MEASURES.items():
        print(f"  {label:<42}{seconds[name]:>8.2f} s   peak RSS {rss[name]:>7.0f} MB")
    ratios, share = figures["ratios"], figures["excel_share_seconds"]
    per_row = figures["us_per_time_log_row"]
    print(
        f"  b/a {ratios['b/a']:.2f}   d/b {ratios['d/b']:.2f}   b/f {ratios['b/f']:.2f}   ", end=""
    )
    print(f"Excel share c-b {share:.2f} s = {ratios['(c-b)/e']:.2f} x e")
    print(f"  (b) {per_row['audit_json']:.1f} µs per time-log row (floor {per_row['floor']:.1f})")
    for target in figures.get("targets") or []:
        verdict = "PASS" if target["pass"] else "FAIL"
        print(f"  {verdict}  {target['target']:<34} measured {target['value']:,.2f}")


def print_linearity(result: Figures) -> None:
    """Cost per row across sizes, and the verdict."""
    if not result["marginal"]:
        return
    print("\nLinearity of (b), µs per time-log row:")
    for cases, cost in result["us_per_row"].items():
        print(f"  {int(cases):>17,} cases {cost:8.1f}  (whole run / rows)")
    for step in result["marginal"]:
        span = f"{step['from']:,} -> {step['to']:,}"
        print(f"  {span:>17} cases {step['us_per_row']:8.1f}  (marginal)")
    verdict = {None: "needs three sizes", True: "GROWS", False: "linear"}[result["grows"]]
    print(f"  verdict: {verdict} ({result['rule']})")


# --------------------------------------------------------------------------- the run


def machine() -> Figures:
    """What the figures were measured on."""
    return {
        "platform": platform.platform(),
        "machine": platform.machine(),
        "cpu": cpu_model(),
        "cpu_count": os.cpu_count(),
        "cpus_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "memory_gb": memory_gb(),
        "python": platform.python_version(),
        "python_implementation": platform.python_implementation(),
        "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
    }


def cpu_model() -> str:
    """The CPU's model name from /proc/cpuinfo, else what platform knows."""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor()


def memory_gb() -> float | None:
    """Physical memory in GB (2**30 bytes), where the OS tells."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (ValueError, OSError, AttributeError):
        return None


def package_versions() -> dict[str, str | None]:
    """Installed versions of the packages that decide the figures."""
    return {name: installed_version(name) for name in PACKAGES}


def installed_version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def git_state() -> Figures:
    """The commit measured, and whether src/ had uncommitted changes."""

    def git(*arguments: str) -> str:
        return subprocess.run(
            ["git", "-C", str(ROOT), *arguments], capture_output=True, text=True, check=True
        ).stdout.strip()

    try:
        return {"commit": git("rev-parse", "HEAD"), "src_dirty": bool(git("status", "-s", "src"))}
    except (OSError, subprocess.CalledProcessError):
        return {"commit": None, "src_dirty": None}


def bench_size(size: int, runs: int, data_root: Path, with_targets: bool) -> Figures:
    """Generate (or reuse) one municipality, time the five commands, and summarise."""
    folder, counts = municipality(data_root, size)
    progress(f"timing {size:,} cases ({counts['time_log_rows']:,} time-log rows), {runs} run(s)")
    with tempfile.TemporaryDirectory(prefix="bitcheck-bench-") as work:
        timed = measure(commands(folder, Path(work)), runs, Path(work))
    figures = summarise(size, counts, timed)
    figures["input_mb"] = input_size_mb(folder)
    figures["targets"] = targets(figures) if with_targets else None
    return figures


def sizes_argument(text: str) -> list[int]:
    """--sizes 300,3000,10000"""
    try:
        sizes = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: give case counts like 300,3000") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: give case counts like 300,3000")
    return sizes


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        type=sizes_argument,
        default=[300, 3000, 10000],
        help="case counts, comma-separated (default 300,3000,10000)",
    )
    parser.add_argument("--runs", type=int, default=3, help="runs per command; the median counts")
    parser.add_argument(
        "--out",
        type=Path,
        default=HERE / "results" / "latest.json",
        help="JSON results file (default benchmarks/results/latest.json)",
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=HERE / "data",
        help="where generated municipalities are kept (default benchmarks/data)",
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help=f"{SMOKE_SIZE} cases, one run, no targets: checks the harness only",
    )
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if args.smoke:
        args.sizes, args.runs = [SMOKE_SIZE], 1
    return args


def write_results(out: Path, results: Figures) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    results: Figures = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "settings": {
            "sizes": args.sizes,
            "runs": args.runs,
            "seed": SEED,
            "as_of": AS_OF,
            "smoke": args.smoke,
        },
        "machine": machine(),
        "packages": package_versions(),
        "git": git_state(),
        "results": [],
        "linearity": None,
    }
    try:
        for size in args.sizes:
            results["results"].append(bench_size(size, args.runs, args.data, not args.smoke))
            print_size(results["results"][-1])
            results["linearity"] = linearity(results["results"])
            write_results(args.out, results)
    except CommandFailed as failure:
        progress(f"a timed command failed, {failure}")
        return 1
    print_linearity(results["linearity"])
    print(f"\nresults: {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
