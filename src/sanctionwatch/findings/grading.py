"""Admiralty grading, the corroboration standard, finding statuses and themes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Reliability = Literal["A", "B", "C", "D", "E", "F"]
Credibility = Literal[1, 2, 3, 4, 5, 6]

RELIABILITY: dict[str, str] = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
CREDIBILITY: dict[int, str] = {
    1: "confirmed by other sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}

Status = Literal["reported", "corroborated", "confirmed", "published", "rejected", "merged"]
STATUS_ORDER: tuple[str, ...] = ("reported", "corroborated", "confirmed", "published")

THEMES: tuple[str, ...] = (
    "Arms to and from the DPRK",
    "Personnel",
    "Technical assistance",
    "Petroleum and caps",
    "Maritime",
    "Finance and cyber",
    "Workers",
    "Other",
)
_THEME_BY_TYPE = {
    "arms_transfer": "Arms to and from the DPRK",
    "military_personnel": "Personnel",
    "technical_assistance": "Technical assistance",
    "petroleum_transfer": "Petroleum and caps",
    "ship_to_ship_transfer": "Maritime",
    "port_call": "Maritime",
    "designated_entity_activity": "Finance and cyber",
    "cyber_theft": "Finance and cyber",
    "overseas_workers": "Workers",
}
_PETROLEUM_WORDS = ("petroleum", "diesel", "gasoline", "fuel", "crude", "oil", "kerosene")


def theme_for(incident_type: str, category: str | None = None) -> str:
    """The report theme of a finding; ship-to-ship transfers of oil go under petroleum."""
    if category and any(w in category.lower() for w in _PETROLEUM_WORDS):
        return "Petroleum and caps"
    return _THEME_BY_TYPE.get(incident_type, "Other")


def grade(reliability: str | None, credibility: int | None) -> str:
    """Admiralty code such as ``B2``; ungraded parts read as F (source) and 6 (information)."""
    rel = reliability if reliability in RELIABILITY else "F"
    cred = credibility if credibility in CREDIBILITY else 6
    return f"{rel}{cred}"


def grade_rank(code: str) -> tuple[int, int]:
    """Sort key: lower is better (A1 first, F6 last)."""
    return ("ABCDEF".index(code[0]), int(code[1:]))


class Policy(BaseModel):
    """The evidentiary standard. Defaults follow common Panel practice (two sources)."""

    model_config = ConfigDict(frozen=True)

    min_sources: int = Field(default=2, ge=1, le=20)
    near_duplicate: float = Field(default=0.7, gt=0.0, le=1.0)
    period_slack_days: int = Field(default=0, ge=0, le=3660)
    # Sources graded D/E (unreliable) or 4/5 (doubtful, improbable) do not count.
    excluded_reliability: tuple[str, ...] = ("D", "E")
    excluded_credibility: tuple[int, ...] = (4, 5)

    def counts(self, code: str) -> bool:
        """Whether a source with Admiralty ``code`` counts towards the standard."""
        return code[0] not in self.excluded_reliability and int(
            code[1:]
        ) not in self.excluded_credibility


_KEYS = {
    "findings.min_sources": "min_sources",
    "findings.near_duplicate": "near_duplicate",
    "findings.period_slack_days": "period_slack_days",
}


def policy_from(extra: Mapping[str, str]) -> Policy:
    """A policy from ``Settings.extra`` (keys ``findings.min_sources`` ...)."""
    values: dict[str, object] = {}
    for key, field in _KEYS.items():
        if key in extra:
            values[field] = extra[key]
    try:
        return Policy.model_validate(values)
    except ValueError as exc:
        raise ValueError(f"invalid findings setting: {exc}") from exc


def derive_status(current: str, independent: int, policy: Policy) -> str:
    """Automatic move between ``reported`` and ``corroborated``; analyst states are kept."""
    if current not in ("reported", "corroborated"):
        return current
    return "corroborated" if independent >= policy.min_sources else "reported"
