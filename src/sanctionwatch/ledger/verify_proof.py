"""Standalone checking of ledger proofs: no database, only ``hashlib`` and ``json``.

This is what the reader of a published report uses: given a proof file produced by
``sanctionwatch ledger prove`` (or ``ledger consistency``) and the root hash printed in
the report (or in a signed checkpoint), it recomputes the root from the proof and says
whether they agree. The algorithms are those of RFC 9162 §2.1.3.2 (inclusion) and
§2.1.4.2 (consistency), on the RFC 6962 tree (SHA-256, leaf = H(0x00 ‖ entry),
node = H(0x01 ‖ left ‖ right)).

Run as a script: ``python -m sanctionwatch.ledger.verify_proof PROOF.json --root HEX``.
"""

from __future__ import annotations

import hashlib
import json
import sys
from typing import Any

HASH_SIZE = 32
INCLUSION_FORMAT = "sanctionwatch-inclusion-proof/1"
CONSISTENCY_FORMAT = "sanctionwatch-consistency-proof/1"


class ProofError(ValueError):
    """A proof is malformed or does not verify."""


def leaf_hash(entry: bytes) -> bytes:
    """RFC 6962 leaf hash: SHA-256(0x00 || entry)."""
    return hashlib.sha256(b"\x00" + entry).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """RFC 6962 interior node hash: SHA-256(0x01 || left || right)."""
    return hashlib.sha256(b"\x01" + left + right).digest()


def root_from_inclusion_path(index: int, size: int, leaf: bytes, path: list[bytes]) -> bytes:
    """The root implied by an inclusion path (RFC 9162 §2.1.3.2); raises ProofError."""
    if size < 1 or not 0 <= index < size:
        raise ProofError(f"leaf index {index} is outside a tree of size {size}")
    fn, sn, r = index, size - 1, leaf
    for p in path:
        if sn == 0:
            raise ProofError("inclusion path is longer than the tree is high")
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise ProofError("inclusion path is shorter than the tree is high")
    return r


def verify_inclusion(index: int, size: int, leaf: bytes, path: list[bytes], root: bytes) -> bool:
    """True when ``path`` proves leaf hash ``leaf`` at ``index`` in the tree ``root``."""
    try:
        return root_from_inclusion_path(index, size, leaf, path) == root
    except ProofError:
        return False


def roots_from_consistency_path(
    old_size: int, new_size: int, old_root: bytes, path: list[bytes]
) -> tuple[bytes, bytes]:
    """The (old, new) roots implied by a consistency path (RFC 9162 §2.1.4.2)."""
    if not 0 < old_size <= new_size:
        raise ProofError(f"need 0 < old size <= new size, got {old_size} and {new_size}")
    if old_size == new_size:
        if path:
            raise ProofError("a proof between equal sizes must be empty")
        return old_root, old_root
    if not path:
        raise ProofError("consistency path is empty")
    nodes = list(path)
    if old_size & (old_size - 1) == 0:  # exact power of two: the old root is a node
        nodes.insert(0, old_root)
    fn, sn = old_size - 1, new_size - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = nodes[0]
    for c in nodes[1:]:
        if sn == 0:
            raise ProofError("consistency path is too long")
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise ProofError("consistency path is too short")
    return fr, sr


def verify_consistency(
    old_size: int, new_size: int, old_root: bytes, new_root: bytes, path: list[bytes]
) -> bool:
    """True when ``path`` proves the tree ``old_root`` is a prefix of ``new_root``."""
    try:
        fr, sr = roots_from_consistency_path(old_size, new_size, old_root, path)
    except ProofError:
        return False
    return fr == old_root and sr == new_root


# --- proof files --------------------------------------------------------------------


def _hex(value: Any, what: str) -> bytes:
    if not isinstance(value, str):
        raise ProofError(f"{what} must be a hex string")
    try:
        raw = bytes.fromhex(value)
    except ValueError as exc:
        raise ProofError(f"{what} is not valid hex") from exc
    if len(raw) != HASH_SIZE:
        raise ProofError(f"{what} must be {HASH_SIZE} bytes, got {len(raw)}")
    return raw


def _int(proof: dict[str, Any], key: str) -> int:
    value = proof.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ProofError(f"{key} must be a non-negative integer")
    return value


def _path(proof: dict[str, Any]) -> list[bytes]:
    path = proof.get("path")
    if not isinstance(path, list):
        raise ProofError("path must be a list of hex hashes")
    return [_hex(h, f"path[{i}]") for i, h in enumerate(path)]


def check_inclusion(proof: dict[str, Any], root_hex: str | None = None) -> str:
    """Check an inclusion-proof object; returns a one-line summary or raises ProofError.

    The leaf hash is recomputed from ``entry`` when present; the root recomputed from the
    path must equal the proof's ``root`` and, when given, ``root_hex`` (the trusted root).
    """
    index, size = _int(proof, "leaf_index"), _int(proof, "tree_size")
    leaf = _hex(proof.get("leaf_hash"), "leaf_hash")
    entry = proof.get("entry")
    if entry is not None:
        if not isinstance(entry, str):
            raise ProofError("entry must be a string (the canonical JSON of the entry)")
        if leaf_hash(entry.encode("utf-8")) != leaf:
            raise ProofError("leaf_hash does not match the entry")
    computed = root_from_inclusion_path(index, size, leaf, _path(proof))
    if computed != _hex(proof.get("root"), "root"):
        raise ProofError("the path does not lead to the proof's root")
    if root_hex is not None and computed != _hex(root_hex.strip().lower(), "trusted root"):
        raise ProofError("the proof's root differs from the trusted root")
    return f"entry {index} is included in the log of size {size} with root {computed.hex()}"


def check_consistency(proof: dict[str, Any], root_hex: str | None = None) -> str:
    """Check a consistency-proof object; ``root_hex`` (if given) is the trusted new root."""
    old_size, new_size = _int(proof, "old_size"), _int(proof, "new_size")
    old_root = _hex(proof.get("old_root"), "old_root")
    new_root = _hex(proof.get("new_root"), "new_root")
    if not verify_consistency(old_size, new_size, old_root, new_root, _path(proof)):
        raise ProofError(f"the log of size {old_size} is not proven a prefix of size {new_size}")
    if root_hex is not None and new_root != _hex(root_hex.strip().lower(), "trusted root"):
        raise ProofError("the proof's new root differs from the trusted root")
    return f"the log of size {old_size} is a prefix of the log of size {new_size}"


def check_proof(proof: Any, root_hex: str | None = None) -> str:
    """Check an inclusion or consistency proof object (dispatch on ``format``)."""
    if not isinstance(proof, dict):
        raise ProofError("a proof must be a JSON object")
    fmt = proof.get("format")
    if fmt == INCLUSION_FORMAT:
        return check_inclusion(proof, root_hex)
    if fmt == CONSISTENCY_FORMAT:
        return check_consistency(proof, root_hex)
    raise ProofError(f"unknown proof format {fmt!r}")


def check_proof_file(path: str, root_hex: str | None = None) -> str:
    try:
        with open(path, encoding="utf-8") as fh:
            proof = json.load(fh)
    except OSError as exc:
        raise ProofError(f"cannot read {path}: {exc.strerror or exc}") from exc
    except ValueError as exc:
        raise ProofError(f"{path} is not valid JSON: {exc}") from exc
    return check_proof(proof, root_hex)


def main(argv: list[str]) -> int:
    if len(argv) not in (1, 3) or (len(argv) == 3 and argv[1] != "--root"):
        print("usage: python -m sanctionwatch.ledger.verify_proof PROOF.json [--root HEX]")
        return 2
    try:
        print("OK: " + check_proof_file(argv[0], argv[2] if len(argv) == 3 else None))
    except ProofError as exc:
        print(f"FAILED: {exc}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
