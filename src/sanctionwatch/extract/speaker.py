"""The speaker of a reported claim is its source, never a party.

"The United States and ten partners said on Thursday that North Korea had sent …", "Die
USA erklärten, dass Nordkorea …", "Les États-Unis ont déclaré que la Corée du Nord …",
"США заявили, что КНДР …", "미국은 북한이 …보냈다고 밝혔다", "米国は北朝鮮が…したと発表した",
"美国表示，朝鲜…": a country that is the subject of a speech verb governing a complement
clause with a subject of its own (a country named in the clause before its verb) is the
source of the claim. A clause without its own named subject ("Russia confirmed that it
had supplied …") leaves the speaker a party.

Runs only on sentences that hold an ``attrib`` cue and an event cue; it looks at short
windows after the speech verb.
"""

from __future__ import annotations

import re
from dataclasses import replace

from sanctionwatch.extract.roles import CountryMention

KP = "KP"
_TRIGGERS = ("give", "get", "deploy", "steal", "sts", "port_call", "assist", "work")
# the complementiser after the speech verb (an adverbial of time may come between)
_COMP = {
    "en": re.compile(r"(?:\s+(?:on|last|this|earlier|late|in|at|during|early)\b[^,.;:]{0,25}?)?"
                     r"\s*,?\s*(?:that\b)?", re.I),
    "de": re.compile(r"[^.;:,]{0,30}?,\s*(?:dass\b|daß\b)?", re.I),
    "fr": re.compile(r"[^.;:,]{0,30}?\bqu(?:e\b|['’])", re.I),
    "es": re.compile(r"[^.;:,]{0,30}?\bque\b", re.I),
    "ru": re.compile(r"[^.;:,]{0,30}?,\s*(?:что|будто)\b", re.I),
    "zh": re.compile(r"\s*[，,:：]?"),
}
# speech verbs that are no source phrase ("according to", "laut", "据" name the source
# after them)
_NOT_SPEECH = re.compile(r"^(?:according to|citing|laut|zufolge|nach angaben|nach informationen|"
                         r"nach erkenntnissen|unter berufung auf|selon|d'après|citant|según|"
                         r"de acuerdo con|citando|по данным|по словам|согласно|со ссылкой на|"
                         r"как сообщает|по информации|по сведениям|据|據|援引|引述|据悉|據悉)$",
                         re.I)
# ko/ja: the quotative ending right before the speech verb
_QUOTE_BEFORE = {
    "ko": re.compile(r"(?:다|라|냐)고\s*(?:\S+\s+){0,2}$"),
    "ja": re.compile(r"と(?:\S{0,4}?)?(?:を)?$"),
}
_TOPIC = {"ko": ("은", "는"), "ja": ("は",)}
_SUBJ = {"ko": ("이", "가"), "ja": ("が",)}
_CLAUSE_END = re.compile(r"[.;:!?。；！？]")


def speech_sources(s_start: int, s_text: str, ms: list[CountryMention],
                   cues: dict[str, list[tuple[int, int]]],
                   item_spans: list[tuple[int, int]], lang: str) -> list[CountryMention]:
    """``ms`` with the speakers of reported claims marked as sources."""
    attrib = cues.get("attrib")
    if not attrib or len(ms) < 2:
        return ms
    triggers = sorted([st - s_start for k in _TRIGGERS for st, _ in cues.get(k, [])]
                      + [st - s_start for st, _ in item_spans])
    if not triggers:
        return ms
    drop: set[int] = set()
    for st, en in attrib:
        p, pe = st - s_start, en - s_start
        if _NOT_SPEECH.match(s_text[p:pe].strip()):
            continue
        if lang in ("ko", "ja"):
            drop |= _cjk_speakers(s_text, s_start, ms, triggers, p, lang)
            continue
        comp = _COMP.get(lang)
        if comp is None:
            continue
        m = comp.match(s_text, pe)
        if m is None:
            continue
        body = m.end()
        first = next((t for t in triggers if t >= body), None)
        if first is None:
            continue
        # the complement names its own subject before its verb
        subj = [c for c in ms if body <= c.start - s_start < first and not c.based
                and c.role != "against"]
        if not subj or (lang == "en" and not s_text[pe:m.end()].strip()
                        and subj[0].start - s_start - body > 12):
            continue
        lo = max((mm.end() for mm in _CLAUSE_END.finditer(s_text, 0, p)), default=0)
        for c in ms:
            cs = c.start - s_start
            if lo <= cs and c.end - s_start <= p and c.iso2 != KP and not c.based \
                    and c.role in ("none", "subject") \
                    and not any(cs < t < p for t in triggers) \
                    and all(c.iso2 != x.iso2 for x in subj):
                drop.add(c.start)
    if not drop:
        return ms
    return [replace(m, role="source") if m.start in drop else m for m in ms]


def _cjk_speakers(s_text: str, s_start: int, ms: list[CountryMention], triggers: list[int],
                  p: int, lang: str) -> set[int]:
    """"미국은 북한이 포탄을 보냈다고 밝혔다", "米国は北朝鮮が砲弾を供与したと発表した": the
    topic before a subject-marked country, with a quotative before the speech verb."""
    if not _QUOTE_BEFORE[lang].search(s_text[max(0, p - 12):p]):
        return set()
    out: set[int] = set()
    for c in ms:
        cs, ce = c.start - s_start, c.end - s_start
        if c.iso2 == KP or c.based or not s_text.startswith(_TOPIC[lang], ce):
            continue
        if any(cs < t < ce + 2 for t in triggers):
            continue
        first = next((t for t in triggers if t > ce), None)
        if first is None or first > p:
            continue
        if any(ce < x.start - s_start < first and x.iso2 != c.iso2
               and s_text.startswith(_SUBJ[lang], x.end - s_start) for x in ms):
            out.add(c.start)
    return out
