"""Signed checkpoints: member-state keys co-sign one checkpoint; every signature and the
match with the log are checked; any change to the checkpoint breaks it."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from sanctionwatch.cli import main
from sanctionwatch.config import Settings
from sanctionwatch.ledger import checkpoint as cpm
from sanctionwatch.ledger.append import append_many
from sanctionwatch.ledger.log import log_size
from sanctionwatch.store.db import get_engine, transaction


def cli(settings: Settings, *args: str) -> Result:
    return CliRunner().invoke(
        main, ["--home", str(settings.home), "--database-url", settings.database_url, *args],
        catch_exceptions=False,
    )


@pytest.fixture
def keys(tmp_path: Path) -> Path:
    key_dir = tmp_path / "keys"
    for key_id in ("KR", "US", "FR"):
        cpm.keygen(key_id, key_dir)
    return key_dir


def fill(settings: Settings, n: int) -> None:
    with transaction(get_engine(settings)) as session:
        append_many(session, [("test.event", {"n": i}, None) for i in range(n)])


def test_cosigned_checkpoint_verifies(settings: Settings, keys: Path, tmp_path: Path) -> None:
    fill(settings, 9)
    cp_file = tmp_path / "cp.json"
    out = cli(settings, "ledger", "checkpoint", "--sign", str(keys / "KR.key"),
              "--out", str(cp_file))
    assert out.exit_code == 0, out.output
    out = cli(settings, "ledger", "checkpoint", "--sign", str(keys / "US.key"),
              "--add-to", str(cp_file))
    assert out.exit_code == 0, out.output
    cp = json.loads(cp_file.read_text())
    assert cp["checkpoint"]["size"] == 9
    assert [s["key_id"] for s in cp["signatures"]] == ["KR", "US"]
    out = cli(settings, "ledger", "verify-checkpoint", str(cp_file), "--keys", str(keys),
              "--json")
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["valid_signers"] == ["KR", "US"]
    # each signature was recorded in the ledger, after the checkpointed size
    with transaction(get_engine(settings)) as session:
        assert log_size(session) == 11
    # the same key cannot sign twice
    out = cli(settings, "ledger", "checkpoint", "--sign", str(keys / "US.key"),
              "--add-to", str(cp_file))
    assert out.exit_code == 2 and "already signed by US" in out.output
    # the log keeps growing; the old checkpoint still matches its size
    fill(settings, 5)
    out = cli(settings, "ledger", "verify-checkpoint", str(cp_file), "--keys", str(keys))
    assert out.exit_code == 0, out.output


@pytest.mark.parametrize("change", ["size", "root", "time", "log", "sig", "key_id"])
def test_any_change_breaks_the_checkpoint(sqlite_settings: Settings, keys: Path,
                                          change: str) -> None:
    fill(sqlite_settings, 4)
    with transaction(get_engine(sqlite_settings)) as session:
        cp = cpm.new_checkpoint(session)
        key_id, key = cpm.load_private_key(keys / "FR.key")
        cp = cpm.add_signature(session, cp, key_id, key)
    public = cpm.load_public_keys(keys)
    assert cpm.verify_signatures(cp, public).ok
    body, sig = cp["checkpoint"], cp["signatures"][0]
    if change == "size":
        body["size"] = 3
    elif change == "root":
        body["root"] = body["root"][:-1] + ("0" if body["root"][-1] != "0" else "1")
    elif change == "time":
        body["time"] = "2000-01-01T00:00:00Z"
    elif change == "log":
        body["log"] = "sanctionwatch:0000000000000000"
    elif change == "sig":
        raw = bytearray(base64.b64decode(sig["sig"]))
        raw[10] ^= 1
        sig["sig"] = base64.b64encode(bytes(raw)).decode()
    else:
        sig["key_id"] = "KR"  # claims another member's signature
    report = cpm.verify_signatures(cp, public)
    assert not report.ok
    who = sig["key_id"]
    assert report.problems == [f"signature 0 ({who}): signature does not verify"]


def test_checkpoint_must_match_the_log(settings: Settings, keys: Path, tmp_path: Path) -> None:
    fill(settings, 6)
    cp_file = tmp_path / "cp.json"
    assert cli(settings, "ledger", "checkpoint", "--sign", str(keys / "KR.key"),
               "--out", str(cp_file)).exit_code == 0
    # a validly signed checkpoint of a *different* log of the same size does not match
    other = tmp_path / "other"
    other_settings = Settings(home=other, database_url=f"sqlite:///{other / 'db.sqlite'}")
    fill(other_settings, 8)
    out = cli(other_settings, "ledger", "verify-checkpoint", str(cp_file), "--keys", str(keys))
    assert out.exit_code == 1
    assert "PROBLEM checkpoint is for log" in out.output
    assert "PROBLEM checkpoint root differs from the log's root at size 6" in out.output
    out = cli(other_settings, "ledger", "checkpoint", "--sign", str(keys / "US.key"),
              "--add-to", str(cp_file))
    assert out.exit_code == 2 and "root differs" in out.output


def test_unknown_key_and_bad_files(settings: Settings, keys: Path, tmp_path: Path) -> None:
    fill(settings, 2)
    cp_file = tmp_path / "cp.json"
    assert cli(settings, "ledger", "checkpoint", "--sign", str(keys / "KR.key"),
               "--out", str(cp_file)).exit_code == 0
    only_us = tmp_path / "only_us"
    only_us.mkdir()
    (only_us / "US.pub").write_bytes((keys / "US.pub").read_bytes())
    out = cli(settings, "ledger", "verify-checkpoint", str(cp_file), "--keys", str(only_us))
    assert out.exit_code == 1 and "no public key KR.pub" in out.output
    out = cli(settings, "ledger", "keygen", "KR", "--out", str(keys))
    assert out.exit_code == 2 and "refusing to overwrite" in out.output
    out = cli(settings, "ledger", "keygen", "../evil", "--out", str(keys))
    assert out.exit_code == 2 and "key id" in out.output
    out = cli(settings, "ledger", "checkpoint", "--sign", str(keys / "KR.pub"))
    assert out.exit_code == 2 and "not an unencrypted PEM private key" in out.output
    cp_file.write_text('{"checkpoint": {"format": "x"}}')
    out = cli(settings, "ledger", "verify-checkpoint", str(cp_file), "--keys", str(keys))
    assert out.exit_code == 2 and "unknown checkpoint format" in out.output


def test_empty_log_cannot_be_checkpointed(settings: Settings, keys: Path) -> None:
    out = cli(settings, "ledger", "checkpoint", "--sign", str(keys / "KR.key"))
    assert out.exit_code == 2 and "empty" in out.output
