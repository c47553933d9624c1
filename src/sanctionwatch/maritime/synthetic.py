"""Synthetic AIS over the Yellow Sea and the East Sea with planted events (tests, benchmarks).

Background vessels sail straight lines at 8–14 kn with a fix every ``interval`` seconds.
Planted scenarios, each recorded in ``truth``:

- encounter: two vessels meet offshore and drift 200 m apart at ~0.5 kn for 3 h
  (each of them also loiters, recorded as two loitering truths);
- gap: a vessel offshore goes silent for 14 h (likely intentional) or 7 h;
- port_visit: a vessel comes in to a shipped port, stops 1 km from it for 5 h and leaves;
- identity: two ships broadcasting one MMSI at the same time far apart (> 24 h overlap),
  a broadcast IMO with a wrong check digit, and an IMO one digit from a designated one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyarrow as pa

from sanctionwatch.maritime.clean import POSITION_SCHEMA, STATIC_SCHEMA, _assign
from sanctionwatch.maritime.geo import shore_distance_nm
from sanctionwatch.maritime.reference import default_thresholds, find_port

T0 = 1_704_067_200  # 2024-01-01T00:00:00Z
KN_DEG = 1.852 / 111.0 / 3600.0  # degrees of latitude per second at 1 knot
SEAS = {  # (lat0, lat1, lon0, lon1) boxes kept well offshore
    "yellow": (34.5, 37.0, 122.8, 124.3),
    "east": (38.0, 41.0, 130.5, 134.5),
}


@dataclass
class Synthetic:
    positions: pa.Table
    statics: pa.Table
    truth: list[dict[str, Any]] = field(default_factory=list)
    designated: list[dict[str, Any]] = field(default_factory=list)


class _Builder:
    def __init__(self, seed: int, interval: int, hours: float) -> None:
        self.rng = np.random.default_rng(seed)
        self.interval = interval
        self.t_end = T0 + int(hours * 3600)
        self.cols: dict[str, list[np.ndarray]] = {k: [] for k in ("mmsi", "t", "lat", "lon",
                                                                 "sog", "seg")}
        self.statics: list[tuple[Any, ...]] = []
        self.next_mmsi = 412_000_000
        self.truth: list[dict[str, Any]] = []

    def mmsi(self) -> int:
        self.next_mmsi += 1
        return self.next_mmsi

    def offshore_point(self, sea: str, min_nm: float = 30.0) -> tuple[float, float]:
        lat0, lat1, lon0, lon1 = SEAS[sea]
        while True:
            lat, lon = self.rng.uniform(lat0, lat1), self.rng.uniform(lon0, lon1)
            if (shore_distance_nm(lat, lon) or 0) >= min_nm:
                return float(lat), float(lon)

    def track(self, mmsi: int, way: list[tuple[int, float, float]],
              silent: tuple[int, int] | None = None, seg_base: int | None = None) -> None:
        wt = np.array([w[0] for w in way], dtype=np.int64)
        jitter = int(self.rng.integers(0, self.interval))
        t = np.arange(wt[0] + jitter, wt[-1], self.interval, dtype=np.int64)
        if silent:
            t = t[(t < silent[0]) | (t >= silent[1])]
        lat = np.interp(t, wt, [w[1] for w in way])
        lon = np.interp(t, wt, [w[2] for w in way])
        dt = np.diff(t, prepend=t[0] - self.interval).clip(1)
        sog = np.hypot(np.diff(lat, prepend=lat[0]),
                       np.diff(lon, prepend=lon[0]) * np.cos(np.radians(lat))) / KN_DEG / dt
        base = (seg_base if seg_base is not None else mmsi * 100)
        self.cols["mmsi"].append(np.full(len(t), mmsi, np.int64))
        self.cols["t"].append(t)
        self.cols["lat"].append(lat)
        self.cols["lon"].append(lon)
        self.cols["sog"].append(np.round(sog, 1))
        self.cols["seg"].append(np.full(len(t), base, np.int64))

    def moving(self, sea: str, knots: float, t_a: int, t_b: int,
               start: tuple[float, float] | None = None) -> list[tuple[int, float, float]]:
        lat, lon = start or self.offshore_point(sea, 10.0)
        heading = self.rng.uniform(0, 2 * np.pi)
        dist = knots * KN_DEG * (t_b - t_a)
        return [(t_a, lat, lon), (t_b, lat + dist * np.cos(heading),
                                  lon + dist * np.sin(heading) / np.cos(np.radians(lat)))]

    def static(self, mmsi: int, imo: str | None, name: str, ship_type: str = "80") -> None:
        self.statics.append((mmsi, T0, imo, name, None, ship_type, None, None))


def _imo_with_check(six: int) -> str:
    digits = f"{six:06d}"
    check = sum(int(d) * w for d, w in zip(digits, (7, 6, 5, 4, 3, 2), strict=True)) % 10
    return digits + str(check)


def generate(n_vessels: int = 200, hours: float = 30.0, interval: int = 60, seed: int = 7,
             n_encounters: int = 4, n_gaps: int = 4, n_port_visits: int = 4,
             n_identity: int = 2) -> Synthetic:
    """A synthetic day (or more) of AIS with planted events; deterministic for a seed."""
    b = _Builder(seed, interval, hours)
    end = b.t_end
    for i in range(n_vessels):
        m = b.mmsi()
        b.track(m, b.moving("yellow" if i % 2 else "east", float(b.rng.uniform(8, 14)), T0, end))
        b.static(m, _imo_with_check(100000 + i), f"BACKGROUND {i}", "70")
    for i in range(n_encounters):
        sea = "yellow" if i % 2 else "east"
        lat, lon = b.offshore_point(sea, 35.0)
        ta = T0 + int(b.rng.integers(2, max(3, int(hours) - 8))) * 3600
        tb = ta + 3 * 3600
        m1, m2 = b.mmsi(), b.mmsi()
        drift = 0.5 * KN_DEG * 3 * 3600
        for m, off, leave in ((m1, 0.0, 0.5), (m2, 0.0018, -0.5)):
            arrive = b.moving(sea, 10.0, ta - 3 * 3600, ta, None)
            way = [(ta - 3 * 3600, arrive[1][1], arrive[1][2]), (ta, lat + off, lon),
                   (tb, lat + off + drift, lon), (tb + 3 * 3600, lat + leave, lon + 0.5)]
            b.track(m, way)
            b.static(m, _imo_with_check(200000 + m % 100000), f"STS {m}")
        b.truth.append({"type": "encounter", "mmsi": sorted((m1, m2)), "start": ta, "end": tb})
        for m in (m1, m2):
            b.truth.append({"type": "loitering", "mmsi": [m], "start": ta, "end": tb})
    for i in range(n_gaps):
        m = b.mmsi()
        sea = "yellow" if i % 2 else "east"
        start = b.offshore_point(sea, 60.0)
        hours_off = 14 if i % 2 == 0 else 7
        ta = T0 + 4 * 3600
        way = b.moving(sea, 10.0, T0, end, start)
        b.track(m, way, silent=(ta, ta + hours_off * 3600))
        b.static(m, _imo_with_check(300000 + i), f"DARK {i}")
        b.truth.append({"type": "gap", "mmsi": [m], "start": ta, "end": ta + hours_off * 3600,
                        "intentional": hours_off >= 12})
    port_names = ("Nampo", "Najin", "Vostochny", "Chongjin", "Wonsan", "Nakhodka")
    for i in range(n_port_visits):
        port = find_port(port_names[i % len(port_names)])
        assert port is not None
        m = b.mmsi()
        ta = T0 + 3 * 3600 + i * 600
        tb = ta + 5 * 3600
        far = (port.lat - 0.25, port.lon + 0.25) if port.country == "KP" else (
            port.lat - 0.25, port.lon)
        near = (port.lat + 0.005, port.lon + 0.003)
        way = [(ta - 3 * 3600, far[0], far[1]), (ta, near[0], near[1]),
               (tb, near[0], near[1]), (tb + 3 * 3600, far[0], far[1])]
        b.track(m, way)
        b.static(m, _imo_with_check(400000 + i), f"CALLER {i}", "70")
        b.truth.append({"type": "port_visit", "mmsi": [m], "start": ta, "end": tb,
                        "port": port.name})
    designated = []
    for i in range(n_identity):
        m = b.mmsi()
        b.track(m, b.moving("yellow", 9.0, T0, end), seg_base=m * 100)
        b.track(m, b.moving("east", 9.0, T0, end), seg_base=m * 100 + 1)
        b.static(m, _imo_with_check(500000 + i), f"TWIN {i}")
        b.truth.append({"type": "identity", "mmsi": [m], "rule": "shared_mmsi_simultaneous_tracks"})
        m2 = b.mmsi()
        b.track(m2, b.moving("east", 11.0, T0, end))
        bad = _imo_with_check(600000 + i)
        bad = bad[:6] + str((int(bad[6]) + 1) % 10)
        b.static(m2, bad, f"BADIMO {i}")
        b.truth.append({"type": "identity", "mmsi": [m2], "rule": "invalid_imo_check_digit"})
        m3 = b.mmsi()
        b.track(m3, b.moving("yellow", 11.0, T0, end))
        real = _imo_with_check(700000 + 1000 * i)
        # +2 on the digit weighted 5 keeps the check digit valid: one edit, still "valid"
        near_imo = real[:2] + str((int(real[2]) + 2) % 10) + real[3:]
        b.static(m3, near_imo, f"LOOKALIKE {i}")
        designated.append({"name": f"SANCTIONED {i}", "imo": real, "mmsi": "", "flag": "KP"})
        b.truth.append({"type": "identity", "mmsi": [m3], "rule": "imo_near_designated"})
    cols = {k: np.concatenate(v) for k, v in b.cols.items()}
    order = np.lexsort((cols["t"], cols["mmsi"]))
    n = len(order)
    positions = pa.table({
        "mmsi": cols["mmsi"][order], "t": cols["t"][order], "lat": cols["lat"][order],
        "lon": cols["lon"][order], "sog": cols["sog"][order],
        "cog": np.full(n, np.nan), "heading": np.full(n, np.nan),
        "seg": cols["seg"][order], "good": np.ones(n, dtype=bool),
    }, schema=POSITION_SCHEMA)
    positions = positions.append_column("evidence_id", pa.array(["ev-synthetic"] * n))
    st = list(zip(*b.statics, strict=True))
    statics = pa.table({f.name: pa.array(list(col), f.type)
                        for f, col in zip(STATIC_SCHEMA, st, strict=True)}, schema=STATIC_SCHEMA)
    statics = statics.append_column("evidence_id", pa.array(["ev-synthetic"] * len(b.statics)))
    return Synthetic(positions, statics, b.truth, designated)


__all__ = ["Synthetic", "generate", "_assign", "default_thresholds"]
