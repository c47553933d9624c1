"""RFC 6962 Merkle tree hashing and proofs, as pure functions.

The tree over ``n`` leaves splits at ``k``, the largest power of two smaller than ``n``:
MTH(D[n]) = H(0x01 ‖ MTH(D[0:k]) ‖ MTH(D[k:n])), MTH of one leaf = H(0x00 ‖ entry),
MTH of no leaves = SHA-256 of the empty string.

Every range the RFC recursion visits starts at a multiple of a power of two at least as
large as the range, so it is a run of *complete aligned subtrees* (level ``l``, index
``i`` = leaves ``[i·2^l, (i+1)·2^l)``), largest first, and its hash is the right fold of
theirs. Proofs are therefore described here as lists of ranges; the caller supplies the
complete-subtree hashes (from a list of leaves, or from the database's node cache).

Verification lives in :mod:`sanctionwatch.ledger.verify_proof` (standalone, no database)
and is re-exported here.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence

from sanctionwatch.ledger.verify_proof import (
    ProofError,
    leaf_hash,
    node_hash,
    root_from_inclusion_path,
    roots_from_consistency_path,
    verify_consistency,
    verify_inclusion,
)

__all__ = [
    "EMPTY_ROOT",
    "ProofError",
    "complete_subtrees",
    "consistency_proof",
    "consistency_ranges",
    "inclusion_proof",
    "inclusion_ranges",
    "leaf_hash",
    "mth",
    "needed_subtrees",
    "node_hash",
    "range_hash",
    "root_from_inclusion_path",
    "roots_from_consistency_path",
    "split_point",
    "subtree_from_leaves",
    "verify_consistency",
    "verify_inclusion",
]

EMPTY_ROOT = hashlib.sha256(b"").digest()

Range = tuple[int, int]  # leaves [lo, hi)
Node = tuple[int, int]  # (level, index): leaves [index << level, (index + 1) << level)
SubtreeHash = Callable[[int, int], bytes]  # (level, index) -> hash


def split_point(n: int) -> int:
    """The largest power of two strictly smaller than ``n`` (n >= 2)."""
    if n < 2:
        raise ValueError(f"cannot split a tree of size {n}")
    return 1 << ((n - 1).bit_length() - 1)


def complete_subtrees(lo: int, hi: int) -> list[Node]:
    """The complete aligned subtrees making up the range ``[lo, hi)``, largest first."""
    if not 0 <= lo < hi:
        raise ValueError(f"empty or negative range [{lo}, {hi})")
    out: list[Node] = []
    while lo < hi:
        level = (hi - lo).bit_length() - 1
        if lo & ((1 << level) - 1):
            raise ValueError(f"range [{lo}, {hi}) is not one the RFC 6962 recursion visits")
        out.append((level, lo >> level))
        lo += 1 << level
    return out


def range_hash(lo: int, hi: int, subtree: SubtreeHash) -> bytes:
    """MTH of the leaves ``[lo, hi)`` (a range of the RFC recursion) from subtree hashes."""
    parts = [subtree(level, index) for level, index in complete_subtrees(lo, hi)]
    acc = parts[-1]
    for part in reversed(parts[:-1]):
        acc = node_hash(part, acc)
    return acc


def inclusion_ranges(index: int, size: int) -> list[Range]:
    """The ranges whose MTHs form PATH(index, D[size]), from the leaf up (RFC 6962 §2.1.1)."""
    if not 0 <= index < size:
        raise ValueError(f"leaf index {index} is outside a tree of size {size}")
    out: list[Range] = []
    lo, hi = 0, size
    while hi - lo > 1:
        k = split_point(hi - lo)
        if index < lo + k:
            out.append((lo + k, hi))
            hi = lo + k
        else:
            out.append((lo, lo + k))
            lo += k
    out.reverse()
    return out


def consistency_ranges(old: int, new: int) -> list[Range]:
    """The ranges whose MTHs form PROOF(old, D[new]) (RFC 6962 §2.1.2)."""
    if not 0 < old <= new:
        raise ValueError(f"need 0 < old size <= new size, got {old} and {new}")
    out: list[Range] = []
    lo, hi, m, whole = 0, new, old, True
    while True:
        n = hi - lo
        if m == n:
            if not whole:
                out.append((lo, hi))
            break
        k = split_point(n)
        if m <= k:
            out.append((lo + k, hi))
            hi = lo + k
        else:
            out.append((lo, lo + k))
            lo += k
            m -= k
            whole = False
    out.reverse()
    return out


def needed_subtrees(ranges: Iterable[Range]) -> set[Node]:
    """Every complete subtree whose hash is needed to hash ``ranges``."""
    return {node for lo, hi in ranges for node in complete_subtrees(lo, hi)}


# --- over an in-memory list of leaf hashes -----------------------------------------------


def subtree_from_leaves(leaves: Sequence[bytes], level: int, index: int) -> bytes:
    """Hash of the complete subtree (level, index) over ``leaves`` (leaf hashes)."""
    start = index << level
    layer = list(leaves[start : start + (1 << level)])
    if len(layer) != 1 << level:
        raise ValueError(f"subtree ({level}, {index}) is not complete in {len(leaves)} leaves")
    while len(layer) > 1:
        layer = [node_hash(layer[i], layer[i + 1]) for i in range(0, len(layer), 2)]
    return layer[0]


def mth(leaves: Sequence[bytes]) -> bytes:
    """The Merkle tree hash of a list of leaf hashes."""
    if not leaves:
        return EMPTY_ROOT
    return range_hash(0, len(leaves), lambda lv, ix: subtree_from_leaves(leaves, lv, ix))


def inclusion_proof(leaves: Sequence[bytes], index: int) -> list[bytes]:
    """PATH(index, D[n]) over a list of leaf hashes."""
    def sub(lv: int, ix: int) -> bytes:
        return subtree_from_leaves(leaves, lv, ix)

    return [range_hash(lo, hi, sub) for lo, hi in inclusion_ranges(index, len(leaves))]


def consistency_proof(leaves: Sequence[bytes], old: int) -> list[bytes]:
    """PROOF(old, D[n]) over a list of leaf hashes."""
    def sub(lv: int, ix: int) -> bytes:
        return subtree_from_leaves(leaves, lv, ix)

    return [range_hash(lo, hi, sub) for lo, hi in consistency_ranges(old, len(leaves))]
