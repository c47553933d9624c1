"""General round of extraction rules, each on invented sentences (positive in several
languages, and negatives that must give nothing): technical assistance to weapons
programmes, cooperation in a weapons field and its denial; generic trade statements
(relationship nouns, "tied to", countering policy, restated headlines); an umbrella word
with its own predicate; transit countries; luxury goods; intention verbs; personnel words
that are no items."""

from __future__ import annotations

import re

import pytest

from sanctionwatch.extract import assistance, extract_text, generic_claims


def _wire(text: str, lang: str) -> list[dict[str, object]]:
    return [i.wire() for i in extract_text(text, language=lang).incidents]


def _triples(out: list[dict[str, object]]) -> set[tuple[object, object, object, object]]:
    return {(i["type"], i["from"], i["to"], i["stance"]) for i in out}


# --- technical assistance: help with a weapons programme or weapon development ---------

@pytest.mark.parametrize(("lang", "text", "helper", "beneficiary"), [
    ("en", "Russian engineers assisted North Korea's ballistic missile program last year.",
     "RU", "KP"),
    ("en", "North Korea provided support to Syria's chemical weapons programme, the panel "
           "said.", "KP", "SY"),
    ("de", "Russische Ingenieure unterstützten das nordkoreanische Raketenprogramm.",
     "RU", "KP"),
    ("es", "Rusia ayudó a Corea del Norte con su programa de misiles balísticos.", "RU", "KP"),
    ("ru", "Российские специалисты помогали КНДР в разработке баллистических ракет.",
     "RU", "KP"),
    ("ko", "러시아 기술자들이 북한의 미사일 개발을 지원했다.", "RU", "KP"),
    ("ja", "ロシアの技術者が北朝鮮のミサイル開発を支援した。", "RU", "KP"),
    ("zh", "俄罗斯技术人员协助朝鲜研发弹道导弹。", "RU", "KP"),
])
def test_help_with_a_weapons_programme_is_assistance(lang: str, text: str, helper: str,
                                                     beneficiary: str) -> None:
    out = _wire(text, lang)
    assert ("technical_assistance", helper, beneficiary, "asserted") in _triples(out), out
    # the personnel word (기술자, 技术人员) is no "technology" item going the other way
    assert all((i["from"], i["to"]) == (helper, beneficiary) for i in out), out


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Russian specialists analysed the data from North Korea's failed satellite "
           "launch."),
    ("de", "Russland half Nordkorea beim Satellitenprogramm."),
    ("fr", "La Russie a aidé la Corée du Nord à développer son programme de satellites."),
    ("fr", "Des ingénieurs russes ont analysé les données du lanceur nord-coréen."),
    ("ko", "러시아가 북한의 정찰위성 발사를 도왔다."),
])
def test_satellite_help_goes_to_the_owner_of_the_launch(lang: str, text: str) -> None:
    out = _wire(text, lang)
    assert _triples(out) == {("technical_assistance", "RU", "KP", "asserted")}, out


@pytest.mark.parametrize(("lang", "text", "partner"), [
    ("en", "The report describes ballistic missile cooperation between Iran and North "
           "Korea.", "IR"),
    ("de", "Nordkorea hat mit Syrien bei Chemiewaffen zusammengearbeitet.", "SY"),
    ("fr", "La Corée du Nord a coopéré avec la Syrie dans le domaine des missiles "
           "balistiques.", "SY"),
    ("es", "Corea del Norte cooperó con Irán en el desarrollo de misiles balísticos.", "IR"),
    ("ru", "КНДР сотрудничала с Ираном в ракетной области.", "IR"),
    ("ko", "북한은 이란과 미사일 분야에서 협력해 왔다.", "IR"),
    ("ja", "北朝鮮はイランとミサイル開発で協力した。", "IR"),
    ("zh", "朝鲜与叙利亚在化学武器方面进行合作。", "SY"),
])
def test_cooperation_in_a_weapons_field(lang: str, text: str, partner: str) -> None:
    # symmetric "cooperation between/with": the DPRK helps a partner that is not one of
    # its own suppliers (Russia, China)
    out = _wire(text, lang)
    assert _triples(out) == {("technical_assistance", "KP", partner, "asserted")}, out


def test_cooperation_with_a_supplier_goes_to_the_dprk() -> None:
    out = _wire("Analysts documented space cooperation between Russia and North Korea.", "en")
    assert _triples(out) == {("technical_assistance", "RU", "KP", "asserted")}, out


def test_cooperation_hedged_and_programme_owner() -> None:
    text = ("The panel is investigating reported chemical and missile cooperation between "
            "Iran and the DPRK, including work on Iranian missile programs.")
    out = _wire(text, "en")
    assert _triples(out) == {("technical_assistance", "KP", "IR", "alleged")}, out
    items = {i["item"] for i in out}
    assert any("programme" in str(x) for x in items) and any("chemical" in str(x)
                                                             for x in items), items


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The Kremlin denied any military cooperation with North Korea."),
    ("de", "Moskau bestritt jede militärische Zusammenarbeit mit Nordkorea."),
    ("fr", "Moscou a démenti toute coopération militaire avec Pyongyang."),
    ("es", "Moscú negó cualquier cooperación militar con Corea del Norte."),
    ("ru", "МИД России отверг обвинения в военном сотрудничестве с КНДР."),
    ("ko", "러시아는 북한과의 군사협력을 부인했다."),
    ("ja", "ロシア外務省は北朝鮮との軍事協力を否定した。"),
    ("zh", "俄罗斯外交部否认与朝鲜进行军事合作。"),
])
def test_denied_military_cooperation(lang: str, text: str) -> None:
    out = _wire(text, lang)
    assert _triples(out) == {("technical_assistance", "RU", "KP", "denied")}, out


def test_denial_of_cooperation_after_a_claim() -> None:
    text = ("Russian engineers helped North Korea's missile programme, officials said. "
            "Moscow denied any military cooperation with Pyongyang.")
    out = _triples(_wire(text, "en"))
    assert out == {("technical_assistance", "RU", "KP", "asserted"),
                   ("technical_assistance", "RU", "KP", "denied")}, out


def test_denial_far_from_any_claim_takes_the_earlier_direction() -> None:
    text = ("North Korean engineers helped Russia's missile programme, officials said. "
            "The talks ended. The delegation left. The weather was fine. It rained later. "
            "Moscow denied any military cooperation with Pyongyang.")
    out = _triples(_wire(text, "en"))
    assert ("technical_assistance", "KP", "RU", "denied") in out, out
    assert ("technical_assistance", "RU", "KP", "denied") not in out, out


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The UN resolutions prohibit North Korea from cooperation in the nuclear and "
           "space fields."),
    ("de", "Die UN-Resolutionen verbieten Nordkorea jede Zusammenarbeit im Raketenbereich."),
    ("en", "Russia and North Korea signed an agreement to expand military and space "
           "cooperation."),
    ("en", "Russia and North Korea discussed military cooperation."),
    ("en", "North Korea will seek missile cooperation with Iran."),
    ("ko", "러시아와 북한은 군사협력 강화에 합의했다."),
    ("zh", "俄罗斯和朝鲜同意加强军事合作。"),
    ("fr", "La Russie et la Corée du Nord ont signé un accord de coopération spatiale."),
    # one party only: funding is no technical help
    ("en", "The loot helps fund North Korea's nuclear programme."),
    ("en", "North Korea rejected criticism of the food aid it receives from Russia."),
    # generic military cooperation names no field
    ("en", "Russia and North Korea have deepened their military cooperation."),
    ("en", "North Korea cooperated with Iran on tourism."),
    # stepping up a relationship is no concrete help
    ("en", "North Korea and Russia have stepped up military and space cooperation, officials "
           "said."),
    ("de", "Russland und Nordkorea wollen ihre Zusammenarbeit im Weltraum intensivieren."),
    ("ja", "ロシアと北朝鮮は宇宙分野での協力を深化させている。"),
    # talks about cooperation
    ("ko", "북한과 러시아는 우주 분야 협력을 논의했다."),
    ("ja", "北朝鮮とロシアは宇宙分野での協力について協議した。"),
    # help that is denied by the text itself
    ("es", "Corea del Norte asegura que su programa de misiles no recibe ayuda de Rusia."),
    ("ru", "КНДР заявила, что развивает ракетную программу без помощи России."),
    ("en", "North Korea says its missile programme does not rely on help from Russia."),
])
def test_no_assistance_from_rules_plans_talks_or_generic_cooperation(lang: str,
                                                                     text: str) -> None:
    assert _wire(text, lang) == []


# --- generic statements are no transfer events -----------------------------------------

@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The North Korean firm has been tied to exporting rifles to Sudan."),
    ("en", "The North Korean company has long been linked to the sale of weapons to Sudan."),
    ("fr", "La société nord-coréenne est liée à l'exportation d'armes vers le Soudan."),
    ("es", "La empresa norcoreana ha sido vinculada a la exportación de armas a Sudán."),
    ("ru", "Северокорейскую компанию связывают с поставками оружия в Судан."),
])
def test_association_with_a_trade_is_no_event(lang: str, text: str) -> None:
    assert _wire(text, lang) == []


def test_plain_export_is_still_an_event() -> None:
    out = _wire("The North Korean firm exported rifles to Sudan.", "en")
    assert _triples(out) == {("arms_transfer", "KP", "SD", "asserted")}, out
    # a country linked to a party is no characterisation of the trade
    out = _wire("A ship linked to North Korea delivered rifles to Sudan.", "en")
    assert ("arms_transfer", "KP", "SD", "asserted") in _triples(out), out


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Analysts follow the arms trade between Russia and North Korea."),
    ("ru", "Аналитики следят за торговлей оружием между Россией и КНДР."),
])
def test_trade_between_two_parties_has_no_direction(lang: str, text: str) -> None:
    assert _wire(text, lang) == []


def test_trade_with_a_verb_keeps_its_direction() -> None:
    out = _wire("North Korea is trading arms with Russia.", "en")
    assert ("arms_transfer", "KP", "RU", "asserted") in _triples(out), out


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The agency will continue to combat North Korea's cryptocurrency theft."),
    ("en", "New rules aim at countering North Korea's use of crypto hacks to fund weapons."),
    ("de", "Die Behörde will den Diebstahl von Kryptowährungen durch Nordkorea bekämpfen."),
    ("fr", "Paris veut lutter contre le vol de cryptomonnaies par la Corée du Nord."),
    ("es", "Washington quiere combatir el robo de criptomonedas por parte de Corea del "
           "Norte."),
    ("ru", "Власти намерены бороться с кражами криптовалюты Северной Кореей."),
    ("ko", "정부는 북한의 가상화폐 탈취에 대응하기 위해 협의체를 만들었다."),
    ("ja", "政府は北朝鮮による暗号資産窃取への対策を強化した。"),
    ("zh", "美国将继续打击朝鲜窃取加密货币的行为。"),
])
def test_countering_policy_is_no_theft(lang: str, text: str) -> None:
    assert _wire(text, lang) == []


def test_countering_word_in_another_clause_keeps_the_claim() -> None:
    text = ("Officials struggle to counter sanctions evasion as North Korean hackers stole "
            "$5 million from a Japanese exchange.")
    out = _wire(text, "en")
    assert ("cyber_theft", "JP", "KP", "asserted") in _triples(out), out


def test_restated_headline_gives_way_to_the_body() -> None:
    text = ("North Korea sends more weapons to Russia\n\n"
            "North Korea has shipped 2,000 containers of artillery shells to Russia, "
            "officials said.")
    out = _wire(text, "en")
    assert {i["item"] for i in out} == {"artillery shells"}, out
    lone = _wire("North Korea sends weapons to Russia\n\nThe talks ended on Friday.", "en")
    assert [(i["item"], i["from"], i["to"]) for i in lone] == [("weapons", "KP", "RU")]


def test_headline_lines_are_found_before_running_text() -> None:
    text = "Menu\nNorth Korea sends arms to Russia\n\nThe first sentence runs on here. More."
    from sanctionwatch.extract.sentences import split_sentences
    sentences = split_sentences(text)
    heads = generic_claims.headline_indices(text, sentences)
    assert {sentences[i].text.strip() for i in heads} == {"Menu",
                                                          "North Korea sends arms to Russia"}


# --- an umbrella word with its own predicate -------------------------------------------

@pytest.mark.parametrize(("lang", "text", "stance"), [
    ("en", "Russia has used North Korean ballistic missiles and also imported munitions "
           "from the North.", "asserted"),
    ("de", "Russland hat nordkoreanische ballistische Raketen eingesetzt und außerdem "
           "Munition aus Nordkorea importiert.", "asserted"),
    ("fr", "La Russie a utilisé des missiles balistiques nord-coréens et a aussi importé "
           "des munitions de Corée du Nord.", "asserted"),
    ("es", "Rusia habría utilizado misiles balísticos norcoreanos, además de importar "
           "municiones de ese país.", "alleged"),
    ("ru", "Россия использовала северокорейские баллистические ракеты, а также закупила у "
           "КНДР боеприпасы.", "asserted"),
])
def test_umbrella_with_own_predicate_is_its_own_claim(lang: str, text: str,
                                                      stance: str) -> None:
    out = _wire(text, lang)
    assert {(i["item"], i["from"], i["to"], i["stance"]) for i in out} == {
        ("ballistic missiles", "KP", "RU", stance), ("munitions", "KP", "RU", stance)}, out


def test_umbrella_under_the_same_predicate_still_gives_way() -> None:
    out = _wire("North Korea supplied weapons to several countries, including air defence "
                "systems to Iran.", "en")
    assert [i["item"] for i in out] == ["air defense systems"], out
    # ammunition beside missiles is another item, not their umbrella (recall round)
    out = _wire("Pyongyang sold Russia 100 ballistic missiles and munitions.", "en")
    assert {i["item"] for i in out} == {"ballistic missiles", "munitions"}, out


# --- transit countries and luxury goods ------------------------------------------------

@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Two luxury cars were shipped to North Korea via China."),
    ("de", "Luxusautos wurden über China nach Nordkorea geschmuggelt."),
    ("fr", "Des voitures de luxe ont été livrées à la Corée du Nord via la Chine."),
    ("es", "Autos de lujo fueron enviados a Corea del Norte a través de China."),
    ("ru", "Автомобили класса люкс были доставлены в КНДР через Китай."),
    ("ko", "고급 승용차 2대가 중국을 거쳐 북한에 반입됐다."),
    ("ja", "高級車2台が中国経由で北朝鮮に運ばれた。"),
    ("zh", "两辆豪华轿车经中国运往朝鲜。"),
])
def test_luxury_goods_via_a_third_country(lang: str, text: str) -> None:
    out = _wire(text, lang)
    assert [(i["type"], i["from"], i["to"], i["item"]) for i in out] == [
        ("other_violation", None, "KP", "luxury goods")], out


def test_luxury_origin_is_kept_and_transit_dropped() -> None:
    out = _wire("Japanese whisky was smuggled into North Korea via Dalian, China.", "en")
    assert _triples(out) == {("other_violation", "JP", "KP", "asserted")}, out
    # "über" about something is no transit
    out = _wire("Nordkorea hat über 200 Luxusautos aus China erhalten.", "de")
    assert ("other_violation", "CN", "KP", "asserted") in _triples(out), out


def test_transit_words_need_the_name_right_after() -> None:
    out = _wire("North Korea shipped coal to China via a Togolese-flagged ship.", "en")
    assert ("other_violation", "KP", "CN", "asserted") in _triples(out), out


# --- intention verbs are plans ---------------------------------------------------------

@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Russia was looking to get North Korean weapons."),
    ("de", "Russland versuchte, nordkoreanische Waffen zu kaufen."),
    ("fr", "La Russie cherchait à acheter des armes nord-coréennes."),
    ("ru", "Россия пыталась закупить оружие у КНДР."),
    ("zh", "俄罗斯试图从朝鲜购买武器。"),
])
def test_attempts_and_intentions_are_no_events(lang: str, text: str) -> None:
    assert _wire(text, lang) == []


def test_got_is_a_receive_verb() -> None:
    out = _wire("Russia got 300 rockets from North Korea in March.", "en")
    assert ("arms_transfer", "KP", "RU", "asserted") in _triples(out), out


# --- guarded patterns match what their plain forms match --------------------------------

@pytest.mark.parametrize("pat", [assistance._MODAL, assistance._NEG_BEFORE])
def test_guards_list_the_first_characters(pat: re.Pattern[str]) -> None:
    m = re.fullmatch(r"\(\?=\[([^\]]+)\]\)\(\?:(.*)\)", pat.pattern, re.S)
    assert m is not None
    plain = re.compile(m.group(2), pat.flags)
    words = ["will", "would", "shall", "wird", "werden", "würde", "va", "vont", "van a",
             "будет", "будут", "WILL", "swill", "avant", "no", "not", "never", "without",
             "ohne", "keine", "nicht", "pas", "sans", "sin", "никогда", "без", "не", "NOT",
             "snot"]
    found = 0
    for w in words:  # one word at a time: _NEG_BEFORE is anchored at the end
        text = f"Moscow says {w} help"[:-5]
        got = [x.span() for x in pat.finditer(text)]
        assert got == [x.span() for x in plain.finditer(text)], w
        found += bool(got)
    assert found >= 8


# --- Korean and Chinese verb forms, hedges and compounds --------------------------------

@pytest.mark.parametrize(("lang", "text", "expected"), [
    # adnominal/past forms of "send", "hand over", "move" (보낸, 넘겼다, 옮겼다)
    ("ko", "북한이 러시아에 포탄 100만 발 이상을 보낸 것으로 파악됐다.",
     ("arms_transfer", "KP", "RU", "asserted")),
    ("ko", "북한이 러시아에 자주포와 방사포를 넘겼다.", ("arms_transfer", "KP", "RU", "asserted")),
    ("ko", "북한은 무기를 러시아로 옮겼다.", ("arms_transfer", "KP", "RU", "asserted")),
    ("ko", "북한 해커들이 일본 거래소에서 3억 달러를 훔쳤다.",
     ("cyber_theft", "JP", "KP", "asserted")),
    ("ko", "러시아는 북한의 미사일 정확도 향상을 도왔다.",
     ("technical_assistance", "RU", "KP", "asserted")),
    # 把/将 … 运到 ("moved … to")
    ("zh", "朝鲜把大批炮弹运到了俄罗斯。", ("arms_transfer", "KP", "RU", "asserted")),
    ("zh", "朝鲜将火箭弹交给了俄罗斯军队。", ("arms_transfer", "KP", "RU", "asserted")),
    # 据报道 / 有报道称 = reportedly
    ("zh", "据报道，朝鲜向叙利亚出售了步枪。", ("arms_transfer", "KP", "SY", "alleged")),
    ("zh", "有报道称，朝鲜向伊朗出口了弹药。", ("arms_transfer", "KP", "IR", "alleged")),
    ("zh", "俄罗斯帮助朝鲜提高了导弹的精度。", ("technical_assistance", "RU", "KP", "asserted")),
])
def test_korean_and_chinese_recall(lang: str, text: str,
                                   expected: tuple[str, str, str, str]) -> None:
    out = _wire(text, lang)
    assert expected in _triples(out), out


@pytest.mark.parametrize(("lang", "text"), [
    ("zh", "有报道称，朝鲜向叙利亚出售了便携式防空导弹。"),
    ("ko", "북한은 시리아에 휴대용 방공미사일을 판매했다."),
])
def test_manpads_compound_is_one_item(lang: str, text: str) -> None:
    out = _wire(text, lang)
    assert [i["item"] for i in out] == ["man-portable air defense systems"], out


@pytest.mark.parametrize(("lang", "text"), [
    ("zh", "俄罗斯向朝鲜转让了防空导弹技术。"),
    ("ko", "러시아가 북한에 미사일 기술을 이전했다."),
])
def test_weapon_word_before_technology_is_no_weapon(lang: str, text: str) -> None:
    out = _wire(text, lang)
    assert _triples(out) == {("technical_assistance", "RU", "KP", "asserted")}, out


@pytest.mark.parametrize(("lang", "text"), [
    ("ko", "북한이 러시아에 포탄을 보낼 계획이다."),
    ("zh", "朝鲜计划把炮弹运到俄罗斯。"),
])
def test_korean_and_chinese_plans_stay_out(lang: str, text: str) -> None:
    assert [i for i in _wire(text, lang) if i["stance"] != "denied"] == []


# --- the victim of a theft from a neighbouring sentence ---------------------------------

@pytest.mark.parametrize(("lang", "text", "victim"), [
    ("en", "North Korean hackers stole $40 million from Upbit. The South Korean exchange "
           "said it would cover the losses.", "KR"),
    ("de", "Nordkoreanische Hacker haben 30 Millionen Dollar von Coincheck gestohlen. Die "
           "japanische Börse hat den Handel ausgesetzt.", "JP"),
    ("fr", "Des pirates nord-coréens ont volé 20 millions de dollars à Bithumb. La "
           "plateforme sud-coréenne a suspendu les retraits.", "KR"),
    ("ru", "Северокорейские хакеры похитили 30 млн долларов у Bithumb. Южнокорейская биржа "
           "приостановила вывод средств.", "KR"),
    ("ko", "북한 해커들이 업비트에서 가상화폐를 탈취했다. 한국 거래소 측은 피해를 보상하겠다고 "
           "밝혔다.", "KR"),
    ("ja", "北朝鮮のハッカーがDMMビットコインから暗号資産を盗んだ。日本の取引所は顧客に補償すると"
           "発表した。", "JP"),
    ("zh", "朝鲜黑客从Bithumb窃取了3000万美元。这家韩国交易所已暂停提款。", "KR"),
    ("de", "Nordkoreanische Hacker haben 100 Millionen Dollar von Nutzern der Zeta Wallet "
           "gestohlen. Die Firma Omega analysierte den Fall. Zeta Wallet antwortete nicht. Das "
           "Unternehmen, das nach eigenen Angaben in Estland ansässig ist, hat Anzeige "
           "erstattet.", "EE"),
])
def test_victim_from_the_venue_in_a_neighbouring_sentence(lang: str, text: str,
                                                          victim: str) -> None:
    out = [i for i in _wire(text, lang) if i["type"] == "cyber_theft"]
    assert [i["from"] for i in out] == [victim], out


@pytest.mark.parametrize("text", [
    # an analyst firm is no venue
    "North Korean hackers stole $40 million from Upbit. The US firm Chainalysis said the "
    "funds were laundered.",
    # two nationalities: no single victim
    "North Korean hackers stole $40 million from Upbit. Japanese and South Korean "
    "exchanges froze some of the funds.",
    # "the company" far away, and the sentence before it names another firm
    "North Korean hackers stole $40 million from users of Zeta Wallet. Omega traced the "
    "funds. "
    "Kappa declined to comment. The company, based in Estonia, said nothing.",
])
def test_no_victim_without_a_clear_venue(text: str) -> None:
    out = [i for i in _wire(text, "en") if i["type"] == "cyber_theft"]
    assert [i["from"] for i in out] == [None], out


def test_a_dated_theft_is_no_restatement_of_a_named_one() -> None:
    text = ("North Korean hackers stole $40 million from a Japanese exchange last week. "
            "The UN said North Korea stole more cryptocurrency in 2022 than in any other "
            "year.")
    out = [(i["from"], i["when"]) for i in _wire(text, "en") if i["type"] == "cyber_theft"]
    assert ("JP", None) in out and (None, "2022") in out, out


# --- banned goods whose destination the next sentence gives ------------------------------

@pytest.mark.parametrize(("lang", "text", "origin", "stance"), [
    ("en", "Two armoured limousines were shipped from the Dutch port of Rotterdam in June. "
           "After stops in China and Russia, the cars are believed to have reached their "
           "final destination, Pyongyang.", "NL", "alleged"),
    ("de", "Zwei Luxuslimousinen wurden im Juni aus Italien verschifft. Nach Zwischenstopps "
           "in China landeten sie schließlich in Nordkorea.", "IT", "asserted"),
    ("fr", "Des voitures de luxe ont été expédiées depuis l'Allemagne. Leur destination "
           "finale serait la Corée du Nord.", "DE", "alleged"),
    ("es", "Dos autos de lujo fueron enviados desde Italia. Su destino final fue Corea del "
           "Norte.", "IT", "asserted"),
    ("ru", "Два лимузина были отправлены из Италии. Конечным пунктом назначения стала КНДР.",
     "IT", "asserted"),
])
def test_luxury_goods_with_the_destination_in_the_next_sentence(lang: str, text: str,
                                                                origin: str,
                                                                stance: str) -> None:
    out = _wire(text, lang)
    assert _triples(out) == {("other_violation", origin, "KP", stance)}, out


@pytest.mark.parametrize("text", [
    # the DPRK is named, but not as the destination
    "Two luxury cars were shipped from Italy to Dubai. North Korea tested a missile the "
    "next day.",
    # the next sentence states a claim of its own about other goods
    "Two luxury cars were shipped from Italy. North Korea sent 500 rifles to Sudan.",
    # goods that are not banned as such (arms need the DPRK in their own sentence)
    "Two trucks were shipped from Italy. Their final destination was North Korea.",
])
def test_no_destination_claim_without_a_destination(text: str) -> None:
    out = [i for i in _wire(text, "en") if i["type"] == "other_violation"]
    assert out == [], out


# --- a narrow umbrella word summarises specific items named elsewhere ---------------------

@pytest.mark.parametrize(("lang", "text", "items"), [
    ("en", "North Korea allegedly supplied air defence systems to Uganda. Uganda allegedly "
           "received radar and surface-to-air missiles from North Korea.",
     {"radar", "air defense missiles"}),
    ("de", "Nordkorea hat Artillerie an Russland geliefert. Darunter waren nach Angaben "
           "Seouls 40 Panzerhaubitzen, die Nordkorea an Russland lieferte.",
     {"170mm self-propelled guns (Koksan)"}),
    ("fr", "La Corée du Nord a livré des munitions à la Russie. Pyongyang a livré des obus "
           "à la Russie en mars.", {"artillery shells"}),
])
def test_narrow_umbrella_gives_way_to_items_named_elsewhere(lang: str, text: str,
                                                            items: set[str]) -> None:
    out = _wire(text, lang)
    assert {i["item"] for i in out} == items, out


@pytest.mark.parametrize(("text", "items"), [
    # "weapons" is broad: it stays next to the specific items
    ("North Korea sold weapons to Russia. North Korea sold ballistic missiles to Russia.",
     {"weapons", "ballistic missiles"}),
    # munitions do not cover missiles
    ("North Korea delivered munitions to Russia. North Korea delivered ballistic missiles "
     "to Russia.", {"munitions", "ballistic missiles"}),
    # another stance is another claim
    ("North Korea reportedly supplied air defence systems to Uganda. North Korea supplied "
     "radar to Uganda.", {"air defense systems", "radar"}),
])
def test_broad_or_other_umbrellas_stay(text: str, items: set[str]) -> None:
    out = _wire(text, "en")
    assert {i["item"] for i in out} == items, out


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Seoul accused Pyongyang of helping Moscow with missile technology."),
    ("de", "Seoul beschuldigt Pjöngjang, Moskau mit Militärtechnologie geholfen zu haben."),
    ("de", "Seoul beschuldigt Pjöngjang, Moskau bei der Militärtechnologie zu helfen."),
    ("fr", "Séoul accuse Pyongyang d'avoir aidé la Russie avec des technologies militaires."),
    ("es", "Seúl acusa a Pyongyang de ayudar a Rusia con tecnología militar."),
])
def test_the_object_of_the_help_verb_is_the_beneficiary(lang: str, text: str) -> None:
    out = _wire(text, lang)
    assert _triples(out) == {("technical_assistance", "KP", "RU", "alleged")}, out


@pytest.mark.parametrize("text", [
    "Russia's cooperation with North Korea on space was discussed at the summit.",
    "Russia supplied North Korea with oil, which helps its missile programme.",
    "Japan and the United States cooperate closely on missile defence against North Korea.",
    "Experts helped the UN track North Korea's ballistic missile program.",
])
def test_no_assistance_claim_in_talks_or_without_two_parties(text: str) -> None:
    assert not [i for i in _wire(text, "en") if i["type"] == "technical_assistance"]


# --- "X accuses Y of …": the accused is the agent, the accuser no party ------------------

@pytest.mark.parametrize(("lang", "text", "recipient"), [
    ("en", "Washington accuses Pyongyang of selling missiles to Iran.", "IR"),
    ("fr", "Séoul accuse Pyongyang d'avoir livré des obus à la Russie.", "RU"),
    ("es", "Washington acusa a Pyongyang de vender misiles a Irán.", "IR"),
    ("ru", "Вашингтон обвиняет КНДР в поставках снарядов России.", "RU"),
    ("de", "Seoul beschuldigt Pjöngjang, Granaten an Russland geliefert zu haben.", "RU"),
])
def test_accused_is_the_agent(lang: str, text: str, recipient: str) -> None:
    out = _wire(text, lang)
    assert _triples(out) == {("arms_transfer", "KP", recipient, "alleged")}, out


def test_accused_buyer_stays_the_recipient() -> None:
    out = _wire("The U.S. accused Russia of buying North Korean shells.", "en")
    assert _triples(out) == {("arms_transfer", "KP", "RU", "alleged")}, out


# --- loaded rail cars and trains ----------------------------------------------------------

@pytest.mark.parametrize(("lang", "text", "stance"), [
    ("en", "Trains carrying munitions crossed from North Korea into Russia, officials "
           "believe.", "alleged"),
    ("de", "Nordkorea verlud Container mit Munition auf Güterwagen nach Russland.",
     "asserted"),
    ("fr", "Des wagons chargés de munitions ont quitté la Corée du Nord pour la Russie.",
     "asserted"),
    ("es", "Vagones cargados de municiones salieron de Corea del Norte hacia Rusia.",
     "asserted"),
    ("ja", "弾薬を積んだ貨車が北朝鮮からロシアへ向かった。", "asserted"),
    ("zh", "满载弹药的火车从朝鲜驶往俄罗斯。", "asserted"),
])
def test_loaded_rail_cars_are_a_shipment(lang: str, text: str, stance: str) -> None:
    out = _wire(text, lang)
    assert _triples(out) == {("arms_transfer", "KP", "RU", stance)}, out


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Le chargé d'affaires nord-coréen a rencontré des diplomates russes."),
    ("zh", "朝鲜的火车从平壤驶往莫斯科，载有游客。"),
])
def test_loading_words_without_goods_give_nothing(lang: str, text: str) -> None:
    assert _wire(text, lang) == []
