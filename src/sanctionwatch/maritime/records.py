"""Column buffers shared by the readers: decoded positions and static/voyage records."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

POSITION_FIELDS = ("mmsi", "t", "lat", "lon", "sog", "cog", "heading")
STATIC_FIELDS = ("mmsi", "t", "imo", "name", "callsign", "ship_type", "flag", "destination")


@dataclass
class Decoded:
    """What a reader produced from one file, before cleaning.

    ``positions`` and ``statics`` are column lists (same length within each). ``rejected``
    counts what the reader could not use, by reason.
    """

    positions: dict[str, list[object]] = field(
        default_factory=lambda: {k: [] for k in POSITION_FIELDS})
    statics: dict[str, list[object]] = field(
        default_factory=lambda: {k: [] for k in STATIC_FIELDS})
    rejected: Counter[str] = field(default_factory=Counter)
    read: int = 0  # lines / rows / messages seen

    def add_position(self, mmsi: object, t: object, lat: object, lon: object,
                     sog: object = None, cog: object = None, heading: object = None) -> None:
        p = self.positions
        p["mmsi"].append(mmsi)
        p["t"].append(t)
        p["lat"].append(lat)
        p["lon"].append(lon)
        p["sog"].append(sog)
        p["cog"].append(cog)
        p["heading"].append(heading)

    def add_static(self, mmsi: object, t: object, *, imo: object = None, name: object = None,
                   callsign: object = None, ship_type: object = None, flag: object = None,
                   destination: object = None) -> None:
        s = self.statics
        s["mmsi"].append(mmsi)
        s["t"].append(t)
        s["imo"].append(imo)
        s["name"].append(name)
        s["callsign"].append(callsign)
        s["ship_type"].append(ship_type)
        s["flag"].append(flag)
        s["destination"].append(destination)
