"""Cap accounting: windows, unit conversion, notified vs assessed, crossing date, CLI."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from sanctionwatch.cli import main
from sanctionwatch.incident import Incident
from sanctionwatch.regimes.caps import (
    CapError,
    Delivery,
    cap_usage,
    deliveries_from_incidents,
    find_cap,
    load_notified_csv,
    to_unit,
    window_for,
)
from sanctionwatch.regimes.loader import get_regime

DPRK = get_regime("dprk")


def test_windows() -> None:
    _, refined = find_cap(DPRK, "petroleum_refined", date(2024, 6, 1))
    assert window_for(refined, 2024) == (date(2024, 1, 1), date(2024, 12, 31))
    _, crude = find_cap(DPRK, "petroleum_crude", date(2024, 6, 1))
    # 2397 OP4: twelve-month periods from 22 December 2017
    assert window_for(crude, 2023) == (date(2023, 12, 22), date(2024, 12, 21))


def test_2017_refined_cap_is_the_superseded_2375_one_before_22_december() -> None:
    m, cap = find_cap(DPRK, "petroleum_refined", date(2017, 10, 1))
    assert m.id == "refined_petroleum_cap_2375" and cap.amount == 2_000_000
    with pytest.raises(CapError, match="no cap on coal"):
        find_cap(DPRK, "coal", date(2024, 1, 1))


def test_unit_conversion_round_trip() -> None:
    assert to_unit(100.0, "t", "bbl", 7.46) == pytest.approx(746.0)
    assert to_unit(746.0, "bbl", "t", 7.46) == pytest.approx(100.0)


def test_sums_shares_and_crossing_date() -> None:
    m, cap = find_cap(DPRK, "petroleum_refined", date(2024, 6, 1))
    deliveries = [
        Delivery(day=date(2024, 1, 31), quantity=15_279, unit="bbl", series="notified"),
        Delivery(day=date(2024, 3, 31), quantity=165_000, unit="bbl", series="assessed"),
        Delivery(day=date(2024, 8, 31), quantity=40_000, quantity_max=50_000, unit="t",
                 series="assessed"),
        Delivery(day=date(2023, 12, 31), quantity=999_999, unit="bbl", series="assessed"),
    ]
    r = cap_usage(m, cap, 2024, deliveries, bbl_per_tonne=8.0)
    assert r.notified == 15_279
    assert r.assessed == 165_000 + 320_000  # 40,000 t x 8 bbl/t; the 2023 delivery is outside
    assert r.assessed_max == 165_000 + 400_000
    assert r.share_combined == pytest.approx((15_279 + 485_000) / 500_000)
    assert r.crossed_on == date(2024, 8, 31)
    assert r.crossed_on_assessed is None  # 485,000 bbl assessed alone stays under the cap
    assert r.deliveries == 3


def test_incidents_become_assessed_deliveries() -> None:
    _, cap = find_cap(DPRK, "petroleum_refined", date(2024, 6, 1))
    incs = [Incident.model_validate(d) for d in [
        {"type": "petroleum_transfer", "from": "RU", "to": "KP", "item": "diesel",
         "quantity": 100, "unit": "barrels", "when": "2024-05"},
        {"type": "petroleum_transfer", "from": "RU", "to": "CN", "item": "diesel",
         "quantity": 100, "unit": "barrels", "when": "2024-05"},
        {"type": "arms_transfer", "from": "KP", "to": "RU", "item": "shells", "quantity": 5,
         "when": "2024"},
    ]]
    [d] = deliveries_from_incidents(incs, cap, "KP")
    assert d.day == date(2024, 5, 31) and d.series == "assessed"


def test_notified_csv_errors_name_the_row(tmp_path: Path) -> None:
    bad = tmp_path / "n.csv"
    bad.write_text("date,quantity,unit\n2024-01-02,10,bbl\n2024-02-30,5,bbl\n")
    with pytest.raises(CapError, match=r"n.csv:3"):
        load_notified_csv(bad)
    bad.write_text("date,amount\n")
    with pytest.raises(CapError, match="missing columns"):
        load_notified_csv(bad)
    bad.write_text("date,quantity,unit\n2024-01-02,10,litres\n")
    with pytest.raises(CapError, match="barrels or tonnes"):
        load_notified_csv(bad)


def test_caps_and_assess_cli(tmp_path: Path) -> None:
    inc = tmp_path / "i.jsonl"
    inc.write_text(json.dumps({"doc": "d", "incidents": [
        {"type": "petroleum_transfer", "from": "RU", "to": "KP", "item": "gasoline",
         "quantity": 600000, "unit": "bbl", "when": "2024-11-03"}]}) + "\n")
    runner = CliRunner()
    out = runner.invoke(main, ["caps", "--year", "2024", "--incidents", str(inc), "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert data["assessed"] == 600000 and data["crossed_on"] == "2024-11-03"
    out = runner.invoke(main, ["assess", "--json", str(inc)])
    assert out.exit_code == 0, out.output
    rows = json.loads(out.output)[0]["measures"]
    assert {"measure", "resolution", "paragraph", "reason"} <= set(rows[0])
    assert rows[0]["paragraph"] == "OP 5" and rows[0]["resolution"] == "2397 (2017)"
    bad = tmp_path / "bad.json"
    bad.write_text('[{"type": "arms_transfer", "to": "Korea"}]')
    out = runner.invoke(main, ["assess", str(bad)])
    assert out.exit_code != 0 and "bad incident" in out.output
    out = runner.invoke(main, ["regime", "show", "dprk", "--measure", "nope"])
    assert out.exit_code != 0 and "no measure 'nope'" in out.output
