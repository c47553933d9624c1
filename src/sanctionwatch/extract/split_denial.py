"""Denials whose verb is split or whose words are a verdict on the claim.

German separable verbs put their particle at the end of the clause: "Pjöngjang weist die
Vorwürfe entschieden zurück", "Moskau wies die Berichte am Montag zurück"; a verdict names
the claim as false: "bezeichnete die Berichte als Propaganda", "described such reports as
fabrications", "called the claims baseless", "a qualifié ces informations de mensonges",
"calificó las acusaciones de propaganda", "назвал эти сообщения пропагандой". Each found
span is added as a ``deny`` cue.

Runs on a sentence only when its text holds the particle or the verdict verb (one
``in`` test each, on the text as written); the regexes look at the sentence once.
"""

from __future__ import annotations

import re

from sanctionwatch.extract.regex_util import guarded

_DE_SPLIT = guarded("w", r"\b(?:weist|wies|wiesen|weisen)\b[^.;:!?]{1,80}?\bzurück\b")
_VERDICT = {
    "en": guarded("dcl", r"\b(?:described|describes|called|calls|labell?ed)\b[^.;:!?]{0,60}?"
                         r"\b(?:as\s+)?(?:a\s+|an\s+)?(?:fabrications?|lies|propaganda|"
                         r"fake news|false|baseless|groundless|nonsense|slander)\b", re.I),
    "de": guarded("b", r"\bbezeichne\w*\b[^.;:!?]{0,60}?\bals\s+(?:\w+\s+)?(?:propaganda|"
                       r"lüge\w*|erfindung\w*|fälschung\w*|unsinn|haltlos\w*|falsch\w*)",
                  re.I),
    "fr": guarded("q", r"\bqualifi\w*\b[^.;:!?]{0,60}?\bd[e']\s*(?:\w+\s+)?(?:propagande|"
                       r"mensonges?|fabrications?|infox|calomnies?|sans fondement)", re.I),
    "es": guarded("c", r"\bcalific\w*\b[^.;:!?]{0,60}?\bde\s+(?:\w+\s+)?(?:propaganda|"
                       r"mentiras?|invenciones|invención|falsas?|calumnias?)", re.I),
    "ru": guarded("н", r"\bназва\w*\b[^.;:!?]{0,60}?\b(?:пропагандой|ложью|выдумкой|"
                       r"фальшивкой|клеветой|провокацией)", re.I),
}
_HINT = {"en": ("describ", "call", "label"), "de": ("bezeichne",), "fr": ("qualifi",),
         "es": ("calific",), "ru": ("назва",)}


def split_denials(text: str, lang: str) -> list[tuple[int, int]]:
    """Spans (in ``text``) of denials that no single cue word matches."""
    out: list[tuple[int, int]] = []
    if lang == "de" and "zurück" in text:
        out.extend(m.span() for m in _DE_SPLIT.finditer(text))
    pat = _VERDICT.get(lang)
    if pat is not None and any(h in text for h in _HINT[lang]):
        out.extend(m.span() for m in pat.finditer(text))
    return out
