"""The audit trail: reads of originator-level material and release decisions, from the ledger."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from sanctionwatch.access.errors import AccessDenied
from sanctionwatch.access.policy import Principal
from sanctionwatch.store.models import LedgerEntry

AUDIT_KINDS = ("audit.read", "access.release")


@dataclass(frozen=True)
class AuditRecord:
    seq: int
    at: str
    kind: str
    user: str
    item: str
    what: str


def audit_trail(session: Session, principal: Principal, *, user: str | None = None,
                item: str | None = None, limit: int = 1000) -> list[AuditRecord]:
    if principal.role != "coordinator":
        raise AccessDenied("only a coordinator may read the audit trail")
    stmt = select(LedgerEntry).where(LedgerEntry.kind.in_(AUDIT_KINDS))
    if item:
        stmt = stmt.where(LedgerEntry.subject == item)
    stmt = stmt.order_by(LedgerEntry.seq.desc()).limit(limit if not user else limit * 10)
    out: list[AuditRecord] = []
    for row in session.execute(stmt).scalars():
        body = json.loads(row.entry)
        who = body.get("user") or body.get("by") or ""
        if user and who != user:
            continue
        what = body.get("what") or f"release {body.get('scope')} to {body.get('caveat')}"
        out.append(AuditRecord(row.seq, body["at"], row.kind, who,
                               body.get("item") or body.get("subject") or "", what))
        if len(out) >= limit:
            break
    return out
