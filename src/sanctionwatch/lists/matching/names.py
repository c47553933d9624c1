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
from functools import cached_property, lru_cache

from rapidfuzz.distance import OSA, Indel

from sanctionwatch.lists.matching.korean import family_keys, loose_key, rom_key, skeleton
from sanctionwatch.lists.matching.text import Word, reading_words
from sanctionwatch.lists.matching.vocab import (
    FORMAL_WORDS,
    GENERIC_WORDS,
    LIGHT_WORDS,
    PLACE_WORDS,
)

__all__ = ["LIGHT_WORDS", "NameForm", "NameMatch", "Tok", "compare", "name_forms"]

TIERS = {"literal": 1.0, "romanisation": 0.95, "transliteration": 0.85, "spacing": 0.95}
FUZZY_FLOOR = 0.7
FUZZY_FACTOR = 0.9
QUERY_SHARE = 0.6
# Generic words (vocab.GENERIC_WORDS) count half; a word many listed parties share is
# generic too: from GENERIC_DF parties on (its IDF factor at most GENERIC_IDF).
GENERIC_FACTOR = 0.5
GENERIC_DF = 6


@dataclass(frozen=True)
class Tok:
    text: str
    key: str
    skel: str
    weight: float
    family: bool
    light: bool
    generic: bool = False
    alts: frozenset[str] = frozenset()
    acronym: bool = False
    number: bool = False
    place: bool = False
    formal: bool = False

    @property
    def distinctive(self) -> bool:
        """Says which party is meant: not a legal form, generic word or number."""
        return not (self.light or self.generic or self.number)

    @property
    def info(self) -> float:
        """Information per letter: 1 for a word unique on the list, less for shared ones."""
        return self.weight / max(len(self.key), 3)


def idf_factor(df: int) -> float:
    """Weight factor of a token found in ``df`` listed parties: common words count less."""
    return max(0.3, 1.0 - 0.2 * math.log2(max(df, 1)))


GENERIC_IDF = idf_factor(GENERIC_DF)


def phonetic(word: str) -> frozenset[str]:
    """English spelling read as sound, as Russian renders it: complex → kompleks.

    Two readings of ``c``: letter by letter (k) and by sound (s before e, i, y).
    """
    w = word.replace("ck", "k").replace("ph", "f").replace("qu", "kv").replace("q", "k")
    w = w.replace("x", "ks").replace("th", "t").replace("w", "v")
    soft = "".join("s" if ch == "c" and w[i + 1:i + 2] in ("e", "i", "y") else
                   "k" if ch == "c" else ch for i, ch in enumerate(w))
    return frozenset({w.replace("c", "k"), soft})


@lru_cache(maxsize=65536)
def _alt_keys(text: str, alts: tuple[str, ...]) -> frozenset[str]:
    keys = {skeleton(text), loose_key(text)}
    for a in alts:
        keys.add(skeleton(a))
    if len(text) >= 3 and any(ch in text for ch in "cqxwh"):
        keys.update(skeleton(p) for p in phonetic(text))
    return frozenset(keys)


def make_tokens(reading: list[str] | list[Word],
                idf: Mapping[str, float] | None = None) -> tuple[Tok, ...]:
    fam = family_keys()
    out = []
    for item in reading:
        text, alts = (item, ()) if isinstance(item, str) else item
        key = rom_key(text) if text.isascii() else text
        skel = skeleton(text) if text.isascii() else text
        light = text in LIGHT_WORDS
        factor = idf.get(key, 1.0) if idf is not None else 1.0
        generic = not light and (text in GENERIC_WORDS or factor <= GENERIC_IDF)
        weight = max(len(key), 3) * (0.25 if light else 1.0) * factor
        is_family = key in fam
        if text in GENERIC_WORDS and not is_family:
            weight *= GENERIC_FACTOR
        token_alts = _alt_keys(text, alts) if text.isascii() else frozenset({skel})
        out.append(Tok(text, key, skel, weight, is_family, light, generic, token_alts,
                       number=text.isdigit(), place=text in PLACE_WORDS,
                       formal=text in FORMAL_WORDS))
    return tuple(out)


@dataclass(frozen=True)
class NameForm:
    """One reading of one name, ready to compare."""

    original: str
    tokens: tuple[Tok, ...]
    compact: str
    numbers: frozenset[str]

    @cached_property
    def total(self) -> float:
        return sum(t.weight for t in self.tokens)

    @cached_property
    def anchors(self) -> frozenset[int]:
        """The distinctive tokens (or, when there are none, the rarest content tokens).

        In a name of generic words only (HONG KONG ELECTRONICS) the rarest words that are
        not places anchor it: ELECTRONICS, not HONG KONG.
        """
        toks = self.tokens
        found = frozenset(j for j, t in enumerate(toks) if t.distinctive)
        if found:
            return found
        content = [(not t.place, round(t.info, 6), j) for j, t in enumerate(toks)
                   if not t.light and not t.number]
        if len(content) < 2:
            return frozenset()
        top = max((p, v) for p, v, _ in content)
        return frozenset(j for p, v, j in content if (p, v) == top)

    @cached_property
    def runs(self) -> dict[int, list[tuple[list[int], str, str]]]:
        """Runs of 2 and 3 adjacent tokens joined, with their keys (for spacing variants)."""
        out: dict[int, list[tuple[list[int], str, str]]] = {}
        toks = self.tokens
        for size in (2, 3):
            for start in range(len(toks) - size + 1):
                idx = list(range(start, start + size))
                joined = "".join(toks[i].text for i in idx)
                keys = (rom_key(joined), skeleton(joined)) if joined.isascii() else (
                    joined, joined)
                out.setdefault(size, []).append((idx, *keys))
        return out


def _acronym(name: str, toks: tuple[Tok, ...]) -> tuple[Tok, ...]:
    """A one-word name of 2–5 capitals (GIA, DCB, OMM) is an acronym: letters, not sounds."""
    if len(toks) != 1 or toks[0].family or not (2 <= len(toks[0].text) <= 5):
        return toks
    word = name.strip()
    if not (word.isupper() and word.isalpha()):
        return toks
    t = toks[0]
    return (Tok(t.text, t.key, t.skel, t.weight, t.family, t.light, t.generic,
                frozenset({t.text}), True, t.number, t.place, t.formal),)


def name_forms(name: str, idf: Mapping[str, float] | None = None) -> list[NameForm]:
    out = []
    for reading in reading_words(name):
        toks = _acronym(name, make_tokens(reading, idf))
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


def _runs(free: list[bool], form: NameForm, size: int) -> list[tuple[list[int], str, str]]:
    return [run for run in form.runs.get(size, ()) if all(free[i] for i in run[0])]


def _family_positions(toks: tuple[Tok, ...]) -> list[bool]:
    """Known family names where a family name stands: first or last word of the name."""
    last = len(toks) - 1
    return [t.family and (i == 0 or i == last) for i, t in enumerate(toks)]


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

    for how in ("literal", "romanisation", "transliteration"):
        if not (any(qf) and any(cf)):
            break
        literal = how == "literal"
        lookup: dict[str, list[int]] = {}
        for j, u in enumerate(ct):
            if cf[j] and (literal or not u.acronym):
                for v in (u.text,) if literal else (u.key,) if how == "romanisation" else u.alts:
                    lookup.setdefault(v, []).append(j)
        if not lookup:
            continue
        for i, t in enumerate(qt):
            if not qf[i] or (not literal and t.acronym):
                continue
            found = [j for v in ((t.text,) if literal else (t.key,) if how == "romanisation"
                                 else t.alts) for j in lookup.get(v, ()) if cf[j]]
            if found:
                take([i], [min(found)], TIERS[how], how)
    # Spacing: one token against 2–3 adjacent free tokens of the other name.
    spacing = any(qf) and any(cf) and (sum(qf) > 1 or sum(cf) > 1)
    for size in (3, 2) if spacing else ():
        for side_q in (True, False):
            singles = qt if side_q else ct
            sfree, mfree = (qf, cf) if side_q else (cf, qf)
            for idx, key, skel in _runs(mfree, c if side_q else q, size):
                if not all(mfree[i] for i in idx):
                    continue
                for k, t in enumerate(singles):
                    if sfree[k] and not t.acronym and (t.key == key or t.skel == skel):
                        # Joined by romanisation key: spacing; by the lossy key only: less.
                        sim = TIERS["spacing"] if t.key == key else TIERS["transliteration"]
                        if side_q:
                            take([k], idx, sim, "spacing")
                        else:
                            take(idx, [k], sim, "spacing")
                        break
    # Fuzzy: best remaining pairs by edit similarity of the keys.
    qfam, cfam = _family_positions(qt), _family_positions(ct)
    cands = []
    for i, t in enumerate(qt):
        if not qf[i] or t.number or t.acronym:
            continue
        for j, u in enumerate(ct):
            short, long_ = sorted((len(t.key), len(u.key)))
            # Two different known family names (Kang/Jang) are never a typo of each other.
            if qfam[i] and cfam[j] and t.key != u.key:
                continue
            if cf[j] and not u.number and not u.acronym and short >= 0.6 * long_:
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
    no_family = not any(qt[i].family or qt[i].acronym for i in q_left) and not any(
        ct[j].family or ct[j].acronym for j in c_left)
    if q_left and c_left and no_family and (len(q_left) == 1) != (len(c_left) == 1):
        qs = "".join(qt[i].key for i in q_left)
        cs = "".join(ct[j].key for j in c_left)
        sim = Indel.normalized_similarity(qs, cs)
        if sim >= 0.8 and min(len(qs), len(cs)) >= 5:
            take(q_left, c_left, sim * FUZZY_FACTOR, "fuzzy")
            q_left, c_left = [], []
    got_q = sum(p.sim * sum(qt[i].weight for i in p.query) for p in pairings)
    got_c = sum(p.sim * sum(ct[j].weight for j in p.candidate) for p in pairings)
    # The query's coverage counts a little more than the listed name's: a query naming
    # part of a long listed name is likelier the same party than the other way round.
    qcov = got_q / q.total if q.total else 0.0
    ccov = got_c / c.total if c.total else 0.0
    score = QUERY_SHARE * qcov + (1.0 - QUERY_SHARE) * ccov
    return NameMatch(q, c, score, pairings, q_left, c_left)
