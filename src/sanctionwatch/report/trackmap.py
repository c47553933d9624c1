"""A map of vessel tracks and detector events, drawn offline over Natural Earth 1:110m."""

from __future__ import annotations

import math

from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Polygon

from sanctionwatch.report.model import TrackMapView
from sanctionwatch.report.svg import new_figure, style, to_svg
from sanctionwatch.report.world import load_world

MARGIN_DEG = 0.5
MIN_SPAN_DEG = 2.0
MAX_LEGEND_TRACKS = 12
# marker, colour and legend label per event type, drawn bottom to top in this order
MARKERS: dict[str, tuple[str, str, str]] = {
    "loitering": ("s", "#ee9b00", "loitering"),
    "identity": ("D", "#7b2cbf", "identity anomaly"),
    "gap": ("o", "#6c757d", "AIS gap (start)"),
    "port_visit": ("^", "#005f73", "port visit"),
    "encounter": ("X", "#9b2226", "encounter (possible ship-to-ship transfer)"),
    "sighting": ("*", "#000000", "sighting"),
}
HOLLOW = {"gap", "loitering"}
PALETTE = ("#1f77b4", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf",
           "#bcbd22", "#ff7f0e", "#393b79", "#637939", "#843c39")


def _extent(view: TrackMapView) -> tuple[float, float, float, float]:
    lons = [p[0] for t in view.tracks for p in t.points] + [e.lon for e in view.events]
    lats = [p[1] for t in view.tracks for p in t.points] + [e.lat for e in view.events]
    x0, x1 = min(lons) - MARGIN_DEG, max(lons) + MARGIN_DEG
    y0, y1 = min(lats) - MARGIN_DEG, max(lats) + MARGIN_DEG
    if x1 - x0 < MIN_SPAN_DEG:
        cx = (x0 + x1) / 2
        x0, x1 = cx - MIN_SPAN_DEG / 2, cx + MIN_SPAN_DEG / 2
    if y1 - y0 < MIN_SPAN_DEG:
        cy = (y0 + y1) / 2
        y0, y1 = cy - MIN_SPAN_DEG / 2, cy + MIN_SPAN_DEG / 2
    return max(-180.0, x0), min(180.0, x1), max(-85.0, y0), min(85.0, y1)


def track_figure(view: TrackMapView) -> Figure | None:
    """Tracks as lines (one colour per vessel), events as markers; None if nothing to draw."""
    if not any(t.points for t in view.tracks) and not view.events:
        return None
    x0, x1, y0, y1 = _extent(view)
    with style():
        fig = new_figure(7.0, 5.0)
        ax = fig.subplots()
        ax.set_facecolor("#dbe9f6")
        for c in load_world().countries:
            for ring in c.polygons:
                lo = [p[0] for p in ring]
                la = [p[1] for p in ring]
                if max(lo) < x0 or min(lo) > x1 or max(la) < y0 or min(la) > y1:
                    continue  # off the map: keep the SVG small
                ax.add_patch(Polygon(ring, closed=True, facecolor="#e9ecef",
                                     edgecolor="#8d99ae", linewidth=0.4))
        handles: list[Line2D] = []
        for n, t in enumerate(sorted(view.tracks, key=lambda t: t.label)):
            if not t.points:
                continue
            colour = PALETTE[n % len(PALETTE)]
            for part in t.parts():
                ax.plot([p[0] for p in part], [p[1] for p in part], color=colour,
                        linewidth=0.9, alpha=0.85)
            if n < MAX_LEGEND_TRACKS:
                handles.append(Line2D([], [], color=colour, linewidth=1.2, label=t.label))
        order = list(MARKERS)
        kinds = sorted({e.kind for e in view.events},
                       key=lambda k: (order.index(k) if k in order else len(order), k))
        for z, kind in enumerate(kinds):
            marker, colour, label = MARKERS.get(kind, ("P", "#343a40", kind))
            face = "none" if kind in HOLLOW else colour
            pts = [e for e in view.events if e.kind == kind]
            ax.scatter([e.lon for e in pts], [e.lat for e in pts], marker=marker,
                       s=70 if kind in HOLLOW else 46, facecolor=face, edgecolor=colour,
                       linewidths=1.3, zorder=5 + z)
            handles.append(Line2D([], [], marker=marker, linestyle="none", color=colour,
                                  markerfacecolor=face, label=label))
        if len(view.tracks) > MAX_LEGEND_TRACKS:
            handles.insert(MAX_LEGEND_TRACKS, Line2D(
                [], [], linestyle="none",
                label=f"… and {len(view.tracks) - MAX_LEGEND_TRACKS} more vessels"))
        ax.set_xlim(x0, x1)
        ax.set_ylim(y0, y1)
        ax.set_aspect(1.0 / max(0.2, math.cos(math.radians((y0 + y1) / 2))))
        ax.tick_params(labelsize=7)
        ax.set_xlabel("longitude (°E)", fontsize=7)
        ax.set_ylabel("latitude (°N)", fontsize=7)
        for side in ("left", "bottom", "top", "right"):
            ax.spines[side].set_visible(True)
            ax.spines[side].set_color("#8d99ae")
        if handles:
            ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0),
                      fontsize=7, frameon=False)
        ax.set_title(view.title or "Vessel tracks and detector events (AIS)", loc="left")
    return fig


def track_map(view: TrackMapView) -> str | None:
    """The map as deterministic SVG text, or None if there is nothing to draw."""
    fig = track_figure(view)
    return None if fig is None else to_svg(fig)
