"""Pydantic schemas of the extraction gazetteers and cue lists (YAML data files).

Every data file has a ``source`` (where the facts come from) and a list of entries;
loading validates the whole file and fails with a message naming the file and the entry.
Matching keys follow one convention: a key ending in ``*`` is a *stem* (it matches any
word that starts with it, e.g. ``nordkorea*`` → Nordkoreas, nordkoreanische); any other
key must match a whole word. Hangul and CJK keys never need word boundaries.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

LANGS: tuple[str, ...] = ("en", "de", "fr", "es", "ru", "ko", "ja", "zh")
Lang = Literal["en", "de", "fr", "es", "ru", "ko", "ja", "zh"]
LangKeys = dict[Lang, list[str]]


def _clean_keys(value: dict[str, list[str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for lang, keys in value.items():
        cleaned = []
        for key in keys:
            # "=Key" marks a case-sensitive key (e.g. "=US", which must not match "us")
            key = key.strip() if key.startswith("=") else key.strip().lower()
            if not key or key == "*":
                raise ValueError(f"empty key in language {lang!r}")
            cleaned.append(key)
        out[lang] = cleaned
    return out


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Country(_Strict):
    """A country: ISO 3166-1 alpha-2 code, names, adjectives/demonyms, capitals/metonyms."""

    iso2: str = Field(pattern=r"^[A-Z]{2}$")
    names: LangKeys = Field(default_factory=dict)
    adjectives: LangKeys = Field(default_factory=dict)
    capitals: LangKeys = Field(default_factory=dict)
    actors: LangKeys = Field(default_factory=dict)

    _clean = field_validator("names", "adjectives", "capitals", "actors")(classmethod(
        lambda cls, v: _clean_keys(v)))


class CountryFile(_Strict):
    source: str
    countries: list[Country]


class Port(_Strict):
    name: str
    country: str = Field(pattern=r"^[A-Z]{2}$")
    keys: LangKeys

    _clean = field_validator("keys")(classmethod(lambda cls, v: _clean_keys(v)))


class PortFile(_Strict):
    source: str
    ports: list[Port]


Unit = Literal["rounds", "containers", "missiles", "systems", "vehicles", "pieces", "troops",
               "workers", "barrels", "tonnes", "USD", "ETH", "port calls", "transfers",
               "vessels"]
IncidentKind = Literal[
    "arms_transfer", "military_personnel", "technical_assistance", "petroleum_transfer",
    "ship_to_ship_transfer", "port_call", "designated_entity_activity", "cyber_theft",
    "overseas_workers", "other_violation",
]


class ItemCue(_Strict):
    """An item that can be transferred, with its words in each language."""

    item: str
    type: IncidentKind
    category: str
    unit: Unit | None = None
    rank: int = 1
    keys: LangKeys

    _clean = field_validator("keys")(classmethod(lambda cls, v: _clean_keys(v)))


class ItemCueFile(_Strict):
    source: str
    items: list[ItemCue]


CueKind = Literal[
    "give", "get", "deploy", "steal", "sts", "port_call", "assist", "work", "flag", "ship",
    "hedge", "deny", "future", "test", "enforce", "negate", "attrib", "claim", "designated",
    "norm", "norm_after", "source", "experts",
    # maritime round
    "vessel_change", "register", "trade",
    # general round
    "cooperate", "develop", "counter", "associate", "transit", "diplomacy", "venue",
    "firm_anaphor", "between",
]


class CueGroup(_Strict):
    kind: CueKind
    keys: LangKeys
    note: str = ""

    _clean = field_validator("keys")(classmethod(lambda cls, v: _clean_keys(v)))


class CueFile(_Strict):
    source: str
    cues: list[CueGroup]


class UnitWord(_Strict):
    unit: Unit
    keys: LangKeys

    _clean = field_validator("keys")(classmethod(lambda cls, v: _clean_keys(v)))


class UnitFile(_Strict):
    source: str
    units: list[UnitWord]
