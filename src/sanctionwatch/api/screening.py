"""Screening routes, request- and response-compatible with yente (OpenSanctions).

``POST /match/{dataset}`` takes ``{"queries": {"<key>": {"schema", "properties"}}}`` and
answers ``{"responses": {"<key>": {"status", "results", "total", "query"}}, "matcher",
"limit"}``; ``GET /search/{dataset}`` answers ``{"results", "facets", "limit", "offset",
"total"}``; ``GET /entities/{id}`` returns one entity. Results carry yente's fields
(id, caption, schema, properties, datasets, referents, target, score, features, match)
plus ``explanation`` and ``unsc_id``.
"""

from __future__ import annotations

import threading
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query
from pydantic import BaseModel, Field
from sqlalchemy import Engine

from sanctionwatch.api.deps import get_engine
from sanctionwatch.lists.matching.index import ALGORITHM, Result, ScreeningIndex
from sanctionwatch.lists.matching.query import query_from_example
from sanctionwatch.lists.matching.scoring import FEATURE_DOCS, WEIGHTS

router = APIRouter(tags=["screening"])
ALL_DATASETS = {"default", "all", "sanctions"}
_lock = threading.Lock()
_cache: dict[str, tuple[tuple[int, ...], ScreeningIndex]] = {}


def current_index(engine: Engine) -> ScreeningIndex:
    """The index over the current lists, rebuilt only after a new version is imported."""
    from sanctionwatch.lists.repository import current_versions
    from sanctionwatch.lists.screen import load_index

    key = str(engine.url)
    versions = current_versions(engine)
    with _lock:
        cached = _cache.get(key)
        if cached is None or cached[0] != versions:
            _cache[key] = (versions, load_index(engine).index)
        return _cache[key][1]


class EntityExample(BaseModel):
    id: str | None = None
    schema_: str = Field("Thing", alias="schema")
    properties: dict[str, str | list[Any]] = Field(default_factory=dict)


class EntityMatchQuery(BaseModel):
    weights: dict[str, float] = Field(default_factory=dict)
    queries: dict[str, EntityExample]


def _datasets(index: ScreeningIndex) -> set[str]:
    return {d for t in index.targets for d in t.entity.get("datasets", [])}


def _check_dataset(index: ScreeningIndex, dataset: str) -> None:
    if dataset not in ALL_DATASETS and dataset not in _datasets(index):
        raise HTTPException(404, f"unknown dataset {dataset!r}; have: "
                                 f"{', '.join(sorted(_datasets(index) | ALL_DATASETS))}")


def _in_dataset(entity: dict[str, Any], dataset: str) -> bool:
    return dataset in ALL_DATASETS or dataset in entity.get("datasets", [])


def entity_response(entity: dict[str, Any], caption: str) -> dict[str, Any]:
    return {
        "id": entity["id"], "caption": caption, "schema": entity["schema"],
        "properties": entity.get("properties", {}), "datasets": entity.get("datasets", []),
        "referents": [], "target": True, "first_seen": None, "last_seen": None,
        "last_change": None,
    }


def scored_response(r: Result) -> dict[str, Any]:
    return {**entity_response(r.target.entity, r.target.caption), "score": round(r.score, 4),
            "features": r.features, "match": r.match, "explanation": r.explanation,
            "unsc_id": r.target.unsc_ids[0] if r.target.unsc_ids else None}


def matcher_docs() -> dict[str, Any]:
    docs: dict[str, Any] = {"name": {"description": FEATURE_DOCS["name"], "coefficient": 1.0,
                                     "url": None}}
    for name, weight in WEIGHTS.items():
        base = name.removesuffix("_2nd").removesuffix("_far")
        docs[name] = {"description": FEATURE_DOCS.get(base, name), "coefficient": weight,
                      "url": None}
    return docs


@router.post("/match/{dataset}")
def match(dataset: str, body: EntityMatchQuery, limit: int = Query(5, ge=1, le=500),
          threshold: float = Query(0.7, ge=0.0, le=1.0),
          cutoff: float = Query(0.5, ge=0.0, le=1.0),
          algorithm: str = Query("best"),
          exclude_schema: list[str] = Query([]),  # noqa: B008
          exclude_entity_ids: list[str] = Query([]),  # noqa: B008
          engine: Engine = Depends(get_engine)) -> dict[str, Any]:  # noqa: B008
    """Match entities against a dataset (yente's /match)."""
    index = current_index(engine)
    _check_dataset(index, dataset)
    responses: dict[str, Any] = {}
    for key, example in body.queries.items():
        data = {"schema": example.schema_, "properties": example.properties}
        query = query_from_example(data, query_id=key)
        results = [
            r for r in index.screen(query, threshold=threshold, cutoff=cutoff,
                                    limit=limit + len(exclude_entity_ids) + 20)
            if _in_dataset(r.target.entity, dataset) and r.target.schema not in exclude_schema
            and r.id not in exclude_entity_ids
        ][:limit]
        responses[key] = {
            "status": 200, "results": [scored_response(r) for r in results],
            "total": {"value": len(results), "relation": "eq"},
            "query": {"id": example.id or key, **query.example},
        }
    return {"responses": responses, "matcher": matcher_docs(), "limit": limit,
            "algorithm": ALGORITHM if algorithm in ("best", ALGORITHM) else algorithm}


@router.get("/search/{dataset}")
def search(dataset: str, q: str = "", schema: str = "Thing",
           countries: list[str] = Query([]),  # noqa: B008
           limit: int = Query(10, ge=0, le=500), offset: int = Query(0, ge=0, le=9499),
           engine: Engine = Depends(get_engine)) -> dict[str, Any]:  # noqa: B008
    """Search a dataset by name (yente's /search)."""
    index = current_index(engine)
    _check_dataset(index, dataset)
    wanted = {c.lower() for c in countries}
    if q.strip():
        query = query_from_example({"schema": schema, "properties": {"name": [q]}})
        hits = [(r.target, r.score) for r in index.screen(query, cutoff=0.3, limit=500)]
    else:
        from sanctionwatch.lists.matching.query import COMPATIBLE

        if schema not in COMPATIBLE:
            raise HTTPException(400, f"unknown schema {schema!r}")
        allowed = COMPATIBLE[schema]
        hits = [(t, 1.0) for t in index.targets if t.schema in allowed]
    hits = [(t, s) for t, s in hits if _in_dataset(t.entity, dataset)
            and (not wanted or wanted & t.countries)]
    page = hits[offset:offset + limit]
    return {
        "results": [{**entity_response(t.entity, t.caption), "score": round(s, 4)}
                    for t, s in page],
        "facets": {}, "limit": limit, "offset": offset,
        "total": {"value": len(hits), "relation": "eq"},
    }


@router.get("/entities/{entity_id}")
def entity(entity_id: str, engine: Engine = Depends(get_engine)) -> dict[str, Any]:  # noqa: B008
    """One listed entity by id (yente's /entities)."""
    index = current_index(engine)
    target = index.by_id.get(entity_id)
    if target is None:
        raise HTTPException(404, f"no entity {entity_id!r}")
    return entity_response(target.entity, target.caption)
