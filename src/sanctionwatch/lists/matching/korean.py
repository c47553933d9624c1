"""Korean names: Hangul decomposition and romanisation, Hanja readings, romanisation keys.

The romanisation *key* collapses the spelling differences between McCune–Reischauer,
the Revised Romanization and DPRK usage (Jong/Jeong/Chong, Un/Eun, Kim/Gim, Pak/Park,
Ri/Lee/Yi…) so that two spellings of one Korean syllable get one key.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml
from pydantic import BaseModel, Field

HANGUL_FIRST, HANGUL_LAST = 0xAC00, 0xD7A3
# Revised Romanization, syllable-initial consonants, vowels and final consonants.
_INITIALS = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj",
             "ch", "k", "t", "p", "h"]
_VOWELS = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u",
           "wo", "we", "wi", "yu", "eu", "ui", "i"]
_FINALS = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "p", "l", "l", "p", "l", "m",
           "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"]


class FamilyName(BaseModel):
    hangul: list[str] = Field(min_length=1)
    hanja: list[str] = Field(default_factory=list)
    roman: list[str] = Field(min_length=1)


class KoreanNames(BaseModel):
    source: str = Field(min_length=10)
    family: list[FamilyName]
    given_hanja: dict[str, str]


@lru_cache(maxsize=1)
def tables() -> KoreanNames:
    """The validated family-name and Hanja table shipped with the package."""
    path = resources.files("sanctionwatch.lists").joinpath("data", "korean_names.yaml")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    names = KoreanNames.model_validate(data)
    for hanja, hangul in names.given_hanja.items():
        if len(hanja) != 1 or not is_hangul(hangul):
            raise ValueError(f"korean_names.yaml: bad given-name entry {hanja}: {hangul}")
    return names


def is_hangul(text: str) -> bool:
    return bool(text) and all(HANGUL_FIRST <= ord(ch) <= HANGUL_LAST for ch in text)


def is_han(ch: str) -> bool:
    code = ord(ch)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF


def romanise_syllable(syl: str) -> str:
    """Revised Romanization of one Hangul syllable, read on its own (as in names)."""
    code = ord(syl) - HANGUL_FIRST
    initial, vowel, final = code // 588, (code % 588) // 28, code % 28
    return _INITIALS[initial] + _VOWELS[vowel] + _FINALS[final]


@lru_cache(maxsize=1)
def _family_maps() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(hangul → DPRK romanisation, hanja → hangul, romanisation → canonical key)."""
    hangul_rom: dict[str, str] = {}
    hanja_hangul: dict[str, str] = {}
    roman_key: dict[str, str] = {}
    for fam in tables().family:
        for h in fam.hangul:
            hangul_rom.setdefault(h, fam.roman[0])
        for c in fam.hanja:
            hanja_hangul.setdefault(c, fam.hangul[0])
        canon = _generic_key(fam.roman[0])
        for r in fam.roman:
            roman_key.setdefault(r, canon)
    return hangul_rom, hanja_hangul, roman_key


def family_keys() -> frozenset[str]:
    return frozenset(_family_maps()[2].values())


def hanja_to_hangul(text: str, *, family_first: bool = True) -> str | None:
    """Read a Hanja name in Hangul (family name first), or None if a character is unknown."""
    _, fam_map, _ = _family_maps()
    given = tables().given_hanja
    out = []
    rest = text
    if family_first:
        for size in (2, 1):
            if rest[:size] in fam_map:
                out.append(fam_map[rest[:size]])
                rest = rest[size:]
                break
    for ch in rest:
        if ch not in given:
            return None
        out.append(given[ch])
    return "".join(out)


def hangul_tokens(word: str, *, first: bool) -> list[str]:
    """Romanised syllables of a Hangul word; a name's first word starts with the family name.

    ``김정은`` → ``["kim", "jeong", "eun"]``; compound family names stay one token.
    """
    fam_rom, _, _ = _family_maps()
    out: list[str] = []
    rest = word
    if first:
        for size in (2, 1):
            if len(rest) > size and rest[:size] in fam_rom:
                out.append(fam_rom[rest[:size]])
                rest = rest[size:]
                break
        else:
            if len(rest) == 1 and rest in fam_rom:
                return [fam_rom[rest]]
    out.extend(romanise_syllable(s) for s in rest)
    return out


_DOUBLE = re.compile(r"(.)\1+")
_ASPIRATE = re.compile(r"(?<=[tp])h")


def _generic_key(token: str) -> str:
    s = token.replace("'", "").replace("’", "")
    s = s.replace("eo", "o").replace("eu", "u").replace("oo", "u").replace("ee", "i")
    s = s.replace("ou", "o")  # South Korean Young, Joung for 영, 정
    s = s.replace("ae", "e").replace("kh", "h").replace("sh", "s").replace("ch", "j")
    s = _ASPIRATE.sub("", s)
    s = s.translate(_CONSONANTS)
    return _DOUBLE.sub(r"\1", s)


_CONSONANTS = str.maketrans({"k": "g", "t": "d", "p": "b", "r": "l", "z": "j"})


@lru_cache(maxsize=65536)
def rom_key(token: str) -> str:
    """Romanisation key of a lower-case ASCII token: equal for spellings of one syllable."""
    fam = _family_maps()[2]
    if token in fam:
        return fam[token]
    return _generic_key(token)


@lru_cache(maxsize=65536)
def skeleton(token: str) -> str:
    """A lossier key for transcriptions through other scripts (Russian Чен/Чон for 정).

    Final -ng and -n merge, and so do the vowels e/eo/o/u and y/i, and v/w.
    """
    s = rom_key(token)
    if len(s) < 2:
        return s
    s = s.replace("ng", "n").replace("v", "w")
    return s.translate(_VOWEL_CLASSES)


_VOWEL_CLASSES = str.maketrans({"e": "o", "u": "o", "y": "i"})


@lru_cache(maxsize=65536)
def loose_key(token: str) -> str:
    """The lossy key without the family-name table (YONG the syllable, not 룡 the family)."""
    s = _generic_key(token)
    if len(s) < 2:
        return s
    return s.replace("ng", "n").replace("v", "w").translate(_VOWEL_CLASSES)


def plain_key(token: str) -> str:
    """The romanisation key without the family-name table."""
    return _generic_key(token)


def same_initial(a: str, b: str) -> bool:
    """Do two romanised syllables start alike (after the romanisation key)?"""
    ka, kb = _generic_key(a), _generic_key(b)
    return bool(ka) and bool(kb) and ka[0] == kb[0]


# McCune–Reischauer / DPRK spellings (aspiration marks dropped), for the syllable list.
_MR_INITIALS = ["k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "ch", "tch",
                "ch", "kh", "th", "ph", "h"]
_MR_VOWELS = ["a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u",
              "wo", "we", "wi", "yu", "u", "ui", "i"]


@lru_cache(maxsize=1)
def syllable_keys() -> frozenset[str]:
    """Romanisation keys of every Hangul syllable (Revised Romanization and MR/DPRK).

    Two given-name syllables that are both real syllables but differ (YONG / KYONG,
    SU / SO) are two names, not a typo of one.
    """
    keys = set()
    for code in range(HANGUL_LAST - HANGUL_FIRST + 1):
        initial, vowel, final = code // 588, (code % 588) // 28, code % 28
        keys.add(_generic_key(_INITIALS[initial] + _VOWELS[vowel] + _FINALS[final]))
        keys.add(_generic_key(_MR_INITIALS[initial] + _MR_VOWELS[vowel] + _FINALS[final]))
    return frozenset(keys)
