"""Countries the goods only pass through: "via China", "über China nach …", "a través de
China", "через Китай", "중국을 거쳐", "中国経由", "经由中国" / "经中国". They are neither
sender nor recipient."""

from __future__ import annotations

import re

from sanctionwatch.extract.sentence_facts import SentenceFacts

_ARTICLE = re.compile(r"^\s*(?:the|la|le|l'|el|los|las|die|den)?\s*$", re.I)
_AFTER = ("을 거쳐", "를 거쳐", "을 경유", "를 경유", "경유", "経由", "を経て")
# German "über" is transit only before a destination: "über China nach Nordkorea"
_DE_UEBER = re.compile(r"\büber\s+(?:die\s+|den\s+)?$", re.I)
_DE_DEST = re.compile(r"^[\w\s-]{0,30}?\b(?:nach|in|an)\s", re.I)
# zh 经 right before the name ("经中国运往朝鲜"), not 已经/曾经
_ZH_JING = re.compile(r"(?<![已曾])经$")


def transit_starts(facts: SentenceFacts, lang: str) -> set[int]:
    """Start offsets of the countries in ``facts`` that are transit points."""
    cues = facts.cues.get("transit", [])
    off, text = facts.sentence.start, facts.sentence.text
    if not cues and not (lang == "zh" and "经" in text):
        return set()  # ko/ja/de transit words are cues too ("경유", "経由", "über")
    out: set[int] = set()
    for c in facts.countries:
        before = text[max(0, c.start - off - 20):c.start - off]
        if lang in ("ko", "ja"):  # the transit word follows the name
            through = text[c.end - off:c.end - off + 6].startswith(_AFTER)
        elif lang == "zh":
            through = bool(_ZH_JING.search(before)) or _marked(cues, c.start, text, off)
        elif lang == "de" and _DE_UEBER.search(before):
            through = bool(_DE_DEST.match(text[c.end - off:c.end - off + 40]))
        else:
            through = _marked(cues, c.start, text, off)
        if through:
            out.add(c.start)
    return out


def _marked(cues: list[tuple[int, int]], start: int, text: str, off: int) -> bool:
    """A transit word (and at most an article) right before the name."""
    return any(0 <= start - e <= 5 and bool(_ARTICLE.match(text[e - off:start - off]))
               for _, e in cues)
