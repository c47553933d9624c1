"""``extract_text``: the pure extraction core (text in, typed incidents out, no I/O)."""

from __future__ import annotations

import re
from dataclasses import replace

from sanctionwatch.extract import maritime
from sanctionwatch.extract.assemble import (
    KP,
    Draft,
    _flag,
    _flags,
    country_list,
    sentence_drafts,
)
from sanctionwatch.extract.assistance import assistance_drafts, cooperation_denial
from sanctionwatch.extract.dates import document_date, event_when
from sanctionwatch.extract.destination import goods_bound_for_kp
from sanctionwatch.extract.discourse import (
    amounts_from_next,
    recipient_from_next,
    victims_nearby,
)
from sanctionwatch.extract.discourse import (
    sentence_quantities as _quantities,
)
from sanctionwatch.extract.generic_claims import (
    drop_generic,
    headline_indices,
    merge_headlines,
    merge_umbrellas,
)
from sanctionwatch.extract.hedge_scope import scope_hedges
from sanctionwatch.extract.langid import SUPPORTED, detect
from sanctionwatch.extract.normalise import normalise
from sanctionwatch.extract.party_hints import victim_firms
from sanctionwatch.extract.records import DocDate, ExtractionResult
from sanctionwatch.extract.regex_util import guarded
from sanctionwatch.extract.sentence_facts import (
    EVENT_CUE_SET,
    SentenceFacts,
    bucket,
    collect,
)
from sanctionwatch.extract.sentences import split_sentences
from sanctionwatch.extract.victims import own_year, victims_from_context
from sanctionwatch.incident import Incident
from sanctionwatch.knowledge.gazetteer import for_language, item_index, lower_same_length

DEFAULT_MAX_CHARS = 20_000_000
_ACCUSED = {KP, "RU", "CN"}
_STAMP = re.compile(r"^\s*date \d{4}-\d{2}(?:-\d{2})?|입력\s*:?\s*\d{4}[-.]\d{1,2}[-.]\d{1,2}"
                    r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?")
_SANCTIONED_FOR = guarded("sс",
    r"\bsanction(?:s|ed|ing)?\b[^.;]{0,60}?\b(?:for|over) (?:\w+ing|its|their|having)\b|"
    r"\bsancion\w*\b[^.;]{0,60}?\bpor (?:\w+(?:ar|er|ir)|haber)\b|"
    r"\bsanktion\w*\b[^.;]{0,60}?\bwegen\b|"
    r"\bsanctionn?\w*\b[^.;]{0,60}?\bpour (?:avoir|\w+er)\b|"
    r"\bсанкци\w*\b[^.;]{0,60}?\bза (?:покупк|приобретени|поставк|закупк)", re.I)
_SOURCE_AFTER = re.compile(r"^(according to|laut|selon|d'après|según|de acuerdo con|по данным|"
                           r"по словам|согласно|据|nach angaben)", re.I)


def extract_text(text: str, *, doc_date: DocDate | str | None = None,
                 language: str | None = None,
                 max_chars: int = DEFAULT_MAX_CHARS) -> ExtractionResult:
    """Extract sanctions incidents from ``text``.

    ``doc_date`` (a DocDate or "YYYY[-MM[-DD]]") is the publication date from metadata;
    without it a date printed in the text (stamp, dateline, 입력 line) is used, and
    relative dates stay unresolved when there is none. ``language`` skips detection.
    Never raises on odd input: empty, binary-looking or unsupported text gives an
    empty or best-effort result with a note.
    """
    notes: list[str] = []
    if len(text) > max_chars:
        notes.append(f"text cut to the first {max_chars} characters")
        text = text[:max_chars]
    text = normalise(text)
    if not text.strip():
        return ExtractionResult(language="und", notes=["empty text"])
    lang = language.lower() if language else None
    if lang is None:
        lang, how = detect(text)
        if lang is None:
            notes.append(f"language not identified ({how}); best effort with English cues")
    elif lang not in SUPPORTED:
        notes.append(f"unsupported language {lang!r}; best effort with English cues")
    cue_lang = lang if lang in SUPPORTED else "en"
    ref = document_date(text, _as_docdate(doc_date))
    gaz = for_language(cue_lang)
    matches = gaz.scan(text, lower_same_length(text))
    sentences = split_sentences(text)
    m_by_s = bucket([m.start for m in matches], sentences, matches)
    all_facts = [collect(s, ms, [], text, cue_lang)
                 for s, ms in zip(sentences, m_by_s, strict=True)]
    drafts = merge_umbrellas(merge_headlines(_drafts(all_facts, cue_lang),
                                             headline_indices(text, sentences)))
    incidents = _finish(drafts, all_facts, ref)
    mentioned = country_list([c for f in all_facts for c in f.countries if c.kind != "actor"])
    return ExtractionResult(language=lang or "und", incidents=incidents, doc_date=ref,
                            countries=mentioned, notes=notes, sentences=len(sentences))


def _as_docdate(value: DocDate | str | None) -> DocDate | None:
    if value is None or isinstance(value, DocDate):
        return value
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
    if not m:
        raise ValueError(f"doc_date must be YYYY[-MM[-DD]], got {value!r}")
    return DocDate(int(m.group(1)), int(m.group(2)) if m.group(2) else None,
                   int(m.group(3)) if m.group(3) else None, "metadata")


def _stance(facts: SentenceFacts) -> str:
    return "alleged" if facts.has("hedge") else "asserted"


def _is_denial(facts: SentenceFacts, lang: str = "en") -> set[str]:
    """Accused parties (KP/RU/CN) that deny in this sentence; empty when it is no denial
    (also when every denial word is negated: "did not deny", "n'a pas démenti",
    "не отрицает", "dementierte nicht", "부인하지 않았다", "否定しなかった")."""
    if not facts.has("deny"):
        return set()
    negs = facts.cues.get("negate", [])
    if negs and all(any(_negates_denial(n, d, lang) for n in negs)
                    for d in facts.cues["deny"]):
        return set()
    sources = [st for st, _ in facts.cues.get("source", [])]
    # "Kremlin spokesman …", "the Russian foreign ministry …": a state's spokesman,
    # ministry or state media deny for that state
    return {c.iso2 for c in facts.countries if c.iso2 in _ACCUSED and (not c.based or any(
        0 <= st - c.end <= 12 for st in sources))}


def _drafts(all_facts: list[SentenceFacts], lang: str) -> list[Draft]:
    out: list[Draft] = []
    prev_kp = False
    flag_hint: str | None = None
    designated_notes: list[int] = []
    ship_sentences: list[SentenceFacts] = []
    for i, facts in enumerate(all_facts):
        isos = facts.iso_set()
        kp_name = KP in isos
        kp_here = kp_name or (bool(facts.ports) and maritime.kp_port(facts))
        prev_context = prev_kp
        if facts.has("designated"):
            designated_notes.append(i)
        flag_hint = _flag_hint(facts) or flag_hint
        if "ship" in facts.cues or "flag" in facts.cues:
            ship_sentences.append(facts)  # read for ship names only when needed
        if EVENT_CUE_SET.isdisjoint(facts.cues):
            # no trigger and no denial (no "give"/"get" either): nothing comes out of this
            # sentence whichever branch below it took; it only sets the DPRK context
            prev_kp = kp_here
            continue
        deniers = _is_denial(facts, lang)
        others = isos - {KP, "RU", "CN"} - maritime.registry_countries(facts, lang)
        if not (kp_here or (prev_kp and not others - victim_firms(facts))) and not (
                deniers and _recent_claim(out, i)):
            prev_kp = kp_here
            if "give" in facts.cues or "get" in facts.cues:
                out.extend(goods_bound_for_kp(all_facts, i, lang, _stance(facts)))
            continue
        prev_kp = kp_here
        if EVENT_CUE_SET.isdisjoint(facts.cues):
            continue  # no trigger and no denial: nothing can come out of this sentence
        if deniers:
            out.extend(_denials(facts, lang, i, deniers, out, flag_hint))
            continue
        if facts.has("future") and not _future_far(facts) and not (
                lang == "de" and _de_passive_werden(facts)):
            continue
        if _norm_before_trigger(facts, lang):
            continue
        maritime.ship_modifiers(facts)
        maritime.alongside_at_quay(facts)
        facts.quantities = maritime.name_numbers(facts, _quantities(facts, lang), lang)
        # a DPRK port is DPRK context for the sentence's ship claims
        drafts = sentence_drafts(facts, lang, i, _stance(facts), flag_hint, not kp_name)
        if facts.ports:
            if not kp_name and not prev_context:
                # the DPRK only as a port: ship claims only ("exports from Rason were
                # military-related" restates; a DPRK arms claim names the DPRK)
                drafts = [d for d in drafts if d.type in maritime.SHIP_TYPES]
            drafts = maritime.origin_ports(facts, lang, drafts)
            if "port_call" in facts.cues:
                drafts = maritime.calls_counted_in_times(
                    facts, maritime.loading_needs_ship(facts, drafts))
                drafts = maritime.unloaded_cargo(facts, lang, i, _stance(facts), drafts)
            if "give" in facts.cues:
                drafts = maritime.port_drafts(facts, lang, i, _stance(facts),
                                              _flag(facts) or flag_hint, drafts)
        if "vessel_change" in facts.cues or "register" in facts.cues or (
                "get" in facts.cues and "ship" in facts.cues):
            drafts += maritime.vessel_drafts(facts, lang, i, _stance(facts), not kp_here)
        if "sts" in facts.cues:
            drafts = maritime.sts_clauses(facts, drafts)
        elif "trade" in facts.cues and ship_sentences:
            vessel_book: dict[str, str] = {}  # ship name → flag, as the document states them
            for earlier in ship_sentences:
                maritime.learn_vessels(earlier, vessel_book)
            drafts = maritime.traded_with_ship(facts, i, _stance(facts), vessel_book, drafts)
        if "sts" not in facts.cues and ("give" in facts.cues or "get" in facts.cues):
            drafts = maritime.ships_as_parties(facts, lang, drafts)
            if facts.ports:
                drafts = maritime.arrival_ports(facts, lang, drafts)
        drafts = scope_hedges(facts, drafts)
        if i > 0 and "give" in facts.cues and any(d.to is None for d in drafts):
            drafts = _pronoun_recipient(facts, all_facts[i - 1], lang, drafts)
        if "sts" in facts.cues:
            drafts = maritime.cargo_hedge(facts, drafts)
        if "assist" in facts.cues or "cooperate" in facts.cues:
            drafts = drafts + scope_hedges(
                facts, assistance_drafts(facts, lang, i, _stance(facts), drafts))
        if drafts:
            drafts = drop_generic(facts, lang, drafts)
        if _negated(facts, lang):
            continue
        if _SANCTIONED_FOR.search(facts.sentence.text):
            # the reason given for a sanction is the sanctioning state's accusation
            drafts = [replace(d, stance="alleged") if d.stance == "asserted" else d
                      for d in drafts]
        out.extend(drafts)
        if facts.has("designated") and drafts:
            out.extend(_designated(drafts))
            designated_notes.remove(i)
    out.extend(_designated_note(out, designated_notes))
    out = maritime.drop_cargo_restatement(recipient_from_next(out, all_facts))
    return victims_from_context(
        victims_nearby(amounts_from_next(out, all_facts, lang), all_facts), all_facts, lang)



def _designated_note(drafts: list[Draft], notes: list[int]) -> list[Draft]:
    """Bounded discourse context for designation: a sentence that only stresses that a
    vessel or entity is UN-designated ("The tanker was designated by the UN sanctions
    committee in March.", "なお、…は制裁対象に指定された船舶です") marks the claims of the
    nearest claim sentence among the three before it (or, failing that, the next one)."""
    out: list[Draft] = []
    done: set[int] = set()
    claimed = sorted({d.sentence_index for d in drafts if d.stance != "denied"})
    for i in notes:
        before = [j for j in claimed if i - 3 <= j < i]
        after = [j for j in claimed if i < j <= i + 1]
        target = before[-1] if before else (after[0] if after else None)
        if target is None or target in done:
            continue
        done.add(target)
        out.extend(_designated([_side_from_doc(d, drafts) for d in drafts
                                if d.sentence_index == target and d.stance != "denied"]))
    return out


def _side_from_doc(d: Draft, drafts: list[Draft]) -> Draft:
    """An unknown side taken from a claim of the same kind that names it."""
    if d.from_ is None:
        e = next((e for e in drafts if e.type == d.type and e.to == d.to and e.from_), None)
        return replace(d, from_=e.from_) if e else d
    if d.to is None:
        e = next((e for e in drafts if e.type == d.type and e.from_ == d.from_ and e.to), None)
        return replace(d, to=e.to) if e else d
    return d






def _flag_hint(facts: SentenceFacts) -> str | None:
    """The latest foreign (non-DPRK) vessel flag named in the document so far."""
    flags = [f for f in _flags(facts) if f != KP]
    return flags[0] if flags else None


# German "werden" + past participle is the passive ("werden in der Ukraine eingesetzt",
# "wird an Russland geliefert"); only "werden" + infinitive is the future ("wird …
# liefern"), and "geliefert werden" after it is a future passive. The clause's last word
# is the verb: a lowercase word ending in -t (no infinitive does) or a ge-participle in -en
_DE_WERDEN = re.compile(r"(?:wird|werden)$", re.I)
_DE_CLAUSE_REST = re.compile(r"[^,;:.!?()]*")
_DE_PARTICIPLE_LAST = re.compile(r"(?<!\S)(?:[a-zäöüß]+t|[a-zäöüß]*ge[a-zäöüß]+en)\s*$")


def _de_passive_werden(facts: SentenceFacts) -> bool:
    """Every future cue of the sentence is a passive "werden"/"wird" + participle."""
    text, off = facts.sentence.text, facts.sentence.start
    for s, e in facts.cues.get("future", []):
        if not _DE_WERDEN.match(text[s - off:e - off]):
            return False
        rest = _DE_CLAUSE_REST.match(text, e - off)
        if rest is None or not _DE_PARTICIPLE_LAST.search(rest.group(0)):
            return False
    return True


# a dative pronoun for the recipient: "la Corée du Nord lui a livré des obus", "le ha
# enviado proyectiles", "hat ihm Granaten geliefert", "поставила ей снаряды", "向其提供",
# "同国に供与"
_DATIVE_PRONOUN = {
    "fr": re.compile(r"(?<!\w)(?:lui|leur)\s+(?:a|ont|aurait|auraient|avait|avaient|livr\w*|"
                     r"fourni\w*|envoi\w*|vend\w*|cède|cèdent)(?!\w)", re.I),
    "es": re.compile(r"(?<!\w)(?:le|les)\s+(?:ha|han|habría|habrían|había|habían|"
                     r"envi\w+|vend\w+|suministr\w+|entreg\w+|proporcion\w+)(?!\w)", re.I),
    "de": re.compile(r"(?<!\w)(?:hat|habe|haben|hatte|hätte|soll|sollen|sollte|lieferte\w*|"
                     r"schickte\w*|verkaufte\w*|gab|gaben|überließ\w*)\s+(?:\w+\s+)?"
                     r"(?:ihm|ihnen)(?!\w)", re.I),
    "ru": re.compile(r"(?<!\w)(?:ему|ей)(?!\w)", re.I),
    "zh": re.compile(r"(?:向|给|為|为)(?:其|该国|該國)"),
    "ja": re.compile(r"同国に"),
}


def _pronoun_recipient(facts: SentenceFacts, prev: SentenceFacts, lang: str,
                       drafts: list[Draft]) -> list[Draft]:
    """A transfer whose recipient is a dative pronoun takes the one other state the
    previous sentence names ("La Russie manque d'obus. La Corée du Nord lui en a livré")."""
    pat = _DATIVE_PRONOUN.get(lang)
    if pat is None or pat.search(facts.sentence.text) is None:
        return drafts
    out = []
    for d in drafts:
        if d.to is None and d.from_ is not None and d.type in _PRONOUN_TYPES:
            cands = {c.iso2 for c in prev.countries if not c.based} - {d.from_}
            if len(cands) == 1:
                d = replace(d, to=cands.pop())
        out.append(d)
    return out


_PRONOUN_TYPES = ("arms_transfer", "petroleum_transfer", "other_violation")


def _future_far(facts: SentenceFacts) -> bool:
    """A future/plan cue far from every trigger belongs to another clause."""
    triggers = [s for k in ("give", "get", "deploy", "steal", "sts", "work", "assist")
                for s, _ in facts.cues.get(k, [])]
    futures = [s for s, _ in facts.cues.get("future", [])]
    return all(abs(f - t) > 60 for f in futures for t in triggers)


def _norm_before_trigger(facts: SentenceFacts, lang: str = "en") -> bool:
    """'banned coal exports', 'to bar companies from selling': a rule, not an event."""
    if "norm" not in facts.cues and "norm_after" not in facts.cues:
        return False  # no rule word: every trigger is an event
    triggers = [s for k in ("give", "get", "deploy", "sts", "work") for s, _ in
                facts.cues.get(k, [])]
    norms = [s for s, e in facts.cues.get("norm", [])
             if not maritime.adjectival_ban(facts, s, e, lang)]
    # only the triggers of an item count ("… are subject to limits, but they use …")
    near = [t for t in triggers if any(abs(h.start - t) <= 80 for h in facts.items)]
    triggers = near or triggers
    # "exports of oil to X are subject to strict limits": the rule follows the trigger
    after = [s for s, _ in facts.cues.get("norm_after", [])]
    if lang in ("ko", "ja"):
        # verb-final: "석탄 환적을 금지했다", "石炭の積み替えを禁止した" — the ban verb
        # follows its object (an attributive "금지된 석탄" was dropped above)
        after += [n for n in norms if any(0 < n - t <= 12 for t in triggers)]
    return bool(triggers) and all(any(0 <= t - n <= 50 for n in norms)
                                  or any(0 <= a - t <= 60 for a in after) for t in triggers)


def _negates_denial(neg: tuple[int, int], denial: tuple[int, int], lang: str) -> bool:
    """The negation word belongs to the denial word: before it ("did not deny"), or after
    it in the verb-final languages and German ("부인하지 않았다", "dementierte nicht")."""
    after = 8 if lang in ("ko", "ja", "de") else -1
    return 0 <= denial[0] - neg[1] <= 12 or 0 <= neg[0] - denial[1] <= after


def _negated(facts: SentenceFacts, lang: str = "en") -> bool:
    spans = [se for k in ("give", "get", "deploy", "steal", "sts") for se in
             facts.cues.get(k, [])]
    # a negation of a denial word ("did not deny sending …") negates no delivery
    negs = [n for n in facts.cues.get("negate", []) if not any(
        _negates_denial(n, d, lang) for d in facts.cues.get("deny", []))]
    if lang in ("ko", "ja"):
        # verb-final: the negation follows the verb ("지원하지 않았다", "供与しなかった",
        # "送っていない")
        text, off = facts.sentence.text, facts.sentence.start
        return bool(spans) and all(any(
            0 <= ns - te <= 8 and not re.search(r"[,.、。，]", text[te - off:ns - off])
            for ns, _ in negs) for _, te in spans)
    return bool(spans) and all(any(0 <= ts - ne <= 12 for _, ne in negs) for ts, _ in spans)


def _designated(drafts: list[Draft]) -> list[Draft]:
    seen = set()
    out = []
    for d in drafts:
        if d.type in ("designated_entity_activity", "cyber_theft"):
            continue
        key = (d.from_, d.to)
        if key in seen:
            continue
        seen.add(key)
        out.append(replace(d, type="designated_entity_activity",
                           item=f"activity of a UN-designated party ({d.item or d.type})",
                           category="designated_entity", quantity=None, quantity_max=None,
                           unit=None))
    return out


def _denials(facts: SentenceFacts, lang: str, index: int, deniers: set[str],
             earlier: list[Draft], flag_hint: str | None) -> list[Draft]:
    facts.quantities = _quantities(facts, lang)
    own = [d for d in sentence_drafts(facts, lang, index, "denied", flag_hint)
           if _in_denial_scope(facts, d, lang)] or \
        assistance_drafts(facts, lang, index, "denied", [])
    out: list[Draft] = []
    if own:
        for d in own:
            p = next((e for e in reversed(earlier[-50:])
                      if e.type == d.type and e.stance != "denied"), None)
            if p is not None and not _complete(d, facts):
                d = replace(d, from_=p.from_, to=p.to, item=d.item or p.item)
            out.append(replace(d, quantity=None, quantity_max=None, unit=None))
        return out
    # a denial that names no item of its own rejects the nearest earlier claim sentence
    # that involves the denier (and names the kind of act the denial names, if any)
    named = {h.cue.type for h in facts.items if _at_in_denial_scope(facts, h.start, lang)}
    seen = set()
    target: int | None = None
    for e in reversed(earlier):
        if index - e.sentence_index > 4 or (target is not None and e.sentence_index != target):
            break
        if e.stance == "denied" or not ({e.from_, e.to} & deniers):
            continue
        if not _denial_fits(facts, e.type) or (named and e.type not in named):
            continue
        if e.type == "port_call" and not facts.has("port_call"):
            continue  # a ship's call at a port is no accusation one rejects
        target = e.sentence_index
        key = (e.type, e.from_, e.to)
        if key in seen:
            continue
        seen.add(key)
        out.append(replace(e, stance="denied", quantity=None, quantity_max=None, unit=None,
                           start=facts.sentence.start, end=facts.sentence.end,
                           sentence_index=index))
    return out or cooperation_denial(facts, index, deniers, earlier, lang)


def _recent_claim(drafts: list[Draft], index: int) -> bool:
    """A claim stated within the last two sentences: a denial right after it may name
    no DPRK party ("… The Vega later docked at Vladivostok. Moscow rejected the
    accusations.")."""
    return any(d.stance != "denied" and 0 < index - d.sentence_index <= 2
               for d in drafts[-8:])


def _complete(d: Draft, facts: SentenceFacts) -> bool:
    """The denial sentence marks the sides itself ("rejected reports of arms purchases
    from North Korea", "bestreitet Waffenlieferungen an Moskau"): its own direction
    stands. Without a recipient or origin marker the deniers themselves would be taken
    as parties ("China and Russia say these transfers lack evidence")."""
    return d.from_ is not None and d.to is not None and KP in (d.from_, d.to) and any(
        c.role in ("to", "from") for c in facts.countries)


# where the object of a denial ends: a new comment clause (", saying the tanker had only
# docked at …", "und erklärte", "et a affirmé", "y dijo", "заявив", "，并称")
_DENY_SCOPE_END = re.compile(
    r"(?:,\s*(?:and\s+|but\s+)?|\s+and\s+|;\s*)(?:said|saying|says|adding|added|calling|"
    r"insisting|insisted|noting|noted|arguing|explaining|stressing)\b|"
    r",?\s*(?:und\s+)?(?:sagte|erklärte|betonte|fügte|hieß es|teilte)\b|"
    r",?\s*(?:et\s+)?(?:a\s+|en\s+)?(?:affirm|déclar|expliqu|précis|ajout|indiqu|soulign)\w*|"
    r",?\s*(?:y\s+)?(?:dijo|afirm\w+|señal\w+|añad\w+|explic\w+|asegur\w+|diciendo)\b|"
    r",?\s*(?:и\s+)?(?:заяв\w+|сказа\w+|отмет\w+|добав\w+|назва\w+|подчеркн\w+)|"
    r"[，,]\s*(?:并|且)?(?:称|表示|说|指出)", re.I)


def _in_denial_scope(facts: SentenceFacts, d: Draft, lang: str) -> bool:
    """A claim of the denial sentence is denied only when it is the object of the denial:
    before the deny verb in Korean/Japanese, and not in a later comment clause elsewhere
    ("rejected the accusations, saying the tanker had only docked at Vladivostok")."""
    return d.at < 0 or _at_in_denial_scope(facts, d.at, lang)


def _at_in_denial_scope(facts: SentenceFacts, at: int, lang: str) -> bool:
    denies = [st for st, _ in facts.cues.get("deny", [])]
    if not denies:
        return True
    first = min(denies)
    if lang in ("ko", "ja"):
        return at < max(denies)
    if at < first:
        return True
    off = facts.sentence.start
    end = _DENY_SCOPE_END.search(facts.sentence.text, first - off)
    return end is None or at - off < end.start()


def _denial_fits(facts: SentenceFacts, itype: str) -> bool:
    """A denial that names the kind of act ("rejected such supplies", "denied the hacks")
    covers only claims of that kind."""
    if facts.has("steal"):
        return itype == "cyber_theft"
    if facts.has("give") or facts.has("get"):
        return itype != "cyber_theft"
    return True


def _merge_open_sides(drafts: list[Draft],
                      all_facts: list[SentenceFacts] | None = None) -> list[Draft]:
    """Fill an unknown side from a claim of the same kind in the document, and drop a
    claim whose unknown side another claim of the same kind names (unless it is dated
    to a year of its own: ``victims.own_year``)."""
    workers_to = next((d.to for d in drafts if d.type == "overseas_workers" and d.to), None)
    filled = [replace(d, to=workers_to) if d.type == "overseas_workers" and d.to is None
              else d for d in drafts]
    named_to = {(o.type, o.from_, o.item, o.stance) for o in filled if o.to is not None}
    named_from = {(o.type, o.to, o.item, o.stance) for o in filled if o.from_ is not None}
    crypto = {(o.type, o.to, o.stance) for o in filled
              if o.type == "cyber_theft" and o.item != "funds"}
    out: list[Draft] = []
    for d in filled:
        if d.type == "cyber_theft" and d.item == "funds" and d.quantity is None and \
                (d.type, d.to, d.stance) in crypto:
            continue
        if d.to is None and (d.type, d.from_, d.item, d.stance) in named_to:
            continue
        if d.from_ is None and (d.type, d.to, d.item, d.stance) in named_from and not (
                all_facts and own_year(d, filled, all_facts)):
            _pass_amount(d, out)
            continue
        out.append(d)
    return out


def _pass_amount(d: Draft, kept: list[Draft]) -> None:
    """"Hackers breached a Singapore exchange. They made off with $45 million.": the
    restatement that merges into the named claim hands it its amount, when that claim is
    the one earlier claim of its kind without one."""
    if d.quantity is None:
        return
    open_ = [n for n, o in enumerate(kept) if o.type == d.type and o.to == d.to
             and o.item == d.item and o.stance == d.stance and o.from_ is not None
             and o.quantity is None and o.sentence_index < d.sentence_index]
    if len(open_) == 1:
        n = open_[0]
        kept[n] = replace(kept[n], quantity=d.quantity, quantity_max=d.quantity_max,
                          unit=d.unit)


def _finish(drafts: list[Draft], all_facts: list[SentenceFacts],
            ref: DocDate | None) -> list[Incident]:
    drafts = _merge_open_sides(drafts, all_facts)
    # a restatement without a number merges into the quantified claim
    quantified = {(d.type, d.from_, d.to, d.item, d.stance) for d in drafts
                  if d.quantity is not None}
    seen: set[tuple[object, ...]] = set()
    denied_pairs: set[tuple[object, ...]] = set()
    out: list[Incident] = []
    whens: dict[int, str | None] = {}
    attribs: dict[int, str | None] = {}
    for d in drafts:
        base = (d.type, d.from_, d.to, d.item, d.stance)
        if d.quantity is None and base in quantified:
            continue
        key: tuple[object, ...] = base + (d.quantity, d.unit)
        if d.clause is not None:  # clauses of one sentence with their own dates
            key += d.clause
        if d.stance == "denied":
            # a denial naming its own specific item ("rejected claims that it supplied
            # anti-tank missiles") is a claim of its own; copies of earlier claims and
            # umbrella words ("arms") are one denial per type and direction
            key = (d.type, d.from_, d.to, "denied")
            cue = item_index().get(d.item or "")
            if d.at >= d.start and cue is not None and cue.rank > 0:
                key = key + (d.item,)
            elif key in denied_pairs:
                continue
            denied_pairs.add((d.type, d.from_, d.to, "denied"))
        if key in seen:
            continue
        seen.add(key)
        facts = all_facts[d.sentence_index]
        sentence = facts.sentence.text
        if d.sentence_index not in whens:
            whens[d.sentence_index] = event_when(_STAMP.sub("", sentence), ref)
            attribs[d.sentence_index] = _attribution(facts)
        when = whens[d.sentence_index] if d.clause is None else event_when(_STAMP.sub(
            "", sentence[d.clause[0] - d.start:d.clause[1] - d.start]), ref)
        out.append(Incident.model_validate({
            "type": d.type, "from": d.from_, "to": d.to, "item": d.item,
            "category": d.category, "quantity": d.quantity, "quantity_max": d.quantity_max,
            "unit": d.unit if d.quantity is not None else None,
            "when": when, "stance": d.stance,
            "attribution": attribs[d.sentence_index], "span": (d.start, d.end),
            "sentence": sentence,
        }))
    return out


def _attribution(facts: SentenceFacts) -> str | None:
    cues = facts.cues.get("attrib")
    if not cues:
        return None
    s = facts.sentence
    start, end = cues[0]
    phrase = s.text[start - s.start:end - s.start]
    if _SOURCE_AFTER.match(phrase):
        tail = re.split(r"[,;.:،，。]", s.text[end - s.start:], maxsplit=1)[0]
        return (phrase + tail).strip()[:120] or None
    head = re.split(r"[,;.:，。\"“”]", s.text[:start - s.start])[-1]
    return (head.strip() + " " + phrase).strip()[:120] or None
