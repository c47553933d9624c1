"""Maritime tables: AIS batches (one per AIS evidence item) and manual sightings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, DateTime, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sanctionwatch.store.base import Base


class AisBatch(Base):
    """What was taken from one AIS file (an evidence item): counts and time span.

    Inserted inside the evidence item's intake transaction.
    """

    __tablename__ = "maritime_ais_batch"

    evidence_id: Mapped[str] = mapped_column(ForeignKey("evidence_item.id"), primary_key=True)
    format: Mapped[str] = mapped_column(String(16))
    read: Mapped[int] = mapped_column(BigInteger)
    positions: Mapped[int] = mapped_column(BigInteger)
    statics: Mapped[int] = mapped_column(BigInteger)
    rejected: Mapped[str] = mapped_column(Text)  # canonical JSON {reason: count}
    first_t: Mapped[int | None] = mapped_column(BigInteger)
    last_t: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Sighting(Base):
    """A vessel seen without AIS (imagery, a member state's report), citing its evidence."""

    __tablename__ = "maritime_sighting"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    vessel: Mapped[str] = mapped_column(String(200), index=True)
    imo: Mapped[str | None] = mapped_column(String(7), index=True)
    mmsi: Mapped[int | None] = mapped_column(BigInteger, index=True)
    place: Mapped[str | None] = mapped_column(String(200))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    observed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    observation: Mapped[str] = mapped_column(Text)
    evidence_id: Mapped[str] = mapped_column(ForeignKey("evidence_item.id"), index=True)
    ledger_seq: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
