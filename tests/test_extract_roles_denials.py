"""Roles and denials round, each rule on invented sentences (positive and negative):
sources of a claim are no party, armed forces as recipients, agents named by demonyms,
"supplied X with Y", denials carrying their own item and direction, calibres are no
quantities, satellite imagery is no assistance, hand-over / receive / export verbs."""

from __future__ import annotations

import pytest

from sanctionwatch.extract import extract_text
from sanctionwatch.extract.quantities import find_quantities


def _wire(text: str, lang: str) -> list[dict[str, object]]:
    return [i.wire() for i in extract_text(text, language=lang).incidents]


def _pairs(incidents: list[dict[str, object]]) -> set[tuple[object, object, object]]:
    return {(i["type"], i["from"], i["to"]) for i in incidents}


def _parties(incidents: list[dict[str, object]]) -> set[object]:
    return {i["from"] for i in incidents} | {i["to"] for i in incidents}


# 1. the source of a claim is never a party -------------------------------------------

@pytest.mark.parametrize(("lang", "text", "source"), [
    ("en", "North Korea shipped rocket launchers to Russia in May, Ukrainian military "
           "intelligence said on Tuesday.", "UA"),
    ("en", "Pyongyang has sent artillery shells to Moscow, Kyiv said.", "UA"),
    ("en", "Seoul said Pyongyang had delivered missiles to Moscow.", "KR"),
    ("en", "North Korea shipped rocket launchers to Russia, the Ukrainian defence ministry "
           "said in a statement in Kyiv.", "UA"),
    ("es", "Pyongyang suministró a Moscú 1,5 millones de proyectiles, afirmó el Ministerio "
           "de Defensa en Seúl.", "KR"),
    ("es", "Corea del Norte envió lanzacohetes a Rusia en mayo, según la inteligencia de "
           "Ucrania.", "UA"),
    ("de", "Nordkorea hat Russland Raketen geliefert, erklärte das ukrainische "
           "Verteidigungsministerium.", "UA"),
    ("de", "Dem ukrainischen Geheimdienst zufolge lieferte Nordkorea Raketen an Russland.",
     "UA"),
    ("fr", "La Corée du Nord a envoyé des lance-roquettes à la Russie en mai, selon le "
           "renseignement militaire ukrainien.", "UA"),
    ("ru", "КНДР передала России ракеты, заявил глава разведки Украины.", "UA"),
    ("ko", "북한이 러시아에 방사포를 보냈다고 우크라이나 국방부가 밝혔다.", "UA"),
    ("ja", "北朝鮮がロシアに砲弾を送ったとウクライナが明らかにした。", "UA"),
    ("zh", "朝鲜向俄罗斯运送了炮弹，乌克兰国防部表示。", "UA"),
])
def test_source_clause_is_no_party(lang: str, text: str, source: str) -> None:
    out = _wire(text, lang)
    assert ("arms_transfer", "KP", "RU") in _pairs(out), out
    assert source not in _parties(out), out


@pytest.mark.parametrize(("lang", "text"), [
    # the speaker is the only other country: it stays the buyer ("it" = Russia)
    ("en", "Russia's defence ministry said it had bought shells from North Korea."),
    ("en", "Moscow said it had received artillery shells from Pyongyang."),
])
def test_speaker_stays_party_when_claim_names_no_other(lang: str, text: str) -> None:
    assert ("arms_transfer", "KP", "RU") in _pairs(_wire(text, lang))


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Pyongyang dismissed as absurd claims by Seoul that it had supplied Russia with "
           "anti-tank missiles."),
    ("fr", "Pyongyang a rejeté les accusations de Séoul selon lesquelles il aurait fourni "
           "des missiles antichars à la Russie."),
    ("es", "Pyongyang rechazó las acusaciones de Seúl de que había suministrado misiles "
           "antitanque a Rusia."),
    ("de", "Pjöngjang bestritt Behauptungen aus Seoul, es habe Russland "
           "Panzerabwehrraketen geliefert."),
    ("ru", "Пхеньян отверг обвинения Сеула в поставках России противотанковых ракет."),
    ("ko", "북한은 러시아에 대전차 미사일을 제공했다는 한국의 주장을 일축했다."),
    ("ja", "北朝鮮は、ロシアに対戦車ミサイルを供与したとする韓国の主張を否定した。"),
    ("zh", "朝鲜驳斥了韩国关于其向俄罗斯提供反坦克导弹的指控。"),
])
def test_denied_claim_by_a_third_country(lang: str, text: str) -> None:
    out = _wire(text, lang)
    assert [(i["type"], i["from"], i["to"], i["item"], i["stance"]) for i in out] == [
        ("arms_transfer", "KP", "RU", "anti-tank missiles", "denied")], out


# 2. armed forces as recipients ---------------------------------------------------------

@pytest.mark.parametrize(("lang", "text"), [
    ("en", "North Korea sent artillery shells to Russian forces fighting in Ukraine."),
    ("de", "Nordkorea lieferte Granaten an russische Truppen in der Ukraine."),
    ("fr", "Pyongyang a livré des obus aux forces russes qui combattent en Ukraine."),
    ("es", "Corea del Norte envió proyectiles a las fuerzas rusas que combaten en Ucrania."),
    ("ru", "КНДР поставила снаряды российским войскам, воюющим в Украине."),
    ("ko", "북한은 우크라이나에서 싸우는 러시아군에 포탄을 보냈다."),
    ("ja", "北朝鮮はウクライナで戦うロシア軍に砲弾を送った。"),
    ("zh", "朝鲜向在乌克兰作战的俄军运送了炮弹。"),
])
def test_forces_demonym_is_recipient_not_battlefield(lang: str, text: str) -> None:
    out = _wire(text, lang)
    assert _pairs(out) == {("arms_transfer", "KP", "RU")}, out


@pytest.mark.parametrize(("lang", "text", "pair"), [
    # no forces named: the country after "in" stays the host of the deployment
    ("en", "North Korea deployed troops in Russia.", ("military_personnel", "KP", "RU")),
    ("en", "North Korea sent shells for Russian troops.", ("arms_transfer", "KP", "RU")),
    ("fr", "Selon le rapport, la Corée du Nord aurait exporté du charbon vers des ports "
           "chinois.", ("other_violation", "KP", "CN")),
])
def test_forces_rule_leaves_plain_recipients(lang: str, text: str,
                                             pair: tuple[str, str, str]) -> None:
    assert pair in _pairs(_wire(text, lang))


# 3. who trains whom, by demonym ---------------------------------------------------------

@pytest.mark.parametrize(("lang", "text", "pair"), [
    ("fr", "Des spécialistes russes auraient formé des militaires nord-coréens.", ("RU", "KP")),
    ("en", "Russian specialists trained North Korean officers.", ("RU", "KP")),
    ("de", "Russische Techniker schulten nordkoreanische Soldaten.", ("RU", "KP")),
    ("es", "Instructores rusos entrenaron a soldados norcoreanos.", ("RU", "KP")),
    ("ru", "Российские инструкторы обучили северокорейских военных.", ("RU", "KP")),
    ("ko", "러시아 전문가들이 북한 장교들을 훈련시켰다.", ("RU", "KP")),
    ("ja", "ロシアの専門家が北朝鮮の将校を訓練した。", ("RU", "KP")),
    ("zh", "俄罗斯专家培训了朝鲜军官。", ("RU", "KP")),
    # the other way round
    ("en", "North Korean instructors trained Russian drone operators.", ("KP", "RU")),
])
def test_demonym_of_experts_provides_and_of_trainees_receives(
        lang: str, text: str, pair: tuple[str, str]) -> None:
    out = [i for i in _wire(text, lang) if i["type"] == "technical_assistance"]
    assert {(i["from"], i["to"]) for i in out} == {pair}, out


@pytest.mark.parametrize(("lang", "text", "pair"), [
    # no experts named: the subject trains, the trainees' demonym receives
    ("en", "Russia trained North Korean pilots.", ("RU", "KP")),
    ("de", "Russland hat nordkoreanische Piloten ausgebildet.", ("RU", "KP")),
])
def test_training_without_expert_demonym(lang: str, text: str, pair: tuple[str, str]) -> None:
    out = [i for i in _wire(text, lang) if i["type"] == "technical_assistance"]
    assert {(i["from"], i["to"]) for i in out} == {pair}, out


# "supplied X with Y" -------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "text", "pair"), [
    ("en", "North Korea supplied Russia with anti-tank missiles.", ("KP", "RU")),
    ("en", "Russia has provided North Korea with air defence missiles.", ("RU", "KP")),
    ("de", "Nordkorea versorgte Russland mit Granaten.", ("KP", "RU")),
])
def test_supply_with_object_is_recipient(lang: str, text: str, pair: tuple[str, str]) -> None:
    out = _wire(text, lang)
    assert {(i["from"], i["to"]) for i in out if i["type"] == "arms_transfer"} == {pair}, out


# 4. denials ----------------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "text", "expected"), [
    # the denial names an item and both sides: its own direction, not the last claim's
    ("en", "Russia sent air defence missiles to North Korea in April. Moscow has rejected "
           "reports of arms purchases from North Korea.", ("arms_transfer", "KP", "RU")),
    # the denial names an item: its type, not the type of the last claim
    ("de", "Nordkorea hat 10.000 Soldaten nach Russland geschickt. Pjöngjang bestreitet "
           "jegliche Waffenlieferungen an Moskau.", ("arms_transfer", "KP", "RU")),
    ("ru", "КНДР направила в Россию 10 тысяч военных. Пхеньян отрицает поставки оружия в "
           "Россию.", ("arms_transfer", "KP", "RU")),
    ("ko", "북한은 러시아에 병력 1만 명을 파병했다. 북한은 러시아와의 무기 거래를 부인했다.",
     ("arms_transfer", "KP", "RU")),
])
def test_denial_carries_its_own_item_and_direction(lang: str, text: str,
                                                   expected: tuple[str, str, str]) -> None:
    denied = {(i["type"], i["from"], i["to"]) for i in _wire(text, lang)
              if i["stance"] == "denied"}
    assert denied == {expected}


def test_generic_denial_rejects_the_nearest_claim_only() -> None:
    text = ("A Chinese-flagged tanker transferred oil ship-to-ship to a North Korean vessel "
            "in March. North Korea exported coal worth 30 million dollars to China. Beijing "
            "denied any violation of sanctions.")
    denied = [(i["type"], i["item"]) for i in _wire(text, "en") if i["stance"] == "denied"]
    assert denied == [("other_violation", "coal")]


@pytest.mark.parametrize("text", [
    "The Russian tanker Vega transferred fuel ship-to-ship to a North Korean tanker in May. "
    "Russia's foreign ministry rejected the accusations and said the Vega had docked at "
    "Vladivostok for maintenance and repair.",
    "The Russian tanker Vega transferred fuel ship-to-ship to a North Korean tanker in May. "
    "The Russian foreign ministry rejected the accusations, saying the tanker had only "
    "called at Vladivostok.",
])
def test_denial_does_not_deny_its_later_comment_clause(text: str) -> None:
    denied = {(i["type"], i["from"], i["to"]) for i in _wire(text, "en")
              if i["stance"] == "denied"}
    assert denied == {("ship_to_ship_transfer", "RU", "KP")}


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Moscou a démenti avoir acheté des armes à la Corée du Nord."),
    ("es", "Pyongyang negó haber suministrado misiles a Rusia."),
    ("ja", "北朝鮮はロシアへの武器供与を否定した。"),
    ("zh", "朝鲜否认向俄罗斯提供武器。"),
])
def test_standalone_denial_direction(lang: str, text: str) -> None:
    out = _wire(text, lang)
    assert {(i["type"], i["from"], i["to"], i["stance"]) for i in out} == {
        ("arms_transfer", "KP", "RU", "denied")}, out


# 5. calibres are no quantities ---------------------------------------------------------

@pytest.mark.parametrize(("lang", "text", "quantity"), [
    ("ja", "北朝鮮はロシアに170ミリ自走砲を少なくとも100門供与した。", 100),
    ("ko", "북한이 러시아에 170밀리 자주포 100여 문을 보냈다.", 100),
    ("zh", "朝鲜向俄罗斯提供了至少100门170毫米自行火炮。", 100),
    ("ru", "КНДР передала России 100 170-мм самоходных артиллерийских установок.", 100),
    ("ru", "КНДР передала России 50 122-мм гаубиц.", 50),
    ("en", "North Korea sent 50 170-mm self-propelled guns to Russia.", 50),
    ("en", "North Korea sent 100 155-millimeter howitzers to Russia.", 100),
    ("es", "Corea del Norte envió a Rusia 100 obuses autopropulsados de 170 milímetros.", 100),
    ("fr", "La Corée du Nord a livré à la Russie 100 obusiers automoteurs de 170 "
           "millimètres.", 100),
])
def test_calibre_is_no_quantity(lang: str, text: str, quantity: int) -> None:
    out = [i for i in _wire(text, lang) if i["type"] == "arms_transfer"]
    assert [i["quantity"] for i in out] == [quantity], out


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("fr", "La Corée du Nord a livré 100 000 obus à la Russie.", 100000),
    ("ru", "КНДР передала России 100 000 снарядов.", 100000),
    ("en", "North Korea sent 170 shells to Russia.", 170),
])
def test_plain_numbers_still_count(lang: str, text: str, value: int) -> None:
    assert [q.value for q in find_quantities(text, lang)] == [value]


# 6. satellite imagery is a source, not assistance -------------------------------------

@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Как сообщает Reuters со ссылкой на спутниковые снимки, КНДР поставила России "
           "снаряды."),
    ("en", "Satellite imagery shows North Korea shipped containers of shells to Russia."),
    ("de", "Satellitenbilder zeigen, dass Nordkorea Granaten an Russland lieferte."),
    ("fr", "Selon des images satellites, la Corée du Nord a livré des obus à la Russie."),
    ("es", "Según imágenes satelitales, Corea del Norte envió proyectiles a Rusia."),
    ("ko", "위성사진에 따르면 북한이 러시아에 포탄을 보냈다."),
    ("ja", "衛星画像によると、北朝鮮がロシアに砲弾を送った。"),
    ("zh", "据卫星图像显示，朝鲜向俄罗斯运送了炮弹。"),
])
def test_satellite_imagery_is_no_assistance(lang: str, text: str) -> None:
    out = _wire(text, lang)
    assert ("arms_transfer", "KP", "RU") in _pairs(out), out
    assert all(i["type"] != "technical_assistance" for i in out), out


def test_satellite_technology_is_still_assistance() -> None:
    out = _wire("Russia helped North Korea with satellite technology.", "en")
    assert ("technical_assistance", "RU", "KP") in _pairs(out)


# 7. hand-over, receive-from, export-to verbs -------------------------------------------

@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("ko", "북한이 러시아에 미사일 50여 발을 넘긴 것으로 파악됐다.",
     ("arms_transfer", "KP", "RU", 50, "asserted")),
    ("ko", "북한이 러시아에 미사일 50여 발을 건넨 것으로 파악됐다.",
     ("arms_transfer", "KP", "RU", 50, "asserted")),
    ("en", "North Korea handed 50 missiles over to Russia.",
     ("arms_transfer", "KP", "RU", 50, "asserted")),
    ("ja", "北朝鮮がロシアにミサイルを手渡した。",
     ("arms_transfer", "KP", "RU", None, "asserted")),
    ("de", "Nordkorea erhalte offenbar Erdöl aus Russland.",
     ("petroleum_transfer", "RU", "KP", None, "alleged")),
    ("fr", "Pyongyang aurait exporté pour 30 millions de dollars de charbon vers la Chine.",
     ("other_violation", "KP", "CN", 30_000_000, "alleged")),
    ("fr", "La Corée du Nord recevrait du pétrole de la Russie.",
     ("petroleum_transfer", "RU", "KP", None, "alleged")),
    ("ko", "북한은 러시아에서 정제유를 들여왔다.",
     ("petroleum_transfer", "RU", "KP", None, "asserted")),
    ("zh", "朝鲜向俄罗斯派遣了1000名工兵。",
     ("military_personnel", "KP", "RU", 1000, "asserted")),
    ("zh", "朝鲜向俄罗斯派遣了工程兵。",
     ("military_personnel", "KP", "RU", None, "asserted")),
])
def test_new_verb_cues(lang: str, text: str,
                       expected: tuple[str, str, str, int | None, str]) -> None:
    out = _wire(text, lang)
    got = {(i["type"], i["from"], i["to"], i["quantity"], i["stance"]) for i in out}
    assert expected in got, out


def test_konjunktiv_keeps_every_listed_item() -> None:
    out = _wire("Nordkorea erhalte offenbar Erdöl und Waffen aus Russland.", "de")
    assert {(i["type"], i["from"], i["to"], i["stance"]) for i in out} == {
        ("petroleum_transfer", "RU", "KP", "alleged"), ("arms_transfer", "RU", "KP", "alleged")}


@pytest.mark.parametrize(("lang", "text"), [
    # engineers who only build or plan: no deployment without a deploy cue
    ("en", "Russian military engineers built a bridge near the border."),
    ("zh", "俄罗斯工程兵在边境修建了一座桥。"),
])
def test_engineers_without_deployment_are_no_claim(lang: str, text: str) -> None:
    assert _wire(text, lang) == []


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "North Korea sent artillery shells to Russia. Kremlin spokesman Dmitry Peskov "
           "dismissed the reports as fake."),
    ("en", "North Korea sent artillery shells to Russia. A Russian foreign ministry "
           "spokeswoman rejected the reports."),
    ("de", "Nordkorea hat Russland Granaten geliefert. Ein Kremlsprecher bestritt die "
           "Berichte."),
    ("ru", "КНДР передала России снаряды. В Кремле опровергли эти сообщения."),
])
def test_spokesman_denies_for_the_state(lang: str, text: str) -> None:
    out = _wire(text, lang)
    assert {(i["type"], i["from"], i["to"], i["stance"]) for i in out} == {
        ("arms_transfer", "KP", "RU", "asserted"), ("arms_transfer", "KP", "RU", "denied")}, out


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Russland bezog Granaten aus Nordkorea."),
    ("en", "Russia bought shells from North Korea, the US State Department said."),
    ("es", "Corea del Norte exportó proyectiles a Rusia, según Estados Unidos."),
    ("ko", "북한이 러시아에 포탄을 수출했다고 미국 국무부가 밝혔다."),
    ("ja", "北朝鮮がロシアに砲弾を輸出したと米国務省が発表した。"),
])
def test_receive_and_export_with_a_third_country_source(lang: str, text: str) -> None:
    out = _wire(text, lang)
    assert _pairs(out) == {("arms_transfer", "KP", "RU")}, out


def test_denial_after_a_port_call_rejects_the_transfer_claim() -> None:
    text = ("The Russian tanker Vega transferred fuel ship-to-ship to a North Korean tanker "
            "in May. The Vega later docked at Vladivostok. The Russian foreign ministry "
            "rejected the accusations.")
    denied = {(i["type"], i["from"], i["to"]) for i in _wire(text, "en")
              if i["stance"] == "denied"}
    assert denied == {("ship_to_ship_transfer", "RU", "KP")}


def test_denial_without_recent_claim_gives_nothing() -> None:
    text = ("North Korea sent shells to Russia. The weather was mild. Trade fairs opened. "
            "Markets were calm. The Russian foreign ministry rejected the accusations.")
    assert [i for i in _wire(text, "en") if i["stance"] == "denied"] == []


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Moscow has rejected reports of arms purchases from North Korea."),
    ("de", "Moskau bestritt Berichte über Waffenkäufe aus Nordkorea."),
    ("fr", "Moscou a rejeté les informations sur des achats d'armes à la Corée du Nord."),
    ("es", "Moscú rechazó los informes sobre compras de armas a Corea del Norte."),
    ("ru", "Москва опровергла сообщения о закупках оружия у КНДР."),
    ("ko", "러시아는 북한으로부터 무기를 구매했다는 보도를 부인했다."),
    ("ja", "ロシアは北朝鮮からの武器購入を否定した。"),
    ("zh", "俄罗斯否认从朝鲜购买武器。"),
])
def test_denied_purchase_from_the_dprk(lang: str, text: str) -> None:
    # purchase from X: X supplies, the buyer receives
    out = _wire(text, lang)
    assert {(i["type"], i["from"], i["to"], i["stance"]) for i in out} == {
        ("arms_transfer", "KP", "RU", "denied")}, out


@pytest.mark.parametrize("text", [
    "Nordkorea hat Russland Granaten geliefert.",
    "Im Mai hat Nordkorea Russland Granaten geliefert.",
    "Laut Südkorea hat Nordkorea Russland Granaten geliefert.",
    "Seit 2023 soll Nordkorea Russland Granaten verkauft haben.",
    "Russland hat von Nordkorea Granaten erhalten.",
])
def test_german_subject_by_word_order(text: str) -> None:
    assert _pairs(_wire(text, "de")) == {("arms_transfer", "KP", "RU")}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Russian forces fighting in Ukraine have used North Korean missiles, Kyiv said."),
    ("fr", "Les forces russes en Ukraine utilisent des missiles nord-coréens."),
    ("es", "Las tropas rusas en Ucrania usan misiles norcoreanos."),
    ("ru", "Российские войска в Украине используют северокорейские ракеты."),
])
def test_forces_using_dprk_weapons_where_they_fight(lang: str, text: str) -> None:
    assert _pairs(_wire(text, lang)) == {("arms_transfer", "KP", "RU")}


@pytest.mark.parametrize(("lang", "text"), [
    # the host of a deployment stays, the battlefield goes
    ("en", "North Korean troops deployed in Russia are fighting in Ukraine."),
    ("en", "North Korean troops deployed in Russia are fighting in eastern Ukraine."),
    ("fr", "La Corée du Nord a envoyé des soldats en Russie."),
])
def test_battlefield_is_no_host(lang: str, text: str) -> None:
    assert _pairs(_wire(text, lang)) == {("military_personnel", "KP", "RU")}


def test_trailing_comment_over_several_clauses_is_source() -> None:
    out = _wire("Pyongyang shipped rocket launchers in May, the head of Ukraine's military "
                "intelligence, Kyrylo Budanov, said.", "en")
    assert out and all("UA" not in (i["from"], i["to"]) for i in out), out


@pytest.mark.parametrize(("lang", "text", "quantity"), [
    ("de", "Nordkorea hat Russland 120 Panzerhaubitzen vom Kaliber 170 geliefert.", 120),
    ("fr", "La Corée du Nord a livré à la Russie des obusiers automoteurs de calibre 170.", None),
])
def test_number_after_calibre_word_is_no_quantity(lang: str, text: str,
                                                  quantity: int | None) -> None:
    out = [i for i in _wire(text, lang) if i["type"] == "arms_transfer"]
    assert [i["quantity"] for i in out] == [quantity], out


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "North Korea has dispatched 1,000 military engineers to Russia."),
    ("de", "Nordkorea hat 1000 Pioniere nach Russland entsandt."),
    ("ru", "КНДР направила в Россию 1000 саперов."),
    ("ko", "북한이 러시아에 공병 1000명을 파견했다."),
    ("ja", "北朝鮮はロシアに工兵1000人を派遣した。"),
])
def test_military_engineers_are_personnel(lang: str, text: str) -> None:
    out = _wire(text, lang)
    assert {(i["type"], i["from"], i["to"], i["quantity"]) for i in out} == {
        ("military_personnel", "KP", "RU", 1000)}, out


def test_two_denials_with_their_own_items() -> None:
    text = ("Moscow has rejected reports of arms purchases from North Korea. Pyongyang "
            "dismissed as absurd claims by Seoul that it had supplied Russia with anti-tank "
            "missiles.")
    denied = {(i["type"], i["from"], i["to"], i["item"]) for i in _wire(text, "en")
              if i["stance"] == "denied"}
    assert denied == {("arms_transfer", "KP", "RU", "weapons"),
                      ("arms_transfer", "KP", "RU", "anti-tank missiles")}


def test_restated_generic_denial_is_one_entry() -> None:
    text = ("North Korea sent rocket launchers to Russia. Pyongyang rejected such supplies. "
            "Pyongyang has repeatedly refuted statements about the supply of arms to Russia.")
    denied = [i for i in _wire(text, "en") if i["stance"] == "denied"]
    assert len(denied) == 1, denied


@pytest.mark.parametrize(("text", "to"), [
    ("Pyongyang shipped rocket launchers in May. Ukrainian military intelligence said so "
     "on Tuesday.", None),
    ("Pyongyang shipped rocket launchers in May. Ukraine said so on Tuesday.", None),
    # a next sentence that names the buyer still gives the recipient
    ("North Korea shipped rifles in 2019. The buyer was Sudan, officials said.", "SD"),
])
def test_next_sentence_source_is_no_recipient(text: str, to: str | None) -> None:
    out = _wire(text, "en")
    assert [(i["from"], i["to"]) for i in out] == [("KP", to)], out


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # troops after a recipient marker receive something; they are not what is sent
    ("en", "Kim Jong Un handed medals to North Korean soldiers in Pyongyang.", set()),
    ("en", "North Korea's leader handed over awards to soldiers who fought in Russia.", set()),
    ("en", "North Korea has sent to Russia about 10,000 troops.",
     {("military_personnel", "KP", "RU")}),
    ("fr", "La Corée du Nord a envoyé à la Russie des soldats.",
     {("military_personnel", "KP", "RU")}),
])
def test_troops_as_receivers_are_no_deployment(lang: str, text: str,
                                               expected: set[tuple[str, str, str]]) -> None:
    assert _pairs(_wire(text, lang)) == expected


@pytest.mark.parametrize(("text", "stance"), [
    ("Nordkorea stellte Russland Raketen zur Verfügung.", "asserted"),
    ("Nordkorea liefere Russland Granaten.", "asserted"),
    ("Die USA werfen Nordkorea vor, Russland Waffen geliefert zu haben.", "alleged"),
    ("Washington beschuldigt Pjöngjang, Moskau Artilleriegranaten verkauft zu haben.",
     "alleged"),
])
def test_german_recipient_in_verb_final_and_infinitive_clauses(text: str, stance: str) -> None:
    out = _wire(text, "de")
    assert {(i["type"], i["from"], i["to"], i["stance"]) for i in out} == {
        ("arms_transfer", "KP", "RU", stance)}, out


def test_supplied_forces_with() -> None:
    out = _wire("North Korea supplied Russian forces with artillery shells.", "en")
    assert _pairs(out) == {("arms_transfer", "KP", "RU")}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The US accused North Korea of supplying Russia with artillery shells."),
    ("es", "Estados Unidos acusa a Corea del Norte de suministrar proyectiles a Rusia."),
    ("fr", "Washington accuse la Corée du Nord d'avoir livré des obus à la Russie."),
    ("ru", "США обвиняют КНДР в поставках снарядов России."),
    ("ko", "미국은 북한이 러시아에 포탄을 제공했다고 비난했다."),
    ("ja", "米国は北朝鮮がロシアに砲弾を供与したと非難した。"),
    ("zh", "美国指控朝鲜向俄罗斯提供炮弹。"),
])
def test_accuser_is_source_and_accused_sends(lang: str, text: str) -> None:
    out = _wire(text, lang)
    assert {(i["type"], i["from"], i["to"], i["stance"]) for i in out} == {
        ("arms_transfer", "KP", "RU", "alleged")}, out


@pytest.mark.parametrize(("lang", "text"), [
    ("ko", "우크라이나에 따르면 북한이 러시아에 포탄을 보냈다."),
    ("ja", "ウクライナによると、北朝鮮がロシアに砲弾を送った。"),
    ("zh", "据乌克兰称，朝鲜向俄罗斯运送了炮弹。"),
    ("ru", "По данным Украины, КНДР передала России снаряды."),
])
def test_according_to_country_is_no_recipient(lang: str, text: str) -> None:
    assert _pairs(_wire(text, lang)) == {("arms_transfer", "KP", "RU")}
