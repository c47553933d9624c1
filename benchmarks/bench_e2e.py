"""End-to-end: N generated documents -> intake with extraction -> findings -> reports.

    .venv/bin/python benchmarks/bench_e2e.py [--docs 1000] [--database-url URL]
        [--formats html,pdf,md,json]

Everything runs through the real path: SQLite (or PostgreSQL) workspace, blob store,
ledger, extraction and designated-party linking on intake, corroboration into findings,
analyst confirmation and publication, a coordinator's release, a co-signed checkpoint,
and a public and a members' report written through the access layer. Documents are made
here from templates in four languages (several originators, several caveats), so the run
needs no shared data. Prints one JSON line with the time of each stage and peak RSS.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import resource
import tempfile
import time
from pathlib import Path
from typing import Any

from common import fresh_pg_schema

from sanctionwatch.access.findings import finding_listing
from sanctionwatch.access.release import record_release
from sanctionwatch.access.report import build_report_model
from sanctionwatch.access.users import add_state, add_user, principal_for
from sanctionwatch.config import load_settings
from sanctionwatch.findings.actions import confirm, publish
from sanctionwatch.findings.build import build_findings
from sanctionwatch.findings.service import Actor
from sanctionwatch.ingest.hooks import derived_records
from sanctionwatch.ingest.pipeline import IntakeOptions, ingest_bytes
from sanctionwatch.ledger.checkpoint import add_signature, keygen, load_private_key, new_checkpoint
from sanctionwatch.report.render import write_report
from sanctionwatch.store.db import get_engine, transaction
from sanctionwatch.timeutil import now_utc

TEMPLATES = [
    ("en", "date {y}-{m:02d}-{d:02d}\nNorth Korea shipped about {n:,} artillery shells to Russia "
           "in {month} {y}, officials said. The cargo left the port of Rajin on a freighter."),
    ("en", "date {y}-{m:02d}-{d:02d}\nRussia delivered {k} air-defence systems to North Korea in "
           "{month} {y}, according to satellite imagery reviewed by analysts."),
    ("de", "date {y}-{m:02d}-{d:02d}\nNordkorea hat im {dmonth} {y} rund {nde} Granaten an "
           "Russland geliefert, teilten Behörden mit."),
    ("fr", "date {y}-{m:02d}-{d:02d}\nLa Russie a livré {nfr} barils de produits pétroliers "
           "raffinés à la Corée du Nord en {fmonth} {y}."),
    ("ru", "date {y}-{m:02d}-{d:02d}\nКНДР поставила России {n} снарядов в {y} году, сообщили "
           "официальные лица."),
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
DMONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
           "Oktober", "November", "Dezember"]
FMONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"]
ORIGINATORS = [("KR", "members", "originator"), ("US", "rel:KR,US", "members"),
               ("JP", "originator", "originator"), ("Sample Wire", "public", "public"),
               ("Open Digest", "public", "public")]


def _doc(rnd: random.Random, i: int) -> str:
    lang, tpl = rnd.choice(TEMPLATES)
    m = rnd.randrange(1, 13)
    n = rnd.randrange(1, 90) * 10_000
    text = tpl.format(y=2024, m=m, d=rnd.randrange(1, 28), n=n, k=rnd.randrange(1, 5),
                      nde=f"{n:,}".replace(",", "."), nfr=f"{n:,}".replace(",", " "),
                      month=MONTHS[m - 1], dmonth=DMONTHS[m - 1], fmonth=FMONTHS[m - 1])
    # Independent reports differ in their wording; templated texts would (rightly) be
    # collapsed as near-duplicates, so each gets a block of random file numbers — digits
    # only, so the language of the document is unchanged.
    filler = " ".join(f"{rnd.randrange(10**6):06d}" for _ in range(rnd.randrange(30, 60)))
    return f"{text}\n{filler}\nReference {i}."


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--database-url")
    ap.add_argument("--formats", default="html,pdf,md,json")
    args = ap.parse_args()
    rnd = random.Random(7)
    times: dict[str, float] = {}
    out: dict[str, Any] = {"benchmark": "e2e", "docs": args.docs}
    with tempfile.TemporaryDirectory() as tmp:
        url = fresh_pg_schema(args.database_url) if args.database_url else None
        settings = load_settings({"SANCTIONWATCH_PROGRESS": "0"}, home=Path(tmp) / "ws",
                                 database_url=url)
        engine = get_engine(settings)
        with transaction(engine) as s:
            for code in ("KR", "US", "JP"):
                add_state(s, code)
            add_user(s, "coord", "coordinator")
            add_user(s, "ana", "analyst")
        hook = derived_records(settings, engine)
        t = time.perf_counter()
        n_inc = 0
        for i in range(args.docs):
            origin, caveat, ocaveat = ORIGINATORS[i % len(ORIGINATORS)]
            opts = IntakeOptions(originator=origin, caveat=caveat, originator_caveat=ocaveat,
                                 reliability=rnd.choice("ABC"),
                                 credibility=rnd.choice([1, 2, 3])).validated()
            n_inc += ingest_bytes(settings, engine, f"doc-{i}.txt", _doc(rnd, i).encode(),
                                  opts, derived=hook).incidents
        times["intake_and_extraction"] = time.perf_counter() - t
        t = time.perf_counter()
        with transaction(engine) as s:
            built = build_findings(s, actor="ana")
        times["findings_build"] = time.perf_counter() - t
        t = time.perf_counter()
        with transaction(engine) as s:
            coord = principal_for(s, "coord")
            # The coordinator reviews: findings resting on originator-only items are
            # invisible to analysts (they inherit the most restrictive caveat).
            views = finding_listing(s, coord, context="bench").views
            published = 0
            for v in views:
                if v.status == "corroborated":
                    confirm(s, Actor("coord", "coordinator"), v.id, "bench review")
                    publish(s, Actor("coord", "coordinator"), v.id, "bench")
                    record_release(s, coord, v.id, "content", "public", "bench release")
                    published += 1
        times["review_and_publish"] = time.perf_counter() - t
        t = time.perf_counter()
        keys = Path(tmp) / "keys"
        with transaction(engine) as s:
            cp = new_checkpoint(s)
        for state in ("KR", "US"):
            keygen(state, keys)
            key_id, key = load_private_key(keys / f"{state}.key")
            with transaction(engine) as s:
                cp = add_signature(s, cp, key_id, key)
        times["checkpoint"] = time.perf_counter() - t
        formats = tuple(f for f in args.formats.split(",") if f)
        for audience in ("public", "members"):
            t = time.perf_counter()
            with transaction(engine) as s:
                model = build_report_model(s, principal_for(s, "coord"), audience,
                                           at=now_utc(), checkpoint=cp)
            times[f"report_{audience}_model"] = time.perf_counter() - t
            t = time.perf_counter()
            write_report(model, Path(tmp) / "reports" / audience, formats)
            times[f"report_{audience}_render"] = time.perf_counter() - t
            out[f"report_{audience}_findings"] = len(model.findings)
            out[f"report_{audience}_proofs"] = len(model.proofs)
    out.update({
        "backend": "postgresql" if args.database_url else "sqlite",
        "incidents": n_inc, "findings": len(built.created), "published": published,
        "seconds": {k: round(v, 2) for k, v in times.items()},
        "total_seconds": round(sum(times.values()), 1),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "machine": f"{platform.machine()} python {platform.python_version()}",
    })
    print(json.dumps(out))


if __name__ == "__main__":
    main()
