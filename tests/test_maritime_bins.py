"""Bins written at ingest: they combine across files and give the same events as binning
every position at detection time; selections they cannot express fall back to positions."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from sanctionwatch.maritime.designated import DesignatedVessel
from sanctionwatch.maritime.detect import DETECTORS, Event, iso, run_detectors
from sanctionwatch.maritime.engines import DuckDBEngine, Selection
from sanctionwatch.maritime.reference import default_thresholds
from sanctionwatch.maritime.storage import BIN_SECONDS, MaritimeStore, bin_table
from sanctionwatch.maritime.synthetic import generate


@pytest.fixture(scope="module")
def split_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[MaritimeStore, pa.Table,
                                                                     list[DesignatedVessel]]:
    """Synthetic AIS stored as two files cut in the middle of a bin (tracks cross files)."""
    store = MaritimeStore.for_home(tmp_path_factory.mktemp("bins"))
    syn = generate(n_vessels=12, hours=30, seed=11, n_encounters=2, n_gaps=2,
                   n_port_visits=2, n_identity=1)
    pos = syn.positions.drop_columns(["evidence_id"])
    st = syn.statics.drop_columns(["evidence_id"])
    t = pos["t"]
    cut = int(pc.min(t).as_py()) + 13 * 3600 + 317  # not on a bin boundary
    first = pc.less(t, cut)
    store.publish(store.stage("ev-a", pos.filter(first), st), "ev-a")
    store.publish(store.stage("ev-b", pos.filter(pc.invert(first)), st.slice(0, 0)), "ev-b")
    designated = [DesignatedVessel(name=d["name"], imo=d["imo"]) for d in syn.designated]
    return store, pos, designated


def _run(store: MaritimeStore, sel: Selection, bins: bool,
         designated: list[DesignatedVessel]) -> tuple[bool, list[Event]]:
    eng = DuckDBEngine(store.positions_dir, store.statics_dir, sel,
                       bins_dir=store.bins_dir if bins else None, bin_step=BIN_SECONDS)
    try:
        return eng.use_bins, run_detectors(eng, default_thresholds(), designated, DETECTORS)
    finally:
        eng.close()


def _norm(events: list[Event]) -> list[str]:
    return sorted(json.dumps(e, sort_keys=True) for e in events)


def test_bins_of_two_files_add_up_to_the_bins_of_all_positions(
        split_store: tuple[MaritimeStore, pa.Table, list[DesignatedVessel]]) -> None:
    store, pos, _ = split_store
    assert store.bins_complete()
    stored = pq.read_table(store.bins_dir, columns=["seg", "bin", "n", "t0", "t1", "slat",
                                                     "nsog"])
    combined = stored.group_by(["seg", "bin"]).aggregate(
        [("n", "sum"), ("t0", "min"), ("t1", "max"), ("slat", "sum"), ("nsog", "sum")])
    assert combined.num_rows < stored.num_rows  # some (segment, bin) rows are in both files
    whole = bin_table(pos)
    a = {(r["seg"], r["bin"]): r for r in combined.to_pylist()}
    b = {(r["seg"], r["bin"]): r for r in whole.to_pylist()}
    assert a.keys() == b.keys()
    for key, r in b.items():
        c = a[key]
        assert (c["n_sum"], c["t0_min"], c["t1_max"], c["nsog_sum"]) == (
            r["n"], r["t0"], r["t1"], r["nsog"])
        assert c["slat_sum"] == pytest.approx(r["slat"], rel=1e-12)


def test_bins_give_the_same_events_as_positions(
        split_store: tuple[MaritimeStore, pa.Table, list[DesignatedVessel]]) -> None:
    store, _, designated = split_store
    used, from_bins = _run(store, Selection(), True, designated)
    assert used
    used_pos, from_pos = _run(store, Selection(), False, designated)
    assert not used_pos
    assert {e["type"] for e in from_bins} >= {"gap", "encounter", "port_visit"}
    assert _norm(from_bins) == _norm(from_pos)


def test_selection_on_bins_or_fallback(
        split_store: tuple[MaritimeStore, pa.Table, list[DesignatedVessel]]) -> None:
    store, pos, designated = split_store
    t0 = int(pc.min(pos["t"]).as_py())
    since = (t0 // BIN_SECONDS + 36) * BIN_SECONDS  # six hours in, on a bin boundary
    aligned = Selection(since=since)
    used, on_bins = _run(store, aligned, True, designated)
    _, on_pos = _run(store, aligned, False, designated)
    assert used and on_bins and _norm(on_bins) == _norm(on_pos)
    assert all(e["start"] >= iso(since) for e in on_bins if e["type"] != "identity")
    assert not _run(store, Selection(since=since + 1), True, designated)[0]
    assert not _run(store, Selection(bbox=(100.0, 20.0, 150.0, 50.0)), True, designated)[0]
    assert Path(store.bins_dir).name == f"bins_{BIN_SECONDS}s"
