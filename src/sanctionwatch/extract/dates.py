"""Dates: the document's reference date and the time of an event in a sentence.

Own regular expressions only (dateparser is slow and misses most relative forms).
Relative expressions ("last year", "im vergangenen Jahr", "지난해", "去年", "last autumn",
"지난 6월") are resolved only against a reference date printed in the text itself or
passed by the caller; without one they give ``None``. Spans across calendar years or
"since …" give ``None``.
"""

from __future__ import annotations

import re

from sanctionwatch.extract.records import DocDate
from sanctionwatch.extract.regex_util import alternation_by_first_char, guarded

_MONTHS: dict[str, int] = {}
for _names in (
    "january february march april may june july august september october november december",
    "jan feb mar apr may jun jul aug sep oct nov dec",
    "januar februar märz april mai juni juli august september oktober november dezember",
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь",
    "январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре",
):
    for _i, _n in enumerate(_names.split(), start=1):
        _MONTHS.setdefault(_n, _i)
_MONTHS["sept"] = 9



_MON = alternation_by_first_char(sorted(_MONTHS, key=len, reverse=True))

_STAMP = re.compile(r"^\s*date (\d{4})-(\d{2})(?:-(\d{2}))?")
_INPUT = re.compile(r"입력\s*:?\s*(\d{4})[-.](\d{1,2})[-.](\d{1,2})")
_DATELINE_PREFIX = re.compile(r"(updated|published|posted|veröffentlicht|aktualisiert|publié|"
                              r"mis à jour|publicado|actualizado|опубликовано|обновлено)\s*:?\s*$",
                              re.I)
_FULL = re.compile(
    rf"\b(?:(?P<m1>{_MON})\.?\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})\.?\s+(?:de\s+)?(?P<m2>{_MON})\.?,?\s+(?:de\s+)?(?P<y2>\d{{4}}))\b",
    re.I)
_NUMERIC = re.compile(r"\b(?:(\d{4})-(\d{2})-(\d{2})|(\d{1,2})/(\d{1,2})/(\d{4}))\b")
_CJK_FULL = re.compile(r"(\d{4})\s?[年년]\s?(\d{1,2})\s?[月월]")
_MONTH_YEAR = re.compile(rf"\b(?:(?P<m>{_MON})\.?\s+(?:\d{{1,2}},?\s+)?(?:de\s+|of\s+)?"
                         rf"(?P<y>\d{{4}})|(?P<d>\d{{1,2}})\s+(?:de\s+)?(?P<m2>{_MON})\s+"
                         rf"(?:de\s+)?(?P<y2>\d{{4}}))\b", re.I)
# "(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)" and "(?<!\d)(\d{1,2})\s?[月월]" with the first digit
# leading (so the engine skips to it in C) and the digit test looking back past it
_YEAR = re.compile(r"(1(?<!\d1)9[5-9]\d|2(?<!\d2)0[0-4]\d)(?!\d)")
_ERA = re.compile(r"(平成|令和)\s?(\d{1,2}|元)\s?年")
_CJK_MONTH = re.compile(r"(\d(?<!\d\d)\d?)\s?[月월]")
_MONTH_ONLY = re.compile(rf"\b(?:in|im|en|au mois de|in early|in late|in mid-?|seit)?\s*"
                         rf"(?P<m>{_MON})\b", re.I)
_SINCE = guarded(
    "sdс이以从fveм",
    r"\b(since|seit|depuis|desde|с\s+\d{4})\b|이후|以来|以降|从\d{4}|"
    r"\bfrom\s+\d{4}\s+(?:to|until)|\bvon\s+\d{4}\s+bis|entre\s+\d{4}\s+et\s+\d{4}|"
    r"между\s+\d{4}", re.I)
_LAST_YEAR = guarded(
    "lvepвп지작去昨前",
    r"\blast year\b|\bvergangenen jahr|\bletzten jahr|\bvorigen jahr|"
    r"\bl'an dernier|\bl'année dernière|\bel año pasado|\bprošl|"
    r"в прошлом году|прошлого года|지난해|작년|去年|昨年|前年", re.I)
_THIS_YEAR = guarded(
    "tdiceвэ올금今",
    r"\bthis year\b|\bdieses jahr|\bin diesem jahr|\bcette année|"
    r"\beste año|в этом году|этого года|올해|금년|今年", re.I)
_LAST_MONTH = guarded(
    "lveв지上先",
    r"\blast month\b|\bvergangenen monat|\bletzten monat|"
    r"\ble mois dernier|\bel mes pasado|в прошлом месяце|지난달|上个月|先月",
    re.I)
_SEASON = guarded(
    "safhpévoвло봄여가春夏秋",
    r"\b(spring|summer|autumn|fall|frühling|frühjahr|sommer|herbst|printemps|"
    r"été|automne|primavera|verano|otoño|весной|летом|осенью)\b|"
    r"(봄|여름|가을)|(春|夏|秋)", re.I)
_SEASON_LAST = guarded(
    "lvdpп지去昨",
    r"last|letzten|vergangenen|dernier|pasad|прошл|지난|去年|昨年", re.I)


_YEAR4 = re.compile(r"\d(?<!\d\d)\d{3}(?!\d)")  # "(?<!\d)\d{4}(?!\d)", led by its first digit


def _full_dates(head: str) -> list[re.Match[str]]:
    """Full dates ("20 November 2024", "Nov. 20, 2024") in ``head``: the month-name
    pattern is only tried in a window ending at a four-digit year (much cheaper)."""
    out: list[re.Match[str]] = []
    last_end = -1
    for y in _YEAR4.finditer(head):
        fm = _FULL.search(head, max(0, y.start() - 40, last_end), y.end())
        if fm is not None and fm.end() == y.end():
            out.append(fm)
            last_end = fm.end()
    return out


def document_date(text: str, given: DocDate | None = None) -> DocDate | None:
    """The reference date: given by the caller, else a ` date` stamp, 입력 line or dateline."""
    if given is not None:
        return given
    m = _STAMP.match(text)
    if m:
        return DocDate(int(m.group(1)), int(m.group(2)),
                       int(m.group(3)) if m.group(3) else None, "stamp")
    head = text[:600]
    m = _INPUT.search(head)
    if m:
        return DocDate(int(m.group(1)), int(m.group(2)), int(m.group(3)), "input")
    for fm in _full_dates(head[:400]):
        line_start = head.rfind("\n", 0, fm.start()) + 1
        line_end = head.find("\n", fm.end())
        line = head[line_start:line_end if line_end >= 0 else len(head)]
        prefix = head[line_start:fm.start()]
        if len(line) <= 60 or _DATELINE_PREFIX.search(prefix) or \
                re.match(r"^\s*(?:,\s*\d{1,2}:\d{2}|\s*\(|\s*[—–-]\s)", head[fm.end():]):
            month = _MONTHS[(fm.group("m1") or fm.group("m2")).lower()]
            day = int(fm.group("d1") or fm.group("d2"))
            year = int(fm.group("y1") or fm.group("y2"))
            return DocDate(year, month, day, "dateline")
    for nm in _NUMERIC.finditer(head[:300]):
        line_start = head.rfind("\n", 0, nm.start()) + 1
        line_end = head.find("\n", nm.end())
        line = head[line_start:line_end if line_end >= 0 else len(head)]
        if len(line.strip()) <= 30:
            if nm.group(1):
                return DocDate(int(nm.group(1)), int(nm.group(2)), int(nm.group(3)), "dateline")
            return DocDate(int(nm.group(6)), int(nm.group(5)), int(nm.group(4)), "dateline")
    return None


def _ym(year: int, month: int | None) -> str:
    return f"{year:04d}" if month is None else f"{year:04d}-{month:02d}"


_DIGIT = re.compile(r"\d")
_FOUR_DIGITS = re.compile(r"\d{4}")  # every _MONTH_YEAR match holds a four-digit year


def _month_before(ref: DocDate, month: int) -> int:
    """The year of the most recent ``month`` not after the reference date."""
    if ref.month is None or month <= ref.month:
        return ref.year
    return ref.year - 1


def event_when(sentence: str, ref: DocDate | None) -> str | None:
    """YYYY or YYYY-MM of the event a sentence reports, or None."""
    if ref is None and "元年" not in sentence and _DIGIT.search(sentence) is None:
        return None  # without digits only relative dates remain, and nothing anchors them
    if _SINCE.search(sentence):
        return None
    found: set[str] = set()
    # _CJK_FULL needs 年/년 and _ERA needs 年; _CJK_MONTH needs 月/월: plain `in` tests
    # skip those scans in the (many) sentences without the characters
    cjk_year = "年" in sentence or "년" in sentence
    cjk_month = "月" in sentence or "월" in sentence
    m = _CJK_FULL.search(sentence) if cjk_year and cjk_month else None
    if m:
        found.add(_ym(int(m.group(1)), int(m.group(2))))
    for mm in (_MONTH_YEAR.finditer(sentence) if _FOUR_DIGITS.search(sentence) else ()):
        name = (mm.group("m") or mm.group("m2")).lower()
        year = int(mm.group("y") or mm.group("y2"))
        found.add(_ym(year, _MONTHS[name]))
    em = _ERA.search(sentence) if cjk_year else None
    if em:
        n = 1 if em.group(2) == "元" else int(em.group(2))
        year = (1988 if em.group(1) == "平成" else 2018) + n
        cm = _CJK_MONTH.search(sentence, em.end())
        found.add(_ym(year, int(cm.group(1)) if cm and cm.start() - em.end() < 3 else None))
    if found:
        years = {f[:4] for f in found}
        if len(years) > 1:
            return None
        return sorted(found, key=len)[-1] if len(found) == 1 else years.pop()
    year_set = {int(y) for y in _YEAR.findall(sentence)}
    if len(year_set) == 1:
        year = year_set.pop()
        cm = _CJK_MONTH.search(sentence) if cjk_month else None
        if cm and 1 <= int(cm.group(1)) <= 12 and cjk_year:
            return _ym(year, int(cm.group(1)))
        return _ym(year, None)
    if len(year_set) > 1:
        return None
    if ref is None:
        return None
    if _LAST_MONTH.search(sentence) and ref.month:
        month = ref.month - 1 or 12
        return _ym(ref.year if ref.month > 1 else ref.year - 1, month)
    last_year = bool(_LAST_YEAR.search(sentence))
    cm = _CJK_MONTH.search(sentence) if cjk_month else None
    if cm and 1 <= int(cm.group(1)) <= 12:
        month = int(cm.group(1))
        if last_year:
            return _ym(ref.year - 1, month)
        return _ym(_month_before(ref, month), month)
    om = _MONTH_ONLY.search(sentence)
    if om and om.group("m").lower() not in ("may", "mai", "mars", "march") or (
            om and om.group(0).strip().lower() != om.group("m").lower()):
        assert om is not None
        month = _MONTHS[om.group("m").lower()]
        if last_year:
            return _ym(ref.year - 1, month)
        return _ym(_month_before(ref, month), month)
    if last_year:
        return _ym(ref.year - 1, None)
    if _THIS_YEAR.search(sentence):
        return _ym(ref.year, None)
    sm = _SEASON.search(sentence)
    if sm:
        season = (sm.group(0) or "").lower()
        if season in ("winter", "겨울", "冬"):
            return None
        if _SEASON_LAST.search(sentence):
            return _ym(ref.year - 1, None)
        return _ym(ref.year, None)
    return None
