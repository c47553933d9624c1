"""Designated parties named in evidence become designated_entity_activity incidents."""

from __future__ import annotations

import hashlib
from pathlib import Path

from sanctionwatch.access.incidents import visible_incidents
from sanctionwatch.access.policy import Principal
from sanctionwatch.config import Settings
from sanctionwatch.ingest.hooks import derived_records
from sanctionwatch.ingest.pipeline import IntakeOptions, ingest_bytes
from sanctionwatch.lists.ftm_io import parse_vessels_csv
from sanctionwatch.lists.packaged import load_packaged, packaged_path
from sanctionwatch.lists.repository import import_entities
from sanctionwatch.regimes.engine import assess
from sanctionwatch.regimes.loader import get_regime
from sanctionwatch.store.db import get_engine, transaction

OPTS = IntakeOptions(originator="US", caveat="members").validated()


def _lists(settings: Settings, tmp_path: Path) -> None:
    engine = get_engine(settings)
    header, entities = load_packaged()
    import_entities(engine, "un_sc", entities, source_format="packaged",
                    sha256=hashlib.sha256(packaged_path().read_bytes()).hexdigest(),
                    filename="packaged", generated=header.get("generated"))
    csv = tmp_path / "vessels.csv"
    csv.write_text("name,imo,mmsi,flag\nGREY HERON 5,9301237,445123000,KP\n", "utf-8")
    import_entities(engine, "vessels", parse_vessels_csv(csv, max_bytes=10_000),
                    source_format="vessels", sha256="x" * 64, filename=csv.name)


def _designated(settings: Settings, text: str) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    engine = get_engine(settings)
    res = ingest_bytes(settings, engine, "doc.txt", text.encode(), OPTS,
                       derived=derived_records(settings, engine))
    with transaction(engine) as s:
        listing = visible_incidents(s, Principal("c", "coordinator"), context="t",
                                    evidence_ids=[res.item_id or ""])
    return [(v.incident.entities, v.incident.vessels) for v in listing.incidents
            if v.incident.type == "designated_entity_activity"]


def test_listed_entity_and_vessel_are_linked(settings: Settings, tmp_path: Path) -> None:
    _lists(settings, tmp_path)
    found = _designated(settings, (
        "In 2017 the Korea Mining Development Trading Corporation shipped missile parts "
        "to Syria, officials said. In May 2018 the DPRK-flagged tanker Grey Heron 5 "
        "received refined petroleum in a ship-to-ship transfer from a Panama-flagged ship."))
    names = {n for ents, _ in found for n in ents}
    vessels = {v for _, vs in found for v in vs}
    assert any("KOREA MINING DEVELOPMENT" in n for n in names), found
    assert "GREY HERON 5" in vessels, found


def test_no_link_without_a_listed_party(settings: Settings, tmp_path: Path) -> None:
    _lists(settings, tmp_path)
    assert _designated(settings, (
        "In 2019 North Korea shipped coal to China aboard the cargo ship Blue Sky 2, "
        "according to the Korea Trade Agency.")) == []


def test_designated_activity_engages_the_asset_freeze() -> None:
    from sanctionwatch.incident import Incident

    inc = Incident.model_validate({"type": "designated_entity_activity", "from": "KP",
                                   "to": "SY", "when": "2017", "stance": "asserted",
                                   "entities": ["KOREA MINING DEVELOPMENT TRADING CORPORATION"]})
    cited = {(f.resolution, f.paragraph) for f in assess(inc, get_regime("dprk")).engaged}
    # S/RES/1718 (2006) OP 8(d): assets of designated persons and entities are frozen.
    assert any(r.startswith("1718") and p.startswith("OP 8(d)") for r, p in cited), cited
