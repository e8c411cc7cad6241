"""bitcheck: need, intervention, tariff and delivered support (BIT), checked case by case."""

__version__ = "0.1.0"
