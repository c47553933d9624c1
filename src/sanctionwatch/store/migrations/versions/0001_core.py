"""Core tables: evidence items, intake records, ledger entries.

Revision ID: 0001_core
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_core"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "evidence_item",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("media_type", sa.String(100), nullable=False),
        sa.Column("filename", sa.String(500), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("text_sha256", sa.String(64), nullable=False),
        sa.Column("language", sa.String(8)),
        sa.Column("originator", sa.String(100), nullable=False),
        sa.Column("caveat", sa.String(200), nullable=False),
        sa.Column("originator_caveat", sa.String(200), nullable=False),
        sa.Column("source_url", sa.String(2000)),
        sa.Column("reliability", sa.String(1)),
        sa.Column("credibility", sa.Integer),
        sa.Column("collected_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("collector", sa.String(200), nullable=False),
        sa.Column("method", sa.String(200), nullable=False),
        sa.Column("doc_date", sa.String(10)),
        sa.Column("meta_salt", sa.String(64), nullable=False),
        sa.Column("ledger_seq", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_evidence_item_sha256", "evidence_item", ["sha256"], unique=True)
    op.create_index("ix_evidence_item_originator", "evidence_item", ["originator"])
    op.create_table(
        "intake_record",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("evidence_id", sa.String(32), sa.ForeignKey("evidence_item.id"), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("originator", sa.String(100), nullable=False),
        sa.Column("collector", sa.String(200), nullable=False),
        sa.Column("method", sa.String(200), nullable=False),
        sa.Column("source_url", sa.String(2000)),
        sa.Column("path", sa.String(2000), nullable=False),
        sa.Column("ledger_seq", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_intake_record_evidence_id", "intake_record", ["evidence_id"])
    op.create_table(
        "ledger_entry",
        sa.Column("seq", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("subject", sa.String(200)),
        sa.Column("entry", sa.LargeBinary, nullable=False),
        sa.Column("leaf_hash", sa.LargeBinary(32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_ledger_entry_kind", "ledger_entry", ["kind"])
    op.create_index("ix_ledger_entry_subject", "ledger_entry", ["subject"])
    op.create_table(
        "incident",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("evidence_id", sa.String(32), sa.ForeignKey("evidence_item.id"), nullable=False),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("type", sa.String(40), nullable=False),
        sa.Column("from_country", sa.String(2)),
        sa.Column("to_country", sa.String(2)),
        sa.Column("item", sa.String(300)),
        sa.Column("category", sa.String(80)),
        sa.Column("quantity", sa.Float),
        sa.Column("quantity_max", sa.Float),
        sa.Column("unit", sa.String(40)),
        sa.Column("when", sa.String(10)),
        sa.Column("stance", sa.String(10), nullable=False),
        sa.Column("attribution", sa.String(300)),
        sa.Column("span_start", sa.Integer),
        sa.Column("span_end", sa.Integer),
        sa.Column("sentence", sa.Text),
        sa.Column("extra", sa.JSON, nullable=False),
        sa.Column("caveat", sa.String(200), nullable=False),
        sa.Column("originator_caveat", sa.String(200), nullable=False),
        sa.Column("source", sa.String(40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ledger_seq", sa.BigInteger, nullable=False),
    )
    for col in ("evidence_id", "type", "from_country", "to_country"):
        op.create_index(f"ix_incident_{col}", "incident", [col])


def downgrade() -> None:
    op.drop_table("incident")
    op.drop_table("intake_record")
    op.drop_table("evidence_item")
    op.drop_table("ledger_entry")
