"""Roles that depend on the clause a country stands in, not only on its marker:

* the source of a claim: a country inside a speech clause (", Ukrainian intelligence
  said", ", afirmó el Ministerio de Defensa en Seúl", "…넘겼다고 한국 국방부가 밝혔다") or a
  source phrase ("claims by Seoul", "обвинения Сеула", "韓国の主張") is never a party,
  when the claim itself still names its parties;
* armed forces as recipients: "to Russian forces fighting in Ukraine", "aux forces
  russes", "российским войскам", "ロシア軍に", "向在…作战的俄军" — the demonym of the forces
  is the recipient and the place they fight in is not;
* "supplied Russia with shells", "versorgte Russland mit Granaten": the object of a
  supply verb construed with "with / mit" is the recipient.

Everything here runs only on sentences that already hold an event cue, and only looks
at short windows around cue and country positions.
"""

from __future__ import annotations

import re
from dataclasses import replace

from sanctionwatch.extract.regex_util import guarded
from sanctionwatch.extract.roles import CountryMention
from sanctionwatch.extract.speaker import speech_sources

KP = "KP"
_CLAUSE = re.compile(r"[,;—–()，；]|、(?=[^、]{6})|\s-\s")
_TRIGGERS = ("give", "get", "deploy", "steal", "sts", "port_call", "assist", "work")
# source prepositions: the first country of the phrase after them is the source
_SOURCE_PREP = re.compile(r"^(?:according to|laut|selon|d'après|según|de acuerdo con|"
                          r"по данным|по словам|согласно|citing|nach angaben|据)", re.I)
_CONFIRM = re.compile(r"(?:confirm|bestätig|подтверд|admit|acknowledg|확인|確認|证实|承认)",
                      re.I)
# "claims by Seoul", "Vorwürfe aus Washington", "accusations de Séoul", "обвинения Сеула"
_CLAIM_GAP = re.compile(r"^\s*(?:made\s+|raised\s+|levelled\s+|leveled\s+)?(?:by|from|of|aus|von|"
                        r"seitens|de|d'|du|des|del|por|par|со стороны)?\s*(?:the|der|des|la|le|"
                        r"l'|el|los|las)?\s*$", re.I)
_CJK_CLAIM_GAP = ("", "의", "측", "측의", "の", "側の", "的", "方面的", "方的")
# armed forces after (en/de/ru) or before (fr/es) the demonym
_ARMY_AFTER = re.compile(r"\s+(?:armed\s+|ground\s+|regular\s+)?(?:forces|troops|army|military|"
                         r"units|soldiers|servicemen|truppen|streitkräfte\w*|armee|einheiten|"
                         r"soldaten|militärs|войск\w*|арми\w*|сил(?:ам|ами|ах)?|"
                         r"подразделени\w*|военн\w*|солдат\w*|военнослужащ\w*)(?!\w)", re.I)
_ARMY_BEFORE = re.compile(r"(?:^|\s)(?:aux|à|au|a|al|vers|pour|para|hacia)\s+(?:des\s+|les\s+|"
                          r"la\s+|las\s+|los\s+|el\s+|l')?(?:forces|troupes|armée|unités|soldats|"
                          r"militaires|fuerzas|tropas|ejército|unidades|soldados|militares|"
                          r"ports?|puertos?)(?:\s+armées|\s+armadas|\s+terrestres)?\s+$", re.I)
_ARMY_NOUN_BEFORE = re.compile(r"(?:forces|troupes|armée|unités|soldats|militaires|fuerzas|tropas|"
                               r"ejército|unidades|soldados|militares)(?:\s+armées|\s+armadas)?"
                               r"\s+$", re.I)
_FOR_BEFORE = re.compile(r"(?:^|\s)(?:for|für|pour|para|для)\s+(?:the\s+|die\s+|den\s+|les\s+|"
                         r"las\s+|los\s+)?$", re.I)
_RU_DATIVE_ARMY = re.compile(r"(?:им|ым)\s+(?:войскам|силам|подразделениям|военным|"
                             r"военнослужащим|солдатам)(?!\w)", re.I)
_LOCATIVE = re.compile(r"(?:^|\s)(?:in|im|en|au|в|во|на)\s+(?:der\s+|the\s+)?"
                       r"(?:(?:north|south|east|west)\w*\s+)?$", re.I)
# "fighting in Ukraine", "kämpfen in der Ukraine", "combattent en Ukraine", "воюют в
# Украине": the battlefield is no recipient
_FIGHT_IN = re.compile(r"(?:fighting|fight|fought|battling|kämpf\w*|combatt\w*|combat\w*|"
                       r"luch\w*|воюющ\w*|воюют|воевал\w*|сражающ\w*|сражаются|сражал\w*)"
                       r"\s+(?:[\w-]+\s+){0,2}?(?:in|im|en|au|в|во|на)\s+(?:der\s+|the\s+)?"
                       r"(?:(?:north|south|east|west)\w*\s+)?$",
                       re.I)
_JA_ARMY = re.compile(r"(?:軍|部隊)(に対し|に|へ|向け)")
_ZH_TO_NP = re.compile(r"[向给对][^，。；、,;]{1,16}的$")
_JA_FIGHT_AT = re.compile(r"で(?:戦|戦闘|参戦|作戦|活動|駐留)")
_ZH_FIGHT_AT = re.compile(r"[^，。；,;]{0,6}?(?:作战|战斗|参战|打仗)")
# German: the name before an auxiliary is the subject ("Nordkorea hat Russland … geliefert")
_DE_AUX = re.compile(r"\s(?:hat|habe|haben|hatte|hätte|hatten|soll|sollen|sollte|dürfte|"
                     r"könnte|wird|würde)\s", re.I)
_DE_AUX_BEFORE = re.compile(r"\s(?:hat|habe|haben|hatte|hätte|soll|sollen|sollte|dürfte)\s+$",
                            re.I)
_DE_ZU_INF = re.compile(r"[^,;.]{0,60}?\s(?:ge\w+|\w+t)\s+zu\s+(?:haben|sein)\b", re.I)
# an accusation verb right before the accused: "accused North Korea", "acusa a Corea del
# Norte", "accuse la Corée du Nord", "beschuldigt Pjöngjang", "обвиняют КНДР"
_ACCUSE_BEFORE = re.compile(r"(?:accus\w*|acus\w*|beschuldig\w*|bezichtig\w*|werfen|wirft|"
                            r"warf|warfen|обвиня\w*|обвинил\w*)\s+(?:a\s+|à\s+|la\s+|le\s+|"
                            r"el\s+|l'|the\s+)?$", re.I)
_DE_PRONOUN_AUX = re.compile(r"(?:^|\s)(?:es|er|sie)\s+(?:habe|hat|hätte|haben|hätten)\s+$",
                             re.I)
_KO_FIGHT_AT = re.compile(r"에서\s?(?:싸우|전투|참전|교전|작전|주둔|활동)")
# "supplied Russia with shells", "versorgte Russland mit Granaten"
_WITH_VERB = re.compile(r"(?<!\w)(?:suppl(?:y|ies|ied|ying)|provid(?:e|es|ed|ing)|"
                        r"furnish(?:es|ed|ing)?|"
                        r"equipp?(?:ed|ing|s)?|arm(?:ed|ing|s)?|re-?suppl(?:y|ied|ying)|"
                        r"versorg\w*|beliefer\w*|ausgestattet|ausrüst\w*|approvisionn\w*|"
                        r"ravitaill\w*|équip\w*|dot\w*)\s+(?:the\s+|die\s+|das\s+|den\s+|la\s+|"
                        r"le\s+|l')?$", re.I)
_WITH_AFTER = re.compile(r"[\w'’ -]{0,30}?\s(?:with|mit|en|de)\s", re.I)


# a subordinate clause puts its verb last, so the name opening it is its subject:
# "…, dass Nordkorea Russland Granaten geliefert habe", "weil Pjöngjang Moskau Raketen …"
_DE_SUBORD_BEFORE = re.compile(r"(?<!\w)(?:dass|daß|ob|weil|nachdem|obwohl|wenn|seit|"
                               r"seitdem|sodass|damit|wonach)\s+$", re.I)
# "поставленные КНДР снаряды", "переданные Пхеньяном ракеты": the name right after a
# passive participle of a transfer verb is its agent, the supplier
_RU_PASSIVE_PARTICIPLE = guarded(
    "пво", r"(?<!\w)(?:поставлен|передан|продан|отправлен|переброшен|присланн|"
    r"произведенн|произведённ|выпущенн)\w*\s+$", re.I)


def _ru_participle_agent(text: str, mentions: list[CountryMention]) -> list[CountryMention]:
    return [replace(m, role="from") if m.role in ("none", "to", "subject")
            and m.kind != "adjective"
            and _RU_PASSIVE_PARTICIPLE.search(text[max(0, m.start - 24):m.start]) else m
            for m in mentions]


def refine_roles(text: str, s_start: int, s_text: str, mentions: list[CountryMention],
                 cues: dict[str, list[tuple[int, int]]], item_spans: list[tuple[int, int]],
                 lang: str) -> list[CountryMention]:
    """Mentions with source, armed-forces and supply-with roles applied."""
    if lang == "ru" and ("ленн" in s_text or "анн" in s_text or "щенн" in s_text):
        mentions = _ru_participle_agent(text, mentions)
    if len(mentions) < 2:
        return mentions  # one country alone gains nothing from these rules
    out = mentions
    if "give" in cues or "get" in cues or "deploy" in cues:
        out = [_forces_role(text, m, lang) for m in out]
        out = _fight_location(text, out, lang)
        if lang in ("en", "de", "fr"):
            out = [_with_role(text, m) for m in out]
    if lang == "de":
        # "es habe Russland Raketen geliefert": after a pronoun subject and its
        # auxiliary, a name is the (dative) recipient
        out = [replace(m, role="to") if m.role == "none" and m.kind != "adjective" and
               _DE_PRONOUN_AUX.search(text[max(0, m.start - 16):m.start]) else m for m in out]
    if lang == "de" and "get" in cues:
        out = _de_passive_agent_of_get(text, out, cues)
    if lang == "de" and "give" in cues:
        out = _de_dative_army(text, out)
    out = _accused(text, out, lang, cues)
    out = _sources(s_start, s_text, out, cues, item_spans, lang)
    if "attrib" in cues:
        out = speech_sources(s_start, s_text, out, cues, item_spans, lang)
    return _de_subject(text, s_start, out, cues) if lang == "de" else out


# "Nordkorea hat der russischen Armee Granaten geliefert": a dative article (der + fem.,
# den + plural, dem) right after the subject name or a finite verb opens the recipient;
# after a noun "der" is a genitive ("Granaten der russischen Armee")
_DE_DATIVE_ARTICLE = re.compile(r"(?:\s(?:hat|habe|haben|hatte|hätte|hatten|soll|sollen|"
                                r"sollte|lieferte\w*|liefert|schickte\w*|schickt|verkaufte\w*|"
                                r"verkauft|gab|gaben|gibt|überließ\w*|übergab\w*)"
                                r"(?:\s+\w+){0,2}?|\uE000)\s+(?:der|den|dem)\s+$", re.I)
_DE_ARMY_AFTER = re.compile(r"\w*\s+(?:armee|truppen|streitkräften|einheiten|soldaten|"
                            r"militär)(?!\w)", re.I)


def _de_dative_army(text: str, out: list[CountryMention]) -> list[CountryMention]:
    res = []
    for m in out:
        if m.role in ("none", "subject", "from") and m.kind == "adjective" \
                and _DE_ARMY_AFTER.match(text, m.end):
            before = text[max(0, m.start - 48):m.start]
            # a country name just before the article counts as the subject (marked \uE000)
            for o in out:
                if o is not m and o.kind != "adjective" and m.start - 12 < o.end <= m.start:
                    cut = o.end - max(0, m.start - 48)
                    before = before[:cut] + " \uE000" + before[cut:]
            if _DE_DATIVE_ARTICLE.search(before):
                m = replace(m, role="to")
        res.append(m)
    return res


_DE_PASSIVE_AUX = re.compile(r"(?<!\w)(?:wird|werden|wurde|wurden|worden)\s", re.I)
_DE_VON_BEFORE = re.compile(r"(?<!\w)von\s+(?:der\s+|dem\s+|den\s+)?$", re.I)


def _de_passive_agent_of_get(text: str, out: list[CountryMention],
                             cues: dict[str, list[tuple[int, int]]]) -> list[CountryMention]:
    """"Nordkoreanische Raketen werden von Russland eingesetzt": the "von" agent of a
    passive receiving/using verb is the user, the recipient (a "von" agent of a passive
    giving verb — "von Nordkorea geliefert" — stays the supplier)."""
    res = []
    for m in out:
        if m.role == "from" and _DE_VON_BEFORE.search(text[max(0, m.start - 10):m.start]):
            start = max(0, m.start - 60)
            aux = _DE_PASSIVE_AUX.search(text, start, m.start)
            gets = [st for st, _ in cues["get"] if st > m.end
                    and not _CLAUSE.search(text, m.end, st)]
            gives = [st for st, _ in cues.get("give", []) if st > m.end
                     and not _CLAUSE.search(text, m.end, st)]
            if aux and gets and not gives:
                m = replace(m, role="to")
        res.append(m)
    return res


def _de_subject(text: str, s_start: int, out: list[CountryMention],
                cues: dict[str, list[tuple[int, int]]]) -> list[CountryMention]:
    """German word order: the name before an auxiliary ("Nordkorea hat Russland …
    geliefert"), right after a fronted auxiliary ("Im Mai hat Nordkorea Russland …") or
    opening a clause whose verb comes last ("Nordkorea stellte Russland Raketen zur
    Verfügung") is the subject, not the name nearest to the participle."""
    # "…, Russland Waffen geliefert zu haben": a name opening a zu-infinitive clause is
    # its dative object (the subject is left out)
    out = [replace(m, role="to") if m.role == "none" and m.kind != "adjective"
           and text[max(0, m.start - 2):m.start] == ", "
           and _DE_ZU_INF.match(text, m.end) else m for m in out]
    k = next((i for i, m in enumerate(out) if m.role != "source" and not m.based), None)
    if k is None:
        return out
    first = out[k]
    if first.role != "none" or first.kind == "adjective" or not any(
            m.role == "none" and m.kind != "adjective" for m in out[k + 1:]):
        return out
    before = text[max(0, first.start - 16):first.start]
    opening = (len(text[s_start:first.start].split()) <= 1
               or _DE_SUBORD_BEFORE.search(before) is not None) and any(
        first.end < st and not _CLAUSE.search(text, first.end, st)
        for k in ("give", "get") for st, _ in cues.get(k, []))
    if opening or _DE_AUX.match(text, first.end) or (
            _DE_AUX_BEFORE.search(before) and not _DE_PRONOUN_AUX.search(before)):
        out = list(out)
        out[k] = replace(first, role="subject")
    return out


def _forces_role(text: str, m: CountryMention, lang: str) -> CountryMention:
    if m.role not in ("none", "subject"):
        return m
    if lang == "ja":
        ja = _JA_ARMY.match(text, m.end)
        if ja:
            return replace(m, role="to")
        return m
    if lang == "zh":
        if _ZH_TO_NP.search(text[max(0, m.start - 18):m.start]):
            return replace(m, role="to")
        return m
    if lang == "ko":
        return m
    before = text[max(0, m.start - 32):m.start]
    if lang in ("fr", "es"):
        return replace(m, role="to") if _ARMY_BEFORE.search(before) else m
    army = _ARMY_AFTER.match(text, m.end, min(len(text), m.end + 40))
    if army is None:
        return m
    if _FOR_BEFORE.search(before):
        return replace(m, role="to")  # "shells for Russian troops"
    if lang == "ru" and _RU_DATIVE_ARMY.match(text, m.end - 2):
        return replace(m, role="to")  # "снаряды российским войскам"
    return m


def _army_recipient(text: str, m: CountryMention, lang: str) -> bool:
    if m.role != "to":
        return False
    if lang == "ja":
        return bool(_JA_ARMY.match(text, m.end))
    if lang == "ko":
        return text[m.end - 1:m.end] == "군"
    if lang == "zh":
        return text[m.end - 1:m.end] in ("军", "軍") or text[m.end:m.end + 2] == "军队"
    if lang in ("fr", "es"):
        return bool(_ARMY_BEFORE.search(text[max(0, m.start - 32):m.start]))
    return bool(_ARMY_AFTER.match(text, m.end, min(len(text), m.end + 40)))


def _fight_location(text: str, ms: list[CountryMention], lang: str) -> list[CountryMention]:
    """"to Russian forces fighting in Ukraine", "우크라이나에서 싸우는 러시아군에": the place
    where the receiving forces fight is no party."""
    if lang == "ko":
        return [replace(m, role="place") if m.role == "from" and _KO_FIGHT_AT.match(text, m.end)
                else m for m in ms]
    if lang in ("ja", "zh"):
        # "ウクライナで戦う…", "在乌克兰作战的…"
        return [replace(m, role="place") if m.role == "none" and (
            _JA_FIGHT_AT.match(text, m.end) if lang == "ja" else
            text[m.start - 1:m.start] == "在" and _ZH_FIGHT_AT.match(text, m.end)) else m
                for m in ms]
    cands = [m for m in ms if m.role == "to" and m.iso2 != KP
             and _LOCATIVE.search(text[max(0, m.start - 24):m.start])]  # fights end so too
    if not cands:
        return ms
    armies = [m for m in ms if _army_recipient(text, m, lang) or (
        m.iso2 != KP and m.kind == "adjective" and (
            _ARMY_NOUN_BEFORE.search(text[max(0, m.start - 24):m.start]) if lang in ("fr", "es")
            else _ARMY_AFTER.match(text, m.end, min(len(text), m.end + 40))))]
    out = []
    for m in ms:
        if m in cands and m not in armies and (
                _FIGHT_IN.search(text[max(0, m.start - 40):m.start]) or (
                any(0 < m.start - a.end <= 60 for a in armies)
                and _LOCATIVE.search(text[max(0, m.start - 24):m.start]))):
            m = replace(m, role="place")
        out.append(m)
    return out


def _with_role(text: str, m: CountryMention) -> CountryMention:
    if m.role != "none":
        return m
    end = m.end
    if m.kind == "adjective":  # "supplied Russian forces with shells"
        army = _ARMY_AFTER.match(text, m.end, min(len(text), m.end + 40))
        if army is None:
            return m
        end = army.end()
    if not (_WITH_AFTER.match(text, end)
            and _WITH_VERB.search(text[max(0, m.start - 24):m.start])):
        return m
    return replace(m, role="to")


def _accused(text: str, ms: list[CountryMention], lang: str,
             cues: dict[str, list[tuple[int, int]]]) -> list[CountryMention]:
    """"Estados Unidos acusa a Corea del Norte de suministrar …": the accused (after the
    verb, with Spanish personal "a") is no recipient, and the accuser before the verb is
    the source of the claim when two other parties are named."""
    if lang in ("ko", "ja", "zh") or not cues.get("hedge"):
        return ms
    out = list(ms)
    for i, m in enumerate(out):
        verb = _ACCUSE_BEFORE.search(text[max(0, m.start - 24):m.start])
        if verb is None:
            continue
        if m.role == "to":
            out[i] = m = replace(m, role="none")
        accusers = [j for j, a in enumerate(out[:i]) if a.iso2 != KP and not a.based
                    and m.start - a.end <= 50 and a.role in ("none", "subject")]
        parties = {c.iso2 for j, c in enumerate(out) if j not in accusers}
        if accusers and len(parties) >= 2:
            for j in accusers:
                out[j] = replace(out[j], role="source")
    return out


def _clause_bounds(s_text: str, pos: int) -> tuple[int, int]:
    lo = 0
    for mm in _CLAUSE.finditer(s_text, 0, pos):
        lo = mm.end()
    nxt = _CLAUSE.search(s_text, pos)
    return lo, nxt.start() if nxt else len(s_text)


def _sources(s_start: int, s_text: str, ms: list[CountryMention],
             cues: dict[str, list[tuple[int, int]]], item_spans: list[tuple[int, int]],
             lang: str) -> list[CountryMention]:
    attrib = cues.get("attrib", [])
    claims = cues.get("claim", [])
    if not attrib and not claims:
        return ms
    cands = [m for m in ms if m.iso2 != KP and not m.based and m.role not in ("against",)]
    if not cands:
        return ms
    triggers = sorted([st - s_start for k in _TRIGGERS for st, _ in cues.get(k, [])]
                      + [st - s_start for st, _ in item_spans])
    loose: set[int] = set()  # sources when one other party is left
    strict: set[int] = set()  # sources when two other parties are left ("Seoul said …")
    for st, en in attrib:
        p, pe = st - s_start, en - s_start
        lo, hi = _clause_bounds(s_text, p)
        inside = [t for t in triggers if lo <= t < hi]
        word = s_text[p:pe]
        if not inside:
            if triggers and all(t < lo for t in triggers):
                # a trailing comment takes the clauses after the claim with it: ", the
                # head of Ukraine's intelligence, Kyrylo Budanov, said"
                lo = _clause_bounds(s_text, max(triggers))[1]
            # "Pyongyang sent shells, Moscow confirmed": a party may confirm its own deal
            span, strict_span = (lo, hi), bool(_CONFIRM.match(word))
        elif _SOURCE_PREP.match(word):
            # "Laut ukrainischem Geheimdienst lieferte Nordkorea …": the first country
            nxt = next((c for c in ms if p <= c.start - s_start < min(
                [t for t in inside if t > p] + [pe + 40])), None)
            if nxt is not None and nxt in cands:
                loose.add(nxt.start)
            continue
        elif all(t > p for t in inside):
            span, strict_span = (lo, pe), True  # "Seoul said Pyongyang had …"
        elif all(t < p for t in inside) and lang in ("ko", "ja"):
            last = max(inside)
            span, strict_span = (last, pe), False  # "…넘겼다고 한국 국방부가 밝혔다"
        else:
            continue
        for c in cands:
            if span[0] <= c.start - s_start < span[1]:
                (strict if strict_span else loose).add(c.start)
    for st, en in claims:
        for c in cands:
            if lang in ("ko", "ja", "zh"):
                gap = s_text[c.end - s_start:st - s_start].strip()
                if c.end <= st and (gap in _CJK_CLAIM_GAP or (
                        lang == "zh" and gap[:2] in ("关于", "有关", "对于") and len(gap) < 30)):
                    loose.add(c.start)  # "韩国关于其向俄罗斯提供…的指控"
            elif 0 <= c.start - en <= 24 and _CLAIM_GAP.match(s_text[en - s_start:
                                                                  c.start - s_start]):
                loose.add(c.start)
    if not loose and not strict:
        return ms
    others = {m.iso2 for m in ms if m.start not in loose | strict and not m.based
              and m.role != "against"}
    if len(others) < 1:
        return ms
    drop = set(loose)
    if len(others - {m.iso2 for m in ms if m.start in strict}) >= 2:
        drop |= strict
    return [replace(m, role="source") if m.start in drop else m for m in ms]


# personnel who receive training: "North Korean officers", "militaires nord-coréens"
_TRAINEES = {
    "en": r"officers|soldiers|troops|military|personnel|pilots|engineers|operators|crews|"
          r"cadets|servicemen|staff|scientists",
    "de": r"offiziere\w*|soldaten|militärs|piloten|personal|ingenieure\w*|besatzung\w*|"
          r"streitkräfte\w*",
    "fr": r"officiers|soldats|militaires|pilotes|personnels?|ingénieurs|équipages",
    "es": r"oficiales|soldados|militares|pilotos|personal|ingenieros|tripulaciones",
    "ru": r"офицер\w*|солдат\w*|военн\w*|пилот\w*|личн\w* состав\w*|инженер\w*|"
          r"военнослужащ\w*",
    "ko": r"장교|군인|병사|조종사|기술진|인원|요원|장병",
    "ja": r"将校|兵士|軍人|操縦士|要員|隊員",
    "zh": r"军官|士兵|军人|飞行员|人员",
}
_TRAINEE_AFTER = {lg: re.compile(r"(?:\s?[\w-]+)?\s?(?:" + words + r")(?!\w)" if lg not in (
    "ko", "ja", "zh") else r"\s?(?:의|の|的)?\s?(?:" + words + ")", re.I)
    for lg, words in _TRAINEES.items()}
_TRAINEE_BEFORE = {lg: re.compile(r"(?:^|\s)(?:" + _TRAINEES[lg] + r")(?:\s[\w-]+)?\s$", re.I)
                   for lg in ("fr", "es")}
_CJK_LINK = ("", "의", "の", "的", "军事", "軍事", "군사")


def agent_sides(s_text: str, s_start: int, countries: list[CountryMention],
                cues: dict[str, list[tuple[int, int]]], lang: str) -> tuple[str | None, str | None]:
    """Who teaches whom by demonym: "Russian specialists trained North Korean officers",
    "des spécialistes russes auraient formé des militaires nord-coréens" — the adjective
    of the experts is the provider, the adjective of the trained personnel the recipient."""
    experts = [(st - s_start, en - s_start) for st, en in cues.get("experts", [])]
    provider = recipient = None
    cjk = lang in ("ko", "ja", "zh")
    # in the SVO languages the trained personnel are the object: after the help verb
    # ("Russian engineers analysed the data …": engineers before the verb teach nobody)
    verb_end = min((en - s_start for _, en in cues.get("assist", [])), default=None)
    for c in countries:
        if c.role in ("against", "source", "place") or c.based:
            continue
        cs, ce = c.start - s_start, c.end - s_start
        for es_, ee in experts:
            if lang in ("fr", "es"):
                gap = s_text[ee:cs]
                ok = 0 <= cs - ee <= 16 and len(gap.split()) <= 1 and not gap.strip(" ")
                ok = ok or (0 <= cs - ee <= 16 and len(gap.split()) == 1
                            and gap.startswith(" ") and gap.endswith(" "))
            elif cjk:
                ok = 0 <= es_ - ce <= 3 and s_text[ce:es_].strip() in _CJK_LINK
            else:
                gap = s_text[ce:es_]
                ok = 0 <= es_ - ce <= 16 and len(gap.split()) <= 1
            if ok and provider is None:
                provider = c.iso2
        if provider == c.iso2:
            continue
        if not cjk and verb_end is not None and cs < verb_end:
            continue
        if lang in ("fr", "es"):
            hit = bool(_TRAINEE_BEFORE[lang].search(s_text[max(0, cs - 30):cs]))
        else:
            pat = _TRAINEE_AFTER.get(lang)
            hit = bool(pat and pat.match(s_text, ce))
        if hit and recipient is None:
            recipient = c.iso2
    return provider, recipient
