"""Every regime file loads and validates; citations are honest about verification."""

from __future__ import annotations

import pytest

from sanctionwatch.knowledge.categories import expand
from sanctionwatch.regimes.loader import RegimeError, get_regime, load_regimes, parse_regime


def test_every_packaged_regime_validates() -> None:
    regimes = load_regimes()
    assert {"dprk", "libya"} <= set(regimes)
    for regime in regimes.values():
        for m in regime.measures:
            assert m.source.startswith("https://")
            expand(m.scope.categories)  # vocabulary of knowledge/categories.py


def test_dprk_covers_the_resolutions_of_the_1718_regime() -> None:
    cited = {c.resolution.split()[0] for m in get_regime("dprk").measures for c in m.citations}
    assert {"1718", "1874", "2094", "2270", "2321", "2371", "2375", "2397"} <= cited


def test_unverified_paragraphs_are_labelled_in_every_citation() -> None:
    regime = get_regime("dprk")
    # 2375 OP11 (ship-to-ship) was not checked against the text in this build.
    sts = regime.measure("ship_to_ship").primary
    assert not sts.verified and sts.label == "S/RES/2375 (2017) OP 11 (unverified)"
    # 2397 OP5 is quoted by the 1718 Committee and insurers' circulars: verified.
    assert regime.measure("refined_petroleum_cap").primary.label == "S/RES/2397 (2017) OP 5"


def test_caps_as_in_resolution_2397() -> None:
    regime = get_regime("dprk")
    refined = regime.measure("refined_petroleum_cap").caps[0]
    assert (refined.amount, refined.unit, refined.window) == (500000, "bbl", "calendar_year")
    crude = regime.measure("crude_oil_cap").caps[0]
    assert (crude.amount, crude.alt_amount, crude.alt_unit) == (4000000, 525000, "t")
    assert str(crude.anchor) == "2017-12-22" and crude.window == "12_months_from"


def test_unknown_regime_is_a_clear_error() -> None:
    with pytest.raises(RegimeError, match="unknown regime 'iran'; known: dprk, libya"):
        get_regime("iran")


BASE = """
id: t
name: T
target: KP
committee: c
source: https://example.org
measures:
  - id: m
    title: M
    text: a measure described in our own words
    citations: [{resolution: 1718 (2006), paragraph: "8", verified: true, url: "https://x.org"}]
    direction: to
    scope: {categories: [coal]}
    in_force: 2006-10-14
    source: https://example.org
"""


@pytest.mark.parametrize(
    "old, new, message",
    [
        ("categories: [coal]", "categories: [unicorns]", "unknown item category"),
        ("direction: to", "direction: sideways", "direction"),
        ("1718 (2006)", "1718/2006", "resolution must look like"),
        ("in_force: 2006-10-14", "in_force: 2006-10-14\n    superseded: 2000-01-01",
         "superseded before"),
        ("in_force: 2006-10-14", "in_force: 2006-10-14\n    superseded: 2010-01-01\n"
         "    superseded_by: ghost", "not a measure here"),
        ("target: KP", "target: Korea", "target"),
    ],
)
def test_broken_regime_files_are_rejected(old: str, new: str, message: str) -> None:
    assert parse_regime(BASE).measures[0].id == "m"
    with pytest.raises(RegimeError, match=message):
        parse_regime(BASE.replace(old, new), "t.yaml")
