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


# --- fourth round -------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "text"), [
    ("en", "North Korea shipped shells to Russia in return for air defense systems and food."),
    ("en", "Pyongyang sent rockets to Moscow in exchange for military technology."),
    ("de", "Nordkorea lieferte Granaten an Russland im Gegenzug für Militärtechnologie."),
    ("fr", "La Corée du Nord a livré des obus à la Russie en échange de technologie militaire."),
    ("es", "Corea del Norte envió misiles a Rusia a cambio de sistemas de defensa aérea."),
    ("ru", "КНДР передала России снаряды в обмен на военные технологии."),
])
def test_what_comes_in_return_goes_the_other_way(lang: str, text: str) -> None:
    out = _wire(text, lang)
    pairs = {(i["from"], i["to"]) for i in out}
    assert ("KP", "RU") in pairs, out
    assert ("RU", "KP") in pairs, out
    back = [i for i in out if (i["from"], i["to"]) == ("RU", "KP")]
    assert all(i["item"] not in ("artillery shells", "missiles", "rockets") for i in back)


def test_denial_naming_supplies_does_not_deny_a_theft() -> None:
    text = ("Hackers linked to North Korea stole $50 million in cryptocurrency from a "
            "Japanese exchange. North Korea also shipped artillery shells to Russia. "
            "The DPRK authorities rejected such supplies as lies.")
    out = _wire(text, "en")
    denied = {i["type"] for i in out if i["stance"] == "denied"}
    assert denied == {"arms_transfer"}, out


def test_denial_naming_thefts_does_not_deny_a_shipment() -> None:
    text = ("North Korea shipped artillery shells to Russia. Hackers linked to North Korea "
            "stole $50 million in cryptocurrency from a Japanese exchange. "
            "Pyongyang denied that it had stolen anything.")
    out = _wire(text, "en")
    denied = {i["type"] for i in out if i["stance"] == "denied"}
    assert "arms_transfer" not in denied, out


@pytest.mark.parametrize(("lang", "text", "to"), [
    ("en", "In Syria, North Korea supplied rocket launchers.", "SY"),
    ("es", "En Siria, Corea del Norte suministró misiles.", "SY"),
    ("fr", "Au Yémen, la Corée du Nord a livré des missiles.", "YE"),
    ("ru", "В Сирию КНДР поставила ракеты.", "SY"),
])
def test_fronted_locative_is_the_recipient(lang: str, text: str, to: str) -> None:
    out = _wire(text, lang)
    assert ("arms_transfer", "KP", to) in _pairs(out), out
    assert all(i["from"] == "KP" for i in out), out


def test_a_list_of_recipients_still_carries_the_role() -> None:
    out = _wire("North Korea shipped rifles to Syria, Libya and Yemen.", "en")
    assert {("arms_transfer", "KP", c) for c in ("SY", "LY", "YE")} <= _pairs(out), out


def test_sanctions_passed_to_bar_sales_are_a_rule() -> None:
    text = ("Sanctions passed by the Security Council as punishment for the missile tests "
            "are supposed to bar firms and people from selling luxury goods to North Korea.")
    assert _wire(text, "en") == []


@pytest.mark.parametrize(("lang", "text", "item"), [
    ("en", "Russia supplied air defence systems to North Korea.", "air defense systems"),
    ("en", "North Korea sold man-portable air defense systems to Syria.",
     "man-portable air defense systems"),
    ("ru", "Россия поставила КНДР зенитные ракетные комплексы.", "air defense systems"),
])
def test_keys_with_an_inner_stem_match(lang: str, text: str, item: str) -> None:
    out = _wire(text, lang)
    assert item in {i["item"] for i in out}, out


def test_inner_stem_needs_every_part() -> None:
    from sanctionwatch.knowledge.gazetteer import for_language

    gaz = for_language("en")
    text = "the air defence budget and a system of rules"
    assert not [m for m in gaz.scan(text) if m.entry.layer == "item"]


def test_recipient_named_in_the_next_sentence() -> None:
    text = ("Investigators cite North Korea's reported supply of radar and rifles in the "
            "region. The deal involves a company controlled by the government of Zimbabwe.")
    out = _wire(text, "en")
    assert {i["to"] for i in out} == {"ZW"}, out


def test_next_sentence_with_two_countries_gives_no_recipient() -> None:
    text = ("Investigators cite North Korea's reported supply of rifles in the region. "
            "Officials from Zimbabwe and Zambia met in Geneva.")
    out = _wire(text, "en")
    assert out and all(i["to"] is None for i in out), out


@pytest.mark.parametrize(("lang", "text", "to"), [
    ("en", "North Korea shipped rifles to Latakia, Syria, last spring.", "SY"),
    ("de", "Nordkorea lieferte Gewehre nach Latakia, Syrien.", "SY"),
])
def test_country_of_a_place_after_a_recipient_marker(lang: str, text: str, to: str) -> None:
    out = _wire(text, lang)
    assert ("arms_transfer", "KP", to) in _pairs(out), out


def test_the_month_may_is_no_hedge() -> None:
    out = _wire("North Korea shipped rifles to Syria in May.", "en")
    assert out and all(i["stance"] == "asserted" for i in out), out
    out = _wire("North Korea may have shipped rifles to Syria.", "en")
    assert out and all(i["stance"] == "alleged" for i in out), out


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Oil exports to North Korea are subject to a strict annual cap."),
    ("fr", "Les exportations de pétrole vers la Corée du Nord sont soumises à des limites "
           "strictes, mais les experts pensent qu'ils utiliseraient de faux pavillons."),
    ("de", "Ölexporte nach Nordkorea unterliegen strengen Grenzen."),
    ("es", "Las exportaciones de petróleo a Corea del Norte están sujetas a un límite anual."),
])
def test_a_rule_stated_after_the_trigger(lang: str, text: str) -> None:
    assert _wire(text, lang) == []


def test_missiles_beside_another_weapon_are_kept() -> None:
    out = _wire("North Korea allegedly sent rocket launchers and missiles to Russia.", "en")
    items = {i["item"] for i in out}
    assert "missiles" in items and len(items) == 2, out


def test_missiles_give_way_to_a_missile_type() -> None:
    out = _wire("North Korea sent missiles, including ballistic missiles, to Russia.", "en")
    assert {i["item"] for i in out} == {"ballistic missiles"}, out


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "Estados Unidos sanciona a Rusia por adquirir misiles norcoreanos."),
    ("en", "Washington sanctioned Russia for buying North Korean artillery shells."),
    ("en", "The US sanctioned Russian firms for buying North Korean artillery shells."),
])
def test_the_sanctioned_buyer_is_the_recipient_and_the_claim_alleged(lang: str,
                                                                     text: str) -> None:
    out = _wire(text, lang)
    assert out, out
    assert all((i["from"], i["to"]) == ("KP", "RU") for i in out), out
    assert all(i["stance"] == "alleged" for i in out), out


def test_training_the_guard_is_technical_assistance() -> None:
    out = _wire("North Korea is accused of training the presidential guard of Uganda.", "en")
    assert ("technical_assistance", "KP", "UG") in _pairs(out), out


def test_a_recipient_is_no_default_sender() -> None:
    text = ("North Korea loaded coal onto the freighter Sea Lark in May. "
            "The Sea Lark then transported the coal to Dalian, China.")
    out = _wire(text, "en")
    assert all(i["from"] != "CN" for i in out), out
    assert any(i["to"] == "CN" for i in out), out


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "North Korea sent artillery experts to Russia to teach the Russians the guns."),
    ("ko", "북한이 사용법 전수를 위해 방사포 전문가들을 러시아에 파견했다."),
])
def test_experts_sent_to_teach_are_one_claim(lang: str, text: str) -> None:
    out = _wire(text, lang)
    ta = [i for i in out if i["type"] == "technical_assistance"]
    assert len(ta) == 1 and str(ta[0]["item"]).startswith("experts on"), out


# --- fifth round: quantity accuracy -------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("zh", "据报道,朝鲜上个月将八千多名士兵派往俄罗斯。"),
    ("zh", "朝鲜将大批炮弹运往俄罗斯。"),
])
def test_zh_jiang_before_an_object_is_no_future(lang: str, text: str) -> None:
    out = _wire(text, lang)
    assert any((i["from"], i["to"]) == ("KP", "RU") for i in out), out


def test_zh_jiang_before_a_verb_stays_future() -> None:
    assert _wire("朝鲜将向俄罗斯派遣士兵。", "zh") == []


def test_zh_yixie_is_no_number() -> None:
    assert find_quantities("其中一些士兵已开始参与战斗", "zh") == []
    assert [q.value for q in find_quantities("一名士兵", "zh")] == [1]


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Moskau hat mindestens eine Radaranlage und ein Flugabwehrsystem an "
           "Pjöngjang geliefert."),
    ("fr", "La Russie a livré au moins un système de défense aérienne à la Corée du Nord."),
    ("es", "Rusia entregó al menos un sistema de defensa aérea a Corea del Norte."),
])
def test_an_article_after_at_least_is_one(lang: str, text: str) -> None:
    out = _wire(text, lang)
    assert any(i["quantity"] == 1 for i in out), out


def test_a_bare_article_is_no_number() -> None:
    assert find_quantities("Moskau hat ein Flugabwehrsystem geliefert.", "de") == []


def test_a_count_two_sentences_on_after_a_bare_attribution() -> None:
    text = ("A Russian tanker transferred fuel to a North Korean vessel in a ship-to-ship "
            "transfer. This was reported by crew members on board. "
            "It happened at least three times in 2019.")
    sts = [i for i in _wire(text, "en") if i["type"] == "ship_to_ship_transfer"]
    assert sts and sts[0]["quantity"] == 3 and sts[0]["unit"] == "transfers", sts


def test_no_count_when_the_sentence_between_has_its_own_numbers() -> None:
    text = ("A Russian tanker transferred fuel to a North Korean vessel in a ship-to-ship "
            "transfer. The tanker carries 5,000 tonnes of cargo. "
            "It happened at least three times in 2019.")
    sts = [i for i in _wire(text, "en") if i["type"] == "ship_to_ship_transfer"]
    assert sts and sts[0]["quantity"] is None, sts


@pytest.mark.parametrize(("lang", "text", "stance"), [
    ("en", "Russia apparently goes on: a report confirms that Moscow delivered two radar "
           "systems to North Korea.", "asserted"),
    ("de", "Russland macht offenbar weiter: Ein Bericht bestätigt, dass Moskau zwei "
           "Radarsysteme an Nordkorea geliefert hat.", "asserted"),
    ("en", "Russia apparently goes on: Moscow delivered two radar systems to North Korea.",
     "alleged"),
])
def test_a_confirmation_lifts_an_earlier_hedge(lang: str, text: str, stance: str) -> None:
    out = _wire(text, lang)
    assert out and all(i["stance"] == stance for i in out), out


@pytest.mark.parametrize(("lang", "text", "victim"), [
    ("de", "Nordkoreanische Hacker haben 30 Millionen Dollar von einer japanischen "
           "Kryptobörse gestohlen.", "JP"),
    ("de", "Nordkoreanische Hacker haben Kryptowährung aus einer von der US-Handelsfirma "
           "Zeta betriebenen Plattform gestohlen.", "US"),
])
def test_the_seat_of_a_firm_robbed_from_is_the_victim(lang: str, text: str,
                                                      victim: str) -> None:
    out = [i for i in _wire(text, lang) if i["type"] == "cyber_theft"]
    assert out and out[0]["from"] == victim, out


def test_a_firm_that_reports_is_no_victim() -> None:
    out = _wire("Laut der japanischen Analysefirma Zeta haben nordkoreanische Hacker "
                "30 Millionen Dollar gestohlen.", "de")
    assert out and all(i["from"] is None for i in out), out


def test_a_theft_sentence_without_the_dprk_after_a_dprk_sentence() -> None:
    text = ("Die Lazarus-Gruppe steckt hinter einer Reihe von Diebstählen. "
            "Die Hacker haben im Mai 40 Millionen Dollar von einer kanadischen "
            "Kryptobörse gestohlen.")
    out = [i for i in _wire(text, "de") if i["type"] == "cyber_theft"]
    assert any(i["from"] == "CA" and i["quantity"] == 40_000_000 for i in out), out


def test_a_month_before_a_scaled_amount_is_no_date() -> None:
    assert [q.value for q in find_quantities("im Mai 40 Millionen Dollar", "de")] == [4e7]
    assert find_quantities("on May 5 and June 15", "en") == []


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "North Korean workers pack fish that ends up on shop shelves in Germany and "
           "Italy, and most of their wages go to the North Korean state."),
    ("en", "North Korean workers sew shirts which are later sold in France, and their wages "
           "go to the North Korean state."),
])
def test_the_later_fate_of_goods_names_no_party(lang: str, text: str) -> None:
    out = _wire(text, lang)
    assert out, out
    assert all(i["to"] not in ("DE", "IT", "FR") for i in out), out


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Canada imposed sanctions on Russian entities that it accuses of buying North "
           "Korean shells."),
    ("es", "Canadá impuso sanciones contra entidades rusas, a las que acusa de adquirir "
           "armamento norcoreano."),
])
def test_the_sanctioning_state_is_no_buyer(lang: str, text: str) -> None:
    out = _wire(text, lang)
    assert out and all(i["to"] != "CA" for i in out), out
    assert any((i["from"], i["to"]) == ("KP", "RU") for i in out), out
