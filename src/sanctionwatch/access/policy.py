"""Who may see what: the rules, as pure functions over principals and caveats.

Roles:

- ``coordinator`` (secretariat): sees everything; records release decisions.
- ``analyst`` (secretariat): content and originators whose caveat is ``public``,
  ``members`` or ``rel:…`` (the secretariat is a recipient of all material shared with
  the team); never ``originator``-only material unless released.
- ``liaison`` (a member state's representative): its own state's items in full; other
  items at ``public``, ``members`` or ``rel:`` lists naming its state.
- ``reader``: ``public`` material only.

Report audiences are principals too: ``public`` (a reader), ``members`` (any member
state: ``public`` and ``members``) and a state code (that state's liaison).
"""

from __future__ import annotations

from dataclasses import dataclass

from sanctionwatch.access.caveats import Caveat

ROLES = ("coordinator", "analyst", "liaison", "reader")
SECRETARIAT_ROLES = ("coordinator", "analyst")


@dataclass(frozen=True)
class Principal:
    name: str
    role: str  # one of ROLES, or "member" for the all-members report audience
    state: str | None = None

    def __post_init__(self) -> None:
        if self.role not in (*ROLES, "member"):
            raise ValueError(f"unknown role {self.role!r}; roles: {', '.join(ROLES)}")
        if self.role == "liaison" and not self.state:
            raise ValueError("a liaison belongs to a member state")


def may_see(principal: Principal, caveat: Caveat, originator: str) -> bool:
    """May ``principal`` see something protected by ``caveat`` that ``originator`` gave?"""
    role = principal.role
    if role == "coordinator":
        return True
    if caveat.level == "public":
        return True
    if role == "reader":
        return False
    if role == "liaison" and principal.state == originator:
        return True
    if caveat.level == "members":
        return True
    if caveat.level == "rel":
        if role == "analyst":
            return True
        return role == "liaison" and principal.state in caveat.states
    return False  # "originator": only the originator and coordinators


def audience_principal(audience: str) -> Principal:
    """The principal a report for ``audience`` is written as."""
    key = audience.strip()
    if key.lower() == "public":
        return Principal("audience:public", "reader")
    if key.lower() == "members":
        return Principal("audience:members", "member")
    if len(key) == 2 and key.isalpha():
        return Principal(f"audience:{key.upper()}", "liaison", key.upper())
    raise ValueError(f"unknown audience {audience!r}: use public, members or a state code")
