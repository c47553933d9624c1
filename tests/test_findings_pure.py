"""Periods, upstream cues, near-duplicates and grading (pure logic, no database)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sanctionwatch.findings.cues import default_matcher, load_cues
from sanctionwatch.findings.duplicates import shingles, signature, similarity
from sanctionwatch.findings.grading import Policy, derive_status, grade, policy_from, theme_for
from sanctionwatch.findings.periods import Period, PeriodError, hull, parse_when


@pytest.mark.parametrize(
    ("when", "start", "end"),
    [
        ("2023", date(2023, 1, 1), date(2023, 12, 31)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2023-02", date(2023, 2, 1), date(2023, 2, 28)),
        ("2023-07-14", date(2023, 7, 14), date(2023, 7, 14)),
    ],
)
def test_when_becomes_interval(when: str, start: date, end: date) -> None:
    p = parse_when(when)
    assert (p.start, p.end) == (start, end)
    assert p.label() == when


@pytest.mark.parametrize("bad", ["23", "2023-13", "2023-02-30", "2023/01", "March 2023", ""])
def test_bad_when_is_refused_with_the_value(bad: str) -> None:
    with pytest.raises(PeriodError, match="2023|when"):
        parse_when(bad)


def test_overlap_and_hull() -> None:
    year, march, april_day = parse_when("2023"), parse_when("2023-03"), parse_when("2023-04-02")
    assert year.overlaps(march) and march.overlaps(year)
    assert not march.overlaps(april_day)
    assert march.overlaps(april_day, slack_days=2)
    h = hull([march, april_day])
    assert h == Period(start=date(2023, 3, 1), end=date(2023, 4, 2))
    assert h.label() == "2023-03-01 to 2023-04-02"
    assert hull([]) is None
    assert hull([parse_when("2022-11"), parse_when("2023-02")]).label() == "2022-11 to 2023-02"


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("According to Yonhap, a tanker loaded diesel.", "yonhap"),
        ("Laut Reuters wurde die Ladung umgeladen.", "reuters"),
        ("据韩联社报道，一艘油轮在公海接收了柴油。", "yonhap"),
        ("По данным Рейтер, танкер принял груз.", "reuters"),
        ("По данным агентства Рёнхап, судно ...", "yonhap"),
        ("연합뉴스에 따르면 선박이 환적했다.", "yonhap"),
        ("The cargo, KCNA reported, was fertiliser.", "kcna"),
        ("Selon l'AFP, le navire ...", "afp"),
        ("The AFP office in Seoul was closed.", None),
        ("selon AFP le navire a accosté", "afp"),
    ],
)
def test_upstream_cues(text: str, outlet: str | None) -> None:
    found = default_matcher().upstream(text)
    assert found == (frozenset({outlet}) if outlet else frozenset())


def test_bare_name_or_lookalike_is_not_a_citation() -> None:
    m = default_matcher()
    assert m.upstream("Reuters journalists visited the port.") == frozenset()
    assert m.upstream("The map showed the APAC region.") == frozenset()


def test_bad_cue_file_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "cues.yaml"
    bad.write_text("templates:\n  en: ['according to']\noutlets: []\n", encoding="utf-8")
    with pytest.raises(ValueError, match="must contain"):
        load_cues(bad)


def test_shingles_are_language_aware() -> None:
    assert all(len(s) == 5 for s in shingles("The tanker loaded diesel at night"))
    cjk = shingles("朝鲜油轮接收柴油", "zh")
    assert {len(s) for s in cjk} == {2, 3}
    assert {len(s) for s in shingles("북한 선박이 환적했다")} == {2, 3}


def test_near_duplicates_and_distinct_texts() -> None:
    a = "The tanker Sea Star transferred 12,000 barrels of diesel off Zhoushan in March 2023."
    b = "The tanker Sea Star transferred 12,000 barrels of diesel off Zhoushan in March 2023, " \
        "officials said."
    c = "Workers from the DPRK were found on construction sites near Vladivostok."
    assert similarity(signature(a), signature(b)) >= 0.7
    assert similarity(signature(a), signature(c)) < 0.2
    assert similarity(signature(""), signature("")) == 0.0


def test_grades_and_policy() -> None:
    assert grade("B", 2) == "B2"
    assert grade(None, None) == "F6"
    p = Policy()
    assert p.counts("B2") and p.counts("F6")
    assert not p.counts("E1") and not p.counts("A5")
    assert policy_from({"findings.min_sources": "3"}).min_sources == 3
    with pytest.raises(ValueError, match="min_sources"):
        policy_from({"findings.min_sources": "0"})
    assert derive_status("reported", 2, p) == "corroborated"
    assert derive_status("corroborated", 1, p) == "reported"
    assert derive_status("confirmed", 0, p) == "confirmed"


def test_themes() -> None:
    assert theme_for("ship_to_ship_transfer", "refined petroleum") == "Petroleum and caps"
    assert theme_for("ship_to_ship_transfer", "coal") == "Maritime"
    assert theme_for("cyber_theft") == "Finance and cyber"
    assert theme_for("unknown") == "Other"
