"""The JSON Schemas of the inputs and outputs, from their pydantic models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from bitcheck.batch.report import HistoryReport
from bitcheck.report.audit_models import AuditReport
from bitcheck.report.explain_case import CaseTrace
from bitcheck.report.timelog import TimelogReport
from bitcheck.report.validation import ValidationReport
from bitcheck.sample import SampleReport
from bitcheck.schemas.cases import CaseRow
from bitcheck.schemas.tariffs import PriceListRow, TariffModelRow
from bitcheck.schemas.time_log import TimeLogRow
from bitcheck.settings import Settings

MODELS: dict[str, type[BaseModel]] = {
    "cases": CaseRow,
    "tariffs-model": TariffModelRow,
    "tariffs-price-list": PriceListRow,
    "time_log": TimeLogRow,
    "settings": Settings,
    "output-validate": ValidationReport,
    "output-timelog": TimelogReport,
    "output-audit": AuditReport,
    "output-history": HistoryReport,
    "output-explain": CaseTrace,
    "output-sample": SampleReport,
}


def all_schemas() -> dict[str, dict[str, Any]]:
    return {name: model.model_json_schema() for name, model in MODELS.items()}


def schema_text(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def write_schemas(directory: Path) -> list[Path]:
    """Write one `<name>.json` per model; returns the paths written."""
    from bitcheck.render.output import write_atomic

    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in all_schemas().items():
        path = directory / f"{name}.json"
        write_atomic(path, schema_text(schema).encode("utf-8"))
        written.append(path)
    return written
