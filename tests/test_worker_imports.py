"""The audit forks its file readers before it imports pandas (issue 11): reading a file must not
import pandas, or every worker would pay for the import the main process was meant to overlap."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

READ_EVERY_KIND = """
import sys
from pathlib import Path
from bitcheck.inputs import read_input
from bitcheck.settings import Settings
examples = Path(sys.argv[1])
settings = Settings()
files = [(examples / "sager.xlsx", "cases"), (examples / "takstkatalog.xlsx", "tariffs"),
         (examples / "takstkatalog_prisliste.xlsx", "tariffs")]
files += [(path, "time_log") for path in sorted((examples / "doegnskemaer").rglob("*.*"))]
for path, kind in files:
    result = read_input(path, path.name, kind, settings)
    assert result.rows_read > 0, path
print("pandas" in sys.modules, len(files))
"""


def test_reading_files_of_every_kind_does_not_import_pandas() -> None:
    finished = subprocess.run(
        [sys.executable, "-c", READ_EVERY_KIND, str(EXAMPLES)],
        capture_output=True,
        text=True,
        check=True,
    )
    imported, count = finished.stdout.split()
    assert int(count) > 10
    assert imported == "False"
