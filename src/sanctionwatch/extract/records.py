"""Typed records produced by the extraction pipeline (no I/O, no database)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sanctionwatch.incident import Incident


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number found in the text, with its unit when one follows it."""

    start: int
    end: int
    value: float
    value_max: float | None = None
    unit: str | None = None  # a unit of the vocabulary, "persons", or None
    currency: str | None = None  # "USD" or another currency code when stated


@dataclass(frozen=True, slots=True)
class DocDate:
    """The reference date printed in the text (stamp line, dateline, 입력 timestamp)."""

    year: int
    month: int | None = None
    day: int | None = None
    source: str = "text"

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


@dataclass(slots=True)
class ExtractionResult:
    """What ``extract_text`` returns: the language, the incidents and notes on the run."""

    language: str
    incidents: list[Incident] = field(default_factory=list)
    doc_date: DocDate | None = None
    countries: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    sentences: int = 0

    def wire(self, doc: str | None = None) -> dict[str, object]:
        data: dict[str, object] = {}
        if doc is not None:
            data["doc"] = doc
        data["language"] = self.language
        data["doc_date"] = self.doc_date.iso() if self.doc_date else None
        data["incidents"] = [i.wire() for i in self.incidents]
        data["countries"] = self.countries
        if self.notes:
            data["notes"] = self.notes
        return data
