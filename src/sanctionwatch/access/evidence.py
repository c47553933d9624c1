"""Reading evidence through the access layer: redacted views for one acting user."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from sanctionwatch.access.caveats import Caveat
from sanctionwatch.access.errors import AccessDenied
from sanctionwatch.access.guard import access_scope
from sanctionwatch.access.policy import Principal, may_see
from sanctionwatch.access.pseudonyms import Pseudonymizer, workspace_key
from sanctionwatch.access.release import releases_for
from sanctionwatch.ledger.append import append_many
from sanctionwatch.store.models import EvidenceItem, IntakeRecord
from sanctionwatch.timeutil import utc_iso

WITHHELD = "[withheld]"


@dataclass(frozen=True)
class Visibility:
    content: bool
    originator: bool


def visibility(principal: Principal, item: EvidenceItem,
               released: dict[tuple[str, str], list[Caveat]] | None = None) -> Visibility:
    released = released or {}
    content_caveats = [Caveat.parse(item.caveat), *released.get((item.id, "content"), [])]
    origin_caveats = [Caveat.parse(item.originator_caveat),
                      *released.get((item.id, "originator"), [])]
    return Visibility(
        content=any(may_see(principal, c, item.originator) for c in content_caveats),
        originator=any(may_see(principal, c, item.originator) for c in origin_caveats),
    )


@dataclass(frozen=True)
class EvidenceView:
    """What one user may see of one item. Hidden fields are None or WITHHELD."""

    id: str
    sha256: str
    size: int
    ledger_seq: int
    originator: str  # real code/name, or a pseudonym
    originator_visible: bool
    content_visible: bool
    language: str | None = None
    media_type: str | None = None
    caveat: str | None = None
    originator_caveat: str | None = None
    ingested_at: str | None = None
    filename: str | None = None
    source_url: str | None = None
    collected_at: str | None = None
    collector: str | None = None
    method: str | None = None
    reliability: str | None = None
    credibility: int | None = None
    text: str | None = None
    intakes: list[dict[str, str | None]] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {k: v for k, v in self.__dict__.items() if not (k == "text" and v is None)}


def _saw_originator_level(item: EvidenceItem, vis: Visibility) -> bool:
    """Did the user just see material protected at the ``originator`` level?"""
    return (item.caveat == "originator" and vis.content) or (
        item.originator_caveat == "originator" and vis.originator)


def caveat_label(caveat: str, show_origin: bool) -> str:
    """A ``rel:`` list usually names the originator: hide the list with the originator."""
    if show_origin or not caveat.startswith("rel:"):
        return caveat
    return "rel:[withheld]"


def _view(item: EvidenceItem, vis: Visibility, label: str, *, with_text: bool,
          intakes: list[IntakeRecord]) -> EvidenceView:
    show_origin = vis.originator
    return EvidenceView(
        id=item.id, sha256=item.sha256, size=item.size, ledger_seq=item.ledger_seq,
        originator=item.originator if show_origin else label,
        originator_visible=show_origin, content_visible=vis.content,
        language=item.language if vis.content else None,
        media_type=item.media_type if vis.content else None,
        caveat=caveat_label(item.caveat, show_origin) if vis.content else None,
        originator_caveat=item.originator_caveat if show_origin else None,
        ingested_at=utc_iso(item.ingested_at),
        # File names, URLs and collection records can reveal who provided an item.
        filename=item.filename if show_origin and vis.content else None,
        source_url=item.source_url if show_origin else None,
        collected_at=utc_iso(item.collected_at) if show_origin else None,
        collector=item.collector if show_origin else None,
        method=item.method if show_origin else None,
        reliability=item.reliability if show_origin else None,
        credibility=item.credibility if vis.content else None,
        text=(item.text if vis.content else WITHHELD) if with_text else None,
        intakes=[
            {"received_at": utc_iso(r.received_at), "originator": r.originator,
             "collector": r.collector, "method": r.method, "source_url": r.source_url}
            for r in intakes
        ] if show_origin else [],
    )


def _audit(session: Session, principal: Principal, items: list[EvidenceItem],
           vis: dict[str, Visibility], what: str) -> None:
    events: list[tuple[str, dict[str, object], str | None]] = [
        ("audit.read", {"user": principal.name, "item": it.id, "what": what}, it.id)
        for it in items if _saw_originator_level(it, vis[it.id])
    ]
    if events:
        append_many(session, events)


def list_evidence(session: Session, principal: Principal, *, context: str,
                  limit: int | None = None) -> list[EvidenceView]:
    """Every item the user may know exists, redacted for the user.

    Items whose content is withheld still appear (as their hash commitment), so that a
    listing shows that evidence exists without showing what it says.
    """
    with access_scope("list evidence"):
        stmt = select(EvidenceItem).order_by(EvidenceItem.ledger_seq)
        if limit:
            stmt = stmt.limit(limit)
        items = list(session.execute(stmt).scalars())
    released = releases_for(session, [i.id for i in items])
    vis = {i.id: visibility(principal, i, released) for i in items}
    if principal.role == "reader":  # readers learn nothing of non-public items
        items = [i for i in items if vis[i.id].content]
    hidden = {i.originator for i in items if not vis[i.id].originator}
    pseudo = Pseudonymizer(workspace_key(session), context, hidden)
    views = [_view(i, vis[i.id], pseudo.label(i.originator) if not vis[i.id].originator
                   else i.originator, with_text=False, intakes=[]) for i in items]
    _audit(session, principal, items, vis, "list")
    return views


def show_evidence(session: Session, principal: Principal, item_id: str, *,
                  context: str) -> EvidenceView:
    with access_scope("show evidence"):
        item = session.get(EvidenceItem, item_id)
        if item is None:
            raise LookupError(f"no evidence item {item_id!r}")
        intakes = list(session.execute(
            select(IntakeRecord).where(IntakeRecord.evidence_id == item_id)
            .order_by(IntakeRecord.id)).scalars())
    released = releases_for(session, [item.id])
    vis = visibility(principal, item, released)
    if not vis.content and principal.role == "reader":
        raise AccessDenied(f"evidence item {item_id} is not public")
    label = item.originator
    if not vis.originator:
        label = Pseudonymizer(workspace_key(session), context, {item.originator}).label(
            item.originator)
    # Re-intakes by others may name other originators: show them only when cleared.
    visible_intakes = [r for r in intakes if vis.originator and r.originator == item.originator
                       or principal.role == "coordinator"]
    view = _view(item, vis, label, with_text=True, intakes=visible_intakes)
    _audit(session, principal, [item], {item.id: vis}, "show")
    return view
