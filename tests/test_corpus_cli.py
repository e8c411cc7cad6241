"""`bitcheck validate` and `bitcheck timelog` meet every corpus file with a result or one clear line.

../shared/corpus/ holds damaged, protected, hostile and exotic files from other projects' test
suites (password-protected, fuzzer crashers, denial-of-service sheets, CSV quoting edge cases).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bitcheck.cli import cli
from conftest import SHARED

CORPUS = SHARED / "corpus"
FILES = (
    sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix != ".md")
    if CORPUS.exists()
    else []
)


@pytest.mark.skipif(not FILES, reason="../shared/corpus is not beside the repository")
@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
@pytest.mark.parametrize("command", ["validate", "timelog"])
def test_corpus_file_gives_a_result_or_one_line(path: Path, command: str) -> None:
    result = CliRunner().invoke(cli, [command, str(path), "--format", "json"])
    assert result.exit_code in (0, 2), result.output
    assert "Traceback" not in result.stderr
    if result.exit_code == 0 or (command == "validate" and result.stdout):
        json.loads(result.stdout)
    else:
        assert result.stderr.count("\n") == 1, result.stderr
        assert path.name in result.stderr
