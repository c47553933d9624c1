"""Organisation and vessel names: the distinctive words must agree.

An organisation name is read as *anchors* (its distinctive words: RYONBONG in KOREA
RYONBONG GENERAL CORPORATION) and context (legal forms, generic industry and place words).
A name made only of generic words (HONG KONG ELECTRONICS) is anchored by its rarest words.
The rules, strongest first:

* ``no_distinctive_agreement`` — none of the listed name's anchors found a partner: the
  query shares only generic words with it (KOREA TRADING COMPANY for KOREA HEUNGJIN
  TRADING COMPANY). That names no particular party, whatever the share of letters.
  In a name of generic words only, the agreeing words must fit at most a few listed
  parties (KOREA BANK does not name KOREA TRADING BANK; COMPLEX EQUIPMENT does name
  KOREA COMPLEX EQUIPMENT IMPORT CORPORATION).
* ``distinctive_conflict`` — an anchor of the listed name is missing and the query has
  another content word in its place (ACADEMY OF NATIONAL STAR SCIENCE for …DEFENSE
  SCIENCE): another party in the same frame.
* ``word_conflict`` — both names keep a content word the other lacks, anchors agreeing
  (KOREA DAESONG BANK / KOREA DAESONG TRADING): a sibling party.
* ``distinctive_word_missing`` — an anchor is missing, nothing stands in its place.
"""

from __future__ import annotations

from collections.abc import Mapping

from sanctionwatch.lists.matching.names import NameMatch

_NONE: frozenset[int] = frozenset()
# Generic words that several listed parties share still point somewhere if they fit at
# most this many (they are then ranked for review); beyond, they name no one.
FEW_PARTIES = 3


def org_rule(m: NameMatch, postings: Mapping[str, frozenset[int]]) -> str | None:
    """Which organisation-name rule applies to a token alignment (None: none).

    ``postings`` maps a token key to the listed parties whose names contain it.
    """
    anchor = m.candidate.anchors
    if not anchor:
        return None
    paired = {j for p in m.pairings for j in p.candidate}
    q_content = [i for i in m.q_left if not m.query.tokens[i].formal
                 and not m.query.tokens[i].number]
    c_content = [j for j in m.c_left if not m.candidate.tokens[j].formal
                 and not m.candidate.tokens[j].number]
    anchor_left = anchor & set(m.c_left)
    if not anchor & paired:
        return "no_distinctive_agreement"
    ct = m.candidate.tokens
    if c_content and not any(ct[j].distinctive for j in anchor):
        # A name of generic words only (KOREA TRADING BANK) and the query leaves one out:
        # what agrees must still single out one or a few listed parties (KOREA BANK
        # does not; COMPLEX EQUIPMENT names KOREA COMPLEX EQUIPMENT IMPORT CORPORATION).
        agreed = [postings.get(ct[j].key, _NONE) for j in paired
                  if not (ct[j].formal or ct[j].place or ct[j].number)]
        if not agreed or len(frozenset.intersection(*agreed)) > FEW_PARTIES:
            return "no_distinctive_agreement"
    if anchor_left and q_content:
        return "distinctive_conflict"
    if q_content and c_content:
        return "word_conflict"
    if anchor_left:
        return "distinctive_word_missing"
    return None
