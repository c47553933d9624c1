"""Building findings from stored incidents (idempotent) and recomputing their counts."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from sanctionwatch.findings.corroborate import assess, finding_id, group_incidents
from sanctionwatch.findings.cues import CueMatcher
from sanctionwatch.findings.grading import Policy, derive_status, theme_for
from sanctionwatch.findings.models import FindingMember, FindingRecord
from sanctionwatch.findings.periods import Period, hull, parse_when
from sanctionwatch.findings.records import Assessment, FindingKey, IncidentInput, SourceItem
from sanctionwatch.findings.service import now, write_path
from sanctionwatch.ledger.append import append
from sanctionwatch.store.models import EvidenceItem, IncidentRecord

OPEN_STATUSES = ("reported", "corroborated", "confirmed")


@dataclass
class BuildResult:
    created: list[str] = field(default_factory=list)
    extended: list[str] = field(default_factory=list)

    @property
    def changed(self) -> int:
        return len(self.created) + len(self.extended)


def incident_input(rec: IncidentRecord) -> IncidentInput:
    return IncidentInput(
        id=rec.id, evidence_id=rec.evidence_id, type=rec.type, from_country=rec.from_country,
        to_country=rec.to_country, item=rec.item, category=rec.category,
        quantity=rec.quantity, quantity_max=rec.quantity_max, unit=rec.unit, when=rec.when,
        stance=rec.stance,
    )


def source_item(rec: EvidenceItem) -> SourceItem:
    # The originator is hashed here: corroboration only needs to tell originators apart.
    key = hashlib.sha256(rec.originator.encode("utf-8")).hexdigest()
    return SourceItem(evidence_id=rec.id, originator_key=key, text=rec.text,
                      language=rec.language, reliability=rec.reliability,
                      credibility=rec.credibility)


def load_inputs(
    session: Session, incident_ids: Sequence[str] | None = None, *, unassigned: bool = False
) -> tuple[list[IncidentInput], dict[str, SourceItem]]:
    q = select(IncidentRecord, EvidenceItem).join(
        EvidenceItem, EvidenceItem.id == IncidentRecord.evidence_id)
    if unassigned:
        q = q.outerjoin(FindingMember, FindingMember.incident_id == IncidentRecord.id).where(
            FindingMember.incident_id.is_(None))
    if incident_ids is not None:
        q = q.where(IncidentRecord.id.in_(list(incident_ids)))
    incs, items = [], {}
    for inc, ev in session.execute(q.order_by(IncidentRecord.id)).all():
        incs.append(incident_input(inc))
        if ev.id not in items:
            items[ev.id] = source_item(ev)
    return incs, items


def member_ids(session: Session, fid: str) -> list[str]:
    return list(session.scalars(select(FindingMember.incident_id)
                                .where(FindingMember.finding_id == fid)
                                .order_by(FindingMember.incident_id)))


def _key(rec: FindingRecord) -> FindingKey:
    return FindingKey(type=rec.type, from_country=rec.from_country,
                      to_country=rec.to_country, subject=rec.subject)


def _period(rec: FindingRecord) -> Period | None:
    if rec.period_start is None or rec.period_end is None:
        return None
    return hull([parse_when(rec.period_start), parse_when(rec.period_end)])


def counting_json(a: Assessment) -> dict[str, object]:
    return {
        "groups": [g.model_dump(mode="json") for g in a.groups],
        "links": [lk.model_dump(mode="json") for lk in a.links],
        "denials": list(a.denials),
        "alleged_only": a.alleged_only,
    }


def recompute(session: Session, rec: FindingRecord, policy: Policy,
              matcher: CueMatcher | None = None) -> Assessment:
    """Re-assess a finding from all its members and store the result."""
    incs, items = load_inputs(session, member_ids(session, rec.id))
    a = assess(_key(rec), incs, items, policy, matcher)
    rec.independent = a.independent
    rec.counting = counting_json(a)
    rec.quantities = [q.model_dump(mode="json") for q in a.quantities]
    rec.period_start = a.period.start.isoformat() if a.period else None
    rec.period_end = a.period.end.isoformat() if a.period else None
    rec.status = derive_status(rec.status, a.independent, policy)
    return a


def add_members(session: Session, fid: str, ids: Sequence[str], by: str, at: datetime) -> None:
    for iid in ids:
        session.add(FindingMember(incident_id=iid, finding_id=fid, added_at=at, added_by=by))


def new_finding(session: Session, fid: str, key: FindingKey, by: str, at: datetime,
                ids: Sequence[str], kind: str = "finding.created") -> FindingRecord:
    entry = append(session, kind, {"finding": fid, "incidents": sorted(ids), "actor": by},
                   subject=fid, at=at)
    rec = FindingRecord(
        id=fid, type=key.type, from_country=key.from_country, to_country=key.to_country,
        subject=key.subject, theme=theme_for(key.type, key.subject), status="reported",
        independent=0, counting={}, quantities=[], created_at=at, updated_at=at,
        ledger_seq=entry.seq)
    session.add(rec)
    session.flush()
    add_members(session, fid, ids, by, at)
    return rec


def _target(open_findings: list[FindingRecord], key: FindingKey, span: Period | None,
            policy: Policy) -> FindingRecord | None:
    for rec in open_findings:
        if _key(rec) != key:
            continue
        p = _period(rec)
        if (p is None and span is None) or (
                p is not None and span is not None and p.overlaps(span, policy.period_slack_days)):
            return rec
    return None


@write_path
def build_findings(session: Session, policy: Policy | None = None, *, actor: str = "system",
                   at: datetime | None = None, matcher: CueMatcher | None = None) -> BuildResult:
    """Group incidents that belong to no finding yet; running it twice changes nothing."""
    policy = policy or Policy()
    when = now(at)
    incs, _items = load_inputs(session, unassigned=True)
    result = BuildResult()
    if not incs:
        return result
    open_findings = list(session.scalars(
        select(FindingRecord).where(FindingRecord.status.in_(OPEN_STATUSES))
        .order_by(FindingRecord.id)))
    touched: dict[str, FindingRecord] = {}
    for key, cluster in group_incidents(incs, policy):
        ids = [i.id for i in cluster]
        span = hull(parse_when(i.when) for i in cluster if i.when)
        target = _target(open_findings, key, span, policy)
        if target is None:
            target = new_finding(session, finding_id(key, ids), key, actor, when, ids)
            open_findings.append(target)
            result.created.append(target.id)
        else:
            add_members(session, target.id, ids, actor, when)
            append(session, "finding.extended",
                   {"finding": target.id, "incidents": sorted(ids), "actor": actor},
                   subject=target.id, at=when)
            if target.id not in result.created and target.id not in result.extended:
                result.extended.append(target.id)
        session.flush()
        touched[target.id] = target
    for rec in touched.values():
        recompute(session, rec, policy, matcher)
        rec.updated_at = when
    session.flush()
    return result
