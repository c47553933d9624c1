"""Stored incidents inherit their item's caveats and are read through the access layer."""

from __future__ import annotations

import json

from sqlalchemy import select

from sanctionwatch.access.incidents import visible_incidents
from sanctionwatch.access.policy import Principal
from sanctionwatch.config import Settings
from sanctionwatch.incident import Incident
from sanctionwatch.ingest.derived import store_incidents
from sanctionwatch.ingest.pipeline import IntakeOptions, ingest_bytes
from sanctionwatch.ledger.verify import verify
from sanctionwatch.store.db import get_engine, transaction
from sanctionwatch.store.models import EvidenceItem, LedgerEntry

PANTSIR = Incident.model_validate({"type": "arms_transfer", "from": "RU", "to": "KP",
                                   "item": "Pantsir air defence system", "quantity": 1,
                                   "unit": "systems", "when": "2024", "stance": "asserted"})
TROOPS = Incident.model_validate({"type": "military_personnel", "from": "KP", "to": "RU",
                                  "item": "troops", "quantity": 11000, "unit": "troops",
                                  "stance": "alleged"})


def _hook(incidents: list[Incident]):  # type: ignore[no-untyped-def]
    def hook(session, item: EvidenceItem) -> int:  # type: ignore[no-untyped-def]
        return len(store_incidents(session, item, incidents))
    return hook


def test_incidents_inherit_caveats_and_follow_the_rules(settings: Settings) -> None:
    engine = get_engine(settings)
    secret = ingest_bytes(settings, engine, "kr.txt", b"Protected liaison report one.",
                          IntakeOptions(originator="KR", caveat="originator").validated(),
                          derived=_hook([PANTSIR]))
    shared = ingest_bytes(settings, engine, "us.txt", b"Members report two.",
                          IntakeOptions(originator="US", caveat="members",
                                        originator_caveat="originator").validated(),
                          derived=_hook([TROOPS, PANTSIR]))
    public = ingest_bytes(settings, engine, "wire.txt", b"Public wire three.",
                          IntakeOptions(originator="Sample Wire", caveat="public",
                                        originator_caveat="public").validated(),
                          derived=_hook([TROOPS]))
    assert (secret.incidents, shared.incidents, public.incidents) == (1, 2, 1)
    cases = {
        Principal("c", "coordinator"): (4, 0),
        Principal("a", "analyst"): (3, 1),
        Principal("kr", "liaison", "KR"): (4, 0),
        Principal("jp", "liaison", "JP"): (3, 1),
        Principal("r", "reader"): (1, 0),
    }
    for who, (n_seen, n_withheld) in cases.items():
        with transaction(engine) as s:
            listing = visible_incidents(s, who, context="t")
        assert (len(listing.incidents), listing.withheld) == (n_seen, n_withheld), who
        for v in listing.incidents:
            if v.evidence_id == shared.item_id and who.role != "coordinator" \
                    and who.state != "US":
                assert v.originator.startswith("Member State")
                assert "US" not in json.dumps(v.incident.wire())
    with transaction(engine) as s:
        by_type = visible_incidents(s, Principal("c", "coordinator"), context="t",
                                    type_="military_personnel", country="kp")
        assert {v.evidence_id for v in by_type.incidents} == {shared.item_id, public.item_id}
        kinds = list(s.execute(select(LedgerEntry.kind)).scalars())
    assert kinds.count("incident.recorded") == 4
    assert verify(engine, settings).ok
