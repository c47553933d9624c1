"""`ledger verify`: recompute everything from what is stored and report every mismatch.

Checked, without trusting any stored hash:

* every ledger entry: numbering without gaps, leaf hash = H(0x00 ‖ entry), the entry is
  canonical JSON whose ``kind`` matches its row;
* the node cache: every complete-subtree hash recomputed from the stored leaf hashes,
  none missing, none beyond the tree;
* every evidence item: its blob is present and hashes to the item's SHA-256 and size, its
  text hashes to ``text_sha256``, and its intake entry in the ledger records the same
  item, hashes, size and metadata commitment;
* every intake record points at an existing ledger entry.

Memory stays bounded: leaves are streamed in aligned chunks of ``2**chunk_level``.
"""

from __future__ import annotations

import hashlib
import importlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from sanctionwatch.access.guard import system_scope
from sanctionwatch.config import Settings
from sanctionwatch.ledger.canonical import canonical_json
from sanctionwatch.ledger.merkle import EMPTY_ROOT, node_hash, range_hash
from sanctionwatch.ledger.nodes import ENTRY, NODE
from sanctionwatch.ledger.verify_proof import leaf_hash
from sanctionwatch.store.db import session_factory
from sanctionwatch.store.models import EvidenceItem, IntakeRecord

INTAKE_KIND = "evidence.intake"
INTAKE_KINDS = (INTAKE_KIND, "evidence.reintake")
DEFAULT_CHUNK_LEVEL = 12
PROGRESS_STEP = 5000  # entries per call of the progress callback


@dataclass(frozen=True)
class Problem:
    location: str  # e.g. "ledger_entry 12", "ledger_node (3, 5)", "evidence_item ab12…"
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


@dataclass
class VerifyReport:
    size: int = 0
    root: str = EMPTY_ROOT.hex()
    entries: int = 0
    nodes: int = 0
    items: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def add(self, location: str, message: str) -> None:
        self.problems.append(Problem(location, message))

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok, "size": self.size, "root": self.root, "entries": self.entries,
            "nodes": self.nodes, "items": self.items,
            "problems": [{"location": p.location, "message": p.message} for p in self.problems],
        }


def verify(engine: Engine, settings: Settings, *, chunk_level: int = DEFAULT_CHUNK_LEVEL,
           progress: Callable[[object], None] | None = None) -> VerifyReport:
    """Recompute the ledger, its node cache and the stored evidence; list every problem.

    ``progress`` (if given) is called once per ``PROGRESS_STEP`` entries read.
    """
    report = VerifyReport()
    with session_factory(engine)() as session, session.begin():
        leaves = _check_entries(session, report, progress)
        _check_nodes(session, report, leaves, chunk_level)
        with system_scope("ledger verify: recompute hashes, show no content"):
            _check_evidence(session, settings, report)
    return report


# --- entries ------------------------------------------------------------------------


def _check_entries(session: Session, report: VerifyReport,
                   progress: Callable[[object], None] | None = None) -> list[bytes]:
    """Check every entry; returns the stored leaf hashes in order (32 bytes each)."""
    leaves: list[bytes] = []
    expected = 0
    rows = session.execute(
        select(ENTRY.c.seq, ENTRY.c.kind, ENTRY.c.entry, ENTRY.c.leaf_hash)
        .order_by(ENTRY.c.seq).execution_options(yield_per=5000)
    )
    for seq, kind, entry, stored in rows:
        where = f"ledger_entry {seq}"
        if seq != expected:
            report.add(where, f"entry numbering jumps from {expected - 1} to {seq}")
            expected = seq
        expected += 1
        report.entries += 1
        data, stored_hash = bytes(entry), bytes(stored)
        if leaf_hash(data) != stored_hash:
            report.add(where, "stored leaf hash does not match the entry bytes")
        _check_entry_body(data, kind, where, report)
        leaves.append(stored_hash)
        if progress is not None and len(leaves) % PROGRESS_STEP == 0:
            progress(None)
    report.size = len(leaves)
    return leaves


def _check_entry_body(data: bytes, kind: str, where: str, report: VerifyReport) -> None:
    try:
        body = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        report.add(where, "entry is not valid UTF-8 JSON")
        return
    if not isinstance(body, dict):
        report.add(where, "entry is not a JSON object")
        return
    try:
        if canonical_json(body) != data:
            report.add(where, "entry is not in canonical JSON form")
    except ValueError as exc:
        report.add(where, f"entry is not canonical: {exc}")
    if body.get("kind") != kind:
        report.add(where, f"entry kind {body.get('kind')!r} differs from its row ({kind!r})")


# --- node cache -----------------------------------------------------------------------


def _stored_nodes(session: Session, level: int, lo: int, hi: int) -> dict[int, bytes]:
    rows = session.execute(
        select(NODE.c.idx, NODE.c.hash).where(
            NODE.c.level == level, NODE.c.idx >= lo, NODE.c.idx < hi
        )
    )
    return {int(ix): bytes(h) for ix, h in rows}


def _compare_level(session: Session, report: VerifyReport, level: int, first: int,
                   computed: list[bytes]) -> None:
    stored = _stored_nodes(session, level, first, first + len(computed))
    for offset, value in enumerate(computed):
        ix = first + offset
        have = stored.get(ix)
        if have is None:
            report.add(f"ledger_node ({level}, {ix})", "node is missing from the cache")
        elif have != value:
            report.add(f"ledger_node ({level}, {ix})", "stored node hash is wrong")
    report.nodes += len(stored)


def _pairs(layer: list[bytes]) -> list[bytes]:
    return [node_hash(layer[i], layer[i + 1]) for i in range(0, len(layer) - 1, 2)]


def _check_nodes(session: Session, report: VerifyReport, leaves: list[bytes],
                 chunk_level: int) -> None:
    size, chunk = len(leaves), 1 << chunk_level
    tops: list[bytes] = []  # root of every complete chunk
    for start in range(0, size, chunk):
        layer = leaves[start : start + chunk]
        for level in range(1, chunk_level + 1):
            layer = _pairs(layer)
            if not layer:
                break
            _compare_level(session, report, level, start >> level, layer)
        if len(layer) == 1 and (start + chunk) <= size:
            tops.append(layer[0])
    layer, level = tops, chunk_level
    while len(layer) > 1:
        layer, level = _pairs(layer), level + 1
        _compare_level(session, report, level, 0, layer)
    for level, beyond in _nodes_beyond(session, size):
        report.add(f"ledger_node level {level}", f"{beyond} node(s) outside a tree of {size}")
    if size:
        report.root = range_hash(0, size, _subtree_reader(leaves)).hex()


def _nodes_beyond(session: Session, size: int) -> Iterator[tuple[int, int]]:
    """(level, count) of stored nodes that no tree of ``size`` leaves contains."""
    levels = session.execute(select(NODE.c.level).distinct()).scalars().all()
    for level in sorted(int(lv) for lv in levels):
        where = NODE.c.level == level
        if level >= 1:
            where = where & (NODE.c.idx >= size >> level)
        count = session.execute(select(func.count()).select_from(NODE).where(where)).scalar_one()
        if count:
            yield level, int(count)


def _subtree_reader(leaves: list[bytes]) -> Callable[[int, int], bytes]:
    def sub(level: int, index: int) -> bytes:
        layer = leaves[index << level : (index + 1) << level]
        while len(layer) > 1:
            layer = _pairs(layer)
        return layer[0]

    return sub


# --- evidence -------------------------------------------------------------------------


def _meta_commitment() -> Callable[[Any], str] | None:
    try:
        module = importlib.import_module("sanctionwatch.ingest.commitment")
    except ImportError:
        return None
    fn = getattr(module, "meta_commitment", None)
    return fn if callable(fn) else None


def _blob_digest(settings: Settings, sha256: str) -> tuple[str, int] | None:
    from sanctionwatch.store.blobs import BlobStore

    path = BlobStore(settings.blob_dir).path(sha256)
    if not path.is_file():
        return None
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
            size += len(block)
    return digest.hexdigest(), size


def _entries_by_seq(session: Session, seqs: list[int]) -> dict[int, tuple[str, str | None, bytes]]:
    rows = session.execute(
        select(ENTRY.c.seq, ENTRY.c.kind, ENTRY.c.subject, ENTRY.c.entry).where(
            ENTRY.c.seq.in_(seqs)
        )
    )
    return {int(s): (k, subj, bytes(e)) for s, k, subj, e in rows}


def _check_evidence(session: Session, settings: Settings, report: VerifyReport) -> None:
    commitment = _meta_commitment()
    batch: list[EvidenceItem] = []
    for item in session.execute(
        select(EvidenceItem).order_by(EvidenceItem.id).execution_options(yield_per=500)
    ).scalars():
        batch.append(item)
        if len(batch) == 500:
            _check_items(session, settings, report, batch, commitment)
            batch = []
    _check_items(session, settings, report, batch, commitment)
    records = session.execute(
        select(IntakeRecord.id, IntakeRecord.evidence_id, IntakeRecord.ledger_seq)
    ).all()
    for start in range(0, len(records), 500):
        chunk = records[start : start + 500]
        entries = _entries_by_seq(session, [seq for _, _, seq in chunk])
        for rec_id, evidence_id, seq in chunk:
            found = entries.get(seq)
            where = f"intake_record {rec_id}"
            if found is None:
                report.add(where, f"points at ledger entry {seq}, which is not in the log")
            elif found[0] not in INTAKE_KINDS or _payload(found[2]).get("item") != evidence_id:
                report.add(where, f"ledger entry {seq} does not record intake of {evidence_id}")


def _payload(data: bytes) -> dict[str, Any]:
    try:
        body = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return {}
    return body if isinstance(body, dict) else {}


def _check_items(session: Session, settings: Settings, report: VerifyReport,
                 items: list[EvidenceItem], commitment: Callable[[Any], str] | None) -> None:
    entries = _entries_by_seq(session, [i.ledger_seq for i in items])
    for item in items:
        report.items += 1
        where = f"evidence_item {item.id}"
        blob = _blob_digest(settings, item.sha256)
        if blob is None:
            report.add(where, f"blob {item.sha256} is missing from the blob store")
        elif blob[0] != item.sha256:
            report.add(where, f"blob {item.sha256} has been altered (it hashes to {blob[0]})")
        elif blob[1] != item.size:
            report.add(where, f"blob size {blob[1]} differs from the recorded {item.size}")
        if hashlib.sha256(item.text.encode("utf-8")).hexdigest() != item.text_sha256:
            report.add(where, "extracted text does not hash to text_sha256")
        found = entries.get(item.ledger_seq)
        if found is None:
            report.add(where, f"intake ledger entry {item.ledger_seq} is missing")
            continue
        _check_intake_entry(item, found, where, report, commitment)


def _check_intake_entry(item: EvidenceItem, found: tuple[str, str | None, bytes], where: str,
                        report: VerifyReport, commitment: Callable[[Any], str] | None) -> None:
    kind, subject, data = found
    seq = item.ledger_seq
    if kind != INTAKE_KIND:
        report.add(where, f"ledger entry {seq} is a {kind!r}, not an intake")
        return
    if subject != item.id:
        report.add(where, f"ledger entry {seq} has subject {subject!r}")
    body = _payload(data)  # an unreadable entry is already reported as an entry problem
    expected: dict[str, Any] = {"item": item.id, "sha256": item.sha256, "size": item.size,
                                "text_sha256": item.text_sha256}
    if commitment is not None:
        expected["meta"] = commitment(item)
    for key, value in expected.items():
        if body.get(key) != value:
            report.add(where, f"field {key!r} differs from its ledger entry {seq}")
