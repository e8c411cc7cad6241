"""Reading one detected table with its layout: one module per kind of input."""

from bitcheck.tables.read import read_table

__all__ = ["read_table"]
