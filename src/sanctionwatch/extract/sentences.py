"""Sentence splitting by regular expressions, per script (incl. 。！？ and line breaks)."""

from __future__ import annotations

import re

from sanctionwatch.extract.records import Sentence

# End of sentence: . ! ? followed by space + an uppercase/quote/digit/non-Latin start,
# CJK full stops, or a blank/new line. Abbreviations like "U.S." or "Nov." are guarded.
_BOUNDARY = re.compile(
    r"(?<=[.!?])[\"'”’»)]*\s+(?=[\"'“‘«(\[]?[A-ZÀ-ÖØ-ÞА-ЯЁ0-9\u0400-\u04ff\uac00-\ud7af"
    r"\u3040-\u30ff\u4e00-\u9fff])"
    r"|(?<=[。！？])[」』”’)]*\s*"
    r"|(?<=[.!?。])\s*(?:다\.|요\.)?\s*(?=\n)"
    r"|\n\s*\n|\n"
)
_ABBREV = re.compile(
    r"(?:\b(?:U\.S|U\.N|Mr|Mrs|Ms|Dr|St|No|Nr|Nov|Dec|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept"
    r"|Oct|Gen|Lt|Col|Sen|Rep|Gov|Inc|Co|Corp|Ltd|vs|etc|bzw|z\.B|ca|Abs|ggf|d\.h|EE\.UU"
    r"|EE|UU|[A-Z])\.)$"
)
MAX_SENTENCE = 3000


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with offsets into ``text``; very long runs are cut into MAX_SENTENCE chunks."""
    out: list[Sentence] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        head = text[start:m.start()]
        if m.group(0).strip() == "" and "\n" not in m.group(0) and _ABBREV.search(head[-12:]):
            continue
        _emit(text, start, m.start(), out)
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
