"""Ledger: cache of complete-subtree hashes (``ledger_node``), back-filled from entries.

Revision ID: ledger_0001
Revises: 0001_core
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "ledger_0001"
down_revision = "0001_core"
branch_labels = ("ledger",)
depends_on = None


def upgrade() -> None:
    node = op.create_table(
        "ledger_node",
        sa.Column("level", sa.SmallInteger, primary_key=True, autoincrement=False),
        sa.Column("idx", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("hash", sa.LargeBinary(32), nullable=False),
    )
    # Entries written before this table existed: compute their nodes once.
    from sanctionwatch.ledger.nodes import nodes_for_leaves

    bind = op.get_bind()
    query = sa.text("SELECT leaf_hash FROM ledger_entry ORDER BY seq")
    leaves = [bytes(r[0]) for r in bind.execute(query)]
    rows = [{"level": lv, "idx": ix, "hash": h} for lv, ix, h in nodes_for_leaves(leaves)]
    if rows:
        op.bulk_insert(node, rows)


def downgrade() -> None:
    op.drop_table("ledger_node")
