"""`vessels show`: identity history from AIS static data, events, sightings, designations."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Engine as DbEngine

from sanctionwatch.config import Settings
from sanctionwatch.maritime.designated import DesignatedVessel
from sanctionwatch.maritime.detect import iso
from sanctionwatch.maritime.engines import DuckDBEngine, Selection
from sanctionwatch.maritime.service import detect, sightings_for
from sanctionwatch.maritime.storage import MaritimeStore


class VesselNotFound(LookupError):
    """Nothing is known about the vessel."""


def vessel_profile(settings: Settings, db: DbEngine, ident: str,
                   designated: Sequence[DesignatedVessel] = ()) -> dict[str, Any]:
    ident = ident.strip().upper().removeprefix("IMO").strip()
    if not ident.isdigit() or len(ident) not in (7, 9):
        raise ValueError(f"{ident!r} is neither an IMO number (7 digits) nor an MMSI (9 digits)")
    is_imo = len(ident) == 7
    store = MaritimeStore.for_home(settings.home)
    eng = DuckDBEngine(store.positions_dir, store.statics_dir, Selection())
    try:
        cond = f"imo = '{ident}'" if is_imo else f"mmsi = {int(ident)}"
        mmsis = sorted(int(r["mmsi"]) for r in eng.query(
            f"SELECT DISTINCT mmsi FROM stat WHERE {cond}"))
        if not is_imo:
            mmsis = sorted(set(mmsis) | {int(ident)})
        history: list[dict[str, Any]] = []
        if mmsis:
            history = eng.query(
                "SELECT mmsi, imo, name, callsign, ship_type, flag, MIN(t) AS t0, MAX(t) AS t1 "
                f"FROM stat WHERE mmsi IN ({', '.join(map(str, mmsis))}) "
                "GROUP BY mmsi, imo, name, callsign, ship_type, flag ORDER BY t0, mmsi")
            n_pos = eng.query("SELECT COUNT(*) AS n FROM pos WHERE mmsi IN "
                              f"({', '.join(map(str, mmsis))})")[0]["n"]
        else:
            n_pos = 0
    finally:
        eng.close()
    names = sorted({h["name"] for h in history if h["name"]})
    sightings = sightings_for(db, imo=ident if is_imo else None,
                              mmsi=None if is_imo else int(ident), names=names)
    desig = [d for d in designated if (is_imo and d.imo == ident) or (d.mmsi in mmsis)
             or any(h["imo"] and h["imo"] == d.imo for h in history)]
    if not history and not n_pos and not sightings and not desig:
        raise VesselNotFound(f"nothing known about {ident} (no AIS data, sightings or "
                             "designation)")
    events = [e for e in detect(settings, Selection(), designated=designated)
              if any(v["mmsi"] in mmsis for v in e["vessels"])] if mmsis else []
    return {
        "query": ident, "mmsi": mmsis, "positions": int(n_pos),
        "identity": [{"mmsi": h["mmsi"], "imo": h["imo"], "name": h["name"],
                      "callsign": h["callsign"], "ship_type": h["ship_type"], "flag": h["flag"],
                      "first": iso(h["t0"]), "last": iso(h["t1"])} for h in history],
        "designations": [{"name": d.name, "imo": d.imo, "mmsi": d.mmsi, "flag": d.flag,
                          "reference": d.reference} for d in desig],
        "events": events,
        "sightings": [{"id": s.id, "vessel": s.vessel, "place": s.place, "lat": s.lat,
                       "lon": s.lon, "observed_at": s.observed_at.isoformat(),
                       "observation": s.observation, "evidence_id": s.evidence_id}
                      for s in sightings],
    }
