"""Appending events to the ledger inside the caller's transaction.

Every event of the system (an evidence intake, an analytic decision, a release, an
audited read) is appended here, in the same database transaction as the change it
records, so a change is never stored without its ledger entry or the other way round.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from sanctionwatch.ledger.canonical import canonical_json
from sanctionwatch.store.models import LedgerEntry

LEAF_PREFIX = b"\x00"
_PG_LOCK_KEY = 0x5A4C4544  # "ZLED": serialises appends across processes on PostgreSQL


def leaf_hash(entry: bytes) -> bytes:
    """RFC 6962 leaf hash: SHA-256(0x00 || entry)."""
    return hashlib.sha256(LEAF_PREFIX + entry).digest()


def lock_ledger(session: Session) -> None:
    """Take the ledger's append lock for the rest of the transaction.

    SQLite write transactions already begin with BEGIN IMMEDIATE (one writer at a time);
    on PostgreSQL a transaction-scoped advisory lock serialises appenders.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY})


def next_seq(session: Session) -> int:
    current = session.execute(select(func.max(LedgerEntry.seq))).scalar()
    return 0 if current is None else int(current) + 1


def append(
    session: Session,
    kind: str,
    payload: dict[str, Any],
    *,
    subject: str | None = None,
    at: datetime | None = None,
) -> LedgerEntry:
    """Append one event; returns the stored entry (its ``seq`` is the leaf index)."""
    return append_many(session, [(kind, payload, subject)], at=at)[0]


def append_many(
    session: Session,
    events: list[tuple[str, dict[str, Any], str | None]],
    *,
    at: datetime | None = None,
) -> list[LedgerEntry]:
    """Append several events in order under one lock (batched for throughput)."""
    lock_ledger(session)
    seq = next_seq(session)
    when = at or datetime.now(UTC)
    rows = []
    for kind, payload, subject in events:
        body = {"v": 1, "kind": kind, "at": when.isoformat(), **payload}
        data = canonical_json(body)
        rows.append(
            LedgerEntry(
                seq=seq,
                kind=kind,
                subject=subject,
                entry=data,
                leaf_hash=leaf_hash(data),
                created_at=when,
            )
        )
        seq += 1
    session.add_all(rows)
    session.flush()
    return rows
