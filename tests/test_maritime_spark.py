"""The same detector definitions on DuckDB and Spark (local mode) give the same events."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sanctionwatch.config import load_settings
from sanctionwatch.maritime.clean import clean
from sanctionwatch.maritime.designated import DesignatedVessel
from sanctionwatch.maritime.engines import Selection, local_spark
from sanctionwatch.maritime.reference import default_thresholds
from sanctionwatch.maritime.service import detect
from sanctionwatch.maritime.storage import MaritimeStore
from sanctionwatch.maritime.synthetic import generate
from sanctionwatch.maritime.tabular import read_jsonl

pytestmark = pytest.mark.spark


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    if shutil.which("java") is None:
        pytest.skip("Java is not installed: Spark tests need a JVM (install Java 17)")
    session = local_spark("sanctionwatch-tests", cores=1, shuffle_partitions=1, small_data=True)
    yield session
    session.stop()


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[DesignatedVessel]]:
    home = tmp_path_factory.mktemp("ws")
    store = MaritimeStore.for_home(home)
    syn = generate(n_vessels=8, hours=30, seed=5, n_encounters=2, n_gaps=2, n_port_visits=2,
                   n_identity=1)
    pos = syn.positions.drop_columns(["evidence_id"])
    st = syn.statics.drop_columns(["evidence_id"])
    store.publish(store.stage("ev-synthetic", pos, st), "ev-synthetic")
    shared = Path(__file__).resolve().parents[1].parent / "shared" / "ais-samples"
    real = shared / "gfw_416000000_shared_mmsi.jsonl"
    if real.exists():
        c = clean(read_jsonl(real.read_bytes()), default_thresholds().segmentation)
        store.publish(store.stage("ev-real416", c.positions, c.statics), "ev-real416")
    return home, [DesignatedVessel(name=d["name"], imo=d["imo"]) for d in syn.designated]


def test_every_detector_same_events_on_both_engines(
        spark: Any, workspace: tuple[Path, list[DesignatedVessel]]) -> None:
    """One run per engine (Spark's fixed cost per query dominates at this size); the
    selection's time predicates (on whole bins, so the bins written at ingest serve) are
    part of both runs. The positions path (bbox) is compared with it in test_maritime_bins."""
    home, designated = workspace
    settings = load_settings({}, home=home)
    sel = Selection(since=1_299_999_600, until=1_704_067_200 + 3 * 86400)  # whole bins
    duck = detect(settings, sel, engine="duckdb", designated=designated)
    sp = detect(settings, sel, engine="spark", designated=designated, spark=spark)
    kinds = {e["type"] for e in duck}
    assert kinds == {"gap", "encounter", "loitering", "port_visit", "identity"}
    assert all(e["evidence"] for e in duck if e["type"] != "identity")
    assert sp == duck
