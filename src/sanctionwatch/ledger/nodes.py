"""The node cache: hashes of complete aligned subtrees, built on append, read by proofs.

A subtree (level ``l``, index ``i``) covers leaves ``[i·2^l, (i+1)·2^l)``. Level 0 is the
leaf hash in ``ledger_entry``; levels >= 1 live in ``ledger_node``. Appending leaf ``s``
completes one node per trailing one-bit of ``s + 1`` (amortised one node per leaf), and
needs only the *frontier* of the tree before it: the roots of the complete subtrees the
current size decomposes into (one per set bit of the size).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from sanctionwatch.ledger.merkle import Node, node_hash, subtree_from_leaves
from sanctionwatch.ledger.models import LedgerNode
from sanctionwatch.store.models import LedgerEntry

NODE = cast(Table, LedgerNode.__table__)
ENTRY = cast(Table, LedgerEntry.__table__)


class LedgerCorruptError(RuntimeError):
    """The stored ledger lacks rows a computation needs (run ``ledger verify``)."""


def frontier_keys(size: int) -> list[Node]:
    """The complete subtrees (level, index) a tree of ``size`` leaves decomposes into."""
    return [(lv, (size >> lv) - 1) for lv in range(size.bit_length()) if size >> lv & 1]


class NodeBuilder:
    """Adds leaves one by one after a frontier, yielding each node it completes."""

    def __init__(self, size: int, frontier: dict[Node, bytes]) -> None:
        self.size = size
        self.pending: dict[int, bytes] = {lv: frontier[(lv, ix)] for lv, ix in frontier_keys(size)}

    def add(self, leaf: bytes, out: list[tuple[int, int, bytes]]) -> None:
        level, pos, cur = 0, self.size, leaf
        while pos & 1:
            cur = node_hash(self.pending.pop(level), cur)
            level += 1
            pos >>= 1
            out.append((level, pos, cur))
        self.pending[level] = cur
        self.size += 1


def nodes_for_leaves(leaves: Sequence[bytes]) -> Iterator[tuple[int, int, bytes]]:
    """Every node (level >= 1) of the complete subtrees over ``leaves``."""
    builder = NodeBuilder(0, {})
    out: list[tuple[int, int, bytes]] = []
    for leaf in leaves:
        builder.add(leaf, out)
        yield from out
        out.clear()


def leaf_hashes(session: Session, lo: int, hi: int) -> list[bytes]:
    """Stored leaf hashes of ``[lo, hi)``; raises LedgerCorruptError on a gap."""
    rows = session.execute(
        select(ENTRY.c.seq, ENTRY.c.leaf_hash)
        .where(ENTRY.c.seq >= lo, ENTRY.c.seq < hi)
        .order_by(ENTRY.c.seq)
    ).all()
    if len(rows) != hi - lo:
        raise LedgerCorruptError(f"ledger entries missing in [{lo}, {hi})")
    return [bytes(r[1]) for r in rows]


def raw_query(session: Session, sql: str, params: Sequence[object]) -> list[Any]:
    """Run hot-path SQL written with ``?`` placeholders straight on the driver.

    Proofs must take well under a millisecond; building and compiling an SQLAlchemy
    statement per proof costs more than the indexed lookups themselves.
    """
    conn = session.connection()
    if conn.dialect.paramstyle != "qmark":
        sql = sql.replace("?", "%s")
    return list(conn.exec_driver_sql(sql, tuple(params)).all())


def _marks(n: int) -> str:
    return ",".join("?" * n)


def fetch_subtrees(session: Session, keys: Iterable[Node]) -> dict[Node, bytes]:
    """Hashes of the given complete subtrees, in one indexed query (leaves from
    ``ledger_entry``, inner nodes from ``ledger_node``); a node missing from the cache is
    recomputed from the leaves below it."""
    wanted = set(keys)
    found: dict[Node, bytes] = {}
    seqs: list[int] = []
    by_level: dict[int, list[int]] = {}
    for lv, ix in wanted:
        if lv == 0:
            seqs.append(ix)
        else:
            by_level.setdefault(lv, []).append(ix)
    parts: list[str] = []
    params: list[int] = []
    if seqs:
        marks = _marks(len(seqs))
        parts.append(f"SELECT 0, seq, leaf_hash FROM ledger_entry WHERE seq IN ({marks})")
        params.extend(seqs)
    if by_level:
        # One OR-term per level: SQLite uses the primary key for this form, not for a
        # row-value "(level, idx) IN (...)".
        terms = []
        for lv, ixs in sorted(by_level.items()):
            terms.append(f"(level = ? AND idx IN ({_marks(len(ixs))}))")
            params.extend([lv, *ixs])
        parts.append("SELECT level, idx, hash FROM ledger_node WHERE " + " OR ".join(terms))
    if parts:
        for lv, ix, h in raw_query(session, " UNION ALL ".join(parts), params):
            found[(int(lv), int(ix))] = bytes(h)
    for lv, ix in wanted - found.keys():
        if lv == 0:
            raise LedgerCorruptError(f"ledger entry {ix} is missing")
        leaves = leaf_hashes(session, ix << lv, (ix + 1) << lv)
        found[(lv, ix)] = subtree_from_leaves(leaves, lv, 0)
    return found
