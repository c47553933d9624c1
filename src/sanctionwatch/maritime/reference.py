"""Validated reference data shipped with the package: thresholds, ports, MID table, coast."""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field

DATA_DIR = Path(__file__).parent / "data"


class _Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    source: str = Field(min_length=10)


class SegmentationRule(_Rule):
    max_knots: float = Field(gt=0)
    distance_tolerance_nm: float = Field(ge=0)
    max_open_segments: int = Field(ge=1)
    min_good_points: int = Field(ge=1)


class GapRule(_Rule):
    min_hours: float = Field(gt=0)
    intentional_min_hours: float = Field(gt=0)
    intentional_min_offshore_nm: float = Field(ge=0)
    intentional_min_positions_12h: int = Field(ge=0)


class EncounterRule(_Rule):
    max_distance_km: float = Field(gt=0)
    min_hours: float = Field(gt=0)
    max_median_knots: float = Field(gt=0)
    min_port_distance_km: float = Field(ge=0)
    resample_minutes: int = Field(ge=1)
    max_interpolation_hours: float = Field(gt=0)
    merge_gap_hours: float = Field(ge=0)
    cell_degrees: float = Field(gt=0)


class LoiteringRule(_Rule):
    max_knots: float = Field(gt=0)
    min_hours: float = Field(gt=0)
    min_shore_nm: float = Field(ge=0)
    class_min_hours: dict[str, float] = Field(default_factory=dict)


class PortVisitRule(_Rule):
    entry_km: float = Field(gt=0)
    exit_km: float = Field(gt=0)
    stop_knots: float = Field(gt=0)
    resume_knots: float = Field(gt=0)
    port_gap_hours: float = Field(gt=0)


class IdentityRule(_Rule):
    min_overlap_hours: float = Field(gt=0)
    max_edit_distance: int = Field(ge=1)


class Thresholds(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    segmentation: SegmentationRule
    gap: GapRule
    encounter: EncounterRule
    loitering: LoiteringRule
    port_visit: PortVisitRule
    identity: IdentityRule


class Port(BaseModel):
    model_config = ConfigDict(frozen=True)
    name: str = Field(min_length=1)
    aliases: tuple[str, ...] = ()
    country: str = Field(pattern=r"^[A-Z]{2}$")
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    source: str = Field(min_length=5)


def load_thresholds(path: Path | None = None) -> Thresholds:
    """Thresholds from ``path`` (default: the shipped ``thresholds.yaml``)."""
    with (path or DATA_DIR / "thresholds.yaml").open(encoding="utf-8") as fh:
        return Thresholds.model_validate(yaml.safe_load(fh))


@lru_cache(maxsize=1)
def default_thresholds() -> Thresholds:
    return load_thresholds()


@lru_cache(maxsize=1)
def ports() -> tuple[Port, ...]:
    with (DATA_DIR / "ports.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return tuple(
        Port(
            name=r["name"],
            aliases=tuple(a for a in r["aliases"].split("|") if a),
            country=r["country"],
            lat=float(r["lat"]),
            lon=float(r["lon"]),
            source=r["source"],
        )
        for r in rows
    )


def find_port(name: str) -> Port | None:
    key = name.strip().casefold()
    for port in ports():
        if key == port.name.casefold() or key in (a.casefold() for a in port.aliases):
            return port
    return None


@lru_cache(maxsize=1)
def mid_table() -> dict[str, str]:
    """Maritime Identification Digits -> ISO 3166-1 alpha-2 (ITU)."""
    with (DATA_DIR / "mid.csv").open(encoding="utf-8", newline="") as fh:
        table = {r["mid"]: r["iso2"] for r in csv.DictReader(fh)}
    for mid, iso in table.items():
        if not (len(mid) == 3 and mid.isdigit() and len(iso) == 2 and iso.isupper()):
            raise ValueError(f"mid.csv: bad row {mid!r},{iso!r}")
    return table


@lru_cache(maxsize=1)
def coastline() -> tuple[tuple[str, tuple[tuple[float, float], ...]], ...]:
    """Coast polylines as (name, ((lat, lon), ...))."""
    lines: dict[str, list[tuple[int, float, float]]] = {}
    with (DATA_DIR / "coastline.csv").open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            lines.setdefault(r["line"], []).append(
                (int(r["seq"]), float(r["lat"]), float(r["lon"]))
            )
    return tuple(
        (name, tuple((lat, lon) for _, lat, lon in sorted(pts))) for name, pts in lines.items()
    )
