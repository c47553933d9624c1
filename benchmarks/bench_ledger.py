"""Ledger benchmarks: batched append throughput, proof and root times at 1,000,000 leaves.

    .venv/bin/python benchmarks/bench_ledger.py [--leaves 1000000] [--batch 10000]
                                                [--database-url URL] [--verify]

Builds a fresh log (SQLite in a temporary workspace unless --database-url is given),
then times inclusion proofs for random leaves, consistency proofs and roots, and checks
every timed proof with the standalone verifier (outside the timing).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sanctionwatch.config import load_settings
from sanctionwatch.ledger import log
from sanctionwatch.ledger.append import append, append_many
from sanctionwatch.ledger.verify import verify
from sanctionwatch.ledger.verify_proof import check_proof
from sanctionwatch.store.db import get_engine, session_factory, transaction


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def ms(values: list[float]) -> str:
    values = sorted(values)
    p95 = values[int(len(values) * 0.95) - 1]
    return (f"median {statistics.median(values) * 1e3:.3f} ms, p95 {p95 * 1e3:.3f} ms, "
            f"mean {statistics.fmean(values) * 1e3:.3f} ms (n={len(values)})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--leaves", type=int, default=1_000_000)
    ap.add_argument("--batch", type=int, default=10_000)
    ap.add_argument("--database-url")
    ap.add_argument("--verify", action="store_true", help="also time a full `ledger verify`")
    args = ap.parse_args()
    home = Path(tempfile.mkdtemp(prefix="bench-ledger-"))
    settings = load_settings({}, home=home, database_url=args.database_url)
    engine = get_engine(settings)
    print(f"database: {engine.url.render_as_string(hide_password=True)}")

    # 1. single appends, one transaction each (the ingest pattern)
    n_single = 2000
    t0 = time.perf_counter()
    for i in range(n_single):
        with transaction(engine) as session:
            append(session, "bench.single", {"n": i, "item": f"{i:032x}"}, subject=f"s{i}")
    dt = time.perf_counter() - t0
    print(f"single appends (1 per transaction): {n_single / dt:,.0f}/s")

    # 2. batched appends up to --leaves
    remaining, t0, n = args.leaves - n_single, time.perf_counter(), n_single
    cpu0 = time.process_time()
    while remaining > 0:
        b = min(args.batch, remaining)
        with transaction(engine) as session:
            append_many(session, [("bench.event", {"n": n + i, "item": f"{n + i:032x}"},
                                   f"item-{n + i}") for i in range(b)])
        n, remaining = n + b, remaining - b
    dt, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    done = args.leaves - n_single
    print(f"batched appends ({args.batch} per transaction): {done / dt:,.0f}/s wall-clock, "
          f"{done / cpu:,.0f} per CPU-second of this process ({done:,} in {dt:.1f} s)")

    # 3. proofs and roots at the full size
    rng = random.Random(6962)
    with session_factory(engine)() as session, session.begin():
        size, root = log.root_at(session)
        print(f"log size {size:,}, root {root.hex()}")
        seqs = [rng.randrange(size) for _ in range(1000)]
        proofs: list[log.InclusionProof] = []

        def one_proof() -> None:
            proofs.append(log.inclusion_proof(session, seqs[len(proofs)]))

        print("inclusion proof (by seq, current size): " + ms(timed(one_proof, len(seqs))))
        for p in proofs:
            check_proof(p.to_json(), root.hex())
        subjects = [f"item-{rng.randrange(n_single, size)}" for _ in range(300)]
        it = iter(subjects)
        print("inclusion proof (by subject):           " + ms(timed(
            lambda: log.inclusion_proof(session, log.resolve_item(session, next(it))), 300)))
        olds = iter([rng.randrange(1, size) for _ in range(300)])
        cons: list[log.ConsistencyProof] = []
        print("consistency proof (random old size):    " + ms(timed(
            lambda: cons.append(log.consistency_proof(session, next(olds))), 300)))
        for c in cons:
            check_proof(c.to_json(), root.hex())
        sizes = iter([rng.randrange(1, size) for _ in range(300)])
        print("root at a random earlier size:          " + ms(timed(
            lambda: log.root_at(session, next(sizes)), 300)))
    print("all timed proofs verified with the standalone verifier")

    if args.verify:
        t0 = time.perf_counter()
        report = verify(engine, settings)
        print(f"ledger verify: {'OK' if report.ok else 'FAILED'} over {report.entries:,} entries"
              f" and {report.nodes:,} nodes in {time.perf_counter() - t0:.1f} s")
    print(f"workspace left at {home} (delete it when done)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
