"""The input kinds as pydantic models: the single source of truth of fields, types and aliases.

Rows are never validated one by one through these models (that is 9x slower than bulk
checks); `validate.py` reads the field specs from them and checks whole columns at once.
"""

from bitcheck.schemas.fields import FieldSpec, LayoutSpec, field_specs
from bitcheck.schemas.layouts import LAYOUTS, NAME_HEADERS, layouts_of_kind

__all__ = ["LAYOUTS", "NAME_HEADERS", "FieldSpec", "LayoutSpec", "field_specs", "layouts_of_kind"]
