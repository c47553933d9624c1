"""Maritime rules: vessels passing to the DPRK, flag registrations, ports as destinations,
flags stated after the ship, ship names with numbers, adjectival bans.

Every function here runs only on sentences that already hold a relevant cue (a ship or
flag word, a port, a vessel-change or registration cue, a norm cue), so the common
sentence pays nothing; the patterns are anchored at known offsets or guarded.
"""

from __future__ import annotations

import re
from dataclasses import replace

from sanctionwatch.extract.assemble import KP, Draft, _flags, _origin_adjective
from sanctionwatch.extract.dates import event_when
from sanctionwatch.extract.records import DocDate, Quantity
from sanctionwatch.extract.roles import CountryMention
from sanctionwatch.extract.sentence_facts import SentenceFacts

_SOV = ("ko", "ja")
SHIP_TYPES = ("port_call", "ship_to_ship_transfer", "other_violation")
_ANY_REF = DocDate(2000, 12, 31, "placeholder")
# flag cues after which the flag state follows ("registered in Niue", "under the flag of
# Panama", "immatriculé à Niue", "sous pavillon panaméen", "под флагом Панамы")
_FLAG_BEFORE_SHIP = re.compile(r"flagged$|flagge$", re.I)
# a vessel-change cue whose new owner/flag follows at once ("sold to", "bought by",
# "vendu à", "卖给") — others ("became a", "renamed") need a ship/flag/ownership word
# after the DPRK mention ("became a North Korean vessel")
_CHANGE_TO = re.compile(r"(?:\bto|\bby|\bà|\bpar|\bpor|\bvon|给|予|改为|manos)$",
                        re.I)
_OWNERSHIP = re.compile(r"ownership|owned|besitz|propriété|propiedad|собственност|소유|所有|"
                        r"旗|籍|船", re.I)
_BUY = re.compile(r"buy|bought|purchas|acquir|procur|kauf|erw[oa]rb|achet|acqui|compr|adquir|"
                  r"куп|приобр|закуп|구입|구매|매입|사들|購入|買|取得|购买|买|收购|采购", re.I)
_FROM_WORD = re.compile(r"\b(?:from|von|aus|de|desde|из|от)\b|从|から|에서", re.I)
_TANKER = re.compile(r"tank|танкер|pétrolier|petroler|유조선|タンカー|油轮", re.I)
# the finite registration keys need a plural ship or a count; the "false flag" keys not
_FINITE_REGISTER = re.compile(r"regist|immatricul|зарегистр|등록|登録|注册|登记", re.I)
_PLURAL_SHIP = re.compile(r"(?:ships|vessels|tankers|boats|freighters|schiffe|frachter|"
                          r"navires|bateaux|pétroliers|buques|barcos|petroleros|суда|судов|"
                          r"танкеры|танкеров|선박들|船舶|船只)$", re.I)
# a count separated from its ship noun by adjectives: "four Russian cargo ships"
_SHIP_AFTER_COUNT = re.compile(  # used with .match at the number's end only
    r"\s+(?:(?!of\b|the\b|de\b|des\b|du\b|der\b|die\b|von\b|del\b|los\b|las\b|les\b|"
    r"из\b)[\w'-]+\s+){0,2}?(?:ships|vessels|tankers|freighters|cargo ships|navires|"
    r"bateaux|pétroliers|buques|barcos|petroleros|schiffe|tanker|frachter|суд(?:ов|на|а)|"
    r"танкер\w*)\b", re.I)
_MONTHS = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januar|februar|"
                     r"märz|mai|juni|juli|okt|dez|janv|févr|mars|avr|juin|juil|août|sept|"
                     r"déc|ene|abr|ago|dic|enero|marzo|mayo|junio|julio|agosto)\w*$", re.I)
# a capitalised word just before a bare number: "UAL ji Bong 6", "An Hai 6"
_NAME_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w-]*[ -]$")
_NAME_NUMBER_AFTER = re.compile(r"^(?:\s*$|\s*[,.;:)'\"’”」』]|호|号|號|-?ho\b|\s+(?:for|in|at|to|"
                                r"from|with|on|was|were|is|has|had|and|which|that)\b)")
_CJK_NAME_NUMBER = re.compile(r"^(?:호|号|號)")
# a port marked as destination: "to Kholmsk", "nach Nachodka", "au port de Nampo",
# "в порт Находка"; ko/ja/zh mark it after (항으로, 港に) or before (到, 往, 运抵)
_TO_PORT_BEFORE = re.compile(
    r"(?:\bto|\binto|\bnach|\bà|\bau|\bvers|\ba|\bal|\bв|\bво|\bдо|到|往|至|抵)"
    r"(?:\s+(?:the\s+)?(?:port\s+(?:of\s+)?|hafen\s+(?:von\s+)?|port\s+d[eu]\s+|"
    r"puerto\s+de\s+|порт\w*\s+))?\s*(?:the\s+)?$", re.I)
_TO_PORT_AFTER = re.compile(r"^(?:항|港)?(?:으로|로|에|に|へ|まで)")
_CONTEXT_CUT = re.compile(r"[,;.。，；]")
# adjectival bans: "금지된 석탄", "禁止された石炭", "被禁止的煤炭", "запрещённый уголь",
# "charbon interdit", "the banned coal" — the item is described, no rule is stated
_RU_ADJ = re.compile(r"(?:ый|ого|ые|ых|ая|ую|ой|ым|ыми|ое|ом)$", re.I)
_EN_ADJ_BEFORE = re.compile(r"(?:\bthe|\bof|\bwith|\band|\bcarrying)\s+$", re.I)


def _rel(facts: SentenceFacts, a: int, b: int) -> str:
    off = facts.sentence.start
    return facts.sentence.text[max(0, a - off):max(0, b - off)]


def _ships(facts: SentenceFacts) -> list[tuple[int, int]]:
    return facts.cues.get("ship", []) + facts.cues.get("flag", [])


def flags_after(facts: SentenceFacts) -> list[str]:
    """Flag states named after their cue: "registered in Niue", "flying the flag of
    Panama", "immatriculé à Niue", "sous pavillon panaméen", "bajo bandera panameña",
    "под флагом Панамы" (ko/ja/zh put the flag first: 파나마 국적, パナマ船籍, 巴拿马籍)."""
    if "flag" not in facts.cues:
        return []
    out: list[str] = []
    for s, e in facts.cues["flag"]:
        cue = _rel(facts, s, e)
        if _FLAG_BEFORE_SHIP.search(cue) or (not cue.isascii() and cue[:1] > "\u3000"
                                             and cue != "悬挂"):
            continue
        for c in facts.countries:
            if c.iso2 != KP and 0 <= c.start - e <= 6 and c.iso2 not in out \
                    and not _CONTEXT_CUT.search(_rel(facts, e, c.start)):
                out.append(c.iso2)
    return out


def registry_countries(facts: SentenceFacts, lang: str) -> set[str]:
    """Countries that are only a ship's flag or registry in this sentence ("Palau-flagged
    tanker", "帕劳籍油轮", "registered in small Pacific states such as Tuvalu"): no new
    party, so they do not end the DPRK context of the sentence before."""
    if not ("flag" in facts.cues or "register" in facts.cues):
        return set()
    out = set(_flags(facts))
    for _s, e in facts.cues.get("register", []):
        out |= {c.iso2 for c in facts.countries if 0 <= c.start - e <= 80}
    return out - {KP}


def kp_port(facts: SentenceFacts) -> bool:
    """A DPRK port (Nampo, Rajin, 남포, 南浦) involves the DPRK."""
    return any(p.country == KP for p in facts.ports)


def name_numbers(facts: SentenceFacts, quantities: list[Quantity],
                 lang: str) -> list[Quantity]:
    """In a sentence about ships: a bare number that closes a capitalised name ("the UAL
    ji Bong 6,", "An Hai 6") or carries a ship-name suffix (명류1호, 5号) is part of the
    name, no quantity; a count before adjectives and a ship noun ("four Russian cargo
    ships") counts vessels."""
    if all(q.unit is not None for q in quantities) or not (
            "ship" in facts.cues or "flag" in facts.cues):
        return quantities
    text, off = facts.sentence.text, facts.sentence.start
    out = []
    for q in quantities:
        if q.unit is None:
            before = text[max(0, q.start - off - 25):q.start - off]
            after = text[q.end - off:q.end - off + 6]
            if _CJK_NAME_NUMBER.match(after) or (
                    _NAME_BEFORE.search(before) and _NAME_NUMBER_AFTER.match(after)
                    and not _MONTHS.search(before.rstrip(" -"))):
                continue
            if lang not in ("ko", "ja", "zh") and _SHIP_AFTER_COUNT.match(
                    text, q.end - off) and text[q.end - off:q.end - off + 1].isspace():
                q = replace(q, unit="vessels")
        out.append(q)
    return out


def ship_modifiers(facts: SentenceFacts) -> None:
    """"oil tanker", "fuel tankers", "нефтяной танкер", "crude carrier": a fuel word that
    qualifies a ship noun names the kind of ship, not a cargo."""
    ships = facts.cues.get("ship")
    if not ships or not facts.items:
        return
    facts.items = [h for h in facts.items if not (
        h.cue.type == "petroleum_transfer" and any(0 <= s - h.end <= 1 for s, _ in ships))]


# "alongside" cues (came alongside, längsseits, à couple, abarloado, 横付け) name a
# ship-to-ship transfer only when no quay is beside them: "berthed alongside the pier",
# "南浦港の岸壁に横付けした" is a ship at a port
_ALONGSIDE = re.compile(r"alongside|längsseits|à couple|abarload|横付け", re.I)
_QUAY = re.compile(r"\b(?:pier|quay|wharf|jetty|berth|kai|kaimauer|quai|jetée|muelle|"
                   r"причал\w*)\b|부두|안벽|岸壁|埠頭|桟橋|码头|碼頭", re.I)


def alongside_at_quay(facts: SentenceFacts) -> None:
    """Drop "alongside" ship-to-ship cues that stand next to a quay word."""
    sts = facts.cues.get("sts")
    if not sts:
        return
    kept = [(s, e) for s, e in sts if not (
        _ALONGSIDE.search(_rel(facts, s, e)) and _QUAY.search(_rel(facts, s - 15, e + 15)))]
    if kept:
        facts.cues["sts"] = kept
    else:
        del facts.cues["sts"]


def adjectival_ban(facts: SentenceFacts, start: int, end: int, lang: str) -> bool:
    """A ban word that describes an item ("금지된 석탄", "禁止された石炭", "被禁止的煤炭",
    "запрещённый уголь", "charbon interdit", "carbón prohibido", "the banned coal") states
    no rule."""
    cue = _rel(facts, start, end)
    after = _rel(facts, end, end + 6)
    before = _rel(facts, start - 12, start)
    items_after = any(0 <= h.start - end <= 12 for h in facts.items)
    if lang == "ko":
        return after.startswith(("된 ", "되는 ")) and items_after
    if lang == "ja":
        return bool(re.match(r"(?:され(?:た|ている)|の)[\u4e00-\u9fff\u30a0-\u30ff]", after))
    if lang == "zh":
        return after.startswith("的")
    if lang == "ru":
        return bool(_RU_ADJ.search(cue)) and items_after
    if lang in ("fr", "es"):
        return any(0 <= start - h.end <= 2 for h in facts.items)
    if lang == "en":
        return bool(_EN_ADJ_BEFORE.search(before)) and cue.lower().endswith("ed") and any(
            0 <= h.start - end <= 1 for h in facts.items)
    return False


def _singular(facts: SentenceFacts, ship: tuple[int, int] | None, lang: str) -> bool:
    if ship is None:
        return False
    word = _rel(facts, ship[0], ship[1] + 3)
    return not _PLURAL_SHIP.search(_rel(facts, ship[0], ship[1])) and not (
        lang == "ko" and "들" in word)


def _nearest_ship(facts: SentenceFacts, pos: int, span: int) -> tuple[int, int] | None:
    best: tuple[int, tuple[int, int]] | None = None
    for s, e in facts.cues.get("ship", []):
        d = min(abs(s - pos), abs(e - pos))
        if d <= span and (best is None or d < best[0]):
            best = (d, (s, e))
    return best[1] if best else None


_QUOTED_NAME = re.compile(r"[“‘«\"'「『]([^”’»\"'」』,，。]{2,30}?)(?:号|호|號)?[”’»\"'」』]")
_NAME_AFTER_SHIP = re.compile(r"\s(?:the\s)?([A-Z][\w-]*(?:\s(?:[A-Z][\w-]*|\d{1,3}))"
                              r"{0,3})")


def vessel_name(facts: SentenceFacts, pos: int) -> str | None:
    """The name of the ship a claim is about: the quoted name nearest to ``pos``
    (“Ocean Sky号”, ‘코티’, «Тантал»), else a capitalised name right after a ship word
    ("the tanker Sea Star", "le pétrolier An Hai 6")."""
    text, off = facts.sentence.text, facts.sentence.start
    best: tuple[int, str] | None = None
    if any(ch in text for ch in "“‘«\"'「『"):
        for m in _QUOTED_NAME.finditer(text):
            d = abs(m.start() + off - pos)
            if best is None or d < best[0]:
                best = (d, m.group(1).strip())
    if best is None:
        for _s, e in facts.cues.get("ship", []):
            after = _NAME_AFTER_SHIP.match(text, e - off)
            if after:
                d = abs(e - pos)
                if best is None or d < best[0]:
                    best = (d, after.group(1))
    return best[1] if best else None


def _count(facts: SentenceFacts) -> Quantity | None:
    qs = [q for q in facts.quantities if q.unit == "vessels"]
    return qs[0] if qs else None


def _vessel_draft(facts: SentenceFacts, index: int, stance: str, pos: int, item: str,
                  lang: str, ship: tuple[int, int] | None) -> Draft:
    s = facts.sentence
    q = _count(facts)
    name = vessel_name(facts, pos) if q is None or q.value == 1 else None
    item = f"{item} ({name})" if name else item
    # one ship unless the text counts them or uses a plural (CJK marks no plural)
    single = _singular(facts, ship, lang) if ship else lang in ("zh", "ja", "ko")
    value = q.value if q else (1.0 if single else None)
    return Draft("other_violation", None, KP, item, "vessels", value, None,
                 "vessels" if value is not None else None, stance, s.start, s.end, index, pos)


_HYPOTHETICAL = re.compile(r"\b(?:if|could|would|should|might|unless|wenn|falls|könnte\w*|"
                           r"würde\w*|si|pourrait\w*|podría\w*|если|мог\w*)\b[^.;]*$", re.I)


def _ruled(facts: SentenceFacts, pos: int, lang: str) -> bool:
    """A rule, plan, condition or negation governs the cue: "bans selling ships to …",
    "ships sold to … are banned", "plans to buy tankers", "if the tanker is sold to …",
    "could be sold to …", "was not sold to …"."""
    if _HYPOTHETICAL.search(_rel(facts, pos - 40, pos)):
        return True
    for kind, before, after in (("norm", 60, 40), ("future", 40, 20), ("negate", 12, 0)):
        for s, e in facts.cues.get(kind, []):
            if kind == "norm" and adjectival_ban(facts, s, e, lang):
                continue
            if -after <= pos - s <= before:
                return True
    return False


def vessel_drafts(facts: SentenceFacts, lang: str, index: int, stance: str,
                  context_kp: bool) -> list[Draft]:
    """Ships that pass to the DPRK (other_violation, unit vessels): "the tanker was sold
    to North Korea", "became a North Korean vessel", "北朝鮮に売却された", "被改为朝鲜所有",
    "North Korea bought a tanker"; and ships registered under foreign flags to hide them
    ("17 ships were registered in Pacific island states", "fausses immatriculations")."""
    if not _ships(facts):
        return []
    kps = [c for c in facts.countries if c.iso2 == KP and not c.based]
    out: list[Draft] = []
    if kps:
        for s, e in facts.cues.get("vessel_change", []):
            if _ruled(facts, s, lang) or not _new_side_kp(facts, s, e, kps, lang):
                continue
            ship = _nearest_ship(facts, s, 60)
            if ship is None and not any(abs(fs - s) <= 60 for fs, _ in facts.cues.get(
                    "flag", [])):
                continue
            item = "tanker" if ship and _TANKER.search(_rel(facts, *ship)) else "vessel"
            out.append(_vessel_draft(facts, index, stance, s, item, lang, ship))
            break
        if not out:
            out.extend(_bought(facts, lang, index, stance, kps))
    if not out and (kps or context_kp):
        for s, e in facts.cues.get("register", []):
            if _ruled(facts, s, lang):
                continue
            ship = _nearest_ship(facts, s, 80)
            if _FINITE_REGISTER.search(_rel(facts, s, e)) and (
                    ship is None or (_singular(facts, ship, lang) and _count(facts) is None)
                    or lang in ("zh", "ja") and _count(facts) is None):
                continue
            out.append(_vessel_draft(facts, index, stance, s,
                                     "vessels registered under foreign flags", lang, None))
            break
    return out


def _new_side_kp(facts: SentenceFacts, s: int, e: int, kps: list[CountryMention],
                 lang: str) -> bool:
    cue = _rel(facts, s, e)
    for c in kps:
        cs, ce = c.start, c.end
        if cs < e and ce > s:  # "an Nordkorea verkauft": the DPRK inside the cue
            return True
        if lang in _SOV or lang == "de":
            gap = _rel(facts, ce, s)
            if 0 <= s - ce <= 20 and not _CONTEXT_CUT.search(gap):
                return True
            if lang in _SOV:
                continue
        gap = _rel(facts, e, cs)
        if 0 <= cs - e <= 12 and not _CONTEXT_CUT.search(gap):
            # "sold to North Korea", "re-flagged to North Korea", "вернулся КНДР"
            if _CHANGE_TO.search(cue) or _CHANGE_TO.search(gap.rstrip()) or lang == "ru" \
                    or (lang == "es" and cue.endswith(" a")) or (lang == "de" and cue.endswith(
                        " an")):
                return True
            tail = _rel(facts, ce, ce + 15)
            if _OWNERSHIP.search(tail) or any(0 <= fs - ce <= 15 for fs, _ in _ships(facts)):
                return True
    return False


def _bought(facts: SentenceFacts, lang: str, index: int, stance: str,
            kps: list[CountryMention]) -> list[Draft]:
    """"North Korea bought a tanker", "북한이 유조선을 사들였다": the DPRK buys a ship."""
    for s, e in facts.cues.get("get", []):
        if not _BUY.search(_rel(facts, s, e)) or _ruled(facts, s, lang):
            continue
        if not any(0 <= s - c.end <= 40 and not _CONTEXT_CUT.search(_rel(facts, c.end, s))
                   for c in kps):
            continue
        for ss, se in facts.cues.get("ship", []):
            gap = _rel(facts, e, ss) if lang not in _SOV else _rel(facts, se, s)
            d = ss - e if lang not in _SOV else s - se
            if 0 <= d <= 25 and not _CONTEXT_CUT.search(gap) and not _FROM_WORD.search(gap) \
                    and not any(e <= h.start < ss or se <= h.start < s for h in facts.items):
                item = "tanker" if _TANKER.search(_rel(facts, ss, se)) else "vessel"
                return [_vessel_draft(facts, index, stance, s, item, lang, (ss, se))]
    return []


_FROM_PORT_BEFORE = re.compile(
    r"(?:\bfrom|\baus|\bvon|\bdepuis|\bdesde|\bиз|从|自|"
    # "loaded containers at Rajin", "in Nampo beladen", "chargé à Nampo", "погружен в"
    r"(?:\bloaded|\bloading|\btook on|\btaken on|\bbeladen|\bchargé\w*|\bcargad\w*|"
    r"\bcargó|\bпогруж\w*|\bзагруж\w*)[^,.;]{0,30}?\s(?:at|in|en|à|au|в|im))"
    r"(?:\s+(?:the\s+)?(?:port\s+(?:of\s+)?|hafen\s+(?:von\s+)?|port\s+d[eu]\s+|"
    r"puerto\s+de\s+|порт\w*\s+))?\s*(?:the\s+)?$", re.I)
_FROM_PORT_AFTER = re.compile(r"^(?:항|港)?(?:에서|から)")
# a port with a country descriptor: "loaded weapons at the North Korean port of Rajin",
# "aus dem nordkoreanischen Hafen Rajin", "chargé dans le port nord-coréen de Rajin",
# "desde el puerto norcoreano de Rajin", "из северокорейского порта Раджин"; the
# descriptor names the port's country, not a recipient
_FROM_DESCRIBED_PORT = re.compile(
    r"(?:\b(?:from|loaded|loading|took on|taken on|picked up)[^,.;]{0,30}?\s(?:at|in|from)"
    r"\s+the\s+[\w-]+(?:\s+[\w-]+)?\s+(?:port\s+(?:of\s+)?)?|"
    r"\b(?:aus|von)\s+dem\s+[\w-]+en\s+(?:hafen\s+(?:von\s+)?)?|"
    r"(?:\b(?:de|depuis)|\bchargé\w*[^,.;]{0,30}?\s(?:à|dans))\s+le\s+(?:port\s+)?[\w-]+\s+"
    r"(?:d[eu]\s+)?|"
    r"(?:\b(?:desde|de)|\bcarg\w*[^,.;]{0,30}?\sen)\s+el\s+(?:puerto\s+)?[\w-]+\s+(?:de\s+)?|"
    r"\bиз\s+[\w-]+(?:ого)\s+(?:порта\s+)?)$", re.I)


def origin_ports(facts: SentenceFacts, lang: str, drafts: list[Draft]) -> list[Draft]:
    """Goods "from Rason", "aus Nampo", "из Находки", "从南浦", "남포항에서", "南浦から":
    the port's country is the origin of a transfer whose sender the sentence does not
    mark otherwise (a sender guessed from a ship's flag or a bystander gives way)."""
    origins = []
    for p in facts.ports:
        if lang in ("ko", "ja"):
            marked = bool(_FROM_PORT_AFTER.match(_rel(facts, p.end, p.end + 4)))
        else:
            marked = bool(_FROM_PORT_BEFORE.search(_rel(facts, p.start - 30, p.start))
                          or _FROM_DESCRIBED_PORT.search(_rel(facts, p.start - 70, p.start)))
        if marked:
            origins.append(p.country)
    if len(set(origins)) != 1:
        return drafts
    c = origins[0]
    marked_from = {m.iso2 for m in facts.countries if m.role == "from"}
    out = []
    for d in drafts:
        if d.type in ("arms_transfer", "other_violation") and d.from_ != c \
                and d.from_ not in marked_from:
            d = replace(d, from_=c, to=d.from_ if d.to == c else d.to)
        out.append(d)
    return out


def _destination_ports(facts: SentenceFacts, lang: str) -> list[tuple[int, int, str]]:
    out = []
    for p in facts.ports:
        if lang in ("ko", "ja"):
            marked = bool(_TO_PORT_AFTER.match(_rel(facts, p.end, p.end + 4)))
        else:
            marked = bool(_TO_PORT_BEFORE.search(_rel(facts, p.start - 30, p.start)))
        if marked:
            out.append((p.start, p.end, p.country))
    return out


def port_drafts(facts: SentenceFacts, lang: str, index: int, stance: str,
                flag: str | None, drafts: list[Draft]) -> list[Draft]:
    """Cargo brought to a named port: "North Korean coal brought to Kholmsk", "transported
    the coal to Weifang", "煤炭运到龙口港", "석탄을 나홋카항으로 운반". The port's country is
    the recipient of the cargo (not a state named elsewhere in the sentence), and the
    delivery is a port call by the carrying ship (flag → port's country); without a
    port-call cue the verb must be close to the port (≤ 25 characters, no comma)."""
    if not facts.ports or "give" not in facts.cues:
        return drafts
    dests = _destination_ports(facts, lang)
    if not dests:
        return drafts
    off_to = {c.iso2 for c in facts.countries if c.role == "to"}
    out = []
    for d in drafts:
        if d.type in ("other_violation", "petroleum_transfer") and d.to not in off_to \
                and d.from_ != dests[0][2]:
            d = replace(d, to=dests[0][2]) if d.type != "petroleum_transfer" or \
                dests[0][2] == KP else d
        out.append(d)
    if "port_call" in facts.cues:
        return out
    s = facts.sentence
    cargo = [h for h in facts.items if h.cue.type in ("petroleum_transfer", "other_violation")]
    for ps, pe, country in dests:
        near = any((0 <= ps - ge <= 25 and not _CONTEXT_CUT.search(_rel(facts, ge, ps)))
                   if lang not in _SOV else
                   (0 <= gs - pe <= 12 and not _CONTEXT_CUT.search(_rel(facts, pe, gs)))
                   for gs, ge in facts.cues["give"])
        if not near:
            continue
        item = cargo[0].cue.item if cargo else None
        out.append(Draft("port_call", flag, country, item,
                         cargo[0].cue.category if cargo else None, None, None, None,
                         stance, s.start, s.end, index, ps))
    return out


def drop_cargo_restatement(drafts: list[Draft]) -> list[Draft]:
    """In a sentence with a port call carrying cargo X ("Flyfree then transported the coal
    to Weifang, China, where it completed unloading"), a trade claim of X whose origin
    the sentence does not name is the port call itself."""
    calls = {(d.sentence_index, d.item, d.to) for d in drafts if d.type == "port_call"}
    if not calls:
        return drafts
    cargo = {(i, item) for i, item, _ in calls}
    return [d for d in drafts if not (
        d.type == "other_violation" and d.from_ is None and (
            (d.sentence_index, d.item, d.to) in calls
            or (d.to is None and (d.sentence_index, d.item) in cargo)))]


def calls_counted_in_times(facts: SentenceFacts, drafts: list[Draft]) -> list[Draft]:
    """"called at Nampo three times", "sechsmal in Nampo eingelaufen", "3차례 입항": without
    a ship-to-ship cue, a count of times in a port-call sentence counts port calls."""
    if "sts" in facts.cues:
        return drafts
    times = [q for q in facts.quantities if q.unit == "transfers"]
    if len(times) != 1:
        return drafts
    q = times[0]
    return [replace(d, quantity=q.value, quantity_max=q.value_max, unit="port calls")
            if d.type == "port_call" and d.quantity is None else d for d in drafts]


# a clause boundary between two coordinated reports: ko "…실었고, 지난 6월에는 …",
# "…했으며, …"; en/de/fr/es/ru ", and" / "; "; zh/ja "，" "；" "、"
_CLAUSE_BOUNDARY = re.compile(r"(?:고|며|으며|었고|했고),\s|;\s|；|，|"
                              r",\s(?:and|und|et|y|и|а также)\s|、(?=[^、]{6})", re.I)


def sts_clauses(facts: SentenceFacts, drafts: list[Draft]) -> list[Draft]:
    """One sentence, several ship-to-ship transfers with their own dates: "상 위안 바오는
    지난 5월 … 옮겨 실었고, 지난 6월에는 … 명류1호와도 불법 환적을 했다", "The tanker took
    oil from a Panamanian ship in May, and in June it made another ship-to-ship
    transfer". Each clause with its own transfer cue and its own date is a claim of its
    own (item carried over from the clause before when it names none)."""
    cues = facts.cues.get("sts", [])
    base = [d for d in drafts if d.type == "ship_to_ship_transfer"]
    if len(cues) < 2 or not base:
        return drafts
    s = facts.sentence
    text, off = s.text, s.start
    cuts = [0]
    last = cues[0][1]
    for cs, ce in cues[1:]:
        seg = text[last - off:cs - off]
        ends = [m.end() for m in _CLAUSE_BOUNDARY.finditer(seg)]
        if ends:
            cuts.append(last - off + ends[-1])
        last = ce
    if len(cuts) < 2:
        return drafts
    bounds = list(zip(cuts, cuts[1:] + [len(text)], strict=True))
    # any reference will do to tell whether each clause names a date of its own
    dates = [event_when(text[a:b], _ANY_REF) for a, b in bounds]
    if any(d is None for d in dates) or len(set(dates)) < len(dates):
        return drafts  # the clauses must each carry a date of their own
    out = [replace(d, clause=(bounds[0][0] + off, bounds[0][1] + off)) if
           d.type == "ship_to_ship_transfer" else d for d in drafts]
    item, category = base[0].item, base[0].category
    for a, b in bounds[1:]:
        own = [h for h in facts.items if a + off <= h.start < b + off
               and h.cue.type in ("petroleum_transfer", "other_violation")]
        if own:
            item, category = own[0].cue.item, own[0].cue.category
        out.append(replace(base[0], item=item, category=category, quantity=None,
                           quantity_max=None, unit=None, at=a + off,
                           clause=(a + off, b + off)))
    return out


# port-call cues that only say goods were loaded or a ship left ("loaded", "took on
# cargo", "departed from", "beladen", "погрузил", "선적하", "積み込", "装货"): a port call
# only when a ship is named too ("North Korea loaded missiles onto trains at Rajin" is none)
_LOADING = re.compile(r"(?<!un)load|took|taken|take|picked|depart|beladen|lud|geladen|verließ|"
                      r"lief aus|ausgelaufen|(?<!dé)chargé|quitté|appareillé|(?<!des)carg|zarp|"
                      r"salió|погруз|"
                      r"загруж|загруз|вышл|вышел|покинул|선적하|싣고|적재|출항|積み込|出港|装|"
                      r"驶离|离港", re.I)


def loading_needs_ship(facts: SentenceFacts, drafts: list[Draft]) -> list[Draft]:
    """Drop port calls that rest only on a loading/departure cue in a sentence without a
    ship word or flag."""
    if _ships(facts) or not any(d.type == "port_call" for d in drafts):
        return drafts
    if any(not _LOADING.search(_rel(facts, s, e)) for s, e in facts.cues["port_call"]):
        return drafts
    return [d for d in drafts if d.type != "port_call"]


_UNLOAD = re.compile(r"unload|discharg|entlad|gelöscht|décharg|descarg|разгруз|выгруз|하역|"
                     r"荷揚げ|卸货", re.I)


def unloaded_cargo(facts: SentenceFacts, lang: str, index: int, stance: str,
                   drafts: list[Draft]) -> list[Draft]:
    """"The vessel unloaded 5,000 tons of North Korean coal at Longkou": cargo of a
    stated origin unloaded at a named port is a trade claim origin → the port's country
    (besides the port call), with the cargo's own amount."""
    if not any(_UNLOAD.search(_rel(facts, s, e)) for s, e in facts.cues["port_call"]):
        return drafts
    ports = {p.country for p in facts.ports}
    if len(ports) != 1:
        return drafts
    port = ports.pop()
    have = {d.item for d in drafts if d.type == "other_violation"}
    s = facts.sentence
    out = list(drafts)
    for h in facts.items:
        if h.cue.type != "other_violation" or h.cue.item in have:
            continue
        origin = _origin_adjective(facts, h, lang)
        if origin is None or origin == port:
            continue
        qs = sorted((min(abs(h.start - q.end), abs(q.start - h.end)), q.start, q)
                    for q in facts.quantities if q.unit == "tonnes")
        q = qs[0][2] if qs and qs[0][0] <= 25 else None
        out.append(Draft("other_violation", origin, port, h.cue.item, h.cue.category,
                         q.value if q else None, q.value_max if q else None,
                         "tonnes" if q else None, stance, s.start, s.end, index, h.start))
        have.add(h.cue.item)
    return out


# --- ships named once with their flag, referred to by name later ------------------------

_QUOTE_OPEN = "“‘«\"'「『"
_NAME_QUOTED = re.compile(r"[“‘«\"'「『]([^”’»\"'」』,，。]{2,30}?)[”’»\"'」』]"
                          r"(?:\s?\(([A-Za-z][\w .-]{1,30})\))?")
_KO_NAME = re.compile(r"\s?([가-힣]{1,8}\d{0,3}호)")
# what may stand between a listed name and the "<country> ship" that closes the list
_LIST_FILLER = re.compile(r"^(?:\s|[(),、，]|등|and|und|et|y|и|及|和|など|[A-Za-z .-])*$")


def learn_vessels(facts: SentenceFacts, book: dict[str, str]) -> None:
    """Record ship names with their flag: "북한 유류 운반선 ‘금운산3호’", "‘상 위안 바오’
    (Shang Yuan Bao), ‘뉴 리젠트’(New Regent) 등 파나마 선박 두 척", "the Sierra Leone-flagged
    ship 'Flyfree'", "the North Korean tanker Paek Ma", "북한 선박 백마호"."""
    ships = facts.cues.get("ship", []) + facts.cues.get("flag", [])
    if not ships or not facts.countries:
        return
    text, off = facts.sentence.text, facts.sentence.start
    flagged = []  # (country, end of its ship word)
    for c in facts.countries:
        for s, e in ships:
            if 0 <= s - c.end <= 12 and not _CONTEXT_CUT.search(text[c.end - off:s - off]):
                flagged.append((c.iso2, c.start, e))
                break
    if not flagged:
        return
    names: list[tuple[int, int, list[str]]] = []
    if any(ch in text for ch in _QUOTE_OPEN):
        for m in _NAME_QUOTED.finditer(text):
            alias = [m.group(1).strip()] + ([m.group(2).strip()] if m.group(2) else [])
            names.append((m.start() + off, m.end() + off, alias))
    for _s, e in ships:
        after = _NAME_AFTER_SHIP.match(text, e - off) or _KO_NAME.match(text, e - off)
        if after:
            names.append((after.start(1) + off, after.end(1) + off, [after.group(1)]))
    for start, end, alias in names:
        flag = None
        for iso, cstart, ship_end in flagged:
            if 0 <= start - ship_end <= 15:  # "<country> <ship word> ‘name’"
                flag = iso
            elif cstart >= end and _LIST_FILLER.match(
                    _QUOTED_STRIP.sub("", text[end - off:cstart - off])):
                flag = flag or iso  # "‘A’, ‘B’ 등 파나마 선박"
        if flag:
            for a in alias:
                book.setdefault(_norm_name(a), flag)


_QUOTED_STRIP = re.compile(r"[“‘«\"'「『][^”’»\"'」』]{0,30}[”’»\"'」』]")


def _norm_name(name: str) -> str:
    return re.sub(r"\s+", " ", name.strip().rstrip("호号號").strip()).lower()


def named_vessels(facts: SentenceFacts, book: dict[str, str]) -> list[tuple[int, str]]:
    """(position, flag) of the ships of ``book`` this sentence names, in text order."""
    if not book:
        return []
    low = facts.sentence.text.lower()
    found: dict[int, str] = {}
    for name, flag in book.items():
        i = low.find(name)
        if i >= 0 and len(name) >= 2:
            found.setdefault(i + facts.sentence.start, flag)
    return sorted(found.items())


def traded_with_ship(facts: SentenceFacts, index: int, stance: str,
                     book: dict[str, str], drafts: list[Draft]) -> list[Draft]:
    """"금운산3호는 지난 6월 뉴 리젠트와 불법으로 유류를 거래했다", "the Chon Ma San traded oil
    with the Xin Yuan 18": a trade between two ships whose flags the document stated
    earlier is a ship-to-ship transfer (fuel: foreign flag → DPRK; coal: the reverse),
    and no separate fuel or coal delivery."""
    ships = named_vessels(facts, book)
    flags = {f for _, f in ships}
    if KP not in flags or len(flags) < 2:
        return drafts
    other = next(f for _, f in ships if f != KP)
    cargo = [h for h in facts.items if h.cue.type in ("petroleum_transfer", "other_violation")]
    s = facts.sentence
    out = [d for d in drafts if d.type not in ("petroleum_transfer", "other_violation")]
    for h in cargo or [None]:  # type: ignore[list-item]
        oil = h is None or h.cue.type == "petroleum_transfer"
        frm, to = (other, KP) if oil else (KP, other)
        out.append(Draft("ship_to_ship_transfer", frm, to, h.cue.item if h else None,
                         h.cue.category if h else None, None, None, None, stance,
                         s.start, s.end, index, h.start if h else -1))
    return out


# a hedge on what the cargo is, not on the transfer: "기름으로 보이는 물품을 옮겨 실었다",
# "石油とみられる物資を積み替えた", "transferred what appeared to be oil", "疑似石油"
_CARGO_HEDGE_AFTER = re.compile(r"^(?:으로|로)?\s?보이는\s(?!것)|^とみられる(?!と)|^らしき")
_CARGO_HEDGE_BEFORE = re.compile(r"(?:what (?:appears|appeared|seems|seemed) to be(?: an?)?|"
                                 r"suspected|疑似)\s*$", re.I)


def cargo_hedge(facts: SentenceFacts, drafts: list[Draft]) -> list[Draft]:
    """A ship-to-ship transfer whose only hedge says what the cargo seemed to be is
    asserted, with the cargo marked "(suspected)"."""
    hedges = facts.cues.get("hedge", [])
    if not hedges or not any(d.type == "ship_to_ship_transfer" and d.stance == "alleged"
                             for d in drafts):
        return drafts
    suspected: set[str] = set()
    for s, _e in hedges:
        item = next((h for h in facts.items if 0 <= s - h.end <= 2 and _CARGO_HEDGE_AFTER.match(
            _rel(facts, h.end, h.end + 12))), None) or next(
            (h for h in facts.items if 0 <= h.start - s <= 25 and _CARGO_HEDGE_BEFORE.search(
                _rel(facts, s - 25, h.start))), None)
        if item is None:
            return drafts  # another hedge: the transfer itself is in doubt
        suspected.add(item.cue.item)
    return [replace(d, stance="asserted", item=f"{d.item} (suspected)"
                    if d.item in suspected else d.item)
            if d.type == "ship_to_ship_transfer" and d.stance == "alleged" else d
            for d in drafts]


# --- a transfer between two ships is a ship-to-ship transfer -----------------------------

# a preposition that marks the ship after it as the receiving side ("to a North Korean
# vessel", "auf ein nordkoreanisches Schiff", "vers un navire", "a un buque", "на судно",
# "向朝鲜船只") or as the supplying side ("from a Panamanian tanker", "von einem Tanker",
# "en provenance d'un pétrolier", "desde un buque", "с танкера", "从…油轮")
_SHIP_TO_WORDS = {
    "en": r"\b(?:to|onto|into)\b", "de": r"\b(?:auf|an|in)\b",
    "fr": r"\b(?:vers|à|au|sur)\b", "es": r"\b(?:a|al|hacia|en)\b", "ru": r"\b(?:на|в|во)\b",
    "zh": r"向|给|往|到",
}
_SHIP_FROM_WORDS = {
    "en": r"\bfrom\b", "de": r"\b(?:von|aus)\b",
    "fr": r"\bdepuis\b|\ben provenance d[eu']|\bd'une?\b",
    "es": r"\b(?:desde|procedente de|de una?)\b", "ru": r"\b(?:с|со|от)\b", "zh": r"从|自",
}
_SHIP_TO_BEFORE = {lg: re.compile(f"(?:{w})[^,;.:，。；、\\d]{{0,30}}$", re.I)
                   for lg, w in _SHIP_TO_WORDS.items()}
_SHIP_FROM_BEFORE = {lg: re.compile(f"(?:{w})[^,;.:，。；、\\d]{{0,30}}$", re.I)
                     for lg, w in _SHIP_FROM_WORDS.items()}
# ko/ja mark the receiving ship after it (선박에, 船に) and the supplying one with 에서/から
_SHIP_TO_AFTER = re.compile(r"^(?:들)?(?:에게|에|으로|로|に|へ)(?!서|부터)")
_SHIP_FROM_AFTER = re.compile(r"^(?:들)?(?:에서|로부터|으로부터|から)")
_CARGO_TYPES = ("petroleum_transfer", "other_violation")


def _ship_heads(facts: SentenceFacts) -> list[tuple[int, int]]:
    """Ship words of the sentence, one per ship: overlapping keys (선/선박, 船/船籍) and
    a ship word inside a flag word count once (the longest)."""
    flags = facts.cues.get("flag", [])
    ships = facts.cues.get("ship", [])
    # "the Panama-flagged Xin Yuan 18": a "-flagged" word without a ship word after it
    # stands for the ship
    named = [(fs, fe) for fs, fe in flags if _FLAG_BEFORE_SHIP.search(_rel(facts, fs, fe))
             and "-" in _rel(facts, fs - 1, fs + 1)
             and not any(0 <= s - fe <= 12 for s, _ in ships)]
    spans = sorted(ships + named, key=lambda se: (se[0], -(se[1] - se[0])))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if (s, e) not in named and any(fs <= s and e <= fe and (fe - fs) > (e - s)
                                       for fs, fe in flags):
            continue  # 船 in 船籍, "-flagged" is no ship
        if out and s < out[-1][1]:
            continue
        out.append((s, e))
    return out


def _ship_flag(facts: SentenceFacts, head: tuple[int, int], heads: list[tuple[int, int]],
               lang: str) -> str | None:
    """The flag of one ship: a country right before it ("North Korean-flagged vessel",
    "российский танкер", "북한 선박", "朝鲜船只", "北朝鮮船籍の船"), an adjective right
    after it ("navire nord-coréen", "buque panameño"), or a flag phrase after it ("tanker
    flying the flag of Sierra Leone", "Tanker unter der Flagge Panamas", "pétrolier
    battant pavillon panaméen")."""
    s, e = head
    prev_end = max((he for _hs, he in heads if he <= s), default=facts.sentence.start)
    next_start = min((hs for hs, _he in heads if hs >= e), default=facts.sentence.end)
    best: tuple[int, str] | None = None
    for c in facts.countries:
        if c.based:
            continue
        if prev_end <= c.start and c.end <= s and s - c.end <= 15 and \
                not _CONTEXT_CUT.search(_rel(facts, c.end, s)):
            d = s - c.end
        elif e <= c.start < next_start and not _CONTEXT_CUT.search(_rel(facts, e, c.start)) \
                and lang not in ("ko", "ja", "zh") and (
                (c.kind == "adjective" and c.start - e <= 2)
                or (c.start - e <= 40 and any(e <= fs and fe <= c.start
                                              for fs, fe in facts.cues.get("flag", [])))):
            d = 20 + c.start - e
        else:
            continue
        if best is None or d < best[0]:
            best = (d, c.iso2)
    return best[1] if best else None


def _ship_side(facts: SentenceFacts, head: tuple[int, int], lang: str) -> str:
    s, e = head
    if lang in _SOV:
        after = _rel(facts, e, e + 6)
        if _SHIP_FROM_AFTER.match(after):
            return "from"
        return "to" if _SHIP_TO_AFTER.match(after) else ""
    if lang not in _SHIP_TO_BEFORE:
        return ""
    before = _rel(facts, s - 40, s)
    # the nearest marker decides ("from a tanker to a vessel")
    to = _SHIP_TO_BEFORE[lang].search(before)
    frm = _SHIP_FROM_BEFORE[lang].search(before)
    if to and frm:
        return "to" if to.start() > frm.start() else "from"
    return "to" if to else ("from" if frm else "")


def ships_as_parties(facts: SentenceFacts, lang: str, drafts: list[Draft]) -> list[Draft]:
    """A delivery whose sender and recipient are both ships is a ship-to-ship transfer,
    with or without the words "ship-to-ship": "a tanker flying the flag of Sierra Leone
    transferred 8,000 barrels of diesel to a North Korean-flagged vessel", "ein Tanker
    pumpte Diesel auf ein nordkoreanisches Schiff", "un pétrolier a transféré du gazole
    vers un navire nord-coréen", "танкер перекачал топливо на северокорейское судно",
    "유조선이 북한 선박에 경유를 옮겨 실었다", "タンカーが北朝鮮船籍の船に軽油を移し替えた",
    "油轮向朝鲜船只转运柴油". Direction: the supplying ship's flag (or the cargo's origin)
    → the receiving ship's flag; the cargo's amount is kept."""
    cargo_drafts = [d for d in drafts if d.type in _CARGO_TYPES]
    if not cargo_drafts or not facts.cues.get("ship") or \
            len(facts.cues["ship"]) + len(facts.cues.get("flag", [])) < 2:
        return drafts
    heads = _ship_heads(facts)
    if len(heads) < 2:
        return drafts
    sides = [(_ship_side(facts, h, lang), h) for h in heads]
    to = [h for side, h in sides if side == "to"]
    frm = [h for side, h in sides if side == "from"]
    plain = [h for side, h in sides if side == ""]
    if to and (frm or plain):
        receiver = to[0]
        # the supplier: a ship marked "from", else the unmarked ship (the subject) nearest
        # before the receiver
        before = [h for h in plain if h[0] < receiver[0]]
        sender = frm[0] if frm else (before[-1] if before else plain[0])
    elif frm and plain and not to:
        sender, receiver = frm[0], plain[0]  # "the vessel received oil from a tanker"
    else:
        return drafts
    send_flag = _ship_flag(facts, sender, heads, lang)
    recv_flag = _ship_flag(facts, receiver, heads, lang)
    s = facts.sentence
    out = [d for d in drafts if d.type not in _CARGO_TYPES]
    for d in cargo_drafts:
        hit = next((h for h in facts.items if h.start == d.at), None)
        origin = _origin_adjective(facts, hit, lang) if hit else None
        # (an adjective after the cargo may be the receiving ship's: "gazole vers un navire
        # nord-coréen")
        frm_c = send_flag or (origin if origin != recv_flag else None)
        if recv_flag is None or frm_c == recv_flag or KP not in (frm_c, recv_flag):
            return drafts  # not two ships of known, different flags with the DPRK on one side
        out.append(replace(d, type="ship_to_ship_transfer", from_=frm_c, to=recv_flag,
                           start=s.start, end=s.end))
    return _dedupe(out)


def _dedupe(drafts: list[Draft]) -> list[Draft]:
    seen: set[tuple[object, ...]] = set()
    out = []
    for d in drafts:
        key = (d.type, d.from_, d.to, d.item, d.quantity, d.unit)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out


# --- direction fixes: a port the ship arrives at is the destination of its cargo ---
# "docked at Ningbo", "arrived at the Chinese port of Longkou", "entered Ningbo port",
# "legte in Dalian an" (the verb after: _ARRIVAL_AFTER), "a accosté à Nampo", "atracó en
# el puerto de Dalian", "прибыл в порт Находка", "驶入宁波港"; ko/ja mark it after the port
# ("닝보항에 입항", "寧波港に入港")
_ARRIVAL_BEFORE = re.compile(
    r"(?:\b(?:docked|docking|docks|berthed|moored|anchored|arrived|arrives|arriving|called|"
    r"calling|entered|entering|pulled|sailed|put)\s+(?:at|in|into|off)?|"
    r"\b(?:erreichte|erreichten|erreicht)|"
    r"\b(?:accost\w*|amarr\w*|arriv\w*|entr\w*|escale)\s+(?:à|au|dans|en|al|el|a)|"
    r"\b(?:atrac\w*|fonde\w*|lleg\w*|arrib\w*|escala)\s+(?:en|a|al)|"
    r"\b(?:прибыл\w*|заш[её]л|зашло|зашли|пришвартова\w*|заход\w*)\s+(?:в|во)|"
    r"停靠|驶入|駛入|抵达|抵達|驶抵|进入|進入|靠泊|到达|到達)"
    r"(?:\s+(?:the\s+|le\s+|el\s+|den\s+)?(?:[\w-]+\s+){0,2}?(?:port\s+(?:of\s+)?|"
    r"hafen\s+(?:von\s+)?|port\s+d[eu]\s+|puerto\s+de\s+|порт\w*\s+))?\s*(?:the\s+)?$",
    re.I)
# German puts the verb last: "im Hafen von Dalian angelegt", "in Nachodka eingelaufen"
_DE_ARRIVAL_AFTER = re.compile(r"^(?:\s+\w+){0,2}?\s+(?:angelegt|eingelaufen|einlief\w*|"
                               r"anlegte\w*|festgemacht|ankerte\w*|vor anker)", re.I)
_DE_IN_BEFORE = re.compile(r"\b(?:in|im)(?:\s+(?:den\s+)?hafen\s+(?:von\s+)?)?\s*$", re.I)
_CJK_ARRIVAL_AFTER = re.compile(r"^(?:항|港)?(?:에|に)\s?(?:입항|정박|도착|기항|접안|入港|寄港|"
                                r"停泊|到着|着岸|接岸)")


def _arrival_port(facts: SentenceFacts, lang: str) -> str | None:
    """The country of the one port the sentence's ship arrives at, if any."""
    found = set()
    for p in facts.ports:
        if lang in ("ko", "ja"):
            hit = bool(_CJK_ARRIVAL_AFTER.match(_rel(facts, p.end, p.end + 8)))
        elif lang == "de":
            hit = bool(_DE_IN_BEFORE.search(_rel(facts, p.start - 24, p.start))
                       and _DE_ARRIVAL_AFTER.match(_rel(facts, p.end, p.end + 40)))
            hit = hit or bool(_ARRIVAL_BEFORE.search(_rel(facts, p.start - 50, p.start)))
        else:
            hit = bool(_ARRIVAL_BEFORE.search(_rel(facts, p.start - 50, p.start)))
        if hit:
            found.add(p.country)
    return found.pop() if len(found) == 1 else None


def arrival_ports(facts: SentenceFacts, lang: str, drafts: list[Draft]) -> list[Draft]:
    """A ship carrying cargo that docks at (arrives at, enters) a named port delivers it
    to the port's country, not to its flag state: "a vessel carrying North Korean coal
    docked at Ningbo" → coal KP→CN. A recipient the sentence marks ("to Russia") stays."""
    if not facts.ports:
        return drafts
    c = _arrival_port(facts, lang)
    if c is None:
        return drafts
    off_to = {m.iso2 for m in facts.countries if m.role == "to"}
    out = []
    for d in drafts:
        if d.type in _CARGO_TYPES and d.from_ not in (None, c) and d.to not in off_to \
                and (d.type != "petroleum_transfer" or c == KP):
            d = replace(d, to=c)
        out.append(d)
    return out
