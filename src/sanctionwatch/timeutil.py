"""UTC timestamps that survive a round trip through SQLite and PostgreSQL unchanged."""

from __future__ import annotations

from datetime import UTC, datetime


def utc(dt: datetime) -> datetime:
    """Aware UTC datetime; a naive value (as SQLite returns) is taken to be UTC."""
    return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt.astimezone(UTC)


def utc_iso(dt: datetime) -> str:
    """Canonical text form: ``YYYY-MM-DDTHH:MM:SS.ffffffZ``."""
    return utc(dt).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def now_utc() -> datetime:
    return datetime.now(UTC)


def parse_iso(text: str) -> datetime:
    """Parse ISO 8601; a value without a zone is UTC. Raises ValueError naming the input."""
    try:
        value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError as exc:
        raise ValueError(f"not an ISO 8601 date/time: {text!r}") from exc
    return utc(value)
