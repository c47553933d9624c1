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

Memory stays bounded: leaves stream past once; rebuilt nodes are compared in batches.
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
from sanctionwatch.ledger.merkle import EMPTY_ROOT, node_hash
from sanctionwatch.ledger.nodes import ENTRY, NODE, NodeBuilder
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

    ``progress`` (if given) is called once per ``PROGRESS_STEP`` entries read; recomputed
    nodes are compared with the stored ones every ``2**chunk_level`` leaves.
    """
    report = VerifyReport()
    with session_factory(engine)() as session, session.begin():
        nodes = _NodeChecker(session, report, 1 << chunk_level)
        for leaf in _check_entries(session, report, progress):
            nodes.add(leaf)
        nodes.finish()
        with system_scope("ledger verify: recompute hashes, show no content"):
            _check_evidence(session, settings, report)
    return report


# --- entries ------------------------------------------------------------------------


def _check_entries(session: Session, report: VerifyReport,
                   progress: Callable[[object], None] | None = None) -> Iterator[bytes]:
    """Check every entry, yielding the stored leaf hashes in order."""
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
        if progress is not None and report.entries % PROGRESS_STEP == 0:
            progress(None)
        yield stored_hash


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


class _NodeChecker:
    """Rebuilds every complete subtree from the leaf hashes as they stream past and
    compares each batch of rebuilt nodes with the stored ones (memory: one batch)."""

    def __init__(self, session: Session, report: VerifyReport, batch: int) -> None:
        self.session, self.report, self.batch = session, report, batch
        self.builder = NodeBuilder(0, {})
        self.made: list[tuple[int, int, bytes]] = []

    def add(self, leaf: bytes) -> None:
        self.builder.add(leaf, self.made)
        if self.builder.size % self.batch == 0:
            self._flush()

    def _flush(self) -> None:
        by_level: dict[int, list[tuple[int, bytes]]] = {}
        for level, ix, h in self.made:  # per level: consecutive indices, in order
            by_level.setdefault(level, []).append((ix, h))
        for level, made in sorted(by_level.items()):
            self._compare(level, made[0][0], [h for _, h in made])
        self.made.clear()

    def _compare(self, level: int, first: int, computed: list[bytes]) -> None:
        rows = self.session.execute(
            select(NODE.c.idx, NODE.c.hash).where(
                NODE.c.level == level, NODE.c.idx >= first, NODE.c.idx < first + len(computed)
            )
        )
        stored = {int(ix): bytes(h) for ix, h in rows}
        for offset, value in enumerate(computed):
            ix = first + offset
            have = stored.get(ix)
            if have is None:
                self.report.add(f"ledger_node ({level}, {ix})", "node is missing from the cache")
            elif have != value:
                self.report.add(f"ledger_node ({level}, {ix})", "stored node hash is wrong")
        self.report.nodes += len(stored)

    def finish(self) -> None:
        self._flush()
        size = self.report.size = self.builder.size
        for level, beyond in _nodes_beyond(self.session, size):
            self.report.add(f"ledger_node level {level}",
                            f"{beyond} node(s) outside a tree of {size}")
        if size:
            # the frontier (largest subtree first), folded from the right, is the root
            parts = [h for _, h in sorted(self.builder.pending.items(), reverse=True)]
            acc = parts[-1]
            for part in reversed(parts[:-1]):
                acc = node_hash(part, acc)
            self.report.root = acc.hex()


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
