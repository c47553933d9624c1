"""Maritime tables: AIS batches and manual sightings.

Revision ID: maritime_0001
Revises: 0001_core
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "maritime_0001"
down_revision = "0001_core"
branch_labels = ("maritime",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "maritime_ais_batch",
        sa.Column("evidence_id", sa.String(32), sa.ForeignKey("evidence_item.id"),
                  primary_key=True),
        sa.Column("format", sa.String(16), nullable=False),
        sa.Column("read", sa.BigInteger, nullable=False),
        sa.Column("positions", sa.BigInteger, nullable=False),
        sa.Column("statics", sa.BigInteger, nullable=False),
        sa.Column("rejected", sa.Text, nullable=False),
        sa.Column("first_t", sa.BigInteger),
        sa.Column("last_t", sa.BigInteger),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "maritime_sighting",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("vessel", sa.String(200), nullable=False),
        sa.Column("imo", sa.String(7)),
        sa.Column("mmsi", sa.BigInteger),
        sa.Column("place", sa.String(200)),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("observed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("observation", sa.Text, nullable=False),
        sa.Column("evidence_id", sa.String(32), sa.ForeignKey("evidence_item.id"),
                  nullable=False),
        sa.Column("ledger_seq", sa.BigInteger, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_maritime_sighting_vessel", "maritime_sighting", ["vessel"])
    op.create_index("ix_maritime_sighting_imo", "maritime_sighting", ["imo"])
    op.create_index("ix_maritime_sighting_mmsi", "maritime_sighting", ["mmsi"])
    op.create_index("ix_maritime_sighting_evidence_id", "maritime_sighting", ["evidence_id"])


def downgrade() -> None:
    op.drop_table("maritime_sighting")
    op.drop_table("maritime_ais_batch")
