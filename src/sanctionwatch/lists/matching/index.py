"""The screening index: every listed name analysed once, with trigram and token blocking.

A query is compared in full only with the names that share enough letter trigrams or
romanisation keys with it (plus any target sharing an IMO/MMSI/document number), so
screening the whole UN list costs a few dozen name comparisons, not thousands.
"""

from __future__ import annotations

import heapq
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sanctionwatch.lists.entities import Entity, is_target, props
from sanctionwatch.lists.matching.korean import rom_key
from sanctionwatch.lists.matching.names import NameForm, idf_factor, name_forms
from sanctionwatch.lists.matching.query import COMPATIBLE, Query, Target, make_target
from sanctionwatch.lists.matching.scoring import MULTIPLIERS, Scored, score_target
from sanctionwatch.lists.matching.text import reading_words

DEFAULT_THRESHOLD = 0.7
DEFAULT_CUTOFF = 0.5
NAME_CANDIDATES = 30
ALGORITHM = "sanctionwatch-dprk-v1"


def _grams(text: str) -> set[str]:
    padded = f"^{text}$"
    return {padded[i:i + 3] for i in range(len(padded) - 2)}


@dataclass
class Result:
    """One screening hit, with its explanation."""

    target: Target
    score: float
    match: bool
    features: dict[str, float]
    explanation: dict[str, Any]

    @property
    def id(self) -> str:
        return str(self.target.entity["id"])

    def brief(self) -> dict[str, Any]:
        """The shape ``screen`` prints: id, caption, score, match, explanation, unsc_id."""
        return {
            "id": self.id,
            "caption": self.target.caption,
            "schema": self.target.schema,
            "score": round(self.score, 4),
            "match": self.match,
            "unsc_id": self.target.unsc_ids[0] if self.target.unsc_ids else None,
            "explanation": self.explanation,
        }


def _explain(s: Scored, threshold: float) -> dict[str, Any]:
    names = s.best.explain() if s.best else {}
    parts = []
    if s.best is not None:
        how = sorted({p.how for p in s.best.pairings})
        parts.append(f"name {names.get('query')!r} ~ {names.get('candidate')!r} "
                     f"{s.features['name']:.2f} ({', '.join(how) or 'no token pairs'})")
    parts += [f"{e['feature']} ({'×' if e['feature'] in MULTIPLIERS else ''}{e['weight']:+g})"
              .replace("×+", "×") for e in s.effects]
    verdict = "match" if s.score >= threshold else "no match"
    return {
        "summary": f"{verdict} {s.score:.2f}: " + "; ".join(parts),
        "names": names,
        "identifiers": s.identifiers,
        "features": s.effects,
    }


class ScreeningIndex:
    """Listed parties analysed for fast screening. Build once, query many times."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        started = time.perf_counter()
        entities = list(entities)
        unsc: dict[str, list[str]] = defaultdict(list)
        for e in entities:
            if e.get("schema") == "Sanction":
                for target in props(e, "entity"):
                    unsc[target].extend(props(e, "unscId"))
        self.targets: list[Target] = [
            make_target(e, sorted(set(unsc.get(e["id"], [])))) for e in entities if is_target(e)
        ]
        self.by_id = {str(t.entity["id"]): t for t in self.targets}
        self.forms: list[tuple[int, NameForm, str]] = []
        self.target_forms: list[list[tuple[NameForm, str]]] = [[] for _ in self.targets]
        self.gram_index: dict[str, list[int]] = defaultdict(list)
        self.gram_count: list[int] = []
        self.token_index: dict[str, list[int]] = defaultdict(list)
        self.ident_index: dict[str, list[int]] = defaultdict(list)
        posting_sets: dict[str, set[int]] = defaultdict(set)
        for ti, t in enumerate(self.targets):
            keys = {rom_key(text) if text.isascii() else text for name, _ in t.names
                    for reading in reading_words(name) for text, _ in reading}
            for key in keys:
                posting_sets[key].add(ti)
        # Which listed parties' names hold each token key, and its IDF weight factor.
        self.postings = {key: frozenset(ts) for key, ts in posting_sets.items()}
        self.idf = {key: idf_factor(len(ts)) for key, ts in posting_sets.items()
                    if len(ts) > 1}
        for ti, t in enumerate(self.targets):
            for name, prop in t.names:
                for form in name_forms(name, self.idf):
                    fi = len(self.forms)
                    self.forms.append((ti, form, prop))
                    self.target_forms[ti].append((form, prop))
                    grams = _grams(form.compact)
                    self.gram_count.append(len(grams))
                    for g in grams:
                        self.gram_index[g].append(fi)
                    for tok in {tok.skel for tok in form.tokens if not tok.light}:
                        self.token_index[tok].append(fi)
            for kind, values in (("imo", t.imo), ("mmsi", t.mmsi), ("doc", t.documents)):
                for v in values:
                    self.ident_index[f"{kind}:{v}"].append(ti)
        self.build_seconds = time.perf_counter() - started

    def __len__(self) -> int:
        return len(self.targets)

    def _candidates(self, query: Query, forms: list[NameForm]) -> dict[int, list[int] | None]:
        """Target index → the name forms worth comparing (None: all, after an id hit)."""
        chosen: dict[int, list[int] | None] = {}
        for kind, values in (("imo", query.imo), ("mmsi", query.mmsi), ("doc", query.documents)):
            for v in values:
                for ti in self.ident_index.get(f"{kind}:{v}", ()):
                    chosen[ti] = None
        scores: dict[int, float] = defaultdict(float)
        for form in forms:
            grams = _grams(form.compact)
            counts: dict[int, int] = defaultdict(int)
            for g in grams:
                for fi in self.gram_index.get(g, ()):
                    counts[fi] += 1
            n = len(grams)
            gram_count = self.gram_count
            for fi, c in counts.items():
                dice = 2.0 * c / (n + gram_count[fi])
                if dice > scores[fi]:
                    scores[fi] = dice
            for tok in {t.skel for t in form.tokens if not t.light}:
                for fi in self.token_index.get(tok, ()):
                    scores[fi] += 0.1
        for fi, _ in heapq.nlargest(NAME_CANDIDATES, scores.items(), key=lambda kv: kv[1]):
            ti = self.forms[fi][0]
            if ti in chosen and chosen[ti] is None:
                continue
            chosen.setdefault(ti, []).append(fi)  # type: ignore[union-attr]
        return chosen

    def screen(self, query: Query, *, threshold: float = DEFAULT_THRESHOLD,
               cutoff: float = DEFAULT_CUTOFF, limit: int = 5) -> list[Result]:
        """Score the query against the list; results above ``cutoff``, best first."""
        allowed = COMPATIBLE.get(query.schema, COMPATIBLE["Thing"])
        forms = [f for name in query.names for f in name_forms(name, self.idf)]
        results: list[Result] = []
        for ti, fis in self._candidates(query, forms).items():
            target = self.targets[ti]
            if target.schema not in allowed:
                continue
            cand = (self.target_forms[ti] if fis is None
                    else [(self.forms[fi][1], self.forms[fi][2]) for fi in fis])
            scored = score_target(query, forms, target, cand, self.postings)
            if scored.score >= cutoff:
                results.append(Result(target, scored.score, scored.score >= threshold,
                                      scored.features, _explain(scored, threshold)))
        results.sort(key=lambda r: (-r.score, r.id))
        return results[:limit]
