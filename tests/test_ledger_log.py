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


def test_concurrent_appenders_leave_a_consistent_log(settings: Settings) -> None:
    import threading

    from sanctionwatch.ledger.verify import verify

    engine = get_engine(settings)
    errors: list[BaseException] = []

    def worker(w: int) -> None:
        try:
            for t in range(15):
                with transaction(engine) as session:
                    append_many(session, [("test.thread", {"w": w, "t": t, "i": i}, None)
                                          for i in range(1 + (w + t) % 4)])
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(w,)) for w in range(3)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == []
    report = verify(engine, settings)
    assert report.ok, report.problems
    expected = sum(1 + (w + t) % 4 for w in range(3) for t in range(15))
    assert report.size == expected
    with transaction(engine) as session:
        entries = [bytes(e) for e in session.execute(
            select(LedgerEntry.entry).order_by(LedgerEntry.seq)).scalars()]
        assert log.root_at(session)[1] == naive_root(entries)


def test_migration_backfills_nodes_for_existing_entries(settings: Settings) -> None:
    from sanctionwatch.ledger.verify import verify
    from sanctionwatch.store.db import _engine_for, make_engine, upgrade

    engine = make_engine(settings.database_url)
    upgrade(engine, "0001_core")
    entries = [f'{{"kind":"old.event","n":{i},"v":1}}'.encode() for i in range(11)]
    with engine.begin() as conn:
        for i, e in enumerate(entries):
            conn.execute(
                text("INSERT INTO ledger_entry (seq, kind, subject, entry, leaf_hash, created_at)"
                     " VALUES (:s, 'old.event', NULL, :e, :h, CURRENT_TIMESTAMP)"),
                {"s": i, "e": e, "h": hashlib.sha256(b"\x00" + e).digest()},
            )
    engine.dispose()
    _engine_for.cache_clear()
    migrated = get_engine(settings)  # upgrades to all heads, running ledger_0001
    report = verify(migrated, settings)
    assert report.ok, report.problems
    assert report.nodes == 5 + 2 + 1  # levels 1, 2, 3 over 11 leaves
    with transaction(migrated) as session:
        assert log.root_at(session)[1] == naive_root(entries)
