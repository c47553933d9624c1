"""Bounded discourse context for banned goods whose destination comes one sentence
later: "Two armoured limousines were shipped from Rotterdam in June. After stops in
China and Russia, the cars are believed to have reached their final destination,
Pyongyang." A shipment of goods that are banned only when bound for the DPRK (luxury
goods and the like) in a sentence that does not name the DPRK takes the DPRK as
recipient when the next sentence names it as the destination and states no claim of its
own; a hedge in that sentence makes the claim alleged.
"""

from __future__ import annotations

import re
from dataclasses import replace

from sanctionwatch.extract.assemble import KP, Draft, sentence_drafts
from sanctionwatch.extract.discourse import sentence_quantities
from sanctionwatch.extract.roles import role_of
from sanctionwatch.extract.sentence_facts import SentenceFacts

_GOODS = {"luxury goods"}  # banned only when bound for the DPRK
# "final destination, Pyongyang", "Bestimmungsort Pjöngjang", "destination finale :
# Pyongyang", "destino final, Pyongyang", "пункт назначения — Пхеньян", "최종 목적지인
# 평양", "最終目的地の平壌", "最终目的地平壤"
_DESTINATION = re.compile(r"(?:destination|bestimmungsort|ziel|destino|назначени\w*|"
                          r"목적지\w*|目的地\w*)[^.;]{0,30}$", re.I)


def _goods_sentence(facts: SentenceFacts) -> bool:
    return ("give" in facts.cues or "get" in facts.cues) and any(
        h.cue.item in _GOODS for h in facts.items)


def _bound_for_kp(facts: SentenceFacts, lang: str) -> bool:
    off, text = facts.sentence.start, facts.sentence.text
    for c in facts.countries:
        if c.iso2 != KP or c.based:
            continue
        if _DESTINATION.search(text[max(0, c.start - off - 30):c.start - off]):
            return True
        if role_of(text, c.start - off, c.end - off, lang) == "to":
            return True
    return False


def goods_bound_for_kp(all_facts: list[SentenceFacts], i: int, lang: str,
                       stance: str) -> list[Draft]:
    """Claims of sentence ``i`` (which names no DPRK party) whose goods the next sentence
    sends to the DPRK."""
    facts = all_facts[i]
    if i + 1 >= len(all_facts) or not _goods_sentence(facts):
        return []
    nxt = all_facts[i + 1]
    # the next sentence may name the goods again ("the cars"), but no goods of its own
    restated = all(h.cue.type == "other_violation" and "give" not in nxt.cues
                   and "get" not in nxt.cues for h in nxt.items)
    if KP not in nxt.iso_set() or not restated or not _bound_for_kp(nxt, lang):
        return []
    facts.quantities = sentence_quantities(facts, lang)
    drafts = [d for d in sentence_drafts(facts, lang, i, stance, None, True)
              if d.type == "other_violation" and d.item in _GOODS]
    if "hedge" in nxt.cues:
        stance = "alleged"
    return [replace(d, to=KP, stance=stance if d.stance == "asserted" else d.stance,
                    from_=d.from_ if d.from_ != KP else None) for d in drafts]
