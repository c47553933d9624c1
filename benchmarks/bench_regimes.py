"""Throughput of the regime engine: incidents assessed per second against the DPRK regime."""

from __future__ import annotations

import time

from sanctionwatch.incident import Incident
from sanctionwatch.knowledge.items import load_catalogue
from sanctionwatch.regimes.engine import assess_many
from sanctionwatch.regimes.loader import get_regime, load_regimes


def main() -> None:
    t0 = time.perf_counter()
    load_catalogue()
    load_regimes()
    t_load = time.perf_counter() - t0
    base = [
        {"type": "arms_transfer", "from": "RU", "to": "KP", "item": "Pantsir-S1",
         "when": "2024-11"},
        {"type": "arms_transfer", "from": "KP", "to": "RU", "item": "снаряды", "when": "2024"},
        {"type": "petroleum_transfer", "from": "RU", "to": "KP", "item": "diesel",
         "quantity": 1000, "unit": "t", "when": "2024-05"},
        {"type": "arms_transfer", "from": "RU", "to": "IN", "item": "T-90", "when": "2023"},
    ]
    incidents = [Incident.model_validate(base[i % len(base)]) for i in range(20_000)]
    regime = get_regime("dprk")
    t0 = time.perf_counter()
    assess_many(incidents, regime)
    dt = time.perf_counter() - t0
    print(f"load catalogue + regimes: {t_load * 1000:.0f} ms")
    print(f"assessed {len(incidents)} incidents in {dt:.2f} s = {len(incidents) / dt:,.0f}/s")


if __name__ == "__main__":
    main()
