"""Parsing untrusted JSON with a nesting limit (``SANCTIONWATCH_MAX_NESTING``).

Python's parser recurses on nesting and can exhaust the stack on a hostile file; checking
the depth on the raw text first (brackets outside strings) refuses such input with a clear
message before any parsing happens.
"""

from __future__ import annotations

import json
from typing import Any

DEFAULT_MAX_NESTING = 64


class NestingError(ValueError):
    """JSON nested deeper than the configured limit."""


def nesting_depth(text: str) -> int:
    """Deepest bracket nesting of ``text``, ignoring brackets inside strings."""
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


def loads_limited(text: str, max_nesting: int = DEFAULT_MAX_NESTING,
                  where: str = "input") -> Any:
    """``json.loads`` that refuses input nested deeper than ``max_nesting``."""
    depth = nesting_depth(text)
    if depth > max_nesting:
        raise NestingError(f"{where}: JSON nested {depth} levels deep, above the limit of "
                           f"{max_nesting} (SANCTIONWATCH_MAX_NESTING)")
    return json.loads(text)
