"""`bitcheck validate` as users run it: CliRunner and a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from bitcheck.cli import cli
from conftest import write_csv, write_xlsx

CASES = [
    ["Sagsnr", "CPR-nr", "Navn", "Paragraf", "Tilbud", "Bevilget fra"],
    ["S-1", "610190-1234", "Hemmelig Hansen", "108", "Egely", "01-01-2025"],
    ["S-2", "010190-1234", "Hemmelig Jensen", "108", "Egely", "31-02-2025"],
    ["S-3", "0101901239x", "Hemmelig Olsen", "108", "Egely", "01-01-2025"],
]


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_json_report_counts_and_masks(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "sager 010190-1234.xlsx", CASES)
    code, out, _ = invoke("validate", str(path), "--format", "json")
    assert code == 0
    report = json.loads(out)
    assert list(report) == ["bitcheck", "inputs", "errors", "notes"]
    (entry,) = report["inputs"]
    assert (entry["kind"], entry["rows_read"], entry["rows_accepted"], entry["rows_rejected"]) == (
        "cases",
        3,
        1,
        2,
    )
    assert [(e["row"], e["column"], e["code"]) for e in report["errors"]] == [
        (3, "Bevilget fra", "invalid-date"),
        (4, "CPR-nr", "invalid-cpr"),
    ]
    assert report["errors"][1]["value"] == "##########x"
    for secret in ("010190-1234", "0101901234", "Hemmelig", "610190"):
        assert secret not in out
    assert "B-e7f04ba660" in entry["path"]  # the CPR in the file name became its pseudonym


def test_table_and_markdown(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "sager.xlsx", CASES)
    code, out, _ = invoke("validate", str(path))
    assert code == 0 and "invalid-date" in out and "række 3" in out
    code, out, _ = invoke("validate", str(path), "--format", "markdown", "--lang", "en")
    assert code == 0 and "| invalid-date" in out and "row 3" in out


def test_fail_on_error(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "sager.xlsx", CASES)
    assert invoke("validate", str(path), "--fail-on-error")[0] == 1
    assert (
        invoke(
            "validate",
            str(path),
            "--fail-on-error",
            "--kind",
            "cases",
            "-o",
            str(tmp_path / "r.json"),
        )[0]
        == 1
    )
    assert (
        json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["inputs"][0]["rows_rejected"]
        == 2
    )


def test_unreadable_named_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    missing = tmp_path / "nope.xlsx"
    code, out, err = invoke("validate", str(missing))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "nope.xlsx" in err and "Traceback" not in err
    (tmp_path / "empty.csv").write_bytes(b"")
    code, _, err = invoke("validate", str(tmp_path / "empty.csv"))
    assert code == 2 and "empty.csv" in err


def test_unreadable_file_in_a_folder_is_an_error_record(tmp_path: Path) -> None:
    folder = tmp_path / "logs"
    folder.mkdir()
    write_xlsx(folder / "a.xlsx", CASES)
    (folder / "b.xlsx").write_bytes(b"PK\x03\x04 not really a zip")
    code, out, _ = invoke("validate", str(folder), "--format", "json")
    assert code == 0
    report = json.loads(out)
    assert [i["path"] for i in report["inputs"]] == [f"{folder}/a.xlsx", f"{folder}/b.xlsx"]
    assert "unreadable-file" in [e["code"] for e in report["errors"]]


def test_unknown_kind_exits_2_after_reporting(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "x 010190-1234.csv", ["a;b;c", "1;2;3"])
    code, out, err = invoke("validate", str(path), "--format", "json", "--lang", "en")
    assert code == 2
    assert [e["code"] for e in json.loads(out)["errors"]] == ["no-header"]
    # outputs.md §1: one line on stderr saying which file, what is wrong and what to do
    assert err.count("\n") == 1 and err.startswith("bitcheck: ")
    assert "x B-e7f04ba660.csv: neither a case export" in err and err.endswith("give --kind\n")


def test_usage_error_is_one_line(tmp_path: Path) -> None:
    code, _, err = invoke("validate", "--kind", "nonsense", "x.csv")
    assert code == 2 and err.count("\n") == 1
    code, _, err = invoke(
        "validate", str(tmp_path / "a.csv"), "-o", str(tmp_path / "r.json"), "--format", "markdown"
    )
    assert code == 2


def test_bad_setting_names_file_and_key(tmp_path: Path) -> None:
    config = tmp_path / "bitcheck.toml"
    config.write_text("tarif_tolerance = 0.1\n", encoding="utf-8")
    path = write_xlsx(tmp_path / "sager.xlsx", CASES)
    code, _, err = invoke("validate", str(path), "--config", str(config))
    assert code == 2 and "bitcheck.toml" in err and "tarif_tolerance" in err


def test_unwritable_output_is_exit_3(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "sager.xlsx", CASES)
    code, _, err = invoke("validate", str(path), "-o", str(tmp_path / "missing-dir" / "r.json"))
    assert code == 3 and "r.json" in err


def test_runs_as_a_module_in_a_subprocess(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "sager.xlsx", CASES)
    done = subprocess.run(
        [sys.executable, "-m", "bitcheck", "validate", str(path), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["inputs"][0]["rows_read"] == 3


def test_an_interrupted_write_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bitcheck.render import output

    target = tmp_path / "r.json"
    target.write_text("earlier report", encoding="utf-8")

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt  # what SIGTERM becomes in bitcheck

    monkeypatch.setattr(output.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        output.write_atomic(target, b"new report")
    assert target.read_text(encoding="utf-8") == "earlier report"
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]


def test_sigterm_during_a_run_exits_and_leaves_no_temp_file(tmp_path: Path) -> None:
    import signal
    import time

    logs = tmp_path / "logs"
    logs.mkdir()
    for n in range(300):
        write_csv(
            logs / f"log{n:03}.csv",
            ["CPR;Dato;Start;Slut", *[f"6101901234;02-11-2026;07:{m:02};08:00" for m in range(50)]],
        )
    process = subprocess.Popen(
        [sys.executable, "-m", "bitcheck", "timelog", str(logs), "-o", str(tmp_path / "out.json")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    time.sleep(1.5)
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=60)
    assert not list(tmp_path.glob(".*.tmp"))


def test_the_table_names_the_kind_in_the_language(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "sager.xlsx", CASES)
    danish = invoke("validate", str(path), "--lang", "da", "--format", "markdown")[1]
    english = invoke("validate", str(path), "--lang", "en", "--format", "markdown")[1]
    assert "| sagsliste | sagsliste " in danish  # the kind and the layout in Danish
    assert "sagsliste" not in english and "| cases  | cases " in english
    log = tmp_path / "log.xlsx"
    write_xlsx(log, [["Dato", "Fra kl.", "Til kl.", "Minutter", "Type"],
                     ["02-11-2026", "08:00", "09:00", 60, "Direkte"]])  # fmt: skip
    danish = invoke("validate", str(log), "--kind", "time_log", "--format", "markdown")[1]
    assert "| døgnskema | lang liste " in danish


LOG_LINES = ["CPR-nr;Dato;Fra kl.;Til kl.", "010190-1234;03-11-2026;08:00;09:00"]


def test_entries_logged_twice_are_noted_as_audit_and_timelog_note_them(tmp_path: Path) -> None:
    repeated = write_csv(tmp_path / "a.csv", [*LOG_LINES, LOG_LINES[1]])
    code, out, _ = invoke("validate", str(repeated), "--format", "json")
    assert code == 0
    assert [n["code"] for n in json.loads(out)["notes"]] == ["repeated-entries"]
    copy = write_csv(tmp_path / "b.csv", LOG_LINES)
    single = write_csv(tmp_path / "c.csv", LOG_LINES)
    code, out, _ = invoke("validate", str(copy), str(single), "--format", "json")
    notes = json.loads(out)["notes"]
    assert [(n["code"], Path(n["file"]).name) for n in notes] == [("duplicate-entries", "c.csv")]


def test_a_kind_given_that_the_headers_contradict_is_read_as_asked_and_said(
    tmp_path: Path,
) -> None:
    path = write_xlsx(tmp_path / "sager.xlsx", CASES)
    code, out, err = invoke("validate", str(path), "--kind", "tariffs", "--lang", "en")
    assert code == 0 and out  # the report as a catalogue, as asked
    assert err == (
        f"bitcheck: {path}: the headers show a case export, but the file was given as a tariff"
        " catalogue (--kind tariffs); check that it is the right file\n"
    )
    assert invoke("validate", str(path), "--kind", "cases")[2] == ""
    assert invoke("validate", str(path), "--kind", "tariffs", "--quiet")[2] == ""
