"""Identity checks on AIS static data: IMO check digit, MID vs flag, near-matches."""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz.distance import Levenshtein

from sanctionwatch.maritime.reference import mid_table

_IMO = re.compile(r"^\d{7}$")


def imo_valid(imo: str | None) -> bool:
    """IMO ship number check digit (IMO Resolution A.1117(30)).

    The first six digits are weighted 7, 6, 5, 4, 3, 2; the last digit of the sum is the
    check digit. 9074729: 9×7 + 0×6 + 7×5 + 4×4 + 7×3 + 2×2 = 139 → 9.
    """
    if imo is None:
        return False
    digits = imo.strip().upper().removeprefix("IMO").strip()
    if not _IMO.match(digits):
        return False
    total = sum(int(d) * w for d, w in zip(digits[:6], (7, 6, 5, 4, 3, 2), strict=True))
    return total % 10 == int(digits[6])


def mid_of(mmsi: int) -> str:
    return str(mmsi)[:3]


def mid_country(mmsi: int) -> str | None:
    """ISO code of the country whose MID the MMSI carries (ship stations), or None."""
    s = str(mmsi)
    if len(s) != 9 or s[0] not in "234567":
        return None
    return mid_table().get(s[:3])


def norm_name(name: str | None) -> str:
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Z0-9]+", " ", text.upper()).strip()


def one_edit(a: str, b: str, max_distance: int = 1) -> bool:
    """True when a and b differ but by at most ``max_distance`` edits."""
    return a != b and Levenshtein.distance(a, b, score_cutoff=max_distance) <= max_distance
