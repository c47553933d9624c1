"""Maritime detectors: throughput, peak memory and recall/precision on planted events.

    .venv/bin/python benchmarks/bench_maritime.py [--sizes 1000,5000] [--spark 1000]

Each size is a number of background vessels with a fix a minute for 26 h (1,560 fixes
each; 26 h so the shared-MMSI case can exceed 24 h of overlap) over the Yellow Sea
and the East Sea, plus planted encounters, gaps, port visits
and identity cases. Positions are written as day-partitioned Parquet in a temporary
workspace, then the whole detector suite runs on DuckDB (2 threads) and, for the
``--spark`` size, on Spark local[2]. Each run is a subprocess so peak RSS is its own.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def one(kind: str, vessels: int) -> dict[str, object]:
    from sanctionwatch.config import load_settings
    from sanctionwatch.maritime.designated import DesignatedVessel
    from sanctionwatch.maritime.detect import iso
    from sanctionwatch.maritime.engines import Selection, local_spark
    from sanctionwatch.maritime.service import detect
    from sanctionwatch.maritime.storage import MaritimeStore
    from sanctionwatch.maritime.synthetic import generate

    planted = max(4, vessels // 250)
    syn = generate(n_vessels=vessels, hours=26, interval=60, seed=1, n_encounters=planted,
                   n_gaps=planted, n_port_visits=planted, n_identity=max(2, planted // 4))
    home = Path(tempfile.mkdtemp(prefix="bench-maritime-"))
    store = MaritimeStore.for_home(home)
    store.publish(store.stage("ev-bench", syn.positions.drop_columns(["evidence_id"]),
                              syn.statics.drop_columns(["evidence_id"])), "ev-bench")
    n = syn.positions.num_rows
    del syn.positions
    designated = [DesignatedVessel(name=d["name"], imo=d["imo"]) for d in syn.designated]
    spark = local_spark("bench", cores=2, shuffle_partitions=8, memory="4g") \
        if kind == "spark" else None
    start = time.perf_counter()
    events = detect(load_settings({}, home=home), Selection(), engine=kind,
                    designated=designated, spark=spark)
    secs = time.perf_counter() - start
    hit_truth, tp = 0, 0
    for t in syn.truth:
        ok = False
        for e in events:
            if e["type"] != t["type"] or sorted(v["mmsi"] for v in e["vessels"]) != t["mmsi"]:
                continue
            if "rule" in t:
                ok = ok or e["rule"] == t["rule"]
            elif e["start"] <= iso(t["end"]) and e["end"] >= iso(t["start"]):
                ok = True
        hit_truth += ok
    for e in events:
        vs = sorted(v["mmsi"] for v in e["vessels"])
        tp += any(t["type"] == e["type"] and t["mmsi"] == vs for t in syn.truth)
    return {"engine": kind, "vessels": vessels, "positions": n, "seconds": round(secs, 2),
            "positions_per_s": round(n / secs), "events": len(events),
            "recall": round(hit_truth / len(syn.truth), 3),
            "precision": round(tp / max(1, len(events)), 3),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", default="1000,5000", help="background vessels per DuckDB run")
    ap.add_argument("--spark", default="1000", help="background vessels for Spark ('' = skip)")
    ap.add_argument("--one", nargs=2, metavar=("ENGINE", "VESSELS"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one(args.one[0], int(args.one[1]))))
        return
    runs = [("duckdb", int(s)) for s in args.sizes.split(",") if s]
    runs += [("spark", int(s)) for s in args.spark.split(",") if s]
    results = []
    for kind, size in runs:
        out = subprocess.run([sys.executable, __file__, "--one", kind, str(size)],
                             capture_output=True, text=True, check=True)
        res = json.loads(out.stdout.strip().splitlines()[-1])
        results.append(res)
        print(json.dumps(res), flush=True)
    best = max((r for r in results if r["engine"] == "duckdb"),
               key=lambda r: int(r["positions"]), default=None)
    if best:
        hours = 3e9 / float(best["positions_per_s"]) / 3600
        print(f"extrapolated regional year (3e9 positions) on DuckDB, by day partitions: "
              f"{hours:.1f} h at {best['positions_per_s']} positions/s")


if __name__ == "__main__":
    main()
