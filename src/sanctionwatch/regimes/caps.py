"""Cap accounting: sum deliveries in a cap window, notified and assessed kept apart.

Pure functions. Notified deliveries come from official reports (import them with
:func:`load_notified_csv`); assessed deliveries come from incidents.
"""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ValidationError

from sanctionwatch.incident import Incident
from sanctionwatch.regimes.dates import norm_unit, period
from sanctionwatch.regimes.engine import incident_categories
from sanctionwatch.regimes.schema import Cap, Measure, Regime

# Barrels per tonne. The resolution itself gives no refined-product factor. Default:
# gas/diesel oil, from the "approximate conversion factors" table of the BP (now Energy
# Institute) Statistical Review of World Energy. Override with --bbl-per-tonne.
DEFAULT_BBL_PER_TONNE = 7.46
FACTOR_SOURCE = (
    "assumption: 7.46 bbl per tonne (gas/diesel oil) from the approximate conversion factors "
    "of the Statistical Review of World Energy (https://www.energyinst.org/statistical-review); "
    "the 1718 Committee's own conversion factor was not verified"
)


class CapError(ValueError):
    """Bad cap input (unknown unit, unreadable CSV row)."""


class Delivery(BaseModel):
    day: date  # latest date the delivery can have happened (conservative for crossing)
    quantity: float
    quantity_max: float | None = None
    unit: Literal["bbl", "t"]
    series: Literal["notified", "assessed"]
    ref: str = ""


class CapReport(BaseModel):
    measure: str
    citation: str
    window_start: date
    window_end: date
    cap: float
    unit: str
    bbl_per_tonne: float
    factor_source: str
    notified: float
    assessed: float
    assessed_max: float
    combined: float
    share_notified: float
    share_assessed: float
    share_combined: float
    crossed_on: date | None  # date the combined series first reached the cap
    crossed_on_assessed: date | None
    deliveries: int
    caveat: str


def window_for(cap: Cap, year: int) -> tuple[date, date]:
    """The cap window in ``year``: a calendar year, or 12 months from the anchor's day."""
    if cap.window == "calendar_year":
        return date(year, 1, 1), date(year, 12, 31)
    start = cap.anchor.replace(year=year)
    end = start.replace(year=year + 1) - timedelta(days=1)
    return start, end


def to_unit(quantity: float, unit: str, target: str, bbl_per_tonne: float) -> float:
    if unit == target:
        return quantity
    if unit == "t" and target == "bbl":
        return quantity * bbl_per_tonne
    if unit == "bbl" and target == "t":
        return quantity / bbl_per_tonne
    raise CapError(f"cannot convert {unit} to {target}")


def deliveries_from_incidents(incidents: list[Incident], cap: Cap, target: str) -> list[Delivery]:
    """Assessed deliveries: incidents to ``target`` in the cap's category with a quantity."""
    from sanctionwatch.knowledge.items import load_catalogue

    catalogue = load_catalogue()
    out: list[Delivery] = []
    for inc in incidents:
        unit = norm_unit(inc.unit)
        if (inc.to != target or inc.quantity is None or inc.when is None
                or unit not in ("bbl", "t")
                or cap.category not in incident_categories(inc, catalogue)):
            continue
        out.append(Delivery(day=period(inc.when)[1], quantity=inc.quantity,
                            quantity_max=inc.quantity_max, unit=unit,  # type: ignore[arg-type]
                            series="assessed", ref=inc.evidence_id or (inc.sentence or "")[:80]))
    return out


def load_notified_csv(path: Path) -> list[Delivery]:
    """Officially notified deliveries: CSV with columns date,quantity,unit[,ref]."""
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise CapError(f"cannot read {path}: {exc}") from exc
    out: list[Delivery] = []
    with handle:
        reader = csv.DictReader(handle)
        missing = {"date", "quantity", "unit"} - set(reader.fieldnames or [])
        if missing:
            raise CapError(f"{path}: missing columns {sorted(missing)} (need date,quantity,unit)")
        for n, row in enumerate(reader, start=2):
            try:
                unit = norm_unit(row["unit"])
                if unit not in ("bbl", "t"):
                    raise CapError(f"unit must be barrels or tonnes, got {row['unit']!r}")
                out.append(Delivery(day=period(row["date"].strip())[1],
                                    quantity=float(row["quantity"]), unit=unit,  # type: ignore[arg-type]
                                    series="notified", ref=row.get("ref") or ""))
            except (ValueError, ValidationError, CapError) as exc:
                raise CapError(f"{path}:{n}: {exc}") from exc
    return out


def cap_usage(measure: Measure, cap: Cap, year: int, deliveries: list[Delivery],
              bbl_per_tonne: float = DEFAULT_BBL_PER_TONNE,
              factor_source: str = FACTOR_SOURCE) -> CapReport:
    """Sum ``deliveries`` inside the window of ``cap`` for ``year``; share and crossing date."""
    if bbl_per_tonne <= 0:
        raise CapError("bbl_per_tonne must be positive")
    start, end = window_for(cap, year)
    inside = sorted((d for d in deliveries if start <= d.day <= end), key=lambda d: d.day)
    unit = cap.unit

    def qty(d: Delivery, high: bool = False) -> float:
        value = d.quantity_max if high and d.quantity_max is not None else d.quantity
        return to_unit(value, d.unit, unit, bbl_per_tonne)

    notified = sum(qty(d) for d in inside if d.series == "notified")
    assessed = sum(qty(d) for d in inside if d.series == "assessed")
    assessed_max = sum(qty(d, True) for d in inside if d.series == "assessed")
    crossed = crossed_a = None
    running = running_a = 0.0
    for d in inside:
        running += qty(d)
        if crossed is None and running > cap.amount:
            crossed = d.day
        if d.series == "assessed":
            running_a += qty(d)
            if crossed_a is None and running_a > cap.amount:
                crossed_a = d.day
    combined = notified + assessed
    return CapReport(
        measure=measure.id, citation=measure.primary.label, window_start=start, window_end=end,
        cap=cap.amount, unit=unit, bbl_per_tonne=bbl_per_tonne, factor_source=factor_source,
        notified=notified, assessed=assessed, assessed_max=assessed_max, combined=combined,
        share_notified=notified / cap.amount, share_assessed=assessed / cap.amount,
        share_combined=combined / cap.amount, crossed_on=crossed, crossed_on_assessed=crossed_a,
        deliveries=len(inside),
        caveat=("combined = notified + assessed; an assessed delivery that was also notified "
                "is counted twice, so read combined as an upper bound. Dates of month- or "
                "year-precision incidents are taken at the end of their period."),
    )


def find_cap(regime: Regime, category: str, on: date) -> tuple[Measure, Cap]:
    """The in-force measure of ``regime`` capping ``category`` on date ``on``."""
    for m in regime.measures:
        for cap in m.caps:
            if (cap.category == category and m.in_force <= on
                    and (m.superseded is None or on < m.superseded)):
                return m, cap
    raise CapError(f"regime {regime.id} has no cap on {category} in force on {on}")
