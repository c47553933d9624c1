"""A map of the places and countries a report names, drawn offline from shipped geometry."""

from __future__ import annotations

from matplotlib.patches import Polygon

from sanctionwatch.report.model import FindingView, Place
from sanctionwatch.report.svg import new_figure, style, to_svg
from sanctionwatch.report.world import load_world

MARGIN_DEG = 6.0


def places_map(findings: list[FindingView]) -> str | None:
    """Countries named by findings shaded, places as labelled dots; None if nothing named."""
    world = load_world()
    named = sorted({c for f in findings for c in f.countries})
    places: dict[str, Place] = {}
    for f in findings:
        for p in f.places:
            places.setdefault(p.name, p)
    shapes = [c for c in world.countries if c.iso2 in named]
    if not shapes and not places:
        return None
    lons = [pt[0] for c in shapes for ring in c.polygons for pt in ring]
    lats = [pt[1] for c in shapes for ring in c.polygons for pt in ring]
    lons += [p.lon for p in places.values()]
    lats += [p.lat for p in places.values()]
    # Large countries (Russia) would zoom out to the world; focus on the places if any.
    if places:
        lons = [p.lon for p in places.values()] + ([min(lons), max(lons)] if len(lons) < 3 else [])
        lats = [p.lat for p in places.values()]
    x0, x1 = max(-180.0, min(lons) - MARGIN_DEG), min(180.0, max(lons) + MARGIN_DEG)
    y0, y1 = max(-85.0, min(lats) - MARGIN_DEG), min(85.0, max(lats) + MARGIN_DEG)
    if x1 - x0 < 25:
        cx = (x0 + x1) / 2
        x0, x1 = cx - 12.5, cx + 12.5
    if y1 - y0 < 15:
        cy = (y0 + y1) / 2
        y0, y1 = cy - 7.5, cy + 7.5
    with style():
        fig = new_figure(6.5, 4.0)
        ax = fig.subplots()
        for c in world.countries:
            colour = "#f2c6a0" if c.iso2 in named else "#e9ecef"
            for ring in c.polygons:
                ax.add_patch(Polygon(ring, closed=True, facecolor=colour, edgecolor="#8d99ae",
                                     linewidth=0.4))
        for p in sorted(places.values(), key=lambda p: p.name):
            ax.plot([p.lon], [p.lat], marker="o", color="#9b2226", markersize=4)
            ax.annotate(p.name, (p.lon, p.lat), xytext=(4, 3), textcoords="offset points",
                        fontsize=7)
        ax.set_xlim(x0, x1)
        ax.set_ylim(y0, y1)
        ax.set_aspect("equal")
        ax.set_xticks([])
        ax.set_yticks([])
        for side in ("left", "bottom", "top", "right"):
            ax.spines[side].set_visible(True)
            ax.spines[side].set_color("#8d99ae")
        ax.set_facecolor("#dbe9f6")
        ax.set_title("Places and countries named in the findings (Natural Earth 1:110m)",
                     loc="left")
    return to_svg(fig)
