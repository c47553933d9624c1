"""Findings as one principal may see them: redacted views built in the access layer.

A finding is derived from the evidence items of its incidents, so it carries the most
restrictive caveat of them: a principal sees it only when every item's content is
visible to them, or when a coordinator recorded a release decision for the finding
(``release FINDING_ID --scope content --to LEVEL``). Within a visible finding, each
source is shown by a reference (S1, S2 …); an item whose content the principal may not
read appears only as its hash commitment, and an originator the principal may not know
appears as a pseudonym keyed to this listing or report.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from sanctionwatch.access.evidence import Visibility, visibility
from sanctionwatch.access.guard import access_scope
from sanctionwatch.access.policy import Principal, may_see
from sanctionwatch.access.pseudonyms import Pseudonymizer, workspace_key
from sanctionwatch.access.release import releases_for
from sanctionwatch.findings.build import incident_input, source_item
from sanctionwatch.findings.corroborate import assess
from sanctionwatch.findings.grading import Policy, grade
from sanctionwatch.findings.models import FindingAction, FindingLetter, FindingMember, FindingRecord
from sanctionwatch.findings.records import FindingKey
from sanctionwatch.findings.reply import reply_status
from sanctionwatch.ingest.derived import record_to_incident
from sanctionwatch.maritime.reference import ports
from sanctionwatch.report.assemble import counted_label, finding_view
from sanctionwatch.report.model import (
    FindingView,
    LetterView,
    OpinionView,
    ParagraphRef,
    Place,
    SourceRow,
)
from sanctionwatch.store.models import EvidenceItem, IncidentRecord, LedgerEntry
from sanctionwatch.timeutil import utc

ROLE_LABELS = {"coordinator": "a coordinator", "analyst": "an analyst",
               "liaison": "a member-state liaison", "reader": "a reader"}


@dataclass(frozen=True)
class CitedItem:
    """A source cited by a visible finding, with what the ledger needs for its proof."""

    ref: str
    evidence_id: str
    ledger_seq: int
    withheld: bool


@dataclass
class FindingListing:
    views: list[FindingView] = field(default_factory=list)
    cited: list[CitedItem] = field(default_factory=list)
    withheld: int = 0  # findings that exist but that this principal may not see
    ais_events: list[dict[str, Any]] = field(default_factory=list)  # behind visible findings


@dataclass
class _Loaded:
    findings: list[FindingRecord]
    members: dict[str, list[IncidentRecord]]
    items: dict[str, EvidenceItem]
    letters: dict[str, list[FindingLetter]]
    opinions: dict[str, list[FindingAction]]
    commitments: dict[int, str]


def _load(session: Session, statuses: Sequence[str] | None,
          finding_ids: Sequence[str] | None) -> _Loaded:
    with access_scope("findings"):
        stmt = select(FindingRecord).where(FindingRecord.merged_into.is_(None))
        if statuses:
            stmt = stmt.where(FindingRecord.status.in_(list(statuses)))
        if finding_ids is not None:
            stmt = stmt.where(FindingRecord.id.in_(list(finding_ids)))
        findings = list(session.scalars(stmt.order_by(FindingRecord.id)))
        fids = [f.id for f in findings]
        members: dict[str, list[IncidentRecord]] = defaultdict(list)
        items: dict[str, EvidenceItem] = {}
        if fids:
            rows = session.execute(
                select(FindingMember.finding_id, IncidentRecord, EvidenceItem)
                .join(IncidentRecord, IncidentRecord.id == FindingMember.incident_id)
                .join(EvidenceItem, EvidenceItem.id == IncidentRecord.evidence_id)
                .where(FindingMember.finding_id.in_(fids))
                .order_by(IncidentRecord.id)).all()
            for fid, inc, item in rows:
                members[fid].append(inc)
                items[item.id] = item
        letters: dict[str, list[FindingLetter]] = defaultdict(list)
        opinions: dict[str, list[FindingAction]] = defaultdict(list)
        if fids:
            for letter in session.scalars(select(FindingLetter).where(
                    FindingLetter.finding_id.in_(fids)).order_by(FindingLetter.sent_at)):
                letters[letter.finding_id].append(letter)
            for act in session.scalars(select(FindingAction).where(
                    FindingAction.finding_id.in_(fids),
                    FindingAction.action.in_(["sign_off", "dissent"]))
                    .order_by(FindingAction.id)):
                opinions[act.finding_id].append(act)
    seqs = [i.ledger_seq for i in items.values()]
    commitments = {
        seq: leaf.hex() for seq, leaf in session.execute(
            select(LedgerEntry.seq, LedgerEntry.leaf_hash).where(LedgerEntry.seq.in_(seqs)))
    } if seqs else {}
    return _Loaded(findings, members, items, letters, opinions, commitments)


def _paragraphs(incidents: list[IncidentRecord], regime_id: str) -> list[ParagraphRef]:
    from sanctionwatch.regimes.engine import assess as assess_measures
    from sanctionwatch.regimes.loader import get_regime

    regime = get_regime(regime_id)
    seen: dict[tuple[str, str], ParagraphRef] = {}
    for rec in incidents:
        if rec.stance == "denied":
            continue
        for f in assess_measures(record_to_incident(rec), regime).engaged:
            key = (f.resolution, f.paragraph)
            seen.setdefault(key, ParagraphRef(resolution=f.resolution,
                                              paragraph=f.paragraph.replace(" (unverified)", ""),
                                              verified=f.verified))
    return sorted(seen.values(), key=lambda p: (p.resolution, p.paragraph))


def _places(incidents: list[IncidentRecord]) -> list[Place]:
    text = " ".join((r.sentence or "") + " " + (r.item or "") for r in incidents).casefold()
    out = []
    for port in ports():
        names = (port.name, *port.aliases)
        if any(re.search(rf"(?<!\w){re.escape(n.casefold())}(?!\w)", text) for n in names):
            out.append(Place(name=port.name, lat=port.lat, lon=port.lon))
    return out


def _in_period(rec: FindingRecord, period: str | None) -> bool:
    if not period:
        return True
    start, end = date(int(period[:4]), 1, 1), date(int(period[:4]), 12, 31)
    if rec.period_start is None or rec.period_end is None:
        return False
    return date.fromisoformat(rec.period_start) <= end and \
        date.fromisoformat(rec.period_end) >= start


def finding_listing(session: Session, principal: Principal, *, context: str,
                    statuses: Sequence[str] | None = None,
                    finding_ids: Sequence[str] | None = None, period: str | None = None,
                    policy: Policy | None = None, regime_id: str = "dprk",
                    today: date | None = None) -> FindingListing:
    """Findings the principal may see, redacted for them, with the items they cite."""
    if period is not None and not re.fullmatch(r"\d{4}", period):
        raise ValueError(f"--period must be a year (YYYY), got {period!r}")
    policy = policy or Policy()
    data = _load(session, statuses, finding_ids)
    released = releases_for(session, [*data.items, *(f.id for f in data.findings)])
    vis: dict[str, Visibility] = {i: visibility(principal, it, released)
                                  for i, it in data.items.items()}
    out = FindingListing()
    visible: list[FindingRecord] = []
    for rec in data.findings:
        if not _in_period(rec, period):
            continue
        items = {m.evidence_id for m in data.members[rec.id]}
        finding_released = any(may_see(principal, c, "(finding)")
                               for c in released.get((rec.id, "content"), []))
        if items and (finding_released or all(vis[e].content for e in items)):
            visible.append(rec)
        else:
            out.withheld += 1
    cited_ids = sorted({m.evidence_id for r in visible for m in data.members[r.id]},
                       key=lambda e: (data.items[e].ledger_seq, e))
    refs = {e: f"S{n}" for n, e in enumerate(cited_ids, 1)}
    hidden = {data.items[e].originator for e in cited_ids if not vis[e].originator}
    pseudo = Pseudonymizer(workspace_key(session), context, hidden)
    for e in cited_ids:
        item = data.items[e]
        out.cited.append(CitedItem(refs[e], e, item.ledger_seq, not vis[e].content))
    for rec in visible:
        members = data.members[rec.id]
        out.ais_events.extend(cast(dict[str, Any], m.extra["ais_event"]) for m in members
                              if isinstance(m.extra, dict) and m.extra.get("ais_event"))
        key = FindingKey(type=rec.type, from_country=rec.from_country,
                         to_country=rec.to_country, subject=rec.subject)
        sources = {e: source_item(data.items[e]) for e in {m.evidence_id for m in members}}
        a = assess(key, [incident_input(m) for m in members], sources, policy)
        rows = []
        for e in a.evidence_ids:
            item, v = data.items[e], vis[e]
            label = item.originator if v.originator else pseudo.label(item.originator)
            rows.append(SourceRow(
                ref=refs[e], label="withheld" if not v.content else label,
                withheld=not v.content,
                commitment=data.commitments.get(item.ledger_seq) if not v.content else None,
                grade=grade(item.reliability, item.credibility) if v.originator and
                item.reliability and item.credibility else None,
                language=item.language if v.content else None,
                date=utc(item.collected_at).date().isoformat() if v.originator else None,
                counted=counted_label(a, e, refs)))
        on = today or date.today()
        letters = [LetterView(addressee=lt.addressee, sent=utc(lt.sent_at).date(),
                              deadline=date.fromisoformat(lt.deadline),
                              status=reply_status(lt, on), reply=lt.reply_text)
                   for lt in data.letters[rec.id]]
        opinions = [OpinionView(kind=o.action, by=ROLE_LABELS.get(o.role, "a member"),  # type: ignore[arg-type]
                                text=o.reason) for o in data.opinions[rec.id]]
        out.views.append(finding_view(
            rec.id, a, status=rec.status, sources=rows, ref=refs,
            paragraphs=_paragraphs(members, regime_id), letters=letters, opinions=opinions,
            places=_places(members), override_reason=rec.override_reason))
    return out


def visible_finding(session: Session, principal: Principal, finding_id: str, *,
                    context: str) -> FindingView:
    listing = finding_listing(session, principal, context=context, finding_ids=[finding_id])
    if not listing.views:
        raise LookupError(f"no finding {finding_id!r} that you may see")
    return listing.views[0]

