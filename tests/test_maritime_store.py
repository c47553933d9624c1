"""AIS intake into a workspace (SQLite and PostgreSQL): evidence, ledger, Parquet, CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import func, select

from sanctionwatch.access.guard import system_scope
from sanctionwatch.cli import main
from sanctionwatch.config import Settings
from sanctionwatch.ingest.pipeline import IntakeOptions
from sanctionwatch.maritime.models import AisBatch, Sighting
from sanctionwatch.maritime.service import ingest_ais_file
from sanctionwatch.maritime.storage import MaritimeStore
from sanctionwatch.store.db import get_engine, transaction
from sanctionwatch.store.models import IncidentRecord, LedgerEntry

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
    assert res.evidence_id is not None
    assert store.bins_complete() and store.has_bins(res.evidence_id)
    shutil.rmtree(store.bins_dir)  # as stored before bins were written at ingest
    assert not store.bins_complete()
    third = ingest_ais_file(settings, db, src, OPTS)
    assert third.status == "duplicate" and store.bins_complete()
    assert sorted(store.positions_dir.glob("*/*.parquet")) == files
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
    assert res.status == "stored" and res.evidence_id is not None
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


def _synthetic_csv(path: Path) -> list[dict[str, str]]:
    """Synthetic AIS (planted encounter, gap, port visit, identity cases) as a CSV file."""
    import pandas as pd

    from sanctionwatch.maritime.synthetic import generate

    syn = generate(n_vessels=2, hours=30, interval=120, seed=5, n_encounters=1, n_gaps=1,
                   n_port_visits=1, n_identity=1)
    pos = syn.positions.to_pandas()[["mmsi", "t", "lat", "lon", "sog"]]
    st = syn.statics.to_pandas()[["mmsi", "imo", "name", "ship_type"]]
    first = pos.drop_duplicates("mmsi").merge(st, on="mmsi")
    rest = pos.drop(first.index)
    df = pd.concat([first, rest]).sort_values(["mmsi", "t"])
    df["timestamp"] = pd.to_datetime(df.pop("t"), unit="s").dt.strftime("%Y-%m-%dT%H:%M:%SZ")
    df.to_csv(path, index=False)
    return syn.designated


def _ais_incidents(db: object) -> list[IncidentRecord]:
    with transaction(db) as s, system_scope("test: read recorded incidents"):  # type: ignore[arg-type]
        rows = list(s.execute(select(IncidentRecord).where(IncidentRecord.source == "ais"))
                    .scalars())
        s.expunge_all()
    return rows


def test_detect_record_incidents_idempotent(settings: Settings, tmp_path: Path) -> None:
    src = tmp_path / "synthetic.csv"
    designated = _synthetic_csv(src)
    db = get_engine(settings)
    res = ingest_ais_file(settings, db, src, IntakeOptions(
        originator="GFW", caveat="members").validated())
    assert res.status == "stored", res.error
    code, out = _cli(settings, "ais", "detect", "--json", "--record")
    assert code == 0, out
    events = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    rows = _ais_incidents(db)
    kinds = {r.type for r in rows}
    assert {"ship_to_ship_transfer", "port_call", "other_violation"} <= kinds
    assert len(rows) >= sum(e["type"] in ("encounter", "port_visit") for e in events)
    assert {r.evidence_id for r in rows} == {res.evidence_id}
    assert {r.caveat for r in rows} == {"members"}  # inherited from the AIS evidence item
    with transaction(db) as s:
        ledgered = s.execute(select(func.count()).select_from(LedgerEntry).where(
            LedgerEntry.kind == "incident.recorded")).scalar()
    assert ledgered == len(rows) and all(r.ledger_seq >= 0 for r in rows)
    code, out = _cli(settings, "ais", "map", "--out", str(tmp_path / "tracks.svg"), "--json")
    drawn = json.loads(out)
    assert code == 0 and drawn["tracks"] == len({v["mmsi"] for e in events for v in e["vessels"]})
    assert drawn["events"] == sum(e["lat"] is not None for e in events)
    assert (tmp_path / "tracks.svg").read_text().startswith("<?xml")
    code, out = _cli(settings, "ais", "map", "--out", str(tmp_path / "x.gif"))
    assert code != 0 and ".svg or .png" in out
    code, out = _cli(settings, "ais", "detect", "--record")
    assert code == 0 and "incidents recorded: 0," in out and f"already recorded: {len(rows)}" \
        in out
    assert len(_ais_incidents(db)) == len(rows)
    # designated vessels from an imported list (no --designated): the look-alike IMO fires
    from sanctionwatch.lists.repository import import_entities

    assert not [e for e in events if e["rule"] == "imo_near_designated"]
    import_entities(db, "un-test", [{
        "id": f"unsc-vessel-{d['imo']}", "schema": "Vessel",
        "properties": {"name": [d["name"]], "imoNumber": [f"IMO{d['imo']}"]}}
        for d in designated], source_format="ftm", sha256="0" * 64, filename="vessels.csv")
    code, out = _cli(settings, "ais", "detect", "--json", "--detector", "identity")
    near = [json.loads(line) for line in out.splitlines() if "imo_near_designated" in line]
    assert code == 0 and len(near) == len(designated)
    assert near[0]["details"]["designated_imo"] == designated[0]["imo"]
