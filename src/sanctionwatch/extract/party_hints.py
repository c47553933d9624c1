"""Clues about who is (not) a party: the seat of a firm robbed from, a clause telling the
goods' later fate, a sanction word between a subject and a buy trigger."""

from __future__ import annotations

import re

from sanctionwatch.extract.regex_util import guarded
from sanctionwatch.extract.sentence_facts import SentenceFacts

# "from a Japanese crypto exchange", "der US-Kryptowährungsfirma", "une plateforme
# sud-coréenne": a country that qualifies a firm is the victim of a theft, wherever the
# verb stands (German puts "gestohlen" last)
_FIRM_AFTER = re.compile(r"\w*[\s-](?:[\w-]+\s)?[\w-]*(?:börse|firma|unternehmen|exchange|"
                         r"firm|company|bank|plattform|plateforme|entreprise|empresa|"
                         r"plataforma|бирж\w*|компани\w*)(?!\w)", re.I)
_FROM_BEFORE = re.compile(r"(?:\bvon|\baus|\bbei|\bfrom|\bde|\bd'|\bdesde|\bиз|\bу)\s?"
                          r"(?:[\w']+\s){0,2}$", re.I)
# "seafood that ends up on shelves in the US": a relative clause without a comma that
# tells the goods' later fate names no party (up to ", and" / ", but" / ";")
_FATE = guarded("twdqк", r"\b(?:that|which|die|der|das|qui|que|которы\w*)\s+(?:\w+\s+){0,2}?"
                   r"(?:ends? up|ended up|landet|landen|landete\w*|finit|finissent|"
                   r"termina\w*|acaba\w*|оказыва\w*|(?:is|are|was|were|wird|werden) "
                   r"(?:later |später )?(?:sold|resold|re-exported|verkauft))(?!\w)", re.I)
_FATE_END = re.compile(r",\s(?:and|but|und|aber|et|mais|y|pero|и|но)\s|;|\swhile\s")
# "X imposed sanctions on Russian entities, which it accuses of buying …": the state
# that sanctions is no buyer
SANCTION_WORD = re.compile(r"\b(?:sanction\w*|sancion\w*|sanktion\w*|санкци\w*)", re.I)


def fate_span(text: str) -> tuple[int, int] | None:
    """Bounds of a clause telling the goods' later fate ("that ends up in the US")."""
    m = _FATE.search(text)
    if m is None:
        return None
    end = _FATE_END.search(text, m.end())
    return m.start(), end.start() if end else len(text)


def victim_firm(text: str, start: int, end: int) -> bool:
    """"von einer japanischen Kryptobörse", "from a Japanese crypto exchange": a country
    that qualifies a firm robbed from (not "the US firm Chainalysis said")."""
    return bool(_FIRM_AFTER.match(text, start)) and end > start and bool(
        _FROM_BEFORE.search(text[max(0, start - 24):start]))


def victim_firms(facts: SentenceFacts) -> set[str]:
    """Countries named only as the seat of a firm robbed from, in a theft sentence."""
    if not facts.has("steal"):
        return set()
    off, text = facts.sentence.start, facts.sentence.text
    return {c.iso2 for c in facts.countries if victim_firm(text, c.start - off, c.end - off)}
