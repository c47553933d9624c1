"""UN XML, FtM and vessel-CSV import: conversion, atomic versions, diffs, ledger."""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from sanctionwatch.config import Settings
from sanctionwatch.lists.errors import ListError
from sanctionwatch.lists.ftm_io import parse_ftm, parse_vessels_csv
from sanctionwatch.lists.models import ListVersion
from sanctionwatch.lists.repository import (
    current_entities,
    import_entities,
    list_versions,
    version_changes,
)
from sanctionwatch.lists.unxml import UnList, parse_un_xml
from sanctionwatch.store.db import get_engine, transaction
from sanctionwatch.store.models import LedgerEntry

SMALL = """<?xml version='1.0' encoding='UTF-8'?>
<CONSOLIDATED_LIST dateGenerated='2025-01-01T00:00:00Z'>
 <INDIVIDUALS>
  <INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>RI</FIRST_NAME><SECOND_NAME>WON
      HO</SECOND_NAME><UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>KPi.033</REFERENCE_NUMBER>
   <LISTED_ON>2016-11-30</LISTED_ON><COMMENTS1>Official.</COMMENTS1>
   <NATIONALITY><VALUE>Democratic People's Republic of Korea</VALUE></NATIONALITY>
   <INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Ri Won-ho</ALIAS_NAME></INDIVIDUAL_ALIAS>
   <INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>Won Ho</ALIAS_NAME></INDIVIDUAL_ALIAS>
   <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1964-07-17</DATE>
   </INDIVIDUAL_DATE_OF_BIRTH>
   <INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT><NUMBER> 381310014</NUMBER>
   </INDIVIDUAL_DOCUMENT>
  </INDIVIDUAL>
 </INDIVIDUALS>
 <ENTITIES>
  <ENTITY><DATAID>2</DATAID>
   <FIRST_NAME>OCEAN MARITIME MANAGEMENT COMPANY, LIMITED (OMM)</FIRST_NAME>
   <UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>KPe.020</REFERENCE_NUMBER>
   <LISTED_ON>2014-07-28</LISTED_ON>
   <COMMENTS1>Operator. International Maritime Organization (IMO) Number: 1790183.</COMMENTS1>
   <ENTITY_ALIAS><QUALITY>a.k.a.</QUALITY>
    <ALIAS_NAME>East Sea Shipping Company</ALIAS_NAME></ENTITY_ALIAS>
   <ENTITY_ALIAS><QUALITY>f.k.a.</QUALITY><ALIAS_NAME>Old Name Co</ALIAS_NAME></ENTITY_ALIAS>
   <ENTITY_ADDRESS><CITY>Pyongyang</CITY><COUNTRY>Democratic People's Republic of Korea</COUNTRY>
   </ENTITY_ADDRESS>
  </ENTITY>
 </ENTITIES>
</CONSOLIDATED_LIST>
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@functools.cache
def _parse(path: Path, max_bytes: int) -> UnList:
    return parse_un_xml(path, max_bytes=max_bytes)


def _import(settings: Settings, path: Path, dataset: str = "un_sc") -> object:
    parsed = _parse(path, settings.max_xml_bytes)
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    return import_entities(get_engine(settings), dataset, parsed.entities, source_format="un-xml",
                           sha256=sha, filename=path.name, generated=parsed.generated)


def test_un_xml_mapping(tmp_path: Path) -> None:
    parsed = parse_un_xml(_write(tmp_path, "l.xml", SMALL), max_bytes=10**6)
    by_id = {e["id"]: e for e in parsed.entities}
    person = by_id["unsc-1"]["properties"]
    assert by_id["unsc-1"]["schema"] == "Person"
    assert person["name"] == ["RI WON HO"]  # whitespace inside the name collapsed
    assert person["alias"] == ["Ri Won-ho"] and person["weakAlias"] == ["Won Ho"]
    assert person["nationality"] == ["kp"] and person["birthDate"] == ["1964-07-17"]
    assert person["passportNumber"] == ["381310014"]
    passport = by_id["unsc-1-doc-1"]
    assert passport["schema"] == "Passport" and passport["properties"]["holder"] == ["unsc-1"]
    org = by_id["unsc-2"]["properties"]
    assert by_id["unsc-2"]["schema"] == "Organization"
    assert org["imoNumber"] == ["IMO1790183"]
    assert org["previousName"] == ["Old Name Co"] and org["alias"] == ["East Sea Shipping Company"]
    sanction = by_id["unsc-2-sanction"]["properties"]
    assert sanction["unscId"] == ["KPe.020"] and sanction["listingDate"] == ["2014-07-28"]
    assert sanction["entity"] == ["unsc-2"] and sanction["programId"] == ["UN-SC1718"]


@pytest.mark.parametrize("bad, message", [
    ("<CONSOLIDATED_LIST><INDIVIDUALS>", "not well-formed"),
    ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><CONSOLIDATED_LIST>&a;'
     "</CONSOLIDATED_LIST>", "forbidden"),
    ("<OTHER/>", "root element"),
    ("<CONSOLIDATED_LIST/>", "no INDIVIDUAL or ENTITY"),
])
def test_malformed_files_are_refused(tmp_path: Path, bad: str, message: str) -> None:
    with pytest.raises(ListError, match=message):
        parse_un_xml(_write(tmp_path, "bad.xml", bad), max_bytes=10**6)


def test_size_limit(tmp_path: Path) -> None:
    path = _write(tmp_path, "l.xml", SMALL)
    with pytest.raises(ListError, match="above the limit"):
        parse_un_xml(path, max_bytes=100)


def test_versions_diff_and_ledger(settings: Settings, tmp_path: Path) -> None:
    first = _write(tmp_path, "v1.xml", SMALL)
    r1 = _import(settings, first)
    assert r1.added and not r1.removed and not r1.changed  # type: ignore[attr-defined]
    # Same content with different whitespace: a new file, but no entity changes.
    respaced = SMALL.replace("<FIRST_NAME>RI</FIRST_NAME>", "<FIRST_NAME>  RI </FIRST_NAME>")
    r2 = _import(settings, _write(tmp_path, "v2.xml", respaced))
    assert not (r2.added or r2.removed or r2.changed)  # type: ignore[attr-defined]
    # A real change, a removal and an addition.
    changed = respaced.replace("1964-07-17", "1965-07-17").replace(
        "<DATAID>2</DATAID>", "<DATAID>3</DATAID>")
    r3 = _import(settings, _write(tmp_path, "v3.xml", changed))
    assert r3.changed == ["unsc-1"]  # type: ignore[attr-defined]
    assert "unsc-2" in r3.removed and "unsc-3" in r3.added  # type: ignore[attr-defined]
    diff = version_changes(get_engine(settings), "un_sc")
    detail = next(c for c in diff["changes"] if c["id"] == "unsc-1")["detail"]
    assert detail["birthDate"] == {"added": ["1965-07-17"], "removed": ["1964-07-17"]}
    engine = get_engine(settings)
    with transaction(engine) as session:
        entries = session.execute(select(LedgerEntry).where(
            LedgerEntry.kind == "lists.import").order_by(LedgerEntry.seq)).scalars().all()
        assert len(entries) == 3
        last = json.loads(entries[-1].entry)
        assert last["changed"] == 1 and last["ids"]["changed"] == ["unsc-1"]
        assert "." not in json.dumps(last["added"])  # counts are integers, no floats
    # Re-importing the identical file stores nothing new.
    again = _import(settings, _write(tmp_path, "v3b.xml", changed))
    assert again.unchanged  # type: ignore[attr-defined]
    assert len(list_versions(engine, "un_sc")) == 3


def test_malformed_import_keeps_current_list(settings: Settings, tmp_path: Path) -> None:
    _import(settings, _write(tmp_path, "v1.xml", SMALL))
    engine = get_engine(settings)
    before = current_entities(engine, "un_sc")
    with pytest.raises(ListError):
        _import(settings, _write(tmp_path, "bad.xml", SMALL[: len(SMALL) // 2]))
    with pytest.raises(ListError):  # duplicate ids refused inside import_entities
        import_entities(engine, "un_sc", [before[0], before[0]], source_format="ftm",
                        sha256="x" * 64, filename="dup.json")
    assert current_entities(engine, "un_sc") == before
    with transaction(engine) as session:
        assert session.execute(select(func.count()).select_from(ListVersion)).scalar() == 1


def test_ftm_and_vessels(settings: Settings, tmp_path: Path) -> None:
    ftm = _write(tmp_path, "e.json", "\n".join(json.dumps(x) for x in [
        {"id": "os-1", "schema": "Person", "properties": {"name": ["Kim Su Il"],
                                                         "country": ["North Korea"]}},
        {"id": "os-2", "schema": "Company", "properties": {"name": ["Some Co"]}},
    ]))
    entities = parse_ftm(ftm, max_bytes=10**6)
    assert entities[0]["properties"]["country"] == ["kp"]
    with pytest.raises(ListError, match="line 1: unknown FollowTheMoney schema"):
        parse_ftm(_write(tmp_path, "b.json", '{"id": "x", "schema": "Nope"}'), max_bytes=10**6)
    with pytest.raises(ListError, match="line 2: invalid JSON"):
        parse_ftm(_write(tmp_path, "c.json", '{"id":"a","schema":"Person"}\n{oops'),
                  max_bytes=10**6)
    csv_path = _write(tmp_path, "v.csv", "Name,IMO,MMSI,Flag,Call Sign,Date,Paragraph\n"
                      "CHON MA SAN,8660313,445123000,KP,HMYE,2018-03-30,2397 para 6\n")
    vessels = parse_vessels_csv(csv_path, max_bytes=10**6)
    vessel = vessels[0]
    assert vessel["schema"] == "Vessel" and vessel["id"] == "unsc-vessel-8660313"
    assert vessel["properties"]["imoNumber"] == ["IMO8660313"]
    assert vessel["properties"]["mmsi"] == ["445123000"]
    assert vessels[1]["properties"]["provisions"] == ["2397 para 6"]
    with pytest.raises(ListError, match="not 7 digits"):
        parse_vessels_csv(_write(tmp_path, "w.csv", "name,imo\nX,123\n"), max_bytes=10**6)
    engine = get_engine(settings)
    import_entities(engine, "os", entities, source_format="ftm", sha256="a" * 64,
                    filename="e.json")
    import_entities(engine, "vessels", vessels, source_format="vessels", sha256="b" * 64,
                    filename="v.csv")
    ids = {e["id"] for e in current_entities(engine)}
    assert {"os-1", "os-2", "unsc-vessel-8660313"} <= ids


@pytest.mark.shared
def test_real_snapshots(settings: Settings, shared_dir: Path) -> None:
    """Both real UN snapshots: DPRK counts, IMO numbers, and a diff with no DPRK churn."""
    old = shared_dir / "un-sc" / "consolidated_2024-09-26.xml"
    new = shared_dir / "un-sc" / "consolidated_2025-04-19.xml"
    parsed = _parse(new, settings.max_xml_bytes)
    dprk = [e for e in parsed.entities if "UN-SC1718" in e["properties"].get("programId", [])
            and e["schema"] in ("Person", "Organization")]
    assert sum(e["schema"] == "Person" for e in dprk) == 80
    assert sum(e["schema"] == "Organization" for e in dprk) == 75
    assert sum("imoNumber" in e["properties"] for e in dprk) == 16
    _import(settings, old)
    r = _import(settings, new)
    dprk_ids = {e["id"] for e in dprk}
    added, removed = set(r.added), set(r.removed)  # type: ignore[attr-defined]
    assert not (added | removed) & dprk_ids  # no DPRK additions or removals
    # DPRK records drifted only in whitespace and DOB placement: normalised away.
    assert not set(r.changed) & dprk_ids  # type: ignore[attr-defined]
    assert added and removed  # other regimes did change
