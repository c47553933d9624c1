"""Ledger tables beyond ``ledger_entry``: the cache of complete-subtree hashes."""

from __future__ import annotations

from sqlalchemy import BigInteger, LargeBinary, SmallInteger
from sqlalchemy.orm import Mapped, mapped_column

from sanctionwatch.store.base import Base


class LedgerNode(Base):
    """Hash of the complete aligned subtree over leaves ``[idx << level, (idx+1) << level)``.

    Only levels >= 1 are stored (level 0 is ``ledger_entry.leaf_hash``). A node is written
    in the same transaction as the append that completes it and never changes, so any
    root or proof needs at most ~2·log2(n) rows. ``ledger verify`` recomputes them all.
    """

    __tablename__ = "ledger_node"

    level: Mapped[int] = mapped_column(SmallInteger, primary_key=True, autoincrement=False)
    idx: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    hash: Mapped[bytes] = mapped_column(LargeBinary(32))
