"""Storing incidents derived from an evidence item, inside the item's transaction.

An incident inherits its item's caveats at creation. Each stored incident is ledgered
(kind ``incident.recorded``) with a digest of its canonical form, never an originator.
"""

from __future__ import annotations

import hashlib
import json

from sqlalchemy.orm import Session

from sanctionwatch.incident import Incident
from sanctionwatch.ledger.append import append_many
from sanctionwatch.ledger.canonical import canonical_json
from sanctionwatch.store.models import EvidenceItem, IncidentRecord
from sanctionwatch.timeutil import now_utc


def incident_digest(incident: Incident) -> str:
    """SHA-256 of the incident's wire form (numbers as text, so it is canonical)."""
    wire = json.loads(json.dumps(incident.wire(), default=str))
    for key in ("quantity", "quantity_max"):
        if wire.get(key) is not None:
            wire[key] = repr(float(wire[key]))
    if wire.get("span") is not None:
        wire["span"] = [int(x) for x in wire["span"]]
    return hashlib.sha256(canonical_json(wire)).hexdigest()


def incident_id(evidence_id: str, ordinal: int, digest: str) -> str:
    return "in-" + hashlib.sha256(f"{evidence_id}:{ordinal}:{digest}".encode()).hexdigest()[:20]


def store_incidents(session: Session, item: EvidenceItem, incidents: list[Incident], *,
                    source: str = "extract",
                    extras: list[dict[str, object]] | None = None) -> list[IncidentRecord]:
    """Insert ``incidents`` for ``item`` and ledger them (one batch). ``extras`` (one
    mapping per incident) keeps source-specific detail, e.g. the AIS event behind it."""
    now = now_utc()
    rows: list[IncidentRecord] = []
    events: list[tuple[str, dict[str, object], str | None]] = []
    for n, inc in enumerate(incidents):
        digest = incident_digest(inc)
        iid = incident_id(item.id, n, digest)
        extra: dict[str, object] = dict(extras[n]) if extras else {}
        if inc.vessels:
            extra["vessels"] = list(inc.vessels)
        if inc.entities:
            extra["entities"] = list(inc.entities)
        rows.append(IncidentRecord(
            id=iid, evidence_id=item.id, ordinal=n, type=inc.type,
            from_country=inc.from_, to_country=inc.to, item=(inc.item or None),
            category=inc.category, quantity=inc.quantity, quantity_max=inc.quantity_max,
            unit=inc.unit, when=inc.when, stance=inc.stance,
            attribution=(inc.attribution or None), span_start=inc.span[0] if inc.span else None,
            span_end=inc.span[1] if inc.span else None, sentence=inc.sentence, extra=extra,
            caveat=item.caveat, originator_caveat=item.originator_caveat, source=source,
            created_at=now, ledger_seq=-1,
        ))
        events.append(("incident.recorded",
                       {"incident": iid, "item": item.id, "digest": digest, "source": source},
                       iid))
    if not rows:
        return rows
    entries = append_many(session, events, at=now)
    for row, entry in zip(rows, entries, strict=True):
        row.ledger_seq = entry.seq
    session.add_all(rows)
    session.flush()
    return rows


def record_to_incident(row: IncidentRecord) -> Incident:
    extra = row.extra or {}
    return Incident.model_validate({
        "type": row.type, "from": row.from_country, "to": row.to_country, "item": row.item,
        "category": row.category, "quantity": row.quantity, "quantity_max": row.quantity_max,
        "unit": row.unit, "when": row.when, "stance": row.stance,
        "attribution": row.attribution,
        "span": (row.span_start, row.span_end) if row.span_start is not None else None,
        "sentence": row.sentence, "evidence_id": row.evidence_id,
        "vessels": tuple(extra.get("vessels", ()) or ()),  # type: ignore[arg-type]
        "entities": tuple(extra.get("entities", ()) or ()),  # type: ignore[arg-type]
    })
