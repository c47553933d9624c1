"""Detector events -> typed incidents citing the AIS evidence item (pure function)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sanctionwatch.incident import Incident
from sanctionwatch.maritime.designated import DesignatedVessel
from sanctionwatch.maritime.identity import norm_name
from sanctionwatch.maritime.reference import find_port

IDENTITY_VIOLATIONS = {
    "shared_mmsi_simultaneous_tracks", "invalid_imo_check_digit", "imo_near_designated",
    "name_near_designated", "mid_flag_mismatch", "unallocated_mid",
}


def _label(v: dict[str, Any]) -> str:
    if v.get("name"):
        return str(v["name"])
    if v.get("imo"):
        return f"IMO {v['imo']}"
    return f"MMSI {v['mmsi']}"


def _designated(v: dict[str, Any], designated: Sequence[DesignatedVessel]) -> bool:
    if v.get("designated"):
        return True
    for d in designated:
        if (d.imo and v.get("imo") == d.imo) or (d.mmsi and v.get("mmsi") == d.mmsi) or (
                d.key_name and norm_name(v.get("name")) == d.key_name):
            return True
    return False


def _sentence(e: dict[str, Any]) -> str:
    who = " and ".join(_label(v) for v in e["vessels"])
    where = f" at {e['port']}" if e.get("port") else (
        f" at {e['lat']}, {e['lon']}" if e.get("lat") is not None else "")
    span = (f" from {e['start']}" if e.get("start") else "") + (
        f" to {e['end']}" if e.get("end") else "")
    return f"AIS {e['type'].replace('_', ' ')} ({e['rule']}): {who}{where}{span}."


def events_to_incidents(events: Iterable[dict[str, Any]],
                        designated: Sequence[DesignatedVessel] = ()) -> list[Incident]:
    """Incidents for the events that matter to the regime.

    encounter -> ship_to_ship_transfer; port_visit -> port_call (``to`` = the port's
    country); identity anomalies and likely-intentional gaps -> other_violation; any event
    that involves a designated vessel also -> designated_entity_activity. Each incident
    cites the event's first AIS evidence item and carries the vessels' names.
    """
    out: list[Incident] = []
    for e in events:
        vessels = tuple(_label(v) for v in e["vessels"])
        base: dict[str, Any] = {
            "when": (e.get("start") or "")[:10] or None,
            "evidence_id": (e.get("evidence") or [None])[0],
            "vessels": vessels, "sentence": _sentence(e), "stance": "asserted",
            "attribution": "AIS detector " + e["rule"],
        }
        kinds: list[tuple[str, dict[str, Any]]] = []
        if e["type"] == "encounter":
            kinds.append(("ship_to_ship_transfer", {}))
        elif e["type"] == "port_visit":
            port = find_port(e["port"]) if e.get("port") else None
            kinds.append(("port_call", {"to": port.country if port else None}))
        elif (e["type"] == "identity" and e["rule"] in IDENTITY_VIOLATIONS) or (
                e["type"] == "gap" and e["rule"] == "gap_likely_intentional"):
            kinds.append(("other_violation", {}))
        if any(_designated(v, designated) for v in e["vessels"]):
            kinds.append(("designated_entity_activity", {}))
        for kind, extra in kinds:
            out.append(Incident(type=kind, **base, **extra))  # type: ignore[arg-type]
    return out
