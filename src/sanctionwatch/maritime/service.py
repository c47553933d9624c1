"""AIS intake (file -> evidence item + cleaned positions), detection, sightings, vessels."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine as DbEngine
from sqlalchemy import select
from sqlalchemy.orm import Session

from sanctionwatch.access.guard import system_scope
from sanctionwatch.config import Settings
from sanctionwatch.ingest.errors import IngestError
from sanctionwatch.ingest.pipeline import IntakeOptions, ingest_bytes, item_id_for
from sanctionwatch.ledger.append import append
from sanctionwatch.maritime.clean import Cleaned, clean
from sanctionwatch.maritime.designated import DesignatedVessel
from sanctionwatch.maritime.detect import DETECTORS, Event, run_detectors
from sanctionwatch.maritime.engines import DuckDBEngine, Selection, SparkEngine
from sanctionwatch.maritime.models import AisBatch, Sighting
from sanctionwatch.maritime.nmea import read_nmea
from sanctionwatch.maritime.reference import Thresholds, default_thresholds
from sanctionwatch.maritime.sql import bin_seconds
from sanctionwatch.maritime.storage import BIN_SECONDS, MaritimeStore
from sanctionwatch.maritime.tabular import MappingError, read_csv, read_jsonl, read_parquet
from sanctionwatch.store.db import transaction
from sanctionwatch.store.models import EvidenceItem
from sanctionwatch.timeutil import now_utc

FORMATS = ("nmea", "csv", "parquet", "jsonl")


class AisError(ValueError):
    """An AIS file or request that cannot be processed (clear one-line message)."""


@dataclass
class AisIngestResult:
    path: str
    status: str  # stored | duplicate | failed
    evidence_id: str | None = None
    format: str | None = None
    read: int = 0
    positions: int = 0
    statics: int = 0
    rejected: dict[str, int] = field(default_factory=dict)
    notes: dict[str, int] = field(default_factory=dict)
    error: str | None = None


def sniff_format(name: str, data: bytes) -> str:
    ext = Path(name).suffix.lower().lstrip(".")
    if ext in ("nmea", "ais", "nm4", "log", "txt"):
        return "nmea"
    if ext in ("csv", "tsv"):
        return "csv"
    if ext in ("parquet", "pq"):
        return "parquet"
    if ext in ("jsonl", "ndjson", "json"):
        return "jsonl"
    head = data[:4096].lstrip()
    if data[:4] == b"PAR1":
        return "parquet"
    if head[:1] in (b"!", b"\\"):
        return "nmea"
    if head[:1] == b"{":
        return "jsonl"
    return "csv"


def decode_and_clean(name: str, data: bytes, fmt: str | None = None,
                     mapping: Mapping[str, str] | None = None, time_format: str | None = None,
                     thresholds: Thresholds | None = None) -> tuple[str, Cleaned]:
    fmt = fmt or sniff_format(name, data)
    if fmt not in FORMATS:
        raise AisError(f"unknown AIS format {fmt!r}; use one of {', '.join(FORMATS)}")
    try:
        if fmt == "nmea":
            decoded = read_nmea(data)
        elif fmt == "csv":
            decoded = read_csv(data, mapping, time_format)
        elif fmt == "parquet":
            decoded = read_parquet(data, mapping, time_format)
        else:
            decoded = read_jsonl(data, mapping, time_format)
    except MappingError as exc:
        raise AisError(f"{name}: {exc}") from exc
    return fmt, clean(decoded, (thresholds or default_thresholds()).segmentation)


def _summary(name: str, fmt: str, c: Cleaned) -> str:
    t = c.positions.column("t").to_pylist()
    mmsis = len(set(c.positions.column("mmsi").to_pylist()))
    span = (f" from {datetime.fromtimestamp(min(t)).isoformat()} to "
            f"{datetime.fromtimestamp(max(t)).isoformat()}") if t else ""
    rej = ", ".join(f"{k} {v}" for k, v in sorted(c.rejected.items())) or "none"
    return (f"AIS data file {name} ({fmt}): {c.positions.num_rows} positions of {mmsis} "
            f"vessels{span}; {c.statics.num_rows} static/voyage records; "
            f"{c.read} records read; rejected: {rej}.")


def ingest_ais_file(settings: Settings, db: DbEngine, path: Path, options: IntakeOptions,
                    *, fmt: str | None = None, mapping: Mapping[str, str] | None = None,
                    time_format: str | None = None,
                    thresholds: Thresholds | None = None) -> AisIngestResult:
    """One AIS file -> evidence item (ledger) + AIS batch row + Parquet positions, atomically.

    ``options`` must be validated. Bad files give ``status="failed"`` with the reason.
    """
    shown = str(path)
    try:
        size = path.stat().st_size
        if size > settings.max_file_bytes:
            raise AisError(f"file is {size} bytes, above the limit of {settings.max_file_bytes}"
                           " (SANCTIONWATCH_MAX_FILE_BYTES or --max-bytes)")
        data = path.read_bytes()
        fmt, cleaned = decode_and_clean(path.name, data, fmt, mapping, time_format, thresholds)
    except (AisError, OSError) as exc:
        return AisIngestResult(shown, "failed", error=str(exc))
    evidence_id = item_id_for(hashlib.sha256(data).hexdigest())
    store = MaritimeStore.for_home(settings.home)
    stage = store.stage(evidence_id, cleaned.positions, cleaned.statics)
    t = cleaned.positions.column("t")

    def add_batch(session: Session, item: EvidenceItem) -> int:
        session.add(AisBatch(
            evidence_id=item.id, format=fmt, read=cleaned.read,
            positions=cleaned.positions.num_rows, statics=cleaned.statics.num_rows,
            rejected=json.dumps(dict(sorted(cleaned.rejected.items()))),
            first_t=min(t.to_pylist()) if len(t) else None,
            last_t=max(t.to_pylist()) if len(t) else None, created_at=now_utc()))
        return 0

    try:
        res = ingest_bytes(settings, db, path.name, data, options, path=shown,
                           media_type=f"application/x-ais-{fmt}",
                           text=_summary(path.name, fmt, cleaned), derived=add_batch)
    except (IngestError, ValueError) as exc:
        store.discard(stage)
        return AisIngestResult(shown, "failed", error=str(exc))
    except BaseException:
        store.discard(stage)
        raise
    # a duplicate is published again only when stored before its bins existed (same files)
    if res.status == "duplicate" and store.has_batch(evidence_id) \
            and store.has_bins(evidence_id):
        store.discard(stage)
    else:
        store.publish(stage, evidence_id)
    return AisIngestResult(shown, res.status, evidence_id, fmt, cleaned.read,
                           cleaned.positions.num_rows, cleaned.statics.num_rows,
                           dict(cleaned.rejected), dict(cleaned.notes))


def detect(settings: Settings, selection: Selection, *, engine: str = "duckdb",
           designated: Sequence[DesignatedVessel] = (), detectors: Sequence[str] = DETECTORS,
           thresholds: Thresholds | None = None, spark: Any = None) -> list[Event]:
    """Run the detectors over the workspace's stored positions."""
    th = thresholds or default_thresholds()
    store = MaritimeStore.for_home(settings.home)
    # the bins written at ingest serve when they cover every positions file and use this
    # run's bin length; otherwise (older workspace, other resample step) positions are binned
    step = bin_seconds(th)
    bins = store.bins_dir if step == BIN_SECONDS and store.bins_complete() else None
    if engine == "duckdb":
        eng: DuckDBEngine | SparkEngine = DuckDBEngine(
            store.positions_dir, store.statics_dir, selection, bins_dir=bins, bin_step=step)
    elif engine == "spark":
        if spark is None:
            from sanctionwatch.maritime.engines import local_spark

            spark = local_spark()
        eng = SparkEngine(spark, store.positions_dir, store.statics_dir, selection,
                          bins_dir=bins, bin_step=step)
    else:
        raise AisError(f"unknown engine {engine!r}; use duckdb or spark")
    try:
        return run_detectors(eng, th, designated, detectors)
    finally:
        eng.close()


def add_sighting(db: DbEngine, *, vessel: str, observed_at: datetime, observation: str,
                 evidence_id: str, imo: str | None = None, mmsi: int | None = None,
                 place: str | None = None, lat: float | None = None,
                 lon: float | None = None) -> Sighting:
    """Record a vessel seen without AIS; the evidence item must exist. Ledgered."""
    if not vessel.strip() or not observation.strip():
        raise AisError("a sighting needs a vessel and an observation")
    if (lat is None) != (lon is None):
        raise AisError("give both --lat and --lon, or neither")
    if lat is not None and lon is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise AisError(f"position {lat}, {lon} is outside ±90/±180")
    if place is None and lat is None:
        raise AisError("a sighting needs --place or --lat/--lon")
    if observed_at.tzinfo is None:
        raise AisError("the sighting time needs a time zone (e.g. 2024-03-01T06:00Z)")
    with transaction(db) as session:
        with system_scope("sighting evidence check"):
            found = session.execute(
                select(EvidenceItem.id).where(EvidenceItem.id == evidence_id)).scalar()
        if found is None:
            raise AisError(f"no evidence item {evidence_id!r}")
        row = Sighting(vessel=vessel.strip(), imo=imo, mmsi=mmsi, place=place, lat=lat, lon=lon,
                       observed_at=observed_at, observation=observation.strip(),
                       evidence_id=evidence_id, ledger_seq=-1, created_at=now_utc())
        session.add(row)
        session.flush()
        entry = append(session, "maritime.sighting", {
            "sighting": row.id, "evidence": evidence_id,
            "observed_at": observed_at.isoformat(),
            "sha256": hashlib.sha256(json.dumps(
                [row.vessel, imo, mmsi, place, str(lat), str(lon), row.observation],
                ensure_ascii=False).encode()).hexdigest(),
        }, subject=f"sighting:{row.id}")
        row.ledger_seq = entry.seq
    return row


def sightings_for(db: DbEngine, *, imo: str | None = None, mmsi: int | None = None,
                  names: Sequence[str] = ()) -> list[Sighting]:
    with transaction(db) as session:
        rows = list(session.execute(select(Sighting).order_by(Sighting.observed_at)).scalars())
    keys = {n.upper() for n in names if n}
    return [s for s in rows if (imo and s.imo == imo) or (mmsi and s.mmsi == mmsi)
            or s.vessel.upper() in keys]
