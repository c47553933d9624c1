"""Run the detectors on an engine and turn their rows into events (JSON-ready dicts).

Event shape: ``{"type", "vessels": [{"mmsi", "imo", "name"}], "start", "end", "lat",
"lon", "port", "rule", "details", "evidence"}``; times are ISO 8601 UTC.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import pyarrow as pa

from sanctionwatch.maritime import sql
from sanctionwatch.maritime.designated import DesignatedVessel
from sanctionwatch.maritime.engines import Engine
from sanctionwatch.maritime.identity import (
    imo_valid,
    mid_country,
    mid_of,
    norm_name,
    one_edit,
)
from sanctionwatch.maritime.reference import Thresholds

Event = dict[str, Any]
LOOK = "_look"
DETECTORS = ("gap", "encounter", "loitering", "port_visit", "identity")


def iso(t: int | float | None) -> str | None:
    if t is None:
        return None
    return datetime.fromtimestamp(int(t), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _r(x: Any, nd: int = 3) -> float | None:
    return None if x is None else round(float(x), nd)


class VesselBook:
    """Identity of each MMSI as broadcast (most recent static record), plus designations."""

    def __init__(self, history: list[dict[str, Any]],
                 designated: Sequence[DesignatedVessel] = ()) -> None:
        self.history = history
        self.latest: dict[int, dict[str, Any]] = {}
        for row in sorted(history, key=lambda r: (r["t1"] or 0, r["n"])):
            cur = self.latest.setdefault(int(row["mmsi"]), {"imo": None, "name": None})
            if row["imo"]:
                cur["imo"] = row["imo"]
            if row["name"]:
                cur["name"] = row["name"]
        self.designated = list(designated)
        self.by_imo = {d.imo: d for d in designated if d.imo}
        self.by_mmsi = {d.mmsi: d for d in designated if d.mmsi}
        self.by_name = {d.key_name: d for d in designated if d.key_name}

    def match(self, mmsi: int) -> DesignatedVessel | None:
        info = self.latest.get(mmsi, {})
        return (self.by_mmsi.get(mmsi) or self.by_imo.get(info.get("imo") or "")
                or self.by_name.get(norm_name(info.get("name"))))

    def vessel(self, mmsi: int) -> dict[str, Any]:
        info = self.latest.get(mmsi, {})
        out: dict[str, Any] = {"mmsi": mmsi, "imo": info.get("imo"), "name": info.get("name")}
        hit = self.match(mmsi)
        if hit is not None:
            out["designated"] = {"name": hit.name, "imo": hit.imo, "mmsi": hit.mmsi,
                                 "reference": hit.reference}
        return out


def _event(kind: str, book: VesselBook, mmsis: Sequence[int], start: Any, end: Any,
           lat: Any, lon: Any, rule: str, details: dict[str, Any],
           evidence: Sequence[str | None], port: str | None = None,
           look: Sequence[tuple[int, int, int]] = ()) -> Event:
    """An event; ``look`` lists (mmsi, t0, t1) whose positions' evidence items it cites
    (filled in by :func:`run_detectors`)."""
    out: Event = {
        "type": kind, "vessels": [book.vessel(int(m)) for m in mmsis],
        "start": iso(start), "end": iso(end), "lat": _r(lat, 5), "lon": _r(lon, 5),
        "port": port, "rule": rule, "details": details,
        "evidence": sorted({e for e in evidence if e}),
    }
    if look:
        out[LOOK] = [(int(m), int(a), int(b)) for m, a, b in look]
    return out


def detect_gaps(engine: Engine, th: Thresholds, book: VesselBook) -> list[Event]:
    g = th.gap
    out = []
    for r in engine.query(sql.gaps(th)):
        hours = (r["t_end"] - r["t_start"]) / 3600.0
        intentional = (hours >= g.intentional_min_hours and r["shore_nm"] is not None
                       and r["shore_nm"] >= g.intentional_min_offshore_nm
                       and r["n12"] >= g.intentional_min_positions_12h)
        rule = "gap_likely_intentional" if intentional else "gap"
        out.append(_event("gap", book, [r["mmsi"]], r["t_start"], r["t_end"], r["lat"],
                          r["lon"], rule, {
                              "hours": _r(hours, 2), "min_hours": g.min_hours,
                              "shore_nm_at_start": _r(r["shore_nm"], 1),
                              "positions_12h_before": int(r["n12"]),
                              "end_lat": _r(r["lat2"], 5), "end_lon": _r(r["lon2"], 5),
                          }, [], look=[(r["mmsi"], r["t_start"], r["t_end"])]))
    return out


def vessel_class(ship_type: str | None) -> str:
    """Class of an AIS ship type (code 0–99 or text) for per-class thresholds."""
    if not ship_type:
        return "other"
    text = str(ship_type).upper()
    if text.isdigit():
        code = int(text)
        return ("fishing" if code == 30 else "passenger" if 60 <= code <= 69
                else "cargo" if 70 <= code <= 79 else "tanker" if 80 <= code <= 89 else "other")
    for word, cls in (("REEFER", "carrier"), ("CARRIER", "carrier"), ("TANK", "tanker"),
                      ("FISH", "fishing"), ("CARGO", "cargo"), ("PASSENGER", "passenger")):
        if word in text:
            return cls
    return "other"


def detect_loitering(engine: Engine, th: Thresholds, book: VesselBook) -> list[Event]:
    lo = th.loitering
    types: dict[int, str | None] = {}
    for row in sorted(book.history, key=lambda r: r["t1"] or 0):
        if row["ship_type"]:
            types[int(row["mmsi"])] = row["ship_type"]
    out = []
    for r in engine.query(sql.loitering(th)):
        cls = vessel_class(types.get(int(r["mmsi"])))
        need = lo.class_min_hours.get(cls, lo.min_hours)
        hours = (r["t_end"] - r["t_start"]) / 3600.0
        if hours < need:
            continue
        out.append(_event("loitering", book, [r["mmsi"]], r["t_start"], r["t_end"], r["lat"],
                          r["lon"], "loitering", {
                              "hours": _r(hours, 2), "mean_knots": _r(r["mean_knots"], 2),
                              "shore_nm": _r(r["shore_nm"], 1), "vessel_class": cls,
                              "min_hours": need, "max_knots": lo.max_knots,
                              "positions": int(r["n"]),
                          }, [], look=[(r["mmsi"], r["t_start"], r["t_end"])]))
    return out


def detect_port_visits(engine: Engine, th: Thresholds, book: VesselBook) -> list[Event]:
    out = []
    for r in engine.query(sql.port_visits(th)):
        stopped = r["stop_start"] is not None
        exited = r["t_end"] < r["seg_last"]
        port_gap = r["max_gap_s"] > th.port_visit.port_gap_hours * 3600
        out.append(_event("port_visit", book, [r["mmsi"]], r["t_start"], r["t_end"], r["lat"],
                          r["lon"], "port_visit", {
                              "min_distance_km": _r(r["min_km"], 2), "stopped": stopped,
                              "stop_start": iso(r["stop_start"]), "resume": iso(r["resume"]),
                              "exit_observed": exited, "port_gap": port_gap,
                              "max_gap_hours": _r(r["max_gap_s"] / 3600.0, 2),
                              "confidence": 1 + int(stopped or port_gap) + int(exited),
                          }, [], port=r["port"], look=[(r["mmsi"], r["t_start"], r["t_end"])]))
    return out


def detect_encounters(engine: Engine, th: Thresholds, book: VesselBook) -> list[Event]:
    out = []
    for r in engine.query(sql.encounters(th)):
        hours = (r["t_end"] - r["t_start"]) / 3600.0
        out.append(_event("encounter", book, [r["m1"], r["m2"]], r["t_start"], r["t_end"],
                          r["lat"], r["lon"], "encounter", {
                              "hours": _r(hours, 2), "median_km": _r(r["median_km"], 3),
                              "median_knots": _r(r["median_knots"], 2),
                              "slots": int(r["n"]),
                              "port_km": _r(r["port_km"], 1),
                          }, [], look=[(r["m1"], r["t_start"], r["t_end"]),
                                       (r["m2"], r["t_start"], r["t_end"])]))
    return out


def detect_identity(engine: Engine, th: Thresholds, book: VesselBook) -> list[Event]:
    idr = th.identity
    out: list[Event] = []
    overlaps: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for r in engine.query(sql.segment_overlaps()):
        overlaps[int(r["mmsi"])].append(r)
    for mmsi, rows in sorted(overlaps.items()):
        hours = sum((r["o1"] - r["o0"]) for r in rows) / 3600.0
        if hours <= idr.min_overlap_hours:
            continue
        segs = {r["seg_a"] for r in rows} | {r["seg_b"] for r in rows}
        first = min(rows, key=lambda r: r["o0"])
        out.append(_event("identity", book, [mmsi], first["o0"], max(r["o1"] for r in rows),
                          first["lat_a"], first["lon_a"], "shared_mmsi_simultaneous_tracks", {
                              "overlap_hours": _r(hours, 1), "tracks": len(segs),
                              "min_overlap_hours": idr.min_overlap_hours,
                          }, [], look=[(mmsi, r["o0"], r["o1"]) for r in rows]))
    by_mmsi: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for r in book.history:
        by_mmsi[int(r["mmsi"])].append(r)
    for mmsi, rows in sorted(by_mmsi.items()):
        rows.sort(key=lambda r: (r["t0"] or 0, r["name"] or "", r["imo"] or ""))
        t0 = rows[0]["t0"]
        t1 = max((r["t1"] or 0) for r in rows) or None
        ev = [r["evidence_id"] for r in rows]

        def add(rule: str, details: dict[str, Any], mmsi: int = mmsi, t0: Any = t0,
                t1: Any = t1, ev: list[Any] = ev) -> None:
            out.append(_event("identity", book, [mmsi], t0, t1, None, None, rule, details, ev))

        for imo in sorted({r["imo"] for r in rows if r["imo"]}):
            if not imo_valid(imo):
                add("invalid_imo_check_digit", {"imo": imo})
            for d in book.designated:
                if d.imo and one_edit(imo, d.imo, idr.max_edit_distance):
                    add("imo_near_designated", {"imo": imo, "designated_imo": d.imo,
                                                "designated_name": d.name})
        names = sorted({norm_name(r["name"]) for r in rows if r["name"]} - {""})
        for name in names:
            for d in book.designated:
                if len(name) >= 4 and one_edit(name, d.key_name, idr.max_edit_distance):
                    add("name_near_designated", {"name": name, "designated_name": d.name,
                                                 "designated_imo": d.imo})
        if len(names) > 1:
            add("name_change", {"names": [r["name"] for r in rows if r["name"]]})
        flags = sorted({r["flag"] for r in rows if r["flag"]})
        if len(flags) > 1:
            add("flag_change", {"flags": flags})
        country = mid_country(mmsi)
        if country is None:
            add("unallocated_mid", {"mid": mid_of(mmsi)})
        for flag in flags:
            if len(flag) == 2 and country and flag != country:
                add("mid_flag_mismatch", {"mid": mid_of(mmsi), "mid_country": country,
                                          "flag": flag})
    for d in book.designated:
        if d.mmsi and d.flag and len(d.flag) == 2:
            country = mid_country(d.mmsi)
            if country and country != d.flag and d.mmsi in book.latest:
                out.append(_event("identity", book, [d.mmsi], None, None, None, None,
                                  "mid_flag_mismatch", {"mid": mid_of(d.mmsi),
                                                        "mid_country": country,
                                                        "flag": d.flag, "from": "designation"},
                                  []))
    seen = {m for m in book.latest} | overlaps.keys()
    for mmsi in sorted(seen):
        hit = book.match(mmsi)
        if hit is not None:
            out.append(_event("identity", book, [mmsi], None, None, None, None,
                              "designated_vessel_broadcasting",
                              {"designated_name": hit.name, "designated_imo": hit.imo},
                              [r["evidence_id"] for r in by_mmsi.get(mmsi, [])]))
    return out


def _cite_evidence(engine: Engine, events: list[Event]) -> None:
    """Add the evidence items of the positions each event rests on (one small join)."""
    rows = [(k, m, a, b) for k, e in enumerate(events) for m, a, b in e.get(LOOK, ())]
    if rows:
        k, m, a, b = (list(col) for col in zip(*rows, strict=True))
        engine.register("look", pa.table({"k": pa.array(k, pa.int64()),
                                          "mmsi": pa.array(m, pa.int64()),
                                          "t0": pa.array(a, pa.int64()),
                                          "t1": pa.array(b, pa.int64())}))
        found: dict[int, set[str]] = defaultdict(set)
        for r in engine.query(sql.evidence_lookup()):
            if r["evidence_id"]:
                found[int(r["k"])].add(str(r["evidence_id"]))
        for i, e in enumerate(events):
            if i in found:
                e["evidence"] = sorted(set(e["evidence"]) | found[i])
    for e in events:
        e.pop(LOOK, None)


RUNNERS = {
    "gap": detect_gaps, "encounter": detect_encounters, "loitering": detect_loitering,
    "port_visit": detect_port_visits, "identity": detect_identity,
}


def run_detectors(engine: Engine, th: Thresholds,
                  designated: Sequence[DesignatedVessel] = (),
                  detectors: Sequence[str] = DETECTORS) -> list[Event]:
    """All events of the chosen detectors, sorted (type, start, vessels, rule)."""
    unknown = set(detectors) - set(DETECTORS)
    if unknown:
        raise ValueError(f"unknown detector(s) {sorted(unknown)}; choose from {DETECTORS}")
    book = VesselBook(engine.query(sql.identity_history()), designated)
    for name, query in sql.prepared(th, from_bins=engine.use_bins):
        engine.materialize(name, query)
    events: list[Event] = []
    for name in detectors:
        events.extend(RUNNERS[name](engine, th, book))
    _cite_evidence(engine, events)
    events.sort(key=lambda e: (e["type"], e["start"] or "", [v["mmsi"] for v in e["vessels"]],
                               e["rule"], e["port"] or "", str(e["details"])))
    return events
