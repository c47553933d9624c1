"""`ledger verify` finds every single-byte change to stored entries, hashes, blobs and
texts, on SQLite and PostgreSQL, and lists every problem rather than the first."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from sanctionwatch.config import Settings
from sanctionwatch.ingest.pipeline import IntakeOptions, ingest_bytes
from sanctionwatch.ledger.append import append_many
from sanctionwatch.ledger.verify import verify
from sanctionwatch.store.blobs import BlobStore
from sanctionwatch.store.db import get_engine, transaction

DOCS = [
    b"Sample report A: a tanker was seen alongside another vessel at night.",
    b"Sample report B: a shipment of machine parts left the port in March.",
    b"Musterbericht C: Ein Frachter meldete einen falschen Zielhafen.",
]


@dataclass
class Workspace:
    settings: Settings
    engine: Engine
    items: list[tuple[str, str, int]]  # (item id, sha256, intake seq)


@pytest.fixture
def ws(settings: Settings) -> Workspace:
    engine = get_engine(settings)
    opts = IntakeOptions(originator="KR", caveat="members").validated()
    for i, data in enumerate(DOCS):
        ingest_bytes(settings, engine, f"doc{i}.txt", data, opts)
    ingest_bytes(settings, engine, "again.txt", DOCS[0], opts)  # a re-intake
    with transaction(engine) as session:
        append_many(session, [("test.decision", {"n": i}, f"d{i}") for i in range(6)])
    with engine.connect() as conn:
        items = [(r[0], r[1], int(r[2])) for r in conn.execute(
            text("SELECT id, sha256, ledger_seq FROM evidence_item ORDER BY ledger_seq"))]
    assert len(items) == 3
    return Workspace(settings, engine, items)


def run(ws: Workspace, chunk_level: int = 12) -> list[str]:
    report = verify(ws.engine, ws.settings, chunk_level=chunk_level)
    return [str(p) for p in report.problems]


def update(ws: Workspace, sql: str, **params: object) -> None:
    with ws.engine.begin() as conn:
        conn.execute(text(sql), params)


def flipped(data: bytes, i: int) -> bytes:
    return data[:i] + bytes([data[i] ^ 0x01]) + data[i + 1 :]


def test_untouched_workspace_verifies(ws: Workspace) -> None:
    report = verify(ws.engine, ws.settings)
    assert report.ok, report.problems
    assert report.size == 4 + 6 and report.items == 3 and report.nodes > 0
    # small chunks exercise the path that checks nodes above one chunk
    assert run(ws, chunk_level=1) == []


def test_every_byte_of_an_entry(ws: Workspace) -> None:
    seq = ws.items[1][2]
    with ws.engine.connect() as conn:
        original = bytes(conn.execute(text("SELECT entry FROM ledger_entry WHERE seq = :s"),
                                      {"s": seq}).scalar_one())
    for i in range(len(original)):
        update(ws, "UPDATE ledger_entry SET entry = :e WHERE seq = :s", e=flipped(original, i),
               s=seq)
        problems = run(ws)
        assert any(p.startswith(f"ledger_entry {seq}:") for p in problems), (i, problems)
    update(ws, "UPDATE ledger_entry SET entry = :e WHERE seq = :s", e=original, s=seq)
    assert run(ws) == []


def test_every_byte_of_leaf_and_node_hashes(ws: Workspace) -> None:
    with ws.engine.connect() as conn:
        leaf = bytes(conn.execute(text("SELECT leaf_hash FROM ledger_entry WHERE seq = 5"))
                     .scalar_one())
        node = bytes(conn.execute(text("SELECT hash FROM ledger_node WHERE level = 2 AND idx = 1"))
                     .scalar_one())
    for i in range(32):
        update(ws, "UPDATE ledger_entry SET leaf_hash = :h WHERE seq = 5", h=flipped(leaf, i))
        assert "ledger_entry 5: stored leaf hash does not match the entry bytes" in run(ws)
        update(ws, "UPDATE ledger_entry SET leaf_hash = :h WHERE seq = 5", h=leaf)
        update(ws, "UPDATE ledger_node SET hash = :h WHERE level = 2 AND idx = 1",
               h=flipped(node, i))
        assert run(ws) == ["ledger_node (2, 1): stored node hash is wrong"]
        update(ws, "UPDATE ledger_node SET hash = :h WHERE level = 2 AND idx = 1", h=node)
    assert run(ws) == []


def test_every_byte_of_a_blob(ws: Workspace) -> None:
    item_id, sha, _ = ws.items[0]
    path = BlobStore(ws.settings.blob_dir).path(sha)
    original = path.read_bytes()
    for i in range(len(original)):
        path.write_bytes(flipped(original, i))
        assert any(p.startswith(f"evidence_item {item_id}:") and "altered" in p
                   for p in run(ws)), i
    path.write_bytes(original + b"\n")
    assert any("altered" in p for p in run(ws))
    path.unlink()
    assert any("missing from the blob store" in p for p in run(ws))
    path.write_bytes(original)
    assert run(ws) == []


def test_every_byte_of_a_text(ws: Workspace) -> None:
    item_id = ws.items[2][0]
    with ws.engine.connect() as conn:
        original = conn.execute(text("SELECT text FROM evidence_item WHERE id = :i"),
                                {"i": item_id}).scalar_one()
    raw = original.encode("utf-8")
    for i in range(len(raw)):
        changed = flipped(raw, i).decode("utf-8", errors="replace")
        update(ws, "UPDATE evidence_item SET text = :t WHERE id = :i", t=changed, i=item_id)
        assert f"evidence_item {item_id}: extracted text does not hash to text_sha256" in run(ws)
    update(ws, "UPDATE evidence_item SET text = :t WHERE id = :i", t=original, i=item_id)
    assert run(ws) == []


def test_item_row_must_match_its_intake_entry(ws: Workspace) -> None:
    item_id = ws.items[0][0]
    update(ws, "UPDATE evidence_item SET originator = 'US' WHERE id = :i", i=item_id)
    assert run(ws) == [f"evidence_item {item_id}: field 'meta' differs from its ledger entry "
                       f"{ws.items[0][2]}"]
    update(ws, "UPDATE evidence_item SET originator = 'KR', size = size + 1 WHERE id = :i",
           i=item_id)
    problems = run(ws)
    assert any("blob size" in p for p in problems)
    assert any("field 'size'" in p for p in problems)


def test_every_problem_is_reported(ws: Workspace, tmp_path: Path) -> None:
    (a, sha_a, seq_a), (b, _, _), (c, _, _) = ws.items
    BlobStore(ws.settings.blob_dir).path(sha_a).write_bytes(b"replaced")
    update(ws, "UPDATE evidence_item SET text = 'x' WHERE id = :i", i=b)
    update(ws, "UPDATE ledger_entry SET entry = :e WHERE seq = 8", e=b'{"kind":"test.decision"}')
    update(ws, "DELETE FROM ledger_node WHERE level = 1 AND idx = 0")
    update(ws, "INSERT INTO ledger_node (level, idx, hash) VALUES (3, 7, :h)", h=b"\x00" * 32)
    update(ws, "UPDATE intake_record SET ledger_seq = 99 WHERE evidence_id = :i", i=c)
    problems = run(ws)
    assert f"evidence_item {a}: blob {sha_a} has been altered" in " ".join(problems)
    assert f"evidence_item {b}: extracted text does not hash to text_sha256" in problems
    assert "ledger_entry 8: stored leaf hash does not match the entry bytes" in problems
    assert "ledger_node (1, 0): node is missing from the cache" in problems
    assert "ledger_node level 3: 1 node(s) outside a tree of 10" in problems
    assert any(p.startswith("intake_record") and "99" in p for p in problems)


def test_gap_in_numbering(ws: Workspace) -> None:
    update(ws, "DELETE FROM ledger_entry WHERE seq = 9")
    update(ws, "UPDATE ledger_entry SET seq = 11 WHERE seq = 8")
    problems = run(ws)
    assert "ledger_entry 11: entry numbering jumps from 7 to 11" in problems
