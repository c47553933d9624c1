"""Small helpers over FollowTheMoney entity dicts (``{"id", "schema", "properties"}``)."""

from __future__ import annotations

import hashlib
import json
from typing import Any

Entity = dict[str, Any]

TARGET_SCHEMATA = frozenset(
    {"Person", "Organization", "Company", "LegalEntity", "Vessel", "PublicBody", "Airplane"}
)


def squash(value: str) -> str:
    """Whitespace-normalise: trim and collapse runs of whitespace (line-wrapping drift)."""
    return " ".join(value.split())


def props(entity: Entity, name: str) -> list[str]:
    values = entity.get("properties", {}).get(name, [])
    return [v for v in values if isinstance(v, str)]


def first(entity: Entity, name: str) -> str | None:
    values = props(entity, name)
    return values[0] if values else None


def caption(entity: Entity) -> str:
    for prop in ("name", "alias", "imoNumber", "unscId", "number"):
        value = first(entity, prop)
        if value:
            return value
    return str(entity.get("id", ""))


def normalised(entity: Entity) -> Entity:
    """The entity with whitespace-normalised, de-duplicated, sorted values (for diffing)."""
    properties: dict[str, list[str]] = {}
    for prop, values in sorted(entity.get("properties", {}).items()):
        clean = sorted({squash(str(v)) for v in values if squash(str(v))})
        if clean:
            properties[prop] = clean
    return {"id": entity["id"], "schema": entity["schema"], "properties": properties}


def digest(entity: Entity) -> str:
    data = json.dumps(normalised(entity), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def is_target(entity: Entity) -> bool:
    """Whether an entity is a screenable party (not a Sanction, Passport, Address…)."""
    return str(entity.get("schema")) in TARGET_SCHEMATA
