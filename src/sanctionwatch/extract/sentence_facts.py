"""What one sentence contains: countries with roles, items, cues, ports, quantities."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import TypeVar

from sanctionwatch.extract.clause_roles import refine_roles
from sanctionwatch.extract.records import Quantity, Sentence
from sanctionwatch.extract.roles import CountryMention, mentions_with_roles
from sanctionwatch.extract.split_denial import split_denials
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
              "vessel_change", "register", "trade", "cooperate")
EVENT_CUE_SET = frozenset(EVENT_CUES)
_SPLIT_DENIAL_LANGS = frozenset(("en", "de", "fr", "es", "ru"))
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
    # items of category "exclude" (weapons programmes, embargoes): no transfer, but a
    # programme that someone helps with is technical assistance (extract/assistance.py)
    excluded: list[ItemHit] = field(default_factory=list)

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
    cut = -1  # where countries may start (after a dateline): computed at the first country
    spans: list[tuple[int, int, str, str]] = []
    index = item_index()
    s_end = sentence.end
    cues = facts.cues
    for m_start, m_end, e, _ in matches:
        if m_end > s_end:
            continue
        layer = e.layer
        if layer == "country":
            if cut < 0:
                cut = sentence.start + dateline_end(sentence.text)
            if m_start >= cut:
                spans.append((m_start, m_end, e.value, e.kind))
        elif layer == "item":
            cue = index[e.value]
            if cue.category != "exclude":
                facts.items.append(ItemHit(m_start, m_end, cue))
            else:
                facts.excluded.append(ItemHit(m_start, m_end, cue))
        elif layer == "port":
            facts.ports.append(PortHit(m_start, m_end, e.value, e.extra))
        else:
            kind = e.kind
            if kind == "future" and lang == "zh" and _ZH_DISPOSAL.match(text, m_start):
                continue
            found = cues.get(kind)
            if found is None:
                cues[kind] = [(m_start, m_end)]
            else:
                found.append((m_start, m_end))
    if lang in _SPLIT_DENIAL_LANGS:
        have = cues.get("deny", [])
        extra = [(sentence.start + a, sentence.start + b)
                 for a, b in split_denials(sentence.text, lang)]
        # a denial word inside the span already stands for it
        extra = [(a, b) for a, b in extra if not any(a < he and hs < b for hs, he in have)]
        if extra:
            cues["deny"] = sorted(have + extra)
    experts = cues.get("experts")
    if experts and facts.items:
        # "기술자", "技术人员": a word inside the name of the personnel is no item
        facts.items = [h for h in facts.items if not any(
            s <= h.start and h.end <= e and e - s > h.end - h.start for s, e in experts)]
    if len(facts.items) > 1:
        facts.items = _modifiers_dropped(facts.items, text)
    if not spans:
        if lang == "ko":
            _ko_exceed_is_no_handover(facts, text)
        facts.quantities = [q for q in quantities if q.end <= sentence.end]
        return facts  # no country: no roles, no locations
    gives = tuple(st for st, _ in cues["give"]) if "give" in cues else ()
    mentions = mentions_with_roles(text, spans, lang, gives,
                                   roles=not EVENT_CUE_SET.isdisjoint(cues))
    if "source" not in cues and "attrib" not in cues:
        facts.countries = mentions  # nothing can mark a mention as a source's seat
    else:
        sources = [st for st, _ in cues.get("source", [])]
        gap = 0 if lang in ("zh", "ja", "ko") else 5
        attrib = [(st, en) for st, en in cues.get("attrib", [])]
        facts.countries = [
            CountryMention(c.start, c.end, c.iso2, c.kind, c.role, True) if c.iso2 != "KP" and (
                any(0 <= st - c.end <= 5 and "," not in text[c.end:st] for st in sources)
                or any(0 <= c.start - en <= gap and text[st:en].lower() in _SOURCE_BEFORE
                       for st, en in attrib)) else c
            for c in mentions]
    if facts.countries and not EVENT_CUE_SET.isdisjoint(cues):
        facts.countries = refine_roles(text, sentence.start, sentence.text, facts.countries,
                                       facts.cues, [(h.start, h.end) for h in facts.items],
                                       lang)
    if lang == "ko":
        _ko_exceed_is_no_handover(facts, text)
    facts.quantities = [q for q in quantities if q.end <= sentence.end]
    return facts


def _ko_exceed_is_no_handover(facts: SentenceFacts, text: str) -> None:
    """"… 1만 명을 넘긴": 넘기다 after an amount means "exceed", not "hand over" (unless a
    recipient is marked)."""
    if "give" not in facts.cues or any(c.role == "to" for c in facts.countries):
        return
    kept = [(st, en) for st, en in facts.cues["give"] if not (
        text.startswith("넘", st) and _KO_EXCEED.search(text, max(0, st - 20), st))]
    if kept:
        facts.cues["give"] = kept
    else:
        del facts.cues["give"]


def _modifiers_dropped(items: list[ItemHit], text: str) -> list[ItemHit]:
    """"防空导弹技术", "미사일 기술", "missile know-how": a weapon word right before a
    technical-assistance noun only says what the help is about."""
    out = []
    for i, h in enumerate(items):
        nxt = items[i + 1] if i + 1 < len(items) else None
        if nxt is not None and h.cue.type == "arms_transfer" and \
                nxt.cue.type == "technical_assistance" and 0 <= nxt.start - h.end <= 1 and \
                not text[h.end:nxt.start].strip():
            continue
        out.append(h)
    return out


def bucket(starts: list[int], sentences: list[Sentence], items: list[_T]) -> list[list[_T]]:
    """Split ``items`` (sorted by start, with ``starts``) into one list per sentence."""
    out: list[list[_T]] = []
    for s in sentences:
        lo = bisect_left(starts, s.start)
        hi = bisect_left(starts, s.end)
        out.append(items[lo:hi])
    return out
