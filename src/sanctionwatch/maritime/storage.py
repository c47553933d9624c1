"""Positions as Parquet partitioned by day inside the workspace, written atomically.

Layout under ``<home>/maritime/``: ``positions/day=YYYY-MM-DD/<evidence id>.parquet`` and
``statics/<evidence id>.parquet``. A file's tables are first written to
``staging/<random>/`` and only moved into place (``os.replace``, atomic per file) after the
evidence item's database transaction committed; on any failure the staging folder is
removed, so readers never see half a file.
"""

from __future__ import annotations

import os
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq


@dataclass(frozen=True)
class MaritimeStore:
    root: Path

    @classmethod
    def for_home(cls, home: Path) -> MaritimeStore:
        return cls(home / "maritime")

    @property
    def positions_dir(self) -> Path:
        return self.root / "positions"

    @property
    def statics_dir(self) -> Path:
        return self.root / "statics"

    def has_batch(self, evidence_id: str) -> bool:
        return (self.statics_dir / f"{evidence_id}.parquet").exists()

    def stage(self, evidence_id: str, positions: pa.Table, statics: pa.Table) -> Path:
        """Write both tables to a fresh staging folder; returns it."""
        stage = self.root / "staging" / f"{evidence_id}-{secrets.token_hex(4)}"
        (stage / "positions").mkdir(parents=True)
        try:
            ev = pa.array(np.full(positions.num_rows, evidence_id, dtype=object), pa.string())
            positions = positions.append_column("evidence_id", ev)
            micros = pc.multiply(positions["t"], 1_000_000)
            days = pc.strftime(pc.cast(micros, pa.timestamp("us", tz="UTC")), format="%Y-%m-%d")
            for day in sorted(set(days.to_pylist())):
                mask = pc.equal(days, day)
                part = stage / "positions" / f"day={day}"
                part.mkdir()
                pq.write_table(positions.filter(mask), part / f"{evidence_id}.parquet",
                               compression="zstd")
            sev = pa.array(np.full(statics.num_rows, evidence_id, dtype=object), pa.string())
            pq.write_table(statics.append_column("evidence_id", sev),
                           stage / "statics.parquet", compression="zstd")
        except BaseException:
            shutil.rmtree(stage, ignore_errors=True)
            raise
        return stage

    def publish(self, stage: Path, evidence_id: str) -> None:
        """Move a staged batch into place; the statics file goes last (the batch marker)."""
        for part in sorted((stage / "positions").glob("day=*")):
            target = self.positions_dir / part.name
            target.mkdir(parents=True, exist_ok=True)
            os.replace(part / f"{evidence_id}.parquet", target / f"{evidence_id}.parquet")
        self.statics_dir.mkdir(parents=True, exist_ok=True)
        os.replace(stage / "statics.parquet", self.statics_dir / f"{evidence_id}.parquet")
        shutil.rmtree(stage, ignore_errors=True)

    @staticmethod
    def discard(stage: Path) -> None:
        shutil.rmtree(stage, ignore_errors=True)
