"""Comparing two name readings token by token, with an account of every token pairing.

Tokens pair up in tiers: literal (same letters) 1.0, romanisation (same romanisation key,
e.g. Jong/Jeong) 0.95, transliteration (same lossy key, e.g. Russian Чен for Jong) 0.85,
spacing (one token equals several adjacent tokens of the other name: CHONMASAN /
CHON MA SAN), then fuzzy (edit similarity of the keys, for typos). The score is the
weighted share of both names' letters that found a partner.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from rapidfuzz.distance import OSA, Indel

from sanctionwatch.lists.matching.korean import family_keys, rom_key, skeleton
from sanctionwatch.lists.matching.text import readings

# Legal-form and filler words count for little: "Co Ltd" must not make two firms alike.
LIGHT_WORDS = frozenset({
    "co", "company", "ltd", "limited", "corp", "corporation", "inc", "incorporated", "llc",
    "plc", "jsc", "ojsc", "cjsc", "oao", "zao", "ooo", "ao", "pao", "gmbh", "sa", "ag", "bv",
    "the", "of", "and", "for", "de", "al", "el", "trading", "group", "general", "llp",
})
TIERS = {"literal": 1.0, "romanisation": 0.95, "transliteration": 0.85, "spacing": 0.95}
FUZZY_FLOOR = 0.7
FUZZY_FACTOR = 0.9


@dataclass(frozen=True)
class Tok:
    text: str
    key: str
    skel: str
    weight: float
    family: bool
    light: bool

    @property
    def number(self) -> bool:
        return self.text.isdigit()


def idf_factor(df: int) -> float:
    """Weight factor of a token found in ``df`` listed parties: common words count less."""
    return max(0.3, 1.0 - 0.2 * math.log2(max(df, 1)))


def make_tokens(reading: list[str], idf: Mapping[str, float] | None = None) -> tuple[Tok, ...]:
    fam = family_keys()
    out = []
    for text in reading:
        key = rom_key(text) if text.isascii() else text
        skel = skeleton(text) if text.isascii() else text
        light = text in LIGHT_WORDS
        weight = max(len(key), 3) * (0.25 if light else 1.0)
        if idf is not None:
            weight *= idf.get(key, 1.0)
        out.append(Tok(text, key, skel, weight, key in fam, light))
    return tuple(out)


@dataclass(frozen=True)
class NameForm:
    """One reading of one name, ready to compare."""

    original: str
    tokens: tuple[Tok, ...]
    compact: str
    numbers: frozenset[str]

    @property
    def total(self) -> float:
        return sum(t.weight for t in self.tokens)


def name_forms(name: str, idf: Mapping[str, float] | None = None) -> list[NameForm]:
    out = []
    for reading in readings(name):
        toks = make_tokens(reading, idf)
        compact = "".join(t.skel for t in toks if not t.light) or "".join(
            t.skel for t in toks)
        out.append(NameForm(name, toks, compact, frozenset(t.text for t in toks if t.number)))
    return out


@dataclass
class Pairing:
    query: list[int]
    candidate: list[int]
    sim: float
    how: str


@dataclass
class NameMatch:
    query: NameForm
    candidate: NameForm
    score: float
    pairings: list[Pairing] = field(default_factory=list)
    q_left: list[int] = field(default_factory=list)
    c_left: list[int] = field(default_factory=list)

    def explain(self) -> dict[str, object]:
        q, c = self.query.tokens, self.candidate.tokens
        return {
            "query": self.query.original,
            "candidate": self.candidate.original,
            "score": round(self.score, 3),
            "tokens": [
                {"query": " ".join(q[i].text for i in p.query),
                 "candidate": " ".join(c[j].text for j in p.candidate),
                 "how": p.how, "similarity": round(p.sim, 3)}
                for p in self.pairings
            ],
            "unmatched_query": [q[i].text for i in self.q_left],
            "unmatched_candidate": [c[j].text for j in self.c_left],
        }


def _runs(free: list[bool], toks: tuple[Tok, ...], size: int) -> list[tuple[list[int], str, str]]:
    out = []
    for start in range(len(toks) - size + 1):
        idx = list(range(start, start + size))
        if all(free[i] for i in idx):
            joined = "".join(toks[i].text for i in idx)
            if joined.isascii():
                out.append((idx, rom_key(joined), skeleton(joined)))
            else:
                out.append((idx, joined, joined))
    return out


def compare(q: NameForm, c: NameForm) -> NameMatch:
    qt, ct = q.tokens, c.tokens
    qf, cf = [True] * len(qt), [True] * len(ct)
    pairings: list[Pairing] = []

    def take(qi: list[int], cj: list[int], sim: float, how: str) -> None:
        for i in qi:
            qf[i] = False
        for j in cj:
            cf[j] = False
        pairings.append(Pairing(qi, cj, sim, how))

    for how, attr in (("literal", "text"), ("romanisation", "key"), ("transliteration", "skel")):
        for i, t in enumerate(qt):
            if not qf[i]:
                continue
            value = getattr(t, attr)
            for j, u in enumerate(ct):
                if cf[j] and getattr(u, attr) == value:
                    take([i], [j], TIERS[how], how)
                    break
    # Spacing: one token against 2–3 adjacent free tokens of the other name.
    spacing = any(qf) and any(cf) and (sum(qf) > 1 or sum(cf) > 1)
    for size in (3, 2) if spacing else ():
        for side_q in (True, False):
            singles, multi = (qt, ct) if side_q else (ct, qt)
            sfree, mfree = (qf, cf) if side_q else (cf, qf)
            for idx, key, skel in _runs(mfree, multi, size):
                if not all(mfree[i] for i in idx):
                    continue
                for k, t in enumerate(singles):
                    if sfree[k] and (t.key == key or t.skel == skel):
                        if side_q:
                            take([k], idx, TIERS["spacing"], "spacing")
                        else:
                            take(idx, [k], TIERS["spacing"], "spacing")
                        break
    # Fuzzy: best remaining pairs by edit similarity of the keys.
    cands = []
    for i, t in enumerate(qt):
        if not qf[i] or t.number:
            continue
        for j, u in enumerate(ct):
            short, long_ = sorted((len(t.key), len(u.key)))
            # Two different known family names (Kang/Jang) are never a typo of each other.
            if t.family and u.family and t.key != u.key:
                continue
            if cf[j] and not u.number and short >= 0.6 * long_:
                sim = max(OSA.normalized_similarity(t.key, u.key),
                          OSA.normalized_similarity(t.text, u.text))
                if sim >= FUZZY_FLOOR:
                    cands.append((sim, i, j))
    for sim, i, j in sorted(cands, reverse=True):
        if qf[i] and cf[j]:
            take([i], [j], sim * FUZZY_FACTOR, "fuzzy")
    # Leftovers on both sides compared as one run each (typo inside a spacing variant).
    q_left = [i for i, f in enumerate(qf) if f]
    c_left = [j for j, f in enumerate(cf) if f]
    no_family = not any(qt[i].family for i in q_left) and not any(ct[j].family for j in c_left)
    if q_left and c_left and no_family and (len(q_left) == 1) != (len(c_left) == 1):
        qs = "".join(qt[i].key for i in q_left)
        cs = "".join(ct[j].key for j in c_left)
        sim = Indel.normalized_similarity(qs, cs)
        if sim >= 0.8 and min(len(qs), len(cs)) >= 5:
            take(q_left, c_left, sim * FUZZY_FACTOR, "fuzzy")
            q_left, c_left = [], []
    got = 0.0
    for p in pairings:
        got += p.sim * (sum(qt[i].weight for i in p.query) + sum(ct[j].weight for j in p.candidate))
    total = q.total + c.total
    score = got / total if total else 0.0
    return NameMatch(q, c, score, pairings, q_left, c_left)
