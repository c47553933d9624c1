"""Check a sanctionwatch inclusion proof against a root you trust. Python 3 stdlib only.

    python3 verify_example.py PROOF.json ROOT_HEX

PROOF.json comes from `sanctionwatch ledger prove ITEM`; ROOT_HEX is the root printed in
the report or in a signed checkpoint of the same tree size. Exit status 0 = included.
"""

import hashlib
import json
import sys


def sha256(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def root_from_path(index: int, size: int, leaf: bytes, path: list) -> bytes:
    # Walk the RFC 6962 tree from the top: split at the largest power of two below the
    # range size; remember on which side our leaf lies at every level.
    sides, lo, hi = [], 0, size
    while hi - lo > 1:
        k = 1 << ((hi - lo - 1).bit_length() - 1)
        if index < lo + k:
            sides.append("left")
            hi = lo + k
        else:
            sides.append("right")
            lo = lo + k
    if len(sides) != len(path):
        raise ValueError(f"path has {len(path)} hashes, the tree needs {len(sides)}")
    # Then fold from the leaf up: the path lists sibling hashes from the bottom.
    h = leaf
    for side, sibling in zip(reversed(sides), path, strict=True):
        h = sha256(b"\x01" + h + sibling) if side == "left" else sha256(b"\x01" + sibling + h)
    return h


def main(proof_file: str, trusted_root: str) -> int:
    with open(proof_file, encoding="utf-8") as fh:
        proof = json.load(fh)
    if proof["format"] != "sanctionwatch-inclusion-proof/1":
        raise ValueError("not an inclusion proof")
    leaf = sha256(b"\x00" + proof["entry"].encode("utf-8"))  # the entry's leaf hash
    path = [bytes.fromhex(h) for h in proof["path"]]
    root = root_from_path(proof["leaf_index"], proof["tree_size"], leaf, path)
    if root.hex() != trusted_root.strip().lower():
        print(f"NOT PROVEN: the proof leads to {root.hex()}")
        return 1
    print(f"OK: entry {proof['leaf_index']} is in the log of size {proof['tree_size']}:")
    print(proof["entry"])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
