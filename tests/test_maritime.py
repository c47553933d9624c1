"""Maritime: reference data, NMEA/tabular intake, cleaning, detectors on DuckDB, incidents."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

from sanctionwatch.maritime.clean import clean
from sanctionwatch.maritime.designated import DesignatedVessel, read_designated_csv
from sanctionwatch.maritime.detect import run_detectors
from sanctionwatch.maritime.engines import DuckDBEngine, Selection
from sanctionwatch.maritime.geo import port_cells, shore_distance_nm
from sanctionwatch.maritime.identity import imo_valid, mid_country, one_edit
from sanctionwatch.maritime.incidents import events_to_incidents
from sanctionwatch.maritime.nmea import read_nmea
from sanctionwatch.maritime.reference import (
    coastline,
    default_thresholds,
    find_port,
    mid_table,
    ports,
)
from sanctionwatch.maritime.synthetic import generate
from sanctionwatch.maritime.tabular import read_csv, read_jsonl

TH = default_thresholds()
NOWHERE = Path("/nonexistent-maritime")


def run(positions: pa.Table, statics: pa.Table, designated: list[DesignatedVessel] | None = None,
        selection: Selection | None = None) -> list[dict]:
    eng = DuckDBEngine(NOWHERE, NOWHERE, selection or Selection(), positions=positions,
                       statics=statics)
    try:
        return run_detectors(eng, TH, designated or [])
    finally:
        eng.close()


def with_ev(table: pa.Table, ev: str = "ev-test") -> pa.Table:
    return table.append_column("evidence_id", pa.array([ev] * table.num_rows, pa.string()))


# --- reference data -------------------------------------------------------------------------

def test_every_data_file_loads_with_sources() -> None:
    assert TH.encounter.max_distance_km == 0.5 and TH.gap.min_hours == 6.0
    for rule in (TH.segmentation, TH.gap, TH.encounter, TH.loitering, TH.port_visit,
                 TH.identity):
        assert rule.source
    names = {p.name for p in ports()}
    assert {"Nampo", "Najin", "Chongjin", "Hungnam", "Wonsan", "Songnim", "Haeju",
            "Vostochny", "Nakhodka", "Vladivostok", "Zarubino", "Dunai"} <= names
    assert all(p.source for p in ports())
    rajin, songnim = find_port("Rajin"), find_port("kyomip'o")
    assert rajin is not None and rajin.name == "Najin"
    assert songnim is not None and songnim.name == "Songnim"
    assert mid_table()["445"] == "KP" and mid_table()["273"] == "RU"
    assert len(coastline()) > 5


def test_shore_distance_grid_is_plausible() -> None:
    # the middle of the Yellow Sea and the East Sea are far offshore, Nampo's roads are not
    assert (shore_distance_nm(36.0, 123.5) or 0) > 50
    assert (shore_distance_nm(39.5, 131.5) or 0) > 50
    assert (shore_distance_nm(38.7, 125.3) or 99) < 10
    assert shore_distance_nm(10.0, 10.0) is None  # outside the grid: unknown
    assert port_cells().num_rows > 0


def test_identity_helpers() -> None:
    assert imo_valid("9074729") and imo_valid("IMO 9074729") and imo_valid("9176187")
    assert not imo_valid("9074728") and not imo_valid("123") and not imo_valid(None)
    assert one_edit("8814881", "8314881") and not one_edit("8314881", "8314881")
    assert mid_country(445123456) == "KP" and mid_country(111123456) is None


# --- intake and cleaning --------------------------------------------------------------------

def _nmea(body: str) -> bytes:
    """A sentence with a correct checksum (XOR of the characters between ! and *)."""
    check = 0
    for ch in body.encode():
        check ^= ch
    return f"!{body}*{check:02X}".encode()


def test_nmea_bad_input_is_counted_not_raised() -> None:
    good = b"!AIVDM,1,1,,A,13HOI:0P0000VOHLCnHQKwvL05Ip,0*23"
    part1 = _nmea("AIVDM,2,1,3,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0")
    part1b = _nmea("AIVDM,2,1,7,B,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0")
    data = b"\n".join([
        b"\\c:1704067200*5C\\" + good,                     # tag block time (checksum ignored)
        b"1704067260 " + good,                                  # leading epoch column
        good[:-2] + b"00",                                      # wrong checksum
        part1,                                                  # first part only
        b"garbage \xff\xfe line",
        b"!AIVDM,1,1,,A,,0*26",
        b"\\g:1-2-99*00\\" + part1b,                             # grouped, never completed
    ])
    out = read_nmea(data)
    assert len(out.positions["mmsi"]) == 2
    assert out.positions["t"] == [1704067200, 1704067260]
    assert out.rejected["bad_checksum"] == 1
    assert out.rejected["truncated_multipart"] == 2
    assert out.rejected["not_nmea"] == 1
    assert out.rejected["empty_payload"] == 1


def test_nmea_multipart_static_message_is_assembled() -> None:
    from pyais import encode_dict

    sentences = encode_dict({"type": 5, "mmsi": 445123456, "imo": 8314881,
                             "shipname": "YON PUNG 3", "callsign": "HMAB", "ship_type": 80},
                            talker_id="AI")
    assert len(sentences) == 2
    data = "\n".join(f"1704067200 {s}" for s in sentences).encode()
    out = read_nmea(data)
    assert out.statics["name"] == ["YON PUNG 3"] and out.statics["imo"] == ["8314881"]
    assert out.statics["t"] == [1704067200]


def test_shared_nmea_sample(shared_dir: Path) -> None:
    out = read_nmea((shared_dir / "ais-samples" / "pyais_nmea_data_sample.nmea").read_bytes())
    decoded = len(out.positions["mmsi"]) + len(out.statics["mmsi"]) + sum(
        v for k, v in out.rejected.items() if k.startswith("not_vessel"))
    assert decoded == 778  # what pyais decodes from the sample
    assert out.rejected["empty_payload"] == 100
    c = clean(out, TH.segmentation)
    assert c.rejected["no_timestamp"] == len(out.positions["mmsi"])  # no times in this file
    assert c.positions.num_rows == 0


def test_sentinel_positions_rejected(shared_dir: Path) -> None:
    raw = (shared_dir / "ais-samples" / "gfw_263576000_sentinel_positions.jsonl").read_bytes()
    rows = [json.loads(x) for x in raw.splitlines()]
    sentinel = sum(1 for r in rows if r.get("lat") == 91 or r.get("lon") == 181)
    c = clean(read_jsonl(raw), TH.segmentation)
    assert sentinel >= 1 and c.rejected["invalid_position"] == sentinel
    assert c.rejected["no_position"] == sum(1 for r in rows if r.get("lat") is None)
    lat = c.positions.column("lat").to_pylist()
    assert max(abs(x) for x in lat) <= 90


def test_segmentation_against_labels(shared_dir: Path) -> None:
    """Our segments are nearly pure with respect to GFW's labelled segments (we split more:
    GFW's segmenter keeps some implausible jumps in its main segment)."""
    path = shared_dir / "ais-samples" / "gfw_338013000_labelled_segments.jsonl"
    rows = [json.loads(x) for x in path.read_bytes().splitlines()]
    c = clean(read_jsonl(path.read_bytes()), TH.segmentation)
    import pandas as pd

    lab = pd.DataFrame([r for r in rows if r.get("lat") is not None])
    lab["t"] = pd.to_datetime(lab["timestamp"], utc=True).astype("int64") // 10**9
    df = c.positions.to_pandas().merge(lab[["t", "lat", "lon", "expected"]]
                                       .drop_duplicates(["t", "lat", "lon"]),
                                       on=["t", "lat", "lon"])
    assert len(df) > 900
    majority = df.groupby("seg")["expected"].agg(lambda s: s.value_counts().iloc[0]).sum()
    assert majority / len(df) >= 0.97


def test_impossible_jump_splits_track() -> None:
    from sanctionwatch.maritime.records import Decoded

    d = Decoded()
    for i in range(10):  # 10 kn northward, then a fix 300 km away, then back on track
        d.add_position(412000001, 1704067200 + 60 * i, 35.0 + i * 0.0028, 123.0)
    d.add_position(412000001, 1704067200 + 630, 38.0, 123.0)
    d.add_position(412000001, 1704067200 + 660, 35.0 + 11 * 0.0028, 123.0)
    c = clean(d, TH.segmentation)
    seg = c.positions.column("seg").to_pylist()
    good = c.positions.column("good").to_pylist()
    lat = c.positions.column("lat").to_pylist()
    wild = lat.index(38.0)
    assert seg[wild] != seg[0] and not good[wild]
    assert len({s for s, la in zip(seg, lat, strict=True) if la != 38.0}) == 1


def test_csv_mapping_duplicates_and_out_of_order() -> None:
    csv = (b"MMSI,BaseDateTime,LAT,LON,SOG,VesselName,IMO\n"
           b"412000001,2024-01-01T00:10:00,35.0,123.0,0.1,KUM UN SAN,IMO8314881\n"
           b"412000001,2024-01-01T00:00:00,35.0,123.0,0.1,KUM UN SAN,IMO8314881\n"
           b"412000001,2024-01-01T00:00:00,35.0,123.0,0.1,KUM UN SAN,IMO8314881\n"
           b"12345,2024-01-01T00:00:00,35.0,123.0,0.1,,\n"
           b"412000002,not a time,35.0,123.0,0.1,,\n")
    c = clean(read_csv(csv), TH.segmentation)
    assert c.positions.num_rows == 2
    assert c.positions.column("t").to_pylist() == [1704067200, 1704067800]
    assert c.rejected == {"duplicate": 1, "invalid_mmsi": 1, "no_timestamp": 1}
    assert c.notes["input_out_of_time_order"] == 1
    assert c.statics.column("imo").to_pylist() == ["8314881"]


# --- detectors on real and synthetic data ---------------------------------------------------

def _utm32_to_wgs84(e: float, n: float) -> tuple[float, float]:
    """Inverse transverse Mercator (WGS 84, UTM zone 32N), after Snyder (1987)."""
    a, f, k0 = 6378137.0, 1 / 298.257223563, 0.9996
    e2 = f * (2 - f)
    ep2 = e2 / (1 - e2)
    e1 = (1 - math.sqrt(1 - e2)) / (1 + math.sqrt(1 - e2))
    x, m = e - 500000.0, n / k0
    mu = m / (a * (1 - e2 / 4 - 3 * e2**2 / 64 - 5 * e2**3 / 256))
    p1 = (mu + (3 * e1 / 2 - 27 * e1**3 / 32) * math.sin(2 * mu)
          + (21 * e1**2 / 16 - 55 * e1**4 / 32) * math.sin(4 * mu)
          + (151 * e1**3 / 96) * math.sin(6 * mu) + (1097 * e1**4 / 512) * math.sin(8 * mu))
    c1, t1 = ep2 * math.cos(p1) ** 2, math.tan(p1) ** 2
    n1 = a / math.sqrt(1 - e2 * math.sin(p1) ** 2)
    r1 = a * (1 - e2) / (1 - e2 * math.sin(p1) ** 2) ** 1.5
    d = x / (n1 * k0)
    lat = p1 - (n1 * math.tan(p1) / r1) * (
        d**2 / 2 - (5 + 3 * t1 + 10 * c1 - 4 * c1**2 - 9 * ep2) * d**4 / 24
        + (61 + 90 * t1 + 298 * c1 + 45 * t1**2 - 252 * ep2 - 3 * c1**2) * d**6 / 720)
    lon = (d - (1 + 2 * t1 + c1) * d**3 / 6 + (5 - 2 * c1 + 28 * t1 - 3 * c1**2 + 8 * ep2
                                               + 24 * t1**2) * d**5 / 120) / math.cos(p1)
    return math.degrees(lat), 9.0 + math.degrees(lon)


def dma_close_approach(shared_dir: Path) -> bytes:
    gj = json.loads((shared_dir / "ais-samples" / "dma_close_approach_utm32N.geojson").read_text())
    lines = []
    for feat in gj["features"]:
        lat, lon = _utm32_to_wgs84(*feat["geometry"]["coordinates"])
        p = feat["properties"]
        lines.append(json.dumps({"mmsi": p["MMSI"], "timestamp": p["t"] + "Z", "lat": lat,
                                 "lon": lon, "sog": p["SOG"], "cog": p["COG"],
                                 "name": p["Name"], "ship_type": p["ShipType"]}))
    return "\n".join(lines).encode()


def test_fast_close_approach_is_not_an_encounter(shared_dir: Path) -> None:
    c = clean(read_jsonl(dma_close_approach(shared_dir)), TH.segmentation)
    lat = c.positions.column("lat").to_pylist()
    assert 57 < min(lat) < 58.5  # Kattegat: the projection is right
    events = run(with_ev(c.positions), with_ev(c.statics))
    assert [e for e in events if e["type"] == "encounter"] == []


def test_shared_mmsi_identity(shared_dir: Path) -> None:
    raw = (shared_dir / "ais-samples" / "gfw_416000000_shared_mmsi.jsonl").read_bytes()
    c = clean(read_jsonl(raw), TH.segmentation)
    events = run(with_ev(c.positions), with_ev(c.statics))
    ident = [e for e in events if e["rule"] == "shared_mmsi_simultaneous_tracks"]
    assert len(ident) == 1 and ident[0]["vessels"][0]["mmsi"] == 416000000
    assert ident[0]["details"]["overlap_hours"] > 24 and ident[0]["evidence"] == ["ev-test"]


def _match(events: list[dict], truth: dict) -> bool:
    from sanctionwatch.maritime.detect import iso

    for e in events:
        if e["type"] != truth["type"] or sorted(v["mmsi"] for v in e["vessels"]) != truth["mmsi"]:
            continue
        if "rule" in truth:
            if e["rule"] == truth["rule"]:
                return True
            continue
        if e["start"] <= iso(truth["end"]) and e["end"] >= iso(truth["start"]):
            if truth["type"] == "port_visit" and e["port"] != truth["port"]:
                continue
            if truth["type"] == "gap" and (e["rule"] == "gap_likely_intentional") != truth[
                    "intentional"]:
                continue
            return True
    return False


def test_planted_events_are_found_without_false_positives() -> None:
    syn = generate(n_vessels=60, hours=30, seed=11)
    designated = [DesignatedVessel(name=d["name"], imo=d["imo"]) for d in syn.designated]
    events = run(syn.positions, syn.statics, designated)
    missed = [t for t in syn.truth if not _match(events, t)]
    assert missed == []
    planted = {m for t in syn.truth for m in t["mmsi"]}
    extra = [e for e in events if e["type"] != "identity"
             and not {v["mmsi"] for v in e["vessels"]} <= planted]
    assert extra == []  # background traffic raises nothing


def test_selection_window_and_bbox() -> None:
    syn = generate(n_vessels=10, hours=30, seed=3, n_encounters=2, n_gaps=0, n_port_visits=0,
                   n_identity=0)
    enc = [t for t in syn.truth if t["type"] == "encounter"]
    yellow = Selection(bbox=(121.0, 33.0, 127.0, 38.0))
    got = [e for e in run(syn.positions, syn.statics, selection=yellow)
           if e["type"] == "encounter"]
    assert len(got) == 1 and 121 < got[0]["lon"] < 127
    before = Selection(until=min(t["start"] for t in enc) - 3600)
    assert [e for e in run(syn.positions, syn.statics, selection=before)
            if e["type"] == "encounter"] == []


def test_designated_csv_and_incidents(tmp_path: Path) -> None:
    path = tmp_path / "vessels.csv"
    path.write_text("name,imo,mmsi,flag\nYON PUNG 3,8314881,,KP\nCHON MA SAN,IMO 8660313,"
                    "445112000,KP\n")
    des = read_designated_csv(path)
    assert des[1].imo == "8660313" and des[1].mmsi == 445112000
    events: list[dict[str, Any]] = [
        {"type": "encounter", "vessels": [{"mmsi": 445112000, "imo": None, "name": None},
                                          {"mmsi": 412000001, "imo": None, "name": "X"}],
         "start": "2024-01-01T03:00:00Z", "end": "2024-01-01T06:00:00Z", "lat": 36.0,
         "lon": 123.5, "port": None, "rule": "encounter", "details": {}, "evidence": ["ev-a"]},
        {"type": "port_visit", "vessels": [{"mmsi": 412000002, "imo": None, "name": "Y"}],
         "start": "2024-01-02T03:00:00Z", "end": None, "lat": 38.7, "lon": 125.4,
         "port": "Nampo", "rule": "port_visit", "details": {}, "evidence": ["ev-b"]},
        {"type": "loitering", "vessels": [{"mmsi": 412000003, "imo": None, "name": "Z"}],
         "start": "2024-01-02T03:00:00Z", "end": None, "lat": 38.7, "lon": 125.4,
         "port": None, "rule": "loitering", "details": {}, "evidence": ["ev-c"]},
    ]
    inc = events_to_incidents(events, des)
    kinds = [(i.type, i.evidence_id) for i in inc]
    assert kinds == [("ship_to_ship_transfer", "ev-a"), ("designated_entity_activity", "ev-a"),
                     ("port_call", "ev-b")]
    assert inc[2].to == "KP" and inc[0].when == "2024-01-01"


def test_unknown_detector_is_refused() -> None:
    eng = DuckDBEngine(NOWHERE, NOWHERE, Selection())
    with pytest.raises(ValueError, match="unknown detector"):
        run_detectors(eng, TH, [], ["teleport"])
    assert run_detectors(eng, TH, []) == []  # empty workspace: no events, no crash
