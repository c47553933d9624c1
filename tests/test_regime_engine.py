"""Incidents from public reporting judged against the regimes.

Expected paragraphs are taken from the resolution texts, not from running the engine:
- 1718 (2006) OP8(a)(i): states prevent supply to the DPRK of UN-Register weapon systems
  "or related materiel including spare parts"; OP8(b): the DPRK shall cease export of the
  (a)(i)/(a)(ii) items; OP8(c): no transfers "to the DPRK ... or from the DPRK by its
  nationals" of "technical training, advice, services or assistance related to the
  provision, manufacture, maintenance or use" of those items; OP8(a)(iii): luxury goods;
  OP8(d): asset freeze on designated persons and entities.
- 1874 (2009) OP10: the 8(a) ban extended to all arms "except for small arms and light
  weapons" (SALW then needed five days' notice).
- 2397 (2017) OP5: refined petroleum at most 500,000 barrels per twelve months from
  1 January 2018; OP8: repatriate income-earning DPRK nationals "no later than 24 months"
  from adoption (22 Dec 2017).
- 2371 (2017) OP8: the DPRK shall not supply, sell or transfer coal, iron and iron ore.
- 2375 (2017) OP11 prohibits ship-to-ship transfers to or from DPRK-flagged vessels (the
  paragraph number is unverified in our data, so its label must say so).
"""

from __future__ import annotations

from typing import Any

import pytest

from sanctionwatch.incident import Incident
from sanctionwatch.regimes.engine import assess
from sanctionwatch.regimes.loader import get_regime


def _inc(**kw: Any) -> Incident:
    if "frm" in kw:
        kw["from"] = kw.pop("frm")
    return Incident.model_validate(kw)


def _cited(incident: Incident, regime: str = "dprk", **kw: Any) -> set[str]:
    return {f.citation for f in assess(incident, get_regime(regime), **kw).engaged}


def test_pantsir_russia_to_dprk_2024() -> None:
    cited = _cited(_inc(type="arms_transfer", frm="RU", to="KP", item="Панцирь-С1",
                        when="2024-11"))
    assert "S/RES/1874 (2009) OP 10" in cited


def test_nine_million_shells_dprk_to_russia() -> None:
    cited = _cited(_inc(type="arms_transfer", frm="KP", to="RU", item="artillery shells",
                        quantity=9_000_000, when="2024"))
    assert "S/RES/1718 (2006) OP 8(b)" in cited


def test_twenty_thousand_containers_of_munitions() -> None:
    cited = _cited(_inc(type="arms_transfer", frm="KP", to="RU", item="containers",
                        category="ammunition", quantity=20_000, when="2024"))
    assert "S/RES/1718 (2006) OP 8(b)" in cited


def test_eleven_thousand_troops_in_russia() -> None:
    cited = _cited(_inc(type="military_personnel", frm="KP", to="RU", item="troops",
                        quantity=11_000, when="2024-10"))
    assert "S/RES/1718 (2006) OP 8(c)" in cited


def test_help_with_ballistic_missile_accuracy() -> None:
    cited = _cited(_inc(type="technical_assistance", frm="RU", to="KP",
                        item="ballistic missile technology", when="2024"))
    assert {"S/RES/1718 (2006) OP 8(c)", "S/RES/1718 (2006) OP 8(a)(ii)"} <= cited


def test_refined_petroleum_above_the_cap_in_2024() -> None:
    a = assess(_inc(type="petroleum_transfer", frm="RU", to="KP", item="нефтепродукты",
                    quantity=1_000_000, unit="barrels", when="2024"), get_regime("dprk"))
    [f] = [f for f in a.engaged if f.measure == "refined_petroleum_cap"]
    assert f.citation == "S/RES/2397 (2017) OP 5"
    assert "alone exceeds it" in f.reason
    # the superseded 2375 cap is reported as such, not as engaged
    assert any(f.measure == "refined_petroleum_cap_2375" and f.status == "superseded"
               for f in a.not_engaged)


def test_ship_to_ship_transfer_to_dprk_flagged_tanker_shows_unverified() -> None:
    cited = _cited(_inc(type="ship_to_ship_transfer", frm="SL", to="KP",
                        item="refined petroleum", when="2019-03"))
    assert "S/RES/2375 (2017) OP 11 (unverified)" in cited


def test_workers_abroad_after_december_2019() -> None:
    cited = _cited(_inc(type="overseas_workers", frm="KP", to="RU", item="IT workers",
                        when="2024"))
    assert "S/RES/2397 (2017) OP 8" in cited


def test_workers_before_the_repatriation_deadline_do_not_engage_2397_op8() -> None:
    a = assess(_inc(type="overseas_workers", frm="KP", to="RU", item="workers",
                    when="2018-06"), get_regime("dprk"))
    assert "S/RES/2397 (2017) OP 8" not in {f.citation for f in a.engaged}
    [f] = [f for f in a.not_engaged if f.measure == "workers_repatriation"]
    assert f.status == "deadline_not_reached"


def test_coal_exports() -> None:
    cited = _cited(_inc(type="other_violation", frm="KP", to="CN", item="석탄", when="2019"))
    assert "S/RES/2371 (2017) OP 8" in cited


def test_luxury_car_to_dprk() -> None:
    cited = _cited(_inc(type="other_violation", frm="RU", to="KP", item="Aurus",
                        category="luxury", when="2024-06"))
    assert "S/RES/1718 (2006) OP 8(a)(iii)" in cited


def test_crypto_theft_by_designated_entity_engages_asset_freeze() -> None:
    theft = _inc(type="cyber_theft", frm="KP", item="cryptocurrency theft", when="2025-02",
                 entities=("Reconnaissance General Bureau",))
    assert "S/RES/1718 (2006) OP 8(d)" in _cited(
        theft, designated=["reconnaissance general bureau"])
    # without a designated party the asset freeze is not engaged, and the reason says why
    a = assess(theft, get_regime("dprk"))
    assert not a.engaged and "no_designated_party" in (a.reason or "")


def test_lawful_arms_export_between_unsanctioned_states() -> None:
    a = assess(_inc(type="arms_transfer", frm="RU", to="IN", item="Pantsir-S1", when="2024"),
               get_regime("dprk"))
    assert a.engaged == []
    assert a.reason is not None and "neither side is KP" in a.reason
    assert a.rows()[0]["measure"] is None


def test_humanitarian_exemption_libya() -> None:
    a = assess(_inc(type="arms_transfer", frm="FR", to="LY", item="military equipment",
                    sentence="non-lethal military equipment for humanitarian use",
                    when="2012"), get_regime("libya"))
    assert a.engaged == []
    assert any(f.status == "exempt" and "non_lethal_humanitarian" in f.reason
               for f in a.not_engaged)


def test_libya_arms_without_exemption_are_engaged() -> None:
    cited = _cited(_inc(type="arms_transfer", frm="AE", to="LY", item="armoured vehicles",
                        when="2019"), regime="libya")
    # 1970 (2011) OP 9: States prevent the supply to Libya "of arms and related materiel of all
    # types" (quoted with "(Resolution 1970 (2011), para.9)" at embargo.grip.org/en/libya); the
    # number is verified in the data, so the label carries no "(unverified)".
    assert cited == {"S/RES/1970 (2011) OP 9"}


@pytest.mark.parametrize("when, engaged", [("2017-07", False), ("2017-09", True)])
def test_date_sensitivity_coal_ban_from_5_august_2017(when: str, engaged: bool) -> None:
    a = assess(_inc(type="other_violation", frm="KP", to="CN", item="coal", when=when),
               get_regime("dprk"))
    assert ("coal_iron_ban" in {f.measure for f in a.engaged}) is engaged
    if not engaged:
        [f] = [f for f in a.not_engaged if f.measure == "coal_iron_ban"]
        assert f.status == "not_yet_in_force"


def test_salw_before_2016_is_the_superseded_notification_regime() -> None:
    a = assess(_inc(type="arms_transfer", frm="XX", to="KP", item="assault rifles",
                    when="2012"), get_regime("dprk"))
    assert {f.measure for f in a.engaged} == {"salw_notification"}
    later = assess(_inc(type="arms_transfer", frm="XX", to="KP", item="assault rifles",
                        when="2020"), get_regime("dprk"))
    assert "salw_notification" not in {f.measure for f in later.engaged}
    assert "arms_all_incl_salw" in {f.measure for f in later.engaged}


def test_year_precision_straddling_entry_into_force_is_flagged() -> None:
    a = assess(_inc(type="other_violation", frm="KP", to="CN", item="coal", when="2017"),
               get_regime("dprk"))
    [f] = [f for f in a.engaged if f.measure == "coal_iron_ban"]
    assert f.status == "in_force_part_of_period"
