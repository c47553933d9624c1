"""Core tables: evidence items, their intake records, and the ledger's entries.

Tables of later areas (access, lists, findings, maritime) live in their own
``models`` modules and are registered in :mod:`sanctionwatch.store.registry`.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from sanctionwatch.store.base import Base


class EvidenceItem(Base):
    """One evidence item: original bytes (in the blob store), text and protective caveats.

    Rows are never updated after insert; a correction is a new item or ledger event.
    """

    __tablename__ = "evidence_item"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    size: Mapped[int] = mapped_column(BigInteger)
    media_type: Mapped[str] = mapped_column(String(100))
    filename: Mapped[str] = mapped_column(String(500))
    text: Mapped[str] = mapped_column(Text)
    text_sha256: Mapped[str] = mapped_column(String(64))
    language: Mapped[str | None] = mapped_column(String(8))
    originator: Mapped[str] = mapped_column(String(100), index=True)
    caveat: Mapped[str] = mapped_column(String(200))
    originator_caveat: Mapped[str] = mapped_column(String(200))
    source_url: Mapped[str | None] = mapped_column(String(2000))
    reliability: Mapped[str | None] = mapped_column(String(1))
    credibility: Mapped[int | None] = mapped_column(Integer)
    collected_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    collector: Mapped[str] = mapped_column(String(200))
    method: Mapped[str] = mapped_column(String(200))
    doc_date: Mapped[str | None] = mapped_column(String(10))
    meta_salt: Mapped[str] = mapped_column(String(64))
    ledger_seq: Mapped[int] = mapped_column(BigInteger)


class IntakeRecord(Base):
    """Each time an item was received (Berkeley Protocol collection record)."""

    __tablename__ = "intake_record"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    evidence_id: Mapped[str] = mapped_column(ForeignKey("evidence_item.id"), index=True)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    originator: Mapped[str] = mapped_column(String(100))
    collector: Mapped[str] = mapped_column(String(200))
    method: Mapped[str] = mapped_column(String(200))
    source_url: Mapped[str | None] = mapped_column(String(2000))
    path: Mapped[str] = mapped_column(String(2000))
    ledger_seq: Mapped[int] = mapped_column(BigInteger)


class LedgerEntry(Base):
    """One leaf of the append-only Merkle log (RFC 6962). ``seq`` is the leaf index."""

    __tablename__ = "ledger_entry"

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    kind: Mapped[str] = mapped_column(String(64), index=True)
    subject: Mapped[str | None] = mapped_column(String(200), index=True)
    entry: Mapped[bytes] = mapped_column(LargeBinary)
    leaf_hash: Mapped[bytes] = mapped_column(LargeBinary(32))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class IncidentRecord(Base):
    """An incident extracted from (or recorded against) one evidence item.

    It inherits the caveats of its evidence item at creation; a release decision by a
    coordinator may later relax what a given audience sees (recorded elsewhere, ledgered).
    """

    __tablename__ = "incident"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    evidence_id: Mapped[str] = mapped_column(ForeignKey("evidence_item.id"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String(40), index=True)
    from_country: Mapped[str | None] = mapped_column(String(2), index=True)
    to_country: Mapped[str | None] = mapped_column(String(2), index=True)
    item: Mapped[str | None] = mapped_column(String(300))
    category: Mapped[str | None] = mapped_column(String(80))
    quantity: Mapped[float | None] = mapped_column(Float)
    quantity_max: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(40))
    when: Mapped[str | None] = mapped_column(String(10))
    stance: Mapped[str] = mapped_column(String(10))
    attribution: Mapped[str | None] = mapped_column(String(300))
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)
    sentence: Mapped[str | None] = mapped_column(Text)
    extra: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    caveat: Mapped[str] = mapped_column(String(200))
    originator_caveat: Mapped[str] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    ledger_seq: Mapped[int] = mapped_column(BigInteger)
