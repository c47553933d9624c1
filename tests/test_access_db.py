"""The access layer over a real database: CLI output, refusals, tokens, audit, guard."""

from __future__ import annotations

import ast
import json
import logging
import random
import re
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from sanctionwatch.access.caveats import Caveat
from sanctionwatch.access.errors import AccessDenied
from sanctionwatch.access.guard import ProtectedReadError
from sanctionwatch.access.policy import Principal
from sanctionwatch.access.users import issue_token, principal_for_token, revoke_token
from sanctionwatch.cli import main
from sanctionwatch.config import Settings
from sanctionwatch.ingest.pipeline import IntakeOptions, ingest_bytes
from sanctionwatch.store.db import get_engine, transaction
from sanctionwatch.store.models import EvidenceItem
from sanctionwatch.timeutil import now_utc
from test_access_properties import oracle

STATES = ["KR", "US", "JP", "DE"]
SRC = Path(__file__).resolve().parents[1] / "src" / "sanctionwatch"


def _run(settings: Settings, *args: str) -> tuple[int, str]:
    base = ["--home", str(settings.home), "--database-url", settings.database_url]
    res = CliRunner().invoke(main, [*base, *args])
    return res.exit_code, res.output


def _named(text: str, code: str) -> bool:
    return re.search(rf"(?<![A-Za-z]){code}(?![A-Za-z])", text) is not None


@pytest.fixture
def team(settings: Settings) -> Settings:
    for code in STATES:
        assert _run(settings, *(["--as", "coord"] if code != "KR" else []),
                    "states", "add", code)[0] in (0,), code
        if code == "KR":
            assert _run(settings, "users", "add", "coord", "--role", "coordinator")[0] == 0
            assert _run(settings, "--as", "coord", "states", "add", "GB")[0] == 0
    for name, role, state in [("ana", "analyst", None), ("pub", "reader", None),
                              *[(f"li-{s.lower()}", "liaison", s) for s in STATES]]:
        args = ["--as", "coord", "users", "add", name, "--role", role]
        assert _run(settings, *args, *(["--state", state] if state else []))[0] == 0
    return settings


def test_team_setup_needs_a_coordinator(team: Settings) -> None:
    code, out = _run(team, "--as", "ana", "users", "add", "eve", "--role", "coordinator")
    assert code == 3 and "only a coordinator" in out
    code, out = _run(team, "users", "add", "eve", "--role", "coordinator")
    assert code == 3 and "--as USER" in out


def test_every_user_sees_what_the_rules_allow(team: Settings, caplog: pytest.LogCaptureFixture
                                               ) -> None:
    rng = random.Random(7)
    levels = ["public", "members", "originator", "rel:KR,US", "rel:JP", "rel:DE,GB,JP"]
    engine = get_engine(team)
    items = []
    for i in range(24):
        origin = rng.choice(STATES)
        opts = IntakeOptions(originator=origin, caveat=rng.choice(levels),
                             originator_caveat=rng.choice(levels),
                             source_url=f"https://{origin.lower()}.example/{i}").validated()
        res = ingest_bytes(team, engine, f"{origin}-{i}.txt",
                           f"Evidence text number {i} about coal shipments.".encode(), opts)
        items.append((res.item_id, origin, opts))
    caplog.set_level(logging.DEBUG)
    users = {"coord": Principal("coord", "coordinator"), "ana": Principal("ana", "analyst"),
             "pub": Principal("pub", "reader"),
             **{f"li-{s.lower()}": Principal(f"li-{s.lower()}", "liaison", s)
                for s in STATES}}
    for name, who in users.items():
        code, out = _run(team, "--as", name, "evidence", "list", "--json")
        assert code == 0, out
        listed = {row["id"]: row for row in json.loads(out)}
        for item_id, origin, opts in items:
            content_ok = oracle(who, Caveat.parse(opts.caveat), origin)
            origin_ok = oracle(who, Caveat.parse(opts.originator_caveat), origin)
            code, shown = _run(team, "--as", name, "evidence", "show", item_id)
            if who.role == "reader" and not content_ok:
                assert item_id not in listed
                assert code == 3 and "not public" in shown
            else:
                assert listed[item_id]["content_visible"] == content_ok
                assert listed[item_id]["originator_visible"] == origin_ok
                assert code == 0
                assert ("about coal shipments" in shown) == content_ok
            if not origin_ok:
                assert not _named(shown, origin), (name, shown)
                assert not _named(json.dumps(listed.get(item_id, {})), origin)
                assert f"{origin.lower()}.example" not in shown
    for record in caplog.records:
        for _item_id, origin, _opts in items:
            assert not _named(record.getMessage(), origin)


def test_unknown_user_is_refused_without_leaking(team: Settings) -> None:
    code, out = _run(team, "--as", "mallory", "evidence", "list")
    assert code == 3 and "unknown or inactive user" in out
    code, out = _run(team, "evidence", "list")
    assert code == 3 and "SANCTIONWATCH_USER" in out


def test_tokens_hashed_expiring_revocable(team: Settings) -> None:
    engine = get_engine(team)
    with transaction(engine) as s:
        token = issue_token(s, "ana", days=1)
    tid = token.split("_")[1]
    with transaction(engine) as s:
        assert principal_for_token(s, token).role == "analyst"
        from sanctionwatch.access.models import ApiToken

        assert token.split("_", 2)[2] not in s.get(ApiToken, tid).secret_hash
        refusals = set()
        for bad in (token[:-1] + ("A" if token[-1] != "A" else "B"), "swt_nope_x", "garbage"):
            with pytest.raises(AccessDenied) as exc:
                principal_for_token(s, bad)
            refusals.add(str(exc.value))
        with pytest.raises(AccessDenied) as exc:
            principal_for_token(s, token, at=now_utc() + timedelta(days=2))
        refusals.add(str(exc.value))
        assert refusals == {"invalid, expired or revoked token"}
        revoke_token(s, tid)
    with transaction(engine) as s, pytest.raises(AccessDenied):
        principal_for_token(s, token)


def test_audit_and_release(team: Settings) -> None:
    engine = get_engine(team)
    opts = IntakeOptions(originator="KR", caveat="originator").validated()
    item = ingest_bytes(team, engine, "x.txt", b"Protected report on arms shipments.", opts)
    assert item.item_id
    assert _run(team, "--as", "li-kr", "evidence", "show", item.item_id)[0] == 0
    code, out = _run(team, "--as", "coord", "audit", "--item", item.item_id, "--json")
    assert code == 0 and [r["user"] for r in json.loads(out)] == ["li-kr"]
    code, out = _run(team, "--as", "ana", "release", item.item_id, "--scope", "content",
                     "--to", "members", "--reason", "agreed by KR")
    assert code == 3 and "only a coordinator" in out
    code, _ = _run(team, "--as", "ana", "evidence", "show", item.item_id)
    assert code == 0
    assert "Protected report" not in _run(team, "--as", "ana", "evidence", "show",
                                          item.item_id)[1]
    assert _run(team, "--as", "coord", "release", item.item_id, "--scope", "content",
                "--to", "members", "--reason", "agreed by KR")[0] == 0
    shown = _run(team, "--as", "ana", "evidence", "show", item.item_id)[1]
    assert "Protected report" in shown and not _named(shown, "KR")
    code, out = _run(team, "--as", "coord", "audit", "--json")
    kinds = [r["kind"] for r in json.loads(out)]
    assert "access.release" in kinds


def test_reading_protected_tables_outside_the_access_layer_fails(
        sqlite_settings: Settings) -> None:
    engine = get_engine(sqlite_settings)
    with transaction(engine) as s, pytest.raises(ProtectedReadError):
        s.execute(select(EvidenceItem)).all()
    with transaction(engine) as s, pytest.raises(ProtectedReadError):
        s.get(EvidenceItem, "ev-x")


# Modules allowed to touch the protected models: the access layer itself, the writers
# that create rows, and integrity checks that recompute hashes without showing content.
ALLOWED_IMPORTERS = {"access", "ingest", "ledger", "store", "findings", "demo",
                     "maritime"}  # maritime writes AIS evidence and its incidents
PROTECTED_MODELS = {"EvidenceItem", "IntakeRecord", "IncidentRecord"}


def test_no_code_outside_the_allowed_areas_imports_protected_models() -> None:
    offenders = []
    for path in SRC.rglob("*.py"):
        area = path.relative_to(SRC).parts[0]
        if area in ALLOWED_IMPORTERS:
            continue
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and any(
                    a.name in PROTECTED_MODELS for a in node.names):
                offenders.append(str(path.relative_to(SRC)))
    assert offenders == []
