"""Near-duplicate texts: MinHash over language-aware character shingles.

Latin, Cyrillic and other spaced scripts use character 5-grams of the normalised text;
Chinese, Japanese and Korean text (no reliable word spaces) uses character 2- and
3-grams. Two texts whose estimated Jaccard similarity reaches the threshold count as
one source.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

import numpy as np
from datasketch import MinHash

NUM_PERM = 128
_SEED = 7  # fixed: the same text always gives the same signature
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u1100-\u11ff]")
_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)
_SPACE = re.compile(r"\s+")


def is_cjk(text: str, language: str | None = None) -> bool:
    """True for Chinese/Japanese/Korean text (by language code, else by script share)."""
    if language and language.split("-")[0].lower() in {"zh", "ja", "ko"}:
        return True
    letters = [c for c in text[:2000] if c.isalpha()]
    if not letters:
        return False
    return sum(1 for c in letters if _CJK.match(c)) / len(letters) > 0.3


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return _SPACE.sub(" ", _PUNCT.sub(" ", text)).strip()


def shingles(text: str, language: str | None = None) -> set[str]:
    """Character shingles: 2- and 3-grams for CJK/Hangul, 5-grams otherwise."""
    norm = normalise(text)
    if is_cjk(norm, language):
        dense = norm.replace(" ", "")
        sizes: tuple[int, ...] = (2, 3)
        base = dense
    else:
        sizes = (5,)
        base = norm
    out: set[str] = set()
    for k in sizes:
        if len(base) < k:
            if base:
                out.add(base)
            continue
        out.update(base[i : i + k] for i in range(len(base) - k + 1))
    return out


def signature(text: str, language: str | None = None) -> MinHash:
    mh = MinHash(num_perm=NUM_PERM, seed=_SEED)
    grams = sorted(shingles(text, language))
    if grams:
        mh.update_batch([g.encode("utf-8") for g in grams])
    return mh


def similarity(a: MinHash, b: MinHash) -> float:
    """Estimated Jaccard similarity; two empty texts are not duplicates of each other."""
    if a.is_empty() or b.is_empty():
        return 0.0
    return float(np.mean(a.hashvalues == b.hashvalues))


def near_duplicate_pairs(
    texts: Mapping[str, tuple[str, str | None]], threshold: float
) -> Iterable[tuple[str, str, float]]:
    """Pairs (id_a, id_b, similarity) with similarity >= threshold, ids in sorted order."""
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"near-duplicate threshold must be in (0, 1], got {threshold}")
    ids = sorted(texts)
    sigs = {i: signature(*texts[i]) for i in ids}
    for n, a in enumerate(ids):
        for b in ids[n + 1 :]:
            sim = similarity(sigs[a], sigs[b])
            if sim >= threshold:
                yield a, b, sim
