"""The tariff catalogue: rows from both layouts, their validity, and matching cases to them."""

from bitcheck.catalogue.build import TariffCatalogue, build_catalogue, count_rejections
from bitcheck.catalogue.rows import TariffRow, per_day

__all__ = ["TariffCatalogue", "TariffRow", "build_catalogue", "count_rejections", "per_day"]
