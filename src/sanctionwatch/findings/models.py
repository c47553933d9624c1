"""Tables of the findings workflow: findings, members, analyst actions, letters."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sanctionwatch.access.guard import protect_table
from sanctionwatch.store.base import Base


class FindingRecord(Base):
    """A finding: incidents judged to be about one event, and how their sources counted."""

    __tablename__ = "finding"

    id: Mapped[str] = mapped_column(String(16), primary_key=True)
    type: Mapped[str] = mapped_column(String(40), index=True)
    from_country: Mapped[str | None] = mapped_column(String(2))
    to_country: Mapped[str | None] = mapped_column(String(2))
    subject: Mapped[str] = mapped_column(String(300))
    theme: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(16), index=True)
    period_start: Mapped[str | None] = mapped_column(String(10))
    period_end: Mapped[str | None] = mapped_column(String(10))
    independent: Mapped[int] = mapped_column(Integer)
    counting: Mapped[dict[str, Any]] = mapped_column(JSON)
    quantities: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    override_reason: Mapped[str | None] = mapped_column(Text)
    merged_into: Mapped[str | None] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    ledger_seq: Mapped[int] = mapped_column(BigInteger)


class FindingMember(Base):
    """An incident belongs to at most one finding at a time."""

    __tablename__ = "finding_member"

    incident_id: Mapped[str] = mapped_column(ForeignKey("incident.id"), primary_key=True)
    finding_id: Mapped[str] = mapped_column(ForeignKey("finding.id"), index=True)
    added_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    added_by: Mapped[str] = mapped_column(String(100))


class FindingAction(Base):
    """An analyst's action on a finding, with who, when and why (also ledgered)."""

    __tablename__ = "finding_action"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    finding_id: Mapped[str] = mapped_column(ForeignKey("finding.id"), index=True)
    action: Mapped[str] = mapped_column(String(20))
    actor: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    reason: Mapped[str] = mapped_column(Text)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON)
    ledger_seq: Mapped[int] = mapped_column(BigInteger)


class FindingLetter(Base):
    """A right-of-reply letter to a named state or entity, and its reply if any."""

    __tablename__ = "finding_letter"

    id: Mapped[str] = mapped_column(String(20), primary_key=True)
    finding_id: Mapped[str] = mapped_column(ForeignKey("finding.id"), index=True)
    addressee: Mapped[str] = mapped_column(String(200))
    addressee_kind: Mapped[str] = mapped_column(String(10))
    sent_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    deadline: Mapped[str] = mapped_column(String(10))
    sent_by: Mapped[str] = mapped_column(String(100))
    reply_text: Mapped[str | None] = mapped_column(Text)
    replied_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    ledger_seq: Mapped[int] = mapped_column(BigInteger)


for _table in ("finding", "finding_member", "finding_action", "finding_letter"):
    protect_table(_table)
