"""Pure parsers for the cell values of Danish spreadsheets and CSV files (contract.md "Values").

Every parser returns the parsed value, returns None for an empty cell, or raises `InvalidValue`
with a stable error code and a short hint showing the valid form. `parse_values` applies a parser
to a column, parsing each distinct value once. Danish words live in the constant tables only.

    cells     what a cell is, the error, text and ids
    dates     dates and times of day
    numbers   amounts, hours, minutes and counts
    codes     yes/no, CPR, paragraph, need level, unit and kind
    columns   a parser over a whole column
"""

from bitcheck.values.cells import (
    EXCEL_ERRORS,
    InvalidValue,
    is_blank,
    mask_digits,
    normalise_header,
    normalise_name,
    parse_id,
    parse_text,
)
from bitcheck.values.codes import (
    KNOWN_PARAGRAPHS,
    parse_cpr,
    parse_kind,
    parse_need_level,
    parse_paragraph,
    parse_unit,
    parse_yes_no,
)
from bitcheck.values.columns import parse_column, parse_values
from bitcheck.values.dates import (
    parse_date,
    parse_date_month_first,
    parse_time,
    parse_time_span,
    slash_dates_month_first,
)
from bitcheck.values.numbers import parse_amount, parse_count, parse_hours, parse_minutes

__all__ = [
    "EXCEL_ERRORS",
    "KNOWN_PARAGRAPHS",
    "InvalidValue",
    "is_blank",
    "mask_digits",
    "normalise_header",
    "normalise_name",
    "parse_amount",
    "parse_column",
    "parse_count",
    "parse_cpr",
    "parse_date",
    "parse_date_month_first",
    "parse_hours",
    "parse_id",
    "parse_kind",
    "parse_minutes",
    "parse_need_level",
    "parse_paragraph",
    "parse_text",
    "parse_time",
    "parse_time_span",
    "parse_unit",
    "parse_values",
    "parse_yes_no",
    "slash_dates_month_first",
]
