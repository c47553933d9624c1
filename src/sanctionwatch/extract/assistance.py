"""Technical assistance stated without a transferable item: help with a weapons
programme ("assisted North Korea's ballistic missile program", "помогали КНДР в разработке
баллистических ракет"), cooperation in a named weapons field ("chemical and ballistic
missile cooperation between Syria and the DPRK", "导弹合作"), and the denial of such
cooperation ("The Kremlin denied any military cooperation with North Korea").

Only sentences that already hold an assist or cooperation cue get here, and every check
looks at a short window around those cues, so no sentence is scanned again.
"""

from __future__ import annotations

import re

from sanctionwatch.extract.assemble import KP, Draft
from sanctionwatch.extract.regex_util import guarded
from sanctionwatch.extract.roles import CountryMention, first_subject
from sanctionwatch.extract.sentence_facts import ItemHit, SentenceFacts
from sanctionwatch.extract.transit import transit_starts

_SUPPLIERS = {"RU", "CN"}  # states that give the DPRK technology rather than get it from it
_WINDOW = 80
# a weapons field named next to a cooperation word ("chemical, ballistic missile and
# conventional arms cooperation", "coopération nucléaire", "сотрудничество в ракетной
# области", "미사일 협력", "ミサイル協力", "导弹合作")
_FIELDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("chemical weapons", re.compile(r"chemi|chimi|quími|химическ|화학|化学", re.I)),
    ("nuclear", re.compile(r"nuclear|nukle|nucléa|atom|ядерн|핵|核", re.I)),
    ("missile", re.compile(r"missil|misil|rakete|raketen|balisti|ballisti|ракетн|ракет|"
                           r"미사일|ミサイル|导弹|scud|스커드", re.I)),
    ("space", re.compile(r"\bspace\b|satellit|weltraum|raumfahrt|spatia|espacia|satélit|"
                         r"космическ|спутник|우주|위성|宇宙|衛星|航天|卫星", re.I)),
    ("conventional arms", re.compile(r"conventional arms|conventional weapons|"
                                     r"konventionell|conventionnel|convencional|обычн\w* "
                                     r"вооружени|재래식|通常兵器|常规武器", re.I)),
)
_QUALIFIED = re.compile(r"militar|militär|military|militaire|военн|군사|軍事|军事|"
                        r"technical|technisch|technique|técnic|техническ|기술|技術|技术|"
                        r"weapon|waffen|armes|armas|оруж|무기|武器|"
                        + "|".join(p.pattern for _, p in _FIELDS), re.I)
_EMBARGO_OR_TEST = re.compile(r"embargo|эмбарго|禁輸|금수|禁运|test|испытани", re.I)
_CLAUSE_STOP = re.compile(r"[.;:!?。；！？]")
# the possessor of a programme: "North Korea's", "북한의", "北朝鮮の", "朝鲜的", or an
# adjective before it; "of North Korea", "de la Corée du Nord", "КНДР" after it
_OWNER_GAP_BEFORE = re.compile(r"^(?:['’]s)?\s*(?:own\s+)?(?:[\w-]+\s+){0,2}$|^[의の的]?\s*$")
_OWNER_GAP_AFTER = re.compile(r"^\s*(?:of|de|du|des|de la|de l'|d'|der|von|)\s*"
                              r"(?:the\s+|la\s+|le\s+|l')?$", re.I)
# the object of a help verb: "helped North Korea", "half Nordkorea", "a aidé la Corée du
# Nord", "ayudó a Corea del Norte", "помогла КНДР", "帮助朝鲜"
_OBJECT_GAP = re.compile(r"^\s*(?:a\s+|à\s+|la\s+|le\s+|l'|the\s+|al\s+)?$", re.I)
_KO_JA_OBJECT = ("을", "를", "を")


def _parties(facts: SentenceFacts, lang: str) -> list[CountryMention]:
    transit = transit_starts(facts, lang)
    return [c for c in facts.countries
            if not c.based and c.role != "against" and c.start not in transit]


def _owner(facts: SentenceFacts, hit: ItemHit, parties: list[CountryMention]) -> str | None:
    off, text = facts.sentence.start, facts.sentence.text
    for c in parties:
        if c.end <= hit.start and hit.start - c.end <= 30:
            gap = text[c.end - off:hit.start - off]
            if _CLAUSE_STOP.search(gap) or "," in gap:
                continue
            if c.kind == "adjective" and len(gap.strip()) <= 12:
                return c.iso2
            if _OWNER_GAP_BEFORE.match(gap) and (gap.startswith(("'s", "’s")) or
                                                 gap.strip() in ("의", "の", "的", "")):
                return c.iso2
        if c.start >= hit.end and c.start - hit.end <= 12:
            gap = text[hit.end - off:c.start - off]
            if c.kind == "adjective" or _OWNER_GAP_AFTER.match(gap):
                return c.iso2
    return None


def _object_of_help(facts: SentenceFacts, anchors: list[tuple[int, int]],
                    parties: list[CountryMention]) -> str | None:
    off, text = facts.sentence.start, facts.sentence.text
    for c in parties:
        if c.role == "to":
            return c.iso2
        if any(0 <= c.start - e <= 6 and _OBJECT_GAP.match(text[e - off:c.start - off])
               for _, e in anchors):
            return c.iso2
        if text[c.end - off:c.end - off + 1] in _KO_JA_OBJECT:
            return c.iso2
    return None


def _helper(facts: SentenceFacts, anchors: list[tuple[int, int]],
            parties: list[CountryMention], lang: str) -> str | None:
    """'help from Russia', 'Russian engineers', 'russische Hilfe', 'aide russe',
    '러시아의 도움', 'ロシアの支援', '俄罗斯的帮助', else the subject."""
    off, text = facts.sentence.start, facts.sentence.text
    helpers = anchors + facts.cues.get("experts", [])
    for c in parties:
        if c.role == "from":
            return c.iso2
        for s, e in helpers:
            if 0 <= s - c.end <= 4 and text[c.end - off:s - off].strip() in ("", "의", "の",
                                                                            "的"):
                return c.iso2
            if c.kind == "adjective" and 0 <= c.start - e <= 2:
                return c.iso2
    first = min(s for s, _ in anchors)
    subj = first_subject(parties, first, lang)
    return subj.iso2 if subj else None


def _pair(facts: SentenceFacts, lang: str, anchors: list[tuple[int, int]],
          hit: ItemHit | None,
          symmetric: bool = False) -> tuple[str | None, str | None] | None:
    """Helper → beneficiary. "Cooperation between/with" is symmetric: only the owner of
    the programme (if named) decides, else the usual direction (see _SUPPLIERS)."""
    parties = _parties(facts, lang)
    isos = list(dict.fromkeys(c.iso2 for c in parties))
    if KP not in isos:
        return None
    ben = _owner(facts, hit, parties) if hit else None
    helper = None
    if not symmetric:
        ben = ben or _object_of_help(facts, anchors, parties)
        helper = _helper(facts, anchors, parties, lang)
    if helper == ben:
        helper = None
    if ben is None and helper is None:
        others = [i for i in isos if i != KP]
        if len(others) != 1:
            return None  # help needs a helper and a beneficiary, not "its work aids …"
        other = others[0]
        return (other, KP) if other in _SUPPLIERS else (KP, other)
    if ben is None:
        others = [i for i in isos if i != helper]
        ben = others[0] if len(others) == 1 else None
    if helper is None:
        others = [i for i in isos if i != ben]
        helper = others[0] if len(others) == 1 else None
    if KP not in (helper, ben) or helper is None or ben is None:
        return None
    return helper, ben


def _blocked(facts: SentenceFacts, pos: int) -> bool:
    """A plan, a rule, a negation, a policy or a diplomatic act around the cue. A norm
    word used as an attribute ("prohibited … cooperation", "verbotene", "interdite")
    calls the act illicit and does not block."""
    off, text = facts.sentence.start, facts.sentence.text
    if _MODAL.search(text[max(0, pos - off - 40):pos - off]) or \
            _NEG_BEFORE.search(text[max(0, pos - off - 16):pos - off]):
        return True
    for kind, before, after in (("future", 60, 60), ("norm", 80, 0), ("negate", 14, 0),
                                ("counter", 40, 0), ("diplomacy", 40, 60)):
        for s, e in facts.cues.get(kind, []):
            if kind == "norm" and _ATTRIBUTIVE.search(text[s - off:e - off]):
                continue
            if 0 <= pos - e <= before or 0 <= s - pos <= after:
                return True
    return False


# a modal future before the cue ("will seek missile cooperation", "wird … zusammenarbeiten")
_MODAL = guarded("wsvб", r"\b(?:will|would|shall|wird|werden|würde|va|vont|van a|va a|"
                   r"будет|будут)\b", re.I)
# a negation or "without" right before the help word ("no recibe ayuda", "without help",
# "ohne Hilfe", "sans aide", "без помощи", "도움 없이" is after: checked by the negate cue)
_NEG_BEFORE = guarded("nwokpsнб", r"\b(?:no|not|never|without|ohne|kein\w*|nicht|pas|sans|"
                      r"sin|никогда|без|не)\b[^,;.]{0,12}$", re.I)
# participles used as attributes: prohibited, banned, verbotene, interdite(s), prohibida(s),
# запрещённое/запрещенного
_ATTRIBUTIVE = re.compile(r"(?:ed|ene[nrs]?|ée?s?|ites?|its|ida|idas|ido|idos|[её]нн\w*)$", re.I)


def _near(a: int, b: int, text: str, off: int) -> bool:
    lo, hi = sorted((a, b))
    return hi - lo <= _WINDOW and not _CLAUSE_STOP.search(text[lo - off:hi - off])


def _programme_item(surface: str) -> str:
    for name, pat in _FIELDS:
        if pat.search(surface):
            return f"assistance to {name} programme" if name != "missile" else \
                "assistance to missile programme"
    return "assistance to weapons programme"


_RELATIVE_BEFORE = re.compile(r",\s*(?:which|that|das|die|was|ce qui|qui|lo que|que|"
                              r"что|которое|которая|которые)\s+(?:\w+\s+)?$", re.I)


def _relative_about_a_thing(facts: SentenceFacts, cue: int) -> bool:
    off, text = facts.sentence.start, facts.sentence.text
    lo = max(0, cue - off - 14)
    m = _RELATIVE_BEFORE.search(text[lo:cue - off])
    if m is None:
        return False
    comma = off + lo + m.start()
    # "Russia, which helped …": the relative clause is about a country, which can help
    return not any(0 <= comma - c.end <= 1 for c in facts.countries)


def assistance_drafts(facts: SentenceFacts, lang: str, index: int, stance: str,
                      existing: list[Draft]) -> list[Draft]:
    """Technical-assistance claims of one sentence that the item rules do not make."""
    helps = facts.cues.get("assist", []) + facts.cues.get("cooperate", [])
    if not helps:
        return []
    s = facts.sentence
    off, text = s.start, s.text
    # ", which helps its missile programme": a relative clause about a thing says what the
    # goods do, it names no helper
    helps = [(a, b) for a, b in helps if not _relative_about_a_thing(facts, a)]
    if not helps:
        return []
    out: list[Draft] = []
    have = {(d.type, d.item) for d in existing}

    coop = {a for a, _ in facts.cues.get("cooperate", [])}

    def add(item: str, anchors: list[tuple[int, int]], hit: ItemHit | None, at: int) -> None:
        if ("technical_assistance", item) in have:
            return
        pair = _pair(facts, lang, anchors, hit, all(a in coop for a, _ in anchors))
        if pair is None:
            return
        have.add(("technical_assistance", item))
        out.append(Draft("technical_assistance", pair[0], pair[1], item,
                         "technical_assistance", None, None, None, stance, s.start, s.end,
                         index, at))

    # help with / cooperation on a weapons programme
    programmes = []
    for hit in facts.excluded:
        surface = text[hit.start - off:hit.end - off]
        if _EMBARGO_OR_TEST.search(surface):
            continue
        programmes.append(hit)
        near = [(a, b) for a, b in helps if _near(a, hit.start, text, off)]
        if near and not any(_blocked(facts, a) for a, _ in near):
            add(_programme_item(surface), near, hit, hit.start)
    # help to develop a weapon ("помогали КНДР в разработке баллистических ракет")
    if not (facts.has("give") or facts.has("get")):
        for dev, _ in facts.cues.get("develop", []):
            arms = [h for h in facts.items if h.cue.type == "arms_transfer"
                    and _near(dev, h.start, text, off)]
            near = [(a, b) for a, b in facts.cues.get("assist", [])
                    if _near(a, dev, text, off)]
            if any(d.type == "technical_assistance" for d in existing):
                break  # the item rules already state this help ("… know-how to improve …")
            if arms and near and not any(_blocked(facts, a) for a, _ in near):
                add(f"{arms[0].cue.item} development assistance", near, arms[0], arms[0].start)
    # cooperation in a named weapons field
    for a, b in facts.cues.get("cooperate", []):
        if _blocked(facts, a):
            continue
        before = _CLAUSE_STOP.split(text[max(0, a - off - 50):a - off])[-1]
        window = before + _CLAUSE_STOP.split(text[a - off:b - off + 60])[0]
        # a field that a programme near the cue names is said by the programme claim
        # ("ミサイル開発で協力した")
        said = {_programme_item(text[h.start - off:h.end - off]) for h in programmes
                if _near(a, h.start, text, off)}
        fields = [name for name, pat in _FIELDS if pat.search(window)
                  and _programme_item(name) not in said]
        if fields:
            add(" and ".join(fields) + " cooperation", [(a, b)], None, a)
    return out


def cooperation_denial(facts: SentenceFacts, index: int, deniers: set[str],
                       earlier: list[Draft], lang: str) -> list[Draft]:
    """"The Kremlin denied any military cooperation with North Korea": a denial of
    military/technical cooperation or help by an accused party is a denied technical
    assistance (the direction of an earlier claim between the two, else the usual
    one: Russia/China help the DPRK, the DPRK helps others)."""
    s = facts.sentence
    off, text = s.start, s.text
    helps = facts.cues.get("cooperate", []) + facts.cues.get("assist", [])
    qualified = [(a, b) for a, b in helps
                 if _QUALIFIED.search(text[max(0, a - off - 25):b - off + 25])]
    if not qualified:
        return []
    # the ministry speaks for its state: "ロシア外務省は…否定した" (a source there)
    deny_at = min(a for a, _ in facts.cues.get("deny", [(s.end, s.end)]))
    transit = transit_starts(facts, lang)
    parties = [c for c in facts.countries if c.role != "against" and c.start not in transit]
    deniers = deniers | {c.iso2 for c in parties if c.based and c.start < deny_at
                         and c.iso2 in _SUPPLIERS}
    isos = list(dict.fromkeys(c.iso2 for c in parties))
    if KP not in isos or len(isos) != 2:
        return []
    other = next(i for i in isos if i != KP)
    prior = next((e for e in reversed(earlier) if e.type == "technical_assistance"
                  and {e.from_, e.to} == {KP, other} and e.stance != "denied"), None)
    if prior is not None:
        frm, to = prior.from_, prior.to
    else:
        frm, to = (other, KP) if other in _SUPPLIERS else (KP, other)
    if not ({frm, to} & deniers):
        return []
    return [Draft("technical_assistance", frm, to, "military cooperation",
                  "technical_assistance", None, None, None, "denied", s.start, s.end, index,
                  qualified[0][0])]
