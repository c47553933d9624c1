"""Building a report for an audience: the findings it may see, the checkpoint the report
rests on, and an inclusion proof for every cited item.

The report is written *as* its audience (``public`` = a reader, ``members`` = any member
state, ``KR`` = that state's liaison), so the same rules that protect every listing
protect the report. Who may produce one: a coordinator for any audience; an analyst for
``public`` and ``members`` (whose material analysts may read anyway).
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from sanctionwatch.access.errors import AccessDenied
from sanctionwatch.access.findings import finding_listing
from sanctionwatch.access.policy import Principal, audience_principal
from sanctionwatch.config import Settings
from sanctionwatch.findings.grading import Policy
from sanctionwatch.ledger.append import append
from sanctionwatch.ledger.checkpoint import check_against_log, new_checkpoint, parse_checkpoint
from sanctionwatch.ledger.log import inclusion_proof
from sanctionwatch.report.assemble import refined_petroleum_cap
from sanctionwatch.report.model import CheckpointView, ProofView, ReportModel, Signature
from sanctionwatch.timeutil import utc, utc_iso

AUDIENCE_LABELS = {"public": "Public", "members": "All member states of the team"}
STATUSES = {"public": ("published",), "members": ("confirmed", "published")}


def may_produce(producer: Principal, audience: str) -> None:
    if producer.role == "coordinator":
        return
    if producer.role == "analyst" and audience.lower() in ("public", "members"):
        return
    raise AccessDenied("only a coordinator produces reports for a single state; analysts "
                       "may produce public and members' reports")


def _checkpoint_view(cp: dict[str, Any]) -> CheckpointView:
    body = cp["checkpoint"]
    return CheckpointView(size=body["size"], root=body["root"], log=body["log"],
                          time=body["time"],
                          signatures=[Signature(key_id=s.get("key_id", ""),
                                                signature=s.get("sig", ""))
                                      for s in cp.get("signatures", [])])


def build_report_model(session: Session, producer: Principal, audience: str, *,
                       at: datetime, period: str | None = None,
                       checkpoint: dict[str, Any] | None = None,
                       include_unconfirmed: bool = False, policy: Policy | None = None,
                       notified_barrels: Decimal | None = None,
                       settings: Settings | None = None) -> ReportModel:
    """The redacted model of one report. ``checkpoint`` (a signed checkpoint file's
    content) must match this log; without one an unsigned checkpoint of the log as it is
    now is used."""
    may_produce(producer, audience)
    reader = audience_principal(audience)
    if checkpoint is None:
        checkpoint = new_checkpoint(session, at=at)
    parse_checkpoint(checkpoint)
    problems = check_against_log(session, checkpoint)
    if problems:
        raise ValueError("the checkpoint does not match this ledger: " + "; ".join(problems))
    size = int(checkpoint["checkpoint"]["size"])
    key = audience.lower() if audience.lower() in STATUSES else "state"
    statuses = None if include_unconfirmed else STATUSES.get(key, ("confirmed", "published"))
    # Pseudonyms are keyed to this report: same inputs, same letters; other reports differ.
    context = "report:" + hashlib.sha256(
        f"{audience}|{period}|{checkpoint['checkpoint']['root']}|{size}".encode()).hexdigest()
    listing = finding_listing(session, reader, context=context, statuses=statuses,
                              period=period, policy=policy, today=utc(at).date())
    proofs = []
    for cited in listing.cited:
        if cited.ledger_seq >= size:
            raise ValueError(f"item {cited.ref} was recorded after the checkpoint (size "
                             f"{size}); sign a newer checkpoint")
        proof = inclusion_proof(session, cited.ledger_seq, size).to_json()
        proofs.append(ProofView(ref=cited.ref, **proof))
    year = int(period) if period else utc(at).year
    caps = [refined_petroleum_cap(year, notified_barrels)]
    label = AUDIENCE_LABELS.get(audience.lower(), f"Member State {audience.upper()}")
    n = len(listing.views)
    summary = [
        f"This report sets out {n} finding{'s' if n != 1 else ''} on the implementation of "
        "the sanctions regime on the DPRK" + (f" for {period}." if period else "."),
        "Sources are cited by reference; an item that cannot be shown to this audience "
        "appears only as its hash commitment, with an inclusion proof against the "
        "signed ledger checkpoint in the annex.",
    ]
    tracks = None
    if settings is not None and listing.ais_events:
        from sanctionwatch.maritime.trackdata import track_map_view

        tracks = track_map_view(settings, listing.ais_events,
                                title="Vessels in the maritime findings")
    model = ReportModel(
        title="sanctionwatch report" + (f" {period}" if period else ""),
        audience=audience.lower() if key != "state" else audience.upper(),
        audience_label=label, period=period, generated_at=utc(at), summary=summary,
        findings=listing.views, caps=caps, checkpoint=_checkpoint_view(checkpoint),
        proofs=proofs, tracks=tracks)
    append(session, "report.generated",
           {"audience": model.audience, "period": period, "by": producer.name,
            "findings": [f.id for f in listing.views], "checkpoint_size": size,
            "checkpoint_root": checkpoint["checkpoint"]["root"], "report_time": utc_iso(at)},
           subject=f"report:{context[7:23]}")
    return model
