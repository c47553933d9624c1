"""Cleaning and track segmentation of decoded AIS, with every rejection counted.

Rejected (counted by reason): positions without a usable time, MMSIs outside the ship
station range (9 digits, MID 201–775), positions outside ±90/±180 or the AIS
"not available" values (lat 91, lon 181) or exactly (0, 0), and exact duplicates
(same MMSI, time and position).

Segmentation follows Global Fishing Watch's segmenter: the fixes of one MMSI are walked
in time order and each joins the open segment it can reach without exceeding
``max_knots`` (plus a small distance tolerance for GPS jitter); a fix that no open
segment can reach opens a new one. Several ships broadcasting one MMSI therefore end up
in separate segments, and a lone wild fix in a segment of its own. Segments with fewer
than ``min_good_points`` fixes are kept but marked ``good = false`` (noise).
Segment ids are ``mmsi * 100 + k`` with k the segment's rank by size in the file (0 = main).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa

from sanctionwatch.maritime.geo import KM_PER_NM, haversine_km
from sanctionwatch.maritime.records import Decoded
from sanctionwatch.maritime.reference import SegmentationRule

POSITION_SCHEMA = pa.schema([
    ("mmsi", pa.int64()), ("t", pa.int64()), ("lat", pa.float64()), ("lon", pa.float64()),
    ("sog", pa.float64()), ("cog", pa.float64()), ("heading", pa.float64()),
    ("seg", pa.int64()), ("good", pa.bool_()),
])
STATIC_SCHEMA = pa.schema([
    ("mmsi", pa.int64()), ("t", pa.int64()), ("imo", pa.string()), ("name", pa.string()),
    ("callsign", pa.string()), ("ship_type", pa.string()), ("flag", pa.string()),
    ("destination", pa.string()),
])


@dataclass
class Cleaned:
    positions: pa.Table
    statics: pa.Table
    rejected: Counter[str] = field(default_factory=Counter)
    notes: Counter[str] = field(default_factory=Counter)
    read: int = 0


def valid_mmsi(values: np.ndarray) -> np.ndarray:
    """Ship-station MMSIs: nine digits whose MID (first three) is 201–775."""
    with np.errstate(invalid="ignore"):
        mid = np.floor_divide(values, 1_000_000)
        return (values >= 201_000_000) & (values < 776_000_000) & (mid >= 201) & (mid <= 775)


def _assign(lat: np.ndarray, lon: np.ndarray, t: np.ndarray, rule: SegmentationRule) -> np.ndarray:
    """Segment labels (0..n) for one MMSI's fixes, sorted by time."""
    n = len(t)
    labels = np.zeros(n, dtype=np.int64)
    if n < 2:
        return labels
    d_nm = haversine_km(lat[:-1], lon[:-1], lat[1:], lon[1:]) / KM_PER_NM
    dt_h = np.diff(t) / 3600.0
    if bool(np.all(d_nm <= rule.max_knots * dt_h + rule.distance_tolerance_nm)):
        return labels
    # open segments: label -> (lat, lon, t, last index used)
    open_: dict[int, tuple[float, float, int, int]] = {0: (lat[0], lon[0], t[0], 0)}
    next_label = 1
    for i in range(1, n):
        best, best_d = -1, np.inf
        for lab, (slat, slon, st, _) in open_.items():
            d = float(haversine_km(np.array(slat), np.array(slon),
                                   np.array(lat[i]), np.array(lon[i]))) / KM_PER_NM
            if d <= rule.max_knots * (t[i] - st) / 3600.0 + rule.distance_tolerance_nm \
                    and d < best_d:
                best, best_d = lab, d
        if best < 0:
            best = next_label
            next_label += 1
            if len(open_) >= rule.max_open_segments:
                oldest = min(open_, key=lambda k: open_[k][3])
                del open_[oldest]
        open_[best] = (lat[i], lon[i], t[i], i)
        labels[i] = best
    return labels


def segment(df: pd.DataFrame, rule: SegmentationRule) -> tuple[np.ndarray, np.ndarray]:
    """(seg id, good flag) for positions sorted by mmsi, t."""
    mmsi = df["mmsi"].to_numpy()
    bounds = np.flatnonzero(np.diff(mmsi)) + 1
    starts = np.concatenate([[0], bounds])
    ends = np.concatenate([bounds, [len(mmsi)]])
    seg = np.empty(len(mmsi), dtype=np.int64)
    good = np.empty(len(mmsi), dtype=bool)
    lat, lon, t = df["lat"].to_numpy(), df["lon"].to_numpy(), df["t"].to_numpy()
    for a, b in zip(starts, ends, strict=True):
        labels = _assign(lat[a:b], lon[a:b], t[a:b], rule)
        counts = np.bincount(labels)
        # rank segments by size (ties: earlier label first) -> 0 = main segment
        order = sorted(range(len(counts)), key=lambda k: (-counts[k], k))
        rank = np.empty(len(counts), dtype=np.int64)
        rank[order] = np.minimum(np.arange(len(counts)), 99)
        seg[a:b] = mmsi[a] * 100 + rank[labels]
        good[a:b] = counts[labels] >= rule.min_good_points
    return seg, good


def clean(decoded: Decoded, rule: SegmentationRule) -> Cleaned:
    out = Cleaned(positions=POSITION_SCHEMA.empty_table(), statics=STATIC_SCHEMA.empty_table(),
                  rejected=Counter(decoded.rejected), read=decoded.read)
    df = pd.DataFrame(decoded.positions)
    for col in ("mmsi", "t", "lat", "lon", "sog", "cog", "heading"):
        df[col] = pd.to_numeric(df[col], errors="coerce").astype("float64")
    n0 = len(df)
    no_t = df["t"].isna().to_numpy()
    out.rejected["no_timestamp"] += int(no_t.sum())
    df = df[~no_t]
    bad_mmsi = ~valid_mmsi(df["mmsi"].fillna(-1).to_numpy())
    out.rejected["invalid_mmsi"] += int(bad_mmsi.sum())
    df = df[~bad_mmsi]
    lat, lon = df["lat"].to_numpy(), df["lon"].to_numpy()
    with np.errstate(invalid="ignore"):
        bad_pos = (~np.isfinite(lat) | ~np.isfinite(lon) | (np.abs(lat) > 90)
                   | (np.abs(lon) > 180) | ((lat == 0) & (lon == 0)))
    out.rejected["invalid_position"] += int(bad_pos.sum())
    df = df[~bad_pos].astype({"mmsi": "int64", "t": "int64"})
    ordered = bool(np.all(np.diff(df["t"].to_numpy()) >= 0)) if len(df) else True
    if not ordered:
        out.notes["input_out_of_time_order"] = 1
    df = df.sort_values(["mmsi", "t", "lat", "lon"], kind="stable")
    dup = df.duplicated(subset=["mmsi", "t", "lat", "lon"]).to_numpy()
    out.rejected["duplicate"] += int(dup.sum())
    df = df[~dup].reset_index(drop=True)
    speed_bad = df["sog"] > 102.2
    df.loc[speed_bad, "sog"] = np.nan
    seg, good = segment(df, rule) if len(df) else (np.array([], np.int64), np.array([], bool))
    df["seg"], df["good"] = seg, good
    out.notes["segments"] = int(len(np.unique(seg)))
    out.notes["noise_positions"] = int((~good).sum())
    out.notes["kept_positions"] = len(df)
    assert len(df) + sum(out.rejected[k] for k in
                         ("no_timestamp", "invalid_mmsi", "invalid_position", "duplicate")) == n0
    out.positions = pa.Table.from_pandas(df[list(POSITION_SCHEMA.names)], schema=POSITION_SCHEMA,
                                         preserve_index=False)
    out.statics = _clean_statics(decoded, out.rejected)
    out.rejected = Counter({k: v for k, v in out.rejected.items() if v})
    return out


def _clean_statics(decoded: Decoded, rejected: Counter[str]) -> pa.Table:
    sf = pd.DataFrame(decoded.statics)
    if sf.empty:
        return STATIC_SCHEMA.empty_table()
    sf["mmsi"] = pd.to_numeric(sf["mmsi"], errors="coerce")
    sf["t"] = pd.to_numeric(sf["t"], errors="coerce")
    bad = ~valid_mmsi(sf["mmsi"].fillna(-1).to_numpy())
    rejected["static_invalid_mmsi"] += int(bad.sum())
    sf = sf[~bad].copy()
    for col in ("imo", "name", "callsign", "ship_type", "flag", "destination"):
        s = sf[col].astype("string").str.strip().str.upper()
        sf[col] = s.where(s.notna() & (s != "") & (s != "0") & (s != "NAN"), None)
    sf["imo"] = sf["imo"].str.replace(r"^IMO\s*", "", regex=True).str.replace(
        r"\.0$", "", regex=True)
    sf = sf.drop_duplicates(subset=["mmsi", "imo", "name", "callsign", "ship_type", "flag"])
    sf = sf.astype({"mmsi": "int64"})
    sf["t"] = sf["t"].astype("Int64")
    return pa.Table.from_pandas(sf[list(STATIC_SCHEMA.names)], schema=STATIC_SCHEMA,
                                preserve_index=False)
