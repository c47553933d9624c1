"""Shared pieces of the workflow: the acting user, errors, recording an action."""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal, ParamSpec, TypeVar

from sqlalchemy.orm import Session

from sanctionwatch.access.guard import system_scope
from sanctionwatch.findings.models import FindingAction, FindingRecord
from sanctionwatch.ledger.append import append

Role = Literal["coordinator", "analyst", "liaison", "reader"]
ANALYTIC_ROLES: tuple[str, ...] = ("coordinator", "analyst")


P = ParamSpec("P")
R = TypeVar("R")


def write_path(fn: Callable[P, R]) -> Callable[P, R]:
    """Mark a workflow function: it reads protected rows only to change them, never to
    show them, so it runs in the access layer's system scope."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with system_scope(f"findings workflow: {fn.__name__}"):
            return fn(*args, **kwargs)

    return wrapper


class WorkflowError(ValueError):
    """An action that cannot be done (unknown finding, wrong state, missing reason)."""


class NotAllowed(WorkflowError):
    """The acting user's role does not permit this action."""


class StandardNotMet(WorkflowError):
    """Publishing below the evidentiary standard without a coordinator's override."""


@dataclass(frozen=True)
class Actor:
    """Who acts: the access layer resolves the user id and role before calling in."""

    user_id: str
    role: Role

    def require(self, *roles: str) -> None:
        if self.role not in roles:
            raise NotAllowed(f"user {self.user_id!r} ({self.role}) may not do this; "
                             f"needs one of: {', '.join(roles)}")


def now(at: datetime | None) -> datetime:
    return at or datetime.now(UTC)


def digest(text: str) -> str:
    """A commitment to free text (reasons, replies) for the ledger."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def need_reason(reason: str | None, action: str) -> str:
    if reason is None or not reason.strip():
        raise WorkflowError(f"{action} needs a reason (who, when and why are recorded)")
    return reason.strip()


def get_finding(session: Session, finding_id: str) -> FindingRecord:
    rec = session.get(FindingRecord, finding_id)
    if rec is None:
        raise WorkflowError(f"no finding {finding_id!r}")
    return rec


def record(
    session: Session,
    actor: Actor,
    finding: FindingRecord,
    action: str,
    reason: str,
    detail: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> FindingAction:
    """Store the action and its ledger entry in the caller's transaction.

    The ledger carries ids, the actor and a hash of the reason; the reason text stays in
    the ``finding_action`` table (it may name things the ledger must not publish).
    """
    when = now(at)
    detail = detail or {}
    entry = append(
        session,
        f"finding.{action}",
        {"finding": finding.id, "actor": actor.user_id, "role": actor.role,
         "reason_sha256": digest(reason), **detail},
        subject=finding.id,
        at=when,
    )
    row = FindingAction(finding_id=finding.id, action=action, actor=actor.user_id,
                        role=actor.role, at=when, reason=reason, detail=detail,
                        ledger_seq=entry.seq)
    session.add(row)
    finding.updated_at = when
    session.flush()
    return row
