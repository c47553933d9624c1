"""The one controlled vocabulary of item categories.

The item catalogue (``knowledge/data/items.yaml``), the extractor's ``Incident.category``
and the regime scopes (``regimes/data/*.yaml``) all use these identifiers, so that an
incident about "Pantsir-S1" can be matched to a measure covering "arms and related
materiel" without string guessing.

Conventional arms follow the seven categories of the UN Register of Conventional Arms
(UNROCA, https://www.unroca.org/categories); the rest is our own vocabulary, grouped
so that a regime can name a whole family (``arms``) instead of listing members.
"""

from __future__ import annotations

from typing import Final

# --- conventional arms -----------------------------------------------------------------
UNROCA: Final[dict[str, str]] = {
    "unroca_I_battle_tanks": "UN Register category I: battle tanks",
    "unroca_II_armoured_combat_vehicles": "UN Register category II: armoured combat vehicles",
    "unroca_III_large_calibre_artillery": "UN Register category III: large-calibre artillery "
    "systems (75 mm and above), incl. multiple-launch rocket systems",
    "unroca_IV_combat_aircraft": "UN Register category IV: combat aircraft and UCAV",
    "unroca_V_attack_helicopters": "UN Register category V: attack helicopters",
    "unroca_VI_warships": "UN Register category VI: warships and submarines",
    "unroca_VII_missiles_launchers": "UN Register category VII: missiles and missile "
    "launchers (range >= 25 km) and MANPADS",
}

OTHER_ARMS: Final[dict[str, str]] = {
    "small_arms": "small arms (rifles, carbines, machine guns, pistols)",
    "light_weapons": "light weapons (heavy machine guns, grenade launchers, mortars < 75 mm, "
    "portable anti-tank weapons)",
    "ammunition": "ammunition, shells, rockets and rounds for any weapon",
    "air_defence": "ground-based air-defence systems not covered by UNROCA category VII",
    "electronic_warfare": "electronic-warfare, jamming and military communications equipment",
    "related_materiel": "related materiel: spare parts, military vehicles, drones below "
    "UNROCA thresholds, protective equipment, military components",
    "military_personnel": "military units, troops or military advisers",
}

# --- WMD and dual use ------------------------------------------------------------------
WMD: Final[dict[str, str]] = {
    "wmd_ballistic": "nuclear, ballistic-missile and other WMD items, technology and know-how",
    "dual_use": "conventional dual-use goods (could serve military or WMD programmes)",
}

# --- commodities -----------------------------------------------------------------------
COMMODITIES: Final[dict[str, str]] = {
    "luxury": "luxury goods (jewellery, yachts, luxury cars, spirits, watches …)",
    "petroleum_refined": "refined petroleum products (HS 2710: diesel, gasoline, kerosene …)",
    "petroleum_crude": "crude oil (HS 2709)",
    "condensates_ngl": "condensates and natural-gas liquids",
    "aviation_fuel": "aviation fuel, incl. jet fuel and rocket fuel",
    "coal": "coal (HS 2701)",
    "iron_ore": "iron and iron ore (HS 2601, 72)",
    "minerals": "other ores and minerals (gold, titanium, vanadium, rare earths, copper, "
    "nickel, silver, zinc, lead)",
    "seafood": "fish, crustaceans, molluscs and other aquatic invertebrates (HS 03, 1604, 1605)",
    "textiles": "textiles, fabrics and apparel (HS 50-63)",
    "food_agricultural": "food and agricultural products (HS 07, 08, 12)",
    "machinery": "machinery and mechanical appliances (HS 84)",
    "electrical_equipment": "electrical machinery and equipment (HS 85)",
    "earth_stone": "earth and stone incl. magnesite and magnesia (HS 25)",
    "wood": "wood and articles of wood (HS 44)",
    "vessels": "ships, boats and floating structures (HS 89)",
    "transport_vehicles": "vehicles, rolling stock and aircraft (HS 86-89)",
    "metals": "iron, steel and other base metals (HS 72-83)",
    "statues": "statues and monuments",
    "helicopters": "helicopters (HS 8802.11, 8802.12)",
    "humanitarian_goods": "food, medicine and other humanitarian supplies",
}

# --- services, persons, money ----------------------------------------------------------
SERVICES: Final[dict[str, str]] = {
    "training": "military, paramilitary or police training",
    "technical_assistance": "technical training, advice, services or assistance",
    "repair_servicing": "repair, servicing, refurbishing, testing, reverse-engineering",
    "financial_services": "financial services, transfers, bulk cash, trade finance",
    "workers": "overseas workers earning income abroad",
    "joint_venture": "joint ventures and cooperative entities",
    "vessel_services": "vessel leasing, chartering, crewing, flagging, insurance, "
    "classification",
    "ship_to_ship": "ship-to-ship transfer of cargo",
    "cyber": "cyber operations, crypto-asset theft and laundering, IT work",
    "designated_assets": "funds, assets or economic resources of designated persons",
}

CATEGORIES: Final[dict[str, str]] = {**UNROCA, **OTHER_ARMS, **WMD, **COMMODITIES, **SERVICES}

# Families a regime scope may name instead of single categories.
GROUPS: Final[dict[str, frozenset[str]]] = {
    "arms": frozenset(UNROCA) | frozenset(OTHER_ARMS) - {"military_personnel"},
    "arms_except_salw": (frozenset(UNROCA) | frozenset(OTHER_ARMS))
    - {"small_arms", "light_weapons", "military_personnel"},
    "salw": frozenset({"small_arms", "light_weapons"}),
    "unroca": frozenset(UNROCA),
    "wmd": frozenset(WMD),
    "services": frozenset(SERVICES),
}

KINDS: Final[tuple[str, ...]] = ("weapon", "munition", "commodity", "service")


def is_category(name: str) -> bool:
    return name in CATEGORIES


def expand(names: list[str] | tuple[str, ...] | frozenset[str]) -> frozenset[str]:
    """Expand group names (``arms``, ``salw`` …) into categories; unknown names raise."""
    out: set[str] = set()
    for name in names:
        if name in GROUPS:
            out |= GROUPS[name]
        elif name in CATEGORIES:
            out.add(name)
        else:
            raise ValueError(f"unknown item category or group: {name!r}")
    return frozenset(out)
