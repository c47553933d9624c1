"""Helpers shared by the benchmark scripts."""

from __future__ import annotations

import uuid


def fresh_pg_schema(base: str) -> str:
    """A new, empty schema on the PostgreSQL server at ``base``; a URL that uses only it."""
    import psycopg

    schema = "bench_" + uuid.uuid4().hex[:10]
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    return f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"
