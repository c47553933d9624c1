"""Analyst actions on findings: confirm, reject, merge, split, note, publish, sign-off.

Each function writes in the caller's transaction and ledgers the action with who, when
and (as a hash) why. Nothing here reads protected data for display.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from sanctionwatch.findings.build import member_ids, new_finding, recompute
from sanctionwatch.findings.grading import Policy
from sanctionwatch.findings.models import FindingAction, FindingMember, FindingRecord
from sanctionwatch.findings.records import FindingKey
from sanctionwatch.findings.service import (
    ANALYTIC_ROLES,
    Actor,
    StandardNotMet,
    WorkflowError,
    get_finding,
    need_reason,
    now,
    record,
    write_path,
)

FINAL = ("published", "rejected", "merged")


def _open(rec: FindingRecord, action: str) -> None:
    if rec.status in FINAL:
        raise WorkflowError(f"cannot {action} finding {rec.id}: it is {rec.status}")


@write_path
def confirm(session: Session, actor: Actor, finding_id: str, reason: str,
            *, at: datetime | None = None) -> FindingRecord:
    actor.require(*ANALYTIC_ROLES)
    rec = get_finding(session, finding_id)
    _open(rec, "confirm")
    if rec.status == "confirmed":
        raise WorkflowError(f"finding {rec.id} is already confirmed")
    record(session, actor, rec, "confirm", need_reason(reason, "confirm"),
           {"from": rec.status}, at)
    rec.status = "confirmed"
    return rec


@write_path
def reject(session: Session, actor: Actor, finding_id: str, reason: str,
           *, at: datetime | None = None) -> FindingRecord:
    actor.require(*ANALYTIC_ROLES)
    rec = get_finding(session, finding_id)
    _open(rec, "reject")
    record(session, actor, rec, "reject", need_reason(reason, "reject"), {"from": rec.status}, at)
    rec.status = "rejected"
    return rec


@write_path
def note(session: Session, actor: Actor, finding_id: str, text: str,
         *, at: datetime | None = None) -> FindingAction:
    actor.require(*ANALYTIC_ROLES)
    rec = get_finding(session, finding_id)
    return record(session, actor, rec, "note", need_reason(text, "a note"), {}, at)


@write_path
def merge(session: Session, actor: Actor, target_id: str, other_ids: Sequence[str],
          reason: str, policy: Policy | None = None, *, at: datetime | None = None
          ) -> FindingRecord:
    """Move the members of ``other_ids`` into ``target_id``; the others become ``merged``."""
    actor.require(*ANALYTIC_ROLES)
    policy = policy or Policy()
    why = need_reason(reason, "merge")
    target = get_finding(session, target_id)
    _open(target, "merge")
    others = [get_finding(session, o) for o in dict.fromkeys(other_ids) if o != target_id]
    if not others:
        raise WorkflowError("merge needs at least one other finding")
    for o in others:
        _open(o, "merge")
        record(session, actor, o, "merged", why, {"into": target.id}, at)
        session.execute(update(FindingMember).where(FindingMember.finding_id == o.id)
                        .values(finding_id=target.id))
        o.status, o.merged_into = "merged", target.id
    record(session, actor, target, "merge", why, {"absorbed": sorted(o.id for o in others)}, at)
    session.flush()
    recompute(session, target, policy)
    return target


@write_path
def split(session: Session, actor: Actor, finding_id: str, incident_ids: Sequence[str],
          reason: str, policy: Policy | None = None, *, at: datetime | None = None
          ) -> FindingRecord:
    """Move ``incident_ids`` out of a finding into a new one; returns the new finding."""
    actor.require(*ANALYTIC_ROLES)
    policy = policy or Policy()
    why = need_reason(reason, "split")
    rec = get_finding(session, finding_id)
    _open(rec, "split")
    current = set(member_ids(session, rec.id))
    moving = sorted(set(incident_ids))
    unknown = [i for i in moving if i not in current]
    if not moving or unknown:
        raise WorkflowError(f"split needs incidents of finding {rec.id}; not members: {unknown}")
    if len(moving) == len(current):
        raise WorkflowError("split must leave at least one incident in the original finding")
    when = now(at)
    key = FindingKey(type=rec.type, from_country=rec.from_country,
                     to_country=rec.to_country, subject=rec.subject)
    new_id = "F" + hashlib.sha256(f"split|{rec.id}|{'|'.join(moving)}".encode()).hexdigest()[:15]
    if session.get(FindingRecord, new_id) is not None:
        raise WorkflowError(f"this split was already made (finding {new_id})")
    session.execute(delete(FindingMember).where(FindingMember.incident_id.in_(moving)))
    created = new_finding(session, new_id, key, actor.user_id, when, moving, kind="finding.split")
    record(session, actor, rec, "split", why, {"new": new_id, "incidents": moving}, when)
    session.flush()
    recompute(session, rec, policy)
    recompute(session, created, policy)
    return created


@write_path
def publish(session: Session, actor: Actor, finding_id: str, reason: str,
            policy: Policy | None = None, *, override: str | None = None,
            at: datetime | None = None) -> FindingRecord:
    """Publish a confirmed finding; below the standard only a coordinator may, with a
    recorded override reason."""
    actor.require(*ANALYTIC_ROLES)
    policy = policy or Policy()
    rec = get_finding(session, finding_id)
    if rec.status != "confirmed":
        raise WorkflowError(f"only confirmed findings can be published; {rec.id} is {rec.status}")
    detail: dict[str, object] = {"independent": rec.independent,
                                 "min_sources": policy.min_sources}
    if rec.independent < policy.min_sources:
        if actor.role != "coordinator" or not (override and override.strip()):
            raise StandardNotMet(
                f"finding {rec.id} has {rec.independent} independent source(s), below the "
                f"standard of {policy.min_sources}; only a coordinator may publish it, with "
                "an override reason")
        rec.override_reason = override.strip()
        detail["override"] = True
        record(session, actor, rec, "override", rec.override_reason, detail, at)
    record(session, actor, rec, "publish", need_reason(reason, "publish"), detail, at)
    rec.status = "published"
    return rec


@write_path
def sign_off(session: Session, actor: Actor, finding_id: str, text: str,
             *, at: datetime | None = None) -> FindingAction:
    actor.require(*ANALYTIC_ROLES)
    rec = get_finding(session, finding_id)
    return record(session, actor, rec, "sign_off", need_reason(text, "a sign-off"), {}, at)


@write_path
def dissent(session: Session, actor: Actor, finding_id: str, text: str,
            *, at: datetime | None = None) -> FindingAction:
    actor.require(*ANALYTIC_ROLES)
    rec = get_finding(session, finding_id)
    return record(session, actor, rec, "dissent", need_reason(text, "a dissent"), {}, at)


def history(session: Session, finding_id: str) -> list[FindingAction]:
    return list(session.scalars(select(FindingAction).where(
        FindingAction.finding_id == finding_id).order_by(FindingAction.id)))
