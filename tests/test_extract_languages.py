"""Extraction on invented sentences in all 8 languages (stance, quantity, direction)."""

from __future__ import annotations

import pytest

from sanctionwatch.extract import extract_text
from sanctionwatch.incident import Incident


def _find(incidents: list[Incident], itype: str, frm: str | None, to: str | None) -> Incident:
    for inc in incidents:
        if inc.type == itype and inc.from_ == frm and inc.to == to:
            return inc
    raise AssertionError(f"no {itype} {frm}->{to} in {[i.wire() for i in incidents]}")


CASES = [
    # (language, text, type, from, to, stance, quantity, unit)
    ("en", "North Korea shipped 3,500 containers of munitions to Russia last spring.",
     "arms_transfer", "KP", "RU", "asserted", 3500, "containers"),
    ("en", "Pyongyang reportedly delivered about 40 ballistic missiles to Moscow.",
     "arms_transfer", "KP", "RU", "alleged", 40, "missiles"),
    ("de", "Nordkorea soll rund 8.000 Soldaten nach Russland geschickt haben.",
     "military_personnel", "KP", "RU", "alleged", 8000, "troops"),
    ("de", "Russland lieferte im Frühjahr zwei Flugabwehrsysteme an Nordkorea.",
     "arms_transfer", "RU", "KP", "asserted", 2, "systems"),
    ("fr", "La Corée du Nord aurait livré plus de 2 millions d'obus à la Russie.",
     "arms_transfer", "KP", "RU", "alleged", 2_000_000, "rounds"),
    ("es", "Corea del Norte envió 15.000 soldados a Rusia, según fuentes oficiales.",
     "military_personnel", "KP", "RU", "asserted", 15000, "troops"),
    ("es", "Rusia habría recibido 60 misiles balísticos de Corea del Norte.",
     "arms_transfer", "KP", "RU", "alleged", 60, "missiles"),
    ("ru", "КНДР передала России более 500 тысяч снарядов.",
     "arms_transfer", "KP", "RU", "asserted", 500_000, "rounds"),
    ("ru", "Россия якобы поставила Северной Корее зенитные ракеты.",
     "arms_transfer", "RU", "KP", None, None, None),
    ("ko", "북한이 러시아에 포탄 200만발을 제공한 것으로 보인다.",
     "arms_transfer", "KP", "RU", "alleged", 2_000_000, "rounds"),
    ("ko", "북한은 러시아에 병력 1만2000명을 파병했다고 정부가 밝혔다.",
     "military_personnel", "KP", "RU", "asserted", 12000, "troops"),
    ("ja", "北朝鮮がロシアに弾道ミサイル30発を供与したとみられる。",
     "arms_transfer", "KP", "RU", "alleged", 30, "missiles"),
    ("zh", "据悉,朝鲜向俄罗斯提供了约5000名士兵。",
     "military_personnel", "KP", "RU", "asserted", 5000, "troops"),
    ("zh", "美国指控朝鲜黑客窃取了价值3亿美元的加密货币。",
     "cyber_theft", None, "KP", "alleged", 300_000_000, "USD"),
]


@pytest.mark.parametrize(("lang", "text", "itype", "frm", "to", "stance", "qty", "unit"),
                         CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_incident_per_language(lang: str, text: str, itype: str, frm: str | None,
                               to: str | None, stance: str | None, qty: float | None,
                               unit: str | None) -> None:
    result = extract_text(text)
    assert result.language == lang
    inc = _find(result.incidents, itype, frm, to)
    if stance is not None:
        assert inc.stance == stance
    else:
        assert inc.stance == "alleged"  # "якобы"
    assert inc.quantity == qty
    if qty is not None:
        assert inc.unit == unit
    assert inc.sentence and inc.span is not None


NEGATIVES = [
    ("en", "India delivered two coastal missile batteries to the Philippines on Friday."),
    ("en", "North Korea test-fired a ballistic missile into the sea on Sunday."),
    ("de", "Die EU verhängt Sanktionen gegen Iran wegen Drohnenlieferungen an Russland."),
    ("fr", "L'Allemagne a livré des chars à la Pologne."),
    ("es", "Corea del Norte disparó un misil balístico hacia el mar de Japón."),
    ("ru", "Турция поставила Ливии партию бронетехники."),
    ("ko", "한국이 폴란드에 전차 100대를 수출했다."),
    ("ja", "日本はフィリピンにレーダーを輸出する予定だ。"),
    ("zh", "北京马拉松比赛今天举行,数千名选手参加。"),
    ("en", "North Korea will send 5,000 construction workers to Russia next year."),
    ("en", "Kim offered to send 100,000 soldiers to Russia."),
]


@pytest.mark.parametrize(("lang", "text"), NEGATIVES, ids=[n[0] for n in NEGATIVES])
def test_no_incident_for_out_of_scope(lang: str, text: str) -> None:
    result = extract_text(text)
    assert [i.wire() for i in result.incidents if i.stance != "denied"] == []


def test_denial_by_accused_party_is_separate() -> None:
    text = ("South Korea said North Korea has shipped artillery shells to Russia. "
            "North Korea's foreign ministry denied the claims as absurd rumours.")
    result = extract_text(text)
    claim = _find(result.incidents, "arms_transfer", "KP", "RU")
    assert claim.stance == "asserted"
    denied = [i for i in result.incidents if i.stance == "denied"]
    assert denied and denied[0].type == "arms_transfer"
    assert (denied[0].from_, denied[0].to) == ("KP", "RU")


def test_monitor_saying_no_evidence_is_not_a_party_denial() -> None:
    text = "Reuters could not verify whether North Korea sent coal to Japan."
    result = extract_text(text)
    assert all(i.stance != "denied" for i in result.incidents)


def test_relative_dates_need_a_reference_date() -> None:
    text = "North Korea sent 1,000 containers of weapons to Russia last year."
    undated = extract_text(text)
    assert _find(undated.incidents, "arms_transfer", "KP", "RU").when is None
    dated = extract_text(text, doc_date="2024-03-02")
    assert _find(dated.incidents, "arms_transfer", "KP", "RU").when == "2023"
    stamped = extract_text(" date 2021-11 " + text)
    assert stamped.doc_date is not None and stamped.doc_date.iso() == "2021-11"
    assert _find(stamped.incidents, "arms_transfer", "KP", "RU").when == "2020"


def test_korean_relative_month_against_input_line() -> None:
    text = "입력 : 2019-03-05 10:00:00\n북한이 지난해 11월 러시아에 포탄을 제공했다."
    result = extract_text(text)
    assert _find(result.incidents, "arms_transfer", "KP", "RU").when == "2018-11"


def test_range_gives_quantity_max() -> None:
    text = "Nordkoreanische Arbeiter in Russland verdienen zwischen 120 und 250 Millionen Dollar."
    result = extract_text(text)
    inc = _find(result.incidents, "overseas_workers", "KP", "RU")
    assert (inc.quantity, inc.quantity_max, inc.unit) == (120e6, 250e6, "USD")


def test_one_incident_per_item_and_quantity() -> None:
    text = ("North Korea supplied 30 multiple rocket launchers and 100 self-propelled howitzers "
            "to Russia.")
    result = extract_text(text)
    got = sorted((i.item or "", i.quantity) for i in result.incidents
                 if i.type == "arms_transfer")
    assert len(got) == 2
    assert {q for _, q in got} == {30, 100}


def test_ship_to_ship_and_flag() -> None:
    text = ("The Panama-flagged tanker transferred diesel to a North Korean tanker in a "
            "ship-to-ship operation on two occasions.")
    result = extract_text(text)
    inc = _find(result.incidents, "ship_to_ship_transfer", "PA", "KP")
    assert (inc.quantity, inc.unit) == (2, "transfers")


def test_port_call_flag_to_port_country() -> None:
    text = "The Russian cargo ship Sparta docked at Rajin, North Korea, and unloaded containers."
    result = extract_text(text)
    _find(result.incidents, "port_call", "RU", "KP")


def test_wire_shape() -> None:
    result = extract_text("North Korea sent 500 troops to Russia.")
    wire = result.wire(doc="x")
    assert wire["doc"] == "x" and wire["language"] == "en"
    inc = wire["incidents"][0]  # type: ignore[index]
    for key in ("type", "from", "to", "item", "category", "quantity", "quantity_max", "unit",
                "when", "stance", "attribution", "span", "sentence"):
        assert key in inc
