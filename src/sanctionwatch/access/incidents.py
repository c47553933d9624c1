"""Reading incidents through the access layer.

An incident is derived from one evidence item: a user sees it only where the item's
content is visible to them, and sees the item's originator only where that is.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from sanctionwatch.access.evidence import Visibility, caveat_label, visibility
from sanctionwatch.access.guard import access_scope
from sanctionwatch.access.policy import Principal
from sanctionwatch.access.pseudonyms import Pseudonymizer, workspace_key
from sanctionwatch.access.release import releases_for
from sanctionwatch.incident import Incident
from sanctionwatch.ingest.derived import record_to_incident
from sanctionwatch.store.models import EvidenceItem, IncidentRecord


@dataclass(frozen=True)
class IncidentView:
    id: str
    evidence_id: str
    incident: Incident
    originator: str
    originator_visible: bool
    caveat: str
    source: str


@dataclass
class IncidentListing:
    incidents: list[IncidentView] = field(default_factory=list)
    withheld: int = 0  # incidents that exist but whose evidence the user may not read


def visible_incidents(session: Session, principal: Principal, *, context: str,
                      type_: str | None = None, country: str | None = None,
                      evidence_ids: list[str] | None = None) -> IncidentListing:
    with access_scope("list incidents"):
        stmt = select(IncidentRecord, EvidenceItem).join(
            EvidenceItem, EvidenceItem.id == IncidentRecord.evidence_id)
        if type_:
            stmt = stmt.where(IncidentRecord.type == type_)
        if country:
            code = country.upper()
            stmt = stmt.where(or_(IncidentRecord.from_country == code,
                                  IncidentRecord.to_country == code))
        if evidence_ids is not None:
            stmt = stmt.where(IncidentRecord.evidence_id.in_(evidence_ids))
        rows = list(session.execute(stmt.order_by(IncidentRecord.ledger_seq)).all())
    items = {item.id: item for _rec, item in rows}
    released = releases_for(session, list(items))
    vis: dict[str, Visibility] = {i: visibility(principal, it, released)
                                  for i, it in items.items()}
    hidden = {it.originator for i, it in items.items() if not vis[i].originator}
    pseudo = Pseudonymizer(workspace_key(session), context, hidden)
    out = IncidentListing()
    for rec, item in rows:
        v = vis[item.id]
        if not v.content:
            out.withheld += 1
            continue
        out.incidents.append(IncidentView(
            id=rec.id, evidence_id=item.id, incident=record_to_incident(rec),
            originator=item.originator if v.originator else pseudo.label(item.originator),
            originator_visible=v.originator, caveat=caveat_label(rec.caveat, v.originator),
            source=rec.source))
    if principal.role == "reader":
        out.withheld = 0  # readers are not told that non-public material exists
    return out
