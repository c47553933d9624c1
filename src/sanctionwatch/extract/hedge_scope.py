"""Where a hedge reaches: its own clause and what follows, unless a confirmation stands
between it and the claim."""

from __future__ import annotations

import re
from dataclasses import replace

from sanctionwatch.extract.assemble import Draft
from sanctionwatch.extract.sentence_facts import SentenceFacts

_CLAUSE_MARKS = (",", ";", "—", "–", "(", ")", "，", "；", "、")


def _clause(text: str, pos: int) -> tuple[int, int]:
    """Bounds (relative) of the clause around ``pos``: punctuation that separates clauses."""
    left = max(text.rfind(ch, 0, pos) for ch in _CLAUSE_MARKS) + 1
    rights = [i for i in (text.find(ch, pos) for ch in _CLAUSE_MARKS) if i >= 0]
    return left, min(rights) if rights else len(text)


# "X apparently goes on: a report confirms that Y delivered …": a confirmation between a
# hedge and a claim asserts the claim (unless negated: "could not confirm")
_CONFIRM = re.compile(r"(?<![\w-])(?<!not )(?<!nicht )(?<!pas )(?<!no )(?<!не )"
                      r"(?:confirm(?:s|ed)|bestätig(?:t|te|ten|en)|confirm(?:e|ent|é|ée)|"
                      r"confirm(?:a|an|ó|aron)|подтвер(?:ждает|ждают|дил|дила|дили))(?!\w)",
                      re.I)


def scope_hedges(facts: SentenceFacts, drafts: list[Draft]) -> list[Draft]:
    """A hedge covers the claims after it and those of its own clause; a hedge in a later
    clause covers earlier claims only when its clause is a bare comment (no item, no
    number: ", officials suspect"). "11,000 soldiers are stationed, possibly followed by
    3,000 more": only the 3,000 are alleged."""
    hedges = facts.cues.get("hedge")
    if not hedges or not drafts:
        return drafts
    if not any(d.stance == "alleged" and d.at >= 0 for d in drafts):
        return list(drafts)  # every draft would be kept as it is
    s = facts.sentence
    text = s.text
    marks = [h - s.start for h, _ in hedges]
    busy = [h.start - s.start for h in facts.items] + [q.start - s.start
                                                      for q in facts.quantities]
    confirms = [m.start() for m in _CONFIRM.finditer(text)]
    out = []
    for d in drafts:
        if d.stance != "alleged" or d.at < 0:
            out.append(d)
            continue
        at = d.at - s.start
        lo, hi = _clause(text, at)
        covered = False
        for h in marks:
            if h < hi:
                if any(h < c < at for c in confirms):
                    continue
                covered = True
                break
            hlo, hhi = _clause(text, h)
            if not any(hlo <= b < hhi for b in busy):
                covered = True
                break
        out.append(d if covered else replace(d, stance="asserted"))
    return out
