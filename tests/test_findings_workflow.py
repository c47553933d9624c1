"""The findings workflow on real SQLite and PostgreSQL: build, analyst actions, letters."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from sanctionwatch.access.guard import system_scope
from sanctionwatch.config import Settings
from sanctionwatch.findings.actions import (
    confirm,
    dissent,
    history,
    merge,
    note,
    publish,
    reject,
    sign_off,
    split,
)
from sanctionwatch.findings.build import build_findings, member_ids
from sanctionwatch.findings.grading import Policy
from sanctionwatch.findings.models import FindingRecord
from sanctionwatch.findings.reply import NO_REPLY, add_letter, letters, record_reply, reply_status
from sanctionwatch.findings.service import Actor, NotAllowed, StandardNotMet, WorkflowError
from sanctionwatch.ledger.append import append
from sanctionwatch.store.db import get_engine, session_factory
from sanctionwatch.store.models import EvidenceItem, IncidentRecord, LedgerEntry

T0 = datetime(2024, 5, 1, 9, 0, tzinfo=UTC)
ANALYST = Actor("ana", "analyst")
COORD = Actor("cora", "coordinator")
READER = Actor("rui", "reader")
SECRET_ORIGINATORS = ("Member-Zeta-Intelligence", "Member-Eta-Customs", "Open-NGO")


@pytest.fixture
def session(settings: Settings) -> Iterator[Session]:
    engine = get_engine(settings)
    with session_factory(engine)() as s:
        yield s


@contextmanager
def tx(s: Session) -> Iterator[None]:
    """A fresh transaction (reads in between autobegin one; end it first)."""
    if s.in_transaction():
        s.commit()
    with s.begin():
        yield


def add_item(s: Session, eid: str, originator: str, text: str, rel: str = "B",
             cred: int = 2) -> None:
    seq = append(s, "test.evidence", {"item": eid}, subject=eid, at=T0).seq
    s.add(EvidenceItem(
        id=eid, sha256=hashlib.sha256(eid.encode()).hexdigest(), size=len(text),
        media_type="text/plain", filename=f"{eid}.txt", text=text,
        text_sha256=hashlib.sha256(text.encode()).hexdigest(), language="en",
        originator=originator, caveat="members", originator_caveat="members",
        reliability=rel, credibility=cred, collected_at=T0, ingested_at=T0, collector="t",
        method="test", meta_salt="00", ledger_seq=seq))


def add_incident(s: Session, iid: str, eid: str, when: str = "2023-03", qty: float | None = None,
                 to: str = "KP", category: str = "refined petroleum") -> None:
    s.add(IncidentRecord(
        id=iid, evidence_id=eid, ordinal=0, type="petroleum_transfer", from_country="RU",
        to_country=to, item="diesel", category=category, quantity=qty, unit="barrels",
        when=when, stance="asserted", extra={}, caveat="members", originator_caveat="members",
        source="test", created_at=T0, ledger_seq=0))


def seed(s: Session) -> None:
    add_item(s, "e1", SECRET_ORIGINATORS[0], "Tanker A unloaded diesel at Nampo in March.")
    add_item(s, "e2", SECRET_ORIGINATORS[0], "Satellite imagery shows hoses at the Nampo pier.")
    add_item(s, "e3", SECRET_ORIGINATORS[1], "Customs data shows an unexplained fuel export.")
    add_item(s, "e4", SECRET_ORIGINATORS[2], "Workers in Vladivostok building apartments.")
    add_incident(s, "i1", "e1", qty=9000)
    add_incident(s, "i2", "e2", when="2023-03-20", qty=14000)
    add_incident(s, "i3", "e3", qty=11000)
    add_incident(s, "i4", "e4", when="2023-09", to="CN")
    s.flush()


def finding(s: Session, fid: str) -> FindingRecord:
    with system_scope("test"):
        rec = s.get(FindingRecord, fid)
    assert rec is not None
    return rec


def findings_by_to(s: Session) -> dict[str, FindingRecord]:
    with system_scope("test"):
        rows = s.scalars(select(FindingRecord)).all()
    return {r.to_country or "": r for r in rows}


def test_build_is_idempotent_and_counts_originators_once(session: Session) -> None:
    with tx(session):
        seed(session)
        result = build_findings(session, at=T0)
    assert len(result.created) == 2
    kp = findings_by_to(session)["KP"]
    assert kp.independent == 2  # e1 and e2 share an originator
    assert kp.status == "corroborated"
    assert kp.quantities == [{"unit": "barrels", "low": "9000", "high": "14000", "sources": 2}]
    links = kp.counting["links"]
    assert [(lk["a"], lk["b"], lk["reason"]) for lk in links] == [("e1", "e2", "same_originator")]
    assert (kp.period_start, kp.period_end) == ("2023-03-01", "2023-03-31")
    with tx(session):
        again = build_findings(session, at=T0)
    assert again.changed == 0
    # a new incident joins the open finding instead of making another one
    with tx(session):
        add_item(session, "e5", "Another-State", "A tanker crew described a night transfer.")
        add_incident(session, "i5", "e5", when="2023-03-28", qty=12000)
        session.flush()
        third = build_findings(session, at=T0)
    assert third.extended == [kp.id] and third.created == []
    assert finding(session, kp.id).independent == 3


def test_ledger_never_carries_originators(session: Session) -> None:
    with tx(session):
        seed(session)
        result = build_findings(session, at=T0)
        fid = sorted(result.created)[0]
        confirm(session, ANALYST, fid, "checked the imagery against Member-Zeta files", at=T0)
    entries = session.scalars(select(LedgerEntry.entry)).all()
    blob = b"\n".join(entries).decode()
    for name in SECRET_ORIGINATORS:
        assert name not in blob
    kinds = [json.loads(e)["kind"] for e in entries]
    assert kinds.count("finding.created") == 2 and "finding.confirm" in kinds


def test_actions_are_recorded_with_who_when_why(session: Session) -> None:
    with tx(session):
        seed(session)
        build_findings(session, at=T0)
    fid = findings_by_to(session)["KP"].id
    with tx(session):
        with pytest.raises(NotAllowed):
            confirm(session, READER, fid, "looks right")
        with pytest.raises(WorkflowError, match="reason"):
            confirm(session, ANALYST, fid, "  ")
        note(session, ANALYST, fid, "ask the Panel's maritime expert", at=T0)
        confirm(session, ANALYST, fid, "cross-checked customs and imagery",
                at=T0 + timedelta(hours=1))
        sign_off(session, ANALYST, fid, "I agree", at=T0)
        dissent(session, COORD, fid, "the volume is overstated", at=T0)
    assert finding(session, fid).status == "confirmed"
    with system_scope("test"):
        acts = history(session, fid)
    assert [(a.action, a.actor) for a in acts] == [
        ("note", "ana"), ("confirm", "ana"), ("sign_off", "ana"), ("dissent", "cora")]
    assert acts[1].reason == "cross-checked customs and imagery"
    assert acts[1].at.replace(tzinfo=UTC) == T0 + timedelta(hours=1)
    entry = session.get(LedgerEntry, acts[1].ledger_seq)
    assert entry is not None
    payload = json.loads(entry.entry)
    assert payload["actor"] == "ana" and payload["kind"] == "finding.confirm"
    assert payload["reason_sha256"] == hashlib.sha256(acts[1].reason.encode()).hexdigest()


def test_publish_below_standard_needs_coordinator_override(session: Session) -> None:
    with tx(session):
        seed(session)
        build_findings(session, at=T0)
    cn = findings_by_to(session)["CN"]  # one source only
    with tx(session):
        confirm(session, ANALYST, cn.id, "site visit", at=T0)
    with tx(session), pytest.raises(StandardNotMet, match="below the standard of 2"):
        publish(session, ANALYST, cn.id, "ready", override="urgent")
    with tx(session), pytest.raises(StandardNotMet):
        publish(session, COORD, cn.id, "ready")  # no override reason
    with tx(session):
        publish(session, COORD, cn.id, "ready", override="on-site inspection by the team",
                at=T0)
    rec = finding(session, cn.id)
    assert rec.status == "published" and rec.override_reason == "on-site inspection by the team"
    with tx(session), pytest.raises(WorkflowError, match="published"):
        reject(session, COORD, cn.id, "too late")
    with tx(session):  # a stricter policy blocks the two-source finding too
        kp = findings_by_to(session)["KP"]
        confirm(session, ANALYST, kp.id, "ok", at=T0)
        with pytest.raises(StandardNotMet):
            publish(session, ANALYST, kp.id, "ready", Policy(min_sources=3))
        publish(session, ANALYST, kp.id, "ready", Policy(min_sources=2), at=T0)


def test_merge_and_split(session: Session) -> None:
    with tx(session):
        seed(session)
        build_findings(session, at=T0)
    by = findings_by_to(session)
    kp, cn = by["KP"], by["CN"]
    with tx(session):
        with pytest.raises(WorkflowError, match="leave at least one"):
            split(session, ANALYST, kp.id, ["i1", "i2", "i3"], "all")
        with pytest.raises(WorkflowError, match="not members"):
            split(session, ANALYST, kp.id, ["i4"], "wrong")
        new = split(session, ANALYST, kp.id, ["i3"], "customs data is a different cargo", at=T0)
    with system_scope("test"):
        assert member_ids(session, new.id) == ["i3"]
        assert member_ids(session, kp.id) == ["i1", "i2"]
    assert finding(session, kp.id).independent == 1
    assert finding(session, kp.id).status == "reported"
    with tx(session):
        merge(session, ANALYST, kp.id, [new.id, cn.id], "same cargo after all", at=T0)
    assert finding(session, cn.id).status == "merged"
    assert finding(session, cn.id).merged_into == kp.id
    with system_scope("test"):
        assert member_ids(session, kp.id) == ["i1", "i2", "i3", "i4"]
    assert finding(session, kp.id).independent == 3
    with tx(session):
        assert build_findings(session, at=T0).changed == 0  # merged members stay put


def test_right_of_reply(session: Session) -> None:
    with tx(session):
        seed(session)
        build_findings(session, at=T0)
    fid = findings_by_to(session)["KP"].id
    with tx(session):
        with pytest.raises(WorkflowError, match="before the letter"):
            add_letter(session, ANALYST, fid, "Russian Federation", date(2024, 4, 1), at=T0)
        a = add_letter(session, ANALYST, fid, "Russian Federation", date(2024, 6, 1), at=T0)
        b = add_letter(session, ANALYST, fid, "Ocean Star Shipping Co", date(2024, 6, 1),
                       kind="entity", at=T0 + timedelta(minutes=1))
        record_reply(session, ANALYST, a.id, "The transfer did not take place.", at=T0)
        with pytest.raises(WorkflowError, match="already has a reply"):
            record_reply(session, ANALYST, a.id, "again")
    with system_scope("test"):
        rows = letters(session, fid)
    assert [r.addressee for r in rows] == ["Russian Federation", "Ocean Star Shipping Co"]
    assert reply_status(rows[0], date(2024, 7, 1)) == "replied"
    assert reply_status(rows[1], date(2024, 5, 15)) == "awaiting reply"
    assert reply_status(rows[1], date(2024, 6, 2)) == NO_REPLY
    assert b.id != a.id
