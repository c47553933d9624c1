"""Table-driven tests of the matcher's rules: distinctive words of organisation names,
Cyrillic schemes and Russian/Korean company words, Korean given-name syllables.

The lists mix names from the UN 1718 list with invented ones (PELICAN, GREY HERON, the
SILVERFIN parties) so that the rules are tested on names the matcher was not tuned on.
"""

from __future__ import annotations

from typing import Any

import pytest

from sanctionwatch.lists.matching.cyrillic import english_word, transliterations
from sanctionwatch.lists.matching.index import Result, ScreeningIndex
from sanctionwatch.lists.matching.names import phonetic
from sanctionwatch.lists.matching.query import query_from_example
from sanctionwatch.lists.matching.scoring import FEATURE_DOCS, WEIGHTS
from sanctionwatch.lists.matching.text import readings


def _org(eid: str, *names: str) -> dict[str, Any]:
    return {"id": eid, "schema": "Organization",
            "properties": {"name": [names[0]], "alias": list(names[1:])}}


def _person(eid: str, name: str, *aliases: str, born: str = "1960") -> dict[str, Any]:
    return {"id": eid, "schema": "Person", "properties": {
        "name": [name], "alias": list(aliases), "nationality": ["kp"],
        "programId": ["UN-SC1718"], "birthDate": [born]}}


ORGS = [
    _org("heungjin", "KOREA HEUNGJIN TRADING COMPANY"),
    _org("achim", "KOREA ACHIM SHIPPING CO"),
    _org("daesong-bank", "KOREA DAESONG BANK"),
    _org("daesong-trading", "KOREA DAESONG GENERAL TRADING CORPORATION"),
    _org("andas", "ACADEMY OF NATIONAL DEFENSE SCIENCE"),
    _org("hke", "HONG KONG ELECTRONICS"),
    _org("ftb", "FOREIGN TRADE BANK (FTB)", "Korea Trading Bank"),
    _org("kcei", "KOREA COMPLEX EQUIPMENT IMPORT CORPORATION"),
    _org("gia", "ARMED ISLAMIC GROUP", "GIA"),
    _org("office39", "OFFICE 39"),
    _org("pelican", "PELICAN NORTHSTAR MARINE LTD"),
    _org("heron", "GREY HERON SHIPPING AND TRADING CO"),
    _org("silverfin-1", "SILVERFIN KOREA BANK"),
    _org("silverfin-2", "SILVERFIN KOREA BANK NO 2"),
    _org("banks-3", "EASTERN HORIZON BANK"),
    _org("banks-4", "KOREA RIVERLINE BANK"),
]
PERSONS = [
    _person("kki", "KIM KYONG IL", born="1979"),
    _person("rsy", "RI SU YONG", born="1960"),
    _person("ccy", "CHOE CHUN YONG"),
    _person("kyc", "KIM YONG CHOL", "Young-Chul", born="1951"),
    _person("hts", "HAN TAE SOK", born="1975"),  # invented
]


@pytest.fixture(scope="module")
def index() -> ScreeningIndex:
    return ScreeningIndex(ORGS + PERSONS)


def screen(index: ScreeningIndex, name: str, schema: str, **props: list[str]) -> list[Result]:
    q = query_from_example({"schema": schema, "properties": {"name": [name], **props}})
    return index.screen(q, cutoff=0.0, limit=10)


def matches(results: list[Result]) -> set[str]:
    return {r.id for r in results if r.match}


def by_id(results: list[Result], eid: str) -> Result:
    return next(r for r in results if r.id == eid)


# (query, listed parties that must alert — exactly these —, the rule that must fire on
# the named party, or None)
ORG_CASES: list[tuple[str, set[str], tuple[str, str] | None]] = [
    ("KOREA HEUNGJIN TRADING CO", {"heungjin"}, None),
    ("KOREA TRADING COMPANY", set(), ("heungjin", "no_distinctive_agreement")),
    ("KOREA SHIPPING CO", set(), ("achim", "no_distinctive_agreement")),
    ("ACADEMY OF NATIONAL STAR SCIENCE", set(), ("andas", "distinctive_conflict")),
    ("KOREA DAESONG", {"daesong-bank", "daesong-trading"}, None),
    ("KOREA DAESONG BANK", {"daesong-bank"}, ("daesong-trading", "word_conflict")),
    ("HONG KONG", set(), ("hke", "no_distinctive_agreement")),
    ("HONG KONG ELECTRONICS LTD", {"hke"}, None),
    ("KOREA BANK", set(), ("ftb", "no_distinctive_agreement")),
    ("KOREA COMPLEX EQUIPMENT CORPORATION", {"kcei"}, None),
    ("Kia Corporation", set(), None),
    ("OFFICE39", {"office39"}, None),
    ("PELICAN MARINE", {"pelican"}, ("pelican", "distinctive_word_missing")),
    ("GOLDEN NORTHSTAR MARINE LTD", set(), ("pelican", "distinctive_conflict")),
    ("GREY HERON SHIPPING", {"heron"}, None),
    ("Пеликан Нортстар Марин Лтд", {"pelican"}, None),
    ("Корея Хынджин Трейдинг Компани", {"heungjin"}, None),
    ("Кореа Ачим Шиппинг Ко", {"achim"}, None),
    ("Кореа Комплекс Эквипмент Импорт Корпорейшн", {"kcei"}, None),
    ("조선흥진무역회사", {"heungjin"}, None),
    ("SILVERFIN BANK", {"silverfin-1", "silverfin-2"}, None),
]


@pytest.mark.parametrize(("query", "alerts", "rule"), ORG_CASES)
def test_organisation_rules(index: ScreeningIndex, query: str, alerts: set[str],
                            rule: tuple[str, str] | None) -> None:
    results = screen(index, query, "Organization")
    assert matches(results) == alerts, [(r.id, r.explanation["summary"]) for r in results]
    if alerts and len(alerts) == 1:
        assert results[0].id in alerts
    if rule is not None:
        hit = by_id(results, rule[0])
        assert rule[1] in hit.features, hit.explanation["summary"]
        effect = next(e for e in hit.explanation["features"] if e["feature"] == rule[1])
        assert effect["weight"] == WEIGHTS[rule[1]] and effect["doc"] == FEATURE_DOCS[rule[1]]


# (query, extra query properties, listed person that must be the top alert or None,
# a rule that must fire on the named person)
PERSON_CASES: list[tuple[str, dict[str, list[str]], str | None, tuple[str, str] | None]] = [
    ("KIM YONG IL", {}, None, ("kki", "given_name_conflict")),
    ("KIM YONG IL", {"birthDate": ["1979"]}, "kki", ("kki", "given_name_conflict_2nd")),
    ("RI SU PYONG", {}, None, ("rsy", "given_name_conflict")),
    ("KIM KYONG ILL", {}, "kki", None),            # a typo that is no syllable
    ("JON YONG CHOL", {}, None, ("ccy", "family_name_conflict")),
    ("PAK YONG CHOL", {}, None, ("kyc", "family_name_conflict")),
    ("CHOE RYONG", {}, None, ("ccy", "given_name_partial")),
    ("Choi Jun Yeong", {}, "ccy", None),
    ("리수영", {}, "rsy", None),
    ("Ли Су Ён", {}, "rsy", None),
    ("Han Tae-seok", {}, "hts", None),
    ("HAN TAE SUK", {}, "hts", None),
    ("HAN TAE SIK", {}, None, ("hts", "given_name_conflict")),
]


@pytest.mark.parametrize(("query", "props", "expected", "rule"), PERSON_CASES)
def test_person_rules(index: ScreeningIndex, query: str, props: dict[str, list[str]],
                      expected: str | None, rule: tuple[str, str] | None) -> None:
    results = screen(index, query, "Person", **props)
    if expected is None:
        assert not matches(results), [(r.id, r.explanation["summary"]) for r in results]
    else:
        assert results[0].id == expected and results[0].match, results[0].explanation
    if rule is not None:
        assert rule[1] in by_id(results, rule[0]).features


@pytest.mark.parametrize(("word", "readings_"), [
    ("Юрий", {"yuriy", "iurii", "yurij", "urij"}),  # BGN/PCGN, ICAO, GOST 7.79 B, ISO 9
    ("Цой", {"tsoy", "tsoi", "coj"}),
    ("Щукин", {"shchukin", "shhukin"}),
    ("Елена", {"yelena", "elena"}),
])
def test_cyrillic_schemes(word: str, readings_: set[str]) -> None:
    main, alts = transliterations(word)
    assert readings_ <= {main, *alts}


@pytest.mark.parametrize(("word", "english"), [
    ("Трейдинг", "trading"), ("Корпорейшн", "corporation"), ("Компани", "company"),
    ("БАНК", "bank"), ("Интернешнл", "international"), ("Шиппинг", "shipping"),
    ("Ким", None),
])
def test_russian_company_words(word: str, english: str | None) -> None:
    assert english_word(word) == english
    if english:
        assert transliterations(word)[0] == english


def test_english_spelling_read_as_sound() -> None:
    assert "kompleks" in phonetic("complex")
    assert {"finanke", "finanse"} <= phonetic("finance")
    assert "ekvipment" in phonetic("equipment")


@pytest.mark.parametrize(("name", "tokens"), [
    ("조선련봉총회사", ["korea", "ryeonbong", "general", "corporation"]),
    ("흥진무역회사", ["heungjin", "trading", "company"]),
    ("조선희", ["jo", "seon", "hui"]),                 # a person: three syllables
    ("김정은", ["kim", "jeong", "eun"]),
])
def test_hangul_company_words(name: str, tokens: list[str]) -> None:
    assert readings(name) == [tokens]
