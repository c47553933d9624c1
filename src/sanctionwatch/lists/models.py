"""Tables of designation lists: versions, their entities, and the changes between versions.

A dataset (``un_sc``, ``ftm:<name>``, ``vessels:<name>``) has a sequence of versions; the
newest is the current list. Entities are stored as FollowTheMoney JSON per version, so an
older version stays readable and ``lists diff`` can compare any two.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from sanctionwatch.store.base import Base


class ListVersion(Base):
    """One imported version of a dataset."""

    __tablename__ = "list_version"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    dataset: Mapped[str] = mapped_column(String(100), index=True)
    source_format: Mapped[str] = mapped_column(String(20))
    generated: Mapped[str | None] = mapped_column(String(40))
    sha256: Mapped[str] = mapped_column(String(64))
    filename: Mapped[str] = mapped_column(String(500))
    entity_count: Mapped[int] = mapped_column(Integer)
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    ledger_seq: Mapped[int] = mapped_column(BigInteger)


class ListEntity(Base):
    """One FollowTheMoney entity of a list version (JSON text, with a normalised digest)."""

    __tablename__ = "list_entity"
    __table_args__ = (UniqueConstraint("version_id", "entity_id", name="uq_list_entity_ver_ent"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("list_version.id"), index=True)
    entity_id: Mapped[str] = mapped_column(String(200), index=True)
    schema: Mapped[str] = mapped_column(String(50))
    caption: Mapped[str] = mapped_column(String(500))
    digest: Mapped[str] = mapped_column(String(64))
    data: Mapped[str] = mapped_column(Text)


class ListChange(Base):
    """An addition, removal or change of an entity between a version and its predecessor."""

    __tablename__ = "list_change"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("list_version.id"), index=True)
    entity_id: Mapped[str] = mapped_column(String(200))
    change: Mapped[str] = mapped_column(String(10))
    caption: Mapped[str] = mapped_column(String(500))
    detail: Mapped[str] = mapped_column(Text)
