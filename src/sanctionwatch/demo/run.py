"""`sanctionwatch demo`: the whole path on the bundled sample data.

Creates member states and users, ingests the bundled (fictional) sample documents from
several originators with different caveats and languages, and shows what was stored and
how the same listing looks to different users. Later stages (extraction, screening,
assessment, findings, reports) are added as the pipeline grows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import Engine

from sanctionwatch.access.evidence import EvidenceView, list_evidence
from sanctionwatch.access.models import MemberState, User
from sanctionwatch.access.users import add_state, add_user, principal_for
from sanctionwatch.config import Settings
from sanctionwatch.ingest.hooks import derived_records
from sanctionwatch.ingest.pipeline import IntakeOptions, IntakeResult, ingest_bytes
from sanctionwatch.store.db import transaction

STATES = {
    "KR": "Republic of Korea", "US": "United States", "JP": "Japan", "DE": "Germany",
    "GB": "United Kingdom", "FR": "France",
}
USERS = [
    ("coordinator", "coordinator", None),
    ("analyst", "analyst", None),
    ("kr-liaison", "liaison", "KR"),
    ("us-liaison", "liaison", "US"),
    ("public-reader", "reader", None),
]


@dataclass
class DemoResult:
    intakes: list[IntakeResult] = field(default_factory=list)
    listings: dict[str, list[EvidenceView]] = field(default_factory=dict)
    extras: dict[str, Any] = field(default_factory=dict)


def sample_dir() -> Path:
    return Path(str(resources.files("sanctionwatch.demo") / "samples"))


def _manifest() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((sample_dir() / "manifest.yaml").read_text("utf-8"))
    return data


def load_manifest() -> list[dict[str, Any]]:
    return list(_manifest()["documents"])


def import_lists(settings: Settings, engine: Engine) -> dict[str, int]:
    """The bundled DPRK extract of the UN list and the demo's (fictional) vessels table."""
    from sanctionwatch.lists.load import import_list_file

    un = import_list_file(engine, settings, "packaged", None, "un_sc")
    vessels = import_list_file(engine, settings, "vessels",
                               sample_dir() / _manifest()["vessels"], "demo_vessels")
    return {"un_sc": un.entities, "demo_vessels": vessels.entities // 2}

def setup_team(engine: Engine) -> None:
    """Member states and users of the demo team (idempotent)."""
    with transaction(engine) as session:
        for code, name in STATES.items():
            if session.get(MemberState, code) is None:
                add_state(session, code, name)
        for name, role, state in USERS:
            if session.get(User, name) is None:
                add_user(session, name, role, state)


def ingest_samples(settings: Settings, engine: Engine) -> list[IntakeResult]:
    hook = derived_records(settings, engine)
    results = []
    for doc in load_manifest():
        path = sample_dir() / doc["file"]
        options = IntakeOptions(
            originator=doc["originator"], caveat=doc["caveat"],
            originator_caveat=doc["originator_caveat"], source_url=doc.get("source_url"),
            reliability=doc.get("reliability"), credibility=doc.get("credibility"),
            collector="sanctionwatch demo", method="bundled sample document",
        ).validated()
        results.append(ingest_bytes(settings, engine, path.name, path.read_bytes(), options,
                                    path=f"samples/{doc['file']}", derived=hook))
    return results


def review_findings(engine: Engine, say: Callable[[str], None]) -> dict[str, Any]:
    """The analyst builds and confirms findings; corroborated ones are published, and the
    coordinator releases published findings for the public report, with a reason."""
    from sanctionwatch.access.findings import finding_listing
    from sanctionwatch.access.release import record_release
    from sanctionwatch.findings.actions import confirm, publish
    from sanctionwatch.findings.build import build_findings
    from sanctionwatch.findings.service import Actor

    with transaction(engine) as session:
        built = build_findings(session, actor="analyst")
    with transaction(engine) as session:
        analyst = principal_for(session, "analyst")
        views = finding_listing(session, analyst, context="demo:review").views
        coordinator = principal_for(session, "coordinator")
        published = []
        for v in views:
            if v.status != "corroborated":
                continue
            confirm(session, Actor("analyst", "analyst"), v.id,
                    "sources independent and consistent (demo review)")
            publish(session, Actor("analyst", "analyst"), v.id, "meets the standard")
            record_release(session, coordinator, v.id, "content", "public",
                           "cleared for publication by the originating states (demo)")
            published.append(v.id)
    say(f"findings: {len(built.created)} built, {len(published)} corroborated ones "
        "confirmed and published")
    return {"findings_built": len(built.created), "findings_published": published}


def sign_checkpoint(settings: Settings, engine: Engine) -> Path:
    """Three member states co-sign one checkpoint of the ledger; returns its file."""
    from sanctionwatch.ledger.checkpoint import (
        add_signature,
        keygen,
        load_private_key,
        new_checkpoint,
        write_checkpoint,
    )

    keys = settings.home / "keys"
    for state in ("KR", "US", "JP"):
        if not (keys / f"{state}.key").exists():
            keygen(state, keys)
    with transaction(engine) as session:
        cp = new_checkpoint(session)
    for state in ("KR", "US", "JP"):  # each state signs in its own session
        key_id, key = load_private_key(keys / f"{state}.key")
        with transaction(engine) as session:
            cp = add_signature(session, cp, key_id, key)
    path = settings.home / "checkpoints" / f"checkpoint-{cp['checkpoint']['size']}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    write_checkpoint(path, cp)
    return path


def write_reports(settings: Settings, engine: Engine, checkpoint: Path,
                  say: Callable[[str], None]) -> dict[str, str]:
    from sanctionwatch.access.report import build_report_model
    from sanctionwatch.ledger.checkpoint import read_checkpoint
    from sanctionwatch.report.render import write_report
    from sanctionwatch.timeutil import now_utc

    out: dict[str, str] = {}
    cp = read_checkpoint(checkpoint)
    at = now_utc()
    for audience in ("public", "members"):
        folder = settings.home / "reports" / audience
        with transaction(engine) as session:
            coordinator = principal_for(session, "coordinator")
            model = build_report_model(session, coordinator, audience, at=at, checkpoint=cp,
                                       settings=settings)
        write_report(model, folder)
        out[audience] = str(folder)
        say(f"{audience} report: {len(model.findings)} finding(s) -> {folder}")
    return out


def run_demo(settings: Settings, engine: Engine,
             say: Callable[[str], None] = lambda _m: None) -> DemoResult:
    result = DemoResult()
    say(f"workspace: {settings.home}")
    setup_team(engine)
    say(f"team: {len(STATES)} member states, {len(USERS)} users")
    lists = import_lists(settings, engine)
    say(f"designations: {lists['un_sc']} UN list entities (DPRK extract), "
        f"{lists['demo_vessels']} demo vessels")
    result.intakes = ingest_samples(settings, engine)
    n_inc = sum(r.incidents for r in result.intakes)
    say(f"evidence: {len(result.intakes)} sample documents, {n_inc} incidents extracted")
    for viewer in ("analyst", "kr-liaison"):
        with transaction(engine) as session:
            who = principal_for(session, viewer)
            result.listings[viewer] = list_evidence(session, who, context=f"demo:{viewer}")
    result.extras.update(review_findings(engine, say))
    checkpoint = sign_checkpoint(settings, engine)
    say(f"checkpoint co-signed by KR, US, JP: {checkpoint}")
    result.extras["checkpoint"] = str(checkpoint)
    result.extras["reports"] = write_reports(settings, engine, checkpoint, say)
    return result
