"""Positions as Parquet partitioned by day inside the workspace, written atomically.

Layout under ``<home>/maritime/``: ``positions/day=YYYY-MM-DD/<evidence id>.parquet`` and
``statics/<evidence id>.parquet``, plus the file's positions already reduced to
(segment, bin) rows, ``bins_<step>s/day=YYYY-MM-DD/<evidence id>.parquet`` (see
:func:`bin_table`), so detection reads those instead of every position. A file's tables
are first written to ``staging/<random>/`` and only moved into place (``os.replace``, atomic
per file) after the evidence item's database transaction committed; on any failure the
staging folder is removed, so readers never see half a file.
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

BIN_SECONDS = 600  # must equal the encounter's resample_minutes * 60 for bins to be used


def bin_table(positions: pa.Table, step: int = BIN_SECONDS) -> pa.Table:
    """The good positions reduced to one row per (segment, bin): count, first/last time and
    the SUMS of lat, lon and reported speed (with the count of reported speeds), so the
    rows of several files for one (segment, bin) combine exactly by adding them up."""
    import duckdb

    con = duckdb.connect()
    try:
        con.execute("SET threads = 1")
        con.register("p", positions.select(["seg", "t", "lat", "lon", "sog", "good"]))
        return con.execute(
            f"SELECT seg, CAST(floor(t / {step}) AS BIGINT) AS bin, COUNT(*) AS n, "
            "MIN(t) AS t0, MAX(t) AS t1, SUM(lat) AS slat, SUM(lon) AS slon, "
            "SUM(sog) AS ssog, COUNT(sog) AS nsog FROM p WHERE good "
            f"GROUP BY seg, CAST(floor(t / {step}) AS BIGINT)").to_arrow_table()
    finally:
        con.close()


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
    def bins_dir(self) -> Path:
        return self.root / f"bins_{BIN_SECONDS}s"

    def bins_complete(self) -> bool:
        """True when every positions file has its bins file (older workspaces may not)."""
        pos = {p.relative_to(self.positions_dir)
               for p in self.positions_dir.glob("day=*/*.parquet")}
        if not pos:
            return False
        bins = {p.relative_to(self.bins_dir) for p in self.bins_dir.glob("day=*/*.parquet")}
        return pos == bins

    def has_bins(self, evidence_id: str) -> bool:
        """Every positions file of this batch has its bins file."""
        return all((self.bins_dir / p.parent.name / p.name).exists()
                   for p in self.positions_dir.glob(f"day=*/{evidence_id}.parquet"))

    @property
    def statics_dir(self) -> Path:
        return self.root / "statics"

    def has_batch(self, evidence_id: str) -> bool:
        return (self.statics_dir / f"{evidence_id}.parquet").exists()

    def stage(self, evidence_id: str, positions: pa.Table, statics: pa.Table) -> Path:
        """Write both tables to a fresh staging folder; returns it."""
        stage = self.root / "staging" / f"{evidence_id}-{secrets.token_hex(4)}"
        (stage / "positions").mkdir(parents=True)
        (stage / "bins").mkdir()
        try:
            ev = pa.array(np.full(positions.num_rows, evidence_id, dtype=object), pa.string())
            positions = positions.append_column("evidence_id", ev)
            micros = pc.multiply(positions["t"], 1_000_000)
            days = pc.strftime(pc.cast(micros, pa.timestamp("us", tz="UTC")), format="%Y-%m-%d")
            for day in sorted(set(days.to_pylist())):
                mask = pc.equal(days, day)
                part = stage / "positions" / f"day={day}"
                part.mkdir()
                day_rows = positions.filter(mask)
                pq.write_table(day_rows, part / f"{evidence_id}.parquet", compression="zstd")
                bpart = stage / "bins" / f"day={day}"
                bpart.mkdir()
                pq.write_table(bin_table(day_rows), bpart / f"{evidence_id}.parquet",
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
        for part in sorted((stage / "bins").glob("day=*")):
            target = self.bins_dir / part.name
            target.mkdir(parents=True, exist_ok=True)
            os.replace(part / f"{evidence_id}.parquet", target / f"{evidence_id}.parquet")
        self.statics_dir.mkdir(parents=True, exist_ok=True)
        os.replace(stage / "statics.parquet", self.statics_dir / f"{evidence_id}.parquet")
        shutil.rmtree(stage, ignore_errors=True)

    @staticmethod
    def discard(stage: Path) -> None:
        shutil.rmtree(stage, ignore_errors=True)
