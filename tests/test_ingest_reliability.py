"""Intake survives SIGKILL at any moment, and concurrent writers on PostgreSQL."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import select

from sanctionwatch.access.guard import system_scope
from sanctionwatch.config import load_settings
from sanctionwatch.ledger.log import log_size
from sanctionwatch.ledger.verify import verify
from sanctionwatch.store.db import get_engine, transaction
from sanctionwatch.store.models import EvidenceItem, LedgerEntry


def _cli(home: Path, *args: str, db: str | None = None) -> list[str]:
    return [sys.executable, "-m", "sanctionwatch", "--home", str(home),
            *(["--database-url", db] if db else []), *args]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["SANCTIONWATCH_PROGRESS"] = "0"
    env.pop("SANCTIONWATCH_DATABASE_URL", None)
    return env


def _write_docs(folder: Path, prefix: str, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"{prefix}-{i:03d}.txt").write_text(
            f"Report {prefix} {i}: a tanker took on refined petroleum in a ship-to-ship "
            f"transfer, {i * 37 % 1000} barrels were counted.", "utf-8")


def _stored_ids(stdout: str) -> set[str]:
    return {line.split()[1] for line in stdout.splitlines()
            if line.startswith(("stored", "duplicate"))}


def test_sigkill_at_random_points_leaves_a_verifiable_workspace(tmp_path: Path) -> None:
    home = tmp_path / "ws"
    rng = random.Random(20241125)
    reported: set[str] = set()
    for round_no in range(10):
        docs = tmp_path / f"round{round_no}"
        _write_docs(docs, f"r{round_no}", 60)
        proc = subprocess.Popen(_cli(home, "ingest", str(docs), "--originator", "KR",
                                     "--caveat", "members"),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                env=_env())
        time.sleep(rng.uniform(0.8, 4.0))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate()
        reported |= _stored_ids(out)
    settings = load_settings({}, home=home)
    engine = get_engine(settings)
    report = verify(engine, settings)
    assert report.ok, [str(p) for p in report.problems]
    with transaction(engine) as s, system_scope("test: compare stored ids"):
        stored = set(s.execute(select(EvidenceItem.id)).scalars())
        seqs = list(s.execute(select(LedgerEntry.seq).order_by(LedgerEntry.seq)).scalars())
    assert reported, "no process got far enough to store anything; raise the delays"
    assert reported <= stored
    assert seqs == list(range(len(seqs)))  # no gap, no duplicate leaf index


def test_two_writers_on_postgresql_lose_nothing(pg_url: str, tmp_path: Path) -> None:
    home = tmp_path / "ws"
    _write_docs(tmp_path / "a", "a", 40)
    _write_docs(tmp_path / "b", "b", 40)
    _write_docs(tmp_path / "shared", "s", 10)  # both writers take these in
    procs = [
        subprocess.Popen(_cli(home, "ingest", str(tmp_path / d), str(tmp_path / "shared"),
                              "--originator", code, "--caveat", "members", db=pg_url),
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env())
        for d, code in (("a", "KR"), ("b", "US"))
    ]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [o[1] for o in outs]
    settings = load_settings({}, home=home, database_url=pg_url)
    engine = get_engine(settings)
    with transaction(engine) as s, system_scope("test: count items"):
        n_items = len(list(s.execute(select(EvidenceItem.id)).scalars()))
        size = log_size(s)
        seqs = list(s.execute(select(LedgerEntry.seq).order_by(LedgerEntry.seq)).scalars())
    assert n_items == 90
    assert size == 100  # 90 intakes + 10 re-intakes of the shared files
    assert seqs == list(range(100))
    report = verify(engine, settings)
    assert report.ok, [str(p) for p in report.problems]
