"""No CPR number and no name in any output unless the user asks with --reveal-cpr."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from bitcheck.cli import cli
from conftest import write_csv, write_xlsx

CPRS = ("610190-1234", "6202851234", "630301-4321")
SECRETS = ("610190", "6101901234", "620285", "630301", "Hemmelig", "Hansen", "Jensen", "Olsen")
NAMES = ("Hemmelig Hansen", "Hemmelig Jensen", "Hemmelig Olsen")


@pytest.fixture
def municipality(tmp_path: Path) -> dict[str, str]:
    head = [
        "Sagsnr",
        "CPR-nr",
        "Navn",
        "Paragraf",
        "Tilbud",
        "Bevilget fra",
        "Takstniveau",
        "Grundtakst",
        "Særtakst",
        "Ekstra timer pr. uge",
        "Seneste opfølgning",
    ]
    rows = [
        [
            "S-1",
            CPRS[0],
            NAMES[0],
            "108",
            "Egely",
            dt.date(2024, 1, 1),
            "Niveau 2",
            2000,
            300,
            0,
            None,
        ],
        [
            "S-2",
            CPRS[1],
            NAMES[1],
            "107",
            "Egely",
            dt.date(2020, 1, 1),
            "Niveau 9",
            1500,
            0,
            0,
            dt.date(2025, 1, 1),
        ],
        [
            "S-3",
            "0101901239x",
            NAMES[2],
            "108",
            "Egely",
            dt.date(2024, 1, 1),
            "Niveau 2",
            1500,
            0,
            0,
            None,
        ],
    ]
    cases = write_xlsx(tmp_path / f"sager {CPRS[2]}.xlsx", [head, *rows], sheet=f"Udtræk {CPRS[0]}")
    tariffs = write_xlsx(
        tmp_path / "takster.xlsx",
        [
            ["Tilbud", "Takstniveau", "Grundtakst", "Normerede timer pr. uge"],
            ["Egely", "Niveau 2", 1000, 10.5],
        ],
    )
    logs = tmp_path / "logs"
    logs.mkdir()
    write_csv(
        logs / f"log {CPRS[0]}.csv",
        [
            "CPR;Navn;Dato;Start;Slut;Aktivitet",
            f"{CPRS[0]};{NAMES[0]};02-11-2026;07:00;08:00;Morgen",
            f"{CPRS[1]};{NAMES[1]};02-11-2026;07:00;07:00;Fejl",
        ],
    )
    return {"cases": str(cases), "tariffs": str(tariffs), "logs": str(logs), "dir": str(tmp_path)}


def outputs(args: list[str], folder: str) -> list[str]:
    """stdout and stderr of the command in every format, and the text of every file written."""
    texts = []
    for fmt in ("table", "markdown", "json", "csv"):
        if fmt == "csv" and args[0] != "audit":
            continue
        result = CliRunner().invoke(cli, [*args, "--format", fmt])
        texts += [result.stdout, result.stderr]
    for suffix in (".xlsx", ".json", ".md"):
        if suffix == ".md" and args[0] == "schema":
            continue
        target = Path(folder) / f"out{suffix}"
        result = CliRunner().invoke(cli, [*args, "-o", str(target)])
        texts.append(result.stderr)
        if target.exists():
            texts.append(
                workbook_text(target) if suffix == ".xlsx" else target.read_text(encoding="utf-8")
            )
    return texts


def workbook_text(path: Path) -> str:
    book = openpyxl.load_workbook(path)
    buffer = io.StringIO()
    for sheet in book.worksheets:
        buffer.write(sheet.title + "\n")
        for row in sheet.iter_rows(values_only=True):
            buffer.write(" ".join("" if v is None else str(v) for v in row) + "\n")
    return buffer.getvalue()


def audit_args(m: dict[str, str]) -> list[str]:
    return [
        "audit",
        m["cases"],
        "--tariffs",
        m["tariffs"],
        "--timelogs",
        m["logs"],
        "--as-of",
        "2026-11-24",
    ]


@pytest.mark.parametrize("command", ["audit", "timelog", "validate"])
def test_no_cpr_or_name_in_any_output(municipality: dict[str, str], command: str) -> None:
    args = {
        "audit": audit_args(municipality),
        "timelog": [
            "timelog",
            municipality["logs"],
            "--cases",
            municipality["cases"],
            "--as-of",
            "2026-11-24",
        ],
        "validate": ["validate", municipality["cases"], municipality["logs"]],
    }[command]
    texts = outputs(args, municipality["dir"])
    assert any(texts), "the commands wrote nothing"
    for text in texts:
        for secret in SECRETS:
            assert secret not in text, f"{secret!r} leaked in {command}"


def test_reveal_cpr_shows_the_cpr(municipality: dict[str, str]) -> None:
    result = CliRunner().invoke(
        cli, [*audit_args(municipality), "--format", "json", "--reveal-cpr"]
    )
    assert result.exit_code == 0
    assert CPRS[0] in result.stdout
    assert "Hemmelig" not in result.stdout  # names are never read, even with --reveal-cpr


PSEUDONYM = re.compile(r"B-[0-9a-f]{10}")
CPR_SHOWN = re.compile(r"[0-9]{6}-[0-9]{4}")


def lines_with_pseudonyms(text: str) -> list[str]:
    return [line for line in text.splitlines() if PSEUDONYM.search(line)]


@pytest.mark.parametrize(
    "extra",
    [["--format", "table"], ["--format", "markdown"], ["--format", "csv"]],
    ids=["table", "markdown", "csv"],
)
def test_reveal_cpr_puts_the_cpr_beside_every_pseudonym_in_audit_text(
    municipality: dict[str, str], extra: list[str]
) -> None:
    """outputs.md §2: every object or row that carries a subject also carries cpr."""
    args = [*audit_args(municipality), *extra]
    hidden = CliRunner().invoke(cli, args).stdout
    shown = CliRunner().invoke(cli, [*args, "--reveal-cpr"]).stdout
    assert lines_with_pseudonyms(shown)
    assert all(CPR_SHOWN.search(line) for line in lines_with_pseudonyms(shown))
    assert lines_with_pseudonyms(hidden) and not CPR_SHOWN.search(hidden)


def test_reveal_cpr_shows_the_cpr_in_explain_and_on_case_cards(
    municipality: dict[str, str], tmp_path: Path
) -> None:
    explain = ["explain", "S-1", *audit_args(municipality)[1:], "--reveal-cpr"]
    for fmt in ("table", "markdown"):
        title = CliRunner().invoke(cli, [*explain, "--format", fmt]).stdout.splitlines()[0]
        assert PSEUDONYM.search(title) and CPR_SHOWN.search(title), title
    cards = tmp_path / "kort"
    args = [*audit_args(municipality), "--reveal-cpr", "--cards", str(cards)]
    assert CliRunner().invoke(cli, [*args, "-o", str(tmp_path / "r.json")]).exit_code == 0
    titles = [path.read_text(encoding="utf-8").splitlines()[0] for path in cards.glob("*.md")]
    assert titles and all(CPR_SHOWN.search(title) for title in titles)


def test_unreadable_file_error_line_masks_a_cpr_in_its_name(tmp_path: Path) -> None:
    broken = tmp_path / f"log {CPRS[0]}.xlsx"
    broken.write_bytes(b"PK\x03\x04 broken")
    result = CliRunner().invoke(cli, ["validate", str(broken)])
    assert result.exit_code == 2
    assert "610190" not in result.stderr and "B-" in result.stderr


def test_the_key_file_is_created_once_with_mode_0600(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os
    import stat

    monkeypatch.delenv("BITCHECK_PSEUDONYM_KEY")
    path = write_csv(
        tmp_path / "sager.csv",
        ["Sagsnr;CPR;Paragraf;Tilbud;Bevilget fra", "1;6101901234;108;E;01-01-2025"],
    )
    assert CliRunner().invoke(cli, ["validate", str(path)]).exit_code == 0
    key = Path(os.environ["HOME"]) / ".config" / "bitcheck" / "pseudonym.key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    first = key.read_text(encoding="ascii")
    assert len(first.strip()) == 64
    assert CliRunner().invoke(cli, ["validate", str(path)]).exit_code == 0
    assert key.read_text(encoding="ascii") == first  # never overwritten


def test_a_configured_key_file_is_relative_to_the_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BITCHECK_PSEUDONYM_KEY")
    (tmp_path / "conf").mkdir()
    (tmp_path / "conf" / "noegle.key").write_text("00" * 32 + "\n", encoding="ascii")
    config = tmp_path / "conf" / "bitcheck.toml"
    config.write_text('pseudonym_key_file = "noegle.key"\n', encoding="utf-8")
    path = write_csv(
        tmp_path / "sager 010190-1234.csv", ["Sagsnr;CPR;Paragraf;Tilbud;Bevilget fra"]
    )
    result = CliRunner().invoke(
        cli, ["validate", str(path), "--config", str(config), "--format", "json"]
    )
    assert "B-e7f04ba660" in result.stdout  # HMAC-SHA256 with key 00 x 32 (outputs.md §2)


def test_a_pseudonym_of_only_digits_is_left_as_it_is() -> None:
    """About one pseudonym in a hundred is ten decimal digits; it is no CPR number."""
    from bitcheck.errors import InputError
    from bitcheck.messages import error_message
    from bitcheck.privacy import redact_text
    from bitcheck.pseudonyms import Pseudonymizer

    pseudonymizer = Pseudonymizer(bytes(32), "test")
    for pseudonym in ("B-0123456789", "B-a123456789"):  # one hex letter and nine digits too
        assert redact_text(f"kort {pseudonym}.md", pseudonymizer) == f"kort {pseudonym}.md"
    assert redact_text("log 0101901234.xlsx", pseudonymizer).startswith("log B-")
    assert "010190-1234" not in redact_text("log B-010190-1234.xlsx", pseudonymizer)
    error = InputError("usage", detail="B-0000000000, B-010190-1234 and 010190-1234")
    assert error_message(error, "en", None) == "B-0000000000, B-######-#### and ######-####"
