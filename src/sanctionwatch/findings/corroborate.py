"""Corroboration: incidents about the same event -> candidate findings, sources counted.

Incidents are about the same event when they share type, parties and subject (item
category, else item) and their periods overlap. Among the evidence items behind one
candidate, items count once when they share an originator, are near-duplicate texts, or
relay the same upstream outlet. Quantities become ranges over the independent sources.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal

from sanctionwatch.findings.cues import CueMatcher, default_matcher
from sanctionwatch.findings.duplicates import near_duplicate_pairs
from sanctionwatch.findings.grading import Policy, grade, grade_rank
from sanctionwatch.findings.periods import Period, hull, parse_when
from sanctionwatch.findings.records import (
    Assessment,
    FindingKey,
    IncidentInput,
    Link,
    LinkReason,
    QuantityRange,
    SourceGroup,
    SourceItem,
)

_UNITS = {
    "bbl": "barrels", "barrel": "barrels", "barrels": "barrels",
    "t": "tonnes", "tonne": "tonnes", "tonnes": "tonnes", "ton": "tonnes", "tons": "tonnes",
    "metric tons": "tonnes", "mt": "tonnes",
    "usd": "USD", "us$": "USD", "$": "USD", "dollars": "USD",
}


class CorroborationError(ValueError):
    """Inputs that cannot be corroborated (e.g. an incident whose item is unknown)."""


def normalise_unit(unit: str | None) -> str | None:
    if unit is None or not unit.strip():
        return None
    return _UNITS.get(unit.strip().lower(), unit.strip().lower())


def finding_key(inc: IncidentInput) -> FindingKey:
    subject = re.sub(r"\s+", " ", (inc.category or inc.item or "").strip().lower())
    return FindingKey(
        type=inc.type, from_country=inc.from_country, to_country=inc.to_country, subject=subject
    )


def finding_id(key: FindingKey, incident_ids: Iterable[str]) -> str:
    """Deterministic id from the key and the earliest member (stable as members join)."""
    first = min(incident_ids)
    return "F" + hashlib.sha256(f"{key.text()}|{first}".encode()).hexdigest()[:15]


def _period(inc: IncidentInput) -> Period | None:
    return parse_when(inc.when) if inc.when else None


def cluster_by_period(
    incidents: Sequence[IncidentInput], slack_days: int = 0
) -> list[list[IncidentInput]]:
    """Connected runs of overlapping periods; undated incidents form their own cluster."""
    dated = sorted(
        ((p, i) for i in incidents if (p := _period(i)) is not None),
        key=lambda pi: (pi[0].start, pi[0].end, pi[1].id),
    )
    clusters: list[list[IncidentInput]] = []
    current: list[IncidentInput] = []
    span: Period | None = None
    for p, inc in dated:
        if span is not None and span.overlaps(p, slack_days):
            current.append(inc)
            span = Period(start=span.start, end=max(span.end, p.end))
        else:
            if current:
                clusters.append(current)
            current, span = [inc], p
    if current:
        clusters.append(current)
    undated = sorted((i for i in incidents if i.when is None), key=lambda i: i.id)
    if undated:
        clusters.append(undated)
    return clusters


def group_incidents(
    incidents: Iterable[IncidentInput], policy: Policy
) -> list[tuple[FindingKey, list[IncidentInput]]]:
    by_key: dict[FindingKey, list[IncidentInput]] = defaultdict(list)
    for inc in incidents:
        by_key[finding_key(inc)].append(inc)
    out = []
    for key in sorted(by_key, key=lambda k: k.text()):
        for cluster in cluster_by_period(by_key[key], policy.period_slack_days):
            out.append((key, cluster))
    return out


class _UnionFind:
    def __init__(self, ids: Iterable[str]) -> None:
        self.parent = {i: i for i in ids}

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        lo, hi = sorted((ra, rb))
        self.parent[hi] = lo
        return True


def _links(items: Mapping[str, SourceItem], policy: Policy, matcher: CueMatcher) -> list[Link]:
    """Candidate reasons to collapse, strongest first (originator, upstream, text)."""
    ids = sorted(items)
    links: list[Link] = []
    by_orig: dict[str, list[str]] = defaultdict(list)
    for i in ids:
        by_orig[items[i].originator_key].append(i)
    for group in by_orig.values():
        links += [Link(a=group[0], b=o, reason="same_originator") for o in group[1:]]
    by_up: dict[str, list[str]] = defaultdict(list)
    for i in ids:
        for outlet in sorted(matcher.upstream(items[i].text)):
            by_up[outlet].append(i)
    for outlet in sorted(by_up):
        group = by_up[outlet]
        links += [Link(a=group[0], b=o, reason="same_upstream", detail=outlet) for o in group[1:]]
    texts = {i: (items[i].text, items[i].language) for i in ids if items[i].text.strip()}
    for a, b, sim in near_duplicate_pairs(texts, policy.near_duplicate):
        reason: LinkReason = "near_duplicate"
        links.append(Link(a=a, b=b, reason=reason, detail=f"similarity {sim:.2f}"))
    return links


def _decimal(value: float) -> Decimal:
    d = Decimal(repr(float(value))).normalize()
    return d.quantize(Decimal(1)) if d == d.to_integral_value() else d


def _quantities(
    groups: Sequence[tuple[str, ...]], incidents: Sequence[IncidentInput]
) -> tuple[QuantityRange, ...]:
    """Per unit: each source group reports a (low, high); the finding spans them all."""
    per_unit: dict[str, list[tuple[Decimal, Decimal]]] = defaultdict(list)
    for members in groups:
        found: dict[str, tuple[Decimal, Decimal]] = {}
        for inc in incidents:
            unit = normalise_unit(inc.unit)
            if inc.evidence_id not in members or inc.quantity is None or unit is None:
                continue
            lo = _decimal(inc.quantity)
            hi = _decimal(inc.quantity_max) if inc.quantity_max is not None else lo
            lo, hi = min(lo, hi), max(lo, hi)
            if unit in found:
                lo, hi = min(lo, found[unit][0]), max(hi, found[unit][1])
            found[unit] = (lo, hi)
        for unit, rng in found.items():
            per_unit[unit].append(rng)
    return tuple(
        QuantityRange(
            unit=unit,
            low=min(r[0] for r in ranges),
            high=max(r[1] for r in ranges),
            sources=len(ranges),
        )
        for unit, ranges in sorted(per_unit.items())
    )


def assess(
    key: FindingKey,
    incidents: Sequence[IncidentInput],
    items: Mapping[str, SourceItem],
    policy: Policy,
    matcher: CueMatcher | None = None,
) -> Assessment:
    """Count the independent sources behind ``incidents`` and aggregate what they say."""
    matcher = matcher or default_matcher()
    missing = sorted({i.evidence_id for i in incidents} - set(items))
    if missing:
        raise CorroborationError(f"incidents refer to unknown evidence items: {missing[:5]}")
    support = [i for i in incidents if i.stance != "denied"]
    denials = tuple(sorted(i.id for i in incidents if i.stance == "denied"))
    used = {i.evidence_id: items[i.evidence_id] for i in support}
    uf = _UnionFind(used)
    kept = [lk for lk in _links(used, policy, matcher) if uf.union(lk.a, lk.b)]
    members: dict[str, list[str]] = defaultdict(list)
    for eid in sorted(used):
        members[uf.find(eid)].append(eid)
    groups = []
    for root in sorted(members):
        ids = tuple(members[root])
        grades = {e: grade(used[e].reliability, used[e].credibility) for e in ids}
        rep = min(ids, key=lambda e: (grade_rank(grades[e]), e))
        groups.append(
            SourceGroup(evidence_ids=ids, representative=rep, grade=grades[rep],
                        counts=policy.counts(grades[rep]))
        )
    periods = [p for i in incidents if (p := _period(i)) is not None]
    return Assessment(
        key=key,
        incident_ids=tuple(sorted(i.id for i in incidents)),
        evidence_ids=tuple(sorted({i.evidence_id for i in incidents})),
        period=hull(periods),
        groups=tuple(groups),
        links=tuple(kept),
        quantities=_quantities([g.evidence_ids for g in groups], support),
        denials=denials,
        alleged_only=bool(support) and all(i.stance == "alleged" for i in support),
    )


def corroborate(
    incidents: Iterable[IncidentInput],
    items: Mapping[str, SourceItem],
    policy: Policy | None = None,
    matcher: CueMatcher | None = None,
) -> list[Assessment]:
    """Group ``incidents`` into candidate findings and assess each one."""
    policy = policy or Policy()
    return [
        assess(key, cluster, items, policy, matcher)
        for key, cluster in group_incidents(incidents, policy)
    ]
