"""Specialists who arrive to service weapons give technical assistance.

"North Korean technicians arrived in Russia to maintain the guns", "В Россию прибыли
северокорейские специалисты для обслуживания орудий", "des techniciens nord-coréens sont
arrivés en Russie pour entretenir les canons": experts (named by their demonym) who
arrive in, or are sent to, a country to maintain, service, operate or repair equipment
give that country technical assistance — experts → host.

Runs only on sentences with an ``experts`` cue; the two word tests look at the sentence
once each.
"""

from __future__ import annotations

import re

from sanctionwatch.extract.regex_util import guarded
from sanctionwatch.extract.roles import NON_PARTY
from sanctionwatch.extract.sentence_facts import SentenceFacts

KP = "KP"
ITEM = "maintenance and operation of weapons"

_SERVICE = guarded(
    "moserwbiefорэ정운수유整運修保维操維",
    r"\bmaint(?:ain\w*|enance)\b|\bservic(?:e|ing)\b|\boperat(?:e|ing)\b|\brepair\w*|"
    r"\bwart(?:en|ung)\b|\bbedien\w*|\breparier\w*|\binstand\w*|"
    r"\bentreten\w*|\bentretien\b|\brépar\w*|\bfaire fonctionner\b|"
    r"\bmanten\w*|\bmantenimiento\b|\brepar\w*|\boperar\b|\bmanejar\b|"
    r"обслужива\w*|обслуживан\w*|ремонт\w*|эксплуатац\w*|"
    r"정비|운용|수리|유지보수|整備|運用|修理|保守|维护|维修|操作|保养|維修|維護",
    re.I)
_ARRIVE = guarded(
    "aetklп도입到入抵",
    r"\barriv\w*|\beingetroffen\b|\bangekommen\b|\btrafen\b|\bkamen\b|"
    r"\blleg\w*|\barribaron\b|прибы\w*|приеха\w*|"
    r"도착|입국|到着|入国|抵达|到达|抵達|到達",
    re.I)


def service_experts(facts: SentenceFacts) -> tuple[str | None, str | None] | None:
    """(experts' state, host state) when the sentence says experts arrived or were sent
    somewhere to service equipment; else None."""
    experts = facts.cues.get("experts")
    if not experts:
        return None
    text = facts.sentence.text
    if not _SERVICE.search(text):
        return None
    if not (_ARRIVE.search(text) or facts.has("deploy") or facts.has("give")):
        return None
    ms = [c for c in facts.countries if not c.based and c.role not in NON_PARTY]
    if not ms:
        return None
    # "North Korean technicians", "techniciens nord-coréens", "北朝鮮の技術者", "朝鲜技术人员"
    frm = next((c.iso2 for c in ms if any(
        0 <= s - c.end <= (25 if c.kind == "adjective" else 2)
        or (c.kind == "adjective" and 0 <= c.start - e <= 3) for s, e in experts)), None)
    host = next((c.iso2 for c in ms if c.iso2 != frm and c.role == "to"), None) or next(
        (c.iso2 for c in ms if c.iso2 != frm), None)
    if frm is None:
        frm = KP if host not in (None, KP) else None
    if KP not in (frm, host) or frm == host:
        return None
    return frm, host
