"""Sentence splitting by regular expressions, per script (incl. 。！？ and line breaks)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from sanctionwatch.extract.records import Sentence

# End of sentence: . ! ? followed by space + an uppercase/quote/digit/non-Latin start,
# CJK full stops, or a blank/new line. Abbreviations like "U.S." or "Nov." are guarded.
# The leading guard (after a sentence mark, or at a line break) is implied by every
# alternative; it changes no match but lets most positions fail at once.
_BOUNDARY = re.compile(
    r"(?:(?<=[.!?。！？])|(?=\n))(?:"
    r"(?<=[.!?])[\"'”’»)]*\s+(?=[\"'“‘«(\[]?[A-ZÀ-ÖØ-ÞА-ЯЁ0-9\u0400-\u04ff\uac00-\ud7af"
    r"\u3040-\u30ff\u4e00-\u9fff])"
    r"|(?<=[。！？])[」』”’)]*\s*"
    r"|(?<=[.!?。])\s*(?:다\.|요\.)?\s*(?=\n)"
    r"|\n\s*\n|\n)"
)
_ABBREV = re.compile(
    r"(?:\b(?:U\.S|U\.N|Mr|Mrs|Ms|Dr|St|No|Nr|Nov|Dec|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept"
    r"|Oct|Gen|Lt|Col|Sen|Rep|Gov|Inc|Co|Corp|Ltd|vs|etc|bzw|z\.B|ca|Abs|ggf|d\.h|EE\.UU"
    r"|EE|UU|[A-Z])\.)$"
)
MAX_SENTENCE = 3000
# every match of _BOUNDARY starts after a sentence mark or at a line break
_MARK = re.compile(r"[.!?。！？\n]")


def _boundaries(text: str) -> Iterator[re.Match[str]]:
    """``_BOUNDARY.finditer(text)``, trying the pattern only where a match can start
    (just after a sentence mark, or at a line break) instead of at every position."""
    pos = 0
    for c in _MARK.finditer(text):
        i = c.start()
        p = i if text[i] == "\n" else i + 1
        if p < pos:
            continue
        m = _BOUNDARY.match(text, p)
        if m is None:
            continue
        yield m
        pos = m.end()
        if pos == p:
            # an empty match: finditer's next match must not be empty at the same place
            # (it may be a longer one there): let finditer itself find it
            rest = _BOUNDARY.finditer(text, p)
            next(rest)
            while True:
                m2 = next(rest, None)
                if m2 is None:
                    return
                yield m2
                if m2.end() != m2.start():
                    break
            pos = m2.end()


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with offsets into ``text``; very long runs are cut into MAX_SENTENCE chunks."""
    out: list[Sentence] = []
    start = 0
    for m in _boundaries(text):
        ms, sep = m.start(), m.group(0)
        # the last 12 characters of the sentence so far (no copy of the whole head)
        if not sep.strip() and "\n" not in sep and \
                _ABBREV.search(text[max(start, ms - 12):ms]):
            continue
        _emit(text, start, ms, out)
        start = m.end()
    _emit(text, start, len(text), out)
    return out


def _emit(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = start + MAX_SENTENCE
        space = text.rfind(" ", start + MAX_SENTENCE // 2, cut)
        cut = space if space > start else cut
        out.append(Sentence(start, cut, text[start:cut]))
        start = cut
    if end > start:
        out.append(Sentence(start, end, text[start:end]))
