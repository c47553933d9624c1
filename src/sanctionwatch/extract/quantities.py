"""Numbers in news text: locale digit separators, scale words, ranges, currencies, units.

``find_quantities(text, lang)`` returns ``Quantity`` records. Approximators ("more than",
"rund", "более", "以上", "이상", "约", "más de", "10여") are skipped: the number as written
is kept. A range "A to B" gives ``value=A`` and ``value_max=B``. Amounts in a currency
other than US dollars keep ``currency`` but get no unit (they are not converted).
"""

from __future__ import annotations

import re
from functools import cache

from sanctionwatch.extract.records import Quantity
from sanctionwatch.extract.regex_util import alternation_by_first_char, first_chars, guarded
from sanctionwatch.knowledge.gazetteer import unit_keys

_SCALES: dict[str, float] = {
    "thousand": 1e3, "thousands": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9,
    "billions": 1e9, "bn": 1e9, "b": 1e9, "m": 1e6, "mn": 1e6, "mln": 1e6, "k": 1e3,
    "tausend": 1e3, "millionen": 1e6, "milliarden": 1e9, "milliarde": 1e9, "mio": 1e6,
    "mrd": 1e9, "mille": 1e3, "milliards": 1e9, "milliard": 1e9,
    "mil": 1e3, "millón": 1e6, "millones": 1e6, "mil millones": 1e9,
    "тыс": 1e3, "тысяч": 1e3, "тысячи": 1e3, "тысячу": 1e3, "млн": 1e6, "миллион": 1e6,
    "миллиона": 1e6, "миллионов": 1e6, "млрд": 1e9, "миллиард": 1e9, "миллиарда": 1e9,
    "миллиардов": 1e9,
    "만": 1e4, "억": 1e8, "천": 1e3, "조": 1e12, "万": 1e4, "萬": 1e4, "億": 1e8, "亿": 1e8,
    "千": 1e3,
}
_WORDNUM: dict[str, float] = {
    # en
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12, "twenty": 20,
    "hundred": 100,
    # de
    "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8,
    "neun": 9, "zehn": 10, "zwölf": 12, "hundert": 100,
    # fr
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8, "neuf": 9,
    "dix": 10, "cent": 100,
    # es
    "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
    "nueve": 9, "diez": 10, "cien": 100,
    # ru
    "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
    "восемь": 8, "девять": 9, "десять": 10, "сто": 100,
    # ko native (with counters)
    "두": 2, "세": 3, "네": 4, "다섯": 5,
}
_CJK_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4,
               "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CJK_SMALL = {"十": 10, "百": 100, "千": 1000}
_CJK_BIG = {"万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8}

_CURRENCY_BEFORE = re.compile(r"(us\$|\$|usd\s?|€|eur\s?|£|¥|￥|₩|rub\s?)$", re.I)
_CURRENCY_AFTER = {
    "USD": ("dollar", "dollars", "usd", "us-dollar", "dólares", "долл", "달러", "ドル",
            "米ドル", "美元", "us$"),
    "EUR": ("euro", "euros", "eur", "евро", "유로", "ユーロ", "欧元"),
    "JPY": ("円", "yen", "엔", "日元", "иен"),
    "KRW": ("원", "won", "韩元", "ウォン"),
    "CNY": ("yuan", "元", "위안"),
    "RUB": ("рубл", "rubles", "roubles", "루블"),
}
_CURRENCY_FIRST = frozenset(w[0] for ws in _CURRENCY_AFTER.values() for w in ws)
_CURRENCY_SYMBOL = {"$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR",
                    "£": "GBP", "¥": "JPY", "￥": "JPY", "₩": "KRW", "rub": "RUB"}
_APPROX_AFTER = re.compile(r"^\s?(여|余|多|以上|이상|남짓|あまり|余り|超|plus)")
_SCALE_WORDS = sorted(_SCALES, key=len, reverse=True)
_SCALE_RE = re.compile(
    r"^\s?(" + "|".join(re.escape(w) for w in _SCALE_WORDS) + r")(?:\.|\b|(?=[^a-zа-я]))",
    re.I)
_RANGE_SEP = re.compile(r"^\s?(?:-|–|—|to|bis|und|and|à|a|y|до|и|~|～|에서|至|から)\s?", re.I)
_NB = r"(?<![0-9A-Za-zÀ-ÿА-Яа-яЁё.,])"
# the leading (?=\d) changes nothing that matches but lets the engine skip non-digits fast
# a space groups thousands ("100 000"), but not before a calibre ("50 122-mm howitzers")
_NOT_CALIBRE = r"(?!-?\s?(?:mm\b|мм\b|millim|milím|миллим))"
_NUM = re.compile(r"(?=\d)(?:" + _NB + r"\d{1,3}(?:(?:[,.']|\s(?=\d{3}\b" + _NOT_CALIBRE
                  + r"))\d{3})+"
                  r"(?:[.,]\d+)?(?!\d)|" + _NB + r"\d+(?:[.,]\d+)?(?!\d))")
# the same matches, faster: the first digit leads (so the engine skips to digits in C) and
# the boundary test looks back past it; both alternatives share that digit
_NUM_FAST = re.compile(r"\d" + _NB.replace("])", r"]\d)") + r"(?:\d{0,2}(?:(?:[,.']|\s(?=\d{3}\b"
                       + _NOT_CALIBRE + r"))\d{3})+(?:[.,]\d+)?(?!\d)|\d*(?:[.,]\d+)?(?!\d))")
_WORDS_LONGEST_FIRST = sorted(_WORDNUM, key=len, reverse=True)
_WORD_RE = re.compile("(?=" + first_chars(_WORDS_LONGEST_FIRST) + r")(?<!\w)("
                      + alternation_by_first_char(_WORDS_LONGEST_FIRST) + r")(?!\w)", re.I)
# _WORD_RE without re.I on the lowercased text (the same matches, several times faster:
# the engine tries the words only after a non-word character, and compares plain
# letters). That holds for every text without the characters below — the only ones whose
# lowercase is longer, or that re.I folds onto a letter of the number words without being
# that letter's lowercase (İ ı ſ and old Cyrillic letter forms); the test suite recomputes
# this list from _WORDNUM. The text's first character is tried with _WORD_RE itself.
_FOLD_SPECIAL = re.compile("[\u0130\u0131\u017f\u1c80-\u1c85]")
_WORD_LOWER = re.compile(r"\W(" + alternation_by_first_char(_WORDS_LONGEST_FIRST) + r")(?!\w)")
_WEEKDAY_BEFORE = ("星期", "礼拜", "禮拜", "周", "週")
_CJK_DIGIT_CLASS = "[〇零一二两兩三四五六七八九十百千]"
# an indefinite article after "at least" is the number one ("mindestens ein System")
_ONE_AFTER_APPROX = re.compile(
    r"(?=[mwacпкн])(?<!\w)(?:mindestens|wenigstens|au moins|al menos|como mínimo|по меньшей мере|"
    r"как минимум|не менее)\s(ein|eine|einen|einem|un|une|una|uno|один|одна|одно|одну|"
    r"одного|одной)(?!\w)", re.I)
# an article before a scale word is the number one: "eine Million Barrel", "un million de
# barils", "un millón de barriles", "a million shells" (group 1 is the article); only tried
# on text holding "milli"/"миллиа"/"billion"
_ONE_BEFORE_SCALE = guarded(
    "aeuoо",
    r"(?<!\w)(a|one|ein|eine|einer|einem|un|une|una|uno|один|одна|одного)\s"
    r"(?=(?:million|millionen|millón|milliard|milliarde|billion|миллион|миллиард)(?!\w))",
    re.I)
# a bare Russian "миллион"/"миллиард" is one million (no article): "миллион баррелей",
# "более миллиона снарядов"; not after a number ("тридцать миллионов", "2 миллиона")
_RU_BARE_SCALE = guarded("мМ", r"(?<!\w)(?=(?:миллион|миллиард)(?:а|ов)?(?!\w))", re.I)
_RU_NUMBER_BEFORE = re.compile(r"(?:\d|дцать|десят|сот|сто|сорок|полтора|полторы|двести|"
                               r"триста|один|одна|одного|два|две|три|четыре|пять|шесть|семь|"
                               r"восемь|девять|десять)\W{0,2}$", re.I)
_NOT_ONE_AFTER = set("些直起部带帶样樣般切定旦致同边邊系再度道向贯貫連连方")
_CJK_RE = re.compile(_CJK_DIGIT_CLASS + "+[万萬亿億]?" + _CJK_DIGIT_CLASS + "*")
_EXCLUDE_AFTER = re.compile(r"^\s?(mm|cm|km|%|prozent|per cent|percent|°|:\d|-mm|\s?mm\b|"
                            # calibres: "170ミリ", "170밀리", "170毫米", "170-мм", "155-millimeter"
                            r"-?\s?(?:mil+im[eè]t|milímet|мил+иметр)|-\s?мм|ミリ|밀리|미리|"
                            r"毫米|公厘|口径|구경|"
                            r"-foot|-meter|-year|-jährig|jahre?\b|years?\b|ans?\b|лет|года?\b|"
                            r"년|年|월|月|일|日|時|시|분|歳|세|살|мм|км|км²|kg|кг|㎞|st\b|th\b|nd\b|rd\b)",
                            re.I)
_CALIBRE = re.compile(r"\d{2,3}\s?-?\s?(?:mm|мм|millimet\w*|millimèt\w*|milímet\w*|миллиметр\w*|"
                      r"ミリ|밀리|毫米)\s?")
_FILLER = re.compile(r"^\s?(?:de |d'|of |de los |de las |of the |von )")
_DECIMAL_COMMA = {"de", "fr", "es", "ru"}
_MONTHS_EN = re.compile(r"(january|february|march|april|may|june|july|august|september|october|"
                        r"november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|"
                        r"januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|"
                        r"mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|"
                        r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|"
                        r"octubre|noviembre|diciembre|января|февраля|марта|апреля|мая|июня|"
                        r"июля|августа|сентября|октября|ноября|декабря)\.?\s?$", re.I)

_SEP = re.compile(r"[.,]")
_CALIBRE_BEFORE = re.compile(r"(?:kaliber|calibre|caliber|calibro|калибр\w*|口径|구경)\s?"
                             r"(?:de\s|von\s)?$", re.I)
_ID_BEFORE = re.compile(r"(imo|mmsi|no|nr|№)\W{0,3}$", re.I)
_CJK_SCALE_AFTER = re.compile(r"^\s?(만|억|천|万|億|亿|千)")
_FOUR_DIGITS = re.compile(r"^\d{4}$")
_COMPOUND_TAIL = re.compile(r"(\d+)\s?(만|천|千)?")


def parse_number(raw: str, lang: str) -> float | None:
    """Digits with locale separators → float ('11.000' de → 11000; '4,4' de → 4.4)."""
    s = raw.replace("'", "").replace(" ", "")
    if not s:
        return None
    groups = _SEP.split(s)
    seps = _SEP.findall(s)
    if not seps:
        return float(s)
    if len(seps) == 1:
        sep, tail = seps[0], groups[1]
        decimal = "," if lang in _DECIMAL_COMMA else "."
        if len(tail) == 3 and sep != decimal:
            return float(groups[0] + tail)
        if len(tail) == 3 and sep == decimal and lang not in _DECIMAL_COMMA:
            return float(groups[0] + "." + tail)
        if len(tail) == 3 and lang in _DECIMAL_COMMA and sep == ",":
            return float(groups[0] + "." + tail)
        return float(groups[0] + "." + tail)
    # several separators: the last one may be the decimal mark
    last = seps[-1]
    if len(groups[-1]) != 3 or (len(set(seps)) == 2):
        return float("".join(groups[:-1]) + "." + groups[-1])
    return float("".join(groups)) if last else None


def parse_cjk(raw: str) -> float | None:
    total, section, digit = 0.0, 0.0, 0.0
    seen = False
    for ch in raw:
        if ch in _CJK_DIGITS:
            digit = _CJK_DIGITS[ch]
            seen = True
        elif ch in _CJK_SMALL:
            section += (digit or 1) * _CJK_SMALL[ch]
            digit = 0
            seen = True
        elif ch in _CJK_BIG:
            total += (section + digit or 1) * _CJK_BIG[ch]
            section = digit = 0
        else:
            return None
    value = total + section + digit
    return value if seen and value > 0 else None


def _unit_after(text: str, pos: int, lang: str) -> tuple[str | None, int]:
    """Unit word starting at ``pos`` (after optional space/approximator)."""
    window = text[pos:pos + 40].lower()
    m = _APPROX_AFTER.match(window)
    skip = m.end() if m else 0
    rest = window[skip:]
    filler = _FILLER.match(rest)
    if filler:
        rest = rest[filler.end():]
        skip += filler.end()
    stripped = rest.lstrip(" ")
    skip += len(rest) - len(stripped)
    calibre = _CALIBRE.match(stripped)  # "50 122-mm howitzers": the unit after the calibre
    if calibre:
        stripped = stripped[calibre.end():]
        skip += calibre.end()
    if stripped[:1] in ("명", "人", "名") or stripped.startswith("человек"):
        return "persons", pos + skip + 1
    um = _unit_regex(lang).match(stripped)
    if um is not None and um.lastgroup:
        return _UNIT_GROUPS[lang][int(um.lastgroup[1:])], pos + skip + um.end()
    return None, pos


_UNIT_GROUPS: dict[str, list[str]] = {}


@cache
def _unit_regex(lang: str) -> re.Pattern[str]:
    """One alternation over the unit keys of ``lang`` (longest first, built once).

    Latin/Cyrillic keys must end at a word boundary; keys ending in ``*`` are stems
    ("солдат*" matches "солдаты")."""
    units: list[str] = []
    parts: list[str] = []
    for key, unit in unit_keys(lang):
        if key.endswith("*"):
            body = re.escape(key[:-1]) + r"[^\W\d_]*"
        elif key[-1].isalpha() and ord(key[-1]) < 0x1100:
            body = re.escape(key) + r"(?![^\W\d_])"
        else:
            body = re.escape(key)
        parts.append(f"(?P<u{len(units)}>{body})")
        units.append(unit)
    _UNIT_GROUPS[lang] = units
    return re.compile("|".join(parts) or "(?!)")


def _currency_after(text: str, pos: int) -> tuple[str | None, int]:
    window = text[pos:pos + 14].lower().lstrip(" ")
    if window[:1] not in _CURRENCY_FIRST:
        return None, pos  # no currency word starts with this character
    offset = pos + (len(text[pos:pos + 14]) - len(text[pos:pos + 14].lstrip(" ")))
    for code, words in _CURRENCY_AFTER.items():
        for w in words:
            if window.startswith(w):
                nxt = window[len(w):len(w) + 1]
                if nxt.isalpha() and ord(nxt) < 0x1100 and w not in ("долл",):
                    continue
                return code, offset + len(w)
    return None, pos


def find_quantities(text: str, lang: str) -> list[Quantity]:
    """All quantities in ``text`` with the unit or currency that follows/precedes them."""
    spans: list[tuple[int, int, float]] = []
    for m in _NUM_FAST.finditer(text):
        value = parse_number(m.group(0), lang)
        if value is not None:
            spans.append((m.start(), m.end(), value))
    if lang in ("zh", "ja", "ko"):
        for m in _CJK_RE.finditer(text):
            if text[max(0, m.start() - 2):m.start()].endswith(_WEEKDAY_BEFORE) or \
                    text[m.end():m.end() + 1] == "曜":
                continue  # 星期五, 周三, 木曜日: weekdays, not numbers
            if m.group(0) == "一" and text[m.end():m.end() + 1] in _NOT_ONE_AFTER:
                continue  # 一些 "some", 一直 "always", 一起 "together": no number
            if m.start() > 0 and text[m.start() - 1] in "数數几幾":
                continue  # 数千, 数百万, 几千: "several thousand" is no figure
            cjk = parse_cjk(m.group(0))
            if cjk is not None:
                spans.append((m.start(), m.end(), cjk))
    lowered = text.lower()
    if len(lowered) == len(text) and _FOLD_SPECIAL.search(text) is None:
        first = _WORD_RE.match(text)
        if first is not None:
            spans.append((first.start(), first.end(), _WORDNUM[first.group(1).lower()]))
        for m in _WORD_LOWER.finditer(lowered):
            spans.append((m.start(1), m.end(1), _WORDNUM[m.group(1)]))
    else:
        for m in _WORD_RE.finditer(text):
            spans.append((m.start(), m.end(), _WORDNUM[m.group(1).lower()]))
    if lang in ("de", "fr", "es", "ru"):
        for m in _ONE_AFTER_APPROX.finditer(text):
            spans.append((m.start(1), m.end(1), 1.0))
    if "mill" in lowered or "billi" in lowered or "милли" in lowered:
        _one_before_scale(text, lowered, lang, spans)
    spans.sort()
    out: list[Quantity] = []
    skip_until = -1
    for start, end, value in spans:
        if start < skip_until:
            continue
        q, nxt = _build(text, lang, start, end, value)
        if q is None:
            continue
        # a range: "150 und 300 Millionen Dollar", "$200 million to $500 million"
        r = _RANGE_SEP.match(text[q.end:q.end + 8])
        if r:
            for s2, e2, v2 in spans:
                if s2 == q.end + r.end() or (s2 == q.end + r.end() + 1
                                             and text[s2 - 1] in "$€"):
                    q2, nxt2 = _build(text, lang, s2, e2, v2)
                    if q2 is not None and (q.unit is None or q2.unit in (q.unit, None)):
                        scale = _scale_of(q2, v2)
                        low = q.value if q.value != value or scale == 1 else value * scale
                        q = Quantity(q.start, q2.end, low, q2.value, q2.unit or q.unit,
                                     q2.currency or q.currency)
                        nxt = nxt2
                    break
        out.append(q)
        skip_until = nxt
    return out


def _one_before_scale(text: str, lowered: str, lang: str,
                      spans: list[tuple[int, int, float]]) -> None:
    """Spans of value 1 for "eine Million", "a million", bare Russian "миллион"."""
    taken = {s for s, _, _ in spans}
    for m in _ONE_BEFORE_SCALE.finditer(text):
        if m.start(1) not in taken:
            # the article's span ends at the space; _build reads the scale word after it
            spans.append((m.start(1), m.end(1), 1.0))
    if lang == "ru":
        for m in _RU_BARE_SCALE.finditer(text):
            if not _RU_NUMBER_BEFORE.search(lowered[max(0, m.start() - 14):m.start()]):
                spans.append((m.start(), m.start(), 1.0))


def _scale_of(q: Quantity, raw_value: float) -> float:
    return q.value / raw_value if raw_value else 1.0


def _build(text: str, lang: str, start: int, end: int,
           value: float) -> tuple[Quantity | None, int]:
    before = text[max(0, start - 6):start]
    cm = _CURRENCY_BEFORE.search(before)
    if start > 0 and (text[start - 1] in "-–#№/" or text[start - 1].isalpha()
                      and ord(text[start - 1]) < 0x1100) and not cm:
        return None, end
    if _ID_BEFORE.search(text[max(0, start - 8):start]):
        return None, end
    if _CALIBRE_BEFORE.search(text[max(0, start - 12):start]):
        return None, end  # "vom Kaliber 170", "calibre 155", "口径170"
    if (value > 1000 or (value <= 31 and not _SCALE_RE.match(text[end:end + 14]))) and \
            _MONTHS_EN.search(text[max(0, start - 12):start]):
        return None, end  # "May 5", "im Mai 2024"; not "im Mai 40 Millionen Dollar"
    after = text[end:end + 12]
    if _EXCLUDE_AFTER.match(after) and not _CJK_SCALE_AFTER.match(after):
        return None, end
    if 1900 <= value <= 2100 and _FOUR_DIGITS.match(text[start:end]):
        return None, end
    currency = None
    if cm:
        currency = _CURRENCY_SYMBOL.get(cm.group(1).strip().lower())
    pos = end
    # scale words, possibly compound (9억2000만 → 9e8 + 2000e4)
    sm = _SCALE_RE.match(text[pos:pos + 14])
    if sm:
        value *= _SCALES[sm.group(1).lower()]
        pos += sm.end()
        if sm.group(1) in ("천", "千") and text[pos:pos + 1] in ("만", "万", "萬", "억", "億",
                                                             "亿"):
            value *= _SCALES[text[pos]]  # 5천만 = 5 × 1000 × 10,000
            pos += 1
        m2 = _COMPOUND_TAIL.match(text[pos:pos + 10])
        if m2 and lang in ("ko", "ja", "zh") and sm.group(1) in ("억", "만", "万", "億", "亿"):
            value += float(m2.group(1)) * (_SCALES[m2.group(2)] if m2.group(2) else 1)
            pos += m2.end()
    elif value < 1e4 and lang in ("zh", "ja", "ko"):
        pass
    am = _APPROX_AFTER.match(text[pos:pos + 6])
    if am and lang in ("ko", "zh", "ja"):
        pos += am.end()
    if currency is None:
        currency, cpos = _currency_after(text, pos)
        if currency:
            pos = cpos
    unit: str | None
    if currency == "USD":
        unit = "USD"
    elif currency:
        unit = None
    else:
        unit, pos = _unit_after(text, pos, lang)
    return Quantity(start, pos, value, None, unit, currency), pos
