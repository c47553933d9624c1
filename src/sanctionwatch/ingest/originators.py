"""Validating originators: a member state (ISO 3166-1 alpha-2) or a named open source."""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources

_OPEN_SOURCE = re.compile(r"^[\w][\w .&'()/-]{1,99}$", re.UNICODE)


@lru_cache(maxsize=1)
def iso_countries() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code -> English short name (shipped data file)."""
    path = resources.files("sanctionwatch.knowledge") / "data" / "iso3166.csv"
    with path.open(encoding="utf-8") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return {row["code"]: row["name"] for row in rows}


def iso_country_codes() -> frozenset[str]:
    return frozenset(iso_countries())


def normalise_originator(raw: str) -> str:
    """``KR`` for a state (upper-cased ISO code); the trimmed name for an open source."""
    value = raw.strip()
    if len(value) == 2 and value.isalpha():
        code = value.upper()
        if code not in iso_countries():
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
