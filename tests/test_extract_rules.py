"""General extraction rules added in the issue-5 follow-up, each on invented sentences:
war opponents are no party, hedges scoped to their clause, enumerations closed by
"other", amounts stated in the next sentence, weekdays are no numbers, round trips are
port calls, ship counts, rules about embargoes are no events."""

from __future__ import annotations

import pytest

from sanctionwatch.extract import extract_text
from sanctionwatch.extract.quantities import find_quantities


def _wire(text: str, lang: str) -> list[dict[str, object]]:
    return [i.wire() for i in extract_text(text, language=lang).incidents]


def _pairs(incidents: list[dict[str, object]]) -> set[tuple[object, object, object]]:
    return {(i["type"], i["from"], i["to"]) for i in incidents}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Pyongyang shipped rockets to Moscow for its war against Ukraine."),
    ("en", "North Korea sent artillery shells to Russia for the war in Ukraine."),
    ("de", "Nordkorea schickte Granaten an Russland für den Krieg gegen die Ukraine."),
    ("fr", "La Corée du Nord a livré des obus à la Russie pour la guerre contre l'Ukraine."),
    ("es", "Corea del Norte envió misiles a Rusia para su guerra contra Ucrania."),
    ("ru", "КНДР передала России снаряды для войны против Украины."),
    ("zh", "朝鲜向俄罗斯提供了炮弹,用于俄罗斯对乌克兰的战争。"),
    ("ko", "북한이 러시아에 포탄을 제공했으며 이는 우크라이나와의 전쟁에 쓰였다."),
])
def test_war_opponent_is_no_recipient(lang: str, text: str) -> None:
    out = _wire(text, lang)
    assert ("arms_transfer", "KP", "RU") in _pairs(out)
    assert all("UA" not in (i["from"], i["to"]) for i in out), out


@pytest.mark.parametrize(("lang", "text", "asserted_q", "alleged_q"), [
    ("de", "Laut Behörden sind 9.000 nordkoreanische Soldaten in Russland stationiert, "
           "womöglich gefolgt von weiteren 2.000 Soldaten.", 9000, 2000),
    ("en", "About 6,000 North Korean troops are deployed in Russia, possibly joined "
           "later by 1,500 more troops.", 6000, 1500),
    ("fr", "Quelque 7 000 soldats nord-coréens sont déployés en Russie, et 2 500 soldats "
           "auraient suivi.", 7000, 2500),
])
def test_hedge_scoped_to_its_clause(lang: str, text: str, asserted_q: int,
                                    alleged_q: int) -> None:
    out = [i for i in _wire(text, lang) if i["type"] == "military_personnel"]
    stance = {i["quantity"]: i["stance"] for i in out}
    assert stance.get(asserted_q) == "asserted", out
    assert stance.get(alleged_q) == "alleged", out


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "North Korea exported 300 rifles to Sudan, officials suspect."),
    ("en", "Reportedly, North Korea exported 300 rifles to Sudan, and more followed."),
])
def test_hedge_in_comment_clause_or_before_covers_claim(lang: str, text: str) -> None:
    out = _wire(text, lang)
    assert out and all(i["stance"] == "alleged" for i in out), out


@pytest.mark.parametrize(("lang", "text", "items"), [
    ("en", "Washington accused North Korea of shipping rifles, mortars and other "
           "weapons to Russia.", {"weapons"}),
    ("en", "Seoul says North Korea supplied artillery, missiles and other conventional "
           "weapons to Russia.", {"artillery", "missiles", "conventional weapons"}),
])
def test_enumeration_closed_by_other_keeps_members(lang: str, text: str,
                                                   items: set[str]) -> None:
    got = {i["item"] for i in _wire(text, lang) if i["type"] == "arms_transfer"}
    assert items <= got, got


@pytest.mark.parametrize(("lang", "text", "value", "unit"), [
    ("en", "North Korean hackers breached a Singapore exchange in March. They made off "
           "with $45 million within an hour.", 45_000_000, "USD"),
    ("fr", "Des pirates nord-coréens ont piraté une plateforme japonaise. Ils sont "
           "repartis avec 30 millions de dollars.", 30_000_000, "USD"),
    ("de", "Nordkorea soll Erdölprodukte über die erlaubte Menge hinaus importiert haben. "
           "Die Menge könnte 2 Millionen Barrel erreichen.", 2_000_000, "barrels"),
])
def test_amount_in_next_sentence(lang: str, text: str, value: int, unit: str) -> None:
    out = [i for i in _wire(text, lang) if i["quantity"] is not None]
    assert [(i["quantity"], i["unit"]) for i in out] == [(value, unit)], _wire(text, lang)


def test_amount_in_next_sentence_not_taken_when_it_has_its_own_claim() -> None:
    text = ("North Korean hackers breached a Singapore exchange. Separately, the "
            "exchange lost $45 million worth of coal shipments.")
    out = _wire(text, "en")
    assert all(i["quantity"] != 45_000_000 or i["type"] != "cyber_theft" for i in out)


@pytest.mark.parametrize(("lang", "text"), [
    ("zh", "部长星期三(3月4日)表示,朝鲜向俄罗斯提供了导弹。"),
    ("zh", "官员周五说,朝鲜向俄罗斯提供了导弹。"),
    ("ja", "防衛省は金曜日に、北朝鮮がロシアにミサイルを供与したと発表した。"),
])
def test_weekday_is_no_quantity(lang: str, text: str) -> None:
    out = _wire(text, lang)
    assert out and all(i["quantity"] is None for i in out), out


@pytest.mark.parametrize(("lang", "text", "value", "unit"), [
    ("en", "made at least six round trips", 6, "port calls"),
    ("en", "nine ships carried the cargo", 9, "vessels"),
    ("de", "drei Schiffe brachten die Ladung", 3, "vessels"),
    ("ko", "선박 4척이 입항했다", 4, "vessels"),
    ("zh", "共有5艘船", 5, "vessels"),
    ("ru", "отправили 2500 солдат", 2500, "troops"),
])
def test_unit_words(lang: str, text: str, value: int, unit: str) -> None:
    qs = find_quantities(text, lang)
    assert [(q.value, q.unit) for q in qs] == [(value, unit)]


def test_port_call_counts_calls_before_ships() -> None:
    text = ("Two Russian cargo ships have made at least six round trips between the North "
            "Korean port of Rajin and Vostochny since spring.")
    calls = [i for i in _wire(text, "en") if i["type"] == "port_call"]
    assert calls and all((i["quantity"], i["unit"]) == (6, "port calls") for i in calls)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The embargo on imports of weapons from North Korea remains in force."),
    ("es", "La medida se debe al embargo sobre las exportaciones de armas de Corea del Norte."),
    ("fr", "L'embargo sur les exportations d'armes de la Corée du Nord reste en vigueur."),
])
def test_embargo_rule_is_no_event(lang: str, text: str) -> None:
    assert _wire(text, lang) == []


def test_investigation_hedges() -> None:
    text = ("The panel continues its investigation into the supply of rifles by North "
            "Korea to Sudan.")
    out = _wire(text, "en")
    assert out and all(i["stance"] == "alleged" for i in out), out




@pytest.mark.parametrize(("lang", "text", "victim"), [
    ("en", "North Korean hackers stole $30 million in crypto from an exchange. The "
           "exchange, based in Singapore, confirmed the breach.", "SG"),
    ("de", "Nordkoreanische Hacker haben 20 Millionen Dollar von einer Börse gestohlen. "
           "Die Börse, die in Estland ansässig ist, bestätigte den Vorfall.", "EE"),
    ("es", "Piratas norcoreanos robaron 5 millones de dólares a una plataforma. La "
           "plataforma, con sede en Japón, confirmó el incidente.", "JP"),
])
def test_victim_seat_from_neighbouring_sentence(lang: str, text: str, victim: str) -> None:
    out = [i for i in _wire(text, lang) if i["type"] == "cyber_theft"]
    assert out and all(i["from"] == victim and i["to"] == "KP" for i in out), out


def test_victim_seat_not_invented() -> None:
    text = ("North Korean hackers stole $30 million in crypto from an exchange. Analysts "
            "in Singapore said the attack was fast.")
    out = [i for i in _wire(text, "en") if i["type"] == "cyber_theft"]
    assert out and all(i["from"] is None for i in out), out


def test_transfer_count_in_next_sentence() -> None:
    text = ("A Russian tanker passed fuel to a North Korean ship at sea in a ship-to-ship "
            "transfer. This happened at least three times that year.")
    out = [i for i in _wire(text, "en") if i["type"] == "ship_to_ship_transfer"]
    assert [(i["quantity"], i["unit"]) for i in out] == [(3, "transfers")], out


# --- issue 5, third round -------------------------------------------------------------


@pytest.mark.parametrize(("lang", "text", "to"), [
    ("en", "North Korea reportedly supplied rifles to Burkina Faso, some of which were "
           "later sent to a UN mission in Mali.", "BF"),
    ("en", "North Korea delivered rocket launchers to Nigeria, which passed them on to "
           "the Sudanese army.", "NG"),
    ("de", "Nordkorea lieferte Gewehre an Algerien, die später nach Tunesien gingen.", "DZ"),
    ("fr", "La Corée du Nord a livré des obus au Cameroun, dont une partie aurait été "
           "envoyée au Tchad.", "CM"),
])
def test_relative_clause_is_not_the_recipient(lang: str, text: str, to: str) -> None:
    out = [i for i in _wire(text, lang) if i["type"] == "arms_transfer"]
    assert out, text
    assert {i["to"] for i in out} == {to}, out


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The tanker Sea Lark took part in a ship-to-ship transfer of oil with a North "
           "Korean vessel in May. The Sea Lark was designated by the UN sanctions committee "
           "last year."),
    ("ja", "北朝鮮船籍のタンカー「SEA LARK」が公海上で瀬取りを行った疑いがある。"
           "なお、同船は国連安保理の制裁対象に指定された船舶です。"),
    ("ko", "북한 유조선 바다호가 공해상에서 선박 간 환적을 한 것으로 보인다. "
           "이 선박은 유엔 제재 대상 선박이다."),
])
def test_designation_stated_in_a_separate_sentence(lang: str, text: str) -> None:
    out = _wire(text, lang)
    types = [i["type"] for i in out]
    assert "ship_to_ship_transfer" in types, out
    assert "designated_entity_activity" in types, out
    sts = next(i for i in out if i["type"] == "ship_to_ship_transfer")
    des = next(i for i in out if i["type"] == "designated_entity_activity")
    assert (des["from"], des["to"]) == (sts["from"], sts["to"])


def test_designation_note_without_a_claim_adds_nothing() -> None:
    text = ("The weather was calm in Pyongyang. The tanker Sea Lark was designated by the UN "
            "sanctions committee last year.")
    assert _wire(text, "en") == []


@pytest.mark.parametrize(("lang", "text", "to"), [
    ("en", "North Korea shipped rifles to Burkina Faso in 2019.", "BF"),
    ("en", "North Korea exported rocket launchers to Uzbekistan.", "UZ"),
    ("de", "Nordkorea lieferte Raketenwerfer nach Simbabwe.", "ZW"),
    ("es", "Corea del Norte envió fusiles a Nicaragua.", "NI"),
    ("ru", "КНДР поставила винтовки в Венесуэлу.", "VE"),
    ("fr", "La Corée du Nord a livré des obus au Nigeria.", "NG"),
    ("ko", "북한이 짐바브웨에 소총을 제공했다.", "ZW"),
    ("ja", "北朝鮮がジンバブエに小銃を供与した。", "ZW"),
    ("zh", "朝鲜向津巴布韦提供了步枪。", "ZW"),
])
def test_countries_beyond_the_core_list(lang: str, text: str, to: str) -> None:
    out = _wire(text, lang)
    assert ("arms_transfer", "KP", to) in _pairs(out), out
