"""Helpers for the access layer: turn an assessed finding into a ``FindingView``.

The caller decides what the audience may see and passes only that: source rows with
pseudonymised labels or commitments, letters, opinions, places.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from sanctionwatch.findings.estimative import estimate
from sanctionwatch.findings.grading import theme_for
from sanctionwatch.findings.records import Assessment
from sanctionwatch.report.model import (
    CapView,
    FindingView,
    LetterView,
    OpinionView,
    ParagraphRef,
    Place,
    QuantityView,
    SourceRow,
)

_REASONS = {
    "same_originator": "same originator",
    "near_duplicate": "near-duplicate text",
    "same_upstream": "relays the same upstream outlet",
    "same_item": "same document",
}
_TITLES = {
    "arms_transfer": "Arms transfer",
    "military_personnel": "Military personnel",
    "technical_assistance": "Technical assistance",
    "petroleum_transfer": "Petroleum transfer",
    "ship_to_ship_transfer": "Ship-to-ship transfer",
    "port_call": "Port call",
    "designated_entity_activity": "Designated entity activity",
    "cyber_theft": "Cyber theft",
    "overseas_workers": "Overseas workers",
}


def refined_petroleum_cap(year: int, notified: Decimal | None = None) -> CapView:
    """Refined petroleum products to the DPRK: 500,000 barrels per 12 months."""
    return CapView(label="Refined petroleum products to the DPRK", unit="barrels",
                   limit=Decimal(500_000), year=year, notified=notified,
                   source="S/RES/2397 (2017), operative paragraph 5")


def counting_lines(a: Assessment, ref: Mapping[str, str]) -> list[str]:
    """How the sources were counted, with audience-safe references instead of ids."""
    lines = []
    for lk in a.links:
        why = _REASONS.get(lk.reason, lk.reason)
        if lk.reason == "same_upstream" and lk.detail:
            why += f" ({lk.detail})"
        lines.append(f"{ref.get(lk.b, '?')} counted with {ref.get(lk.a, '?')}: {why}")
    for g in a.groups:
        if not g.counts:
            lines.append(f"{ref.get(g.representative, '?')} does not count towards the "
                         f"standard (graded {g.grade})")
    if a.denials:
        lines.append(f"{len(a.denials)} incident(s) deny the event and do not count")
    return lines


def counted_label(a: Assessment, evidence_id: str, ref: Mapping[str, str]) -> str:
    for lk in a.links:
        if lk.b == evidence_id:
            return f"with {ref.get(lk.a, '?')} ({_REASONS.get(lk.reason, lk.reason)})"
    for g in a.groups:
        if evidence_id in g.evidence_ids and not g.counts:
            return "does not count (grade)"
    return "independent"


def finding_view(
    fid: str,
    a: Assessment,
    *,
    status: str,
    sources: Sequence[SourceRow],
    ref: Mapping[str, str],
    paragraphs: Sequence[ParagraphRef] = (),
    letters: Sequence[LetterView] = (),
    opinions: Sequence[OpinionView] = (),
    places: Sequence[Place] = (),
    override_reason: str | None = None,
) -> FindingView:
    """Build the view of one finding; ``ref`` maps evidence ids to the report's refs."""
    est = estimate(a, confirmed=status in ("confirmed", "published"))
    countries = sorted({c for c in (a.key.from_country, a.key.to_country) if c})
    title = _TITLES.get(a.key.type, "Other violation")
    if a.key.subject:
        title += f": {a.key.subject}"
    return FindingView(
        id=fid, theme=theme_for(a.key.type, a.key.subject), title=title, type=a.key.type,
        countries=countries, likelihood=est.likelihood, confidence=est.confidence,
        judgment=est.judgment, basis=est.basis, confidence_statement=est.confidence_statement,
        status=status,  # type: ignore[arg-type]
        period=a.period.label() if a.period else None,
        period_start=a.period.start if a.period else None,
        period_end=a.period.end if a.period else None,
        independent_sources=a.independent, counting=counting_lines(a, ref),
        paragraphs=list(paragraphs),
        quantities=[QuantityView(unit=q.unit, low=q.low, high=q.high, sources=q.sources)
                    for q in a.quantities],
        sources=list(sources), letters=list(letters), opinions=list(opinions),
        places=list(places), override_reason=override_reason,
    )
