"""Recall round: general rules for claims the extractor used to miss. Invented sentences
only (positives and near-miss negatives)."""

from __future__ import annotations

import re

import pytest

from sanctionwatch.extract import extract_text


def _incidents(text: str) -> list[dict[str, object]]:
    return list(extract_text(text).wire(doc="t")["incidents"])


def _claims(text: str, kind: str | None = None) -> set[tuple[str, str | None, str | None]]:
    return {(str(i["type"]), i["from"], i["to"]) for i in _incidents(text)  # type: ignore[misc]
            if kind is None or i["type"] == kind}


def _items(text: str) -> set[str]:
    return {str(i["item"]) for i in _incidents(text)}


# --- 1. coordinated items: ammunition beside guns or missiles is an item of its own -------

@pytest.mark.parametrize(("text", "items"), [
    ("Pyongyang shipped Moscow 50 ballistic missiles together with huge stocks of ammunition.",
     {"ballistic missiles", "munitions"}),
    ("North Korea delivered self-propelled guns and ammunition to Russia.",
     {"170mm self-propelled guns (Koksan)", "munitions"}),
    ("Nordkorea lieferte Russland ballistische Raketen und Munition.",
     {"ballistic missiles", "munitions"}),
    ("La Corée du Nord a livré à la Russie des missiles balistiques et des munitions.",
     {"ballistic missiles", "munitions"}),
    ("Corea del Norte envió a Rusia misiles balísticos y municiones.",
     {"ballistic missiles", "munitions"}),
    ("КНДР поставила России баллистические ракеты и боеприпасы.",
     {"ballistic missiles", "munitions"}),
    ("북한은 러시아에 자주포 수십 문과 탄약을 보냈다.",
     {"170mm self-propelled guns (Koksan)", "munitions"}),
    ("北朝鮮はロシアに弾道ミサイルと弾薬を供与した。", {"ballistic missiles", "munitions"}),
    ("朝鲜向俄罗斯提供了数十门自行火炮和大量弹药。",
     {"170mm self-propelled guns (Koksan)", "munitions"}),
    # long-range artillery is not a kind of shell: both stay
    ("북한이 러시아에 포탄 수십만 발과 함께 장사정포 수십 문을 보냈다.",
     {"artillery shells", "artillery"}),
])
def test_ammunition_beside_other_arms_is_its_own_item(text: str, items: set[str]) -> None:
    assert items <= _items(text)
    assert _claims(text) == {("arms_transfer", "KP", "RU")}


@pytest.mark.parametrize(("text", "item"), [
    # the umbrella only sums up shells of its own kind: one item
    ("North Korea sent artillery shells and ammunition to Russia.", "artillery shells"),
    ("Nordkorea lieferte Russland Artilleriegranaten und Munition.", "artillery shells"),
    ("朝鲜向俄罗斯提供了炮弹等弹药。", "artillery shells"),
    # artillery that names the guns: one item
    ("North Korea sent artillery, including self-propelled guns, to Russia.",
     "170mm self-propelled guns (Koksan)"),
])
def test_umbrella_over_its_own_kind_still_merges(text: str, item: str) -> None:
    assert _items(text) == {item}


# --- 3. the speaker of a that-clause is the source, never a party -------------------------

@pytest.mark.parametrize("text", [
    "The United States and six allies said on Friday that North Korea had supplied artillery "
    "shells.",
    "Japan stated last month that Pyongyang had shipped artillery shells.",
    "The United States said North Korea had supplied artillery shells.",
    "Die USA erklärten am Montag, dass Nordkorea Artilleriegranaten geliefert habe.",
    "Les États-Unis ont déclaré mardi que la Corée du Nord avait livré des obus.",
    "Estados Unidos afirmó que Corea del Norte había enviado proyectiles de artillería.",
    "США заявили, что КНДР поставила артиллерийские снаряды.",
    "미국은 북한이 포탄을 보냈다고 밝혔다.",
    "米国は北朝鮮が砲弾を供与したと発表した。",
    "美国表示，朝鲜提供了炮弹。",
])
def test_speaker_of_reported_claim_is_no_recipient(text: str) -> None:
    assert _claims(text) == {("arms_transfer", "KP", None)}


@pytest.mark.parametrize(("text", "claim"), [
    ("Japan said on Monday that North Korea had sent Russia 100 missiles.",
     ("arms_transfer", "KP", "RU")),
    ("Frankreich erklärte, dass Nordkorea Russland Granaten geliefert habe.",
     ("arms_transfer", "KP", "RU")),
    ("США заявили, что КНДР поставила России артиллерийские снаряды.",
     ("arms_transfer", "KP", "RU")),
    # no subject of its own in the clause: the speaker stays the party
    ("Russia confirmed that it had supplied North Korea with oil.",
     ("petroleum_transfer", "RU", "KP")),
    ("Россия подтвердила, что поставила КНДР нефть.", ("petroleum_transfer", "RU", "KP")),
])
def test_speaker_near_misses(text: str, claim: tuple[str, str, str]) -> None:
    assert _claims(text) == {claim}


# --- 4. air defence "units" are systems; the armed forces after "supplied … with" receive --

@pytest.mark.parametrize("text", [
    "Moscow supplied the North Korean army with at least four air defence units.",
    "Russia provided the North Korean forces with four air-defense units.",
    "Russland versorgte die nordkoreanische Armee mit vier Flugabwehreinheiten.",
    "La Russie a fourni à l'armée nord-coréenne quatre unités de défense antiaérienne.",
    "Россия передала армии КНДР четыре установки ПВО.",
])
def test_air_defence_units_to_the_army(text: str) -> None:
    out = [i for i in _incidents(text) if i["type"] == "arms_transfer"]
    assert [(i["from"], i["to"], i["item"], i["quantity"], i["unit"]) for i in out] == [
        ("RU", "KP", "air defense systems", 4.0, "systems")]


@pytest.mark.parametrize("text", [
    "North Korean air defence units shot down a drone over the border.",
    "Die nordkoreanischen Flugabwehreinheiten übten am Montag.",
])
def test_air_defence_units_without_a_transfer(text: str) -> None:
    assert _claims(text) == set()


# --- 7. technology handed over is technical assistance ------------------------------------

@pytest.mark.parametrize("text", [
    "Russia reportedly gave North Korea technology for its submarines.",
    "Rusia habría entregado a Corea del Norte tecnología para sus submarinos.",
    "La Russie aurait transmis à la Corée du Nord des technologies pour ses sous-marins.",
    "Russland soll Nordkorea Technologie für seine U-Boote übergeben haben.",
    "Россия якобы передала КНДР технологии для подводных лодок.",
    "ロシアは北朝鮮に潜水艦の技術を供与したとされる。",
    "据报道，俄罗斯向朝鲜提供了潜艇技术。",
])
def test_technology_handed_over(text: str) -> None:
    assert _claims(text) == {("technical_assistance", "RU", "KP")}


@pytest.mark.parametrize("text", [
    "South Korea exports technology to Vietnam.",  # no DPRK party
    "North Korea lacks the technology to build such engines.",  # no handover
])
def test_technology_without_a_dprk_handover(text: str) -> None:
    assert _claims(text) == set()


# --- 7b. specialists who arrive to service weapons give technical assistance --------------

@pytest.mark.parametrize("text", [
    "North Korean technicians arrived in Russia to maintain the launchers.",
    "В Россию прибыли северокорейские специалисты для обслуживания пусковых установок.",
    "Nordkoreanische Techniker sind in Russland eingetroffen, um die Raketenwerfer zu warten.",
    "Des techniciens nord-coréens sont arrivés en Russie pour entretenir les lanceurs.",
    "Técnicos norcoreanos llegaron a Rusia para mantener los lanzacohetes.",
    "북한 기술자들이 방사포를 정비하기 위해 러시아에 도착했다.",
    "北朝鮮の技術者が多連装ロケット砲の整備のためロシアに到着した。",
    "朝鲜技术人员抵达俄罗斯维护火箭炮。",
])
def test_service_experts_arriving(text: str) -> None:
    assert ("technical_assistance", "KP", "RU") in _claims(text)
    assert ("technical_assistance", None, "KP") not in _claims(text)


@pytest.mark.parametrize("text", [
    "North Korean technicians arrived in Russia for talks on trade.",  # no servicing
    "North Korea wants to maintain good ties with Russia.",  # no experts
    "Nordkoreanische Experten sind in Moskau eingetroffen.",
])
def test_service_experts_near_misses(text: str) -> None:
    assert not any(k == "technical_assistance" for k, _, _ in _claims(text))


def test_service_guards_list_the_first_characters() -> None:
    from sanctionwatch.extract import service_experts
    from test_extract_regex_guards import _first_literals
    for pat in (service_experts._SERVICE, service_experts._ARRIVE):
        m = re.fullmatch(r"\(\?=\[([^\]]+)\]\)\(\?:(.*)\)", pat.pattern, re.S)
        assert m is not None
        assert set(m.group(1)) == _first_literals(m.group(2), pat.flags)


# --- 10. idioms of theft ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "North Korean hackers made off with $25 million from a crypto exchange.",
    "Северокорейские хакеры увели у криптобиржи 25 миллионов долларов.",
    "Hackers norcoreanos se llevaron 25 millones de dólares de una plataforma de criptomonedas.",
    "Des pirates nord-coréens ont dérobé 25 millions de dollars à une plateforme de "
    "cryptomonnaies.",
])
def test_theft_idioms(text: str) -> None:
    out = [i for i in _incidents(text) if i["type"] == "cyber_theft"]
    assert [(i["to"], i["quantity"], i["unit"]) for i in out] == [("KP", 25e6, "USD")]


@pytest.mark.parametrize("text", [
    "North Korean officials made a visit to a crypto conference in Singapore.",
    "Российские командиры увели войска от границы, заявила КНДР.",
])
def test_theft_idiom_near_misses(text: str) -> None:
    assert not any(k == "cyber_theft" for k, _, _ in _claims(text))


def test_restatement_with_an_idiom_hands_its_amount_to_the_named_claim() -> None:
    text = ("North Korean hackers hacked an exchange in Vietnam in May. They made off "
            "with $12 million.")
    out = [i for i in _incidents(text) if i["type"] == "cyber_theft"]
    assert [(i["from"], i["quantity"]) for i in out] == [("VN", 12e6)]


# --- 9. workers: "nationals … working", a host capital names the host country -------------

@pytest.mark.parametrize(("text", "host"), [
    ("Laos expelled 40 North Korean nationals who had been working at a hotel.", "LA"),
    ("Some 40 North Korean workers were employed at a garment factory near Hanoi.", "VN"),
    ("About 40 North Korean workers were employed on building sites in Ulaanbaatar.", "MN"),
    ("40 North Korean nationals working at restaurants in Kuala Lumpur were detained.", "MY"),
    ("40 North Korean nationals were working at a construction site outside Vientiane.",
     "LA"),
])
def test_workers_nationals_and_host_capitals(text: str, host: str) -> None:
    out = [i for i in _incidents(text) if i["type"] == "overseas_workers"]
    assert [(i["from"], i["to"], i["quantity"]) for i in out] == [("KP", host, 40.0)]


@pytest.mark.parametrize("text", [
    "Laos expelled 40 North Korean nationals for visa violations.",
    "North Korean diplomats met officials in Hanoi.",
])
def test_nationals_without_work_are_no_workers(text: str) -> None:
    assert not any(k == "overseas_workers" for k, _, _ in _claims(text))


# --- 5. denials: split German verbs and verdicts on the claim -----------------------------

@pytest.mark.parametrize("text", [
    "North Korea reportedly shipped rockets to Russia. Pyongyang described the reports as "
    "fabrications.",
    "North Korea reportedly shipped rockets to Russia. The Kremlin labelled the claims lies.",
    "Nordkorea soll Russland Raketen geliefert haben. Pjöngjang wies diese Berichte am "
    "Dienstag entschieden zurück.",
    "Nordkorea soll Russland Raketen geliefert haben. Moskau bezeichnete die Berichte als "
    "westliche Propaganda.",
    "La Corée du Nord aurait livré des roquettes à la Russie. Pyongyang a qualifié ces "
    "informations de propagande.",
    "Corea del Norte habría enviado cohetes a Rusia. Pyongyang calificó esas informaciones de "
    "mentiras.",
    "КНДР якобы поставила России ракеты. Пхеньян назвал эти сообщения провокацией.",
])
def test_split_and_verdict_denials(text: str) -> None:
    stances = {i["stance"] for i in _incidents(text) if i["type"] == "arms_transfer"
               and (i["from"], i["to"]) == ("KP", "RU")}
    assert "denied" in stances


@pytest.mark.parametrize("text", [
    "Nordkorea soll Russland Raketen geliefert haben. Die Soldaten kehrten am Montag zurück.",
    "Nordkorea soll Russland Raketen geliefert haben. Seoul bezeichnete das als Bedrohung.",
    "North Korea reportedly shipped rockets to Russia. Seoul called the shipments a threat.",
])
def test_split_denial_near_misses(text: str) -> None:
    assert all(i["stance"] != "denied" for i in _incidents(text))


def test_split_denial_guards_list_the_first_characters() -> None:
    from sanctionwatch.extract import split_denial
    from test_extract_regex_guards import _first_literals
    for pat in (split_denial._DE_SPLIT, *split_denial._VERDICT.values()):
        m = re.fullmatch(r"\(\?=\[([^\]]+)\]\)\(\?:(.*)\)", pat.pattern, re.S)
        assert m is not None
        assert set(m.group(1)) == _first_literals(m.group(2), pat.flags)


# --- 6. German vorwerfen + zu-infinitive: the accused is the agent ------------------------

@pytest.mark.parametrize(("text", "claim"), [
    ("Kiew wirft Nordkorea vor, Russland mit Granaten zu beliefern.",
     ("arms_transfer", "KP", "RU")),
    ("Die Ukraine warf Pjöngjang vor, Moskau Raketen zu liefern.",
     ("arms_transfer", "KP", "RU")),
    ("Die USA werfen Russland vor, Nordkorea mit Öl zu beliefern.",
     ("petroleum_transfer", "RU", "KP")),
])
def test_vorwerfen_accused_is_the_agent(text: str, claim: tuple[str, str, str]) -> None:
    assert _claims(text) == {claim}
