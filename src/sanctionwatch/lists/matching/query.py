"""Screening queries (FtM-shaped, as yente's match endpoint takes them) and list targets."""

from __future__ import annotations

import itertools
import os
import re
from dataclasses import dataclass, field
from typing import Any

from sanctionwatch.lists.entities import Entity, caption, props
from sanctionwatch.lists.errors import ListError

QUERY_SCHEMATA = ("Person", "Organization", "Company", "LegalEntity", "Vessel", "Thing",
                  "PublicBody")
# Which list schemata a query schema may match.
COMPATIBLE = {
    "Person": {"Person"},
    "Organization": {"Organization", "Company", "LegalEntity", "PublicBody"},
    "Company": {"Organization", "Company", "LegalEntity", "PublicBody"},
    "PublicBody": {"Organization", "Company", "LegalEntity", "PublicBody"},
    "LegalEntity": {"Person", "Organization", "Company", "LegalEntity", "PublicBody"},
    "Vessel": {"Vessel"},
    "Thing": {"Person", "Organization", "Company", "LegalEntity", "PublicBody", "Vessel"},
}
NAME_PROPS = ("name", "alias", "previousName", "weakAlias")
_PAREN = re.compile(r"^(.*?)\s*\(([^()]+)\)\s*$")
_counter = itertools.count(1)
_PREFIX = os.urandom(4).hex()


def unique_query_id() -> str:
    """A query id never reused in this process (logic-v2 caches name analysis by id)."""
    return f"q-{_PREFIX}-{next(_counter)}"


def digits(value: str) -> str:
    return "".join(ch for ch in value if ch.isdigit())


def doc_number(value: str) -> str:
    return "".join(ch for ch in value.upper() if ch.isalnum())


def split_names(name: str) -> list[str]:
    """A name and, for ``NAME (ACRONYM)``, both parts: UN entity names carry acronyms."""
    match = _PAREN.match(name)
    if match and match.group(1).strip():
        return [name, match.group(1).strip().rstrip(","), match.group(2).strip()]
    return [name]


@dataclass
class Query:
    """What is screened: names plus optional facts that confirm or contradict a hit."""

    id: str
    schema: str
    names: list[str]
    birth_dates: list[str] = field(default_factory=list)
    countries: set[str] = field(default_factory=set)
    imo: set[str] = field(default_factory=set)
    mmsi: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)
    example: dict[str, Any] = field(default_factory=dict)


def _country(value: str) -> str | None:
    from followthemoney.types import registry

    return registry.country.clean(value)


def query_from_example(example: dict[str, Any], *, query_id: str | None = None) -> Query:
    """Build a query from ``{"schema", "properties": {...}}`` (the yente example shape)."""
    schema = str(example.get("schema") or "Thing")
    if schema not in COMPATIBLE:
        raise ListError(f"cannot screen schema {schema!r}; use one of "
                        f"{', '.join(sorted(COMPATIBLE))}")
    raw = example.get("properties") or {}
    if not isinstance(raw, dict):
        raise ListError("'properties' must be an object of lists")
    properties = {k: [str(x) for x in (v if isinstance(v, list) else [v]) if x is not None]
                  for k, v in raw.items()}
    names = [n for p in NAME_PROPS for n in properties.get(p, []) if n.strip()]
    imo = {digits(v) for v in properties.get("imoNumber", []) if len(digits(v)) == 7}
    if not names and not imo and not properties.get("mmsi"):
        raise ListError("a query needs a name (or an IMO/MMSI number)")
    countries = set()
    for prop in ("nationality", "country", "citizenship", "jurisdiction", "flag"):
        for v in properties.get(prop, []):
            code = _country(v)
            if code is None:
                raise ListError(f"unknown country {v!r}")
            countries.add(code)
    docs = {doc_number(v) for p in ("passportNumber", "idNumber", "registrationNumber")
            for v in properties.get(p, [])}
    qid = unique_query_id() if query_id is None else f"{query_id}#{unique_query_id()}"
    return Query(
        id=qid, schema=schema, names=names,
        birth_dates=[v[:10] for v in properties.get("birthDate", []) if v[:4].isdigit()],
        countries=countries, imo=imo,
        mmsi={digits(v) for v in properties.get("mmsi", []) if len(digits(v)) == 9},
        documents={d for d in docs if len(d) >= 4},
        example={"schema": schema, "properties": properties},
    )


@dataclass
class Target:
    """A listed party prepared for screening."""

    entity: Entity
    schema: str
    caption: str
    names: list[tuple[str, str]]  # (name, property)
    birth_dates: list[str]
    countries: set[str]
    imo: set[str]
    mmsi: set[str]
    documents: set[str]
    unsc_ids: list[str]
    korean: bool


def make_target(entity: Entity, unsc_ids: list[str]) -> Target:
    names: list[tuple[str, str]] = []
    seen: set[str] = set()
    for prop in NAME_PROPS:
        for full in props(entity, prop):
            for name in split_names(full):
                if name.casefold() not in seen:
                    seen.add(name.casefold())
                    names.append((name, prop))
    countries = set(props(entity, "nationality")) | set(props(entity, "country"))
    countries |= set(props(entity, "flag"))
    docs = {doc_number(v) for p in ("passportNumber", "idNumber", "registrationNumber")
            for v in props(entity, p)}
    korean = entity["schema"] == "Person" and (
        bool(countries & {"kp", "kr"}) or "UN-SC1718" in props(entity, "programId"))
    return Target(
        entity=entity, schema=entity["schema"], caption=caption(entity), names=names,
        birth_dates=[d[:10] for d in props(entity, "birthDate")], countries=countries,
        imo={digits(v) for v in props(entity, "imoNumber") if len(digits(v)) == 7},
        mmsi={digits(v) for v in props(entity, "mmsi") if len(digits(v)) == 9},
        documents={d for d in docs if len(d) >= 4}, unsc_ids=unsc_ids, korean=korean,
    )
