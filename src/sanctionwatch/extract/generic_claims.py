"""Statements that name a trade without reporting a transfer event:

* a relationship noun between two parties ("the arms trade between Russia and North
  Korea", "Waffenhandel zwischen …", "торговля оружием между …") gives no direction;
* a passive association that characterises an actor ("has been tied to exporting …",
  "liée à l'exportation …", "связывают с поставками …");
* the object of a countering verb is policy ("will combat the DPRK's cryptocurrency
  theft", "den Diebstahl … bekämpfen", "打击朝鲜的加密货币盗窃");
* a headline that the body restates: its generic claim ("North Korea sends more weapons
  to Russia") merges into the body's claims between the same parties.

Every check runs only on sentences that already produced a draft, on the cue positions
the automaton found.
"""

from __future__ import annotations

import re

from sanctionwatch.extract.assemble import Draft
from sanctionwatch.extract.records import Sentence
from sanctionwatch.extract.sentence_facts import SentenceFacts

# nouns of a trade relationship among the give/get cues
_TRADE_NOUN = re.compile(r"^(?:arms trade|trade in|trading|traded|торгу\w*|торговл\w*)$", re.I)
# "between X and Y" is a cue kind; the CJK "X와 Y 간", "XとYの間", "X和Y之间" follow the names
_BETWEEN_CJK = re.compile(r"^\s*(?:간|사이|の間|之间|间)")
_ITEM_TYPES = ("arms_transfer", "other_violation", "petroleum_transfer")
# generic items that a headline uses for the body's specific ones
_GENERIC = {"weapons", "conventional weapons", "munitions", "military equipment", "artillery",
            "missiles", "military goods (containers)"}
# punctuation or a conjunction that opens another clause ("… to counter evasion as North
# Korea stole …")
_CLAUSE_BREAK = re.compile(r"[,;.:，；。]|\b(?:as|while|after|when|because|but|since|although|"
                           r"während|nachdem|weil|aber|alors que|après|mais|mientras|pero|"
                           r"después|пока|после|но|когда)\b", re.I)
_TERMINAL = re.compile(r"[.!?。！？…]['\"”’»)]*\s*$")


def _trade_only(facts: SentenceFacts) -> bool:
    text, off = facts.sentence.text, facts.sentence.start
    triggers = facts.cues.get("give", []) + facts.cues.get("get", [])
    return bool(triggers) and all(_TRADE_NOUN.match(text[s - off:e - off]) for s, e in triggers)


def _between_pair(facts: SentenceFacts, frm: str | None, to: str | None) -> bool:
    """Both parties are joined by "between … and …" (or a CJK equivalent)."""
    text, off = facts.sentence.text, facts.sentence.start
    names = [c for c in facts.countries if c.iso2 in (frm, to)]
    if len({c.iso2 for c in names}) < 2:
        return False
    first = min(c.start for c in names)
    last = max(c.end for c in names)
    if any(e <= first and first - e <= 6 for _, e in facts.cues.get("between", [])):
        return True
    return bool(_BETWEEN_CJK.match(text[last - off:last - off + 4]))


def _associated(facts: SentenceFacts) -> bool:
    """Every give/get trigger comes right after "tied to / linked to / lié à / связан с"
    (German: "mit … in Verbindung gebracht" closes the clause after the trigger)."""
    assoc = facts.cues.get("associate", [])
    if not assoc:
        return False
    text, off = facts.sentence.text, facts.sentence.start
    triggers = facts.cues.get("give", []) + facts.cues.get("get", [])

    def tied(t: int, te: int) -> bool:
        for s, e in assoc:
            gap = text[e - off:t - off] if e <= t else text[te - off:s - off]
            if e <= t and len(gap) <= 16 and re.fullmatch(
                    r"\s*(?:the\s+|l['’]|la\s+|el\s+|los\s+|las\s+|le\s+|les\s+|des\s+)?", gap):
                return True
            if s >= te and text[s - off:e - off].lower() == "in verbindung gebracht" and \
                    len(gap) <= 60 and not re.search(r"[,;.]", gap):
                return True
        return False

    return bool(triggers) and all(tied(s, e) for s, e in triggers)


def _countered(facts: SentenceFacts, lang: str) -> bool:
    """Every trigger is the object of a countering verb in its clause."""
    counters = facts.cues.get("counter", [])
    if not counters:
        return False
    text, off = facts.sentence.text, facts.sentence.start
    triggers = [t for k in ("give", "get", "steal", "sts", "deploy", "work")
                for t in facts.cues.get(k, [])]
    verb_last = lang in ("de", "ko", "ja")

    def policed(t: int, te: int) -> bool:
        for s, e in counters:
            if e <= t and t - e <= 100 and not _CLAUSE_BREAK.search(text[e - off:t - off]):
                return True
            if verb_last and s >= te and s - te <= 40 and \
                    not _CLAUSE_BREAK.search(text[te - off:s - off]):
                return True
        return False

    return bool(triggers) and all(policed(s, e) for s, e in triggers)


def drop_generic(facts: SentenceFacts, lang: str, drafts: list[Draft]) -> list[Draft]:
    """Drafts of one sentence without the generic statements (see the module doc)."""
    if not drafts:
        return drafts
    cues = facts.cues
    if "counter" in cues and _countered(facts, lang):
        return []
    if "associate" in cues and _associated(facts):
        return [d for d in drafts if d.type not in _ITEM_TYPES]
    between = "between" in cues or (lang in ("ko", "ja", "zh") and any(
        w in facts.sentence.text for w in ("간", "사이", "の間", "之间", "间")))
    if between and _trade_only(facts):
        return [d for d in drafts if not (d.type in _ITEM_TYPES
                                          and _between_pair(facts, d.from_, d.to))]
    return drafts


def headline_indices(text: str, sentences: list[Sentence]) -> set[int]:
    """Sentences that are title lines: on a line of their own, without final punctuation,
    at most 160 characters, before the first sentence of running text (menu lines and
    short items before it are passed over)."""
    out: set[int] = set()
    for i, s in enumerate(sentences):
        body = s.text.strip()
        if not body:
            continue
        if _TERMINAL.search(body):
            if len(body) >= 40:
                break  # running text begins
            continue
        if len(body) > 160:
            break
        line_end = text.find("\n", s.start)
        line_start = text.rfind("\n", 0, s.start) + 1
        if not (text[line_start:s.start].strip() or
                (line_end >= 0 and text[s.end:line_end].strip())):
            out.add(i)
    return out


def merge_headlines(drafts: list[Draft], headlines: set[int]) -> list[Draft]:
    """A generic headline claim gives way to a body claim between the same parties."""
    if not headlines:
        return drafts
    body = [(d.type, d.from_, d.to) for d in drafts
            if d.sentence_index not in headlines and d.stance != "denied"]

    def restated(d: Draft) -> bool:  # an unknown side of the headline matches any
        return any(t == d.type and d.from_ in (None, f) and d.to in (None, o)
                   for t, f, o in body)

    return [d for d in drafts if not (d.sentence_index in headlines and d.item in _GENERIC
                                      and d.stance != "denied" and restated(d))]


# narrow umbrella words and the specific items they cover ("air defence systems to
# Mozambique" summarises the MANPADS, missiles and radar the report lists later);
# "weapons" is broad and stays a claim of its own
_FAMILY = {
    "air defense systems": {"man-portable air defense systems", "air defense missiles",
                            "radar", "air defense equipment"},
    "artillery": {"170mm self-propelled guns (Koksan)", "240mm multiple rocket launchers"},
    "munitions": {"artillery shells", "rockets"},
}


def merge_umbrellas(drafts: list[Draft]) -> list[Draft]:
    """An unquantified narrow umbrella claim gives way to a claim of a specific item it
    covers between the same parties with the same stance in another sentence (within a
    sentence, ``assemble._specific`` decides)."""
    specific: dict[tuple[object, ...], set[int]] = {}
    for d in drafts:
        if d.stance != "denied":
            specific.setdefault((d.type, d.from_, d.to, d.stance, d.item),
                                set()).add(d.sentence_index)

    def covered(d: Draft) -> bool:
        family = _FAMILY.get(d.item or "", set())
        return any(specific.get((d.type, d.from_, d.to, d.stance, x), set())
                   - {d.sentence_index} for x in family)

    return [d for d in drafts if not (d.item in _FAMILY and d.stance != "denied"
                                      and d.quantity is None and covered(d))]
