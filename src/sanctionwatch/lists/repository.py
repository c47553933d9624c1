"""Storing list versions: atomic import with diff and ledger entry; reading current lists."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from sanctionwatch.ledger.append import append
from sanctionwatch.lists.entities import Entity, caption, digest, normalised
from sanctionwatch.lists.errors import ListError, ListNotFound
from sanctionwatch.lists.models import ListChange, ListEntity, ListVersion
from sanctionwatch.store.db import transaction

LEDGER_KIND = "lists.import"
MAX_IDS_IN_LEDGER = 500


@dataclass(frozen=True)
class ImportResult:
    dataset: str
    version_id: int | None
    entities: int
    added: list[str]
    removed: list[str]
    changed: list[str]
    unchanged: bool
    ledger_seq: int | None
    generated: str | None

    def summary(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("added", "removed", "changed"):
            data[key] = len(data[key])
        return data


def _property_delta(old: Entity, new: Entity) -> dict[str, Any]:
    a, b = normalised(old)["properties"], normalised(new)["properties"]
    delta: dict[str, Any] = {}
    if old["schema"] != new["schema"]:
        delta["schema"] = {"old": old["schema"], "new": new["schema"]}
    for prop in sorted(set(a) | set(b)):
        gone = sorted(set(a.get(prop, [])) - set(b.get(prop, [])))
        came = sorted(set(b.get(prop, [])) - set(a.get(prop, [])))
        if gone or came:
            delta[prop] = {"removed": gone, "added": came}
    return delta


def _latest(session: Session, dataset: str) -> ListVersion | None:
    return session.execute(
        select(ListVersion).where(ListVersion.dataset == dataset)
        .order_by(ListVersion.id.desc()).limit(1)
    ).scalar_one_or_none()


def _version_entities(session: Session, version_id: int) -> dict[str, tuple[str, Entity]]:
    rows = session.execute(
        select(ListEntity.entity_id, ListEntity.digest, ListEntity.data)
        .where(ListEntity.version_id == version_id)
    ).all()
    return {r[0]: (r[1], json.loads(r[2])) for r in rows}


def import_entities(engine: Engine, dataset: str, entities: list[Entity], *, source_format: str,
                    sha256: str, filename: str, generated: str | None = None) -> ImportResult:
    """Store ``entities`` as the new version of ``dataset`` in one transaction.

    Additions, removals and (whitespace-normalised) changes against the previous version
    are recorded and ledgered. Importing a file identical to the current version stores
    nothing and reports ``unchanged``.
    """
    if not dataset or len(dataset) > 100:
        raise ListError("a dataset name of 1–100 characters is required")
    ids = [e["id"] for e in entities]
    if len(set(ids)) != len(ids):
        raise ListError("the list has duplicate entity ids")
    new = {e["id"]: (digest(e), e) for e in entities}
    with transaction(engine) as session:
        prev = _latest(session, dataset)
        if prev is not None and prev.sha256 == sha256:
            return ImportResult(dataset, prev.id, prev.entity_count, [], [], [], True, None,
                                prev.generated)
        old = _version_entities(session, prev.id) if prev is not None else {}
        added = sorted(set(new) - set(old))
        removed = sorted(set(old) - set(new))
        changed = sorted(k for k in set(new) & set(old) if new[k][0] != old[k][0])
        change_ids = json.dumps([added, removed, changed]).encode()
        payload: dict[str, Any] = {
            "dataset": dataset, "format": source_format, "sha256": sha256,
            "generated": generated, "entities": len(entities),
            "previous_sha256": prev.sha256 if prev is not None else None,
            "added": len(added), "removed": len(removed), "changed": len(changed),
            "changes_sha256": hashlib.sha256(change_ids).hexdigest(),
        }
        if prev is not None and len(added) + len(removed) + len(changed) <= MAX_IDS_IN_LEDGER:
            payload["ids"] = {"added": added, "removed": removed, "changed": changed}
        entry = append(session, LEDGER_KIND, payload, subject=f"list:{dataset}")
        version = ListVersion(dataset=dataset, source_format=source_format, generated=generated,
                              sha256=sha256, filename=filename[-500:],
                              entity_count=len(entities), imported_at=datetime.now(UTC),
                              ledger_seq=entry.seq)
        session.add(version)
        session.flush()
        session.add_all(
            ListEntity(version_id=version.id, entity_id=eid, schema=e["schema"],
                       caption=caption(e)[:500], digest=d,
                       data=json.dumps(e, ensure_ascii=False, sort_keys=True))
            for eid, (d, e) in new.items()
        )
        rows: list[tuple[str, str, Entity, dict[str, Any]]] = [
            (k, "added", new[k][1], {}) for k in added]
        rows += [(k, "removed", old[k][1], {}) for k in removed]
        rows += [(k, "changed", new[k][1], _property_delta(old[k][1], new[k][1]))
                 for k in changed]
        session.add_all(
            ListChange(version_id=version.id, entity_id=k, change=kind,
                       caption=caption(e)[:500],
                       detail=json.dumps(delta, ensure_ascii=False, sort_keys=True))
            for k, kind, e, delta in rows
        )
        session.flush()
        return ImportResult(dataset, version.id, len(entities), added, removed, changed, False,
                            entry.seq, generated)


def list_versions(engine: Engine, dataset: str | None = None) -> list[dict[str, Any]]:
    with transaction(engine) as session:
        q = select(ListVersion).order_by(ListVersion.id)
        if dataset:
            q = q.where(ListVersion.dataset == dataset)
        return [
            {"version": v.id, "dataset": v.dataset, "format": v.source_format,
             "generated": v.generated, "sha256": v.sha256, "file": v.filename,
             "entities": v.entity_count, "imported_at": v.imported_at.isoformat(),
             "ledger_seq": v.ledger_seq}
            for v in session.execute(q).scalars()
        ]


def version_changes(engine: Engine, dataset: str, version: int | None = None) -> dict[str, Any]:
    """The changes recorded when ``version`` (default: the newest) of ``dataset`` came in."""
    with transaction(engine) as session:
        if version is None:
            v = _latest(session, dataset)
        else:
            v = session.get(ListVersion, version)
            if v is not None and v.dataset != dataset:
                v = None
        if v is None:
            raise ListNotFound(f"no version {version or '(latest)'} of list {dataset!r}")
        prev = session.execute(
            select(func.max(ListVersion.id))
            .where(ListVersion.dataset == dataset, ListVersion.id < v.id)
        ).scalar()
        rows = session.execute(
            select(ListChange).where(ListChange.version_id == v.id).order_by(ListChange.id)
        ).scalars()
        changes = [{"id": c.entity_id, "change": c.change, "caption": c.caption,
                    "detail": json.loads(c.detail)} for c in rows]
    return {"dataset": dataset, "version": v.id, "previous": prev, "generated": v.generated,
            "changes": changes}


def current_entities(engine: Engine, dataset: str | None = None) -> list[Entity]:
    """Entities of the newest version of each dataset (or of one dataset)."""
    with transaction(engine) as session:
        latest = select(ListVersion.dataset, func.max(ListVersion.id).label("vid")).group_by(
            ListVersion.dataset)
        if dataset:
            latest = latest.where(ListVersion.dataset == dataset)
        vids = [r[1] for r in session.execute(latest).all()]
        if dataset and not vids:
            raise ListNotFound(f"no list {dataset!r} has been imported")
        if not vids:
            return []
        names = dict(session.execute(
            select(ListVersion.id, ListVersion.dataset).where(ListVersion.id.in_(vids))).all())
        rows = session.execute(
            select(ListEntity.version_id, ListEntity.data)
            .where(ListEntity.version_id.in_(vids)).order_by(ListEntity.id)
        ).all()
        return [{**json.loads(data), "datasets": [names[vid]]} for vid, data in rows]


def current_versions(engine: Engine) -> tuple[int, ...]:
    """Ids of the current version of every dataset (changes whenever a list is imported)."""
    with transaction(engine) as session:
        rows = session.execute(
            select(func.max(ListVersion.id)).group_by(ListVersion.dataset)).scalars()
        return tuple(sorted(int(r) for r in rows))


def get_entity(engine: Engine, entity_id: str) -> Entity | None:
    """An entity of the current lists, by id."""
    for entity in current_entities(engine):
        if entity["id"] == entity_id:
            return entity
    return None
