"""Canonical JSON for ledger entries.

An entry is a JSON object serialised with sorted keys, no insignificant whitespace,
UTF-8 (non-ASCII characters kept as they are) and no floats: integers, strings,
booleans, null, lists and objects only. The same object always gives the same bytes.
"""

from __future__ import annotations

import json
from typing import Any


class CanonicalJSONError(ValueError):
    """A value cannot be put into a ledger entry."""


def _check(value: Any, path: str = "$") -> None:
    if isinstance(value, float):
        raise CanonicalJSONError(f"floats are not allowed in ledger entries ({path})")
    if isinstance(value, dict):
        for key, sub in value.items():
            if not isinstance(key, str):
                raise CanonicalJSONError(f"object keys must be strings ({path})")
            _check(sub, f"{path}.{key}")
    elif isinstance(value, list | tuple):
        for i, sub in enumerate(value):
            _check(sub, f"{path}[{i}]")
    elif not (value is None or isinstance(value, bool | int | str)):
        raise CanonicalJSONError(f"unsupported type {type(value).__name__} at {path}")


def canonical_json(value: dict[str, Any]) -> bytes:
    """Serialise ``value`` to canonical JSON bytes."""
    _check(value)
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )
