"""The database-backed log on SQLite and PostgreSQL: roots and proofs at every size
agree with a naive recomputation from the stored entries, and verify standalone."""

from __future__ import annotations

import hashlib
import json

import pytest
from sqlalchemy import delete, select, text

from sanctionwatch.config import Settings
from sanctionwatch.ledger import log
from sanctionwatch.ledger import verify_proof as vp
from sanctionwatch.ledger.append import append, append_many
from sanctionwatch.ledger.models import LedgerNode
from sanctionwatch.store.db import get_engine, transaction
from sanctionwatch.store.models import LedgerEntry


def naive_root(entries: list[bytes]) -> bytes:
    """RFC 6962 MTH straight from the entry bytes (independent of the node cache)."""
    if not entries:
        return hashlib.sha256(b"").digest()
    if len(entries) == 1:
        return hashlib.sha256(b"\x00" + entries[0]).digest()
    k = 1 << ((len(entries) - 1).bit_length() - 1)
    return hashlib.sha256(b"\x01" + naive_root(entries[:k]) + naive_root(entries[k:])).digest()


def fill(settings: Settings, batches: list[int]) -> list[bytes]:
    engine = get_engine(settings)
    n = 0
    for b in batches:
        with transaction(engine) as session:
            if b == 1:
                append(session, "test.single", {"n": n}, subject=f"s{n}")
            else:
                append_many(session, [("test.batch", {"n": n + i}, f"s{n + i}")
                                      for i in range(b)])
        n += b
    with transaction(engine) as session:
        return [bytes(e) for e in session.execute(
            select(LedgerEntry.entry).order_by(LedgerEntry.seq)).scalars()]


def test_empty_log(settings: Settings) -> None:
    with transaction(get_engine(settings)) as session:
        assert log.root_at(session) == (0, hashlib.sha256(b"").digest())
        with pytest.raises(log.LedgerError):
            log.inclusion_proof(session, 0)
        with pytest.raises(log.LedgerError):
            log.log_origin(session)


def test_roots_and_proofs_at_every_size(settings: Settings) -> None:
    entries = fill(settings, [1, 2, 1, 5, 8, 1, 3, 12])  # 33 leaves, odd batch edges
    n = len(entries)
    assert n == 33
    with transaction(get_engine(settings)) as session:
        assert log.log_size(session) == n
        for size in range(1, n + 1):
            got_size, root = log.root_at(session, size)
            assert got_size == size and root == naive_root(entries[:size])
            for seq in range(size):
                proof = log.inclusion_proof(session, seq, size).to_json()
                assert proof["entry"].encode("utf-8") == entries[seq]
                vp.check_proof(json.loads(json.dumps(proof)), root.hex())
            for old in range(1, size + 1):
                cproof = log.consistency_proof(session, old, size)
                assert cproof.old_root == naive_root(entries[:old])
                vp.check_proof(cproof.to_json(), root.hex())


def test_prove_by_subject_and_number(settings: Settings) -> None:
    fill(settings, [4])
    with transaction(get_engine(settings)) as session:
        assert log.resolve_item(session, "s2") == 2
        assert log.resolve_item(session, "#3") == 3
        with pytest.raises(log.LedgerError, match="no ledger entry"):
            log.resolve_item(session, "nothing-like-this")
        with pytest.raises(log.LedgerError, match="outside the log"):
            log.inclusion_proof(session, 0, 9)
        with pytest.raises(log.LedgerError):
            log.consistency_proof(session, 0, 4)


def test_missing_cache_nodes_are_recomputed(settings: Settings) -> None:
    entries = fill(settings, [21])
    engine = get_engine(settings)
    with transaction(engine) as session:
        session.execute(delete(LedgerNode).where(LedgerNode.level >= 2))
    with transaction(engine) as session:
        assert log.root_at(session)[1] == naive_root(entries)
        proof = log.inclusion_proof(session, 6)
        vp.check_proof(proof.to_json(), naive_root(entries).hex())
    # appending on top of a damaged cache still yields the right tree
    more = fill(settings, [3, 9])
    with transaction(engine) as session:
        assert log.root_at(session)[1] == naive_root(more)


def test_reserved_payload_keys_are_refused(settings: Settings) -> None:
    with transaction(get_engine(settings)) as session, pytest.raises(ValueError, match="kind"):
        append(session, "test.x", {"kind": "forged"})


def test_failed_transaction_leaves_no_entries_or_nodes(settings: Settings) -> None:
    fill(settings, [3])
    engine = get_engine(settings)
    with pytest.raises(RuntimeError), transaction(engine) as session:
        append_many(session, [("test.y", {"n": i}, None) for i in range(5)])
        raise RuntimeError("caller fails after appending")
    with transaction(engine) as session:
        assert log.log_size(session) == 3
        nodes = session.execute(text("SELECT count(*) FROM ledger_node")).scalar_one()
        assert nodes == 1  # (1, 0) only
