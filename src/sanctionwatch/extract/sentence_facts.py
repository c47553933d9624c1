"""What one sentence contains: countries with roles, items, cues, ports, quantities."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from typing import TypeVar

from sanctionwatch.extract.records import Quantity, Sentence
from sanctionwatch.extract.roles import CountryMention, mentions_with_roles
from sanctionwatch.knowledge.gazetteer import Match, item_index
from sanctionwatch.knowledge.schema import ItemCue

# "SEOUL, South Korea, Nov 20, (AP):", "TOKYO —", "New Delhi, April 19": datelines name a
# place, not a party.
_DATELINE = re.compile(r"^\s*(?:[A-ZÀ-Ý][A-Za-zÀ-ÿ'.-]+(?:\s[A-ZÀ-Ý][A-Za-zÀ-ÿ'.-]+){0,2})"
                       r"(?:,\s[^,\n]{1,25}){0,3}?\s*(?:\([A-Za-z]+\))?\s*(?:[—–:]|-\s)")
_DATELINE_CAPS = re.compile(r"^\s*[A-ZÀ-Ý]{3,}[A-ZÀ-Ý .'-]*(?:,|\s[—–-])")


_T = TypeVar("_T")
# cue kinds that can start an incident (or a denial); sentences without one need no roles
EVENT_CUES = ("give", "get", "deploy", "steal", "sts", "port_call", "assist", "work", "deny",
              "vessel_change", "register", "trade")
# zh 将 before an object and a verb of motion ("朝鲜将一万多名士兵派往俄罗斯") marks the
# object (like 把), not the future ("朝鲜将向俄罗斯派兵")
_ZH_DISPOSAL = re.compile(r"将(?![向在于会要继续对为把与和从能可派运送卖售交转输出提供])"
                          r"[^,，。;；]{1,20}?(?:[派运送卖售交转输][往到给至抵]|出口到|出售给)")
# ko 넘기다 "hand over" also means "pass, exceed" after an amount ("200만 발을 넘긴": more
# than two million rounds); without a recipient (러시아에) that is no delivery
_KO_EXCEED = re.compile(r"\d[\d,.]*\s?(?:만|억|천)?\s?[가-힣]{0,2}\s?(?:을|를)\s?$")
_SOURCE_BEFORE = {"according to", "laut", "selon", "d'après", "según", "de acuerdo con",
                  "по данным", "по словам", "согласно", "citing", "nach angaben", "据"}


@dataclass(frozen=True, slots=True)
class ItemHit:
    start: int
    end: int
    cue: ItemCue


@dataclass(frozen=True, slots=True)
class PortHit:
    start: int
    end: int
    name: str
    country: str


@dataclass(slots=True)
class SentenceFacts:
    sentence: Sentence
    countries: list[CountryMention] = field(default_factory=list)
    items: list[ItemHit] = field(default_factory=list)
    ports: list[PortHit] = field(default_factory=list)
    cues: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    quantities: list[Quantity] = field(default_factory=list)

    def has(self, kind: str) -> bool:
        return kind in self.cues

    def iso_set(self) -> set[str]:
        return {c.iso2 for c in self.countries if not c.based}

    def first_cue(self, *kinds: str) -> int | None:
        found = [s for k in kinds for s, _ in self.cues.get(k, [])]
        return min(found) if found else None


def dateline_end(text: str) -> int:
    """Length of a leading dateline ("SEOUL, South Korea, Nov 20, (AP):"), or 0."""
    m = _DATELINE_CAPS.match(text)
    if m is None:
        return 0
    m2 = _DATELINE.match(text)
    return m2.end() if m2 and m2.end() < 60 else m.end()


def collect(sentence: Sentence, matches: list[Match], quantities: list[Quantity],
            text: str, lang: str) -> SentenceFacts:
    """Group the document matches that fall inside ``sentence``."""
    facts = SentenceFacts(sentence)
    if not matches and not quantities:
        return facts
    cut = sentence.start + dateline_end(sentence.text)
    spans: list[tuple[int, int, str, str]] = []
    index = item_index()
    for m in matches:
        if m.end > sentence.end:
            continue
        e = m.entry
        if e.layer == "country":
            if m.start >= cut:
                spans.append((m.start, m.end, e.value, e.kind))
        elif e.layer == "item":
            if index[e.value].category != "exclude":
                facts.items.append(ItemHit(m.start, m.end, index[e.value]))
        elif e.layer == "port":
            facts.ports.append(PortHit(m.start, m.end, e.value, e.extra))
        else:
            if e.kind == "future" and lang == "zh" and _ZH_DISPOSAL.match(text, m.start):
                continue
            facts.cues.setdefault(e.kind, []).append((m.start, m.end))
    gives = tuple(st for st, _ in facts.cues.get("give", []))
    mentions = mentions_with_roles(text, spans, lang, gives,
                                   roles=any(k in facts.cues for k in EVENT_CUES))
    sources = [st for st, _ in facts.cues.get("source", [])]
    gap = 0 if lang in ("zh", "ja", "ko") else 5
    attrib = [(st, en) for st, en in facts.cues.get("attrib", [])]
    facts.countries = [
        replace(c, based=True) if c.iso2 != "KP" and (
            any(0 <= st - c.end <= 5 and "," not in text[c.end:st] for st in sources)
            or any(0 <= c.start - en <= gap and text[st:en].lower() in _SOURCE_BEFORE
                   for st, en in attrib)) else c
        for c in mentions]
    if lang == "ko" and "give" in facts.cues and not any(c.role == "to"
                                                         for c in facts.countries):
        kept = [(st, en) for st, en in facts.cues["give"] if not (
            text.startswith("넘", st) and _KO_EXCEED.search(text, max(0, st - 20), st))]
        if kept:
            facts.cues["give"] = kept
        else:
            del facts.cues["give"]
    facts.quantities = [q for q in quantities if q.end <= sentence.end]
    return facts


def bucket(starts: list[int], sentences: list[Sentence], items: list[_T]) -> list[list[_T]]:
    """Split ``items`` (sorted by start, with ``starts``) into one list per sentence."""
    out: list[list[_T]] = []
    for s in sentences:
        lo = bisect_left(starts, s.start)
        hi = bisect_left(starts, s.end)
        out.append(items[lo:hi])
    return out
