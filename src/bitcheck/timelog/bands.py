"""Time-of-day bands: day 07-15, evening 15-23, night 23-07; band starts are inclusive.

An entry is split where it crosses 07:00, 15:00 or 23:00, also past midnight, so the bands of
an entry always add up to its minutes.
"""

from __future__ import annotations

import numpy as np

DAY = 1440.0
BANDS: dict[str, tuple[float, float]] = {
    "day": (420.0, 900.0),
    "evening": (900.0, 1380.0),
    "night": (1380.0, 1860.0),  # 23:00 to 07:00 the next morning
}


def split_into_bands(start: np.ndarray, minutes: np.ndarray) -> dict[str, np.ndarray]:
    """Minutes of each entry in each band; `start` in minutes after midnight."""
    end = start + minutes
    days = int(np.ceil(np.nanmax(end, initial=0.0) / DAY)) + 1
    shifts = np.arange(-1, days)[:, None] * DAY
    return {
        name: _overlap(start, end, low + shifts, high + shifts).sum(axis=0)
        for name, (low, high) in BANDS.items()
    }


def _overlap(start: np.ndarray, end: np.ndarray, low: np.ndarray, high: np.ndarray) -> np.ndarray:
    overlap: np.ndarray = np.clip(np.minimum(end, high) - np.maximum(start, low), 0.0, None)
    return overlap
