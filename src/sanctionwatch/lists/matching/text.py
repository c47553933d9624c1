"""Name text → readings: invisible characters, homoglyphs, Cyrillic, Hangul and Hanja.

A name may have several *readings* (lists of lower-case ASCII tokens): a Cyrillic word
made only of Latin look-alikes is read both as a transliteration (``РАК`` → ``rak``) and
as the Latin word it imitates (``pak``).
"""

from __future__ import annotations

import re
import unicodedata

from sanctionwatch.lists.matching.korean import (
    hangul_tokens,
    hanja_to_hangul,
    is_han,
    is_hangul,
)

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
# Russian → Latin, tuned for matching (Korean names in Russian transcription included).
_CYR_DIGRAPHS = [("дж", "j"), ("чх", "ch"), ("кх", "k"), ("тх", "t"), ("пх", "p"),
                 ("ын", "eun"), ("ый", "y")]
_CYR = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch",
    "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u",
})
_SPLIT = re.compile(r"[^\w]+|_")
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


def _cyrillic(word: str) -> str:
    for a, b in _CYR_DIGRAPHS:
        word = word.replace(a, b)
    return _ascii(word.translate(_CYR))


def _word_readings(word: str, first: bool) -> tuple[list[str], list[str]]:
    """(transliterated reading, look-alike reading) of one word."""
    scripts = {_script(ch) for ch in word if ch.isalnum()}
    if scripts <= {"hangul"} and word:
        toks = hangul_tokens(word, first=first)
        return toks, toks
    if scripts == {"han"}:
        hangul = hanja_to_hangul(word, family_first=first)
        toks = hangul_tokens(hangul, first=first) if hangul else [word]
        return toks, toks
    if "cyrillic" in scripts or "greek" in scripts:
        look = word.translate(HOMOGLYPHS).casefold()
        word = word.casefold()
        look_ok = all(_script(ch) in ("latin", "other") for ch in look)
        if "latin" in scripts and look_ok:
            return [_ascii(look)], [_ascii(look)]
        translit = _cyrillic(word) if "cyrillic" in scripts else ""
        alike = _ascii(look) if look_ok else ""
        return [translit or alike or word], [alike or translit or word]
    word = word.casefold()
    if any(ch.isalpha() for ch in word) and any(ch.isdigit() for ch in word):
        word = word.translate(_LEETS)
    ascii_word = _ascii(word) or word
    return [ascii_word], [ascii_word]


def readings(name: str) -> list[list[str]]:
    """Token readings of a name (one, or two when look-alike letters make it ambiguous)."""
    words = [w for w in _SPLIT.split(_APOSTROPHES.sub("", clean(name))) if w]
    translit: list[str] = []
    alike: list[str] = []
    for i, word in enumerate(words):
        a, b = _word_readings(word, first=(i == 0))
        translit.extend(a)
        alike.extend(b)
    if not translit:
        return []
    return [translit] if translit == alike else [translit, alike]
