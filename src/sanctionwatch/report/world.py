"""World geometry shipped with the package, for maps drawn offline.

``data/world-110m.json`` is derived from Natural Earth 1:110m Admin 0 countries
(public domain, https://www.naturalearthdata.com/, version 4.1.0) as redistributed in the
``world-atlas`` 2.0.2 npm package (TopoJSON, ISC licence). :func:`convert_topojson`
rebuilds it: ``npm pack world-atlas``, unpack, then
``python -m sanctionwatch.report.world package/countries-110m.json OUT.json``.
"""

from __future__ import annotations

import json
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

DATA = Path(__file__).parent / "data" / "world-110m.json"

# Natural Earth short names that the territory lookup does not resolve.
_NAME_FIXES = {
    "W. Sahara": "EH", "N. Cyprus": "CY", "Dem. Rep. Korea": "KP", "Bosnia and Herz.": "BA",
    "Dem. Rep. Congo": "CD", "Central African Rep.": "CF", "Eq. Guinea": "GQ",
    "S. Sudan": "SS", "Dominican Rep.": "DO", "Solomon Is.": "SB", "Falkland Is.": "FK",
    "Fr. S. Antarctic Lands": "TF", "Somaliland": "SO", "Kosovo": "XK", "Taiwan": "TW",
    "Côte d'Ivoire": "CI", "Korea": "KR", "Macedonia": "MK", "eSwatini": "SZ",
}


class Country(BaseModel):
    model_config = ConfigDict(frozen=True)

    iso2: str = Field(pattern=r"^[A-Z]{2}$|^-99$")
    name: str
    polygons: list[list[list[float]]]  # rings of [lon, lat]


class World(BaseModel):
    model_config = ConfigDict(frozen=True)

    source: str
    licence: str
    countries: list[Country]

    def by_iso2(self) -> dict[str, Country]:
        return {c.iso2: c for c in self.countries}


@lru_cache(maxsize=1)
def load_world(path: Path = DATA) -> World:
    """Load and validate the shipped world geometry."""
    return World.model_validate_json(path.read_bytes())


def _decode_arcs(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((round(x * sx + tx, 2), round(y * sy + ty, 2)))
        arcs.append(pts)
    return arcs


def _ring(arcs: list[list[tuple[float, float]]], refs: list[int]) -> list[list[float]]:
    out: list[list[float]] = []
    for ref in refs:
        pts = arcs[ref] if ref >= 0 else list(reversed(arcs[~ref]))
        out.extend([list(p) for p in (pts[1:] if out else pts)])
    return out


def _iso2(name: str) -> str:
    if name in _NAME_FIXES:
        return _NAME_FIXES[name]
    from rigour.territories import lookup_territory

    found = lookup_territory(name)
    return found.code.split("-")[0].upper() if found is not None else "-99"


def convert_topojson(topo: dict[str, Any]) -> dict[str, Any]:
    """Natural Earth countries TopoJSON (world-atlas) -> the compact shipped JSON."""
    arcs = _decode_arcs(topo)
    countries = []
    for geom in topo["objects"]["countries"]["geometries"]:
        name = geom.get("properties", {}).get("name", "")
        parts = geom.get("arcs", [])
        polys = parts if geom.get("type") == "MultiPolygon" else [parts]
        rings = [_ring(arcs, poly[0]) for poly in polys if poly]  # outer rings only
        countries.append({"iso2": _iso2(name), "name": name, "polygons": rings})
    countries.sort(key=lambda c: (c["iso2"], c["name"]))
    return {
        "source": "Natural Earth 1:110m Admin 0 countries v4.1.0 (public domain), "
        "via world-atlas 2.0.2 (https://github.com/topojson/world-atlas)",
        "licence": "public domain (Natural Earth)",
        "countries": countries,
    }


if __name__ == "__main__":  # pragma: no cover - data build tool
    src, dst = sys.argv[1], sys.argv[2]
    data = convert_topojson(json.loads(Path(src).read_text(encoding="utf-8")))
    Path(dst).write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
