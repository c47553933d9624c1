"""Pydantic schema of a regime file: measures, citations, scope, caps, exemptions."""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from sanctionwatch.incident import INCIDENT_TYPES
from sanctionwatch.knowledge.categories import expand
from sanctionwatch.knowledge.items import validate_hs

Direction = Literal["to", "from", "both", "any"]
_RES = re.compile(r"^\d{3,4} \(\d{4}\)$")
_ID = re.compile(r"^[a-z][a-z0-9_]*$")


class Citation(BaseModel):
    """One operative paragraph of one resolution, and whether we checked the number."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    resolution: str  # "2397 (2017)"
    paragraph: str  # "5", "8(a)(i)"
    verified: bool
    url: str

    @field_validator("resolution")
    @classmethod
    def _res(cls, value: str) -> str:
        if not _RES.match(value):
            raise ValueError(f"resolution must look like '2397 (2017)', got {value!r}")
        return value

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        if not value.startswith("https://"):
            raise ValueError(f"citation url must be https://, got {value!r}")
        return value

    @property
    def op(self) -> str:
        """``OP 8(c)``, or ``OP 9 (unverified)`` when the number was not checked."""
        return f"OP {self.paragraph}" + ("" if self.verified else " (unverified)")

    @property
    def label(self) -> str:
        return f"S/RES/{self.resolution} {self.op}"


class Scope(BaseModel):
    """What an incident must involve for the measure to be engaged (any of the lists)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    categories: tuple[str, ...] = ()
    hs_codes: tuple[str, ...] = ()
    incident_types: tuple[str, ...] = ()
    requires_designated: bool = False
    keywords: tuple[str, ...] = ()

    @field_validator("categories")
    @classmethod
    def _cats(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        expand(value)  # raises on unknown names
        return value

    @field_validator("hs_codes")
    @classmethod
    def _hs(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(validate_hs(v) for v in value)

    @field_validator("incident_types")
    @classmethod
    def _types(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        bad = [v for v in value if v not in INCIDENT_TYPES]
        if bad:
            raise ValueError(f"unknown incident types {bad}; known: {', '.join(INCIDENT_TYPES)}")
        return value

    @property
    def expanded(self) -> frozenset[str]:
        return expand(self.categories)


class Cap(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    category: str
    amount: float = Field(gt=0)
    unit: Literal["bbl", "t", "usd"]
    alt_amount: float | None = None
    alt_unit: Literal["bbl", "t", "usd"] | None = None
    window: Literal["calendar_year", "12_months_from"]
    anchor: date  # first day of the first window
    rule: Literal["lower_of", "either"] = "either"

    @field_validator("category")
    @classmethod
    def _cat(cls, value: str) -> str:
        expand([value])
        return value


class Exemption(BaseModel):
    """A carve-out: the measure is not engaged when the incident matches it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    text: str
    citation: Citation | None = None
    categories: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    requires_committee_approval: bool = False

    @field_validator("categories")
    @classmethod
    def _cats(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        expand(value)
        return value


class Measure(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    title: str
    text: str = Field(min_length=20, description="the measure in our own words")
    citations: tuple[Citation, ...] = Field(min_length=1)
    direction: Direction
    scope: Scope
    caps: tuple[Cap, ...] = ()
    exemptions: tuple[Exemption, ...] = ()
    in_force: date
    effective: date | None = None  # compliance deadline, e.g. repatriation by 22 Dec 2019
    superseded: date | None = None
    superseded_by: str | None = None
    obligation_only: bool = False  # a duty of states (e.g. inspections), not engaged by incidents
    source: str

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        if not _ID.match(value):
            raise ValueError(f"measure id must be lower_snake_case, got {value!r}")
        return value

    @model_validator(mode="after")
    def _dates(self) -> Measure:
        if self.superseded and self.superseded < self.in_force:
            raise ValueError(f"measure {self.id}: superseded before it entered into force")
        if self.superseded_by and not self.superseded:
            raise ValueError(f"measure {self.id}: superseded_by needs a superseded date")
        return self

    @property
    def primary(self) -> Citation:
        return self.citations[0]


class Regime(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    name: str
    target: str = Field(pattern=r"^[A-Z]{2}$")  # ISO 3166-1 alpha-2 of the sanctioned state
    committee: str
    source: str
    notes: str | None = None
    measures: tuple[Measure, ...]

    @model_validator(mode="after")
    def _refs(self) -> Regime:
        ids = [m.id for m in self.measures]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"regime {self.id}: duplicate measure ids {dupes}")
        for m in self.measures:
            if m.superseded_by and m.superseded_by not in ids:
                raise ValueError(
                    f"measure {m.id}: superseded_by {m.superseded_by!r} is not a measure here"
                )
        return self

    def measure(self, measure_id: str) -> Measure:
        for m in self.measures:
            if m.id == measure_id:
                return m
        raise KeyError(f"regime {self.id} has no measure {measure_id!r}")
