"""The database-backed log: size, roots, inclusion and consistency proofs.

Everything is computed from the node cache (:mod:`sanctionwatch.ledger.nodes`): a root or
proof at any size needs O(log n) complete-subtree hashes, fetched with two indexed
queries, so the cost does not grow with the number of entries.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sanctionwatch.access.guard import system_scope
from sanctionwatch.ledger.merkle import (
    EMPTY_ROOT,
    consistency_ranges,
    inclusion_ranges,
    needed_subtrees,
    range_hash,
)
from sanctionwatch.ledger.nodes import ENTRY, fetch_subtrees, raw_query
from sanctionwatch.ledger.verify_proof import CONSISTENCY_FORMAT, INCLUSION_FORMAT
from sanctionwatch.store.models import EvidenceItem

ORIGIN_PREFIX = "sanctionwatch:"


class LedgerError(ValueError):
    """A request the log cannot answer (bad size, unknown item, empty log)."""


@dataclass(frozen=True)
class InclusionProof:
    log: str
    leaf_index: int
    tree_size: int
    root: bytes
    entry: bytes
    leaf_hash: bytes
    path: list[bytes]
    kind: str
    subject: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "format": INCLUSION_FORMAT,
            "log": self.log,
            "leaf_index": self.leaf_index,
            "tree_size": self.tree_size,
            "root": self.root.hex(),
            "kind": self.kind,
            "subject": self.subject,
            "entry": self.entry.decode("utf-8"),
            "leaf_hash": self.leaf_hash.hex(),
            "path": [h.hex() for h in self.path],
        }


@dataclass(frozen=True)
class ConsistencyProof:
    log: str
    old_size: int
    new_size: int
    old_root: bytes
    new_root: bytes
    path: list[bytes]

    def to_json(self) -> dict[str, Any]:
        return {
            "format": CONSISTENCY_FORMAT,
            "log": self.log,
            "old_size": self.old_size,
            "new_size": self.new_size,
            "old_root": self.old_root.hex(),
            "new_root": self.new_root.hex(),
            "path": [h.hex() for h in self.path],
        }


def log_size(session: Session) -> int:
    """Number of leaves (entries are numbered 0..size-1 without gaps)."""
    current = raw_query(session, "SELECT max(seq) FROM ledger_entry", ())[0][0]
    return 0 if current is None else int(current) + 1


def log_origin(session: Session) -> str:
    """The log's identity: derived from its first entry, so stable for the workspace."""
    rows = raw_query(session, "SELECT leaf_hash FROM ledger_entry WHERE seq = 0", ())
    if not rows:
        raise LedgerError("the ledger is empty")
    return _origin(bytes(rows[0][0]))


def _origin(first_leaf: bytes) -> str:
    return ORIGIN_PREFIX + first_leaf[:8].hex()


def _size(session: Session, size: int | None) -> int:
    current = log_size(session)
    if size is None:
        return current
    if size < 0 or size > current:
        raise LedgerError(f"size {size} is outside the log (it has {current} entries)")
    return size


def root_at(session: Session, size: int | None = None) -> tuple[int, bytes]:
    """(size, root) of the log, now or at an earlier size."""
    n = _size(session, size)
    if n == 0:
        return 0, EMPTY_ROOT
    nodes = fetch_subtrees(session, needed_subtrees([(0, n)]))
    return n, range_hash(0, n, lambda lv, ix: nodes[(lv, ix)])


def inclusion_proof(session: Session, seq: int, size: int | None = None) -> InclusionProof:
    """Proof that entry ``seq`` is in the log of ``size`` entries (default: current)."""
    n = _size(session, size)
    if not 0 <= seq < n:
        raise LedgerError(f"entry {seq} is not in a log of size {n}")
    rows = raw_query(
        session, "SELECT entry, leaf_hash, kind, subject FROM ledger_entry WHERE seq = ?", (seq,)
    )
    entry, leaf, kind, subject = rows[0]
    ranges = inclusion_ranges(seq, n)
    # (0, 0), the first leaf, names the log
    nodes = fetch_subtrees(session, needed_subtrees([*ranges, (0, n), (0, 1)]))

    def sub(lv: int, ix: int) -> bytes:
        return nodes[(lv, ix)]

    return InclusionProof(
        log=_origin(nodes[(0, 0)]),
        leaf_index=seq,
        tree_size=n,
        root=range_hash(0, n, sub),
        entry=bytes(entry),
        leaf_hash=bytes(leaf),
        path=[range_hash(lo, hi, sub) for lo, hi in ranges],
        kind=str(kind),
        subject=subject,
    )


def consistency_proof(session: Session, old: int, new: int | None = None) -> ConsistencyProof:
    """Proof that the log at ``old`` entries is a prefix of the log at ``new``."""
    n = _size(session, new)
    if not 0 < old <= n:
        raise LedgerError(f"old size must be between 1 and {n}, got {old}")
    ranges = consistency_ranges(old, n)
    nodes = fetch_subtrees(session, needed_subtrees([*ranges, (0, n), (0, old), (0, 1)]))

    def sub(lv: int, ix: int) -> bytes:
        return nodes[(lv, ix)]

    return ConsistencyProof(
        log=_origin(nodes[(0, 0)]),
        old_size=old,
        new_size=n,
        old_root=range_hash(0, old, sub),
        new_root=range_hash(0, n, sub),
        path=[range_hash(lo, hi, sub) for lo, hi in ranges],
    )


def entries_for(session: Session, subject: str) -> list[int]:
    """Sequence numbers of every entry recorded with this subject, oldest first."""
    rows = session.execute(
        select(ENTRY.c.seq).where(ENTRY.c.subject == subject).order_by(ENTRY.c.seq)
    )
    return [int(r[0]) for r in rows]


def resolve_item(session: Session, item: str) -> int:
    """The entry that records ``item``: an evidence item's intake entry, else the first
    entry with that subject; ``#N`` names entry N directly."""
    if item.startswith("#") and item[1:].isdigit():
        return int(item[1:])
    with system_scope("ledger prove: find an item's intake entry number"):
        seq = session.execute(
            select(EvidenceItem.ledger_seq).where(EvidenceItem.id == item)
        ).scalar()
    if seq is not None:
        return int(seq)
    seqs = entries_for(session, item)
    if not seqs:
        raise LedgerError(f"no ledger entry has subject {item!r} (use #N for entry number N)")
    return seqs[0]
