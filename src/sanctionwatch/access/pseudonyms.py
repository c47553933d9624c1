"""Stable pseudonyms for originators a reader may not see.

Within one listing or report (one *context*), each hidden originator gets one label —
"Member State A", "Member State B" for states, "Source A" for other originators. The
letters are assigned in the order of a keyed hash (HMAC with a workspace secret and
the context id), so the same originator gets unrelated letters in different reports.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import string

from sqlalchemy.orm import Session

from sanctionwatch.access.models import WorkspaceSecret
from sanctionwatch.ingest.originators import is_state


def workspace_key(session: Session, name: str = "pseudonym") -> bytes:
    row = session.get(WorkspaceSecret, name)
    if row is None:
        row = WorkspaceSecret(name=name, value=secrets.token_hex(32))
        session.add(row)
        session.flush()
    return bytes.fromhex(row.value)


def _letters(n: int) -> str:
    out = ""
    n += 1
    while n:
        n, rem = divmod(n - 1, 26)
        out = string.ascii_uppercase[rem] + out
    return out


class Pseudonymizer:
    def __init__(self, key: bytes, context: str, originators: set[str]) -> None:
        self._ctx_key = hmac.new(key, context.encode("utf-8"), hashlib.sha256).digest()
        ordered = sorted(originators, key=self._rank)
        states = [o for o in ordered if is_state(o)]
        others = [o for o in ordered if not is_state(o)]
        self._labels = {o: f"Member State {_letters(i)}" for i, o in enumerate(states)}
        self._labels.update({o: f"Source {_letters(i)}" for i, o in enumerate(others)})

    def _rank(self, originator: str) -> bytes:
        return hmac.new(self._ctx_key, originator.encode("utf-8"), hashlib.sha256).digest()

    def label(self, originator: str) -> str:
        return self._labels[originator]
