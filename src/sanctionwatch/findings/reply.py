"""Right of reply: letters to named states or entities, deadlines, replies."""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from sanctionwatch.findings.models import FindingLetter
from sanctionwatch.findings.service import (
    ANALYTIC_ROLES,
    Actor,
    WorkflowError,
    digest,
    get_finding,
    now,
    record,
    write_path,
)
from sanctionwatch.ledger.append import append

ReplyStatus = Literal["replied", "no reply received", "awaiting reply"]
NO_REPLY: ReplyStatus = "no reply received"


@write_path
def add_letter(session: Session, actor: Actor, finding_id: str, addressee: str,
               deadline: date, *, kind: Literal["state", "entity", "person"] = "state",
               at: datetime | None = None) -> FindingLetter:
    actor.require(*ANALYTIC_ROLES)
    rec = get_finding(session, finding_id)
    name = addressee.strip()
    if not name:
        raise WorkflowError("a letter needs an addressee")
    when = now(at)
    if deadline < when.date():
        raise WorkflowError(f"deadline {deadline} is before the letter is sent ({when.date()})")
    lid = "L" + hashlib.sha256(f"{rec.id}|{name}|{when.isoformat()}".encode()).hexdigest()[:15]
    action = record(session, actor, rec, "letter", f"letter to {name}",
                    {"letter": lid, "addressee": name, "addressee_kind": kind,
                     "deadline": deadline.isoformat()}, when)
    letter = FindingLetter(id=lid, finding_id=rec.id, addressee=name, addressee_kind=kind,
                           sent_at=when, deadline=deadline.isoformat(), sent_by=actor.user_id,
                           ledger_seq=action.ledger_seq)
    session.add(letter)
    session.flush()
    return letter


@write_path
def record_reply(session: Session, actor: Actor, letter_id: str, text: str,
                 *, at: datetime | None = None) -> FindingLetter:
    actor.require(*ANALYTIC_ROLES)
    letter = session.get(FindingLetter, letter_id)
    if letter is None:
        raise WorkflowError(f"no letter {letter_id!r}")
    if letter.reply_text is not None:
        raise WorkflowError(f"letter {letter_id} already has a reply (recorded "
                            f"{letter.replied_at})")
    if not text.strip():
        raise WorkflowError("a reply needs its text")
    when = now(at)
    append(session, "finding.reply", {"finding": letter.finding_id, "letter": letter.id,
                                      "actor": actor.user_id, "reply_sha256": digest(text)},
           subject=letter.finding_id, at=when)
    letter.reply_text, letter.replied_at = text.strip(), when
    session.flush()
    return letter


def reply_status(letter: FindingLetter, today: date) -> ReplyStatus:
    """``replied``; ``no reply received`` once the deadline has passed; else awaiting."""
    if letter.reply_text is not None:
        return "replied"
    return NO_REPLY if today > date.fromisoformat(letter.deadline) else "awaiting reply"


def letters(session: Session, finding_id: str) -> list[FindingLetter]:
    return list(session.scalars(select(FindingLetter).where(
        FindingLetter.finding_id == finding_id).order_by(FindingLetter.sent_at,
                                                         FindingLetter.id)))
