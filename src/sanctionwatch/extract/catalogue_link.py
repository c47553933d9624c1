"""Categories from the regime's item catalogue (knowledge/items.py), when it is available.

The extractor's own item cues carry a fallback category; the catalogue, owned by the
regime engine, wins when it knows the matched words or the item's English name.
"""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def _catalogue() -> Any | None:
    try:
        from sanctionwatch.knowledge.items import load_catalogue

        return load_catalogue()
    except Exception:  # noqa: BLE001 - catalogue absent or invalid: use own categories
        return None


@cache
def category_for(item: str, surface: str, fallback: str | None) -> str | None:
    cat = _catalogue()
    if cat is None:
        return fallback
    for text in (surface, item):
        try:
            found = cat.category_of(text)
        except Exception:  # noqa: BLE001
            found = None
        if found:
            return str(found)
    return fallback
