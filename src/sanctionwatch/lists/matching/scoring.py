"""Entity-level score: best name pairing, then identifiers, dates of birth, countries.

Each feature that fires is reported with its weight and effect, so every result can say
why it scored what it scored.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sanctionwatch.lists.matching.korean import plain_key, same_initial, syllable_keys
from sanctionwatch.lists.matching.names import NameForm, NameMatch, Pairing, compare
from sanctionwatch.lists.matching.orgs import org_rule
from sanctionwatch.lists.matching.query import Query, Target

# Feature weights: multipliers (×) act on the name score, the others are added.
WEIGHTS: dict[str, float] = {
    "weak_alias": 0.85,             # × a Low-quality UN alias counts for less
    "given_name_conflict": 0.7,     # × same family name, different given name
    "given_name_conflict_2nd": 0.85,  # × …softened when DOB or nationality agree
    "family_name_conflict": 0.7,    # × same given names, different family name
    "family_name_only": 0.5,        # × only the family name agrees
    "given_name_partial": 0.75,     # × part of the given name is missing from the query
    "given_name_partial_2nd": 0.95,  # × …softened when DOB or nationality agree
    "no_distinctive_agreement": 0.55,  # × only generic words agree (organisations)
    "distinctive_conflict": 0.6,    # × a distinctive word is replaced by another word
    "word_conflict": 0.8,           # × each name keeps a content word the other lacks
    "distinctive_word_missing": 0.9,  # × a distinctive word of the listed name is missing
    "acronym_only": 0.9,            # × the names agree only on an acronym
    "identifier_match": 0.1,        # + and the score is raised to at least 0.9
    "identifier_conflict": -0.35,   # + both have IMO/MMSI numbers, none shared
    "number_conflict": -0.3,        # + NAM SAN 8 vs NAM SAN 6
    "birth_date_match": 0.05,
    "birth_date_conflict": -0.15,   # years 2–5 apart
    "birth_date_conflict_far": -0.35,  # years more than 5 apart
    "country_match": 0.03,
    "country_conflict": -0.1,
}
MULTIPLIERS = frozenset({"weak_alias", "given_name_conflict", "given_name_conflict_2nd",
                         "family_name_conflict", "family_name_only", "given_name_partial",
                         "given_name_partial_2nd", "distinctive_word_missing",
                         "no_distinctive_agreement", "distinctive_conflict", "word_conflict",
                         "acronym_only"})
FEATURE_DOCS = {
    "name": "Best token-aligned similarity of a query name and a listed name",
    "weak_alias": "The best name is a low-quality alias (weakAlias)",
    "given_name_conflict": "Family names agree but given names differ",
    "family_name_conflict": "Given names agree but family names differ",
    "family_name_only": "Only the family name agrees",
    "given_name_partial": "A syllable of the listed given name is missing from the query",
    "no_distinctive_agreement": "None of the listed name's distinctive words agrees; only "
                                "generic, legal-form or place words do (not a person)",
    "distinctive_conflict": "A distinctive word of the listed name is replaced by another "
                            "word (not a person)",
    "word_conflict": "Each name keeps a content word the other lacks (not a person)",
    "distinctive_word_missing": "A distinctive word of the listed name is missing "
                                "(not a person)",
    "acronym_only": "The names agree only on an acronym (GIA, OMM), which many parties "
                    "could share",
    "identifier_match": "An IMO, MMSI or document number is shared",
    "identifier_conflict": "IMO or MMSI numbers are given on both sides and differ",
    "number_conflict": "Numbers inside the names differ (vessel hull numbers)",
    "birth_date_match": "A date of birth agrees (same year or date)",
    "birth_date_conflict": "Dates of birth differ by more than a year",
    "country_match": "Nationality or country agrees",
    "country_conflict": "Nationalities or countries are given on both sides and differ",
}


@dataclass
class Scored:
    target: Target
    score: float
    features: dict[str, float]
    effects: list[dict[str, Any]] = field(default_factory=list)
    best: NameMatch | None = None
    identifiers: list[dict[str, str]] = field(default_factory=list)


def _family_index(form: NameForm) -> int | None:
    toks = form.tokens
    if len(toks) < 2:
        return None
    if toks[0].family:
        return 0
    if toks[-1].family:
        return len(toks) - 1
    return None


def _other_syllable(m: NameMatch, p: Pairing) -> bool:
    """A fuzzy pair of two real Korean syllables that start differently (YONG / KYONG,
    PYONG / YONG): another syllable, not a typo (typos rarely hit a word's first letter)."""
    if p.how != "fuzzy" or len(p.query) != 1 or len(p.candidate) != 1:
        return False
    a, b = m.query.tokens[p.query[0]].text, m.candidate.tokens[p.candidate[0]].text
    syllables = syllable_keys()
    return (plain_key(a) in syllables and plain_key(b) in syllables
            and not same_initial(a, b))


def _family_rule(m: NameMatch) -> str | None:
    """How a Korean personal name agrees beyond its family name (None: fully)."""
    fam = _family_index(m.candidate)
    if fam is None:
        # A listed name without a family name (an alias such as Young-Chul): the query's
        # family name finds nothing to agree with.
        qfam = _family_index(m.query)
        return "family_name_conflict" if qfam is not None and qfam in m.q_left else None
    qfam = _family_index(m.query)
    solid = {j for j, t in enumerate(m.candidate.tokens) if not t.light and j != fam}
    paired = {j for p in m.pairings for j in p.candidate}
    paired_q = {i for p in m.pairings for i in p.query}
    q_rest = [i for i in m.q_left if not m.query.tokens[i].light and i != qfam]
    c_rest = [j for j in m.c_left if j != fam and not m.candidate.tokens[j].light]
    if fam not in paired or (qfam is not None and qfam not in paired_q):
        return "family_name_conflict" if paired & solid else None
    # A "typo" that turns one real syllable into another (Choe/Chol, Yong/Kyong) is
    # another name; one typo making a non-syllable (Hyok/Hyk) is tolerated, two are not.
    fam_pair = next(p for p in m.pairings if fam in p.candidate)
    if _other_syllable(m, fam_pair):
        return "family_name_conflict"
    # A query in Korean order (a family name first) must pair that family name with the
    # listed one, unless a known family name at the end stands in for it (JONG UN KIM).
    qt = m.query.tokens
    if qt[0].family and 0 not in fam_pair.query and not any(
            qt[i].family and i == len(qt) - 1 for i in fam_pair.query):
        return "family_name_conflict"
    given = [p for p in m.pairings if fam not in p.candidate]
    fuzzy = [p for p in given if p.how == "fuzzy"]
    order = [min(p.candidate) for p in sorted(given, key=lambda p: min(p.query))]
    if (q_rest and c_rest) or len(fuzzy) >= 2 or order != sorted(order) or any(
            _other_syllable(m, p) for p in fuzzy):
        return "given_name_conflict"
    if solid and not paired & solid:
        return "family_name_only"
    if q_rest or c_rest:
        return "given_name_partial"
    return None


def _years(dates: list[str]) -> set[int]:
    return {int(d[:4]) for d in dates if d[:4].isdigit()}


def _name_rules(m: NameMatch, prop: str, target: Target, second: bool,
                postings: Mapping[str, frozenset[int]]) -> list[str]:
    """Multiplier features a name alignment earns (weak alias, family, organisation)."""
    rules = ["weak_alias"] if prop == "weakAlias" else []
    if target.korean:
        rule = _family_rule(m)
        if rule in ("given_name_conflict", "given_name_partial") and second:
            rules.append(f"{rule}_2nd")
        elif rule is not None:
            rules.append(rule)
    if target.schema != "Person":
        rule = org_rule(m, postings)
        if rule is not None:
            rules.append(rule)
        elif len(m.candidate.tokens) == 1 and m.candidate.tokens[0].acronym and (
                len(m.query.tokens) > 1):
            rules.append("acronym_only")
    return rules


def score_target(query: Query, forms: list[NameForm], target: Target,
                 cand_forms: list[tuple[NameForm, str]],
                 postings: Mapping[str, frozenset[int]] | None = None) -> Scored:
    """Score one listed party; ``postings`` (token key → parties) from the index."""
    # Second factors and contradictions.
    qy, ty = _years(query.birth_dates), _years(target.birth_dates)
    dob_match = dob_far = dob_near = False
    if qy and ty:
        gap = min(abs(a - b) for a in qy for b in ty)
        dob_match, dob_near, dob_far = gap <= 1, 1 < gap <= 5, gap > 5
    country_match = bool(query.countries & target.countries)
    country_conflict = bool(query.countries and target.countries and not country_match)
    second = dob_match or (country_match and target.schema == "Person")
    # The best name pairing after the name rules (a rule may demote a high raw score).
    best: NameMatch | None = None
    best_score, best_rules = 0.0, []
    for qf in forms:
        for cf, prop in cand_forms:
            m = compare(qf, cf)
            rules = _name_rules(m, prop, target, second, postings or {})
            s = m.score
            for rule in rules:
                s *= WEIGHTS[rule]
            if s > best_score or best is None:
                best, best_score, best_rules = m, s, rules
    features: dict[str, float] = {"name": round(best.score, 4) if best else 0.0}
    effects: list[dict[str, Any]] = []
    score = best_score

    def fire(name: str, value: float = 1.0) -> None:
        features[name] = value
        effects.append({"feature": name, "weight": WEIGHTS[name], "doc": FEATURE_DOCS.get(
            name.removesuffix("_2nd").removesuffix("_far"), "")})

    for rule in best_rules:
        fire(rule)
    if best is not None and best.query.numbers and best.candidate.numbers and (
            best.query.numbers != best.candidate.numbers):
        fire("number_conflict")
        score += WEIGHTS["number_conflict"]
    ids: list[dict[str, str]] = []
    for kind, qs, ts in (("imoNumber", query.imo, target.imo), ("mmsi", query.mmsi, target.mmsi),
                         ("document", query.documents, target.documents)):
        for v in sorted(qs & ts):
            ids.append({"type": kind, "value": v, "result": "match"})
        if kind != "document" and qs and ts and not qs & ts:
            ids.append({"type": kind, "query": ",".join(sorted(qs)),
                        "candidate": ",".join(sorted(ts)), "result": "conflict"})
    if any(i["result"] == "match" for i in ids):
        fire("identifier_match")
        score = max(score, 0.9) + WEIGHTS["identifier_match"]
    elif any(i["result"] == "conflict" for i in ids):
        fire("identifier_conflict")
        score += WEIGHTS["identifier_conflict"]
    if dob_match:
        fire("birth_date_match")
        score += WEIGHTS["birth_date_match"]
    elif dob_near or dob_far:
        fire("birth_date_conflict_far" if dob_far else "birth_date_conflict")
        score += WEIGHTS["birth_date_conflict_far" if dob_far else "birth_date_conflict"]
    if country_match:
        fire("country_match")
        score += WEIGHTS["country_match"]
    elif country_conflict:
        fire("country_conflict")
        score += WEIGHTS["country_conflict"]
    score = min(1.0, max(0.0, score))
    return Scored(target, score, features, effects, best, ids)
