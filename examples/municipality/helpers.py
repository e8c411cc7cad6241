"""Constants (as-of date, entry kinds, shares) and small helpers: dates, Danish text, slugs."""

from __future__ import annotations

from datetime import date, datetime, timedelta

AS_OF = date(2026, 11, 24)
EXCEL_EPOCH = date(1899, 12, 30)
CREATED_AT = "Dannet 24-11-2026 06:12"
CREATED_DATETIME = datetime(2026, 11, 24, 6, 12)
PRICE_INDEX_2026 = 1.032  # 2025 prices are the 2026 prices / this index
SHARE_LOGGED = 0.40  # citizens with a time log
REVIEW_MONTHS = {107: 6, 103: 6}  # else 12, as rules.md's defaults
VUM = ["Ingen", "Let", "Moderat", "Svært", "Fuldstændig"]

DIRECT, SHARED, INDIRECT = "Direkte", "Delt", "Indirekte"
NIGHT_AWAKE, NIGHT_SLEEPING = "Nattevagt vågen", "Nattevagt sovende"
COUNTED_KINDS = (DIRECT, SHARED)  # direct support: counted as delivered


def add_months(d: date, months: int) -> date:
    """Add months, clamping to the month's last day (31-01 + 1 month = 28-02)."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(d.day, last))


def days_ago(n: int) -> date:
    """The date n days before the as-of date (negative n: after it)."""
    return AS_OF - timedelta(days=n)


def dk_date(d: date) -> str:
    """A date as Danish text: 02-03-2025."""
    return d.strftime("%d-%m-%Y")


def dk_amount(x: float) -> str:
    """An amount as Danish text: 1.234,50."""
    return f"{x:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")


def dk_number(x: float) -> str:
    """Hours or minutes with a decimal comma: 10,5 (never a thousands separator)."""
    return f"{x:g}".replace(".", ",")


def hhmm(minute: int) -> str:
    """Minutes since midnight as a clock time, wrapping past midnight."""
    return f"{minute // 60 % 24:02d}:{minute % 60:02d}"


def slug(text: str) -> str:
    """A file-name-safe ASCII form of a provider name."""
    text = text.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    return "".join(ch if ch.isalnum() else "_" for ch in text).strip("_")


def round5(x: float, low: int = 5) -> int:
    """Round minutes to the nearest 5, at least `low`."""
    return max(low, int(round(x / 5.0)) * 5)
