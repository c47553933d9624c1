"""Appending events to the ledger inside the caller's transaction.

Every event of the system (an evidence intake, an analytic decision, a release, an
audited read) is appended here, in the same database transaction as the change it
records, so a change is never stored without its ledger entry or the other way round.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, func, select, text
from sqlalchemy.orm import Session

from sanctionwatch.ledger.canonical import canonical_json
from sanctionwatch.ledger.nodes import ENTRY, NodeBuilder, fetch_subtrees, frontier_keys
from sanctionwatch.store.models import LedgerEntry

LEAF_PREFIX = b"\x00"
RESERVED_KEYS = frozenset({"v", "kind", "at"})
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
    """Append several events in order under one lock (batched for throughput).

    Writes the entries and every subtree-hash node they complete (``ledger_node``) with
    two ``executemany`` calls; the returned entries are plain (transient) objects.
    """
    if not events:
        return []
    lock_ledger(session)
    seq = next_seq(session)
    when = at or datetime.now(UTC)
    stamp = when.isoformat()
    builder = NodeBuilder(seq, fetch_subtrees(session, frontier_keys(seq)))
    conn = session.connection()
    created = _bound(conn, ENTRY.c.created_at, when)  # one timestamp for the whole batch
    rows: list[tuple[int, str, str | None, bytes, bytes, Any]] = []
    nodes: list[tuple[int, int, bytes]] = []
    for kind, payload, subject in events:
        clash = RESERVED_KEYS.intersection(payload)
        if clash:
            raise ValueError(f"ledger payload of {kind!r} uses reserved keys {sorted(clash)}")
        data = canonical_json({"v": 1, "kind": kind, "at": stamp, **payload})
        digest = leaf_hash(data)
        rows.append((seq, kind, subject, data, digest, created))
        builder.add(digest, nodes)
        seq += 1
    # Straight to the driver: SQLAlchemy's per-row parameter processing would otherwise
    # cost more than hashing and serialising the entries.
    _insert_rows(conn, _INSERT_ENTRY, rows)
    if nodes:
        _insert_rows(conn, _INSERT_NODE, nodes)
    return [
        _detached_entry({"seq": r[0], "kind": r[1], "subject": r[2], "entry": r[3],
                         "leaf_hash": r[4], "created_at": when})
        for r in rows
    ]


_INSERT_ENTRY = (
    "INSERT INTO ledger_entry (seq, kind, subject, entry, leaf_hash, created_at) VALUES "
)
_INSERT_NODE = "INSERT INTO ledger_node (level, idx, hash) VALUES "


def _insert_rows(conn: Connection, prefix: str, rows: Sequence[tuple[Any, ...]]) -> None:
    """One prepared statement run with the driver's ``executemany`` (on PostgreSQL,
    psycopg pipelines it; measured faster than multi-row VALUES statements)."""
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    conn.exec_driver_sql(prefix + "(" + ", ".join([mark] * len(rows[0])) + ")", list(rows))


def _bound(conn: Connection, column: ColumnElement[Any], value: Any) -> Any:
    """``value`` as SQLAlchemy would hand it to the driver for ``column``."""
    process = column.type.dialect_impl(conn.dialect).bind_processor(conn.dialect)
    return process(value) if process else value


def _detached_entry(row: dict[str, Any]) -> LedgerEntry:
    # Like the ORM's own loader: fill the instance dict directly (no change events),
    # which is several times faster than the constructor for large batches.
    obj: LedgerEntry = _ENTRY_MANAGER.new_instance()
    obj.__dict__.update(row)
    return obj


_ENTRY_MANAGER = LedgerEntry.__mapper__.class_manager
