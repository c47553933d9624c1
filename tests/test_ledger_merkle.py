"""RFC 6962 tree hashing and proofs: cross-checked against a naive recursive
implementation written here from the RFC's definitions, and the published
certificate-transparency test vectors (8-leaf tree)."""

from __future__ import annotations

import hashlib

import pytest

from sanctionwatch.ledger import merkle
from sanctionwatch.ledger import verify_proof as vp

# --- independent reference: RFC 6962 §2.1 definitions, literally ---------------------


def _h(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def ref_mth(d: list[bytes]) -> bytes:
    n = len(d)
    if n == 0:
        return _h(b"")
    if n == 1:
        return _h(b"\x00" + d[0])
    k = 1
    while k * 2 < n:
        k *= 2
    return _h(b"\x01" + ref_mth(d[:k]) + ref_mth(d[k:]))


def ref_path(m: int, d: list[bytes]) -> list[bytes]:
    n = len(d)
    if n == 1:
        return []
    k = 1
    while k * 2 < n:
        k *= 2
    if m < k:
        return ref_path(m, d[:k]) + [ref_mth(d[k:])]
    return ref_path(m - k, d[k:]) + [ref_mth(d[:k])]


def ref_subproof(m: int, d: list[bytes], b: bool) -> list[bytes]:
    n = len(d)
    if m == n:
        return [] if b else [ref_mth(d)]
    k = 1
    while k * 2 < n:
        k *= 2
    if m <= k:
        return ref_subproof(m, d[:k], b) + [ref_mth(d[k:])]
    return ref_subproof(m - k, d[k:], False) + [ref_mth(d[:k])]


def ref_proof(m: int, d: list[bytes]) -> list[bytes]:
    return ref_subproof(m, d, True)


DATA = [f"entry number {i}".encode() for i in range(65)]
LEAVES = [vp.leaf_hash(x) for x in DATA]
SIZES = range(1, 65)


@pytest.mark.parametrize("n", SIZES)
def test_root_matches_reference(n: int) -> None:
    assert merkle.mth(LEAVES[:n]) == ref_mth(DATA[:n])


def test_empty_tree_root_is_hash_of_nothing() -> None:
    assert merkle.mth([]) == ref_mth([]) == hashlib.sha256(b"").digest()


@pytest.mark.parametrize("n", SIZES)
def test_every_inclusion_proof_matches_reference_and_verifies(n: int) -> None:
    root = ref_mth(DATA[:n])
    for m in range(n):
        path = merkle.inclusion_proof(LEAVES[:n], m)
        assert path == ref_path(m, DATA[:n])
        assert vp.verify_inclusion(m, n, LEAVES[m], path, root)
        # the proof does not verify for another leaf, index or size
        assert not vp.verify_inclusion(m, n, LEAVES[(m + 1) % 64], path, root)
        if n > 1:
            assert not vp.verify_inclusion((m + 1) % n, n, LEAVES[m], path, root)
        assert not vp.verify_inclusion(m, n, LEAVES[m], path, ref_mth(DATA[: n + 1]))


@pytest.mark.parametrize("n", SIZES)
def test_every_consistency_proof_matches_reference_and_verifies(n: int) -> None:
    new_root = ref_mth(DATA[:n])
    for m in range(1, n + 1):
        old_root = ref_mth(DATA[:m])
        proof = merkle.consistency_proof(LEAVES[:n], m)
        assert proof == ref_proof(m, DATA[:n])
        assert vp.verify_consistency(m, n, old_root, new_root, proof)
        assert not vp.verify_consistency(m, n, new_root if m != n else _h(b"x"), new_root, proof)
        if m < n:
            assert not vp.verify_consistency(m, n, old_root, ref_mth(DATA[: n - 1]), proof)
            assert not vp.verify_consistency(m, n, old_root, new_root, [])


@pytest.mark.parametrize("n", [2, 3, 5, 8, 13, 33, 64])
def test_tampered_inclusion_proofs_are_rejected(n: int) -> None:
    root = merkle.mth(LEAVES[:n])
    for m in range(n):
        path = merkle.inclusion_proof(LEAVES[:n], m)
        for i in range(len(path)):
            for bit in (0, 7):
                bad = list(path)
                flipped = bytearray(bad[i])
                flipped[bit * 4 % 32] ^= 1 << bit
                bad[i] = bytes(flipped)
                assert not vp.verify_inclusion(m, n, LEAVES[m], bad, root)
        assert not vp.verify_inclusion(m, n, LEAVES[m], [*path, root], root)
        assert not vp.verify_inclusion(m, n, LEAVES[m], [root, *path], root)
        if path:
            assert not vp.verify_inclusion(m, n, LEAVES[m], path[:-1], root)
        if len(path) > 1:
            assert not vp.verify_inclusion(m, n, LEAVES[m], path[::-1], root)


@pytest.mark.parametrize("n", [2, 3, 7, 8, 9, 31, 64])
def test_tampered_consistency_proofs_are_rejected(n: int) -> None:
    new_root = merkle.mth(LEAVES[:n])
    for m in range(1, n):
        old_root = merkle.mth(LEAVES[:m])
        proof = merkle.consistency_proof(LEAVES[:n], m)
        for i in range(len(proof)):
            bad = list(proof)
            bad[i] = bytes([bad[i][0] ^ 0x80]) + bad[i][1:]
            assert not vp.verify_consistency(m, n, old_root, new_root, bad)
        assert not vp.verify_consistency(m, n, old_root, new_root, proof[:-1])
        assert not vp.verify_consistency(m, n, old_root, new_root, [*proof, new_root])
        assert not vp.verify_consistency(m, n, old_root, merkle.mth(LEAVES[: n + 1]), proof)


def test_bad_sizes_are_refused() -> None:
    with pytest.raises(ValueError):
        merkle.inclusion_ranges(5, 5)
    with pytest.raises(ValueError):
        merkle.consistency_ranges(0, 5)
    with pytest.raises(vp.ProofError):
        vp.root_from_inclusion_path(3, 2, LEAVES[0], [])
    assert not vp.verify_consistency(6, 5, LEAVES[0], LEAVES[0], [LEAVES[1]])


# --- published vectors: github.com/google/certificate-transparency merkle tree tests,
# as carried in transparency-dev/merkle testonly/constants.go and proof/verify_test.go.

CT_INPUTS = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657",
             "606162636465666768696a6b6c6d6e6f"]
CT_ROOTS = [
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]
CT_PATHS = {  # (leaf index, tree size) -> audit path
    (0, 8): ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
             "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
             "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"],
    (5, 8): ["bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
             "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
             "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"],
    (2, 3): ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"],
    (1, 5): ["6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
             "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
             "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"],
}
CT_CONSISTENCY = {  # (old size, new size) -> proof
    (1, 8): ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
             "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
             "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"],
    (6, 8): ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
             "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
             "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"],
    (2, 5): ["5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
             "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"],
}
CT_LEAVES = [vp.leaf_hash(bytes.fromhex(x)) for x in CT_INPUTS]


def test_ct_vector_roots() -> None:
    for n in range(1, 9):
        assert merkle.mth(CT_LEAVES[:n]).hex() == CT_ROOTS[n - 1]


def test_ct_vector_inclusion_paths() -> None:
    for (index, size), want in CT_PATHS.items():
        path = merkle.inclusion_proof(CT_LEAVES[:size], index)
        assert [h.hex() for h in path] == want
        assert vp.verify_inclusion(index, size, CT_LEAVES[index], path,
                                   bytes.fromhex(CT_ROOTS[size - 1]))


def test_ct_vector_consistency_proofs() -> None:
    for (old, new), want in CT_CONSISTENCY.items():
        proof = merkle.consistency_proof(CT_LEAVES[:new], old)
        assert [h.hex() for h in proof] == want
        assert vp.verify_consistency(old, new, bytes.fromhex(CT_ROOTS[old - 1]),
                                     bytes.fromhex(CT_ROOTS[new - 1]), proof)


def test_node_builder_produces_every_complete_subtree() -> None:
    from sanctionwatch.ledger.nodes import nodes_for_leaves

    nodes = {(lv, ix): h for lv, ix, h in nodes_for_leaves(LEAVES[:45])}
    expected = {(lv, ix) for lv in range(1, 6) for ix in range(45 >> lv)}
    assert set(nodes) == expected
    for (lv, ix), h in nodes.items():
        assert h == ref_mth(DATA[ix << lv : (ix + 1) << lv])
