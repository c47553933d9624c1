"""Ingest throughput: 1,000 small text documents into a fresh SQLite workspace.

    .venv/bin/python benchmarks/bench_ingest.py [--docs 1000] [--database-url URL]

Prints documents per second and the share of time per stage. The documents are
generated here (short multilingual sentences), so the run needs no shared data.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import platform
import tempfile
import time
from pathlib import Path

from common import fresh_pg_schema

from sanctionwatch.config import load_settings
from sanctionwatch.ingest.hooks import derived_records
from sanctionwatch.ingest.language import detect_language
from sanctionwatch.ingest.pipeline import IntakeOptions, ingest_paths
from sanctionwatch.store.db import get_engine

TEMPLATES = [
    "Report {i}: the tanker took on {n} barrels of refined petroleum in a ship-to-ship "
    "transfer off Nampo in May {y}, according to imagery.",
    "Bericht {i}: Nordkorea lieferte im Jahr {y} rund {n} Artilleriegranaten an Russland.",
    "Rapport {i} : {n} conteneurs ont été chargés à Rajin en {y}, selon des images.",
    "Доклад {i}: в {y} году КНДР поставила России {n} снарядов.",
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--database-url", help="PostgreSQL URL (a fresh schema is created in it)")
    ap.add_argument("--no-extract", action="store_true", help="Intake only, no extraction.")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        for i in range(args.docs):
            text = TEMPLATES[i % len(TEMPLATES)].format(i=i, n=1000 + i, y=2015 + i % 10)
            (folder / f"doc-{i:05d}.txt").write_text(text, "utf-8")
        url = fresh_pg_schema(args.database_url) if args.database_url else None
        settings = load_settings({"SANCTIONWATCH_PROGRESS": "0"}, home=Path(tmp) / "ws",
                                 database_url=url)
        if args.no_extract:
            settings = dataclasses.replace(settings, extra={"extract.on_ingest": "0"})
        engine = get_engine(settings)
        detect_language("warm up the language detector")
        opts = IntakeOptions(originator="KR", caveat="members").validated()
        hook = derived_records(settings, engine)
        t0 = time.perf_counter()
        report = ingest_paths(settings, engine, [folder], opts, derived=hook)
        elapsed = time.perf_counter() - t0
    stored = sum(r.status == "stored" for r in report.results)
    print(json.dumps({
        "benchmark": "ingest", "docs": args.docs, "stored": stored,
        "extraction": hook is not None,
        "backend": "postgresql" if args.database_url else "sqlite",
        "seconds": round(elapsed, 2), "docs_per_second": round(args.docs / elapsed, 1),
        "machine": f"{platform.machine()} {platform.processor() or ''} "
                   f"python {platform.python_version()}",
    }))


if __name__ == "__main__":
    main()
