"""Dates of incidents as intervals: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` -> a period."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from datetime import date, timedelta

from pydantic import BaseModel, ConfigDict, model_validator

_WHEN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class PeriodError(ValueError):
    """A date string is not YYYY, YYYY-MM or YYYY-MM-DD (or names no real day)."""


class Period(BaseModel):
    """A closed interval of days, ``start`` <= ``end``."""

    model_config = ConfigDict(frozen=True)

    start: date
    end: date

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise ValueError(f"period ends ({self.end}) before it starts ({self.start})")
        return self

    def overlaps(self, other: Period, slack_days: int = 0) -> bool:
        slack = timedelta(days=slack_days)
        return self.start <= other.end + slack and other.start <= self.end + slack

    def label(self) -> str:
        """The shortest exact text: ``2023``, ``2023-03``, ``2023-03-04`` or ``A to B``."""
        s, e = self.start, self.end
        if s == e:
            return s.isoformat()
        last = calendar.monthrange(e.year, e.month)[1]
        if s.day == 1 and e.day == last:
            if s.year == e.year and s.month == 1 and e.month == 12:
                return str(s.year)
            if (s.year, s.month) == (e.year, e.month):
                return f"{s.year:04d}-{s.month:02d}"
            if s.month == 1 and e.month == 12:
                return f"{s.year} to {e.year}"
            return f"{s.year:04d}-{s.month:02d} to {e.year:04d}-{e.month:02d}"
        return f"{s.isoformat()} to {e.isoformat()}"

    def midpoint(self) -> date:
        return self.start + (self.end - self.start) / 2


def parse_when(when: str) -> Period:
    """``2023`` -> the whole year; ``2023-03`` -> March; ``2023-03-04`` -> that day."""
    m = _WHEN.match(when.strip())
    if not m:
        raise PeriodError(f"'when' must be YYYY, YYYY-MM or YYYY-MM-DD, got {when!r}")
    year = int(m.group(1))
    try:
        if m.group(3):
            day = date(year, int(m.group(2)), int(m.group(3)))
            return Period(start=day, end=day)
        if m.group(2):
            month = int(m.group(2))
            return Period(
                start=date(year, month, 1),
                end=date(year, month, calendar.monthrange(year, month)[1]),
            )
        return Period(start=date(year, 1, 1), end=date(year, 12, 31))
    except ValueError as exc:
        raise PeriodError(f"'when' names no real date: {when!r} ({exc})") from exc


def hull(periods: Iterable[Period]) -> Period | None:
    """The smallest period covering all of ``periods`` (None when there are none)."""
    items = list(periods)
    if not items:
        return None
    return Period(start=min(p.start for p in items), end=max(p.end for p in items))
