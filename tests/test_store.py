"""Migrations run on both backends and produce the same tables."""

from __future__ import annotations

from sqlalchemy import inspect

from sanctionwatch.config import Settings
from sanctionwatch.store.db import current_heads, get_engine, script_heads


def test_new_workspace_is_migrated(settings: Settings) -> None:
    engine = get_engine(settings)
    assert current_heads(engine) == script_heads()
    tables = set(inspect(engine).get_table_names())
    assert {"evidence_item", "intake_record", "ledger_entry"} <= tables
