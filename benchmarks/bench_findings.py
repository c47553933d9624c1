"""Benchmark: 1,000 invented documents -> corroboration -> estimates -> report (all formats).

Run: .venv/bin/python benchmarks/bench_findings.py [N_DOCS]
Pure path (no database): measures corroboration (MinHash, cues, union-find) and rendering.
"""

from __future__ import annotations

import random
import resource
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from sanctionwatch.findings.corroborate import corroborate, finding_id
from sanctionwatch.findings.records import IncidentInput, SourceItem
from sanctionwatch.report.assemble import counted_label, finding_view, refined_petroleum_cap
from sanctionwatch.report.model import ReportModel, SourceRow
from sanctionwatch.report.render import write_report

TYPES = [("petroleum_transfer", "RU", "KP", "refined petroleum", "barrels"),
         ("arms_transfer", "KP", "RU", "artillery ammunition", None),
         ("overseas_workers", "KP", "CN", "construction workers", None),
         ("ship_to_ship_transfer", "KP", "CN", "coal", "tonnes")]
WORDS = [
    "tanker", "vessel", "cargo", "port", "night", "transfer", "diesel", "crew", "hull",
    "satellite", "imagery", "customs", "records", "shipment", "declared", "undeclared",
    "flag", "registry", "owner", "manager", "agent",
]


def make(n: int, seed: int = 1) -> tuple[list[IncidentInput], dict[str, SourceItem]]:
    rnd = random.Random(seed)
    incs, items = [], {}
    for d in range(n):
        eid = f"d{d:05d}"
        text = " ".join(rnd.choice(WORDS) for _ in range(60))
        if rnd.random() < 0.2:
            text = "According to Yonhap, " + text
        items[eid] = SourceItem(evidence_id=eid, originator_key=f"o{rnd.randrange(12)}",
                                text=text, language="en", reliability=rnd.choice("ABCF"),
                                credibility=rnd.choice([1, 2, 3, 6]))
        t, src, dst, cat, unit = rnd.choice(TYPES)
        incs.append(IncidentInput(
            id=f"i{d:05d}", evidence_id=eid, type=t, from_country=src, to_country=dst,
            category=cat, unit=unit, quantity=rnd.randrange(1000, 90000) if unit else None,
            when=f"2023-{rnd.randrange(1, 13):02d}"))
    return incs, items


def main(n: int) -> None:
    incs, items = make(n)
    t0 = time.perf_counter()
    found = corroborate(incs, items)
    t1 = time.perf_counter()
    views = []
    for a in found:
        ref = {e: f"S{k}" for k, e in enumerate(a.evidence_ids, 1)}
        rows = [SourceRow(ref=f"{a.incident_ids[0]}-{ref[e]}", label="Member State",
                          counted=counted_label(a, e, ref)) for e in a.evidence_ids]
        views.append(finding_view(finding_id(a.key, a.incident_ids), a, status="corroborated"
                                  if a.independent >= 2 else "reported", sources=rows, ref=ref))
    model = ReportModel(title="Benchmark", audience="members", audience_label="MEMBERS",
                        generated_at=datetime(2024, 1, 1, tzinfo=UTC), findings=views,
                        caps=[refined_petroleum_cap(2023)])
    t2 = time.perf_counter()
    with tempfile.TemporaryDirectory() as out:
        write_report(model, Path(out))
        size = (Path(out) / "report.pdf").stat().st_size
    t3 = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux: KiB
    print(f"documents={n} findings={len(found)} corroborate={t1 - t0:.2f}s "
          f"views={t2 - t1:.2f}s render(html,pdf,md,json)={t3 - t2:.2f}s "
          f"total={t3 - t0:.2f}s peak_rss={peak / 2**20:.0f}MiB pdf={size // 1024}KiB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
