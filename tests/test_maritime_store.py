"""AIS intake into a workspace (SQLite and PostgreSQL): evidence, ledger, Parquet, CLI."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import func, select

from sanctionwatch.cli import main
from sanctionwatch.config import Settings
from sanctionwatch.ingest.pipeline import IntakeOptions
from sanctionwatch.maritime.models import AisBatch, Sighting
from sanctionwatch.maritime.service import ingest_ais_file
from sanctionwatch.maritime.storage import MaritimeStore
from sanctionwatch.store.db import get_engine, transaction
from sanctionwatch.store.models import LedgerEntry

OPTS = IntakeOptions(originator="GFW", caveat="public").validated()


def _cli(settings: Settings, *args: str) -> tuple[int, str]:
    res = CliRunner().invoke(main, ["--home", str(settings.home), "--database-url",
                                    settings.database_url, *args], catch_exceptions=False)
    return res.exit_code, res.output


def test_ingest_detect_and_reingest(settings: Settings, shared_dir: Path) -> None:
    src = shared_dir / "ais-samples" / "gfw_416000000_shared_mmsi.jsonl"
    db = get_engine(settings)
    res = ingest_ais_file(settings, db, src, OPTS)
    assert res.status == "stored" and res.positions > 1000 and res.rejected["duplicate"] > 0
    store = MaritimeStore.for_home(settings.home)
    assert list(store.positions_dir.glob("day=2014-01-*/*.parquet"))
    with transaction(db) as s:
        batch = s.get(AisBatch, res.evidence_id)
        assert batch is not None and batch.positions == res.positions
        kinds = set(s.execute(select(LedgerEntry.kind)).scalars())
    assert "evidence.intake" in kinds
    files = sorted(store.positions_dir.glob("*/*.parquet"))
    again = ingest_ais_file(settings, db, src, OPTS)
    assert again.status == "duplicate" and again.evidence_id == res.evidence_id
    assert sorted(store.positions_dir.glob("*/*.parquet")) == files  # nothing stored twice
    code, out = _cli(settings, "ais", "detect", "--json", "--detector", "identity")
    assert code == 0
    events = [json.loads(line) for line in out.splitlines() if line.strip()]
    assert [e["rule"] for e in events] == ["shared_mmsi_simultaneous_tracks"]
    assert events[0]["evidence"] == [res.evidence_id]
    code, out = _cli(settings, "vessels", "show", "416000000", "--json")
    assert code == 0 and json.loads(out)["positions"] == (
        res.positions - res.notes["noise_positions"])


def test_bad_file_stores_nothing(settings: Settings, tmp_path: Path) -> None:
    bad = tmp_path / "broken.parquet"
    bad.write_bytes(b"PAR1 this is not parquet")
    db = get_engine(settings)
    res = ingest_ais_file(settings, db, bad, OPTS)
    assert res.status == "failed" and "Parquet" in (res.error or "")
    nomap = tmp_path / "nomap.csv"
    nomap.write_text("a,b\n1,2\n")
    res2 = ingest_ais_file(settings, db, nomap, OPTS)
    assert res2.status == "failed" and "mmsi" in (res2.error or "")
    store = MaritimeStore.for_home(settings.home)
    assert not store.positions_dir.exists() or not any(store.positions_dir.rglob("*.parquet"))
    assert not (store.root / "staging").exists() or not any((store.root / "staging").iterdir())
    with transaction(db) as s:
        assert s.execute(select(func.count()).select_from(AisBatch)).scalar() == 0
    code, out = _cli(settings, "ais", "ingest", str(bad), "--originator", "GFW",
                     "--caveat", "public")
    assert code != 0


def test_file_over_limit_is_refused(settings: Settings, tmp_path: Path) -> None:
    big = tmp_path / "big.nmea"
    big.write_bytes(b"!AIVDM,1,1,,A,13HOI:0P0000VOHLCnHQKwvL05Ip,0*23\n" * 100)
    res = ingest_ais_file(settings.with_overrides(max_file_bytes=1000), get_engine(settings),
                          big, OPTS)
    assert res.status == "failed" and "limit" in (res.error or "")


def test_sightings_add(settings: Settings, shared_dir: Path) -> None:
    db = get_engine(settings)
    res = ingest_ais_file(settings, db, shared_dir / "ais-samples" / "pyais_aishub_sample.nmea",
                          OPTS)
    assert res.status == "stored"
    code, out = _cli(settings, "sightings", "add", "--vessel", "ANGARA", "--imo", "9179842",
                     "--place", "Rajin", "--time", "2023-08-20T02:00Z", "--observation",
                     "container ship alongside the pier, AIS off", "--evidence",
                     res.evidence_id, "--json")
    assert code == 0, out
    data = json.loads(out)
    assert data["place"] == "Najin" and data["lat"] is not None and data["ledger_seq"] >= 0
    code, out = _cli(settings, "sightings", "add", "--vessel", "X", "--place", "Dunai",
                     "--time", "2023-08-20T02:00Z", "--observation", "seen",
                     "--evidence", "ev-doesnotexist")
    assert code != 0
    with transaction(db) as s:
        assert s.execute(select(func.count()).select_from(Sighting)).scalar() == 1
    code, out = _cli(settings, "vessels", "show", "9179842", "--json")
    assert code == 0 and json.loads(out)["sightings"][0]["vessel"] == "ANGARA"
