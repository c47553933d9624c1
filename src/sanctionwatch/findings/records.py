"""Typed records that corroboration takes in and gives out (no I/O)."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict

from sanctionwatch.findings.periods import Period


class SourceItem(BaseModel):
    """What corroboration needs of one evidence item. ``originator_key`` is any stable
    key of the originator (never displayed, never ledgered)."""

    model_config = ConfigDict(frozen=True)

    evidence_id: str
    originator_key: str
    text: str = ""
    language: str | None = None
    reliability: str | None = None
    credibility: int | None = None


class IncidentInput(BaseModel):
    """One incident, as stored: it comes from exactly one evidence item."""

    model_config = ConfigDict(frozen=True)

    id: str
    evidence_id: str
    type: str
    from_country: str | None = None
    to_country: str | None = None
    item: str | None = None
    category: str | None = None
    quantity: float | None = None
    quantity_max: float | None = None
    unit: str | None = None
    when: str | None = None
    stance: str = "asserted"


class FindingKey(BaseModel):
    """What makes incidents be about the same event (besides an overlapping period)."""

    model_config = ConfigDict(frozen=True)

    type: str
    from_country: str | None = None
    to_country: str | None = None
    subject: str = ""

    def text(self) -> str:
        return f"{self.type}|{self.from_country or '-'}|{self.to_country or '-'}|{self.subject}"


LinkReason = Literal["same_item", "same_originator", "near_duplicate", "same_upstream"]


class Link(BaseModel):
    """Why two evidence items were counted as one source."""

    model_config = ConfigDict(frozen=True)

    a: str
    b: str
    reason: LinkReason
    detail: str = ""


class SourceGroup(BaseModel):
    """Evidence items that count as one source; ``grade`` is the best among them."""

    model_config = ConfigDict(frozen=True)

    evidence_ids: tuple[str, ...]
    representative: str
    grade: str
    counts: bool


class QuantityRange(BaseModel):
    """A quantity across independent sources: the lowest and highest figure reported."""

    model_config = ConfigDict(frozen=True)

    unit: str
    low: Decimal
    high: Decimal
    sources: int


class Assessment(BaseModel):
    """A candidate finding and how its sources were counted."""

    model_config = ConfigDict(frozen=True)

    key: FindingKey
    incident_ids: tuple[str, ...]
    evidence_ids: tuple[str, ...]
    period: Period | None
    groups: tuple[SourceGroup, ...]
    links: tuple[Link, ...]
    quantities: tuple[QuantityRange, ...]
    denials: tuple[str, ...] = ()
    alleged_only: bool = False

    @property
    def independent(self) -> int:
        """Independent sources that count towards the standard."""
        return sum(1 for g in self.groups if g.counts)

    @property
    def best_grade(self) -> str | None:
        grades = sorted((g.grade for g in self.groups), key=lambda c: ("ABCDEF".index(c[0]), c))
        return grades[0] if grades else None
