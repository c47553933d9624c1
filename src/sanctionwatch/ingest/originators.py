"""Validating originators: a member state (ISO 3166-1 alpha-2) or a named open source."""

from __future__ import annotations

import re
from functools import lru_cache

_OPEN_SOURCE = re.compile(r"^[\w][\w .&'()/-]{1,99}$", re.UNICODE)


@lru_cache(maxsize=1)
def iso_country_codes() -> frozenset[str]:
    from followthemoney.types import registry

    codes = {code.upper() for code in registry.country.names if len(code) == 2}
    return frozenset(codes - {"ZZ"})


def normalise_originator(raw: str) -> str:
    """``KR`` for a state (upper-cased ISO code); the trimmed name for an open source."""
    value = raw.strip()
    if len(value) == 2 and value.isalpha():
        code = value.upper()
        if code not in iso_country_codes():
            raise ValueError(f"originator {raw!r} is not an ISO 3166-1 alpha-2 country code")
        return code
    if not _OPEN_SOURCE.match(value):
        raise ValueError(
            f"originator {raw!r} is neither an ISO 3166-1 alpha-2 code nor an open-source "
            "name (2–100 letters, digits, spaces, . & ' ( ) / -)"
        )
    return value


def is_state(originator: str) -> bool:
    return len(originator) == 2 and originator.isupper()
