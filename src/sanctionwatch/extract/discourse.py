"""Bounded discourse context: facts a claim takes from its neighbouring sentences
(a victim's seat, an amount, a recipient), and the numbers of one sentence."""

from __future__ import annotations

import re
from dataclasses import replace

from sanctionwatch.extract.assemble import KP, Draft
from sanctionwatch.extract.quantities import find_quantities
from sanctionwatch.extract.records import Quantity
from sanctionwatch.extract.roles import NON_PARTY
from sanctionwatch.extract.sentence_facts import SentenceFacts

_AMOUNT_TYPES = {"cyber_theft": {"USD", "ETH"}, "petroleum_transfer": {"barrels", "tonnes"},
                 "other_violation": {"USD", "tonnes"}, "ship_to_ship_transfer": {"transfers"}}
_SEAT_BEFORE = re.compile(
    r"(?:based|headquartered|registered|located) in(?: the)?\s*$|mit sitz in(?: der| den)?\s*$|"
    r"\bbasée? (?:en|au|aux|à)\s*$|siège (?:est )?(?:en|au|à)\s*$|"
    r"con sede en\s*$|radicad[oa] en\s*$|базирующ\w* в\s*$|штаб-квартир\w* в\s*$|"
    r"总部(?:位于|设在)\s*$|本社を置く\s*$", re.I)
_SEAT_AFTER = re.compile(r"^\s*(?:ansässig|에 본사|에 본부|소재|に本社|に拠点|に本拠)", re.I)


def recipient_from_next(drafts: list[Draft], all_facts: list[SentenceFacts]) -> list[Draft]:
    """Bounded discourse context: "… reported supply of rifles and radar in Africa. This
    involves a company controlled by the government of Mozambique." A DPRK shipment or
    assistance without a recipient takes the one country the next sentence names, when
    that sentence states no claim of its own."""
    claimed = {d.sentence_index for d in drafts}
    out = []
    for d in drafts:
        i = d.sentence_index
        if d.type in ("arms_transfer", "technical_assistance") and d.from_ == KP and \
                d.to is None and d.stance != "denied" and i + 1 < len(all_facts) and \
                i + 1 not in claimed and not _reports_only(all_facts[i + 1]):
            named = {c.iso2 for c in all_facts[i + 1].countries
                     if c.iso2 != KP and not c.based and c.role not in NON_PARTY
                     and c.kind in ("name", "adjective")}  # not "Washington Post"
            if len(named) == 1:
                d = replace(d, to=named.pop())
        out.append(d)
    return out


def _reports_only(facts: SentenceFacts) -> bool:
    """"Ukrainian military intelligence said so on Tuesday.": a sentence that names who
    reports (a speech verb, and every country next to a source noun or after a source
    preposition) names no recipient."""
    attrib = facts.cues.get("attrib", [])
    if not attrib:
        return False
    text, off = facts.sentence.text, facts.sentence.start
    sources = [st for st, _ in facts.cues.get("source", [])]
    for c in facts.countries:
        if c.based or any(0 <= st - c.end <= 16 and "," not in text[c.end - off:st - off]
                          for st in sources):
            continue  # "Ukrainian military intelligence"
        if any(0 <= c.start - en <= 8 for _, en in attrib):
            continue  # "according to Ukraine", "said Kyiv"
        if any(0 <= st - c.end <= 3 for st, _ in attrib) and "," not in text[
                c.end - off:c.end - off + 3]:
            continue  # "Ukraine said"
        return False
    return True


def _located(facts: SentenceFacts) -> list[str]:
    """Countries a sentence names as a company's seat: "based in Estonia", "in Estland
    ansässig", "con sede en Chile", "总部位于新加坡"."""
    text = facts.sentence.text
    off = facts.sentence.start
    out = []
    for c in facts.countries:
        if c.iso2 == KP:
            continue
        before = text[max(0, c.start - off - 30):c.start - off]
        after = text[c.end - off:c.end - off + 12]
        if _SEAT_BEFORE.search(before) or _SEAT_AFTER.match(after):
            out.append(c.iso2)
    return out


def victims_nearby(drafts: list[Draft], all_facts: list[SentenceFacts]) -> list[Draft]:
    """Bounded discourse context for cyber theft: a victim whose seat is stated in the
    previous or the next two sentences ("The firm, based in Estonia, said …")."""
    out = []
    for d in drafts:
        if d.type == "cyber_theft" and d.from_ is None and d.stance != "denied":
            i = d.sentence_index
            near = [c for j in (i, i + 1, i + 2, i - 1) if 0 <= j < len(all_facts)
                    for c in _located(all_facts[j])]
            if near:
                d = replace(d, from_=near[0])
        out.append(d)
    return out


def amounts_from_next(drafts: list[Draft], all_facts: list[SentenceFacts],
                       lang: str) -> list[Draft]:
    """Bounded discourse context: "Hackers broke into the exchange. They left with $200
    million." An amount (money, barrels, tonnes) in the next sentence goes to the one
    claim of the previous sentence that has none, when the next sentence states nothing
    of its own (no item, no claim)."""
    by_sentence: dict[int, list[int]] = {}
    for n, d in enumerate(drafts):
        by_sentence.setdefault(d.sentence_index, []).append(n)
    out = list(drafts)
    for i, idx in by_sentence.items():
        if i + 1 >= len(all_facts) or (i + 1) in by_sentence:
            continue
        open_ = [n for n in idx if drafts[n].quantity is None and drafts[n].stance != "denied"
                 and drafts[n].type in _AMOUNT_TYPES]
        if len(open_) != 1:
            continue
        d = drafts[open_[0]]
        found = _amount_ahead(d, i, all_facts, set(by_sentence), lang)
        if found is None:
            continue
        nxt, q = found
        stance = "alleged" if nxt.has("hedge") else d.stance
        out[open_[0]] = replace(d, quantity=q.value, quantity_max=q.value_max, unit=q.unit,
                                stance=stance)
    return out


def _amount_ahead(d: Draft, i: int, all_facts: list[SentenceFacts], claimed: set[int],
                  lang: str) -> tuple[SentenceFacts, Quantity] | None:
    """The one amount of the right unit in the next sentence, or in the one after when
    the next says nothing of its own (no item, no port, no number: "This was reported
    by two crew members.")."""
    for j in (i + 1, i + 2):
        if j >= len(all_facts) or j in claimed:
            return None
        nxt = all_facts[j]
        if nxt.ports or any(h.cue.item != d.item for h in nxt.items):
            return None
        found = sentence_quantities(nxt, lang)
        qs = [q for q in found if q.unit in _AMOUNT_TYPES[d.type]]
        if len(qs) == 1:
            return nxt, qs[0]
        if qs or nxt.items or any(q.unit for q in found):
            return None
    return None


def sentence_quantities(facts: SentenceFacts, lang: str) -> list[Quantity]:
    """Numbers of one sentence (computed only for sentences that may hold an incident)."""
    s = facts.sentence
    return [Quantity(q.start + s.start, q.end + s.start, q.value, q.value_max, q.unit,
                     q.currency) for q in find_quantities(s.text, lang)]
