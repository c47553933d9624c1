"""Geometry helpers: haversine, the coarse distance-from-shore grid and port lookup cells.

The shore grid covers 30–47° N, 117–142° E in 0.1° cells; each cell holds the distance in
nautical miles from its centre to the nearest point of the shipped coarse coastline
(``data/coastline.csv``, accurate to roughly ±10 km). Outside the grid the distance is
unknown (no row), and rules that need it do not fire.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pyarrow as pa

from sanctionwatch.maritime.reference import coastline, ports

EARTH_KM = 6371.0088
KM_PER_NM = 1.852
GRID_STEP = 0.1  # degrees; SQL uses floor(lat * 10)
GRID_LAT = (30.0, 47.0)
GRID_LON = (117.0, 142.0)
PORT_CELL = 0.05  # degrees; SQL uses floor(lat * 20)
PORT_RADIUS_KM = 12.0


def haversine_km(lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray,
                 lon2: np.ndarray) -> np.ndarray:
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dphi = p2 - p1
    dlmb = np.radians(lon2) - np.radians(lon1)
    a = np.sin(dphi / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlmb / 2) ** 2
    return np.asarray(2 * EARTH_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0))))


def _densified_coast(step_km: float = 4.0) -> np.ndarray:
    pts: list[tuple[float, float]] = []
    for _name, line in coastline():
        if len(line) == 1:
            pts.append(line[0])
        for (a_lat, a_lon), (b_lat, b_lon) in zip(line, line[1:], strict=False):
            d = float(haversine_km(np.array(a_lat), np.array(a_lon),
                                   np.array(b_lat), np.array(b_lon)))
            n = max(1, int(np.ceil(d / step_km)))
            for k in range(n + 1):
                f = k / n
                pts.append((a_lat + (b_lat - a_lat) * f, a_lon + (b_lon - a_lon) * f))
    return np.array(pts, dtype=float)


def _unit(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    p, q = np.radians(lat), np.radians(lon)
    return np.stack([np.cos(p) * np.cos(q), np.cos(p) * np.sin(q), np.sin(p)], axis=1)


@lru_cache(maxsize=1)
def shore_grid() -> pa.Table:
    """Table (gi BIGINT, gj BIGINT, shore_nm DOUBLE) with gi = floor(lat*10), gj = floor(lon*10)."""
    coast = _densified_coast()
    gi = np.arange(int(GRID_LAT[0] / GRID_STEP), int(GRID_LAT[1] / GRID_STEP))
    gj = np.arange(int(GRID_LON[0] / GRID_STEP), int(GRID_LON[1] / GRID_STEP))
    ii, jj = np.meshgrid(gi, gj, indexing="ij")
    lat = (ii.ravel() + 0.5) * GRID_STEP
    lon = (jj.ravel() + 0.5) * GRID_STEP
    # nearest coast point by the largest dot product of unit vectors (one matrix product
    # per chunk of cells); the chord gives the great-circle distance exactly
    cvec = _unit(coast[:, 0], coast[:, 1])
    best = np.empty(lat.shape)
    for start in range(0, len(lat), 4096):
        cells = _unit(lat[start:start + 4096], lon[start:start + 4096])
        dot = np.clip((cells @ cvec.T).max(axis=1), -1.0, 1.0)
        chord = np.sqrt(np.maximum(0.0, 2.0 - 2.0 * dot))
        best[start:start + 4096] = 2 * EARTH_KM * np.arcsin(np.minimum(1.0, chord / 2))
    return pa.table({
        "gi": pa.array(ii.ravel(), pa.int64()),
        "gj": pa.array(jj.ravel(), pa.int64()),
        "shore_nm": pa.array(best / KM_PER_NM, pa.float64()),
    })


def shore_distance_nm(lat: float, lon: float) -> float | None:
    """Distance from shore of one point from the grid, or None outside it."""
    if not (GRID_LAT[0] <= lat < GRID_LAT[1] and GRID_LON[0] <= lon < GRID_LON[1]):
        return None
    table = shore_grid()
    n_lon = int(round((GRID_LON[1] - GRID_LON[0]) / GRID_STEP))
    row = (int(np.floor(lat / GRID_STEP)) - int(GRID_LAT[0] / GRID_STEP)) * n_lon + (
        int(np.floor(lon / GRID_STEP)) - int(GRID_LON[0] / GRID_STEP))
    return float(table.column("shore_nm")[row].as_py())


@lru_cache(maxsize=1)
def port_cells() -> pa.Table:
    """Cells (pi = floor(lat*20), pj = floor(lon*20)) within ~12 km of a port, with the port."""
    rows: dict[str, list[object]] = {"pi": [], "pj": [], "port": [], "plat": [], "plon": []}
    for port in ports():
        dlat = PORT_RADIUS_KM / 111.0 + PORT_CELL
        dlon = PORT_RADIUS_KM / (111.0 * np.cos(np.radians(port.lat))) + PORT_CELL
        for pi in range(int(np.floor((port.lat - dlat) / PORT_CELL)),
                        int(np.floor((port.lat + dlat) / PORT_CELL)) + 1):
            for pj in range(int(np.floor((port.lon - dlon) / PORT_CELL)),
                            int(np.floor((port.lon + dlon) / PORT_CELL)) + 1):
                rows["pi"].append(pi)
                rows["pj"].append(pj)
                rows["port"].append(port.name)
                rows["plat"].append(port.lat)
                rows["plon"].append(port.lon)
    return pa.table({
        "pi": pa.array(rows["pi"], pa.int64()),
        "pj": pa.array(rows["pj"], pa.int64()),
        "port": pa.array(rows["port"], pa.string()),
        "plat": pa.array(rows["plat"], pa.float64()),
        "plon": pa.array(rows["plon"], pa.float64()),
    })
