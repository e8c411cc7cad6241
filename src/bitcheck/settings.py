"""Settings from `bitcheck.toml`: one typed object, every default in one place.

Unknown keys are errors naming the file and the key (cli.md, "Settings").
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator

from bitcheck.errors import InputError

DEFAULT_CONFIG_NAME = "bitcheck.toml"
DEFAULT_REVIEW_MONTHS: dict[str, int] = {"103": 6, "107": 6}
Kind = Literal["cases", "tariffs", "time_log"]


class Aliases(BaseModel):
    """User header aliases per kind: header text -> field name."""

    model_config = ConfigDict(extra="forbid")

    cases: dict[str, str] = Field(default_factory=dict)
    tariffs: dict[str, str] = Field(default_factory=dict)
    time_log: dict[str, str] = Field(default_factory=dict)

    def for_kind(self, kind: str) -> dict[str, str]:
        return dict(getattr(self, kind))


class BatchJob(BaseModel):
    """One scheduled job of `bitcheck batch`."""

    model_config = ConfigDict(extra="forbid")

    name: str
    cases: str
    tariffs: str | None = None
    timelogs: list[str] = Field(default_factory=list)
    output_dir: str = "rapporter"
    report: str = "bitcheck_{job}_{date}.xlsx"
    fail_on: Literal["low", "medium", "high"] | None = None


class Batch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    history: str = "bitcheck-historik.sqlite"
    jobs: list[BatchJob] = Field(default_factory=list)


class Settings(BaseModel):
    """Every setting bitcheck knows, with its default."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    lang: Literal["da", "en"] = "da"
    tariff_tolerance: float = Field(0.02, ge=0, lt=1)
    delivery_tolerance: float = Field(0.15, ge=0, lt=1)
    min_log_days: int = Field(14, ge=1)
    review_months_default: int = Field(12, ge=1)
    temporary_stay_months: int = Field(24, ge=1)
    watch_band: float = Field(0.05, ge=0, lt=1)
    watch_review_days: int = Field(30, ge=0)
    max_sheet_cells: int = Field(5_000_000, ge=1)
    pseudonym_key_file: str | None = None
    review_months: dict[str, int] = Field(default_factory=lambda: dict(DEFAULT_REVIEW_MONTHS))
    aliases: Aliases = Field(default_factory=Aliases)
    batch: Batch | None = None
    _config_path: Path | None = PrivateAttr(default=None)

    @property
    def config_path(self) -> Path | None:
        """The config file these settings came from, if any."""
        return self._config_path

    @field_validator("review_months", mode="before")
    @classmethod
    def _merge_review_months(cls, value: object) -> object:
        if isinstance(value, dict):
            return {**DEFAULT_REVIEW_MONTHS, **{str(k): v for k, v in value.items()}}
        return value

    def review_interval(self, paragraph: str | None) -> int:
        """Months between follow-ups for a paragraph (rules.md, "Review interval")."""
        return self.review_months.get(paragraph or "", self.review_months_default)

    def public_dict(self) -> dict[str, object]:
        """Every setting in force, defaults included, as reports print them."""
        return self.model_dump(mode="json", exclude={"batch"})


def find_config(explicit: Path | None) -> Path | None:
    """The config file in force: the one named, else ./bitcheck.toml when present."""
    if explicit is not None:
        return explicit
    default = Path(DEFAULT_CONFIG_NAME)
    return default if default.is_file() else None


def load_settings(path: Path | None, **overrides: object) -> Settings:
    """Read `bitcheck.toml` (or nothing) and apply command-line overrides."""
    data: dict[str, object] = _read_toml(path) if path is not None else {}
    data.update({k: v for k, v in overrides.items() if v is not None})
    try:
        settings = Settings.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        key = ".".join(str(part) for part in first["loc"])
        raise InputError(
            "bad-setting", file=str(path or "--"), setting=key, detail=first["msg"]
        ) from exc
    settings._config_path = path
    return settings


def _read_toml(path: Path) -> dict[str, object]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError as exc:
        raise InputError("config-missing", file=str(path)) from exc
    except tomllib.TOMLDecodeError as exc:
        raise InputError("bad-config", file=str(path), detail=str(exc)) from exc
