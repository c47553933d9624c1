"""Evidence intake on both backends: formats, duplicates, bad input, limits."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from sqlalchemy import func, select

from helpers import minimal_pdf
from sanctionwatch.access.guard import system_scope
from sanctionwatch.config import Settings
from sanctionwatch.ingest.pipeline import IntakeOptions, ingest_paths
from sanctionwatch.ledger.log import log_size
from sanctionwatch.ledger.verify import verify
from sanctionwatch.store.db import get_engine, transaction
from sanctionwatch.store.models import EvidenceItem, IntakeRecord

OPTS = IntakeOptions(originator="KR", caveat="members").validated()


def _count(engine: object, model: type) -> int:
    with transaction(engine) as s, system_scope("test count"):  # type: ignore[arg-type]
        return int(s.execute(select(func.count()).select_from(model)).scalar_one())


def test_text_html_pdf_and_directories(settings: Settings, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "a.txt").write_text("Nordkorea lieferte Granaten an Russland.", "utf-8")
    (docs / "sub" / "b.html").write_text(
        "<html><head><title>t</title></head><body><header><nav><ul>"
        "<li><a href='/'>Home</a></li><li><a href='/world'>World menu</a></li></ul></nav>"
        "</header><main><article><h1>Air defence for Pyongyang</h1><p>Russia delivered an "
        "air-defence system to North Korea, officials said on Monday. The delivery was seen "
        "on satellite images taken near the capital.</p><p>The officials said the system had "
        "been moved by rail across the border in the spring.</p></article></main><footer><p>"
        "Copyright Sample News.</p></footer></body></html>", "utf-8")
    (docs / "sub" / "c.pdf").write_bytes(minimal_pdf("Coal was loaded at Nampo in May."))
    engine = get_engine(settings)
    report = ingest_paths(settings, engine, [docs], OPTS)
    assert [r.status for r in report.results] == ["stored", "stored", "stored"]
    with transaction(engine) as s, system_scope("test read"):
        items = {i.filename: i for i in s.execute(select(EvidenceItem)).scalars()}
    assert items["a.txt"].language == "de"
    assert "air-defence" in items["b.html"].text and "menu" not in items["b.html"].text
    assert items["b.html"].media_type == "text/html"
    assert "Coal was loaded at Nampo" in items["c.pdf"].text
    assert items["c.pdf"].media_type == "application/pdf"
    assert {i.originator for i in items.values()} == {"KR"}
    assert verify(engine, settings).ok


def test_same_bytes_twice_is_one_item_with_two_intakes(settings: Settings,
                                                       tmp_path: Path) -> None:
    f = tmp_path / "x.txt"
    f.write_text("The tanker received oil in a ship-to-ship transfer.", "utf-8")
    engine = get_engine(settings)
    first = ingest_paths(settings, engine, [f], OPTS).results[0]
    second = ingest_paths(settings, engine, [f], dataclasses.replace(OPTS, originator="US"))
    assert first.status == "stored" and second.results[0].status == "duplicate"
    assert second.results[0].item_id == first.item_id
    assert _count(engine, EvidenceItem) == 1
    assert _count(engine, IntakeRecord) == 2
    with transaction(engine) as s:
        assert log_size(s) == 2


def test_bad_input_is_named_and_others_continue(settings: Settings, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("A valid document about coal exports.", "utf-8")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\nthis is not a pdf body")
    (tmp_path / "latin1.txt").write_bytes("Stra\xdfe".encode("latin-1"))
    (tmp_path / "slides.pptx").write_bytes(b"PK\x03\x04")
    (tmp_path / "empty.html").write_text("<html><body></body></html>", "utf-8")
    big = tmp_path / "big.txt"
    big.write_text("x" * 2000, "utf-8")
    small = dataclasses.replace(settings, max_file_bytes=1000)
    engine = get_engine(small)
    paths = [good, tmp_path / "broken.pdf", tmp_path / "latin1.txt", tmp_path / "slides.pptx",
             tmp_path / "empty.html", big, tmp_path / "missing.txt"]
    report = ingest_paths(small, engine, paths, OPTS)
    by_name = {Path(r.path).name: r for r in report.results}
    assert by_name["good.txt"].status == "stored"
    assert "corrupt or unreadable PDF" in (by_name["broken.pdf"].error or "")
    assert "not valid UTF-8" in (by_name["latin1.txt"].error or "")
    assert "unsupported file type '.pptx'" in (by_name["slides.pptx"].error or "")
    assert "without extractable main text" in (by_name["empty.html"].error or "")
    assert "above the limit of 1000" in (by_name["big.txt"].error or "")
    assert by_name["missing.txt"].error == "no such file or directory"
    assert len(report.failed) == 6
    assert _count(engine, EvidenceItem) == 1
    assert verify(engine, small).ok


@pytest.mark.parametrize("bad", [
    {"originator": "K"}, {"originator": "<script>"}, {"originator": "QQ"}, {"caveat": "secret"},
    {"caveat": "rel:KOR"}, {"reliability": "G"}, {"credibility": 7},
])
def test_bad_options_are_refused(bad: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        dataclasses.replace(OPTS, **bad).validated()


def test_open_source_originator_and_rel_caveat_are_normalised() -> None:
    opts = IntakeOptions(originator=" Yonhap ", caveat="REL:us, kr",
                         originator_caveat="public").validated()
    assert opts.originator == "Yonhap"
    assert opts.caveat == "rel:KR,US"
