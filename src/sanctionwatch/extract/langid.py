"""Language identification for the 8 supported languages, cheap first.

Script decides for ko (Hangul), ja (kana), zh (Han without kana) and ru (Cyrillic).
Latin text is decided by counting function words of en/de/fr/es in a prefix; only
when that vote is unclear is lingua consulted (restricted to the 8 languages, built
once per process, on a prefix). Other scripts or languages give ``None``.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import Any

SUPPORTED: tuple[str, ...] = ("en", "de", "fr", "es", "ru", "ko", "ja", "zh")
PREFIX = 1500

_STOP = {
    "en": {"the", "and", "of", "to", "in", "is", "that", "for", "with", "was", "has", "have",
           "from", "by", "its", "said", "on", "which", "are", "were"},
    "de": {"der", "die", "das", "und", "nicht", "mit", "den", "von", "ist", "ein", "eine",
           "dem", "des", "auf", "sich", "zu", "hat", "nach", "auch", "wird", "im", "für"},
    "fr": {"le", "la", "les", "et", "des", "du", "un", "une", "est", "que", "pour", "dans",
           "qui", "au", "aux", "sur", "pas", "par", "avec", "ont", "été", "selon"},
    "es": {"el", "la", "los", "las", "y", "del", "que", "en", "por", "con", "una", "para",
           "su", "al", "es", "se", "como", "más", "fue", "han", "según"},
}
_WORD = re.compile(r"[a-zà-ÿäöüßñ]+")


_HANGUL_CLASS = "\uac00-\ud7af\u1100-\u11ff\u3130-\u318f"
_KANA_CLASS = "\u3040-\u30ff"
_HAN_CLASS = "\u4e00-\u9fff\u3400-\u4dbf"
_CYR_CLASS = "\u0400-\u04ff"
_LATIN_CLASS = "A-Za-z\u00c0-\u024f"
# per script: (one character of it, a run of characters not of it)
_SCRIPTS = tuple((re.compile(f"[{c}]"), re.compile(f"[^{c}]+"))
                 for c in (_HANGUL_CLASS, _KANA_CLASS, _HAN_CLASS, _CYR_CLASS, _LATIN_CLASS))


def _count(one: re.Pattern[str], others: re.Pattern[str], text: str) -> int:
    # a search that fails allocates nothing (most texts lack most scripts); otherwise
    # deleting the runs of other characters leaves exactly this script's characters,
    # about twice as fast as collecting them one by one
    return len(others.sub("", text)) if one.search(text) else 0


# Latin-1 bytes that are no letter of _LATIN_CLASS (which holds A-Z, a-z and U+00C0-U+00FF)
_NOT_LATIN1_LETTER = bytes(b for b in range(256)
                           if not (0x41 <= b <= 0x5A or 0x61 <= b <= 0x7A or b >= 0xC0))
_WIDE = re.compile("[^\x00-\xff]")  # characters beyond Latin-1
_FEW_WIDE = 64


def _script_counts(text: str) -> tuple[int, int, int, int, int]:
    wide = _WIDE.findall(text)
    if len(wide) > _FEW_WIDE:
        hangul, kana, han, cyr, latin = (_count(one, others, text) for one, others in _SCRIPTS)
        return hangul, kana, han, cyr, latin
    # Latin-script news: deleting the other bytes of the Latin-1 part counts its letters
    # (A-Z, a-z, U+00C0-U+00FF); the few wider characters (quotes, dashes, ...) are
    # sorted one by one into the ranges of _SCRIPTS
    latin = len(text.encode("latin-1", "ignore").translate(None, _NOT_LATIN1_LETTER))
    hangul = kana = han = cyr = 0
    for ch in wide:
        o = ord(ch)
        if o <= 0x24F:
            latin += 1  # U+0100-U+024F
        elif 0x400 <= o <= 0x4FF:
            cyr += 1
        elif 0xAC00 <= o <= 0xD7AF or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F:
            hangul += 1
        elif 0x3040 <= o <= 0x30FF:
            kana += 1
        elif 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF:
            han += 1
    return hangul, kana, han, cyr, latin


@cache
def _stop_index() -> dict[str, tuple[str, ...]]:
    """Function word → the languages it belongs to (built once)."""
    index: dict[str, list[str]] = {}
    for lang, stop in _STOP.items():
        for w in stop:
            index.setdefault(w, []).append(lang)
    return {w: tuple(langs) for w, langs in index.items()}


@cache
def _lingua() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    langs = [Language.ENGLISH, Language.GERMAN, Language.FRENCH, Language.SPANISH,
             Language.RUSSIAN, Language.KOREAN, Language.JAPANESE, Language.CHINESE]
    return LanguageDetectorBuilder.from_languages(*langs).build()


def detect(text: str) -> tuple[str | None, str]:
    """Return (language or None, how it was decided)."""
    first = next((i for i, ch in enumerate(text[:200_000]) if ch.isalpha()), 0)
    sample = text[first:first + PREFIX]
    hangul, kana, han, cyr, latin = _script_counts(sample)
    total = hangul + kana + han + cyr + latin
    if total < 3:
        return None, "too little text"
    if hangul >= max(kana, han, cyr, latin * 0.2, 1):
        return "ko", "script"
    if kana and kana + han >= max(cyr, latin * 0.2):
        return "ja", "script"
    if han >= max(cyr, latin * 0.2, 1):
        return "zh", "script"
    if cyr >= max(latin * 0.5, 1):
        return "ru", "script"
    if latin < total * 0.5:
        return None, "unsupported script"
    words = _WORD.findall(sample.lower())
    scores = dict.fromkeys(_STOP, 0)
    index = _stop_index()
    counts = Counter(words)
    for w in counts.keys() & index.keys():  # only the function words among them
        n = counts[w]
        for lang in index[w]:
            scores[lang] += n
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    (best, top), (_, second) = ranked[0], ranked[1]
    if top >= 4 and top >= 2 * second:
        return best, "function words"
    try:
        found = _lingua().detect_language_of(sample)
    except Exception:  # noqa: BLE001 - lingua missing or failing: fall back to the vote
        found = None
    if found is not None:
        code = found.iso_code_639_1.name.lower()
        if code in SUPPORTED:
            return code, "lingua"
    if top >= 2:
        return best, "function words (weak)"
    return None, "undecided"
