"""The multilingual item catalogue: schema, coverage in eight languages, HS codes."""

from __future__ import annotations

import pytest

from sanctionwatch.knowledge.categories import CATEGORIES, GROUPS, expand
from sanctionwatch.knowledge.items import (
    LANGUAGES,
    CatalogueError,
    hs_matches,
    load_catalogue,
    normalise,
    parse_catalogue,
)


def test_packaged_catalogue_loads_and_every_item_has_eight_languages() -> None:
    cat = load_catalogue()
    assert len(cat.items) >= 40
    for item in cat.items:
        assert item.category in CATEGORIES
        for lang in LANGUAGES:
            assert item.aliases[lang], (item.id, lang)
        assert item.source.startswith("https://")


def test_load_is_cached() -> None:
    assert load_catalogue() is load_catalogue()


@pytest.mark.parametrize(
    "alias, item_id",
    [
        ("Pantsir-S1", "pantsir_s1"),
        ("Панцирь-С1", "pantsir_s1"),
        ("판치르", "pantsir_s1"),
        ("パーンツィリ", "pantsir_s1"),
        ("铠甲", "pantsir_s1"),
        ("KN-24", "kn_24"),
        ("Hwasong-11", "kn_23"),
        ("화성-11가", "kn_23"),
        ("Koksan", "koksan_170mm"),
        ("240 mm MRL", "mrl_240mm"),
        ("Artilleriegranaten", "artillery_shells"),
        ("obus", "artillery_shells"),
        ("снаряды", "artillery_shells"),
        ("포탄", "artillery_shells"),
        ("砲弾", "artillery_shells"),
        ("炮弹", "artillery_shells"),
        ("proyectiles", "artillery_shells"),
        ("Erdölprodukte", "refined_petroleum"),
        ("produits pétroliers raffinés", "refined_petroleum"),
        ("нефтепродукты", "refined_petroleum"),
        ("정제유", "refined_petroleum"),
        ("石油精製品", "refined_petroleum"),
        ("成品油", "refined_petroleum"),
        ("productos refinados", "refined_petroleum"),
        ("Kohle", "coal"),
        ("charbon", "coal"),
        ("уголь", "coal"),
        ("석탄", "coal"),
        ("石炭", "coal"),
        ("煤炭", "coal"),
        ("carbón", "coal"),
    ],
)
def test_aliases_resolve_in_every_language(alias: str, item_id: str) -> None:
    assert item_id in [item.id for item in load_catalogue().lookup(alias)]


def test_lookup_ignores_case_spacing_and_hyphen_variants() -> None:
    cat = load_catalogue()
    assert [i.id for i in cat.lookup("pantsir s1")] == ["pantsir_s1"]
    assert [i.id for i in cat.lookup("  PANTSIR-S1 ")] == ["pantsir_s1"]
    assert normalise("Тяжёлая") == normalise("тяжелая")
    assert cat.lookup("no such thing") == []


def test_categories_of_key_items() -> None:
    cat = load_catalogue()
    # UN Register category III covers artillery >= 75 mm and MLRS; VII missiles >= 25 km.
    assert cat.get("koksan_170mm").category == "unroca_III_large_calibre_artillery"
    assert cat.get("kn_23").category == "unroca_VII_missiles_launchers"
    assert cat.get("refined_petroleum").hs_codes == ("2710",)
    assert cat.get("crude_oil").hs_codes == ("2709",)
    assert cat.get("coal").hs_codes == ("2701",)
    assert cat.get("iron_ore").hs_codes[0] == "2601"
    assert cat.get("textiles").hs_codes == ("50-63",)
    kinds = {item.kind for item in cat.items}
    assert kinds == {"weapon", "munition", "commodity", "service"}


def test_no_alias_names_two_categories_except_known_ambiguities() -> None:
    cat = load_catalogue()
    clashes = {
        alias: {cat.get(i).category for i, _ in owners}
        for alias, owners in cat.alias_index().items()
        if len({cat.get(i).category for i, _ in owners}) > 1
    }
    assert clashes == {}


@pytest.mark.parametrize(
    "code, patterns, expected",
    [
        ("271019", ["2710"], True),
        ("2709", ["2710"], False),
        ("27", ["2710"], False),
        ("0302", ["03"], True),
        ("55", ["50-63"], True),
        ("6309", ["50-63"], True),
        ("64", ["50-63"], False),
        ("7204", ["7201-7206"], True),
        ("7207", ["7201-7206"], False),
        ("8703.23", ["8703"], True),
    ],
)
def test_hs_matching(code: str, patterns: list[str], expected: bool) -> None:
    assert hs_matches(code, patterns) is expected


GOOD = """
version: 1
items:
  - id: x
    name_en: X
    kind: weapon
    category: small_arms
    aliases: {en: [x], de: [x], fr: [x], ru: [x], ko: [x], ja: [x], zh: [x], es: [x]}
    source: https://example.org/x
"""


def test_parse_minimal_catalogue() -> None:
    assert parse_catalogue(GOOD).get("x").kind == "weapon"


@pytest.mark.parametrize(
    "broken, message",
    [
        (GOOD.replace("es: [x]", "es: []"), "missing ['es']"),
        (GOOD.replace("small_arms", "spaceships"), "unknown category"),
        (GOOD.replace("kind: weapon", "kind: gadget"), "kind"),
        (GOOD.replace("source: https://example.org/x", "source: somewhere"), "https://"),
        (GOOD.replace("category: small_arms", "category: small_arms\n    hs_codes: ['27x']"),
         "HS"),
        (GOOD + GOOD.split("items:")[1], "duplicate item id"),
        ("- just a list", "mapping"),
        ("version: [", "not valid YAML"),
    ],
)
def test_broken_catalogue_is_rejected_with_a_clear_message(broken: str, message: str) -> None:
    with pytest.raises(CatalogueError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_catalogue(broken, "test.yaml")


def test_groups_expand_and_reject_unknown_names() -> None:
    assert "small_arms" in expand(["arms"])
    assert "small_arms" not in expand(["arms_except_salw"])
    assert "military_personnel" not in GROUPS["arms"]
    with pytest.raises(ValueError, match="unknown item category"):
        expand(["arms", "teleporters"])
