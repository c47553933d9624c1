"""The typed incident record shared by the extractor, the regime engine and findings."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

IncidentType = Literal[
    "arms_transfer",
    "military_personnel",
    "technical_assistance",
    "petroleum_transfer",
    "ship_to_ship_transfer",
    "port_call",
    "designated_entity_activity",
    "cyber_theft",
    "overseas_workers",
    "other_violation",
]
INCIDENT_TYPES: tuple[str, ...] = IncidentType.__args__  # type: ignore[attr-defined]

Stance = Literal["asserted", "alleged", "denied"]

_WHEN = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_ISO2 = re.compile(r"^[A-Z]{2}$")


class Incident(BaseModel):
    """Who transferred what to whom, how many, when, and how firmly the text says so.

    ``from`` is a Python keyword, so the field is ``from_`` with the JSON alias ``from``.
    Serialise with ``model_dump(by_alias=True)`` to get the wire shape.
    """

    model_config = ConfigDict(populate_by_name=True, extra="ignore", frozen=True)

    type: IncidentType
    from_: str | None = Field(default=None, alias="from")
    to: str | None = None
    item: str | None = None
    category: str | None = None
    quantity: float | None = None
    quantity_max: float | None = None
    unit: str | None = None
    when: str | None = None
    stance: Stance = "asserted"
    attribution: str | None = None
    span: tuple[int, int] | None = None
    sentence: str | None = None
    evidence_id: str | None = None
    vessels: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()

    @field_validator("from_", "to")
    @classmethod
    def _iso2(cls, value: str | None) -> str | None:
        if value is None:
            return None
        value = value.upper()
        if not _ISO2.match(value):
            raise ValueError(f"not an ISO 3166-1 alpha-2 code: {value!r}")
        return value

    @field_validator("when")
    @classmethod
    def _when(cls, value: str | None) -> str | None:
        if value is not None and not _WHEN.match(value):
            raise ValueError(f"'when' must be YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
        return value

    def wire(self) -> dict[str, object]:
        """The JSON shape used by ``extract``, ``assess`` and the API."""
        data = self.model_dump(by_alias=True, exclude_none=False)
        if not self.vessels:
            data.pop("vessels")
        if not self.entities:
            data.pop("entities")
        if data.get("evidence_id") is None:
            data.pop("evidence_id")
        return data
