"""The speed rewrites of the extractor's patterns match exactly what the plain forms do."""

from __future__ import annotations

import re
from re import _parser as sre_parse  # type: ignore[attr-defined]

import pytest

from sanctionwatch.extract import assemble, dates, party_hints, pipeline, quantities, roles
from sanctionwatch.extract.regex_util import alternation_by_first_char, first_chars

SAMPLES = [
    "Last year, in MARCH 2024 and im März 2023; seit Janvier, 5 de mayo de 2022, "
    "3 Sept. 2021, в марте, МАРТА 2020, in mid-June, Août 2019, sept 12, 2020.",
    "Since 2019 North Korea sent TWO ships, zwölf Raketen, DREI Züge, двадцать и два "
    "снаряда, 다섯 척, 두 명; oneself, none, sixty. Mindestens ein System, AU MOINS une.",
    "지난해 가을 북한은 작년 봄에 … 去年夏天, 昨年秋, 今年, 올해, в прошлом году летом, "
    "l'an dernier, el año pasado, cette année, this year, last month, entre 2019 et 2020.",
    "Coal that ends up in China; arms in return for oil; sanctioned for supplying arms; "
    "в обмен на нефть; санкции за поставки; Sanktionen wegen Lieferungen.",
    "the war in Ukraine, Krieg gegen die Ukraine, guerre contre, guerra con, против Украины, "
    "войной в Украине, AGAINST the",
]
GUARDED = [(dates, n) for n in ("_SINCE", "_LAST_YEAR", "_THIS_YEAR", "_LAST_MONTH", "_SEASON",
                                 "_SEASON_LAST")] + [
    (assemble, "_IN_RETURN"), (party_hints, "_FATE"), (pipeline, "_SANCTIONED_FOR"),
    (roles, "_AGAINST_BEFORE")]


def _first_literals(pattern: str, flags: int) -> set[str]:
    """First characters of every alternative of ``pattern`` (word boundaries skipped)."""
    out: set[str] = set()

    def walk(seq: list[tuple[object, object]]) -> None:
        for op, av in seq:
            if op == sre_parse.AT:
                continue
            if op == sre_parse.LITERAL:
                out.add(chr(av))  # type: ignore[arg-type]
            elif op == sre_parse.IN:
                out.update(chr(a) for _, a in av)  # type: ignore[attr-defined]
            elif op == sre_parse.BRANCH:
                for s in av[1]:  # type: ignore[index]
                    walk(s)
            elif op == sre_parse.SUBPATTERN:
                walk(av[3])  # type: ignore[index]
            else:
                raise AssertionError(f"unexpected start {op}")
            return

    walk(list(sre_parse.parse(pattern, flags)))
    return out


@pytest.mark.parametrize(("module", "name"), GUARDED)
def test_guard_lists_exactly_the_first_characters(module: object, name: str) -> None:
    pat: re.Pattern[str] = getattr(module, name)
    m = re.fullmatch(r"\(\?=\[([^\]]+)\]\)\(\?:(.*)\)", pat.pattern, re.S)
    assert m is not None
    assert set(m.group(1)) == _first_literals(m.group(2), pat.flags)
    plain = re.compile(m.group(2), pat.flags)
    for text in SAMPLES:
        assert [x.span() for x in pat.finditer(text)] == [x.span() for x in plain.finditer(text)]


def test_factored_alternation_matches_like_the_plain_one() -> None:
    months = sorted(dates._MONTHS, key=len, reverse=True)
    words = sorted(quantities._WORDNUM, key=len, reverse=True)
    for ws in (months, words):
        found = 0
        plain = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, ws)) + r")(?!\w)", re.I)
        fast = re.compile("(?=" + first_chars(ws) + r")(?<!\w)(" + alternation_by_first_char(ws)
                          + r")(?!\w)", re.I)
        for text in SAMPLES:
            got = [(x.span(), x.group(1)) for x in fast.finditer(text)]
            assert got == [(x.span(), x.group(1)) for x in plain.finditer(text)]
            found += len(got)
        assert found >= 4  # the samples do exercise the list
    assert [m.group(0) for m in dates._MONTH_YEAR.finditer(SAMPLES[0])][:2] == [
        "MARCH 2024", "März 2023"]
