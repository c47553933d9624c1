"""Incident dates (YYYY, YYYY-MM, YYYY-MM-DD) as closed periods, and unit names."""

from __future__ import annotations

import calendar
from datetime import date


def period(when: str) -> tuple[date, date]:
    """The first and last day the (possibly partial) date ``when`` can mean."""
    parts = [int(p) for p in when.split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return date(parts[0], parts[1], 1), date(parts[0], parts[1], last)
    day = date(parts[0], parts[1], parts[2])
    return day, day


_UNITS = {
    "bbl": "bbl", "barrel": "bbl", "barrels": "bbl", "bbls": "bbl",
    "t": "t", "tonne": "t", "tonnes": "t", "ton": "t", "tons": "t", "mt": "t",
    "metric ton": "t", "metric tons": "t",
    "usd": "usd", "us$": "usd", "$": "usd", "dollars": "usd",
}


def norm_unit(unit: str | None) -> str | None:
    """Canonical unit ('bbl', 't', 'usd') or None when unknown."""
    if unit is None:
        return None
    return _UNITS.get(unit.strip().lower())
