"""Offline language identification (lingua), loaded once per process on first use."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

SUPPORTED_LANGUAGES = ("en", "de", "fr", "ru", "ko", "ja", "zh", "es")


@lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, c.upper()) for c in SUPPORTED_LANGUAGES]
    return (
        LanguageDetectorBuilder.from_iso_codes_639_1(*codes)
        .with_preloaded_language_models()
        .build()
    )


def detect_language(text: str, *, sample_chars: int = 2000) -> str | None:
    """ISO 639-1 code of the text's language among the supported ones, or None."""
    sample = text[:sample_chars].strip()
    if not sample:
        return None
    lang = _detector().detect_language_of(sample)
    if lang is None:
        return None
    return str(lang.iso_code_639_1.name).lower()
