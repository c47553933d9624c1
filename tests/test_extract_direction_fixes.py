"""Direction fixes round: dative recipients, passive agents, ports of arrival and loading,
spelled-out millions, German passive "werden". Invented sentences only."""

from __future__ import annotations

import re

import pytest

from sanctionwatch.extract import clause_roles, extract_text, quantities
from sanctionwatch.extract.quantities import find_quantities


def _claims(text: str, kind: str | None = None) -> set[tuple[str, str | None, str | None]]:
    return {(i["type"], i["from"], i["to"]) for i in extract_text(text).wire(doc="t")["incidents"]
            if kind is None or i["type"] == kind}


# --- 1. dative recipients ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Der Bericht sagt, dass Nordkorea Russland Granaten geliefert habe.",
    "Experten vermuten, dass Pjöngjang Moskau Raketen verkauft habe.",
    "Nach Angaben Seouls hat Nordkorea der russischen Armee Granaten geliefert.",
    "Nordkorea lieferte den russischen Truppen Raketen.",
    "Nordkorea soll Russland Granaten geliefert haben.",
    "Russland wurden von Nordkorea Granaten geliefert.",
])
def test_german_dative_recipient(text: str) -> None:
    assert ("arms_transfer", "KP", "RU") in _claims(text)
    assert ("arms_transfer", "RU", "KP") not in _claims(text)


@pytest.mark.parametrize("text", [
    "Seoul erklärte, dass Russland Nordkorea Öl geliefert habe.",
    "Russland hat Nordkorea Öl geliefert, sagte ein Sprecher der russischen Armee.",
])
def test_german_dative_near_misses_keep_the_subject(text: str) -> None:
    assert _claims(text, "petroleum_transfer") == {("petroleum_transfer", "RU", "KP")}


@pytest.mark.parametrize("text", [
    "La Russie manque de munitions. La Corée du Nord lui a livré des obus.",
    "Rusia necesita munición. Corea del Norte le ha enviado millones de proyectiles.",
    "Russland braucht Munition. Nordkorea hat ihm Granaten geliefert.",
    "Россия нуждается в боеприпасах. КНДР поставила ей снаряды.",
    "俄罗斯缺少弹药。朝鲜向其提供了炮弹。",
    "ロシアは弾薬が不足している。北朝鮮は同国に砲弾を供与した。",
])
def test_dative_pronoun_takes_the_previous_state(text: str) -> None:
    assert _claims(text, "arms_transfer") == {("arms_transfer", "KP", "RU")}


@pytest.mark.parametrize("text", [
    # two candidate states: the pronoun stays open
    "La Russie et la Chine sont alliées. La Corée du Nord lui a livré des obus.",
    # no pronoun: the previous sentence gives no recipient
    "La Russie manque de munitions. La Corée du Nord a livré des obus.",
])
def test_dative_pronoun_near_misses(text: str) -> None:
    assert _claims(text, "arms_transfer") == {("arms_transfer", "KP", None)}


def test_russian_dative_case() -> None:
    assert _claims("КНДР поставила России снаряды.") == {("arms_transfer", "KP", "RU")}
    assert _claims("Россия поставила КНДР нефть.") == {("petroleum_transfer", "RU", "KP")}


# --- 2. carrier versus origin -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Russian trucks carried North Korean shells to the front.",
    "Russische Lastwagen brachten nordkoreanische Granaten an die Front.",
    "Des camions russes ont transporté des obus nord-coréens vers le front.",
    "Российские поезда перевозили северокорейские снаряды.",
])
def test_goods_adjective_is_the_origin_not_the_carrier(text: str) -> None:
    assert _claims(text, "arms_transfer") == {("arms_transfer", "KP", "RU")}


# --- 3. Russian passive participles -------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Россия применяет поставленные КНДР снаряды.",
    "Россия применяет переданные Пхеньяном ракеты.",
    "Россия использует снаряды, полученные от КНДР.",
])
def test_russian_participle_agent_is_the_supplier(text: str) -> None:
    claims = _claims(text, "arms_transfer")
    assert claims and all(c[1:] == ("KP", "RU") for c in claims)


def test_russian_participle_alone_names_no_recipient() -> None:
    assert _claims("Поставленные КНДР снаряды применяются на фронте.", "arms_transfer") == {
        ("arms_transfer", "KP", None)}


def test_russian_participle_near_miss() -> None:
    # Russia is the participle's agent here: the shells went to the DPRK
    assert _claims("Снаряды, поставленные Россией в КНДР, были старыми.", "arms_transfer") == {
        ("arms_transfer", "RU", "KP")}


# --- 4. ports of arrival and ports described by a country --------------------------------

@pytest.mark.parametrize("text", [
    "A Panama-flagged ship carrying North Korean coal entered Ningbo port.",
    "A vessel carrying North Korean coal docked at Ningbo.",
    "Un navire transportant du charbon nord-coréen a accosté à Ningbo.",
    "朝鲜煤炭运输船驶入宁波港。",
    "북한산 석탄을 실은 선박이 닝보항에 입항했다.",
])
def test_port_of_arrival_receives_the_cargo(text: str) -> None:
    assert _claims(text, "other_violation") == {("other_violation", "KP", "CN")}


def test_marked_recipient_beats_a_passing_port() -> None:
    text = "A Panama-flagged ship carrying North Korean coal to Vietnam stopped near Ningbo."
    assert _claims(text, "other_violation") == {("other_violation", "KP", "VN")}


@pytest.mark.parametrize("text", [
    "Russian ships loaded weapons at the North Korean port of Rajin.",
    "Des navires russes ont chargé des munitions dans le port nord-coréen de Rajin.",
    "Российские суда вывезли боеприпасы из северокорейского порта Раджин.",
])
def test_described_loading_port_is_the_origin(text: str) -> None:
    assert _claims(text, "arms_transfer") == {("arms_transfer", "KP", "RU")}


def test_port_call_keeps_the_ship_side() -> None:
    text = "Russian ships loaded weapons at the North Korean port of Rajin."
    assert ("port_call", "RU", "KP") in _claims(text)


def test_delivery_to_a_described_port_stays_a_delivery() -> None:
    text = "Russian ships delivered fuel to the North Korean port of Rajin."
    assert _claims(text, "petroleum_transfer") == {("petroleum_transfer", "RU", "KP")}


# --- 5. spelled-out millions ------------------------------------------------------------

@pytest.mark.parametrize(("text", "lang", "value", "unit"), [
    ("eine Million Barrel Öl", "de", 1e6, "barrels"),
    ("über eine Million Granaten", "de", 1e6, "rounds"),
    ("one million barrels of oil", "en", 1e6, "barrels"),
    ("a million shells", "en", 1e6, "rounds"),
    ("un million de barils", "fr", 1e6, "barrels"),
    ("un millón de barriles", "es", 1e6, "barrels"),
    ("миллион баррелей нефти", "ru", 1e6, "barrels"),
    ("более миллиона снарядов", "ru", 1e6, "rounds"),
    ("two million shells", "en", 2e6, "rounds"),
    ("zwei Millionen Granaten", "de", 2e6, "rounds"),
    ("2 миллиона снарядов", "ru", 2e6, "rounds"),
])
def test_spelled_out_millions(text: str, lang: str, value: float, unit: str) -> None:
    qs = find_quantities(text, lang)
    assert [(q.value, q.unit) for q in qs] == [(value, unit)]


@pytest.mark.parametrize(("text", "lang"), [
    ("тридцать миллионов снарядов", "ru"),  # a number word the list lacks: no "one million"
    ("ein Millimeter", "de"),
    ("a military convoy", "en"),
    ("une millionnaire", "fr"),
])
def test_no_one_million_without_an_article_or_after_a_number(text: str, lang: str) -> None:
    assert all(q.value != 1e6 for q in find_quantities(text, lang))


def test_claim_carries_the_spelled_out_quantity() -> None:
    out = extract_text("Russland lieferte Nordkorea eine Million Barrel Öl.").wire(doc="t")
    assert [(i["quantity"], i["unit"]) for i in out["incidents"]] == [(1e6, "barrels")]


# --- 6. German passive werden -------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Nordkoreanische Granaten werden an Russland geliefert.",
    "Nordkoreanische Raketen werden von Russland eingesetzt.",
    "Nordkoreanische Raketen wurden von Russland in der Ukraine eingesetzt.",
])
def test_german_passive_werden_is_no_future(text: str) -> None:
    assert _claims(text, "arms_transfer") == {("arms_transfer", "KP", "RU")}


@pytest.mark.parametrize("text", [
    "Nordkorea wird Russland Granaten liefern.",
    "Nordkorea wird Russland Raketen verkaufen.",
    "Die Granaten werden nach Russland geliefert werden.",
    "Künftig werden Granaten an Russland geliefert.",
])
def test_german_future_still_blocks(text: str) -> None:
    assert _claims(text, "arms_transfer") == set()


# --- guarded patterns match like their plain forms ---------------------------------------

_SAMPLES = [
    "Eine Million Barrel, a million shells, One Million, un millón, une million, "
    "один миллион, миллион баррелей, 30 миллионов, ein Millimeter, uno militar.",
    "поставленные КНДР снаряды, переданные Пхеньяном ракеты, Поставленные, продано.",
    "Армия применяет отправленные ",
    "Армия применяет Поставленные ",
]


@pytest.mark.parametrize("pat", [quantities._ONE_BEFORE_SCALE, quantities._RU_BARE_SCALE,
                                 clause_roles._RU_PASSIVE_PARTICIPLE])
def test_guarded_patterns_match_like_the_plain_ones(pat: re.Pattern[str]) -> None:
    m = re.fullmatch(r"\(\?=\[([^\]]+)\]\)\(\?:(.*)\)", pat.pattern, re.S)
    assert m is not None
    plain = re.compile(m.group(2), pat.flags)
    found = 0
    for text in _SAMPLES:
        got = [x.span() for x in pat.finditer(text)]
        assert got == [x.span() for x in plain.finditer(text)]
        found += len(got)
    assert found >= 2
