"""The DPRK-aware matcher: the failure cases of logic-v2 on this regime, and explanations."""

from __future__ import annotations

from typing import Any

import pytest

from sanctionwatch.incident import Incident
from sanctionwatch.lists.matching.index import ScreeningIndex
from sanctionwatch.lists.matching.korean import (
    hangul_tokens,
    hanja_to_hangul,
    rom_key,
    romanise_syllable,
    tables,
)
from sanctionwatch.lists.matching.query import query_from_example
from sanctionwatch.lists.matching.text import readings
from sanctionwatch.lists.packaged import load_packaged
from sanctionwatch.lists.screen import designated_activity, designated_hits, screen_names


def _person(eid: str, name: str, **props: list[str]) -> dict[str, Any]:
    return {"id": eid, "schema": "Person", "properties": {
        "name": [name], "nationality": ["kp"], "programId": ["UN-SC1718"], **props}}


def _vessel(eid: str, name: str, imo: str) -> dict[str, Any]:
    return {"id": eid, "schema": "Vessel", "properties": {"name": [name],
                                                         "imoNumber": [f"IMO{imo}"]}}


LIST = [
    _person("p-kju", "KIM JONG UN", birthDate=["1984-01-08"]),
    _person("p-kjs", "KIM JONG SIK", birthDate=["1969"]),
    _person("p-rwh", "RI WON HO", birthDate=["1964-07-17"]),
    _person("p-ptc", "PAK TO CHUN"),
    {"id": "s-1", "schema": "Sanction", "properties": {"entity": ["p-rwh"],
                                                       "unscId": ["KPi.033"]}},
    {"id": "o-omm", "schema": "Organization", "properties": {
        "name": ["OCEAN MARITIME MANAGEMENT COMPANY, LIMITED (OMM)"],
        "imoNumber": ["IMO1790183"]}},
    _vessel("v-cms", "CHONMASAN", "8660313"),
    _vessel("v-ns8", "NAM SAN 8", "8122347"),
    _vessel("v-wh", "WAN HENG 11", "8791667"),
]


@pytest.fixture(scope="module")
def index() -> ScreeningIndex:
    return ScreeningIndex(LIST)


def top(index: ScreeningIndex, name: str, schema: str = "Thing", **props: list[str]) -> Any:
    q = query_from_example({"schema": schema, "properties": {"name": [name], **props}})
    results = index.screen(q, cutoff=0.0)
    return results[0] if results else None


def test_korean_tables_and_romanisation() -> None:
    names = tables()
    assert any("김" in f.hangul and "kim" in f.roman for f in names.family)
    assert romanise_syllable("정") == "jeong" and romanise_syllable("은") == "eun"
    assert hangul_tokens("김정은", first=True) == ["kim", "jeong", "eun"]
    assert hangul_tokens("남궁민", first=True) == ["namgung", "min"]
    assert hanja_to_hangul("金正恩") == "김정은"
    for a, b in [("jong", "jeong"), ("un", "eun"), ("choe", "choi"), ("pak", "park"),
                 ("ri", "lee"), ("ri", "rhee"), ("ri", "yi"), ("kim", "gim"), ("chol", "cheol")]:
        assert rom_key(a) == rom_key(b), (a, b)
    assert rom_key("kim") != rom_key("pak") and rom_key("jong") != rom_key("jon")


def test_homoglyphs_and_invisible_characters() -> None:
    # Cyrillic К, О and a Greek Ν inside Latin words, a zero-width space and a soft hyphen.
    assert readings("\u041aIM J\u041eNG U\u039d") == [["kim", "jong", "un"]]
    assert readings("Ki\u200bm Jo\u00adng-Un") == [["kim", "jong", "un"]]
    # An all-Cyrillic word of Latin look-alikes is read both ways.
    assert ["pak", "to", "chun"] in readings("\u0420\u0410\u041a TO CHUN")


@pytest.mark.parametrize("query", ["김정은", "김 정은", "金正恩", "Ким Чен Ын", "Gim Jeong-eun",
                                   "Kim Jong-un", "KIM JONGUN", "Jong Un Kim",
                                   "K\u200bIM J\u041eNG UN"])
def test_spellings_of_one_name_match(index: ScreeningIndex, query: str) -> None:
    hit = top(index, query, "Person")
    assert hit is not None and hit.id == "p-kju" and hit.match, hit and hit.explanation


@pytest.mark.parametrize("query", ["Kim Jong Il", "Kim Yo Jong", "Kim Jong Chol", "Kim Sol Song",
                                   "Kim Jong", "Pak Won Ho"])
def test_same_family_other_person_does_not_match(index: ScreeningIndex, query: str) -> None:
    q = query_from_example({"schema": "Person", "properties": {"name": [query]}})
    assert not any(r.match for r in index.screen(q, cutoff=0.0)), query


def test_second_factor(index: ScreeningIndex) -> None:
    plain = top(index, "Kim Jong Un", "Person")
    later = top(index, "Kim Jong Un", "Person", birthDate=["1960"])
    assert later.id == "p-kju" and not later.match and later.score < plain.score
    assert "birth_date_conflict_far" in later.features
    same = top(index, "Kim Jong Un", "Person", birthDate=["1984"])
    assert same.match and "birth_date_match" in same.features


def test_vessels(index: ScreeningIndex) -> None:
    spaced = top(index, "CHON MA SAN", "Vessel")
    assert spaced.id == "v-cms" and spaced.match
    assert [t["how"] for t in spaced.explanation["names"]["tokens"]] == ["spacing"]
    other_hull = top(index, "NAM SAN 6", "Vessel")
    assert other_hull is None or not other_hull.match
    wrong_imo = top(index, "WAN HENG 11", "Vessel", imoNumber=["9999999"])
    assert wrong_imo.id == "v-wh" and not wrong_imo.match
    assert "identifier_conflict" in wrong_imo.features
    renamed = top(index, "ASIA BRIDGE 1", "Vessel", imoNumber=["IMO 8791667"])
    assert renamed.id == "v-wh" and renamed.match
    assert renamed.explanation["identifiers"][0] == {"type": "imoNumber", "value": "8791667",
                                                     "result": "match"}


def test_explanations_and_schema(index: ScreeningIndex) -> None:
    hit = top(index, "Ri Won-ho", "Person")
    brief = hit.brief()
    assert brief["unsc_id"] == "KPi.033" and brief["caption"] == "RI WON HO"
    assert brief["explanation"]["summary"].startswith("match")
    assert {t["query"] for t in brief["explanation"]["names"]["tokens"]} == {"ri", "won", "ho"}
    q = query_from_example({"schema": "Vessel", "properties": {"name": ["Ocean Maritime"]}})
    assert {r.target.schema for r in index.screen(q, cutoff=0.0)} <= {"Vessel"}  # schema filter
    assert top(index, "OMM", "Organization").id == "o-omm"  # acronym in parentheses


def test_query_ids_are_unique() -> None:
    ids = {query_from_example({"schema": "Person", "properties": {"name": ["A B"]}}).id
           for _ in range(50)}
    assert len(ids) == 50
    q = query_from_example({"schema": "Person", "properties": {"name": ["A B"]}}, query_id="q1")
    assert q.id.startswith("q1#")


def test_bad_queries() -> None:
    from sanctionwatch.lists.errors import ListError

    with pytest.raises(ListError, match="schema"):
        query_from_example({"schema": "Airplanez", "properties": {"name": ["x"]}})
    with pytest.raises(ListError, match="needs a name"):
        query_from_example({"schema": "Person", "properties": {}})
    with pytest.raises(ListError, match="country"):
        query_from_example({"schema": "Person", "properties": {"name": ["x"],
                                                               "country": ["Atlantis"]}})


def test_screen_names_and_incident_hits(index: ScreeningIndex) -> None:
    out = screen_names(index, ["Pak To-chun", "Nobody Atall"], schema="Person")
    assert out["Pak To-chun"][0].id == "p-ptc" and out["Nobody Atall"] == []
    incident = Incident(type="ship_to_ship_transfer", entities=("Ocean Maritime Management Co",),
                        vessels=("CHON MA SAN (IMO 8660313)", "UNKNOWN STAR"))
    hits = list(designated_hits(index, incident, names=["Ri Won Ho"]))
    assert {(h.role, h.result.id) for h in hits} == {
        ("entity", "o-omm"), ("entity", "p-rwh"), ("vessel", "v-cms")}
    vessel_hit = next(h for h in hits if h.role == "vessel")
    assert "identifier_match" in vessel_hit.result.features
    derived = designated_activity(vessel_hit, incident)
    assert derived.type == "designated_entity_activity" and derived.vessels == ("CHONMASAN",)
    assert vessel_hit.wire()["mention"] == "CHON MA SAN (IMO 8660313)"


def test_packaged_dprk_list() -> None:
    header, entities = load_packaged()
    assert header["generated"] and len(entities) == header["entities"]
    index = ScreeningIndex(entities)
    assert len(index) == 155  # 80 individuals and 75 entities
    hit = top(index, "Ri Won Ho", "Person")
    assert hit.match and hit.brief()["unsc_id"] == "KPi.033"
