"""Name text → readings: invisible characters, homoglyphs, Cyrillic, Hangul and Hanja.

A name may have several *readings* (lists of lower-case ASCII tokens): a Cyrillic word
made only of Latin look-alikes is read both as a transliteration (``РАК`` → ``rak``) and
as the Latin word it imitates (``pak``).
"""

from __future__ import annotations

import re
import unicodedata

from sanctionwatch.lists.matching.cyrillic import transliterations
from sanctionwatch.lists.matching.korean import (
    hangul_tokens,
    hanja_to_hangul,
    is_han,
    is_hangul,
)
from sanctionwatch.lists.matching.vocab import HANGUL_SUFFIXES, HANGUL_WORDS

# A token of a reading and its alternative spellings (other Cyrillic schemes).
Word = tuple[str, tuple[str, ...]]

# Characters that render as nothing (zero-width, bidi controls, fillers, soft hyphen).
_INVISIBLE = {0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180E, 0x3164, 0xFFA0}
# Cyrillic and Greek letters that look like Latin letters (lower-case after casefold).
HOMOGLYPHS = str.maketrans({
    "А": "a", "В": "b", "Е": "e", "К": "k", "М": "m", "Н": "h", "О": "o", "Р": "p", "С": "c",
    "Т": "t", "Х": "x", "У": "y", "І": "i", "Ј": "j", "Ѕ": "s", "Α": "a", "Β": "b", "Ε": "e",
    "Ζ": "z", "Η": "h", "Ι": "i", "Κ": "k", "Μ": "m", "Ν": "n", "Ο": "o", "Ρ": "p", "Τ": "t",
    "Υ": "y", "Χ": "x",
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "ԛ": "q",
    "ԝ": "w", "ӏ": "l", "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k",
    "μ": "m", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ζ": "z",
})
# Digits used as letters inside words (K1M J0NG).
_LEETS = str.maketrans({"0": "o", "1": "i", "3": "e", "5": "s", "7": "t"})
_SPLIT = re.compile(r"[^\w]+|_")
_NUMBERED = re.compile(r"([a-z]{3,})(\d+)")
# Apostrophes inside a word (McCune–Reischauer aspiration marks: MY’ONG, CH'OL) join it.
_APOSTROPHES = re.compile(r"(?<=\w)['’‘ʼ`´](?=\w)")


def _script(ch: str) -> str:
    if ch.isascii():
        return "latin" if ch.isalpha() else "other"
    if is_hangul(ch):
        return "hangul"
    if is_han(ch):
        return "han"
    name = unicodedata.name(ch, "")
    for script in ("LATIN", "CYRILLIC", "GREEK"):
        if name.startswith(script):
            return script.lower()
    return "other"


def clean(text: str) -> str:
    """NFKC with invisible characters removed (case kept: look-alikes depend on it)."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(
        ch for ch in text
        if ord(ch) not in _INVISIBLE and unicodedata.category(ch) != "Cf"
    )


def _ascii(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if ch.isascii() and (ch.isalnum()))


def _hangul_words(word: str, first: bool) -> list[str]:
    """A Hangul word: organisation words (조선 …무역회사) read in English, else a name.

    ``조선련봉총회사`` → ``korea, ryeonbong, general, corporation``: known words are split
    off the start (조선) and the end; what remains is one romanised word. Words of fewer
    than four syllables are names (조선희 is a person).
    """
    if word in HANGUL_WORDS:
        return list(HANGUL_WORDS[word])
    if len(word) < 4:
        return hangul_tokens(word, first=first)
    head: list[str] = []
    tail: list[str] = []
    rest = word
    if rest.startswith("조선") and len(rest) > 2:
        head, rest = list(HANGUL_WORDS["조선"]), rest[2:]
    peeled = True
    while peeled and rest:
        peeled = False
        for suffix in HANGUL_SUFFIXES:
            if rest.endswith(suffix) and len(rest) > len(suffix):
                tail = HANGUL_WORDS[suffix] + tail
                rest = rest[: -len(suffix)]
                peeled = True
                break
    if not head and not tail:
        return hangul_tokens(word, first=first)
    middle = "".join(hangul_tokens(rest, first=False)) if rest else ""
    return head + ([middle] if middle else []) + tail


def _plain(tokens: list[str]) -> list[Word]:
    return [(t, ()) for t in tokens]


def _word_readings(word: str, first: bool) -> tuple[list[Word], list[Word]]:
    """(transliterated reading, look-alike reading) of one word."""
    scripts = {_script(ch) for ch in word if ch.isalnum()}
    if scripts <= {"hangul"} and word:
        toks = _plain(_hangul_words(word, first))
        return toks, toks
    if scripts == {"han"}:
        hangul = hanja_to_hangul(word, family_first=first)
        toks = _plain(hangul_tokens(hangul, first=first) if hangul else [word])
        return toks, toks
    if "cyrillic" in scripts or "greek" in scripts:
        look = word.translate(HOMOGLYPHS).casefold()
        look_ok = all(_script(ch) in ("latin", "other") for ch in look)
        if "latin" in scripts and look_ok:
            return _plain([_ascii(look)]), _plain([_ascii(look)])
        translit: Word = ("", ())
        if "cyrillic" in scripts:
            translit = transliterations(word)
        alike = _ascii(look) if look_ok else ""
        lower = word.casefold()
        main: Word = translit if translit[0] else (alike or lower, ())
        other: Word = (alike, translit[1] + ((translit[0],) if translit[0] else ())) \
            if alike else main
        return [main], [other]
    word = word.casefold()
    numbered = _NUMBERED.fullmatch(word)
    if numbered:  # OFFICE39, NAMSAN8: a word and its number
        return _plain([numbered[1], numbered[2]]), _plain([numbered[1], numbered[2]])
    if any(ch.isalpha() for ch in word) and any(ch.isdigit() for ch in word):
        word = word.translate(_LEETS)
    ascii_word = _ascii(word) or word
    return _plain([ascii_word]), _plain([ascii_word])


def reading_words(name: str) -> list[list[Word]]:
    """Readings of a name as tokens with their alternative spellings."""
    words = [w for w in _SPLIT.split(_APOSTROPHES.sub("", clean(name))) if w]
    translit: list[Word] = []
    alike: list[Word] = []
    for i, word in enumerate(words):
        a, b = _word_readings(word, first=(i == 0))
        translit.extend(a)
        alike.extend(b)
    if not translit:
        return []
    same = [t for t, _ in translit] == [t for t, _ in alike]
    return [translit] if same else [translit, alike]


def readings(name: str) -> list[list[str]]:
    """Token readings of a name (one, or two when look-alike letters make it ambiguous)."""
    return [[t for t, _ in r] for r in reading_words(name)]
