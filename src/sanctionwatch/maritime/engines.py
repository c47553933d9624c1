"""Query engines that run the detector SQL: DuckDB (embedded default) and Spark (local/cluster).

Both expose the same views (``pos``, ``stat``, ``shore_grid``, ``port_cells``,
``cell_offsets``), ``materialize(name, sql)`` (a table the following queries reuse: DuckDB
keeps it in memory, Spark caches it) and ``query(sql) -> list[dict]``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import pyarrow as pa

from sanctionwatch.maritime.clean import POSITION_SCHEMA, STATIC_SCHEMA
from sanctionwatch.maritime.geo import port_cells, shore_grid


@dataclass(frozen=True)
class Selection:
    """Which positions the detectors look at."""

    since: int | None = None  # epoch seconds, inclusive
    until: int | None = None  # epoch seconds, exclusive
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat

    def where(self) -> str:
        parts = ["good"]
        if self.since is not None:
            parts.append(f"t >= {int(self.since)}")
        if self.until is not None:
            parts.append(f"t < {int(self.until)}")
        if self.bbox is not None:
            x0, y0, x1, y1 = (float(v) for v in self.bbox)
            parts.append(f"lon >= {x0} AND lon <= {x1} AND lat >= {y0} AND lat <= {y1}")
        return " AND ".join(parts)

    def bin_where(self, step: int) -> str | None:
        """The same selection on whole bins of ``step`` seconds, or None when it cannot be
        expressed exactly on bins (a bounding box, or a time bound inside a bin)."""
        if self.bbox is not None:
            return None
        parts = ["true"]
        if self.since is not None:
            if int(self.since) % step:
                return None
            parts.append(f"bin >= {int(self.since) // step}")
        if self.until is not None:
            if int(self.until) % step:
                return None
            parts.append(f"bin < {int(self.until) // step}")
        return " AND ".join(parts)

    def static_where(self) -> str:
        parts = ["true"]
        if self.since is not None:
            parts.append(f"(t IS NULL OR t >= {int(self.since)})")
        if self.until is not None:
            parts.append(f"(t IS NULL OR t < {int(self.until)})")
        return " AND ".join(parts)


def helper_tables() -> dict[str, pa.Table]:
    offsets = [(0, 0), (0, 1), (1, -1), (1, 0), (1, 1)]  # self + forward half of 3×3
    return {
        "shore_grid": shore_grid(),
        "port_cells": port_cells(),
        "cell_offsets": pa.table({"di": pa.array([o[0] for o in offsets], pa.int64()),
                                  "dj": pa.array([o[1] for o in offsets], pa.int64())}),
    }


class Engine(Protocol):
    name: str
    use_bins: bool

    def materialize(self, name: str, sql: str) -> None: ...

    def register(self, name: str, table: pa.Table) -> None: ...

    def query(self, sql: str) -> list[dict[str, Any]]: ...

    def close(self) -> None: ...


def _with_evidence(schema: pa.Schema) -> pa.Schema:
    return schema.append(pa.field("evidence_id", pa.string()))


class DuckDBEngine:
    name = "duckdb"

    def __init__(self, positions_dir: Path, statics_dir: Path, selection: Selection,
                 *, threads: int | None = None, memory_limit: str | None = None,
                 positions: pa.Table | None = None, statics: pa.Table | None = None,
                 bins_dir: Path | None = None, bin_step: int = 600) -> None:
        import duckdb

        self.con = duckdb.connect()
        self.con.execute("SET preserve_insertion_order = false")
        if threads:
            self.con.execute(f"SET threads = {int(threads)}")
        bin_where = selection.bin_where(bin_step) if bins_dir is not None else None
        self.use_bins = bins_dir is not None and positions is None and bin_where is not None
        if self.use_bins and bins_dir is not None:
            glob = (bins_dir / "day=*" / "*.parquet").as_posix()
            self.con.execute(f"CREATE TEMP VIEW bins AS SELECT seg, bin, n, t0, t1, slat, slon, "
                             f"ssog, nsog FROM read_parquet('{glob}', hive_partitioning = false)"
                             f" WHERE {bin_where}")
        if memory_limit:
            self.con.execute(f"SET memory_limit = '{memory_limit}'")
        for name, table in helper_tables().items():
            self.con.register(name, table)
        if positions is not None:
            self.con.register("positions", positions)
        elif any(positions_dir.glob("day=*/*.parquet")):
            glob = (positions_dir / "day=*" / "*.parquet").as_posix()
            self.con.execute(f"CREATE VIEW positions AS SELECT * FROM read_parquet("
                             f"'{glob}', hive_partitioning = true, union_by_name = true)")
        else:
            self.con.register("positions", _with_evidence(POSITION_SCHEMA).empty_table())
        if statics is not None:
            self.con.register("statics", statics)
        elif any(statics_dir.glob("*.parquet")):
            glob = (statics_dir / "*.parquet").as_posix()
            self.con.execute(f"CREATE VIEW statics AS SELECT * FROM read_parquet('{glob}', "
                             "union_by_name = true)")
        else:
            self.con.register("statics", _with_evidence(STATIC_SCHEMA).empty_table())
        self.con.execute(f"CREATE TEMP VIEW pos AS SELECT mmsi, t, lat, lon, sog, cog, seg, "
                         f"evidence_id FROM positions WHERE {selection.where()}")
        self.con.execute(f"CREATE TEMP VIEW stat AS SELECT * FROM statics "
                         f"WHERE {selection.static_where()}")

    def materialize(self, name: str, sql: str) -> None:
        self.con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS {sql}")

    def register(self, name: str, table: pa.Table) -> None:
        self.con.register(name, table)

    def query(self, sql: str) -> list[dict[str, Any]]:
        cur = self.con.execute(sql)
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]

    def close(self) -> None:
        self.con.close()


class SparkEngine:
    """Runs the same SQL on a caller-provided SparkSession (local mode or a cluster)."""

    name = "spark"

    def __init__(self, spark: Any, positions_dir: Path, statics_dir: Path,
                 selection: Selection, *, bins_dir: Path | None = None,
                 bin_step: int = 600) -> None:
        self.spark = spark
        self.cached: list[tuple[str, Any]] = []
        bin_where = selection.bin_where(bin_step) if bins_dir is not None else None
        self.use_bins = bins_dir is not None and bin_where is not None
        if self.use_bins and bins_dir is not None:
            spark.read.parquet(bins_dir.as_posix()).createOrReplaceTempView("bins_all")
            spark.sql(f"CREATE OR REPLACE TEMP VIEW bins AS SELECT seg, bin, n, t0, t1, slat, "
                      f"slon, ssog, nsog FROM bins_all WHERE {bin_where}")
        for name, table in helper_tables().items():
            spark.createDataFrame(table.to_pandas()).createOrReplaceTempView(name)
        if any(positions_dir.glob("day=*/*.parquet")):
            spark.read.parquet(positions_dir.as_posix()).createOrReplaceTempView("positions")
        else:
            spark.createDataFrame([], _spark_schema(_with_evidence(POSITION_SCHEMA))) \
                .createOrReplaceTempView("positions")
        if any(statics_dir.glob("*.parquet")):
            spark.read.parquet(statics_dir.as_posix()).createOrReplaceTempView("statics")
        else:
            spark.createDataFrame([], _spark_schema(_with_evidence(STATIC_SCHEMA))) \
                .createOrReplaceTempView("statics")
        spark.sql(f"CREATE OR REPLACE TEMP VIEW pos AS SELECT mmsi, t, lat, lon, sog, cog, seg, "
                  f"evidence_id FROM positions WHERE {selection.where()}")
        spark.sql(f"CREATE OR REPLACE TEMP VIEW stat AS SELECT * FROM statics "
                  f"WHERE {selection.static_where()}")

    def materialize(self, name: str, sql: str) -> None:
        frame = self.spark.sql(sql).cache()
        frame.createOrReplaceTempView(name)
        self.cached.append((name, frame))

    def register(self, name: str, table: pa.Table) -> None:
        frame = self.spark.createDataFrame(table.to_pandas(), _spark_schema(table.schema))
        frame.createOrReplaceTempView(name)
        self.cached.append((name, frame))

    def query(self, sql: str) -> list[dict[str, Any]]:
        return [row.asDict() for row in self.spark.sql(sql).collect()]

    def close(self) -> None:
        for name, frame in self.cached:
            self.spark.catalog.dropTempView(name)
            frame.unpersist()
        self.cached.clear()
        for view in ("pos", "stat", "positions", "statics", "shore_grid", "port_cells",
                     "cell_offsets", "bins", "bins_all"):
            self.spark.catalog.dropTempView(view)


def _spark_schema(schema: pa.Schema) -> Any:
    from pyspark.sql import types as T

    mapping = {pa.int64(): T.LongType(), pa.float64(): T.DoubleType(),
               pa.string(): T.StringType(), pa.bool_(): T.BooleanType()}
    return T.StructType([T.StructField(f.name, mapping[f.type], True) for f in schema])


def local_spark(app: str = "sanctionwatch-maritime", cores: int = 1,
                shuffle_partitions: int = 1, memory: str = "1g",
                small_data: bool = False) -> Any:
    """A local SparkSession with settings that suit a laptop (UI off, few partitions).

    ``small_data`` turns off whole-stage code generation and adaptive execution, which
    cost more than they save on tiny inputs (tests)."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder
    if small_data:
        builder = (builder.config("spark.sql.codegen.wholeStage", "false")
                   .config("spark.sql.adaptive.enabled", "false"))
    return (
        builder.master(f"local[{cores}]").appName(app)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", str(shuffle_partitions))
        .config("spark.sql.ansi.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.memory", memory)
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
