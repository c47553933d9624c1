"""Corroboration and estimative language, with invented incidents and texts."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionwatch.findings.corroborate import corroborate, finding_id
from sanctionwatch.findings.estimative import LIKELIHOOD, estimate, lint, sentences
from sanctionwatch.findings.grading import Policy
from sanctionwatch.findings.records import IncidentInput, SourceItem

TEXTS = {
    "e1": "Customs officers in Nampo logged the tanker Kwangmyong unloading diesel in March.",
    "e2": "A satellite image shows a vessel alongside the pier at Nampo with hoses attached.",
    "e3": "Port records list the tanker as arriving empty and leaving low in the water.",
    "e4": "Crew members interviewed later described the transfer of fuel at night.",
}


def inc(i: str, ev: str, **kw: object) -> IncidentInput:
    base: dict[str, object] = dict(id=i, evidence_id=ev, type="petroleum_transfer",
                                   from_country="RU", to_country="KP",
                                   category="refined petroleum", unit="barrels", when="2023-03")
    base.update(kw)
    return IncidentInput.model_validate(base)


def item(ev: str, orig: str, text: str | None = None, **kw: object) -> SourceItem:
    return SourceItem.model_validate(
        dict(evidence_id=ev, originator_key=orig, text=text or TEXTS.get(ev, ev), **kw))


def test_same_event_from_independent_items_is_corroborated() -> None:
    items = {e: item(e, f"orig-{e}", reliability="B", credibility=2) for e in ("e1", "e2")}
    found = corroborate(
        [inc("i1", "e1", quantity=10000), inc("i2", "e2", quantity=12000, when="2023-03-15")],
        items)
    assert len(found) == 1
    a = found[0]
    assert a.independent == 2 and a.links == ()
    assert a.period is not None and a.period.label() == "2023-03"
    q = a.quantities[0]
    assert (q.unit, q.low, q.high, q.sources) == ("barrels", Decimal(10000), Decimal(12000), 2)


def test_different_events_stay_apart() -> None:
    items = {e: item(e, f"o{e}") for e in TEXTS}
    found = corroborate([
        inc("i1", "e1"),
        inc("i2", "e2", when="2023-09"),          # no overlap in time
        inc("i3", "e3", to_country="CN"),          # other party
        inc("i4", "e4", category="coal"),          # other item category
    ], items)
    assert len(found) == 4
    assert all(a.independent == 1 for a in found)


def test_same_originator_counts_once_and_says_why() -> None:
    items = {"e1": item("e1", "state-x"), "e2": item("e2", "state-x"), "e3": item("e3", "ngo")}
    [a] = corroborate([inc("i1", "e1"), inc("i2", "e2"), inc("i3", "e3")], items)
    assert a.independent == 2
    assert [(lk.a, lk.b, lk.reason) for lk in a.links] == [("e1", "e2", "same_originator")]
    assert ("e1", "e2") in [g.evidence_ids for g in a.groups]


def test_near_duplicate_texts_count_once() -> None:
    base = "The tanker Sea Star transferred diesel to a DPRK-flagged ship off Zhoushan in March."
    items = {"e1": item("e1", "a", base), "e2": item("e2", "b", base + " Officials confirmed."),
             "e3": item("e3", "c")}
    [a] = corroborate([inc("i1", "e1"), inc("i2", "e2"), inc("i3", "e3")], items)
    assert a.independent == 2
    assert [lk.reason for lk in a.links] == ["near_duplicate"]


def test_same_upstream_counts_once_across_languages() -> None:
    items = {
        "e1": item("e1", "a", "According to Yonhap, the tanker took on diesel in March."),
        "e2": item("e2", "b", "据韩联社报道，该油轮三月在公海接收了柴油。", language="zh"),
        "e3": item("e3", "c", "Laut Reuters hat das Schiff im März Diesel übernommen."),
    }
    [a] = corroborate([inc("i1", "e1"), inc("i2", "e2"), inc("i3", "e3")], items)
    assert a.independent == 2
    assert [(lk.reason, lk.detail) for lk in a.links] == [("same_upstream", "yonhap")]


def test_denials_and_low_grades_do_not_count() -> None:
    items = {"e1": item("e1", "a", reliability="E", credibility=3),
             "e2": item("e2", "b", reliability="B", credibility=2),
             "e3": item("e3", "c")}
    [a] = corroborate([inc("i1", "e1"), inc("i2", "e2"), inc("i3", "e3", stance="denied")],
                      items)
    assert a.independent == 1  # e1 graded E does not count; e3 denies
    assert a.denials == ("i3",)
    assert a.best_grade == "B2"


def test_min_sources_is_configurable() -> None:
    items = {e: item(e, e) for e in ("e1", "e2")}
    [a] = corroborate([inc("i1", "e1"), inc("i2", "e2")], items, Policy(min_sources=3))
    assert a.independent == 2


def test_finding_id_is_stable_when_members_join() -> None:
    items = {e: item(e, e) for e in ("e1", "e2")}
    [a] = corroborate([inc("i1", "e1")], items)
    [b] = corroborate([inc("i1", "e1"), inc("i2", "e2")], items)
    assert finding_id(a.key, a.incident_ids) == finding_id(b.key, b.incident_ids)


# --- properties -------------------------------------------------------------------------

_orig = st.sampled_from(["o1", "o2", "o3", "o4"])
_qty = st.one_of(st.none(), st.integers(min_value=1, max_value=500_000))
_when = st.sampled_from(["2023", "2023-03", "2023-03-10", "2023-04", None])


@st.composite
def scenario(draw: st.DrawFn) -> tuple[list[IncidentInput], dict[str, SourceItem]]:
    n = draw(st.integers(min_value=1, max_value=8))
    incs, items = [], {}
    for k in range(n):
        ev = f"e{draw(st.integers(min_value=0, max_value=n))}"
        if ev not in items:
            text = draw(st.sampled_from(list(TEXTS.values()) + ["According to Reuters, x."]))
            items[ev] = SourceItem(evidence_id=ev, originator_key=draw(_orig), text=text,
                                   reliability=draw(st.sampled_from("ABCDEF")),
                                   credibility=draw(st.integers(1, 6)))
        q = draw(_qty)
        incs.append(inc(f"i{k}", ev, quantity=q, when=draw(_when),
                        category=draw(st.sampled_from(["refined petroleum", "crude oil"])),
                        stance=draw(st.sampled_from(["asserted", "alleged", "denied"]))))
    return incs, items


@settings(max_examples=150, deadline=None)
@given(scenario())
def test_property_counting_and_ranges(data: tuple[list[IncidentInput],
                                                  dict[str, SourceItem]]) -> None:
    incs, items = data
    for a in corroborate(incs, items):
        origins = {items[e].originator_key for g in a.groups for e in g.evidence_ids}
        # same-originator items count once: never more groups than originators
        assert len(a.groups) <= len(origins)
        for g in a.groups:
            assert len({items[e].originator_key for e in g.evidence_ids}) >= 1
        members = [i for i in incs if i.id in a.incident_ids and i.stance != "denied"]
        reported = [Decimal(i.quantity) for i in members if i.quantity is not None]
        for q in a.quantities:
            # a range, never a sum: bounded by what some single source reported
            assert q.low in reported and q.high in reported
            assert q.low <= q.high
            assert q.sources <= len(a.groups)


@settings(max_examples=200, deadline=None)
@given(scenario(), st.text(max_size=80), st.booleans())
def test_property_no_likelihood_and_confidence_in_one_sentence(
    data: tuple[list[IncidentInput], dict[str, SourceItem]], free: str, confirmed: bool
) -> None:
    incs, items = data
    incs = [i.model_copy(update={"category": free or None, "item": free}) for i in incs]
    for a in corroborate(incs, items):
        est = estimate(a, confirmed=confirmed)
        assert est.likelihood in LIKELIHOOD
        assert lint(est.text()) == []
        for s in sentences(est.text()):
            has_term = any(t in s for t in LIKELIHOOD)
            has_level = "confidence" in s and any(w in s for w in ("high", "moderate", "low"))
            assert not (has_term and has_level), s


def test_lint_catches_the_mistakes() -> None:
    assert lint("It is likely, with high confidence, that the ship called at Nampo.")
    assert lint("It is very unlikely that it happened; confidence is low.")
    assert lint("It is probable that the ship called at Nampo.")
    assert lint("It is likely that the ship called. We have low confidence in this.") == []


def test_estimate_grows_with_independent_sources() -> None:
    items = {e: item(e, e, reliability="B", credibility=2) for e in TEXTS}
    one = corroborate([inc("i1", "e1")], items)[0]
    three = corroborate([inc(f"i{k}", e) for k, e in enumerate(TEXTS)], items)[0]
    assert LIKELIHOOD.index(estimate(three).likelihood) > LIKELIHOOD.index(
        estimate(one).likelihood)
    assert estimate(three).confidence == "high" and estimate(one).confidence == "moderate"
    assert "the DPRK" in estimate(one).judgment and "2023-03" in estimate(one).judgment
