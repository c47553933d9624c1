"""Records derived from a new evidence item inside its intake transaction: the incidents
the extractor finds in its text (each inheriting the item's caveats, each ledgered)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from sanctionwatch.config import Settings
from sanctionwatch.extract.pipeline import extract_text
from sanctionwatch.ingest.derived import store_incidents
from sanctionwatch.ingest.pipeline import DerivedHook
from sanctionwatch.store.models import EvidenceItem


def extract_incidents(session: Session, item: EvidenceItem) -> int:
    result = extract_text(item.text, language=item.language)
    if result.doc_date is not None:
        item.doc_date = result.doc_date.iso()[:10]
    return len(store_incidents(session, item, list(result.incidents)))


def derived_records(settings: Settings) -> DerivedHook | None:
    """The hook run for each new item: extraction, unless switched off in settings."""
    if settings.extra.get("extract.on_ingest", "1") in ("0", "false", "no"):
        return None
    return extract_incidents
