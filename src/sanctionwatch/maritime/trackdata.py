"""Tracks and events of chosen vessels, ready for the report's track map.

Positions are thinned to one mean point per (segment, 10-minute bin) — what the detectors
see — and further to at most ``max_points`` per segment; a silence longer than
``break_hours`` breaks the line, so gaps show as gaps.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sanctionwatch.config import Settings
from sanctionwatch.maritime.engines import DuckDBEngine, Selection
from sanctionwatch.maritime.storage import MaritimeStore
from sanctionwatch.report.model import TrackEvent, TrackMapView, TrackView

Event = dict[str, Any]


def event_vessels(events: Iterable[Event]) -> list[int]:
    return sorted({int(v["mmsi"]) for e in events for v in e["vessels"]})


def _labels(events: Sequence[Event], rows: list[dict[str, Any]]) -> dict[int, str]:
    names: dict[int, str] = {int(r["mmsi"]): str(r["name"]) for r in rows if r["name"]}
    for e in events:
        for v in e["vessels"]:
            if v.get("name"):
                names[int(v["mmsi"])] = str(v["name"])
    return names


def track_map_view(settings: Settings, events: Sequence[Event],
                   mmsis: Sequence[int] | None = None, selection: Selection | None = None,
                   *, max_points: int = 1500, break_hours: float = 1.0,
                   title: str = "") -> TrackMapView:
    """Tracks of ``mmsis`` (default: the vessels of ``events``) and the events' markers."""
    wanted = sorted(set(mmsis) if mmsis else set(event_vessels(events)))
    events = [e for e in events if {int(v["mmsi"]) for v in e["vessels"]} & set(wanted)]
    store = MaritimeStore.for_home(settings.home)
    break_bins = max(1, int(break_hours * 6))
    tracks: list[TrackView] = []
    if wanted:
        ids = ", ".join(str(int(m)) for m in wanted)
        eng = DuckDBEngine(store.positions_dir, store.statics_dir, selection or Selection())
        try:
            rows = eng.query(
                "SELECT mmsi, seg, CAST(floor(t / 600) AS BIGINT) AS bin, AVG(lon) AS lon, "
                f"AVG(lat) AS lat FROM pos WHERE mmsi IN ({ids}) GROUP BY mmsi, seg, "
                "CAST(floor(t / 600) AS BIGINT) ORDER BY mmsi, seg, bin")
            named = eng.query(f"SELECT mmsi, max_by(name, t) AS name FROM stat WHERE mmsi IN "
                              f"({ids}) AND name IS NOT NULL GROUP BY mmsi")
        finally:
            eng.close()
        segs: dict[int, dict[tuple[int, int], list[tuple[float, float]]]] = defaultdict(dict)
        part, last = 0, None
        for r in rows:
            key = (int(r["mmsi"]), int(r["seg"]))
            if last is None or last[0] != key or int(r["bin"]) - last[1] > break_bins:
                part += 1
            last = (key, int(r["bin"]))
            segs[key[0]].setdefault((key[1], part), []).append(
                (round(float(r["lon"]), 5), round(float(r["lat"]), 5)))
        labels = _labels(events, named)
        for mmsi in wanted:
            parts = []
            for _seg, pts in sorted(segs.get(mmsi, {}).items()):
                step = max(1, -(-len(pts) // max_points))
                parts.append(pts[::step] + ([pts[-1]] if (len(pts) - 1) % step else []))
            tracks.append(TrackView(label=f"{labels.get(mmsi, 'MMSI')} ({mmsi})"
                                    if mmsi in labels else f"MMSI {mmsi}",
                                    mmsi=mmsi, segments=parts))
    markers = [TrackEvent(kind=e["type"], label=e["rule"], lat=e["lat"], lon=e["lon"])
               for e in events if e.get("lat") is not None and e.get("lon") is not None]
    return TrackMapView(title=title, tracks=tracks, events=markers)
