"""Screening entry points for commands, the API, the extractor and findings.

``load_index(engine)`` builds the index over the current lists in the database (or the
packaged DPRK extract when nothing was imported); ``screen_names`` screens plain names;
``designated_hits`` turns the parties and vessels of an incident into designated hits.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine

from sanctionwatch.incident import Incident
from sanctionwatch.lists.matching.index import (
    DEFAULT_CUTOFF,
    DEFAULT_THRESHOLD,
    Result,
    ScreeningIndex,
)
from sanctionwatch.lists.matching.query import query_from_example


@dataclass(frozen=True)
class LoadedIndex:
    index: ScreeningIndex
    source: str  # "database" or "packaged"


def load_index(engine: Engine | None, *, fallback_packaged: bool = True) -> LoadedIndex:
    """An index over the current lists of the workspace (packaged DPRK list if none)."""
    from sanctionwatch.lists.packaged import load_packaged
    from sanctionwatch.lists.repository import current_entities

    entities = current_entities(engine) if engine is not None else []
    if entities:
        return LoadedIndex(ScreeningIndex(entities), "database")
    if not fallback_packaged:
        return LoadedIndex(ScreeningIndex([]), "database")
    _, packaged = load_packaged()
    return LoadedIndex(ScreeningIndex(packaged), "packaged")


def _index(source: ScreeningIndex | LoadedIndex | Engine) -> ScreeningIndex:
    if isinstance(source, ScreeningIndex):
        return source
    if isinstance(source, LoadedIndex):
        return source.index
    return load_index(source).index


def screen_example(index: ScreeningIndex, example: dict[str, Any], *, query_id: str | None = None,
                   threshold: float = DEFAULT_THRESHOLD, cutoff: float = DEFAULT_CUTOFF,
                   limit: int = 5) -> dict[str, Any]:
    """Screen one FtM-shaped example; the ``screen`` output line for it."""
    query = query_from_example(example, query_id=query_id)
    results = index.screen(query, threshold=threshold, cutoff=cutoff, limit=limit)
    return {"query": query_id or query.id, "results": [r.brief() for r in results]}


def screen_names(source: ScreeningIndex | LoadedIndex | Engine, names: Iterable[str], *,
                 schema: str = "Thing", threshold: float = DEFAULT_THRESHOLD,
                 cutoff: float = DEFAULT_CUTOFF, limit: int = 5) -> dict[str, list[Result]]:
    """Screen each name on its own (a fresh query id each); name → results, best first."""
    index = _index(source)
    out: dict[str, list[Result]] = {}
    for name in names:
        if not name.strip() or name in out:
            continue
        query = query_from_example({"schema": schema, "properties": {"name": [name]}})
        out[name] = index.screen(query, threshold=threshold, cutoff=cutoff, limit=limit)
    return out


@dataclass(frozen=True)
class DesignatedHit:
    """A designated party named in an incident."""

    mention: str
    role: str  # "entity" or "vessel"
    result: Result

    def wire(self) -> dict[str, Any]:
        return {"mention": self.mention, "role": self.role, **self.result.brief()}


def designated_hits(source: ScreeningIndex | LoadedIndex | Engine, incident: Incident, *,
                    names: Iterable[str] = (), vessels: Iterable[str] = (),
                    threshold: float = DEFAULT_THRESHOLD) -> Iterator[DesignatedHit]:
    """Designated persons, entities and vessels acting in ``incident`` (matches only).

    Mentioned names are ``incident.entities`` plus ``names``; vessels are
    ``incident.vessels`` plus ``vessels``. A vessel mention such as ``"CHON MA SAN (IMO
    8660313)"`` is screened on its name and IMO number. Each mention yields its best match.
    """
    index = _index(source)
    for role, mentions in (("entity", [*incident.entities, *names]),
                           ("vessel", [*incident.vessels, *vessels])):
        seen: set[str] = set()
        for mention in mentions:
            if not mention.strip() or mention in seen:
                continue
            seen.add(mention)
            example = _mention_example(mention, role)
            query = query_from_example(example)
            results = index.screen(query, threshold=threshold, limit=1)
            if results and results[0].match:
                yield DesignatedHit(mention, role, results[0])


def _mention_example(mention: str, role: str) -> dict[str, Any]:
    import re

    imo = re.search(r"\bIMO[:\s#]*(\d{7})\b", mention, re.IGNORECASE)
    name = re.sub(r"\(?\bIMO[:\s#]*\d{7}\)?", "", mention, flags=re.IGNORECASE).strip(" ,;()")
    props: dict[str, list[str]] = {"name": [name or mention]}
    if imo:
        props["imoNumber"] = [imo.group(1)]
    return {"schema": "Vessel" if role == "vessel" else "LegalEntity", "properties": props}


def designated_activity(hit: DesignatedHit, incident: Incident) -> Incident:
    """A ``designated_entity_activity`` incident for a hit (engages the asset freeze).

    It keeps the source incident's time, stance, attribution, span and evidence, and names
    the listed party by its list caption (vessels under ``vessels``, others ``entities``).
    """
    data = incident.model_dump(by_alias=True)
    data.update(type="designated_entity_activity", item=None, category=None, quantity=None,
                quantity_max=None, unit=None)
    listed = hit.result.target.caption
    if hit.role == "vessel":
        data.update(vessels=(listed,), entities=())
    else:
        data.update(entities=(listed,), vessels=())
    return Incident.model_validate(data)
