"""Findings: findings, members, analyst actions, right-of-reply letters.

Revision ID: findings_0001
Revises: 0001_core
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "findings_0001"
down_revision = "0001_core"
branch_labels = ("findings",)
depends_on = None


def upgrade() -> None:
    tz = sa.DateTime(timezone=True)
    op.create_table(
        "finding",
        sa.Column("id", sa.String(16), primary_key=True),
        sa.Column("type", sa.String(40), nullable=False),
        sa.Column("from_country", sa.String(2)),
        sa.Column("to_country", sa.String(2)),
        sa.Column("subject", sa.String(300), nullable=False),
        sa.Column("theme", sa.String(40), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("period_start", sa.String(10)),
        sa.Column("period_end", sa.String(10)),
        sa.Column("independent", sa.Integer, nullable=False),
        sa.Column("counting", sa.JSON, nullable=False),
        sa.Column("quantities", sa.JSON, nullable=False),
        sa.Column("override_reason", sa.Text),
        sa.Column("merged_into", sa.String(16)),
        sa.Column("created_at", tz, nullable=False),
        sa.Column("updated_at", tz, nullable=False),
        sa.Column("ledger_seq", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_finding_type", "finding", ["type"])
    op.create_index("ix_finding_status", "finding", ["status"])
    op.create_table(
        "finding_member",
        sa.Column("incident_id", sa.String(40), sa.ForeignKey("incident.id"), primary_key=True),
        sa.Column("finding_id", sa.String(16), sa.ForeignKey("finding.id"), nullable=False),
        sa.Column("added_at", tz, nullable=False),
        sa.Column("added_by", sa.String(100), nullable=False),
    )
    op.create_index("ix_finding_member_finding_id", "finding_member", ["finding_id"])
    op.create_table(
        "finding_action",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("finding_id", sa.String(16), sa.ForeignKey("finding.id"), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("at", tz, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("detail", sa.JSON, nullable=False),
        sa.Column("ledger_seq", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_finding_action_finding_id", "finding_action", ["finding_id"])
    op.create_table(
        "finding_letter",
        sa.Column("id", sa.String(20), primary_key=True),
        sa.Column("finding_id", sa.String(16), sa.ForeignKey("finding.id"), nullable=False),
        sa.Column("addressee", sa.String(200), nullable=False),
        sa.Column("addressee_kind", sa.String(10), nullable=False),
        sa.Column("sent_at", tz, nullable=False),
        sa.Column("deadline", sa.String(10), nullable=False),
        sa.Column("sent_by", sa.String(100), nullable=False),
        sa.Column("reply_text", sa.Text),
        sa.Column("replied_at", tz),
        sa.Column("ledger_seq", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_finding_letter_finding_id", "finding_letter", ["finding_id"])


def downgrade() -> None:
    op.drop_table("finding_letter")
    op.drop_table("finding_action")
    op.drop_table("finding_member")
    op.drop_table("finding")
