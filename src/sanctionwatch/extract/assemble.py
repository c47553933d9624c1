"""Sentence facts → draft incidents (type, direction, item, quantity, stance)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from sanctionwatch.extract.accused import accused_agent
from sanctionwatch.extract.catalogue_link import category_for
from sanctionwatch.extract.clause_roles import agent_sides
from sanctionwatch.extract.party_hints import SANCTION_WORD, fate_span, victim_firm
from sanctionwatch.extract.records import Quantity
from sanctionwatch.extract.regex_util import guarded
from sanctionwatch.extract.roles import NON_PARTY, CountryMention, first_subject
from sanctionwatch.extract.sentence_facts import ItemHit, SentenceFacts
from sanctionwatch.extract.transit import transit_starts

KP = "KP"
# units a quantity may carry for each incident type
_UNITS_FOR = {
    "arms_transfer": {"rounds", "containers", "missiles", "systems", "pieces", "vehicles",
                      "transfers"},
    "military_personnel": {"troops", "persons"},
    "overseas_workers": {"workers", "persons", "USD"},
    "technical_assistance": {"persons"},
    "petroleum_transfer": {"barrels", "tonnes", "USD"},
    "other_violation": {"tonnes", "containers", "vessels", "USD", "vehicles", "pieces"},
    "cyber_theft": {"USD", "ETH"},
    "ship_to_ship_transfer": {"transfers"},
    "port_call": {"port calls", "vessels"},
}
_COUNTERS = {"rounds", "missiles", "systems", "pieces", "vehicles"}
_TRIGGERS = {
    "arms_transfer": ("give", "get"),
    "military_personnel": ("deploy", "give"),
    "technical_assistance": ("assist", "give", "deploy"),
    "petroleum_transfer": ("give", "get"),
    "other_violation": ("give", "get"),
    "overseas_workers": ("work", "give", "deploy", "get"),
}


_OTHER = re.compile(r"(?:\bother|\bandere[nr]?|\bautres|\bd'autres|\botros|\botras|"
                    r"\bдруги[еххм]|\bпроч[иеху]+|기타|그 밖의|その他の?|其他)\s*$", re.I)


# "arms to Russia in return for technology": what comes back goes the other way
_IN_RETURN = guarded("ieaв", r"(?:\bin return for|\bin exchange for|\bim gegenzug für|"
                        r"\bim austausch (?:gegen|für)|\ben échange d[e']|\ben contrepartie d[e']|"
                        r"\ba cambio de|\ben compensación por|\bв обмен на|\bвзамен на)"
                        r"[^,;.]{0,60}$", re.I)


_RELATIVE = re.compile(r",\s*(?:some of |most of |part of |many of |all of )?(?:which|whom|"
                       r"who|that)\b|,\s*(?:von denen|die|der|das|welche)\s|"
                       r",\s*(?:dont|qui|lesquel\w*)\s|,\s*(?:algun\w* de )?(?:los|las) "
                       r"cuales\b|,\s*(?:que|quienes)\s|,\s*(?:часть )?(?:которы\w*|из которых)",
                       re.I)


# "charbon vers des ports chinois", "obus aux forces russes": an adjective after a
# preposition qualifies the destination, not the goods
_PREP_GAP = re.compile(r"(?:^|\s)(?:vers|à|au|aux|en|hacia|a|al|para|pour|hasta|desde|depuis|"
                       r"chez|dans)\s", re.I)


@dataclass(frozen=True, slots=True)
class Draft:
    type: str
    from_: str | None
    to: str | None
    item: str | None
    category: str | None
    quantity: float | None
    quantity_max: float | None
    unit: str | None
    stance: str
    start: int
    end: int
    sentence_index: int
    at: int = -1  # where the claim sits in the text (item, or trigger); -1 = whole sentence
    clause: tuple[int, int] | None = None  # a clause with its own date (else the sentence)


def _nearest_cue(facts: SentenceFacts, kinds: tuple[str, ...], pos: int) -> tuple[str, int]:
    best: tuple[int, str, int] | None = None
    for kind in kinds:
        for s, _ in facts.cues.get(kind, []):
            d = pos - s if s <= pos else 2 * (s - pos)
            if best is None or d < best[0]:
                best = (d, kind, s)
    return (best[1], best[2]) if best else ("", pos)


_VERB_CUES = ("give", "get", "deploy", "work", "assist", "steal", "sts")


def _origin_adjective(facts: SentenceFacts, hit: ItemHit, lang: str = "en") -> str | None:
    """'North Korean coal', 'nordkoreanische Soldaten', 'armas norcoreanas', 'russische'."""
    after = 22 if lang in ("es", "fr") else 3
    if lang in ("es", "fr"):
        # "les données du lanceur nord-coréen": the adjective right after the item wins
        # over one further back ("ingénieurs russes ont analysé …")
        for c in facts.countries:
            if c.kind == "adjective" and not c.based and 0 <= c.start - hit.end <= 3:
                return c.iso2
    for c in facts.countries:
        if c.kind not in ("adjective", "name") or c.based:
            continue
        if 0 <= c.start - hit.end <= after and c.kind == "adjective":
            gap = facts.sentence.text[hit.end - facts.sentence.start:
                                      c.start - facts.sentence.start]
            if not any(ch in gap for ch in ",.;:") and not _PREP_GAP.search(gap):
                return c.iso2
            continue
        if 0 <= hit.start - c.end <= 30:
            if lang in ("zh", "ja", "ko") and any(
                    c.end <= s < hit.start for k in _VERB_CUES for s, _ in facts.cues.get(k, [])):
                continue  # a verb between: "俄方派遣了数百名工程兵" (the side that receives)
            gap = facts.sentence.text[max(0, c.end - facts.sentence.start):
                                      max(0, hit.start - facts.sentence.start)]
            # "North Korea's", "북한산", "北朝鮮製", "朝鲜制造的", "朝鲜产", "朝鮮生產"
            if c.kind == "name" and not gap.startswith(("'s", "’s", "산", "製", "制", "产",
                                                        "產", "生产", "生產")):
                continue
            if any(ch in gap for ch in ",.;:") and c.end <= hit.start:
                continue
            if any(c.end <= st < hit.start for k in ("give", "get", "deploy")
                   for st, _ in facts.cues.get(k, [])):
                continue  # "forces russes … utilisent des missiles": a verb between
            return c.iso2
    return None


def _direction(facts: SentenceFacts, itype: str, pos: int, hit: ItemHit | None,
               lang: str) -> list[tuple[str | None, str | None]]:
    transit = transit_starts(facts, lang)
    ms = [c for c in facts.countries if not c.based and c.role not in NON_PARTY
          and c.start not in transit]
    accused = accused_agent(facts, ms)
    if accused is not None:
        ms = accused[0]
    fate = fate_span(facts.sentence.text)
    if fate:
        off = facts.sentence.start
        ms = [c for c in ms if not fate[0] <= c.start - off < fate[1]]
    trig_kind, trig_pos = _nearest_cue(facts, _TRIGGERS.get(itype, ("give", "get")), pos)
    to_m = [c for c in ms if c.role == "to"]
    if to_m:
        # "…, some of which were deployed to X", "…, die später nach X gingen": a
        # relative clause after the claim tells the goods' later fate, not the recipient
        text, off = facts.sentence.text, facts.sentence.start
        kept = [c for c in to_m if not (c.start > pos and _RELATIVE.search(
            text[pos - off:c.start - off]))]
        to_m = kept
    to_c = [c.iso2 for c in to_m]
    from_c = [c.iso2 for c in ms if c.role == "from"]
    origin = _origin_adjective(facts, hit, lang) if hit else None
    if origin is not None and origin in to_c and itype != "technical_assistance":
        origin = None  # "向在乌克兰作战的俄军运送了炮弹": the forces' demonym is the recipient
    subj = first_subject(ms, trig_pos if trig_kind else pos, lang)
    if accused is not None and trig_kind != "get":
        subj = accused[1]  # "beschuldigt Pjöngjang, Moskau … geholfen zu haben"
    subj_iso = subj.iso2 if subj else None
    if itype == "technical_assistance":
        agents = _agents(facts, ms, from_c, to_c, lang)
        if agents is not None:
            return [agents]
    if itype == "technical_assistance" and origin and origin not in to_c:
        # "accuracy of Russian missiles", "repair of Syrian air defences": the beneficiary
        to_c = [origin] + to_c
        origin = None
        # "analysed the data from North Korea's launch": the owner is no helper
        from_c = [f for f in from_c if f not in to_c]
        if subj_iso in to_c:
            subj_iso = next((c.iso2 for c in ms if c.iso2 not in to_c), None)
    if itype == "petroleum_transfer":
        flags = _flags(facts)
        if flags:
            return [(f, KP) for f in flags if f != KP] or [(None, KP)]
    if trig_kind == "get" and lang != "zh":
        if subj is not None and subj_iso != KP and SANCTION_WORD.search(
                facts.sentence.text, subj.end - facts.sentence.start,
                trig_pos - facts.sentence.start):
            subj_iso = None
        if subj_iso is None:
            # "sanciona a Rusia por adquirir armas": the object marked by "a" buys
            # ("sanctioned two Russian firms for buying …": the buyers' adjective)
            subj_iso = next((c.iso2 for c in to_m if c.start < trig_pos), None) or next(
                (c.iso2 for c in ms if c.kind == "adjective" and c.role == "none"
                 and c.start < trig_pos and c.iso2 != origin), None)
        to = subj_iso if subj_iso not in from_c else None
        frm = from_c[0] if from_c else origin
        if frm is None:
            others = [c.iso2 for c in ms if c.iso2 not in (to,)]
            frm = others[0] if others else None
        pairs = [(frm, to)]
    else:
        frm = from_c[0] if from_c else (origin or subj_iso)
        if frm is None and ms:
            # a country marked as recipient ("coal to Weifang, China") is no sender
            frm = next((c.iso2 for c in ms if c.role != "to"
                        or (c.iso2 == KP and itype != "other_violation")), None)
        if itype == "technical_assistance" and not to_c:
            # "accused Pyongyang of helping Moscow with …": the object of the help verb
            to_c = [c for c in _help_objects(facts, ms) if c != frm][:1]
        if to_c:
            tos = [t for t in to_c if t != frm] or to_c
            pairs = [(frm, t) for t in dict.fromkeys(tos)]
        else:
            others = [c.iso2 for c in ms if c.iso2 != frm and c.kind != "actor"]
            pairs = [(frm, others[0] if others else None)]
    return [_fix_for_type(itype, f, t, facts) for f, t in pairs]


_HELP_GAP = re.compile(r"^\s*(?:a\s+|à\s+|la\s+|le\s+|l'|the\s+|al\s+)?$", re.I)


def _help_objects(facts: SentenceFacts, ms: list[CountryMention]) -> list[str]:
    """Countries right after a help verb ("helping Moscow", "half Nordkorea", "a aidé la
    Corée du Nord", "ayudó a Corea del Norte", "помогла КНДР", "帮助朝鲜")."""
    off, text = facts.sentence.start, facts.sentence.text
    ends = [e for _, e in facts.cues.get("assist", [])]
    return [c.iso2 for c in ms if any(0 <= c.start - e <= 6 and _HELP_GAP.match(
        text[e - off:c.start - off]) for e in ends)]


def _agents(facts: SentenceFacts, ms: list[CountryMention], from_c: list[str],
            to_c: list[str], lang: str) -> tuple[str | None, str | None] | None:
    """Provider and recipient of training named by the demonyms of the experts and of the
    trained personnel ("Russian specialists trained North Korean officers"), or None."""
    prov, recv = agent_sides(facts.sentence.text, facts.sentence.start, ms, facts.cues, lang)
    if prov is None and recv is None:
        return None
    frm = prov if prov is not None else (from_c[0] if from_c else None)
    to = to_c[0] if to_c else recv
    if frm is None:
        frm = next((c.iso2 for c in ms if c.iso2 != to), None)
    if to is None:
        to = next((c.iso2 for c in ms if c.iso2 != frm), None)
    return _fix_for_type("technical_assistance", frm, to, facts)


def _fix_for_type(itype: str, frm: str | None, to: str | None,
                  facts: SentenceFacts) -> tuple[str | None, str | None]:
    isos = facts.iso_set()
    if itype in ("military_personnel", "overseas_workers"):
        if frm != KP:
            to = frm if frm and to in (None, KP) else to
            frm = KP
        if to == KP:
            to = None
    elif itype == "cyber_theft":
        # the victim is located after the theft cue or marked as origin, never the accuser
        steal = facts.first_cue("steal") or facts.sentence.start
        off, text = facts.sentence.start, facts.sentence.text
        victims = list(dict.fromkeys(
            c.iso2 for c in facts.countries if c.iso2 != KP and not c.based
            and c.role not in NON_PARTY and (c.start > steal or c.role == "from"
                                         or victim_firm(text, c.start - off,
                                                         c.end - off))))
        frm = frm if frm not in (KP, None) else (victims[0] if len(victims) == 1 else None)
        to = KP
    elif itype == "petroleum_transfer":
        if to != KP:
            frm = frm if frm != KP else to
            to = KP
    elif KP not in (frm, to) and (KP in isos or itype != "other_violation"):
        if frm is None or frm == to:
            frm = KP
        elif to is None:
            to = KP
    if frm == to and frm is not None:
        if itype == "port_call":
            return frm, to
        to = None if frm == KP else KP
    return frm, to


def _bind_quantities(facts: SentenceFacts, hits: list[ItemHit]) -> dict[int, list[Quantity]]:
    """Each quantity goes to the nearest item whose type accepts its unit."""
    bound: dict[int, list[Quantity]] = {}
    for q in facts.quantities:
        best: tuple[int, int] | None = None
        for i, h in enumerate(hits):
            units = _UNITS_FOR.get(h.cue.type, set())
            if q.unit is not None and q.unit not in units:
                continue
            if q.unit is None and h.cue.unit is None:
                continue
            if q.unit is None:
                d = h.start - q.end if h.start >= q.end else 10 * (q.start - h.end) + 40
                if d > 60:
                    continue
            else:
                d = h.start - q.end if h.start >= q.end else q.start - h.end
            if best is None or d < best[0]:
                best = (d, i)
        if best is not None:
            bound.setdefault(best[1], []).append(q)
    return bound


# umbrella words that only cover their own kind: "missiles" gives way to "ballistic
# missiles" but not to "rocket launchers" named beside it
_NARROW_UMBRELLAS = {"missiles": "missile"}


def _narrower(specific: ItemHit, umbrella: ItemHit) -> bool:
    kind = _KIND_UMBRELLAS.get(umbrella.cue.item)
    if kind is not None:
        return kind(specific)
    word = _NARROW_UMBRELLAS.get(umbrella.cue.item)
    return word is None or word in specific.cue.item


# "missiles along with millions of rounds of ammunition", "自行火炮和大量弹药": the
# ammunition umbrella only covers rounds (shells, rockets), the artillery umbrella only
# guns and launchers — a missile or a gun named beside "ammunition" is another item
_KIND_UMBRELLAS = {
    "munitions": lambda h: h.cue.unit == "rounds" or h.cue.item == "rockets",
    "artillery": lambda h: h.cue.unit == "pieces" or "launcher" in h.cue.item,
}


def _returned(h: ItemHit, text: str, offset: int) -> bool:
    """The item is what a party gets "in return for" its delivery."""
    return bool(_IN_RETURN.search(text[max(0, h.start - offset - 80):h.start - offset]))


def _own_predicate(umbrella: ItemHit, specific: ItemHit, triggers: tuple[int, ...],
                   text: str, offset: int) -> bool:
    """"… used 40 ballistic missiles, and also imported munitions": a trigger between the
    specific item and a later umbrella word, in the umbrella's clause, makes the umbrella
    a claim of its own ("…, da die russische Munition zur Neige geht" is another clause)."""
    return any(specific.end <= t < umbrella.start
               and not re.search(r"[,;:]", text[t - offset:umbrella.start - offset])
               for t in triggers)


def _specific(hits: list[ItemHit], text: str = "", offset: int = 0,
              triggers: tuple[int, ...] = ()) -> list[ItemHit]:
    """Umbrella terms give way to specific items of the same type in the sentence —
    except in an enumeration closed by "other" ("artillery, missiles and other
    conventional weapons"), where every member is a claim of its own, and when the
    umbrella has a predicate of its own (``_own_predicate``)."""
    if any(_OTHER.search(text[max(0, h.start - offset - 12):h.start - offset]) for h in hits):
        return hits
    back = {h.start for h in hits if _returned(h, text, offset)}
    top: dict[str, int] = {}  # the highest rank of each type
    for h in hits:
        if h.cue.rank > top.get(h.cue.type, h.cue.rank - 1):
            top[h.cue.type] = h.cue.rank
    out = []
    for h in hits:
        side = h.start in back  # what comes "in return" is no specific of what goes
        if h.cue.rank <= 0 and h.cue.rank < top[h.cue.type] and any(
                o.cue.type == h.cue.type and o.cue.rank > h.cue.rank
                and (o.start in back) == side and _narrower(o, h)
                and not _own_predicate(h, o, triggers, text, offset) for o in hits):
            continue
        out.append(h)
    return out


def sentence_drafts(facts: SentenceFacts, lang: str, index: int, stance: str,
                    flag_hint: str | None, context_kp: bool = False) -> list[Draft]:
    s = facts.sentence
    drafts: list[Draft] = []

    def add(itype: str, pairs: list[tuple[str | None, str | None]], item: str | None,
            category: str | None, q: Quantity | None, unit: str | None, start: int,
            end: int, at: int = -1) -> None:
        qunit = q.unit if q is not None and q.unit not in (None, "persons") else unit
        if lang in ("ko", "ja", "zh") and unit in _COUNTERS and qunit in _COUNTERS:
            qunit = unit  # 発/발/枚 count missiles as well as shells: the item decides
        for frm, to in pairs:
            drafts.append(Draft(itype, frm, to, item, category,
                                q.value if q else None, q.value_max if q else None,
                                qunit, stance, start, end, index, at))

    hits = [h for h in facts.items]
    if facts.has("steal"):
        pos = facts.first_cue("steal") or s.start
        crypto = [h for h in hits if h.cue.type == "cyber_theft"]
        item = "cryptocurrency" if crypto else "funds"
        money = [q for q in facts.quantities if q.unit in ("USD", "ETH")]
        pairs = _direction(facts, "cyber_theft", pos, None, lang)
        for q in money or [None]:  # type: ignore[list-item]
            add("cyber_theft", pairs, item, "financial", q, q.unit if q else None, s.start, s.end)
    hits = [h for h in hits if h.cue.type != "cyber_theft"]
    sts = facts.has("sts")
    if sts:
        pos = facts.first_cue("sts") or s.start
        cargo = [h for h in hits if h.cue.type in ("petroleum_transfer", "other_violation")]
        times = [q for q in facts.quantities if q.unit == "transfers"]
        for h in cargo or [None]:  # type: ignore[list-item]
            oil = h is None or h.cue.type == "petroleum_transfer"
            frm, to = _sts_direction(facts, oil, flag_hint)
            add("ship_to_ship_transfer", [(frm, to)], h.cue.item if h else None,
                h.cue.category if h else None, times[0] if times else None,
                "transfers" if times else None, s.start, s.end)
        hits = [h for h in hits if h.cue.type not in ("petroleum_transfer",)]
    if facts.has("port_call") and facts.ports:
        calls = sorted((q for q in facts.quantities if q.unit in ("port calls", "vessels")),
                       key=lambda q: q.unit != "port calls")  # "five round trips" > "two ships"
        # the cargo a port call names: goods, fuel, or a container load of arms
        cargo = [h for h in hits if h.cue.type in ("petroleum_transfer", "other_violation")
                 ] or [h for h in hits if h.cue.type == "arms_transfer"]
        flag = _flag(facts) or flag_hint
        for port in facts.ports:
            add("port_call", [(flag, port.country)], cargo[0].cue.item if cargo else None,
                cargo[0].cue.category if cargo else None, calls[0] if calls else None,
                calls[0].unit if calls else None, s.start, s.end)
    hits = _specific(hits, s.text, s.start, tuple(
        t for k in ("give", "get") for t, _ in facts.cues.get(k, [])))
    if any(h.cue.rank >= 0 for h in hits):
        hits = [h for h in hits if h.cue.rank >= 0]
    bound = _bind_quantities(facts, hits)
    for i, h in enumerate(hits):
        itype = h.cue.type
        if not any(facts.has(k) for k in _TRIGGERS.get(itype, ("give", "get"))):
            continue
        if itype == "military_personnel" and _origin_adjective(facts, h, lang) not in (None, KP):
            continue
        if itype == "military_personnel" and _troops_receive(facts, h):
            continue  # "handed medals to North Korean soldiers": the troops receive
        if itype == "arms_transfer" and any(0 <= st - h.end <= 15
                                            for st, _ in facts.cues.get("experts", [])):
            itype = "technical_assistance"
            pairs = _direction(facts, itype, h.start, None, lang)
            add(itype, pairs, f"experts on {h.cue.item}", "technical_assistance", None, None,
                s.start, s.end, h.start)
            continue
        if itype == "other_violation" and sts:
            continue
        pairs = _direction(facts, itype, h.start, h, lang)
        if _returned(h, s.text, s.start):
            pairs = [(to, frm) for frm, to in pairs]
        surface = s.text[h.start - s.start:h.end - s.start]
        category = category_for(h.cue.item, surface, h.cue.category)
        for q in bound.get(i) or [None]:  # type: ignore[list-item]
            add(itype, pairs, h.cue.item, category, q, h.cue.unit if q else None,
                s.start, s.end, h.start)
    if "experts" in facts.cues:
        _add_service_experts(facts, drafts, stance, index)
    # "a delegation of MRL experts sent to teach …": the experts are the training
    experts = {(d.from_, d.to) for d in drafts if d.item and d.item.startswith("experts on")}
    drafts = [d for d in drafts if not (d.item == "training" and (d.from_, d.to) in experts)]
    return [d for d in drafts if _involves_kp(d, facts, context_kp)]


def _add_service_experts(facts: SentenceFacts, drafts: list[Draft], stance: str,
                         index: int) -> None:
    """"North Korean technicians arrived in Russia to maintain the guns"."""
    from sanctionwatch.extract.service_experts import ITEM, service_experts

    pair = service_experts(facts)
    if pair is None or any(d.type == "technical_assistance" for d in drafts):
        return
    s = facts.sentence
    drafts[:] = [d for d in drafts if not (d.type == "military_personnel"
                                           and (d.from_, d.to) == pair)]
    drafts.append(Draft("technical_assistance", pair[0], pair[1], ITEM, "technical_assistance",
                        None, None, None, stance, s.start, s.end, index))


# "to (the) North Korean soldiers", "an nordkoreanische Soldaten", "aux soldats": troops
# after a recipient marker receive something, they are not what is sent
_TO_BEFORE_TROOPS = re.compile(r"(?:^|\s)(?:to|an|à|aux|an die|to the)\s+(?:[\w'-]+\s+){0,2}$",
                               re.I)


def _troops_receive(facts: SentenceFacts, h: ItemHit) -> bool:
    off = facts.sentence.start
    lo = max(0, h.start - off - 30)
    if not _TO_BEFORE_TROOPS.search(facts.sentence.text[lo:h.start - off]):
        return False
    # a country name between the marker and the troops is the destination ("à la Russie
    # des soldats"), an adjective only qualifies them
    return not any(c.kind != "adjective" and lo + off <= c.start < h.start
                   for c in facts.countries)


# ordinary goods that are sanctions-relevant only as DPRK trade: a flow between two other
# states ("South Korea exported cars to Russia") is no incident even when the DPRK is named
_DPRK_ONLY_GOODS = {"transport_vehicles", "earth_stone"}


def _involves_kp(d: Draft, facts: SentenceFacts, context_kp: bool) -> bool:
    if KP in (d.from_, d.to):
        return True
    if d.category in _DPRK_ONLY_GOODS:
        return False
    return d.type in ("port_call", "ship_to_ship_transfer", "other_violation") and (
        KP in facts.iso_set() or context_kp)


def _flags(facts: SentenceFacts) -> list[str]:
    """Flags of vessels: 'Sierra Leone-flagged', 'Russian cargo ship', 'российские и
    китайские суда', '파나마 국적'."""
    if "ship" not in facts.cues and "flag" not in facts.cues:
        return []
    ships = facts.cues.get("ship", []) + facts.cues.get("flag", [])
    out: list[str] = []
    cs = facts.countries
    text, off = facts.sentence.text, facts.sentence.start
    for i, c in enumerate(cs):
        for s, e in ships:
            # a lower-case adjective right after the ship word: "un cargo nord-coréen",
            # "un buque norcoreano" (English adjectives are capitalised and precede)
            if c.kind == "adjective" and 0 <= c.start - e <= 1 and c.iso2 not in out \
                    and text[c.start - off:c.start - off + 1].islower():
                out.append(c.iso2)
            if 0 <= s - c.end <= 12 and c.iso2 not in out:
                out.append(c.iso2)
                # a coordinated adjective before it ("российские и китайские суда")
                if i > 0 and 0 <= c.start - cs[i - 1].end <= 4 and cs[i - 1].iso2 not in out:
                    out.append(cs[i - 1].iso2)
    if facts.cues.get("flag"):
        from sanctionwatch.extract.maritime import flags_after  # maritime imports this module

        out.extend(f for f in flags_after(facts) if f not in out)
    return out


def _flag(facts: SentenceFacts) -> str | None:
    flags = _flags(facts)
    return flags[0] if flags else None


def _sts_direction(facts: SentenceFacts, oil: bool,
                   flag_hint: str | None) -> tuple[str | None, str | None]:
    others = [c.iso2 for c in facts.countries if c.iso2 != KP and not c.based
              and c.role not in NON_PARTY]
    flags = [f for f in _flags(facts) if f != KP]
    hint = flag_hint if flag_hint != KP else None
    other = flags[0] if flags else (hint or (others[0] if others else None))
    if oil:
        return other, KP
    return KP, other


def with_stance(drafts: list[Draft], stance: str) -> list[Draft]:
    return [replace(d, stance=stance) for d in drafts]


def country_list(mentions: list[CountryMention]) -> list[str]:
    return sorted({m.iso2 for m in mentions if not m.based})
