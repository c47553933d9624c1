"""`sanctionwatch ledger …` end to end, and the documented third-party verifier script
(docs/verify_example.py) on a proof produced by the command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from sanctionwatch.cli import main
from sanctionwatch.config import Settings
from sanctionwatch.ledger.append import append_many
from sanctionwatch.store.db import get_engine, transaction

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "docs" / "verify_example.py"


def cli(settings: Settings, *args: str) -> Result:
    return CliRunner().invoke(
        main, ["--home", str(settings.home), "--database-url", settings.database_url, *args],
        catch_exceptions=False,
    )


@pytest.fixture
def filled(settings: Settings) -> Settings:
    with transaction(get_engine(settings)) as session:
        append_many(session, [("test.event", {"n": i, "note": "Grüße"}, f"item-{i}")
                              for i in range(13)])
    return settings


def root_of(settings: Settings, size: int | None = None) -> str:
    args = ["ledger", "root", "--json"] + (["--size", str(size)] if size else [])
    out = cli(settings, *args)
    assert out.exit_code == 0, out.output
    return str(json.loads(out.output)["root"])


def test_prove_and_check(filled: Settings, tmp_path: Path) -> None:
    proof_file = tmp_path / "proof.json"
    out = cli(filled, "ledger", "prove", "item-6", "--out", str(proof_file))
    assert out.exit_code == 0, out.output
    proof = json.loads(proof_file.read_text())
    assert proof["leaf_index"] == 6 and proof["tree_size"] == 13
    assert json.loads(proof["entry"])["note"] == "Grüße"
    root = root_of(filled)
    ok = cli(filled, "ledger", "check-proof", str(proof_file), "--root", root)
    assert ok.exit_code == 0 and ok.output.startswith("OK")
    bad = cli(filled, "ledger", "check-proof", str(proof_file), "--root", root_of(filled, 12))
    assert bad.exit_code == 1 and "FAILED" in bad.output
    proof["entry"] = proof["entry"].replace('"n":6', '"n":7')
    proof_file.write_text(json.dumps(proof))
    assert cli(filled, "ledger", "check-proof", str(proof_file), "--root", root).exit_code == 1


def test_documented_example_script_checks_a_real_proof(filled: Settings, tmp_path: Path) -> None:
    proof_file = tmp_path / "p.json"
    out = cli(filled, "ledger", "prove", "#11", "--size", "12", "--out", str(proof_file))
    assert out.exit_code == 0, out.output
    good = subprocess.run([sys.executable, str(EXAMPLE), str(proof_file), root_of(filled, 12)],
                          capture_output=True, text=True, check=False)
    assert good.returncode == 0 and good.stdout.startswith("OK"), good.stdout + good.stderr
    wrong = subprocess.run([sys.executable, str(EXAMPLE), str(proof_file), root_of(filled)],
                           capture_output=True, text=True, check=False)
    assert wrong.returncode == 1
    # the script shares no code with the package: check it imports only the stdlib
    source = EXAMPLE.read_text()
    assert "sanctionwatch." not in source.replace("sanctionwatch ledger", "")
    assert len(source.splitlines()) <= 60


def test_consistency_and_errors(filled: Settings, tmp_path: Path) -> None:
    proof_file = tmp_path / "c.json"
    assert cli(filled, "ledger", "consistency", "5", "--out", str(proof_file)).exit_code == 0
    assert cli(filled, "ledger", "check-proof", str(proof_file), "--root",
               root_of(filled)).exit_code == 0
    out = cli(filled, "ledger", "consistency", "5", "99")
    assert out.exit_code == 2 and "outside the log" in out.output
    out = cli(filled, "ledger", "prove", "no-such-item")
    assert out.exit_code == 2 and "no ledger entry" in out.output
    (tmp_path / "junk.json").write_text("{not json")
    out = cli(filled, "ledger", "check-proof", str(tmp_path / "junk.json"), "--root", "00")
    assert out.exit_code == 1 and "not valid JSON" in out.output


def test_verify_exit_status(filled: Settings) -> None:
    out = cli(filled, "ledger", "verify", "--json")
    assert out.exit_code == 0 and json.loads(out.output)["ok"] is True
    with get_engine(filled).begin() as conn:
        conn.exec_driver_sql("DELETE FROM ledger_node WHERE level = 2")
    out = cli(filled, "ledger", "verify")
    assert out.exit_code == 1
    assert "MISMATCH ledger_node (2, 0): node is missing from the cache" in out.output
