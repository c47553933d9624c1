"""The track map: drawn from a report model's optional ``tracks`` (deterministic SVG)."""

from __future__ import annotations

import sys
from pathlib import Path

from sanctionwatch.report.model import TrackEvent, TrackMapView, TrackView
from sanctionwatch.report.render import make_charts, render_md, write_report
from sanctionwatch.report.trackmap import track_map

sys.path.insert(0, str(Path(__file__).parent))
from report_sample import sample_model  # noqa: E402

VIEW = TrackMapView(
    tracks=[TrackView(label="STS A (412000003)", mmsi=412000003,
                      segments=[[(132.1, 40.2), (132.6, 40.6), (133.1, 41.0)]]),
            TrackView(label="DARK (412000005)", mmsi=412000005,
                      segments=[[(132.7, 38.2), (133.5, 38.1)], [(136.5, 37.8), (139.0, 37.5)]])],
    events=[TrackEvent(kind="encounter", label="encounter", lat=41.0, lon=133.1),
            TrackEvent(kind="gap", label="gap_likely_intentional", lat=38.1, lon=133.5)])


def test_track_map_is_deterministic_and_shows_tracks_and_events() -> None:
    svg = track_map(VIEW)
    assert svg is not None and svg == track_map(VIEW)
    assert "STS A (412000003)" in svg and "encounter (possible ship-to-ship transfer)" in svg
    assert "AIS gap (start)" in svg
    assert track_map(TrackMapView()) is None  # nothing to draw


def test_report_draws_tracks_only_when_present(tmp_path: Path) -> None:
    plain = sample_model()
    assert make_charts(plain).tracks is None
    assert "charts/tracks.svg" not in render_md(plain)
    with_tracks = plain.model_copy(update={"tracks": VIEW})
    files = write_report(with_tracks, tmp_path, ("html", "md", "json"))
    html = files["report.html"].read_text(encoding="utf-8")
    assert "Map of vessel tracks and AIS events" in html
    assert "charts/tracks.svg" in files
    assert "(charts/tracks.svg)" in files["report.md"].read_text(encoding="utf-8")
    assert "412000005" in files["report.json"].read_text(encoding="utf-8")
