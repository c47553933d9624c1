""""X accuses Y of …": the accused Y is the agent of the claim and the accuser X is no
party ("Seúl acusa a Pyongyang de ayudar a Rusia", "Seoul beschuldigt Pjöngjang, …",
"Вашингтон обвиняет КНДР в поставках …"). Only sentences with a hedge cue get here; the
accuse verb is read from the cue positions the automaton found."""

from __future__ import annotations

import re
from dataclasses import replace

from sanctionwatch.extract.roles import CountryMention
from sanctionwatch.extract.sentence_facts import SentenceFacts

_ACCUSE = re.compile(r"^(?:accus(?:ed|es|e|ing)|beschuldig\w*|accus(?:e|ent|é|ée|és|ées)|"
                     r"acus(?:a|ó|an|aron)|обвиня\w*|обвинил\w*|"
                     # "wirft Nordkorea vor, … zu beliefern": vorwerfen, split
                     r"wirft|werfen|warf|warfen)$", re.I)
_VOR = re.compile(r"\s+vor\b")
_GAP = re.compile(r"^\s*(?:a\s+|la\s+|le\s+|l'|el\s+|the\s+)?$", re.I)


def accused_agent(facts: SentenceFacts, ms: list[CountryMention]
                  ) -> tuple[list[CountryMention], CountryMention] | None:
    """``ms`` without the accuser(s) and with the accused as unmarked subject, and the
    accused; None when the sentence has no "accuse Y" construction."""
    hedges = facts.cues.get("hedge")
    if not hedges:
        return None
    off, text = facts.sentence.start, facts.sentence.text
    for s, e in hedges:
        if not _ACCUSE.match(text[s - off:e - off]):
            continue
        agent = next((c for c in ms if 0 <= c.start - e <= 8
                      and _GAP.match(text[e - off:c.start - off])), None)
        if agent is None:
            continue
        if text[s - off:s - off + 1] in "wW" and not _VOR.match(text, agent.end - off):
            continue  # "wirft" without its particle "vor" right after the accused
        subject = replace(agent, role="subject" if agent.kind != "adjective" else "none")
        return [subject if c is agent else c for c in ms if c.start > s], subject
    return None
