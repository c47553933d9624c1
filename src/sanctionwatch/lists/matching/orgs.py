"""Organisation and vessel names: the distinctive words must agree.

An organisation name is read as *anchors* (its distinctive words: RYONBONG in KOREA
RYONBONG GENERAL CORPORATION) and context (legal forms, generic industry and place words).
A name made only of generic words (HONG KONG ELECTRONICS) is anchored by its rarest words.
The rules, strongest first:

* ``no_distinctive_agreement`` — none of the listed name's anchors found a partner: the
  query shares only generic words with it (KOREA TRADING COMPANY for KOREA HEUNGJIN
  TRADING COMPANY). That names no particular party, whatever the share of letters.
  In a name of generic words only, the agreeing words must together be rare enough on
  the list (KOREA BANK does not name KOREA TRADING BANK; COMPLEX EQUIPMENT does name
  KOREA COMPLEX EQUIPMENT IMPORT CORPORATION).
* ``distinctive_conflict`` — an anchor of the listed name is missing and the query has
  another content word in its place (ACADEMY OF NATIONAL STAR SCIENCE for …DEFENSE
  SCIENCE): another party in the same frame.
* ``word_conflict`` — both names keep a content word the other lacks, anchors agreeing
  (KOREA DAESONG BANK / KOREA DAESONG TRADING): a sibling party.
* ``distinctive_word_missing`` — an anchor is missing, nothing stands in its place.
"""

from __future__ import annotations

from sanctionwatch.lists.matching.names import NameMatch

# In a name of generic words, the agreeing words must carry at least this much
# information (a word unique on the list and in the generic table carries 0.5).
GENERIC_AGREEMENT = 0.75


def org_rule(m: NameMatch) -> str | None:
    """Which organisation-name rule applies to a token alignment (None: none)."""
    anchor = m.candidate.anchors
    if not anchor:
        return None
    paired = {j for p in m.pairings for j in p.candidate}
    q_content = [i for i in m.q_left if not m.query.tokens[i].light
                 and not m.query.tokens[i].number]
    c_content = [j for j in m.c_left if not m.candidate.tokens[j].light
                 and not m.candidate.tokens[j].number]
    anchor_left = anchor & set(m.c_left)
    if not anchor & paired:
        return "no_distinctive_agreement"
    ct = m.candidate.tokens
    if c_content and not any(ct[j].distinctive for j in anchor):
        # A name of generic words only (KOREA TRADING BANK): what agrees must still be
        # specific enough — not just KOREA ... BANK.
        agreed = sum(ct[j].info for j in paired if not (ct[j].light or ct[j].place
                                                         or ct[j].number))
        if agreed < GENERIC_AGREEMENT:
            return "no_distinctive_agreement"
    if anchor_left and q_content:
        return "distinctive_conflict"
    if q_content and c_content:
        return "word_conflict"
    if anchor_left:
        return "distinctive_word_missing"
    return None
