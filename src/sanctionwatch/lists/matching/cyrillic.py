"""Cyrillic → Latin under several schemes, and Russian renderings of English words.

A name written in Cyrillic may have reached the list through any of several
romanisations: ISO 9 / GOST 7.79 (Юрий → Jurij, Цой → Coj), BGN/PCGN (Yuriy, Tsoy), the
ICAO passport scheme (Iurii, Tsoi), or the transcription of Korean names into Russian
(Чхве for Choe, Ын for Un). Each word gets a main reading (the last, tuned for Korean
names) and the others as alternatives. Russian words of company names and Russian
renderings of English ones (Трейдинг, Корпорейшн, Банк) are read as the English word.
"""

from __future__ import annotations

import unicodedata

from sanctionwatch.lists.matching.vocab import CYRILLIC_WORDS

_BASE = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "з": "z", "и": "i",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ф": "f", "ъ": "", "ь": "", "і": "i", "ґ": "g", "ў": "u",
}
# ISO 9 (1995) with its diacritics dropped: ж ž → z, ч č → c, ю û → u.
_ISO9 = {**_BASE, "ё": "e", "ж": "z", "й": "j", "х": "h", "ц": "c", "ч": "c", "ш": "s",
         "щ": "s", "ы": "y", "э": "e", "ю": "u", "я": "a", "ї": "i", "є": "e"}
# GOST 7.79 system B (ASCII).
_GOST = {**_BASE, "ё": "yo", "ж": "zh", "й": "j", "х": "x", "ц": "cz", "ч": "ch", "ш": "sh",
         "щ": "shh", "ы": "y", "э": "e", "ю": "yu", "я": "ya", "ї": "yi", "є": "ye"}
# BGN/PCGN (1947).
_BGN = {**_BASE, "ё": "yo", "ж": "zh", "й": "y", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
        "щ": "shch", "ы": "y", "э": "e", "ю": "yu", "я": "ya", "ї": "yi", "є": "ye"}
# ICAO Doc 9303 (machine-readable passports, Russian passports since 2013).
_ICAO = {**_BASE, "ё": "e", "ж": "zh", "й": "i", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
         "щ": "shch", "ъ": "ie", "ы": "y", "э": "e", "ю": "iu", "я": "ia", "ї": "i",
         "є": "ie"}
# Russian transcription of Korean names (Kontsevich), read back: Чхве → chwe, Ын → eun.
_KOREAN_DIGRAPHS = [("дж", "j"), ("чх", "ch"), ("кх", "k"), ("тх", "t"), ("пх", "p"),
                    ("ын", "eun"), ("ый", "y")]
_KOREAN = {**_BGN}
_VOWELS = set("аеёиоуыэюяіїє")


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if ch.isascii() and ch.isalnum())


def _map(word: str, table: dict[str, str]) -> str:
    return _ascii("".join(table.get(ch, ch) for ch in word))


def _bgn(word: str) -> str:
    # BGN/PCGN writes е as ye at the start of a word and after a vowel, ъ or ь.
    out = []
    for i, ch in enumerate(word):
        if ch == "е" and (i == 0 or word[i - 1] in _VOWELS or word[i - 1] in "ъь"):
            out.append("ye")
        else:
            out.append(_BGN.get(ch, ch))
    return _ascii("".join(out))


def korean_reading(word: str) -> str:
    """The reading tuned for Korean names in Russian transcription."""
    for a, b in _KOREAN_DIGRAPHS:
        word = word.replace(a, b)
    return _map(word, _KOREAN)


def english_word(word: str) -> str | None:
    """The English word a Russian company word renders (Трейдинг → trading), if known."""
    return CYRILLIC_WORDS.get(word.casefold().replace("ё", "е"))


def transliterations(word: str) -> tuple[str, tuple[str, ...]]:
    """(main reading, alternative readings) of a Cyrillic word; lower-case ASCII."""
    low = word.casefold()
    english = english_word(low)
    main = english or korean_reading(low)
    alts = {korean_reading(low), _map(low, _ISO9), _map(low, _GOST), _bgn(low),
            _map(low, _ICAO)}
    alts.discard(main)
    alts.discard("")
    return main, tuple(sorted(alts))
