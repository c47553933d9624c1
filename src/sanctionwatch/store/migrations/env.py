"""Alembic environment: runs on the connection handed over by sanctionwatch.store.db."""

from __future__ import annotations

from alembic import context

from sanctionwatch.store.registry import metadata

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only through `alembic` CLI, which we do not use
    raise RuntimeError("run migrations with `sanctionwatch db upgrade`")

context.configure(
    connection=connection,
    target_metadata=metadata(),
    render_as_batch=connection.dialect.name == "sqlite",
    transaction_per_migration=False,
)
with context.begin_transaction():
    context.run_migrations()
