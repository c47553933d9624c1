"""Maritime rules of the extractor, each on invented sentences (positives in several
languages and negatives that must give nothing): ships passing to the DPRK, ships
registered under foreign flags, flags named after their cue, ports as destination or
origin, loading at a port, ship-name numbers, fuel words that name a kind of ship,
adjectival bans, ship-to-ship clauses with their own dates, DPRK context kept across
a sentence that names only a ship's flag."""

from __future__ import annotations

import pytest

from sanctionwatch.extract import extract_text


def _wire(text: str, lang: str) -> list[dict[str, object]]:
    return [i.wire() for i in extract_text(text, language=lang).incidents]


def _of(out: list[dict[str, object]], itype: str) -> list[dict[str, object]]:
    return [i for i in out if i["type"] == itype]


# --- ships that pass to the DPRK (sale, purchase, new flag) -----------------------------

@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The Panama-flagged tanker Sea Star was sold to North Korea in 2019 and renamed."),
    ("en", "Records show the bulk carrier later became a North Korean vessel."),
    ("en", "North Korea bought the oil tanker Morning Star from a broker in Hong Kong."),
    ("de", "Der Tanker Blue Wave wurde 2019 an Nordkorea verkauft und umbenannt."),
    ("fr", "Le pétrolier Blue Wave a été vendu à la Corée du Nord en 2019."),
    ("es", "El petrolero Blue Wave fue vendido a Corea del Norte en 2019."),
    ("ru", "Танкер «Синяя волна» был продан КНДР в 2019 году."),
    ("ko", "파나마 선적 유조선 '블루웨이브'호는 2019년 북한에 팔려 북한 선박이 됐다."),
    ("ja", "タンカー「ブルーウェーブ」は2019年に北朝鮮に売却された。"),
    ("zh", "油轮“Blue Wave号”于2019年被卖给朝鲜,改为朝鲜船只。"),
])
def test_ship_passing_to_the_dprk_is_one_vessel(lang: str, text: str) -> None:
    out = _of(_wire(text, lang), "other_violation")
    assert len(out) == 1, out
    assert (out[0]["to"], out[0]["quantity"], out[0]["unit"]) == ("KP", 1.0, "vessels")
    # the oil in "oil tanker" is the kind of ship, not a cargo
    assert not _of(_wire(text, lang), "petroleum_transfer")


def test_reflagged_to_the_dprk() -> None:
    out = _of(_wire("The tanker Yu Jong 2 was renamed and re-flagged to North Korea in 2018.",
                    "en"), "other_violation")
    assert [(i["to"], i["quantity"], i["when"]) for i in out] == [("KP", 1.0, "2018")], out


def test_vessel_name_goes_into_the_item() -> None:
    out = _of(_wire("油轮“Blue Wave号”于2019年被卖给朝鲜,改为朝鲜船只。", "zh"),
              "other_violation")
    assert out and "Blue Wave" in str(out[0]["item"]), out
    out = _of(_wire("The tanker Sea Star was sold to North Korea.", "en"), "other_violation")
    assert out and out[0]["item"] == "tanker (Sea Star)", out


def test_hedged_purchase_is_alleged() -> None:
    out = _of(_wire("North Korea reportedly bought a second-hand tanker last year.", "en"),
              "other_violation")
    assert [i["stance"] for i in out] == ["alleged"], out


@pytest.mark.parametrize(("lang", "text"), [
    # a sale between two countries under no sanctions
    ("en", "The Greek tanker Aurora was sold to a Turkish shipping company in 2020."),
    ("de", "Der griechische Tanker Aurora wurde 2020 an eine türkische Reederei verkauft."),
    ("fr", "Le pétrolier grec Aurora a été vendu à une société turque en 2020."),
    ("ko", "그리스 유조선 오로라호는 2020년 터키 회사에 팔렸다."),
    ("zh", "希腊油轮“Aurora号”于2020年被卖给土耳其公司。"),
    # the rule, not an act
    ("en", "UN resolutions ban the sale of vessels to North Korea and the purchase of "
           "North Korean ships."),
    ("zh", "决议禁止联合国成员国向朝鲜出售船只或购买朝鲜船只。"),
    ("en", "Sanctions prohibit North Korea from buying ships abroad."),
    # an attempt or plan, a denial, enforcement
    ("en", "North Korea is trying to buy more tankers, officials warned."),
    ("en", "The United States seized and sold the North Korean cargo ship Wise Honest."),
    ("en", "The ship became a symbol of the sanctions debate in South Korea."),
    ("en", "The tanker became a symbol of North Korean defiance."),
    ("en", "Ships sold to North Korea are banned under resolution 2397."),
    ("en", "If the tanker is sold to North Korea, the broker will face sanctions."),
    ("en", "The tanker could be sold to North Korea, experts warned."),
    ("de", "Der Tanker könnte an Nordkorea verkauft werden."),
    ("en", "No vessel was sold to North Korea, the ministry said."),
    ("en", "The old tanker became an object of North Korean pride."),
])
def test_no_vessel_claim(lang: str, text: str) -> None:
    assert not _of(_wire(text, lang), "other_violation"), _wire(text, lang)


# --- ships registered under foreign flags -------------------------------------------------

@pytest.mark.parametrize(("lang", "text", "count"), [
    ("en", "Twelve ships linked to North Korea were registered in Tuvalu and Palau to "
           "evade sanctions.", 12),
    ("de", "Nordkorea nutzt Billigflaggen: Mindestens zehn Schiffe fahren unter falscher "
           "Flagge.", 10),
    ("es", "Según la ONU, Corea del Norte usa banderas de conveniencia para 20 buques.", 20),
    ("ru", "КНДР использует удобные флаги для своих 15 судов.", 15),
    ("ko", "북한은 선박 20척을 편의치적 방식으로 제3국에 등록했다.", 20),
    ("ja", "北朝鮮は便宜置籍で10隻の船を外国に登録している。", 10),
])
def test_flag_registration_counts_vessels(lang: str, text: str, count: int) -> None:
    out = _of(_wire(text, lang), "other_violation")
    assert [(i["to"], i["quantity"], i["unit"]) for i in out] == [("KP", count, "vessels")]
    # the registries are no parties
    assert all(i["from"] is None for i in out), out


def test_registration_in_the_sentence_after_a_dprk_sentence() -> None:
    text = ("La Corée du Nord contourne les sanctions sur le pétrole. Selon l'AFP, 9 navires "
            "auraient été immatriculés aux Tuvalu et aux îles Cook.")
    out = _of(_wire(text, "fr"), "other_violation")
    assert [(i["to"], i["quantity"], i["stance"]) for i in out] == [("KP", 9, "alleged")]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The vessels were registered in Panama, the shipping company said."),
    ("en", "The tanker, registered in Panama, carried Iranian oil to Malaysia."),
    ("en", "Twelve ships were registered in Liberia last year, the registry said."),
    ("fr", "La Corée du Nord contourne les sanctions. Ces navires sont immatriculés au "
           "Panama."),
])
def test_no_registration_claim(lang: str, text: str) -> None:
    assert not _wire(text, lang), _wire(text, lang)


# --- flags named after their cue; port calls ---------------------------------------------

@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The cargo ship Hope 3, flying the flag of Panama, docked at Nampo in May 2021."),
    ("en", "The ship, registered in Panama, docked at Nampo in March."),
    ("fr", "Le cargo Hope 3, battant pavillon panaméen, a accosté au port de Nampo en mai "
           "2021."),
    ("es", "El buque Hope 3, con bandera de Panamá, atracó en Nampo en mayo de 2021."),
    ("ru", "Судно Hope 3 под флагом Панамы зашло в порт Нампхо в мае 2021 года."),
    ("ko", "파나마 국적 화물선 호프3호가 2021년 5월 남포항에 입항했다."),
    ("ja", "パナマ船籍の貨物船が2021年5月に南浦に入港した。"),
    ("zh", "悬挂巴拿马国旗的货船于2021年5月停靠南浦港。"),
])
def test_port_call_flag_named_after_its_cue(lang: str, text: str) -> None:
    out = _of(_wire(text, lang), "port_call")
    assert [(i["from"], i["to"]) for i in out] == [("PA", "KP")], out


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Three Russian cargo ships have taken cargo from Rajin since May."),
    ("en", "Two Russian cargo ships loaded containers at Rajin in March."),
])
def test_loading_at_a_dprk_port_is_a_port_call(lang: str, text: str) -> None:
    out = _of(_wire(text, lang), "port_call")
    assert [(i["from"], i["to"], i["unit"]) for i in out] == [("RU", "KP", "vessels")], out
    assert out[0]["quantity"] in (2, 3)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The ship called at Nampo three times in 2019 to deliver coal."),
    ("ko", "이 선박은 2019년 남포항에 세 차례 입항했다."),
])
def test_times_count_port_calls(lang: str, text: str) -> None:
    out = _wire(text, lang)
    assert [(i["type"], i["to"], i["quantity"], i["unit"]) for i in out] == [
        ("port_call", "KP", 3, "port calls")], out


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "North Korea loaded missiles onto trains at Rajin, officials said."),
    ("de", "In Rajin hat Nordkorea Züge mit Granaten beladen."),
])
def test_loading_without_a_ship_is_no_port_call(lang: str, text: str) -> None:
    assert not _of(_wire(text, lang), "port_call"), _wire(text, lang)


def test_port_call_at_a_dprk_port_and_a_foreign_port() -> None:
    out = _of(_wire("The freighter Sun 8 took on cargo at Nampo and later unloaded it at "
                    "Longkou, China.", "en"), "port_call")
    assert {i["to"] for i in out} == {"KP", "CN"}, out
    assert all(i["quantity"] is None for i in out), out  # "Sun 8" is a name


@pytest.mark.parametrize(("lang", "text", "port_country"), [
    ("en", "North Korean coal was shipped to Nakhodka in August 2017.", "RU"),
    ("fr", "Du charbon nord-coréen a été livré à Nakhodka en août 2017.", "RU"),
    ("ru", "Северокорейский уголь был доставлен в Находку в августе 2017 года.", "RU"),
    ("ko", "북한산 석탄이 2017년 8월 나홋카항으로 운송됐다.", "RU"),
    ("zh", "朝鲜煤炭于2017年8月被运往龙口港。", "CN"),
])
def test_cargo_brought_to_a_port(lang: str, text: str, port_country: str) -> None:
    out = _wire(text, lang)
    assert ("other_violation", "KP", port_country) in {(i["type"], i["from"], i["to"])
                                                       for i in out}, out
    calls = _of(out, "port_call")
    assert [(i["to"], i["item"]) for i in calls] == [(port_country, "coal")], out


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Seven ships carried North Korean coal and iron ore to China last year."),
    ("de", "Sieben Schiffe brachten nordkoreanische Kohle nach China."),
    ("fr", "Sept navires ont transporté du charbon nord-coréen vers la Chine."),
    ("ru", "Семь судов перевезли северокорейский уголь в Китай."),
    ("ko", "선박 7척이 북한산 석탄을 중국으로 운송했다."),
    ("zh", "7艘船只将朝鲜煤炭运往中国。"),
])
def test_coal_exports_by_ship_count_vessels(lang: str, text: str) -> None:
    out = _of(_wire(text, lang), "other_violation")
    assert [(i["from"], i["to"], i["quantity"], i["unit"]) for i in out] == [
        ("KP", "CN", 7, "vessels")], out


@pytest.mark.parametrize(("lang", "text", "tonnes"), [
    ("en", "The vessel unloaded 5,000 tons of North Korean coal at Longkou in October.", 5000),
    ("de", "Das Schiff hat 5.000 Tonnen nordkoreanische Kohle in Longkou entladen.", 5000),
    ("ko", "이 선박은 10월 룽커우항에서 북한산 석탄 5천 톤을 하역했다.", 5000),
])
def test_cargo_of_stated_origin_unloaded_at_a_port(lang: str, text: str, tonnes: int) -> None:
    out = _wire(text, lang)
    assert [(i["from"], i["to"], i["quantity"]) for i in _of(out, "other_violation")] == [
        ("KP", "CN", tonnes)], out
    assert [i["to"] for i in _of(out, "port_call")] == ["CN"], out


def test_foreign_cargo_unloaded_gives_nothing() -> None:
    assert not _wire("The vessel unloaded 5,000 tons of Australian coal at Longkou in "
                     "October.", "en")


def test_sanctioning_state_is_no_recipient_of_cargo_brought_to_a_port() -> None:
    out = _wire("The United States asked to sanction the owner of the ship Dong Hae 6 for "
                "North Korean coal brought to Kholmsk in May 2018.", "en")
    trade = _of(out, "other_violation")
    assert [(i["from"], i["to"], i["quantity"]) for i in trade] == [("KP", "RU", None)], out
    assert [(i["to"], i["when"]) for i in _of(out, "port_call")] == [("RU", "2018-05")]


def test_port_call_cargo_restated_is_no_second_claim() -> None:
    text = ("North Korean ships transferred coal to the Togo-flagged Star Sea. The Star Sea "
            "then carried the coal to Longkou, China, where it was unloaded.")
    out = _wire(text, "en")
    assert not [i for i in _of(out, "other_violation") if i["from"] is None], out
    assert [(i["from"], i["to"]) for i in _of(out, "port_call")] == [("TG", "CN")], out


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The Japanese-flagged car carrier Blue Ocean docked at Busan on Monday."),
    ("en", "A Chinese cargo ship arrived in Dalian with soybeans from Brazil."),
    ("de", "Ein norwegisches Kreuzfahrtschiff hat in Wladiwostok angelegt."),
    ("fr", "Un navire russe a accosté à Vladivostok avec des touristes."),
    ("ko", "부산항에 일본 국적 화물선이 입항했다."),
    ("zh", "一艘巴拿马籍货船昨天停靠大连港。"),
])
def test_lawful_port_visits_give_nothing(lang: str, text: str) -> None:
    assert not _wire(text, lang), _wire(text, lang)


def test_goods_loaded_at_a_dprk_port_go_from_the_dprk() -> None:
    # the DPRK named by the source phrase only (a source is no party since the roles round)
    out = _wire("Russian ships loaded weapons at Rajin in March, North Korea watchers said.",
                "en")
    assert {(i["type"], i["from"], i["to"]) for i in out} == {
        ("arms_transfer", "KP", "RU"), ("port_call", "RU", "KP")}, out


def test_a_dprk_port_alone_gives_ship_claims_only() -> None:
    out = _wire("Exports from Rajin were assumed to be weapons for the Russian army.", "en")
    assert not _of(out, "arms_transfer"), out


# --- ship-to-ship transfers --------------------------------------------------------------

@pytest.mark.parametrize(("lang", "text"), [
    ("ko", "금성호는 지난해 5월 북측 해상에서 파나마 국적 선박과 금지된 석탄을 옮겨 싣는 "
           "모습이 포착됐다."),
    ("ja", "北朝鮮の船舶が昨年5月、パナマ船籍の船と禁止された石炭を積み替えた。"),
    ("zh", "朝鲜船只去年5月与巴拿马籍船只进行了被禁止的煤炭船对船转运。"),
    ("en", "A North Korean ship transferred the banned coal to a Panama-flagged vessel in a "
           "ship-to-ship transfer."),
    ("ru", "Северокорейское судно в мае перегрузило запрещённый уголь на судно под флагом "
           "Панамы."),
    ("fr", "En mai, un navire nord-coréen a transbordé du charbon interdit sur un navire "
           "battant pavillon panaméen."),
    ("es", "En mayo, un buque norcoreano transbordó carbón prohibido a un buque con bandera "
           "de Panamá."),
])
def test_adjectival_ban_is_no_rule(lang: str, text: str) -> None:
    out = _of(_wire(text, lang), "ship_to_ship_transfer")
    assert [(i["from"], i["to"], i["item"]) for i in out] == [("KP", "PA", "coal")], out


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The UN banned ship-to-ship transfers of coal with North Korea in 2017."),
    ("ko", "유엔은 북한과의 선박 간 석탄 환적을 금지했다."),
    ("ja", "国連は北朝鮮との石炭の積み替えを禁止した。"),
    ("ru", "ООН запретила перегрузку угля с северокорейских судов."),
    ("fr", "L'ONU a interdit les transbordements de charbon nord-coréen."),
])
def test_ban_as_a_rule_still_gives_nothing(lang: str, text: str) -> None:
    assert not _wire(text, lang), _wire(text, lang)


def test_sts_clauses_with_their_own_dates() -> None:
    text = ("입력 : 2020-10-05\n파나마 선박 해성호는 지난 3월 북한 선박 금별호에 유류를 "
            "선박 대 선박 방식으로 옮겨 실었고, 지난 5월에는 북한 선박 은하호와도 불법 "
            "환적을 했다.")
    out = _of(_wire(text, "ko"), "ship_to_ship_transfer")
    assert sorted((i["from"], i["to"], i["when"]) for i in out) == [
        ("PA", "KP", "2020-03"), ("PA", "KP", "2020-05")], out
    assert all(i["item"] == "oil" for i in out), out


def test_sts_one_date_stays_one_claim() -> None:
    out = _of(_wire("In May 2019 the tanker received oil from a Panamanian ship in a "
                    "ship-to-ship transfer, and it then delivered it to North Korea in another "
                    "ship-to-ship transfer.", "en"), "ship_to_ship_transfer")
    assert len(out) == 1, out


def test_flag_only_sentence_keeps_the_dprk_context() -> None:
    text = ("该油轮后来成为朝鲜船只。去年8月,该油轮三次通过船对船转运方式从帕劳籍油轮上接收油类。")
    out = _of(_wire(text, "zh"), "ship_to_ship_transfer")
    assert [(i["from"], i["to"], i["quantity"], i["unit"]) for i in out] == [
        ("PW", "KP", 3, "transfers")], out


def test_other_country_still_ends_the_dprk_context() -> None:
    text = ("该油轮后来成为朝鲜船只。去年8月,一艘伊朗油轮在马来西亚附近"
            "通过船对船转运方式接收油类。")
    assert not _of(_wire(text, "zh"), "ship_to_ship_transfer"), _wire(text, "zh")


# --- ships named once with their flag, trading with each other later ----------------------

@pytest.mark.parametrize(("lang", "text", "stance"), [
    ("en", "The North Korean tanker Chon Ma San and the Maldives-flagged tanker Xin Yuan 18 "
           "were sanctioned. In May, Chon Ma San traded oil with Xin Yuan 18 off Shanghai.",
     "asserted"),
    ("ko", "북한 유조선 ‘금별호’와 파나마 선박 ‘해성’(Hae Song)이 제재 대상에 올랐다. 금별호는 "
           "지난 3월 해성과 유류를 거래한 혐의를 받는다.", "alleged"),
    ("ko", "제재 대상은 ‘해성’(Hae Song), ‘달빛’(Dal Bit) 등 파나마 선박 두 척과 북한 유조선 "
           "‘금별호’다. 금별호는 지난 3월 달빛과 불법으로 유류를 거래했다.", "asserted"),
    ("zh", "朝鲜油轮“金星号”和巴拿马籍油轮“海星号”被列入制裁名单。据称,金星号今年3月与海星号"
           "进行了石油交易。", "alleged"),
    ("de", "Der nordkoreanische Tanker Kum Byol und der panamaische Tanker Hae Song wurden "
           "sanktioniert. Im März hat Kum Byol mit Hae Song Öl gehandelt.", "asserted"),
])
def test_trade_between_ships_named_earlier_is_sts(lang: str, text: str, stance: str) -> None:
    out = _wire(text, lang)
    sts = _of(out, "ship_to_ship_transfer")
    expected_from = "MV" if lang == "en" else "PA"
    assert [(i["from"], i["to"], i["item"], i["stance"]) for i in sts] == [
        (expected_from, "KP", "oil", stance)], out
    assert not _of(out, "petroleum_transfer"), out


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The Greek tanker Aurora and the Maltese tanker Bella were inspected. In May, "
           "Aurora traded oil with Bella off Malta."),
    ("ko", "제재 대상은 그리스 선박 ‘해성’과 몰타 선박 ‘달빛’이다. 해성은 지난 3월 달빛과 유류를 "
           "거래했다."),
])
def test_trade_between_foreign_ships_gives_nothing(lang: str, text: str) -> None:
    assert not _wire(text, lang), _wire(text, lang)


def test_trade_between_states_is_no_sts() -> None:
    out = _wire("The North Korean tanker Chon Ma San was sanctioned. In May, North Korea "
                "traded coal with China.", "en")
    assert not _of(out, "ship_to_ship_transfer"), out


def test_hedge_on_the_cargo_keeps_the_transfer_asserted() -> None:
    text = ("파나마 선박 해성호는 지난 3월 북한 선박 금별호에 기름으로 보이는 물품을 "
            "선박 대 선박 방식으로 옮겨 실었다.")
    out = _of(_wire(text, "ko"), "ship_to_ship_transfer")
    assert [(i["from"], i["to"], i["item"], i["stance"]) for i in out] == [
        ("PA", "KP", "oil (suspected)", "asserted")], out


@pytest.mark.parametrize(("lang", "text"), [
    ("ko", "파나마 선박이 북한 선박에 유류를 선박 대 선박 방식으로 옮겨 실은 것으로 보인다."),
    ("en", "A Panama-flagged tanker allegedly transferred oil to a North Korean vessel in a "
           "ship-to-ship transfer."),
])
def test_hedge_on_the_transfer_stays_alleged(lang: str, text: str) -> None:
    out = _of(_wire(text, lang), "ship_to_ship_transfer")
    assert [i["stance"] for i in out] == ["alleged"], out
