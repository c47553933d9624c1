"""Offline language identification for intake (one detector shared with the extractor).

Script decides for Hangul, kana, Han and Cyrillic text; Latin text by function words,
and lingua (restricted to the supported languages, built once) when that is unclear.
"""

from __future__ import annotations

from sanctionwatch.extract.langid import SUPPORTED, detect

SUPPORTED_LANGUAGES = SUPPORTED


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language among the supported ones, or None."""
    return detect(text)[0]
