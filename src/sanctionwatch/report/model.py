"""The report's input: already redacted for its audience (labels, commitments only)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from sanctionwatch.findings.estimative import LIKELIHOOD, lint
from sanctionwatch.findings.grading import THEMES


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ParagraphRef(_Model):
    """A resolution paragraph the finding engages, e.g. 2397 OP5."""

    resolution: str
    paragraph: str
    verified: bool = False


class QuantityView(_Model):
    unit: str
    low: Decimal
    high: Decimal
    sources: int = Field(ge=1)

    @model_validator(mode="after")
    def _ordered(self) -> QuantityView:
        if self.high < self.low:
            raise ValueError(f"quantity range {self.low}..{self.high} is reversed")
        return self


class SourceRow(_Model):
    """One cited item as this audience may see it. A withheld item shows only its hash
    commitment (and its proof reference), never a label that identifies its originator."""

    ref: str
    label: str
    withheld: bool = False
    commitment: str | None = None
    grade: str | None = Field(default=None, pattern=r"^[A-F][1-6]$")
    language: str | None = None
    date: str | None = None
    counted: str = "independent"

    @model_validator(mode="after")
    def _withheld_has_commitment(self) -> SourceRow:
        if self.withheld and not self.commitment:
            raise ValueError(f"withheld source {self.ref} needs its hash commitment")
        return self


class LetterView(_Model):
    addressee: str
    sent: date
    deadline: date
    status: Literal["replied", "no reply received", "awaiting reply"]
    reply: str | None = None


class OpinionView(_Model):
    kind: Literal["sign_off", "dissent"]
    by: str
    text: str


class Place(_Model):
    name: str
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)


class TrackView(_Model):
    """One vessel's track (each segment a list of (lon, lat) points, already thinned)."""

    label: str
    mmsi: int | None = None
    segments: list[list[tuple[float, float]]] = []

    @property
    def points(self) -> list[tuple[float, float]]:
        return [p for seg in self.segments for p in seg]

    def parts(self) -> list[list[tuple[float, float]]]:
        return [seg for seg in self.segments if seg]


class TrackEvent(_Model):
    """A detector event (or sighting) drawn as a marker on the track map."""

    kind: str
    label: str = ""
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)


class TrackMapView(_Model):
    """Tracks and events of the vessels in the report's maritime findings (optional)."""

    title: str = ""
    tracks: list[TrackView] = []
    events: list[TrackEvent] = []


class FindingView(_Model):
    id: str
    theme: str
    title: str
    type: str
    countries: list[str] = []
    likelihood: str
    confidence: Literal["low", "moderate", "high"]
    judgment: str
    basis: str
    confidence_statement: str
    status: Literal["reported", "corroborated", "confirmed", "published"]
    period: str | None = None
    period_start: date | None = None
    period_end: date | None = None
    independent_sources: int = Field(ge=0)
    counting: list[str] = []
    paragraphs: list[ParagraphRef] = []
    quantities: list[QuantityView] = []
    sources: list[SourceRow] = []
    letters: list[LetterView] = []
    opinions: list[OpinionView] = []
    places: list[Place] = []
    override_reason: str | None = None

    @field_validator("theme")
    @classmethod
    def _theme(cls, v: str) -> str:
        if v not in THEMES:
            raise ValueError(f"unknown theme {v!r}; one of {THEMES}")
        return v

    @field_validator("likelihood")
    @classmethod
    def _term(cls, v: str) -> str:
        if v not in LIKELIHOOD:
            raise ValueError(f"{v!r} is not on the ICD 203 likelihood scale")
        return v

    @model_validator(mode="after")
    def _estimative(self) -> FindingView:
        problems = lint(" ".join((self.judgment, self.basis, self.confidence_statement)))
        if problems:
            raise ValueError(f"finding {self.id}: " + "; ".join(problems))
        return self


class CapView(_Model):
    """A quantitative cap, e.g. refined petroleum: 500,000 barrels a year (2397 OP5)."""

    label: str
    unit: str
    limit: Decimal
    year: int
    source: str
    notified: Decimal | None = None


class Signature(BaseModel):
    model_config = ConfigDict(frozen=True, extra="allow")

    key_id: str = ""
    signature: str = ""


class CheckpointView(BaseModel):
    """The signed ledger checkpoint the report rests on (as produced by the ledger)."""

    model_config = ConfigDict(frozen=True, extra="allow")

    size: int = Field(ge=1)
    root: str = Field(pattern=r"^[0-9a-f]{64}$")
    log: str = ""
    time: str = ""
    signatures: list[Signature] = []


class ProofView(BaseModel):
    """An inclusion proof of one cited item (the ledger's proof JSON, plus ``ref``)."""

    model_config = ConfigDict(frozen=True, extra="allow")

    ref: str
    leaf_index: int = Field(ge=0)
    tree_size: int = Field(ge=1)
    leaf_hash: str
    path: list[str]
    root: str = ""


class ReportModel(_Model):
    title: str
    audience: str
    audience_label: str
    period: str | None = None
    generated_at: datetime
    summary: list[str] = []
    findings: list[FindingView] = []
    caps: list[CapView] = []
    checkpoint: CheckpointView | None = None
    proofs: list[ProofView] = []
    method: list[str] = []
    tracks: TrackMapView | None = None

    @model_validator(mode="after")
    def _refs(self) -> ReportModel:
        cited = {s.ref for f in self.findings for s in f.sources}
        proved = {p.ref for p in self.proofs}
        unknown = sorted(proved - cited)
        if unknown:
            raise ValueError(f"proofs for items no finding cites: {unknown}")
        return self
