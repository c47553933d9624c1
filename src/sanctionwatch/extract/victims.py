"""Bounded discourse context for the victim of a theft, beyond the seat phrases of
``discourse.victims_nearby``:

* the nationality of the robbed exchange, wallet, platform or bank named in a
  neighbouring sentence ("… stole $40 million from Upbit. The South Korean exchange said
  …", "Die japanische Börse teilte mit …", "该韩国交易所表示 …", "US-based exchange");
* the seat stated by a sentence that takes the firm up again with "the company" /
  "das Unternehmen" / "la société" / "该公司" right after the theft, or up to five
  sentences on when the sentence before it names the firm of the theft again ("…
  Atomic Wallet antwortete nicht. Das Unternehmen, das nach eigenen Angaben in Estland
  ansässig ist, …").

Only theft claims without a victim look around, and only at the cue positions the
automaton found in the neighbouring sentences.
"""

from __future__ import annotations

import re
from dataclasses import replace

from sanctionwatch.extract.assemble import KP, Draft
from sanctionwatch.extract.discourse import _located as located
from sanctionwatch.extract.sentence_facts import SentenceFacts

_POSSESSIVE = ("'s", "’s", "의", "の", "的", "-", "")


def _venue_country(facts: SentenceFacts, lang: str) -> set[str]:
    """Countries that qualify an exchange/wallet/platform/bank in this sentence."""
    venues = facts.cues.get("venue", [])
    if not venues:
        return set()
    off, text = facts.sentence.start, facts.sentence.text
    out: set[str] = set()
    for c in facts.countries:
        if c.iso2 == KP or c.role == "against":
            continue
        for s, e in venues:
            gap = text[c.end - off:s - off].strip()
            before = 0 <= s - c.end <= 8 and (gap in _POSSESSIVE
                                              or gap.lower() in ("-based", "based"))
            after = lang in ("fr", "es") and c.kind == "adjective" and 0 <= c.start - e <= 2
            if before or after:
                out.add(c.iso2)
    return out


def _anaphoric_seat(facts: SentenceFacts) -> list[str]:
    """The seat stated by a sentence that opens with "the company" (or a CJK 该公司/同社)."""
    opens = facts.cues.get("firm_anaphor", [])
    if not opens or min(s for s, _ in opens) - facts.sentence.start > 3:
        return []
    return located(facts)


# a proper name of two or more words, or one long capitalised word ("Atomic Wallet")
_NAME = re.compile(r"\b[A-ZА-Я][\w-]{2,}(?:\s[A-ZА-Я][\w-]+)+|\b[A-ZА-Я][\w-]{5,}")


def _shared_name(a: SentenceFacts, b: SentenceFacts) -> bool:
    """"Atomic Wallet antwortete nicht." after a theft from "Atomic Wallet" users: the
    sentence before "das Unternehmen" names the firm of the theft sentence."""
    first = a.sentence.text
    names = {m.group(0) for m in _NAME.finditer(first) if m.start() > 0}
    names |= {m.group(0) for m in _NAME.finditer(first[:40])}
    countries = {first[c.start - a.sentence.start:c.end - a.sentence.start]
                 for c in a.countries}
    return any(n in b.sentence.text for n in names
               if n not in countries and not any(n in c or c in n for c in countries))


def victims_from_context(drafts: list[Draft], all_facts: list[SentenceFacts],
                         lang: str) -> list[Draft]:
    """A theft claim without a victim takes the one country that the neighbouring
    sentences give as the nationality of the robbed venue, or as the seat of "the
    company" taken up again within three sentences."""
    out = []
    # a sentence with a theft claim of its own tells about that theft
    claimed = {d.sentence_index for d in drafts if d.type == "cyber_theft"
               and d.stance != "denied"}
    for d in drafts:
        if d.type == "cyber_theft" and d.from_ is None and d.stance != "denied":
            i = d.sentence_index
            found: set[str] = set()
            for j in (i - 1, i + 1, i + 2):
                if 0 <= j < len(all_facts) and j not in claimed:
                    found |= _venue_country(all_facts[j], lang)
            if not found:
                for j in range(i + 1, min(i + 6, len(all_facts))):
                    if j in claimed:
                        break
                    if j - 1 == i or _shared_name(all_facts[j - 1], all_facts[i]):
                        found |= set(_anaphoric_seat(all_facts[j]))
            if len(found) == 1:
                d = replace(d, from_=found.pop())
        out.append(d)
    return out


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def own_year(d: Draft, drafts: list[Draft], all_facts: list[SentenceFacts]) -> bool:
    """An open-sided theft claim dated to a year that no claim of the same kind with a
    named side states ("Nordkorea hat im Jahr 2022 mehr gestohlen …" next to a named
    exchange theft) is a claim of its own, not a restatement."""
    if d.type != "cyber_theft":
        return False
    years = set(_YEAR.findall(all_facts[d.sentence_index].sentence.text))
    if not years:
        return False
    named = [e for e in drafts if e.type == d.type and e.to == d.to and e.from_ is not None]
    return not any(years & set(_YEAR.findall(all_facts[e.sentence_index].sentence.text))
                   for e in named)
