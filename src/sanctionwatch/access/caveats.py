"""Handling caveats: who may see an item's content, or who provided it.

Levels, from least to most restrictive:

- ``public``: anyone, including readers of public reports;
- ``members``: every member state of the team (and the secretariat);
- ``rel:KR,US``: releasable to the listed member states (and the secretariat);
- ``originator``: only the originator and the team's coordinators.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LEVELS = ("public", "members", "rel", "originator")
_REL = re.compile(r"^rel:([A-Za-z]{2}(?:\s*,\s*[A-Za-z]{2})*)$", re.IGNORECASE)


class CaveatError(ValueError):
    """A caveat string that does not name a known level."""


@dataclass(frozen=True, order=False)
class Caveat:
    level: str
    states: frozenset[str] = frozenset()

    @classmethod
    def parse(cls, raw: str) -> Caveat:
        text = raw.strip()
        low = text.lower()
        if low in ("public", "members", "originator"):
            return cls(low)
        m = _REL.match(text.replace(" ", ""))
        if m and low.startswith("rel:"):
            states = frozenset(s.strip().upper() for s in m.group(1).split(","))
            return cls("rel", states)
        raise CaveatError(
            f"unknown caveat {raw!r}: use public, members, rel:XX[,YY...] (ISO codes) "
            "or originator"
        )

    def __str__(self) -> str:
        if self.level == "rel":
            return "rel:" + ",".join(sorted(self.states))
        return self.level

    @property
    def rank(self) -> int:
        return LEVELS.index(self.level)


def most_restrictive(caveats: list[Caveat]) -> Caveat:
    """The caveat of a record derived from several inputs.

    ``rel`` lists intersect; anything with ``originator`` stays ``originator``.
    """
    if not caveats:
        return Caveat("public")
    top = max(c.rank for c in caveats)
    if top < LEVELS.index("rel"):
        return Caveat(LEVELS[top])
    if top == LEVELS.index("originator"):
        return Caveat("originator")
    rel_sets = [c.states for c in caveats if c.level == "rel"]
    common = frozenset.intersection(*rel_sets)
    return Caveat("rel", common)
