"""Detector events -> incidents stored in the evidence base against their AIS evidence item.

Each incident is stored with :func:`sanctionwatch.ingest.derived.store_incidents`
(``source="ais"``): it inherits the caveats of the AIS evidence item it cites and is
ledgered, like incidents extracted from documents. Recording is idempotent: an incident
already stored for the same item (same type and sentence, the sentence naming the rule,
vessels, place and period) is not stored again. All items are written in one transaction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, select

from sanctionwatch.access.guard import system_scope
from sanctionwatch.incident import Incident
from sanctionwatch.ingest.derived import store_incidents
from sanctionwatch.maritime.designated import DesignatedVessel
from sanctionwatch.maritime.incidents import events_to_incidents
from sanctionwatch.store.db import transaction
from sanctionwatch.store.models import EvidenceItem, IncidentRecord

SOURCE = "ais"


class RecordError(ValueError):
    """Events that cannot be recorded (e.g. they cite an item not in this workspace)."""


@dataclass
class RecordResult:
    recorded: int = 0
    already_recorded: int = 0
    without_evidence: int = 0
    incident_ids: list[str] = field(default_factory=list)
    by_item: dict[str, int] = field(default_factory=dict)


def _event_extra(e: dict[str, Any]) -> dict[str, Any]:
    """What a report's track map needs of the event behind an incident."""
    return {"type": e["type"], "rule": e["rule"], "start": e.get("start"),
            "end": e.get("end"), "lat": e.get("lat"), "lon": e.get("lon"),
            "port": e.get("port"),
            "vessels": [{"mmsi": v.get("mmsi"), "imo": v.get("imo"), "name": v.get("name")}
                        for v in e["vessels"]]}


def record_events(db: Engine, events: Iterable[dict[str, Any]],
                  designated: Sequence[DesignatedVessel] = ()) -> RecordResult:
    """Store the incidents of ``events`` (see :func:`events_to_incidents`)."""
    result = RecordResult()
    by_item: dict[str, list[Incident]] = defaultdict(list)
    event_of: dict[int, dict[str, Any]] = {}
    for event in events:
        for inc in events_to_incidents([event], designated):
            if inc.evidence_id:
                by_item[inc.evidence_id].append(inc)
                event_of[id(inc)] = event
            else:
                result.without_evidence += 1
    with transaction(db) as session:
        for evidence_id in sorted(by_item):
            with system_scope("AIS incidents: citing item and incidents already recorded"):
                item = session.get(EvidenceItem, evidence_id)
                if item is None:
                    raise RecordError(f"events cite evidence item {evidence_id!r}, which is not "
                                      "in this workspace")
                seen = {(t, s) for t, s in session.execute(
                    select(IncidentRecord.type, IncidentRecord.sentence).where(
                        IncidentRecord.evidence_id == evidence_id,
                        IncidentRecord.source == SOURCE)).all()}
            new: list[Incident] = []
            for inc in by_item[evidence_id]:
                key = (inc.type, inc.sentence)
                if key in seen:
                    result.already_recorded += 1
                    continue
                seen.add(key)
                new.append(inc)
            rows = store_incidents(session, item, new, source=SOURCE,
                                   extras=[{"ais_event": _event_extra(event_of[id(i)])}
                                           for i in new])
            result.recorded += len(rows)
            result.incident_ids.extend(r.id for r in rows)
            if rows:
                result.by_item[evidence_id] = len(rows)
    return result
