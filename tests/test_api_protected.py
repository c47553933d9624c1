"""Protected reads over HTTP use tokens and the access layer; refusals leak nothing."""

from __future__ import annotations

from fastapi.testclient import TestClient

from sanctionwatch.access.users import add_state, add_user, issue_token, revoke_token
from sanctionwatch.api.app import create_app
from sanctionwatch.config import Settings
from sanctionwatch.ingest.pipeline import IntakeOptions, ingest_bytes
from sanctionwatch.store.db import get_engine, transaction


def test_tokens_and_redaction_over_http(settings: Settings) -> None:
    engine = get_engine(settings)
    with transaction(engine) as s:
        add_state(s, "KR")
        add_state(s, "US")
        add_user(s, "kr1", "liaison", "KR")
        add_user(s, "us1", "liaison", "US")
        add_user(s, "pub", "reader")
        tokens = {u: issue_token(s, u, days=5) for u in ("kr1", "us1", "pub")}
    item = ingest_bytes(settings, engine, "kr.txt", b"KR liaison text on coal shipments.",
                        IntakeOptions(originator="KR", caveat="members").validated())
    client = TestClient(create_app(settings))
    assert client.get("/evidence").status_code == 401
    bad = client.get("/evidence", headers={"Authorization": "Bearer swt_x_y"})
    assert bad.status_code == 401 and "KR" not in bad.text
    kr = client.get(f"/evidence/{item.item_id}",
                    headers={"Authorization": f"Bearer {tokens['kr1']}"}).json()
    assert kr["originator"] == "KR" and "coal shipments" in kr["text"]
    us = client.get(f"/evidence/{item.item_id}",
                    headers={"Authorization": f"Bearer {tokens['us1']}"})
    assert us.status_code == 200
    assert us.json()["originator"].startswith("Member State")
    assert '"KR"' not in us.text
    pub = client.get(f"/evidence/{item.item_id}",
                     headers={"Authorization": f"Bearer {tokens['pub']}"})
    assert pub.status_code == 403
    with transaction(engine) as s:
        revoke_token(s, tokens["us1"].split("_")[1])
    gone = client.get("/evidence", headers={"Authorization": f"Bearer {tokens['us1']}"})
    assert gone.status_code == 401
