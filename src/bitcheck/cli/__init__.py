"""The command line: options -> Settings -> one library call -> renderer -> exit code.

`base` holds the group and what every command shares; the commands live in `files`, `audits`
and `scheduled`, each a thin layer over one library call.
"""

from bitcheck.cli import audits, files, scheduled
from bitcheck.cli.base import RULE_CODES, cli, main

__all__ = ["RULE_CODES", "audits", "cli", "files", "main", "scheduled"]
