"""Grammatical roles of country mentions inside one sentence (who sends, who receives).

Latin and Cyrillic languages mark the recipient with a preposition before the name
("to", "an", "à", "a", "в"/"на"/"к") and the origin with "from"/"aus"/"из"/"desde";
Korean and Japanese mark both with particles after the name (에/에게/으로 vs 에서/로부터;
に/へ vs から) and the subject with 이/가/은/는, が/は; Chinese puts 向/给/往/到 before the
recipient and 从/自 before the origin.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from sanctionwatch.extract.regex_util import guarded

Role = Literal["to", "from", "subject", "none", "against", "source", "place"]
# roles of countries that are never sender, recipient or victim: a war opponent, the
# source of a claim, the place where receiving forces fight
NON_PARTY = ("against", "source", "place")

_TO_BEFORE = {
    "en": ("to", "into", "towards", "toward", "in"),
    "de": ("an", "nach", "in", "ins"),
    "fr": ("à", "au", "aux", "vers", "en"),
    "es": ("a", "al", "hacia", "en"),
    "ru": ("в", "во", "на", "к", "ко"),
}
_FROM_BEFORE = {
    "en": ("from",),
    "de": ("aus", "von"),
    "fr": ("depuis", "provenance de", "provenant de"),
    "es": ("desde", "proveniente de", "procedente de", "provenientes de"),
    "ru": ("из", "от", "со стороны"),
}
_ARTICLE_WORDS = ("the", "der", "die", "das", "dem", "den", "des", "la", "le", "les", "l'", "el",
                  "los", "las", "northeastern", "northern", "southern", "eastern", "western")
_ARTICLES = re.compile(r"(?:\s(?:" + "|".join(_ARTICLE_WORDS) + r"))+\s*$", re.I)
_ARTICLE_SET = frozenset(_ARTICLE_WORDS)
_KO_AFTER = (("으로부터", "from"), ("로부터", "from"), ("에서", "from"), ("에게", "to"),
             ("에도", "to"), ("에", "to"), ("으로", "to"), ("로", "to"), ("이", "subject"),
             ("가", "subject"), ("은", "subject"), ("는", "subject"), ("과", "none"),
             ("와", "none"), ("의", "none"))
_JA_AFTER = (("から", "from"), ("に対して", "to"), ("に対し", "to"), ("向け", "to"),
             ("に", "to"), ("へ", "to"), ("が", "subject"), ("は", "subject"), ("の", "none"))
_ZH_BEFORE = (("向", "to"), ("给", "to"), ("往", "to"), ("到", "to"), ("对", "to"),
              ("赴", "to"), ("从", "from"), ("自", "from"), ("由", "from"))
_ZH_AFTER = (("输入", "from"),)
# "war in/against Ukraine", "Krieg gegen", "guerre contre", "против": the opponent of a
# war is neither sender nor recipient of anything the sentence reports
_AGAINST_BEFORE = guarded(
    "wagkcпв",
    r"(?:\bwar (?:in|on|against|with)|\bagainst|\bgegen|\bkrieg (?:in|mit)|\bcontre|"
    r"\bguerre (?:en|avec|d'|de)|\bcontra|\bguerra (?:en|de|con)|\bпротив|"
    r"\bвойн[аеуыой]* (?:в|на|с|со))\s*$", re.I)
_AGAINST_AFTER = {"zh": ("的战争", "战争", "战场", "前线"),
                  "ko": ("과의 전쟁", "와의 전쟁", "전쟁", "전선"),
                  "ja": ("との戦争", "侵攻", "戦争", "戦線")}
_BASED = re.compile(r"^-(based|basierte?n?|basé)", re.I)


@dataclass(frozen=True, slots=True)
class CountryMention:
    start: int
    end: int
    iso2: str
    kind: str  # name, adjective, capital, actor
    role: Role
    based: bool = False  # "London-based": a location, not a party


# the last letters of the words _ARTICLES strips (the class is matched with re.I, like
# _ARTICLES): a text whose last non-space character is none of them has no article to strip
_ARTICLE_LAST = re.compile(r"[esrmna'ln]", re.I)
_ARTICLE_LAST_SEEN: dict[str, bool] = {}  # memo per character (bounded by the alphabet)


def _strip_articles(text: str) -> str:
    """``_ARTICLES.sub("", text)``, skipped when ``text`` cannot end in an article."""
    tail = text.rstrip()
    if not tail:
        return text
    ch = tail[-1]
    ok = _ARTICLE_LAST_SEEN.get(ch)
    if ok is None:
        ok = _ARTICLE_LAST_SEEN[ch] = _ARTICLE_LAST.fullmatch(ch) is not None
    return _ARTICLES.sub("", text) if ok else text


def _strip_articles_lower(text: str) -> str:
    """``_ARTICLES.sub("", text)`` for lowercase ASCII ``text``, without a regex: peel
    off "<one space><article>" groups from the end (after trailing spaces). No article
    contains a space, so each group's word is the whole run of non-spaces before the
    point reached, and the peeling is unique; the regex removes from the leftmost place
    such a chain of groups starts, which is where the peeling stops."""
    end = len(text.rstrip())
    cut = -1
    while end > 0:
        start = end
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        if start == 0 or text[start:end] not in _ARTICLE_SET:
            break
        cut = end = start - 1  # the one space before the article belongs to the group
    return text if cut < 0 else text[:cut]


@cache
def _markers(lang: str) -> tuple[tuple[str, ...], frozenset[str], tuple[str, ...]]:
    """(' from'-style suffixes, bare origin words, recipient suffixes) for ``lang``."""
    origin = _FROM_BEFORE.get(lang, ()) + _FROM_BEFORE["en"]
    to = _TO_BEFORE.get(lang, ()) + (() if lang == "en" else ("to",))
    return (tuple(" " + w for w in origin), frozenset(origin),
            tuple(p + w for w in to for p in (" ", "'")))


def role_of(text: str, start: int, end: int, lang: str) -> Role:
    """Role marker around the mention text[start:end]."""
    after_cjk = _AGAINST_AFTER.get(lang)
    before: str | None = None
    if after_cjk is not None:
        if text[end:end + 6].lstrip(" ").startswith(after_cjk):
            return "against"
    else:
        window = text[max(0, start - 30):start]
        if window.isascii():
            # ASCII: lowercasing commutes with the case-insensitive patterns, so the
            # lowercased, stripped window serves both tests
            before = _strip_articles_lower(" " + window.lower()).rstrip(" ’'")
            if _AGAINST_BEFORE.search(before):
                return "against"
        elif _AGAINST_BEFORE.search(_strip_articles(" " + window).rstrip(" ’'")):
            return "against"
    if lang == "ko":
        after = text[end:end + 5]
        for suffix, role in _KO_AFTER:
            if after.startswith(suffix):
                return role  # type: ignore[return-value]
        return "none"
    if lang == "ja":
        after = text[end:end + 5]
        for suffix, role in _JA_AFTER:
            if after.startswith(suffix):
                return role  # type: ignore[return-value]
        return "none"
    if lang == "zh":
        before = text[max(0, start - 2):start]
        for prefix, role in _ZH_BEFORE:
            if before.endswith(prefix):
                return role  # type: ignore[return-value]
        after = text[end:end + 3]
        for prefix, role in _ZH_AFTER:
            if text[max(0, start - 3):start].endswith(prefix):
                return "to"
            if after.startswith(prefix):
                return role  # type: ignore[return-value]
        return "none"
    if before is None:
        before = _strip_articles(" " + text[max(0, start - 30):start].lower()).rstrip(" ’'")
    from_suffixes, from_words, to_suffixes = _markers(lang)
    if before.endswith(from_suffixes) or before in from_words:
        return "from"
    if before.endswith(to_suffixes):
        return "to"
    # "to Weifang, China", "nach Wladiwostok, Russland": the country of a place that
    # follows a recipient marker
    if not text[max(0, start - 3):start].rstrip().endswith(","):
        return "none"
    place = _PLACE_THEN_COUNTRY.search(text[max(0, start - 40):start])
    markers = _TO_BEFORE.get(lang, ()) + ("to",)
    if place and place.group(1).islower() and place.group(1) in markers:
        return "to"
    return "none"


_PLACE_THEN_COUNTRY = re.compile(
    r"(?:^|\s)(\w+)\s+[A-ZА-ЯÀ-Þ][\w'-]+(?:\s[A-ZА-ЯÀ-Þ][\w'-]+)?,\s*$")


_COORD = re.compile(r"^\s*(?:,|and|und|et|y|и|или|or|sowie|ou|o|과|와|및|、|和|及|与)?\s*"
                    r"(?:,\s*)?(?:the\s+)?$", re.I)
_RU_DATIVE = re.compile(r"(?:у|ю|и|е)$")


def mentions_with_roles(text: str, spans: list[tuple[int, int, str, str]],
                        lang: str, give_positions: tuple[int, ...] = (),
                        roles: bool = True) -> list[CountryMention]:
    """Country mentions with their roles; ``roles=False`` (a sentence without any trigger)
    only marks locations ("London-based") and leaves every role "none"."""
    out: list[CountryMention] = []
    for start, end, iso2, kind in spans:
        based = text.startswith("-", end) and bool(_BASED.match(text[end:end + 12]))
        if not roles:
            out.append(CountryMention(start, end, iso2, kind, "none", based))
            continue
        role: Role = role_of(text, start, end, lang)
        if kind == "adjective" and role == "subject":
            role = "none"
        if (role == "none" and lang == "ru" and kind == "name"
                and any(0 < start - g < 80 for g in give_positions)
                and _RU_DATIVE.search(text[start:end].lower())):
            role = "to"
        out.append(CountryMention(start, end, iso2, kind, role, based))
    # "to Mozambique and Tanzania", "Сирии, Йемену и Ливии": the role carries over a list
    # — but not past a fronted locative ("In Syria, North Korea supplied …")
    for i in range(1, len(out) if roles else 0):
        prev, cur = out[i - 1], out[i]
        if prev.role in ("to", "from") and cur.role in ("none", prev.role) and \
                text[prev.end:cur.start].strip() and _COORD.match(text[prev.end:cur.start]) \
                and not _fronted(text, prev):
            out[i] = CountryMention(cur.start, cur.end, cur.iso2, cur.kind, prev.role, cur.based)
    return out


_FRONTED = re.compile(r"(?:^|[.!?\n:]\s*)(?:in|en|im|dans|au|aux|в|во)\s+(?:the\s+|la\s+|le\s+|"
                      r"l'|el\s+)?$", re.I)


def _fronted(text: str, m: CountryMention) -> bool:
    """A sentence-initial locative set off by a comma: "In Syria, …", "En Siria, …"."""
    return text[m.end:m.end + 1] == "," and bool(
        _FRONTED.search(text[max(0, m.start - 12):m.start]))


def first_subject(mentions: list[CountryMention], before: int, lang: str) -> CountryMention | None:
    """The sentence subject: a marked subject (ko/ja), else the first unmarked name before
    ``before`` (the trigger) — adjectives count only when nothing else qualifies."""
    if lang in ("ko", "ja") or any(m.role == "subject" for m in mentions):
        marked = [m for m in mentions if m.role == "subject" and m.start < before + 1]
        if marked:
            return marked[-1]
    cands = [m for m in mentions if m.role in ("none", "subject") and m.start < before
             and m.kind != "adjective" and not m.based]
    if cands:
        # the name nearest before the verb: "The U.S. accused North Korea of supplying"
        return cands[-1]
    return None
