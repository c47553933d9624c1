"""Designation lists: versions, entities, changes.

Revision ID: lists_0001
Revises: 0001_core
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "lists_0001"
down_revision = "0001_core"
branch_labels = ("lists",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "list_version",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("dataset", sa.String(100), nullable=False),
        sa.Column("source_format", sa.String(20), nullable=False),
        sa.Column("generated", sa.String(40)),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("filename", sa.String(500), nullable=False),
        sa.Column("entity_count", sa.Integer, nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ledger_seq", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_list_version_dataset", "list_version", ["dataset"])
    op.create_table(
        "list_entity",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "version_id",
            sa.Integer,
            sa.ForeignKey("list_version.id", name="fk_list_entity_version_id_list_version"),
            nullable=False,
        ),
        sa.Column("entity_id", sa.String(200), nullable=False),
        sa.Column("schema", sa.String(50), nullable=False),
        sa.Column("caption", sa.String(500), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.UniqueConstraint("version_id", "entity_id", name="uq_list_entity_ver_ent"),
    )
    op.create_index("ix_list_entity_version_id", "list_entity", ["version_id"])
    op.create_index("ix_list_entity_entity_id", "list_entity", ["entity_id"])
    op.create_table(
        "list_change",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "version_id",
            sa.Integer,
            sa.ForeignKey("list_version.id", name="fk_list_change_version_id_list_version"),
            nullable=False,
        ),
        sa.Column("entity_id", sa.String(200), nullable=False),
        sa.Column("change", sa.String(10), nullable=False),
        sa.Column("caption", sa.String(500), nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
    )
    op.create_index("ix_list_change_version_id", "list_change", ["version_id"])


def downgrade() -> None:
    op.drop_table("list_change")
    op.drop_table("list_entity")
    op.drop_table("list_version")
