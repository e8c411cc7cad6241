"""`bitcheck verify REPORT --cases ...`: is this report what these inputs give?

The report's manifest (outputs.md §11) names its as-of date, settings, filters and input hashes.
The audit is run again with those (ignoring bitcheck.toml and --as-of), and the input hashes and
the findings are compared; every difference is listed. Reads the JSON report, or the Excel
report's Manifest and Findings sheets.
"""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from bitcheck import i18n
from bitcheck.audit.run import run_audit
from bitcheck.errors import InputError
from bitcheck.i18n_fields import FIELD_LABELS, SHEET_NAMES, header
from bitcheck.i18n_rules import DIRECTION_NAMES, SEVERITY_NAMES
from bitcheck.privacy import mask_cpr_like
from bitcheck.pseudonyms import Pseudonymizer
from bitcheck.report.audit_build import build_audit_report
from bitcheck.report.filters import filter_report
from bitcheck.settings import Settings

if TYPE_CHECKING:
    from openpyxl import Workbook

COMPARED = ("direction", "severity", "expected", "observed", "ratio", "annual_amount")


@dataclass
class Manifest:
    as_of: dt.date
    settings: dict[str, Any]
    filters: dict[str, list[str]] | None
    inputs: list[dict[str, Any]]
    findings: list[dict[str, Any]]


@dataclass(frozen=True)
class Difference:
    """One difference: a message key of `i18n` and its values."""

    key: str
    params: dict[str, object]

    def text(self, lang: str) -> str:
        params = dict(self.params)
        if "field" in params:
            params["field"] = header(str(params["field"]), lang)
        return i18n.message(self.key, lang, **params)


@dataclass
class Verification:
    report: str
    found: list[Difference] = field(default_factory=list)

    @property
    def matches(self) -> bool:
        return not self.found

    @property
    def differences(self) -> list[str]:
        """The differences in English, as the JSON output has always listed them."""
        return [d.text("en") for d in self.found]


class _TimelogSummary(Exception):
    """The file is `bitcheck timelog`'s summary: it has a manifest but no findings."""


def read_manifest(path: Path) -> Manifest:
    if path.suffix.lower() not in (".json", ".xlsx"):
        raise InputError("not-a-report", file=str(path), detail="a report is a .json or .xlsx file")
    try:
        if path.suffix.lower() == ".json":
            data = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(data, dict) and "time_logs" in data and "findings" not in data:
                raise _TimelogSummary
            manifest = Manifest(dt.date.fromisoformat(data["as_of"]), data["settings"],
                                data.get("filters"), data["inputs"], data["findings"])  # fmt: skip
        else:
            manifest = _excel_manifest(path)
    except _TimelogSummary as summary:
        raise InputError("timelog-not-a-report", file=str(path)) from summary
    except (OSError, ValueError, KeyError, TypeError, IndexError, zipfile.BadZipFile) as error:
        raise InputError("not-a-report", file=str(path), detail=str(error)) from error
    _check_shape(manifest, path)
    return manifest


def _check_shape(manifest: Manifest, path: Path) -> None:
    """A manifest whose parts are not what bitcheck writes is no report (say, hand-made JSON)."""
    parts_fine = (
        isinstance(manifest.settings, dict)
        and isinstance(manifest.inputs, list)
        and isinstance(manifest.findings, list)
        and all(isinstance(i, dict) and "sha256" in i for i in manifest.inputs)
        and all(isinstance(f, dict) and {"case_id", "code"} <= f.keys() for f in manifest.findings)
    )
    if not parts_fine:
        detail = "its settings, inputs or findings are not shaped as bitcheck writes them"
        raise InputError("not-a-report", file=str(path), detail=detail)


def _excel_manifest(path: Path) -> Manifest:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return _workbook_manifest(book)
    finally:
        book.close()  # a read-only workbook keeps its file open until closed


def _workbook_manifest(book: Workbook) -> Manifest:
    rows = list(book[SHEET_NAMES["manifest"]["da"]].iter_rows(values_only=True))
    headers = [str(h) for h in rows[0]]
    lang = "en" if "value" in headers else "da"
    fields = {
        label: name for name, labels in FIELD_LABELS.items() for label in (labels["da"], name)
    }
    records = [
        dict(zip([fields.get(h, h) for h in headers], row, strict=False)) for row in rows[1:]
    ]
    values = {str(r["key"]): r["value"] for r in records}
    if "rules_version" not in values and "as_of" in values:  # `timelog -o`'s workbook
        raise _TimelogSummary
    settings = _unflatten(
        {k.removeprefix("settings."): v for k, v in values.items() if k.startswith("settings.")}
    )
    inputs = [
        {"path": r["value"], "sha256": r.get("sha256")}
        for r in records
        if str(r["key"]).startswith("inputs.")
    ]
    findings_sheet = book[SHEET_NAMES["findings"][lang]]
    finding_rows = list(findings_sheet.iter_rows(values_only=True))
    names = [fields.get(str(h), str(h)) for h in finding_rows[0]]
    findings = [_codes(dict(zip(names, row, strict=False))) for row in finding_rows[1:] if any(row)]
    as_of = values["as_of"]
    day = as_of.date() if isinstance(as_of, dt.datetime) else dt.date.fromisoformat(str(as_of))
    filter_values = {
        k.removeprefix("filters."): v for k, v in values.items() if k.startswith("filters.")
    }
    filters = {
        k: [] if v in (None, "[]") else str(v).split(", ") for k, v in filter_values.items()
    } or None
    return Manifest(day, settings, filters, inputs, findings)


WORDS = {
    words[lang]: name
    for table in (DIRECTION_NAMES, SEVERITY_NAMES)
    for name, words in table.items()
    for lang in ("da", "en")
}


def _codes(finding: dict[str, Any]) -> dict[str, Any]:
    """Direction and severity as their codes: the workbook shows them as words."""
    for name in ("direction", "severity"):
        finding[name] = WORDS.get(str(finding.get(name)), finding.get(name))
    return finding


def _unflatten(flat: dict[str, Any]) -> dict[str, Any]:
    nested: dict[str, Any] = {}
    for key, value in flat.items():
        parts = key.split(".")
        node = nested
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = {} if value == "{}" else [] if value == "[]" else value
    return nested


def verify_report(
    report_path: Path, cases: str, tariffs: str | None, timelogs: list[str], lang: str
) -> Verification:
    manifest = read_manifest(report_path)
    try:
        settings = Settings.model_validate(
            {k: v for k, v in manifest.settings.items() if k != "pseudonym_key_file"}
        )
    except ValidationError as error:
        detail = f"its settings are not bitcheck's: {error.error_count()} error(s)"
        raise InputError("not-a-report", file=str(report_path), detail=detail) from error
    run = run_audit(cases, tariffs, timelogs, settings, manifest.as_of)
    fresh = build_audit_report(run, Pseudonymizer(bytes(32), "verify"), reveal_cpr=False, lang=lang)
    filters = manifest.filters or {}
    fresh = filter_report(fresh, filters.get("direction", []), filters.get("code", []))
    result = Verification(mask_cpr_like(str(report_path)))  # a folder may carry a CPR number
    result.found += _input_differences(manifest.inputs, [i.model_dump() for i in fresh.inputs])
    result.found += _finding_differences(
        manifest.findings, [f.model_dump(mode="json") for f in fresh.findings]
    )
    return result


def _input_differences(before: list[dict[str, Any]], now: list[dict[str, Any]]) -> list[Difference]:
    old = {str(i["sha256"]) for i in before}
    new = {str(i["sha256"]) for i in now}
    names = {str(i["sha256"]): i["path"] for i in [*before, *now]}

    def difference(key: str, sha256: str) -> Difference:
        return Difference(key, {"path": names[sha256], "sha256": sha256[:12]})

    return [difference("input-new", h) for h in sorted(new - old)] + [
        difference("input-gone", h) for h in sorted(old - new)
    ]


def _key(finding: dict[str, Any]) -> tuple[str, str]:
    return str(finding["case_id"]), str(finding["code"])


def _finding_differences(
    before: list[dict[str, Any]], now: list[dict[str, Any]]
) -> list[Difference]:
    old = {_key(f): f for f in before}
    new = {_key(f): f for f in now}
    found = [
        Difference("finding-new", {"code": c, "case_id": k})
        for k, c in sorted(new.keys() - old.keys())
    ]
    found += [
        Difference("finding-gone", {"code": c, "case_id": k})
        for k, c in sorted(old.keys() - new.keys())
    ]
    for key in sorted(old.keys() & new.keys()):
        found += _changes(key, old[key], new[key])
    return found


def _changes(key: tuple[str, str], before: dict[str, Any], now: dict[str, Any]) -> list[Difference]:
    """The compared fields of one finding whose values differ."""
    return [
        Difference("finding-changed", {"code": key[1], "case_id": key[0], "field": name,
                                       "before": before.get(name), "now": now.get(name)})
        for name in COMPARED
        if not _same(before.get(name), now.get(name))
    ]  # fmt: skip


def _same(first: object, second: object) -> bool:
    if isinstance(first, int | float) and isinstance(second, int | float):
        return round(float(first), 6) == round(float(second), 6)
    if isinstance(first, dt.date | dt.datetime):
        first = first.date().isoformat() if isinstance(first, dt.datetime) else first.isoformat()
    return first == second or (first in (None, "") and second in (None, ""))


def render_verification(result: Verification, output_format: str | None, lang: str) -> str:
    """The verdict as JSON (differences in English, as ever) or as lines in the language."""
    if output_format == "json":
        data = {
            "report": result.report,
            "matches": result.matches,
            "differences": result.differences,
        }
        return json.dumps(data, indent=2)
    if result.matches:
        return i18n.message("verify-ok", lang)
    return "\n".join(d.text(lang) for d in result.found)
