"""The rule engine: which measures of a regime does an incident engage, and why."""

from __future__ import annotations

import contextlib
from collections.abc import Collection
from datetime import date

from pydantic import BaseModel

from sanctionwatch.incident import Incident
from sanctionwatch.knowledge.categories import CATEGORIES, expand
from sanctionwatch.knowledge.items import Catalogue, hs_matches, load_catalogue
from sanctionwatch.regimes.dates import norm_unit, period
from sanctionwatch.regimes.schema import Exemption, Measure, Regime

# Incident types imply a category when the extractor gave none.
TYPE_CATEGORY: dict[str, str] = {
    "technical_assistance": "technical_assistance",
    "military_personnel": "military_personnel",
    "ship_to_ship_transfer": "ship_to_ship",
    "overseas_workers": "workers",
    "cyber_theft": "cyber",
    "petroleum_transfer": "petroleum_refined",
}


class Finding(BaseModel):
    """One measure considered for one incident."""

    measure: str
    title: str
    resolution: str
    paragraph: str  # "OP 5" or "OP 9 (unverified)"
    citation: str  # "S/RES/2397 (2017) OP 5"
    citations: list[str]
    verified: bool
    status: str  # in_force | not_yet_in_force | superseded | deadline_not_reached | exempt ...
    condition: str
    reason: str


class Assessment(BaseModel):
    regime: str
    incident: dict[str, object]
    engaged: list[Finding]
    not_engaged: list[Finding]
    reason: str | None = None  # set when nothing is engaged

    def rows(self) -> list[dict[str, object]]:
        """Per engaged measure: the {measure, resolution, paragraph, reason} shape (+ extras)."""
        if not self.engaged:
            return [{"measure": None, "resolution": None, "paragraph": None,
                     "reason": self.reason or "no measure engaged"}]
        return [f.model_dump() for f in self.engaged]


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def incident_categories(incident: Incident, catalogue: Catalogue) -> frozenset[str]:
    cats: set[str] = set()
    if incident.category:
        with contextlib.suppress(ValueError):  # not our vocabulary: fall back to the item
            cats |= expand([incident.category])
    if incident.item:
        for entry in catalogue.lookup(incident.item):
            cats.add(entry.category)
    implied = TYPE_CATEGORY.get(incident.type)
    if implied and (not cats or implied != "petroleum_refined"):
        cats.add(implied)
    return frozenset(c for c in cats if c in CATEGORIES)


def incident_hs(incident: Incident, catalogue: Catalogue) -> tuple[str, ...]:
    if not incident.item:
        return ()
    codes: list[str] = []
    for entry in catalogue.lookup(incident.item):
        codes.extend(c.partition("-")[0] for c in entry.hs_codes)
    return tuple(codes)


def _text(incident: Incident) -> str:
    return _norm(" ".join(x for x in (incident.item, incident.sentence, incident.attribution) if x))


def _designated_hits(incident: Incident, designated: Collection[str]) -> list[str]:
    names = {_norm(d) for d in designated}
    return [n for n in (*incident.entities, *incident.vessels) if _norm(n) in names]


def _direction_ok(m: Measure, incident: Incident, target: str, designated_hit: bool) -> str | None:
    frm, to = incident.from_, incident.to
    if m.direction == "to" and to == target:
        return f"to {target}"
    if m.direction == "from" and frm == target:
        return f"from {target}"
    if m.direction == "both" and target in (frm, to):
        return f"{'from' if frm == target else 'to'} {target}"
    if m.direction == "any" and (target in (frm, to) or designated_hit):
        return "designated party involved" if designated_hit else f"involves {target}"
    return None


def _scope_match(m: Measure, incident: Incident, cats: frozenset[str],
                 hs: tuple[str, ...], text: str) -> str | None:
    s = m.scope
    why: str | None = None
    hit = sorted(cats & s.expanded)
    if hit:
        why = f"category {', '.join(hit)}"
    elif s.hs_codes and any(hs_matches(code, s.hs_codes) for code in hs):
        why = f"HS {', '.join(hs)}"
    elif incident.type in s.incident_types:
        why = f"incident type {incident.type}"
    if why and s.keywords:
        kw = [k for k in s.keywords if _norm(k) in text]
        why = f"{why}; keyword {kw[0]!r}" if kw else None
    return why


def _exempt(m: Measure, cats: frozenset[str], text: str) -> Exemption | None:
    for ex in m.exemptions:
        if ex.categories and cats & expand(ex.categories):
            return ex
        if any(_norm(k) in text for k in ex.keywords):
            return ex
    return None


def _status(m: Measure, when: str | None) -> tuple[str, bool, str]:
    """(status, engaged?, explanation) of measure ``m`` on the incident date."""
    if when is None:
        if m.superseded:
            return "superseded", False, f"superseded on {m.superseded} (incident date unknown)"
        return "in_force", True, "in force (incident date unknown; assumed current)"
    start, end = period(when)
    if end < m.in_force:
        return "not_yet_in_force", False, f"not yet in force on {when} (in force {m.in_force})"
    if m.superseded and start >= m.superseded:
        by = f" by {m.superseded_by}" if m.superseded_by else ""
        return "superseded", False, f"superseded{by} on {m.superseded}"
    if m.effective and end < m.effective:
        return ("deadline_not_reached", False,
                f"in force, but compliance due only by {m.effective}")
    notes = []
    if start < m.in_force:
        notes.append(f"entered into force {m.in_force}, within the incident period {when}")
    if m.superseded and end >= m.superseded:
        notes.append(f"superseded on {m.superseded}, within the incident period {when}")
    if notes:
        return ("in_force_part_of_period", True,
                "in force for part of the period: " + "; ".join(notes))
    return "in_force", True, f"in force on {when}"


def _cap_note(m: Measure, incident: Incident) -> str:
    unit = norm_unit(incident.unit)
    for cap in m.caps:
        amount = cap.amount if unit == cap.unit else (
            cap.alt_amount if unit == cap.alt_unit else None)
        if amount is None or incident.quantity is None:
            continue
        window = ("calendar year" if cap.window == "calendar_year"
                  else f"12 months from {cap.anchor:%d %b}")
        note = (f"; {incident.quantity:,.0f} {unit} counts toward the cap of "
                f"{amount:,.0f} {unit} per {window}")
        if incident.quantity > amount:
            note += " and alone exceeds it"
        return note
    return ""


def _finding(m: Measure, status: str, condition: str, reason: str) -> Finding:
    p = m.primary
    return Finding(
        measure=m.id, title=m.title, resolution=p.resolution, paragraph=p.op,
        citation=p.label, citations=[c.label for c in m.citations],
        verified=all(c.verified for c in m.citations), status=status,
        condition=condition, reason=reason,
    )


def assess(incident: Incident, regime: Regime, *, designated: Collection[str] = (),
           catalogue: Catalogue | None = None) -> Assessment:
    """Every measure of ``regime`` the incident engages, with status and reason.

    ``designated`` names persons, entities or vessels known to be designated (from the
    lists area); an incident of type ``designated_entity_activity`` counts as involving one.
    """
    catalogue = catalogue or load_catalogue()
    cats = incident_categories(incident, catalogue)
    hs = incident_hs(incident, catalogue)
    text = _text(incident)
    hits = _designated_hits(incident, designated)
    designated_hit = bool(hits) or incident.type == "designated_entity_activity"
    engaged: list[Finding] = []
    others: list[Finding] = []
    geo_fail = 0
    for m in regime.measures:
        if m.obligation_only:
            continue
        scope = _scope_match(m, incident, cats, hs, text)
        if scope is None:
            continue
        if m.scope.requires_designated and not designated_hit:
            others.append(_finding(m, "no_designated_party", scope,
                                   "needs a designated person, entity or vessel; none identified"))
            continue
        direction = _direction_ok(m, incident, regime.target, designated_hit)
        if direction is None:
            geo_fail += 1
            continue
        condition = f"{scope}; {direction}"
        if hits:
            condition += f"; designated: {', '.join(hits)}"
        status, ok, why = _status(m, incident.when)
        ex = _exempt(m, cats, text) if ok else None
        if ex is not None:
            cite = f" ({ex.citation.label})" if ex.citation else ""
            approval = " if approved by the Committee" if ex.requires_committee_approval else ""
            others.append(_finding(m, "exempt", condition,
                                   f"exemption {ex.id}{cite}: {ex.text}{approval}"))
            continue
        text_reason = f"{condition}; {why}" + (_cap_note(m, incident) if ok else "")
        (engaged if ok else others).append(_finding(m, status, condition, text_reason))
    reason: str | None = None
    if not engaged:
        reason = _no_measure_reason(incident, regime, cats, others, geo_fail)
    return Assessment(regime=regime.id, incident=incident.wire(), engaged=engaged,
                      not_engaged=others, reason=reason)


def _no_measure_reason(incident: Incident, regime: Regime, cats: frozenset[str],
                       others: list[Finding], geo_fail: int) -> str:
    head = f"no {regime.id} measure engaged"
    if others:
        return f"{head}: " + "; ".join(f"{f.citation} {f.status} ({f.reason})" for f in others)
    if geo_fail:
        return (f"{head}: neither side is {regime.target} "
                f"({incident.from_ or '?'} -> {incident.to or '?'}) and no designated party "
                "is involved")
    what = ", ".join(sorted(cats)) or incident.item or incident.type
    return f"{head}: no measure covers {what}"


def assess_many(incidents: list[Incident], regime: Regime, *,
                designated: Collection[str] = ()) -> list[Assessment]:
    catalogue = load_catalogue()
    return [assess(i, regime, designated=designated, catalogue=catalogue) for i in incidents]


def today() -> date:
    return date.today()
