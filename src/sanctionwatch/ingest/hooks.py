"""Records derived from a new evidence item inside its intake transaction: the incidents
the extractor finds in its text, and one ``designated_entity_activity`` incident for each
designated party acting in them (each inheriting the item's caveats, each ledgered)."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from sanctionwatch.config import Settings
from sanctionwatch.extract.pipeline import extract_text
from sanctionwatch.ingest.derived import store_incidents
from sanctionwatch.ingest.designated import Linker, designated_incidents, linker
from sanctionwatch.ingest.pipeline import DerivedHook
from sanctionwatch.store.models import EvidenceItem


def extraction_hook(link: Linker | None) -> DerivedHook:
    def extract_incidents(session: Session, item: EvidenceItem) -> int:
        result = extract_text(item.text, language=item.language)
        if result.doc_date is not None:
            item.doc_date = result.doc_date.iso()[:10]
        incidents = list(result.incidents)
        if link is not None:
            incidents += designated_incidents(link, incidents)
        return len(store_incidents(session, item, incidents))

    return extract_incidents


def derived_records(settings: Settings, engine: Engine | None = None) -> DerivedHook | None:
    """The hook run for each new item: extraction and designated-party linking (the
    designations index is prepared here, before any intake transaction opens)."""
    if settings.extra.get("extract.on_ingest", "1") in ("0", "false", "no"):
        return None
    return extraction_hook(linker(engine) if engine is not None else None)
