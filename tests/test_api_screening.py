"""yente-compatible HTTP routes, through FastAPI's TestClient on the real app and DB."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from sanctionwatch.api.app import create_app
from sanctionwatch.config import Settings
from sanctionwatch.lists.packaged import load_packaged
from sanctionwatch.lists.repository import import_entities
from sanctionwatch.store.db import get_engine


@pytest.fixture
def client(settings: Settings) -> TestClient:
    _, entities = load_packaged()
    import_entities(get_engine(settings), "un_sc", entities, source_format="packaged",
                    sha256="0" * 64, filename="packaged")
    return TestClient(create_app(settings))


def test_match(client: TestClient) -> None:
    body = {"queries": {
        "q1": {"schema": "Person", "properties": {"name": ["Ri Won-ho"],
                                                  "birthDate": ["1964"]}},
        "q2": {"schema": "Person", "properties": {"name": ["Kim Jong Sik"]}},
        "q3": {"schema": "Organization", "properties": {"name": "Ocean Maritime Management"}},
    }}
    resp = client.post("/match/default", json=body, params={"limit": 3})
    assert resp.status_code == 200, resp.text
    data = resp.json()
    assert set(data) >= {"responses", "matcher", "limit"} and data["limit"] == 3
    r1 = data["responses"]["q1"]
    assert r1["status"] == 200 and r1["total"]["relation"] == "eq"
    best = r1["results"][0]
    for key in ("id", "caption", "schema", "properties", "datasets", "referents", "target",
                "score", "features", "match"):
        assert key in best
    assert best["caption"] == "RI WON HO" and best["match"] and best["unsc_id"] == "KPi.033"
    assert best["datasets"] == ["un_sc"] and "birth_date_match" in best["features"]
    assert r1["query"]["schema"] == "Person"
    assert data["responses"]["q2"]["results"][0]["caption"] == "KIM JONG SIK"
    assert data["responses"]["q3"]["results"][0]["unsc_id"] == "KPe.020"
    strict = client.post("/match/un_sc", json=body, params={"threshold": 0.99}).json()
    assert not any(r["match"] for q in strict["responses"].values() for r in q["results"]
                   if r["score"] < 0.99)


def test_search_and_entities(client: TestClient) -> None:
    resp = client.get("/search/un_sc", params={"q": "Pak To Chun", "limit": 2})
    assert resp.status_code == 200
    data = resp.json()
    assert data["results"][0]["caption"] == "PAK TO CHUN" and data["limit"] == 2
    assert data["total"]["value"] >= 1 and "facets" in data
    listing = client.get("/search/default", params={"schema": "Organization", "limit": 5,
                                                    "offset": 70}).json()
    assert listing["total"]["value"] == 75 and len(listing["results"]) == 5
    eid = data["results"][0]["id"]
    assert client.get(f"/entities/{eid}").json()["id"] == eid


def test_errors(client: TestClient) -> None:
    assert client.get("/search/nope", params={"q": "x"}).status_code == 404
    bad = {"queries": {"q": {"schema": "Nonsense", "properties": {"name": ["x"]}}}}
    resp = client.post("/match/default", json=bad)
    assert resp.status_code == 400 and "schema" in resp.json()["detail"]
    empty = {"queries": {"q": {"schema": "Person", "properties": {}}}}
    assert client.post("/match/default", json=empty).status_code == 400
    assert client.get("/entities/nope").status_code == 404
    assert client.post("/match/default", json={"nope": 1}).status_code == 422
