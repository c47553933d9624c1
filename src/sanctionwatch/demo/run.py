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


def load_manifest() -> list[dict[str, Any]]:
    data = yaml.safe_load((sample_dir() / "manifest.yaml").read_text("utf-8"))
    return list(data["documents"])


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
    hook = derived_records(settings)
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


def run_demo(settings: Settings, engine: Engine,
             say: Callable[[str], None] = lambda _m: None) -> DemoResult:
    result = DemoResult()
    say(f"workspace: {settings.home}")
    setup_team(engine)
    say(f"team: {len(STATES)} member states, {len(USERS)} users")
    result.intakes = ingest_samples(settings, engine)
    for viewer in ("analyst", "kr-liaison"):
        with transaction(engine) as session:
            who = principal_for(session, viewer)
            result.listings[viewer] = list_evidence(session, who, context=f"demo:{viewer}")
    return result
