"""Release decisions: a coordinator widens who may see an item's content or originator."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from sanctionwatch.access.caveats import Caveat
from sanctionwatch.access.errors import AccessDenied
from sanctionwatch.access.models import ReleaseDecision
from sanctionwatch.access.policy import Principal
from sanctionwatch.ledger.append import append
from sanctionwatch.timeutil import now_utc

SCOPES = ("content", "originator")


def record_release(session: Session, actor: Principal, subject: str, scope: str,
                   caveat: str, reason: str) -> ReleaseDecision:
    if actor.role != "coordinator":
        raise AccessDenied("only a coordinator records release decisions")
    if scope not in SCOPES:
        raise ValueError(f"scope must be one of {', '.join(SCOPES)}")
    if not reason.strip():
        raise ValueError("a release decision needs a reason")
    parsed = str(Caveat.parse(caveat))
    entry = append(session, "access.release",
                   {"subject": subject, "scope": scope, "caveat": parsed,
                    "reason": reason.strip(), "by": actor.name}, subject=subject)
    row = ReleaseDecision(subject=subject, scope=scope, caveat=parsed, reason=reason.strip(),
                          decided_by=actor.name, decided_at=now_utc(), ledger_seq=entry.seq)
    session.add(row)
    return row


def releases_for(session: Session, subjects: list[str]) -> dict[tuple[str, str], list[Caveat]]:
    """Released caveats per (subject, scope)."""
    out: dict[tuple[str, str], list[Caveat]] = defaultdict(list)
    if not subjects:
        return out
    rows = session.execute(
        select(ReleaseDecision).where(ReleaseDecision.subject.in_(subjects))
    ).scalars()
    for row in rows:
        out[(row.subject, row.scope)].append(Caveat.parse(row.caveat))
    return out
