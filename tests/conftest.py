"""Shared fixtures: workspaces on SQLite and PostgreSQL, the ../shared folder."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from sanctionwatch.config import Settings, load_settings

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SANCTIONWATCH_SHARED", REPO.parent / "shared"))
PG_BASE = os.environ.get(
    "SANCTIONWATCH_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test"
)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The read-only ../shared folder; tests that need it skip cleanly without it."""
    if not SHARED.is_dir():
        pytest.skip(f"../shared is absent ({SHARED}); skipping tests on real shared data")
    return SHARED


def _pg_available() -> str | None:
    try:
        import psycopg

        with psycopg.connect(PG_BASE, connect_timeout=3) as conn:
            conn.execute("SELECT 1")
        return None
    except Exception as exc:  # noqa: BLE001 - any failure means "no server"
        return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


@pytest.fixture(scope="session")
def pg_server() -> str:
    reason = _pg_available()
    if reason is not None:
        pytest.skip(f"PostgreSQL at {PG_BASE} does not answer ({reason}); skipping PG tests")
    return PG_BASE


def make_pg_schema_url(base: str) -> tuple[str, str]:
    """A fresh schema on the test server, and a URL whose connections use only it."""
    import psycopg

    schema = "sw_" + uuid.uuid4().hex[:12]
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}", schema


def drop_pg_schema(base: str, schema: str) -> None:
    import psycopg

    from sanctionwatch.store.db import _engine_for

    _engine_for.cache_clear()
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A PostgreSQL URL bound to a fresh, private schema (dropped afterwards)."""
    url, schema = make_pg_schema_url(pg_server)
    yield url
    drop_pg_schema(pg_server, schema)


@pytest.fixture
def sqlite_settings(tmp_path: Path) -> Settings:
    return load_settings({}, home=tmp_path / "ws")


@pytest.fixture(params=["sqlite", "postgresql"])
def settings(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Settings]:
    """Workspace settings on each real backend: SQLite, then PostgreSQL."""
    if request.param == "sqlite":
        yield load_settings({}, home=tmp_path / "ws")
        return
    base = request.getfixturevalue("pg_server")
    url, schema = make_pg_schema_url(base)
    try:
        yield load_settings({}, home=tmp_path / "ws", database_url=url)
    finally:
        drop_pg_schema(base, schema)
