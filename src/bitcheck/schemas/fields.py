"""How a schema field is declared, and how its spec is read back from a model."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel, Field
from pydantic.config import JsonDict
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

# Value types, each read by one parser of `values/` (see validate.PARSERS).
VALUE_TYPES = (
    "id", "text", "cpr", "paragraph", "date", "time", "need_level", "hours", "amount",
    "minutes", "count", "unit", "yes_no", "kind",
)  # fmt: skip


def spec(
    value_type: str,
    aliases: list[str],
    *,
    required: bool = False,
    default: Any = None,
    description: str = "",
    **constraints: Any,
) -> Any:
    """A schema field: its value type, its Danish header aliases, whether it is required."""
    extra: JsonDict = {
        "x-value-type": value_type,
        "x-aliases": list(aliases),
        "x-required": required,
    }
    if required:
        return Field(..., description=description, json_schema_extra=extra, **constraints)
    return Field(default, description=description, json_schema_extra=extra, **constraints)


@dataclass(frozen=True)
class FieldSpec:
    """A field as the input layer needs it."""

    name: str
    value_type: str
    aliases: tuple[str, ...]
    required: bool
    default: Any


@cache
def field_specs(model: type[BaseModel]) -> list[FieldSpec]:
    """The field specs of a schema model, in declaration order."""
    return [_spec_of(name, info) for name, info in model.model_fields.items()]


def _spec_of(name: str, info: FieldInfo) -> FieldSpec:
    extra = info.json_schema_extra
    assert isinstance(extra, dict), f"field {name} was not declared with spec()"
    default = None if info.default is PydanticUndefined else info.default
    aliases = extra["x-aliases"]
    assert isinstance(aliases, list)
    return FieldSpec(
        name=name,
        value_type=str(extra["x-value-type"]),
        aliases=tuple(str(a) for a in aliases),
        required=bool(extra["x-required"]),
        default=default,
    )


@dataclass(frozen=True)
class LayoutSpec:
    """One layout of one input kind: its fields and how its header row is recognised."""

    kind: str  # cases | tariffs | time_log
    layout: str  # cases | model | price_list | long
    model: type[BaseModel]
    detection: tuple[str, ...]
    minimum: int

    @property
    def fields(self) -> list[FieldSpec]:
        return field_specs(self.model)
