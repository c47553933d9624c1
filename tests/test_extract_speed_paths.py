"""The fast paths of the extractor give exactly what the plain forms they replace give.

Each test compares a fast path with a plain reference (the former code, or the regular
expression it stands for) on random and hand-made inputs, so a later edit of one side
without the other fails here.
"""

from __future__ import annotations

import random
import re
import unicodedata

from sanctionwatch.extract import dates, langid, normalise, quantities, roles
from sanctionwatch.extract.sentences import _BOUNDARY, _boundaries
from sanctionwatch.knowledge import gazetteer
from sanctionwatch.knowledge.gazetteer import Entry, Match


def _random_texts(alphabet: list[str], n: int, longest: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randrange(longest)))
            for _ in range(n)]


def test_sentence_boundaries_are_those_of_finditer() -> None:
    alphabet = list("aB .!?。！？\n\n \t\"'”’»)」』“‘«([다요.Я가あ中1x")
    texts = _random_texts(alphabet, 20_000, 25, 5) + [
        "He left.\nthe end. Next one! 「引用。」次。\n\n다.\n요.\nEnd."]
    empties = 0
    for t in texts:
        plain = [m.span() for m in _BOUNDARY.finditer(t)]
        assert [m.span() for m in _boundaries(t)] == plain, t
        empties += sum(1 for a, b in plain if a == b)
    assert empties > 100  # empty matches (the tricky case) do occur in the samples


def test_script_counts_match_the_regex_counts() -> None:
    def plain(text: str) -> tuple[int, ...]:
        return tuple(langid._count(one, others, text) for one, others in langid._SCRIPTS)

    points = [0x41, 0x7A, 0xBF, 0xC0, 0xD7, 0xFF, 0x100, 0x24F, 0x250, 0x400, 0x4FF, 0x500,
              0x1100, 0x11FF, 0x3040, 0x30FF, 0x3130, 0x318F, 0x3400, 0x4DBF, 0x4E00,
              0x9FFF, 0xAC00, 0xD7AF, 0xD7B0, 0x2019, 0x1F600]
    rng = random.Random(0)
    for i in range(20_000):
        wide = i % 3 == 0
        t = "".join(chr(rng.choice(points) + rng.choice((0, 1, -1))) if rng.random() < 0.3
                    else chr(rng.randrange(0x20, 0x300 if wide else 0x100))
                    for _ in range(rng.randrange(120 if i % 50 == 0 else 40)))
        assert langid._script_counts(t) == plain(t), t
    assert langid._script_counts("Ça va – “bien”") == plain("Ça va – “bien”") == (0, 0, 0, 0, 8)


def test_normalise_guard_covers_exactly_the_three_classes() -> None:
    for c in range(0x110000):
        if 0xD800 <= c < 0xE000:
            continue
        ch = chr(c)
        hit = any(p.match(ch) for p in (normalise._INVISIBLE, normalise._SPACES,
                                         normalise._CONTROL))
        assert (normalise._ANY.match(ch) is not None) == hit, hex(c)

    def plain(text: str) -> str:
        text = unicodedata.normalize("NFKC", text)
        text = normalise._INVISIBLE.sub("", text)
        text = normalise._CONTROL.sub(" ", text)
        return normalise._SPACES.sub(" ", text)

    for t in ("plain text", "a\u00a0b\u200bc\x07d\u3000e", "Ｆｕｌｌ\ufeff", ""):
        assert normalise.normalise(t) == plain(t)


def _plain_resolve(raw: list[Match]) -> list[Match]:
    """The former _resolve: longest first per layer over a bytearray of taken offsets."""
    out: list[Match] = []
    by_layer: dict[str, list[Match]] = {}
    for m in raw:
        if m.entry.layer == "cue":
            out.append(m)
        else:
            by_layer.setdefault(m.entry.layer, []).append(m)
    size = max((m.end for m in raw), default=0)
    for layer_matches in by_layer.values():
        layer_matches.sort(key=lambda m: (-(m.end - m.start), m.start, -len(m.key)))
        taken = bytearray(size)
        for m in layer_matches:
            if taken.find(1, m.start, m.end) >= 0:
                continue
            taken[m.start:m.end] = b"\x01" * (m.end - m.start)
            out.append(m)
    out.sort(key=lambda m: (m.start, m.end))
    return out


def test_overlap_resolution_by_clusters_keeps_what_the_plain_pass_keeps() -> None:
    rng = random.Random(4)
    entries = [Entry(layer, "k", v) for layer in ("country", "item", "port", "cue")
               for v in ("A", "B")]
    for _ in range(20_000):
        raw = []
        for _ in range(rng.randrange(12)):
            s = rng.randrange(20)
            raw.append(Match(s, s + rng.randrange(1, 6), rng.choice(entries),
                             "k" * rng.randrange(1, 4)))
        raw.sort(key=lambda m: m.end)  # the automaton reports matches by their end
        assert gazetteer._resolve(list(raw)) == _plain_resolve(list(raw)), raw


def test_scan_keeps_overlapping_names_longest_first() -> None:
    found = [(m.start, m.end, m.entry.value) for m in
             gazetteer.for_language("en").scan("North Korean troops; South Korea")
             if m.entry.layer == "country"]
    # "Korean" inside "North Korean" and "Korea" inside "South Korea" are not reported
    assert found == [(0, 12, "KP"), (21, 32, "KR")]


def test_article_stripping_matches_the_pattern() -> None:
    words = list(roles._ARTICLE_WORDS) + ["to", "x", "theme", "ethe", "'", "s", ""]
    spaces = [" ", "  ", "\t", "\n", "\x1c", "", "\x0b"]
    rng = random.Random(3)
    for _ in range(50_000):
        t = "".join(rng.choice(spaces) + rng.choice(words) for _ in range(rng.randrange(6)))
        t += rng.choice(spaces)
        assert roles._strip_articles_lower(t) == roles._ARTICLES.sub("", t), repr(t)
        mixed = t.upper() if rng.random() < 0.5 else t.replace("s", "ſ")
        assert roles._strip_articles(mixed) == roles._ARTICLES.sub("", mixed), repr(mixed)
    # the class of last letters is exactly the last letters of the articles
    assert set(roles._ARTICLE_LAST.pattern[1:-1]) == {w[-1] for w in roles._ARTICLE_WORDS}


def _plain_role_of(text: str, start: int, end: int, lang: str) -> str:
    """The former Latin/Cyrillic branch of role_of (two regex passes, word loops)."""
    if roles._AGAINST_BEFORE.search(roles._ARTICLES.sub(
            "", " " + text[max(0, start - 30):start]).rstrip(" ’'")):
        return "against"
    before = roles._ARTICLES.sub("", " " + text[max(0, start - 30):start].lower())
    before = before.rstrip(" ’'")
    for word in roles._FROM_BEFORE.get(lang, ()) + roles._FROM_BEFORE["en"]:
        if before.endswith(" " + word) or before == word:
            return "from"
    for word in roles._TO_BEFORE.get(lang, ()) + (() if lang == "en" else ("to",)):
        if before.endswith(" " + word) or before.endswith("'" + word):
            return "to"
    return "other"


def test_role_markers_match_the_plain_procedure() -> None:
    tokens = " ".join((
        "war in on against with gegen Krieg mit contre guerre en avec d' de contra guerra",
        "con против войной в на с со the der die das l' el los las Northern to from into",
        "an nach ins à au aux vers depuis a al hacia desde из от к aus von , . ’ THE TO",
        "FROM ſ İ Weifang China x")).split(" ")
    rng = random.Random(7)
    for _ in range(30_000):
        text = "".join(rng.choice(tokens) + rng.choice((" ", " ", "", "\n", ", "))
                       for _ in range(rng.randrange(1, 10))) + "Korea"
        start = len(text) - 5
        for lang in ("en", "de", "fr", "es", "ru"):
            got = roles.role_of(text, start, start + 5, lang)
            want = _plain_role_of(text, start, start + 5, lang)
            if want != "other":
                assert got == want, (text, lang)
            else:
                assert got not in ("against", "from") and (got != "to" or text[
                    max(0, start - 3):start].rstrip().endswith(",")), (text, lang)


def test_number_pattern_led_by_a_digit_matches_the_plain_one() -> None:
    alphabet = list("0123456789 ,.'\u0661aZé\nЖ-")
    for t in _random_texts(alphabet, 30_000, 20, 2) + ["11.000 Soldaten, 1,234,567.5 and 3 000"]:
        assert [m.span() for m in quantities._NUM_FAST.finditer(t)] == \
            [m.span() for m in quantities._NUM.finditer(t)], t


def test_number_words_on_lowercased_text_match_the_plain_pattern() -> None:
    words = list(quantities._WORDNUM) + ["SIX", "Zwölf", "ДВА", "ΣIX", "TWOΣ", "x", "_", "1",
                                         "dozens", "twos", "ONE", "ǅ", "ß"]
    seps = ["", " ", "-", "_", ".", "\n", "Σ "]
    rng = random.Random(9)
    checked = 0
    for _ in range(30_000):
        t = "".join(rng.choice(words) + rng.choice(seps) for _ in range(rng.randrange(6)))
        low = t.lower()
        if len(low) != len(t) or quantities._FOLD_SPECIAL.search(t):
            continue
        first = quantities._WORD_RE.match(t)
        got = ([first.span()] if first else []) + [
            m.span(1) for m in quantities._WORD_LOWER.finditer(low)]
        assert got == [m.span() for m in quantities._WORD_RE.finditer(t)], t
        checked += 1
    assert checked > 20_000


def test_fold_special_lists_every_character_where_lowercasing_differs_from_re_i() -> None:
    letters = sorted(set("".join(quantities._WORDNUM)))
    cls = re.compile("[" + "".join(map(re.escape, letters)) + "]", re.I)
    word = re.compile(r"\w")
    special = []
    for c in range(0x110000):
        if 0xD800 <= c < 0xE000:
            continue
        ch = chr(c)
        low = ch.lower()
        if len(low) != 1 or (cls.fullmatch(ch) is not None) != (low in letters) or \
                (word.match(ch) is None) != (word.match(low) is None):
            special.append(ch)
    assert [ch for ch in special if not quantities._FOLD_SPECIAL.match(ch)] == []
    # no two letters of the words fold onto each other
    assert not [(a, b) for a in letters for b in letters
                if a != b and re.fullmatch(re.escape(a), b, re.I)]


def test_year_and_month_patterns_led_by_a_digit_match_the_plain_ones() -> None:
    four = re.compile(r"(?<!\d)\d{4}(?!\d)")
    year = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")
    month = re.compile(r"(?<!\d)(\d{1,2})\s?[月월]")
    for t in _random_texts(list("0123456789 月월x19202\n"), 30_000, 14, 1):
        assert dates._YEAR.findall(t) == year.findall(t), t
        assert [m.span() for m in dates._YEAR4.finditer(t)] == [m.span() for m in
                                                                 four.finditer(t)], t
        for pos in range(0, len(t) + 1, 3):
            a, b = dates._CJK_MONTH.search(t, pos), month.search(t, pos)
            assert (a and (a.span(), a.group(1))) == (b and (b.span(), b.group(1))), (t, pos)


def test_event_when_character_guards_hold_for_every_match() -> None:
    """event_when only runs _CJK_FULL / _ERA when 年 or 년 is in the sentence and
    _CJK_FULL / _CJK_MONTH when 月 or 월 is: every match of those patterns holds them."""
    alphabet = list("0123456789 年년月월平成令和元日x\n")
    for t in _random_texts(alphabet, 30_000, 16, 7):
        for pos in range(0, len(t) + 1, 4):
            full = dates._CJK_FULL.search(t, pos)
            if full is not None:
                assert set(full.group(0)) & {"年", "년"} and set(full.group(0)) & {"月", "월"}
            era = dates._ERA.search(t, pos)
            if era is not None:
                assert "年" in era.group(0)
            month = dates._CJK_MONTH.search(t, pos)
            if month is not None:
                assert set(month.group(0)) & {"月", "월"}
    # the guards must not hide a date the patterns find
    assert dates.event_when("2024年3月に北朝鮮が砲弾を送った", None) == "2024-03"
    assert dates.event_when("2024년 3월 북한이 포탄을 보냈다", None) == "2024-03"
    assert dates.event_when("令和5年8月、北朝鮮が送った", None) == "2023-08"
    assert dates.event_when("North Korea shipped shells in 2023.", None) == "2023"
