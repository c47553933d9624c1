"""Lexical coverage round: common synonyms and inflections of the cue words and item
names in the 8 languages, on invented sentences (positives: the new word makes the
incident; near misses: the same word in an innocent sense makes none), and the maritime
rule that a delivery from one ship to another is a ship-to-ship transfer."""

from __future__ import annotations

import pytest

from sanctionwatch.extract import extract_text
from sanctionwatch.knowledge.gazetteer import for_language

Claim = tuple[str, str | None, str | None, str, str]  # type, from, to, item, stance


def _wire(text: str, lang: str) -> list[dict[str, object]]:
    return [i.wire() for i in extract_text(text, language=lang).incidents]


def _claims(text: str, lang: str) -> set[Claim]:
    return {(str(i["type"]), i["from"], i["to"], str(i["item"]), str(i["stance"]))  # type: ignore[misc]
            for i in _wire(text, lang)}


def _kinds(text: str, lang: str) -> set[str]:
    gaz = for_language(lang)
    return {m.entry.kind for m in gaz.scan(text) if m.entry.layer == "cue"}


# --- single words: each new key is found as its cue kind --------------------------------

@pytest.mark.parametrize(("lang", "text", "kind"), [
    ("en", "the tanker came alongside", "sts"),
    ("en", "they were ferrying crates", "give"),
    ("en", "it didn't happen", "negate"),
    ("de", "Nordkorea erhalte Öl", "get"),
    ("de", "das Schiff lief in den Hafen ein, es ankerte dort", "port_call"),
    ("de", "die Hacker erbeuteten Geld", "steal"),
    ("fr", "Pyongyang enverrait des obus", "hedge"),
    ("fr", "la Corée du Nord livrera", "future"),
    ("es", "Corea del Norte mandó", "give"),
    ("es", "el buque fondeó", "port_call"),
    ("ru", "КНДР передавала", "give"),
    ("ru", "танкер перекачал", "give"),
    ("ru", "назвала клеветой", "deny"),
    ("ko", "포탄을 넘긴", "give"),
    ("ko", "외화벌이를 했다", "work"),
    ("ko", "보낸 것으로 전해졌다", "hedge"),
    ("ja", "外国船に横付けし", "sts"),
    ("ja", "石油を移し替えていた", "sts"),
    ("ja", "外貨稼ぎ", "work"),
    ("zh", "油轮转运柴油", "give"),
    ("zh", "黑客窃走", "steal"),
    ("zh", "毫无根据", "deny"),
])
def test_new_key_is_found(lang: str, text: str, kind: str) -> None:
    assert kind in _kinds(text, lang)


# --- synonyms and inflections make incidents ------------------------------------------

@pytest.mark.parametrize(("lang", "text", "claim"), [
    # en: ferried/ammo, "has been using", mortar shells, sappers, posed as, embezzled
    ("en", "North Korea ferried ammo to Russia by rail.",
     ("arms_transfer", "KP", "RU", "munitions", "asserted")),
    ("en", "Russia has been using North Korean mortar shells in Ukraine.",
     ("arms_transfer", "KP", "RU", "artillery shells", "asserted")),
    ("en", "North Korean sappers are fighting alongside Russian troops in Kursk.",
     ("military_personnel", "KP", "RU", "troops", "asserted")),
    ("en", "North Korean IT workers posed as American freelancers to earn salaries "
           "from US firms.", ("overseas_workers", "KP", "US", "IT workers", "asserted")),
    ("en", "North Korea supposedly delivered artillery shells to Russia.",
     ("arms_transfer", "KP", "RU", "artillery shells", "alleged")),
    ("en", "North Korea received tanks from Russia.",
     ("arms_transfer", "RU", "KP", "tanks", "asserted")),
    ("en", "North Korea smuggles anthracite to China.",
     ("other_violation", "KP", "CN", "coal", "asserted")),
    # de: Konjunktiv I with plain attribution stays asserted; Pioniere; könnte
    ("de", "Nordkorea erhalte Öl von Russland, sagte der Beamte.",
     ("petroleum_transfer", "RU", "KP", "oil", "asserted")),
    ("de", "Nordkorea liefere weiterhin Granaten an Russland.",
     ("arms_transfer", "KP", "RU", "artillery shells", "asserted")),
    ("de", "Nordkorea schickte Pioniere nach Russland.",
     ("military_personnel", "KP", "RU", "troops", "asserted")),
    ("de", "Nordkorea könnte Granaten an Russland geliefert haben.",
     ("arms_transfer", "KP", "RU", "artillery shells", "alleged")),
    ("de", "Ein nordkoreanischer Frachter ankerte im Hafen von Nampo.",
     ("port_call", "KP", "KP", "None", "asserted")),
    # fr: conditional (alleged), present of acheminer, vêtements
    ("fr", "La Corée du Nord enverrait des obus à la Russie.",
     ("arms_transfer", "KP", "RU", "artillery shells", "alleged")),
    ("fr", "La Corée du Nord fournirait des obus à la Russie.",
     ("arms_transfer", "KP", "RU", "artillery shells", "alleged")),
    ("fr", "La Corée du Nord achemine des munitions vers la Russie.",
     ("arms_transfer", "KP", "RU", "munitions", "asserted")),
    ("fr", "La Corée du Nord exporte des vêtements vers la Chine.",
     ("other_violation", "KP", "CN", "textiles", "asserted")),
    # es: mandó, conditional, imperfect of recibir, gasóleo
    ("es", "Corea del Norte mandó proyectiles de artillería a Rusia.",
     ("arms_transfer", "KP", "RU", "artillery shells", "asserted")),
    ("es", "Corea del Norte enviaría misiles a Rusia.",
     ("arms_transfer", "KP", "RU", "missiles", "alleged")),
    ("es", "Corea del Norte recibía gasóleo de Rusia.",
     ("petroleum_transfer", "RU", "KP", "refined petroleum products", "asserted")),
    ("es", "Un carguero con bandera rusa fondeó en Nampo.",
     ("port_call", "RU", "KP", "None", "asserted")),
    # ru: imperfective past, sappers, "по имеющимся данным", клевета (denial)
    ("ru", "КНДР передавала России артиллерийские снаряды.",
     ("arms_transfer", "KP", "RU", "artillery shells", "asserted")),
    ("ru", "КНДР направляла саперов в Россию.",
     ("military_personnel", "KP", "RU", "troops", "asserted")),
    ("ru", "По имеющимся данным, КНДР поставляла снаряды России.",
     ("arms_transfer", "KP", "RU", "artillery shells", "alleged")),
    ("ru", "КНДР назвала клеветой сообщения о поставках снарядов в Россию.",
     ("arms_transfer", "KP", "RU", "artillery shells", "denied")),
    ("ru", "КНДР экспортировала рыбу в Китай.",
     ("other_violation", "KP", "CN", "seafood", "asserted")),
    # ko: 넘긴, 공병, 외화벌이, 것으로 전해졌다, 대공미사일, 접안
    ("ko", "북한은 러시아에 포탄을 넘긴 것으로 파악됐다.",
     ("arms_transfer", "KP", "RU", "artillery shells", "asserted")),
    ("ko", "북한은 러시아에 공병을 파견했다.",
     ("military_personnel", "KP", "RU", "troops", "asserted")),
    ("ko", "북한 노동자들이 러시아 건설 현장에서 일해 외화벌이를 했다.",
     ("overseas_workers", "KP", "RU", "workers", "asserted")),
    ("ko", "북한이 러시아에 포탄을 보낸 것으로 전해졌다.",
     ("arms_transfer", "KP", "RU", "artillery shells", "alleged")),
    ("ko", "러시아가 북한에 대공미사일을 제공했다.",
     ("arms_transfer", "RU", "KP", "air defense missiles", "asserted")),
    ("ko", "러시아 화물선이 남포항에 접안했다.",
     ("port_call", "RU", "KP", "None", "asserted")),
    # ja: 渡した, 工兵/送り込んだ, 外貨稼ぎ, と伝えられている, 接岸
    ("ja", "北朝鮮はロシアに砲弾を渡した。",
     ("arms_transfer", "KP", "RU", "artillery shells", "asserted")),
    ("ja", "北朝鮮は工兵をロシアに送り込んだ。",
     ("military_personnel", "KP", "RU", "troops", "asserted")),
    ("ja", "北朝鮮の労働者がロシアで外貨稼ぎをしている。",
     ("overseas_workers", "KP", "RU", "workers", "asserted")),
    ("ja", "北朝鮮がロシアに砲弾を渡したと伝えられている。",
     ("arms_transfer", "KP", "RU", "artillery shells", "alleged")),
    ("ja", "ロシアの貨物船が南浦港に接岸した。",
     ("port_call", "RU", "KP", "None", "asserted")),
    # zh: 工程兵, 运到, 窃走/比特币, traditional characters, 据传, 毫无根据, 受雇
    ("zh", "朝鲜向俄罗斯派遣了工程兵。",
     ("military_personnel", "KP", "RU", "troops", "asserted")),
    ("zh", "朝鲜把炮弹运到俄罗斯。",
     ("arms_transfer", "KP", "RU", "artillery shells", "asserted")),
    ("zh", "朝鮮向俄羅斯運送炮彈。",
     ("arms_transfer", "KP", "RU", "artillery shells", "asserted")),
    ("zh", "据传朝鲜向俄罗斯运送了炮弹。",
     ("arms_transfer", "KP", "RU", "artillery shells", "alleged")),
    ("zh", "朝鲜称向俄罗斯提供炮弹的说法毫无根据。",
     ("arms_transfer", "KP", "RU", "artillery shells", "denied")),
    ("zh", "朝鲜劳工在俄罗斯受雇于建筑公司。",
     ("overseas_workers", "KP", "RU", "workers", "asserted")),
    ("zh", "俄罗斯货船在南浦港靠泊。",
     ("port_call", "RU", "KP", "None", "asserted")),
    # ru perfective participle of перебросить; ko 방공망 (air-defence network)
    # traditional characters; 移交; 就職; satellite launches in fr/es
    ("zh", "據報導，北韓向俄羅斯提供了砲彈。",
     ("arms_transfer", "KP", "RU", "artillery shells", "alleged")),
    ("zh", "北韓向俄羅斯提供了砲彈。",
     ("arms_transfer", "KP", "RU", "artillery shells", "asserted")),
    ("zh", "朝鲜向俄罗斯移交了无人机。",
     ("arms_transfer", "KP", "RU", "drones", "asserted")),
    ("ja", "北朝鮮のIT技術者が身分を偽って米企業に就職していた。",
     ("overseas_workers", "KP", "US", "IT workers", "asserted")),
    ("fr", "La Russie a aidé la Corée du Nord à lancer un satellite.",
     ("technical_assistance", "RU", "KP", "satellite launch assistance", "asserted")),
    # a Romance adjective after the ship word is its flag
    ("fr", "Un cargo nord-coréen a accosté à Vladivostok et déchargé des conteneurs.",
     ("port_call", "KP", "RU", "military goods (containers)", "asserted")),
    ("es", "Un buque norcoreano atracó en Vladivostok y descargó contenedores.",
     ("port_call", "KP", "RU", "military goods (containers)", "asserted")),
    # 据报道 "reportedly" hedges (据报告 "according to the report" does not); 俄方 before
    # the verb is the recipient, not the troops' origin; ko 을 실은 "loaded with"
    ("zh", "据报道，朝鲜还向俄方派遣了数百名工程兵。",
     ("military_personnel", "KP", "RU", "troops", "alleged")),
    ("zh", "据报告，朝鲜向俄罗斯运送了炮弹。",
     ("arms_transfer", "KP", "RU", "artillery shells", "asserted")),
    ("ko", "북한산 석탄을 실은 선박이 중국 닝보항에 입항했다.",
     ("other_violation", "KP", "CN", "coal", "asserted")),
    # ko 사들였다 (bought up), ja 運び込んだ (carried in), zh 朝鲜制造的 (made in the DPRK)
    ("ko", "러시아는 북한산 포탄을 사들였다.",
     ("arms_transfer", "KP", "RU", "artillery shells", "asserted")),
    ("ja", "北朝鮮は弾薬をロシアへ運び込んだ。",
     ("arms_transfer", "KP", "RU", "munitions", "asserted")),
    ("zh", "俄罗斯购买了朝鲜制造的炮弹。",
     ("arms_transfer", "KP", "RU", "artillery shells", "asserted")),
    # reported, unconfirmed: hedges
    ("de", "Nordkorea hat Granaten an Russland geliefert, wie Medienberichten zufolge "
           "bekannt wurde.", ("arms_transfer", "KP", "RU", "artillery shells", "alleged")),
    ("fr", "Selon des informations non confirmées, la Corée du Nord a livré des obus à la "
           "Russie.", ("arms_transfer", "KP", "RU", "artillery shells", "alleged")),
    ("ja", "北朝鮮がロシアに砲弾を供与したとの情報がある。",
     ("arms_transfer", "KP", "RU", "artillery shells", "alleged")),
    ("zh", "有消息称朝鲜向俄罗斯提供了炮弹。",
     ("arms_transfer", "KP", "RU", "artillery shells", "alleged")),
    # new items: combat aircraft, armoured vehicles
    ("en", "Russia gave North Korea fighter jets and armoured vehicles.",
     ("arms_transfer", "RU", "KP", "combat aircraft", "asserted")),
    ("de", "Russland lieferte Kampfflugzeuge und Schützenpanzer an Nordkorea.",
     ("arms_transfer", "RU", "KP", "armoured vehicles", "asserted")),
    ("ru", "Россия передала КНДР истребители и бронетехнику.",
     ("arms_transfer", "RU", "KP", "armoured vehicles", "asserted")),
    ("ja", "ロシアは北朝鮮に戦闘機と装甲車を提供した。",
     ("arms_transfer", "RU", "KP", "combat aircraft", "asserted")),
    # new items: sand (HS 25), vehicles
    ("en", "North Korea exported 50,000 tons of sand to China.",
     ("other_violation", "KP", "CN", "sand", "asserted")),
    ("ko", "북한은 중국에 모래를 수출했다.",
     ("other_violation", "KP", "CN", "sand", "asserted")),
    ("zh", "朝鲜向中国出口了大量河沙。",
     ("other_violation", "KP", "CN", "sand", "asserted")),
    ("ja", "北朝鮮は中国から自動車を輸入した。",
     ("other_violation", "CN", "KP", "vehicles", "asserted")),
    ("ru", "Россия поставила в КНДР автомобили.",
     ("other_violation", "RU", "KP", "vehicles", "asserted")),
    ("ru", "Северокорейские военные были переброшены в Россию.",
     ("military_personnel", "KP", "RU", "troops", "asserted")),
    ("ko", "러시아는 그 대가로 북한에 방공망을 지원한 것으로 보인다.",
     ("arms_transfer", "RU", "KP", "air defense systems", "alleged")),
])
def test_synonym_makes_the_incident(lang: str, text: str, claim: Claim) -> None:
    assert claim in _claims(text, lang), _wire(text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Hackers working for North Korea embezzled $30 million in stablecoins."),
    ("de", "Nordkoreanische Hacker erbeuteten Kryptowährung im Wert von 100 Millionen Dollar."),
    ("fr", "Des pirates nord-coréens ont subtilisé des cryptomonnaies pour 50 millions de "
           "dollars."),
    ("ru", "Северокорейские хакеры своровали биткоины на 50 млн долларов."),
    ("ko", "북한 해커들이 가상 자산 5천만 달러를 훔쳤다."),
    ("zh", "朝鲜黑客窃走了价值1亿美元的比特币。"),
])
def test_theft_synonyms(lang: str, text: str) -> None:
    out = _wire(text, lang)
    assert [(i["type"], i["to"], i["item"], i["unit"]) for i in out] == [
        ("cyber_theft", "KP", "cryptocurrency", "USD")], out


# --- near misses: the same words in an innocent sense ---------------------------------

@pytest.mark.parametrize(("lang", "text"), [
    # negation and plans stay out
    ("en", "North Korea didn't send troops to Russia, the statement said."),
    ("en", "North Korea is planning to send more troops to Russia."),
    ("de", "Nordkorea will Öl aus Russland kaufen."),
    ("fr", "La Corée du Nord livrera des obus à la Russie."),
    ("es", "Corea del Norte enviará misiles a Rusia."),
    ("ru", "КНДР отправит войска в Россию."),
    ("ko", "북한은 러시아에 포탄을 보내겠다고 약속했다."),
    ("ja", "北朝鮮はロシアに砲弾を送る意向を示した。"),
    ("zh", "朝鲜承诺向俄罗斯提供炮弹。"),
    # ko 넘기다 after an amount means "exceed", not "hand over"
    ("ko", "북한의 포탄 생산량은 지난해 200만 발을 넘긴 것으로 추산된다."),
    # "alongside" at a quay is berthing, not a ship-to-ship transfer
    ("ja", "北朝鮮の貨物船が南浦港の岸壁に横付けした。"),
    ("en", "The North Korean freighter came alongside the pier at Nampo."),
    # ordinary goods between two other states are no DPRK incident
    ("en", "South Korea exported cars to Russia last year, while North Korea's trade "
           "shrank."),
    ("ko", "한국은 러시아에 자동차를 수출했고, 북한은 이를 비난했다."),
    ("zh", "韩国向俄罗斯出口汽车，朝鲜对此表示不满。"),
    # other senses: a football result, a delegation arriving in a capital
    ("en", "North Korea handed Japan a 2-1 defeat in the football qualifier."),
    ("ru", "Делегация КНДР прибыла в Москву."),
    ("zh", "朝鲜外交官抵达莫斯科。"),
    # think tanks and fuel tanks are no tanks; 砂漠 (desert) is no sand
    ("en", "North Korea sent fuel tanks to Russia."),
    ("ja", "北朝鮮は砂漠地帯で演習を行った。"),
])
def test_near_miss_makes_no_incident(lang: str, text: str) -> None:
    out = [i for i in _wire(text, lang) if i["type"] != "port_call"]
    assert out == [], out


def test_infantry_weapons_are_no_troops() -> None:
    out = _wire("North Korea sent infantry rocket launchers to Russia.", "en")
    assert [i["type"] for i in out] == ["arms_transfer"], out


def test_satellite_images_are_no_satellite_help() -> None:
    out = _wire("Selon des images satellite, la Corée du Nord a livré des obus à la "
                "Russie.", "fr")
    assert [i["type"] for i in out] == ["arms_transfer"], out


def test_english_adjective_after_a_ship_word_is_no_flag() -> None:
    out = _wire("The ship North Korean officials seized docked at Nampo.", "en")
    assert [(i["type"], i["from"]) for i in out] == [("port_call", None)], out


def test_luxury_cars_stay_luxury_goods() -> None:
    out = _wire("North Korea imported luxury cars from Europe.", "en")
    assert [i["item"] for i in out] == ["luxury goods"], out


@pytest.mark.parametrize(("lang", "text"), [
    ("ko", "북한은 러시아에 대전차 미사일을 보냈다."),
    ("ja", "北朝鮮はロシアに対戦車ミサイルを送った。"),
    ("zh", "朝鲜向俄罗斯提供了反坦克导弹。"),
])
def test_anti_tank_missiles_are_no_tanks(lang: str, text: str) -> None:
    # 전차/戦車/坦克 (tank) inside 대전차/対戦車/反坦克 (anti-tank)
    assert [i["item"] for i in _wire(text, lang)] == ["anti-tank missiles"]


def test_think_tanks_are_no_tanks() -> None:
    out = _wire("Think tanks said North Korea sent shells to Russia.", "en")
    assert {i["item"] for i in out} == {"artillery shells"}, out


# --- a delivery from one ship to another is a ship-to-ship transfer --------------------

@pytest.mark.parametrize(("lang", "text", "frm"), [
    ("en", "A tanker flying the flag of Sierra Leone transferred 8,000 barrels of diesel to "
           "a North Korean-flagged vessel in the Yellow Sea.", "SL"),
    ("de", "Ein Tanker unter der Flagge Sierra Leones pumpte Diesel auf ein "
           "nordkoreanisches Schiff.", "SL"),
    ("de", "Ein russischer Tanker pumpte Diesel auf ein nordkoreanisches Schiff.", "RU"),
    ("fr", "Un pétrolier battant pavillon sierra-léonais a transféré du gazole vers un "
           "navire nord-coréen.", "SL"),
    ("fr", "Un pétrolier panaméen a transféré du gazole vers un navire nord-coréen.", "PA"),
    ("es", "Un petrolero panameño trasvasó gasóleo a un buque norcoreano.", "PA"),
    ("ru", "Российский танкер перекачал топливо на северокорейское судно.", "RU"),
    ("ko", "파나마 국적 유조선이 북한 선박에 경유를 옮겨 실었다.", "PA"),
    ("ja", "シエラレオネ船籍のタンカーが北朝鮮船籍の船に軽油を移し替えた。", "SL"),
    ("zh", "巴拿马籍油轮向朝鲜船只转运柴油。", "PA"),
])
def test_ship_to_ship_without_the_word(lang: str, text: str, frm: str) -> None:
    out = _wire(text, lang)
    assert [(i["type"], i["from"], i["to"]) for i in out] == [
        ("ship_to_ship_transfer", frm, "KP")], out


def test_ship_to_ship_keeps_the_cargo_amount() -> None:
    out = _wire("A tanker flying the flag of Sierra Leone transferred 8,000 barrels of diesel "
                "to a North Korean-flagged vessel in the Yellow Sea.", "en")
    assert [(i["item"], i["quantity"], i["unit"]) for i in out] == [
        ("refined petroleum products", 8000.0, "barrels")]


def test_ship_taking_on_cargo_from_an_unflagged_ship() -> None:
    out = _wire("A North Korean tanker took on refined petroleum from a foreign vessel in "
                "the East China Sea.", "en")
    assert [(i["type"], i["from"], i["to"]) for i in out] == [
        ("ship_to_ship_transfer", None, "KP")], out


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "A North Korean tanker received diesel from a Panamanian tanker."),
    ("en", "The North Korean tanker Chon Ma San received oil from the Panama-flagged "
           "Xin Yuan 18."),
    ("de", "Das nordkoreanische Schiff übernahm Öl von einem Tanker unter der Flagge "
           "Panamas."),
    ("fr", "Un navire nord-coréen a reçu du pétrole d'un pétrolier panaméen."),
    ("es", "Un buque norcoreano recibió combustible de un petrolero panameño."),
    ("ru", "Северокорейский танкер получил нефть с панамского судна."),
    ("ko", "북한 유조선이 파나마 선적 선박으로부터 석유를 넘겨받았다."),
    ("ja", "北朝鮮のタンカーがパナマ船籍の船から石油を受け取った。"),
    ("zh", "朝鲜油轮从巴拿马籍船只接收石油。"),
])
def test_ship_receiving_from_a_ship(lang: str, text: str) -> None:
    out = _wire(text, lang)
    assert [(i["type"], i["from"], i["to"]) for i in out] == [
        ("ship_to_ship_transfer", "PA", "KP")], out


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "L'équipage d'un pétrolier nord-coréen a livré du pétrole à la Chine."),
    ("es", "El capitán de un petrolero norcoreano vendió petróleo a China."),
])
def test_one_ship_and_a_country_is_no_ship_to_ship(lang: str, text: str) -> None:
    out = _wire(text, lang)
    assert out and all(i["type"] == "petroleum_transfer" for i in out), out


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # a ship delivering to a country (a second ship word elsewhere) stays a delivery
    ("en", "The Panamanian tanker delivered fuel to North Korea, a ship-tracking firm said.",
     ("petroleum_transfer", "PA", "KP")),
    # a DPRK ship carrying coal to a country is a trade claim
    ("zh", "朝鲜船只向俄罗斯运输煤炭。", ("other_violation", "KP", "RU")),
])
def test_ship_to_country_is_no_ship_to_ship(lang: str, text: str,
                                            expected: tuple[str, str, str]) -> None:
    out = _wire(text, lang)
    assert [(i["type"], i["from"], i["to"]) for i in out] == [expected], out


def test_two_foreign_ships_without_the_dprk_make_nothing() -> None:
    assert _wire("A Chinese tanker transferred diesel to a Russian vessel off "
                 "Vladivostok.", "en") == []


@pytest.mark.parametrize(("lang", "text"), [
    ("ko", "북한 해커들이 가상 자산 5천만 달러를 훔쳤다."),
    ("zh", "朝鲜黑客窃走了价值5千万美元的比特币。"),
])
def test_thousand_ten_thousands(lang: str, text: str) -> None:
    # 5천만 / 5千万 = 5 × 1,000 × 10,000
    assert [i["quantity"] for i in _wire(text, lang)] == [50_000_000.0]


@pytest.mark.parametrize(("lang", "text"), [
    ("ja", "北朝鮮兵約1万1千人がロシアのクルスク州に派遣された。"),
    ("zh", "约1万1千名朝鲜士兵被部署到俄罗斯。"),
    ("ko", "북한군 1만1천여 명이 러시아에 배치됐다."),
])
def test_ten_thousands_and_thousands(lang: str, text: str) -> None:
    # 1万1千 / 1만1천 = 11,000
    out = _wire(text, lang)
    assert [(i["type"], i["to"], i["quantity"]) for i in out] == [
        ("military_personnel", "RU", 11_000.0)], out


# --- indefinite "several thousand"; negation after the verb; negated denials ------------

@pytest.mark.parametrize(("lang", "text"), [
    ("zh", "朝鲜向俄罗斯派出了数千名士兵。"),
    ("ja", "北朝鮮はロシアに数百万発の砲弾を供与した。"),
])
def test_several_thousand_is_no_figure(lang: str, text: str) -> None:
    out = _wire(text, lang)
    assert len(out) == 1 and out[0]["quantity"] is None, out


def test_a_cjk_figure_is_still_read() -> None:
    out = _wire("朝鲜向俄罗斯派出了三千名士兵。", "zh")
    assert [i["quantity"] for i in out] == [3000.0], out


@pytest.mark.parametrize(("lang", "text"), [
    ("ko", "북한은 러시아에 포탄을 보내지 않았다."),
    ("ko", "북한은 러시아에 포탄을 지원하지 않았다고 주장했다."),
    ("ja", "北朝鮮はロシアに砲弾を供与しなかった。"),
    ("ja", "北朝鮮はロシアに砲弾を送っていないと述べた。"),
])
def test_negation_after_the_verb(lang: str, text: str) -> None:
    assert _wire(text, lang) == []


@pytest.mark.parametrize(("lang", "text"), [
    ("ko", "북한은 러시아에 포탄을 보냈다."),
    ("ja", "北朝鮮はロシアに砲弾を供与した。"),
])
def test_affirmative_verb_final_sentence(lang: str, text: str) -> None:
    assert [i["stance"] for i in _wire(text, lang)] == ["asserted"]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "North Korea did not deny sending shells to Russia."),
    ("ru", "КНДР не отрицает поставки снарядов России."),
    ("de", "Nordkorea dementierte nicht, Granaten an Russland geliefert zu haben."),
    ("fr", "Pyongyang n'a pas démenti avoir livré des obus à la Russie."),
    ("ko", "북한은 러시아에 포탄을 보냈고, 러시아는 이를 부인하지 않았다."),
])
def test_negated_denial_is_no_denial(lang: str, text: str) -> None:
    out = _wire(text, lang)
    assert out and all(i["stance"] != "denied" for i in out), out


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "North Korea denied sending shells to Russia."),
    ("ru", "КНДР отрицает поставки снарядов России."),
])
def test_plain_denial_stays(lang: str, text: str) -> None:
    assert [i["stance"] for i in _wire(text, lang)] == ["denied"]
