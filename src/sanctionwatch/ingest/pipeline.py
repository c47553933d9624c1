"""The intake pipeline: one evidence item per file, stored atomically with its ledger entry.

Order of work for one file: read and check limits → extract text → detect language →
write the original bytes to the blob store (atomic rename; harmless if the process dies
after it) → one database transaction that inserts the item, its collection record and
its ledger entry (and, where an extractor hook is set, the incidents found in it).
Either the whole transaction is committed or nothing of it is.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from sanctionwatch.access.caveats import Caveat
from sanctionwatch.access.guard import system_scope
from sanctionwatch.config import Settings
from sanctionwatch.ingest.commitment import meta_commitment
from sanctionwatch.ingest.errors import IngestError
from sanctionwatch.ingest.formats import to_text
from sanctionwatch.ingest.language import detect_language
from sanctionwatch.ingest.originators import normalise_originator
from sanctionwatch.ledger.append import append, lock_ledger
from sanctionwatch.store.blobs import BlobStore
from sanctionwatch.store.db import transaction
from sanctionwatch.store.models import EvidenceItem, IntakeRecord
from sanctionwatch.timeutil import now_utc

RELIABILITY = "ABCDEF"

# Called inside the intake transaction for a new item; stores derived records
# (incidents) and returns how many it stored.
DerivedHook = Callable[[Session, EvidenceItem], int]


@dataclass(frozen=True)
class IntakeOptions:
    originator: str
    caveat: str
    originator_caveat: str = "originator"
    source_url: str | None = None
    reliability: str | None = None
    credibility: int | None = None
    collected_at: datetime | None = None
    collector: str = "sanctionwatch"
    method: str = "file intake"

    def validated(self) -> IntakeOptions:
        """Checked, normalised options; ValueError names the bad option."""
        rel = self.reliability.upper() if self.reliability else None
        if rel is not None and (len(rel) != 1 or rel not in RELIABILITY):
            raise ValueError(f"reliability must be one of A–F, got {self.reliability!r}")
        if self.credibility is not None and not 1 <= self.credibility <= 6:
            raise ValueError(f"credibility must be 1–6, got {self.credibility}")
        return IntakeOptions(
            originator=normalise_originator(self.originator),
            caveat=str(Caveat.parse(self.caveat)),
            originator_caveat=str(Caveat.parse(self.originator_caveat)),
            source_url=self.source_url,
            reliability=rel,
            credibility=self.credibility,
            collected_at=self.collected_at,
            collector=self.collector,
            method=self.method,
        )


@dataclass(frozen=True)
class IntakeResult:
    path: str
    status: str  # "stored" | "duplicate" | "failed"
    item_id: str | None = None
    sha256: str | None = None
    language: str | None = None
    incidents: int = 0
    error: str | None = None


@dataclass
class IntakeReport:
    results: list[IntakeResult] = field(default_factory=list)

    @property
    def failed(self) -> list[IntakeResult]:
        return [r for r in self.results if r.status == "failed"]


def item_id_for(sha256: str) -> str:
    return "ev-" + sha256[:20]


def expand_paths(paths: Iterable[str | Path]) -> Iterator[tuple[str, Path | None, str | None]]:
    """Files to take in: directories recursively (sorted); missing paths as errors."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for sub in sorted(x for x in p.rglob("*") if x.is_file()):
                if not any(part.startswith(".") for part in sub.relative_to(p).parts):
                    yield str(sub), sub, None
        elif p.is_file():
            yield str(p), p, None
        elif p.exists():
            yield str(p), None, "not a regular file"
        else:
            yield str(p), None, "no such file or directory"


def read_limited(path: Path, limit: int) -> bytes:
    size = path.stat().st_size
    if size > limit:
        raise IngestError(f"file is {size} bytes, above the limit of {limit} bytes "
                          "(SANCTIONWATCH_MAX_FILE_BYTES)")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise IngestError(f"unreadable: {exc.strerror or exc}") from exc


def ingest_bytes(
    settings: Settings,
    engine: Engine,
    name: str,
    data: bytes,
    options: IntakeOptions,
    *,
    path: str | None = None,
    media_type: str | None = None,
    text: str | None = None,
    derived: DerivedHook | None = None,
) -> IntakeResult:
    """Take in one item. ``options`` must be validated. Raises IngestError on bad input.

    ``media_type``/``text`` may be given by callers that know them (e.g. AIS files,
    whose "text" is a summary); otherwise they come from the bytes.
    """
    if len(data) > settings.max_file_bytes:
        raise IngestError(f"{len(data)} bytes is above the limit of {settings.max_file_bytes}")
    if text is None:
        extracted = to_text(name, data)
        media_type, text = extracted.media_type, extracted.text
    if len(text) > settings.max_text_chars:
        raise IngestError(f"extracted text has {len(text)} characters, above the limit of "
                          f"{settings.max_text_chars} (SANCTIONWATCH_MAX_TEXT_CHARS)")
    language = detect_language(text)
    sha = BlobStore(settings.blob_dir).put(data)
    now = now_utc()
    with transaction(engine) as session:
        lock_ledger(session)
        with system_scope("intake duplicate check"):
            existing = session.execute(
                select(EvidenceItem.id).where(EvidenceItem.sha256 == sha)
            ).scalar()
        item_id = existing or item_id_for(sha)
        if existing:
            entry = append(session, "evidence.reintake", {"item": item_id}, subject=item_id,
                           at=now)
            status, n_derived = "duplicate", 0
        else:
            item = EvidenceItem(
                id=item_id, sha256=sha, size=len(data), media_type=media_type or "text/plain",
                filename=Path(name).name[:500], text=text,
                text_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                language=language, originator=options.originator, caveat=options.caveat,
                originator_caveat=options.originator_caveat, source_url=options.source_url,
                reliability=options.reliability, credibility=options.credibility,
                collected_at=options.collected_at or now, ingested_at=now,
                collector=options.collector, method=options.method, doc_date=None,
                meta_salt=secrets.token_hex(16), ledger_seq=-1,
            )
            entry = append(
                session, "evidence.intake",
                {"item": item_id, "sha256": sha, "size": len(data),
                 "text_sha256": item.text_sha256, "meta": meta_commitment(item)},
                subject=item_id, at=now,
            )
            item.ledger_seq = entry.seq
            session.add(item)
            session.flush()
            n_derived = derived(session, item) if derived else 0
            status = "stored"
        session.add(IntakeRecord(
            evidence_id=item_id, received_at=now, originator=options.originator,
            collector=options.collector, method=options.method,
            source_url=options.source_url, path=(path or name)[:2000], ledger_seq=entry.seq,
        ))
    return IntakeResult(path=path or name, status=status, item_id=item_id, sha256=sha,
                        language=language, incidents=n_derived)


def ingest_paths(
    settings: Settings,
    engine: Engine,
    paths: Iterable[str | Path],
    options: IntakeOptions,
    *,
    derived: DerivedHook | None = None,
    on_result: Callable[[IntakeResult], None] | None = None,
) -> IntakeReport:
    """Take in files and directories; a bad file is reported and the others continue."""
    report = IntakeReport()
    for shown, path, problem in expand_paths(paths):
        if path is None:
            result = IntakeResult(path=shown, status="failed", error=problem)
        else:
            try:
                data = read_limited(path, settings.max_file_bytes)
                result = ingest_bytes(settings, engine, path.name, data, options,
                                      path=os.fspath(path), derived=derived)
            except IngestError as exc:
                result = IntakeResult(path=shown, status="failed", error=str(exc))
        report.results.append(result)
        if on_result:
            on_result(result)
    return report
