"""Report rendering: formats, redaction of what the model withholds, reproducibility."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from pydantic import ValidationError

from report_sample import STAMP, commitment, sample_model
from sanctionwatch.report.charts import petroleum_chart, quantities_chart
from sanctionwatch.report.model import FindingView, SourceRow
from sanctionwatch.report.render import (
    ReportError,
    render_html,
    render_md,
    write_report,
)
from sanctionwatch.report.world import convert_topojson, load_world
from sanctionwatch.report.worldmap import places_map


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    a, b = tmp_path_factory.mktemp("a"), tmp_path_factory.mktemp("b")
    write_report(sample_model(), a)
    write_report(sample_model(), b)
    return a, b


def test_every_format_is_byte_identical(rendered: tuple[Path, Path]) -> None:
    a, b = rendered
    names = sorted(str(p.relative_to(a)) for p in a.rglob("*") if p.is_file())
    assert {"report.html", "report.pdf", "report.md", "report.json"} <= set(names)
    assert "charts/map.svg" in names and "proofs/S1.json" in names
    for name in names:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    assert (a / "report.pdf").read_bytes().startswith(b"%PDF")


def test_timestamp_shows_and_changes_output() -> None:
    later = sample_model().model_copy(update={"generated_at": STAMP + timedelta(days=1)})
    assert render_html(sample_model()) != render_html(later)
    assert STAMP.isoformat() in render_md(sample_model())


def test_json_carries_paragraphs_checkpoint_and_proofs(rendered: tuple[Path, Path]) -> None:
    data = json.loads((rendered[0] / "report.json").read_text(encoding="utf-8"))
    pet = next(f for f in data["findings"] if f["theme"] == "Petroleum and caps")
    assert pet["paragraphs"] == [{"resolution": "S/RES/2397 (2017)", "paragraph": "OP5",
                                  "verified": True}]
    assert pet["quantities"] == [{"unit": "barrels", "low": "90000", "high": "410000",
                                  "sources": 3}]
    assert data["checkpoint"]["size"] == 40 and len(data["checkpoint"]["root"]) == 64
    cited = {s["ref"] for f in data["findings"] for s in f["sources"]}
    assert {p["ref"] for p in data["proofs"]} == cited
    proof = json.loads((rendered[0] / "proofs" / "S3.json").read_text(encoding="utf-8"))
    assert "ref" not in proof and proof["format"] == "sanctionwatch-inclusion-proof/1"


def test_withheld_item_appears_only_as_commitment(rendered: tuple[Path, Path]) -> None:
    for name in ("report.html", "report.md", "report.json"):
        text = (rendered[0] / name).read_text(encoding="utf-8")
        assert commitment("d3") in text
        assert "Member State B" not in text, name  # d3's label is withheld from the public
    members = render_md(sample_model("members"))
    assert "Member State B" in members and commitment("d3") not in members


def test_sections_and_estimative_text(rendered: tuple[Path, Path]) -> None:
    md = (rendered[0] / "report.md").read_text(encoding="utf-8")
    for heading in ("## Summary", "## Arms to and from the DPRK", "## Petroleum and caps",
                    "## Annex I. Right of reply", "## Annex II. Ledger checkpoint"):
        assert heading in md
    assert md.index("## Arms to and from the DPRK") < md.index("## Petroleum and caps")
    assert "no reply received" in md and "Dissent: Expert 2" in md
    assert "90,000–410,000 barrels (3 sources)" in md
    assert "sanctionwatch ledger check-proof proofs/REF.json --root " + "ab" * 32 in md
    assert "S2 counted with S1: same originator" in md


def test_model_refuses_mixed_estimative_language() -> None:
    f = sample_model().findings[0]
    with pytest.raises(ValidationError, match="one sentence"):
        FindingView.model_validate({**f.model_dump(), "judgment":
                                    "It is likely, with high confidence, that it happened."})
    with pytest.raises(ValidationError, match="likelihood scale"):
        FindingView.model_validate({**f.model_dump(), "likelihood": "probable"})
    with pytest.raises(ValidationError, match="commitment"):
        SourceRow(ref="S9", label="withheld", withheld=True)


def test_bad_format_and_output(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="docx"):
        write_report(sample_model(), tmp_path, ("docx",))
    (tmp_path / "file").write_text("x")
    with pytest.raises(ReportError, match="not a folder"):
        write_report(sample_model(), tmp_path / "file", ("md",))


def test_charts_and_map_only_when_there_is_something_to_draw() -> None:
    m = sample_model()
    assert quantities_chart([]) is None and places_map([]) is None
    cap = m.caps[0]
    assert petroleum_chart(m.findings, cap) is not None
    assert petroleum_chart([], cap.model_copy(update={"notified": None})) is None
    svg = places_map(m.findings)
    assert svg is not None and "Nampo" in svg and "Rajin" in svg
    assert "<dc:date>" not in svg  # no date metadata


def test_world_geometry_loads_and_converts() -> None:
    world = load_world()
    codes = {c.iso2 for c in world.countries}
    assert {"KP", "KR", "CN", "RU", "JP"} <= codes and len(world.countries) > 150
    assert "Natural Earth" in world.source
    topo = {"transform": {"scale": [1, 1], "translate": [0, 0]},
            "arcs": [[[0, 0], [10, 0], [0, 10], [-10, 0], [0, -10]]],
            "objects": {"countries": {"geometries": [
                {"type": "Polygon", "arcs": [[0]], "properties": {"name": "Fiji"}}]}}}
    out = convert_topojson(topo)
    assert out["countries"][0]["iso2"] == "FJ"
    assert out["countries"][0]["polygons"][0] == [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]

