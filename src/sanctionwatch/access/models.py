"""Tables of the access layer: member states, users, API tokens, release decisions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sanctionwatch.store.base import Base


class MemberState(Base):
    __tablename__ = "member_state"

    code: Mapped[str] = mapped_column(String(2), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class User(Base):
    __tablename__ = "app_user"

    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    role: Mapped[str] = mapped_column(String(20))
    state: Mapped[str | None] = mapped_column(ForeignKey("member_state.code"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ApiToken(Base):
    __tablename__ = "api_token"

    id: Mapped[str] = mapped_column(String(24), primary_key=True)
    user: Mapped[str] = mapped_column(ForeignKey("app_user.name"), index=True)
    secret_hash: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ReleaseDecision(Base):
    """A coordinator's decision that something may be shown to a wider audience."""

    __tablename__ = "release_decision"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    subject: Mapped[str] = mapped_column(String(64), index=True)
    scope: Mapped[str] = mapped_column(String(20))  # "content" | "originator"
    caveat: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text)
    decided_by: Mapped[str] = mapped_column(String(100))
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    ledger_seq: Mapped[int] = mapped_column(Integer)


class WorkspaceSecret(Base):
    """Random per-workspace keys (e.g. the pseudonym key); never printed."""

    __tablename__ = "workspace_secret"

    name: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))
