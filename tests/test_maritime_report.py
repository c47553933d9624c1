"""AIS evidence flows like any other: detected events become incidents, findings, and a
report whose track map shows the vessels behind its maritime findings."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from click.testing import CliRunner

from sanctionwatch.access.policy import Principal
from sanctionwatch.access.report import build_report_model
from sanctionwatch.access.users import add_user
from sanctionwatch.cli import main
from sanctionwatch.config import Settings
from sanctionwatch.findings.build import build_findings
from sanctionwatch.ingest.pipeline import IntakeOptions
from sanctionwatch.maritime.service import ingest_ais_file
from sanctionwatch.report.render import write_report
from sanctionwatch.store.db import get_engine, transaction
from test_maritime_store import _synthetic_csv


def test_ais_events_reach_a_report_with_a_track_map(sqlite_settings: Settings,
                                                    tmp_path: Path) -> None:
    settings = sqlite_settings
    src = tmp_path / "synthetic.csv"
    _synthetic_csv(src)
    db = get_engine(settings)
    res = ingest_ais_file(settings, db, src, IntakeOptions(
        originator="JP", caveat="members", originator_caveat="originator").validated())
    assert res.status == "stored", res.error
    out = CliRunner().invoke(main, ["--home", str(settings.home), "ais", "detect", "--record"])
    assert out.exit_code == 0, out.output
    with transaction(db) as s:
        add_user(s, "coord", "coordinator")
        build_findings(s, actor="coord")
    with transaction(db) as s:
        model = build_report_model(s, Principal("coord", "coordinator"), "members",
                                   at=datetime(2025, 1, 1, tzinfo=UTC),
                                   include_unconfirmed=True, settings=settings)
    assert model.tracks is not None and model.tracks.tracks
    assert any(f.theme in ("Maritime", "Petroleum and caps") for f in model.findings)
    files = write_report(model, tmp_path / "report", ("md", "json"))
    assert "charts/tracks.svg" in files
    data = json.loads((tmp_path / "report" / "report.json").read_text("utf-8"))
    assert data["tracks"]["tracks"]
    # The AIS evidence's originator (JP, originator caveat) is not named in the members'
    # report; sources show a pseudonym.
    labels = {s["label"] for f in data["findings"] for s in f["sources"]}
    assert "JP" not in labels and labels
