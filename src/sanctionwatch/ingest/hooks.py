"""Records derived from a new evidence item inside its intake transaction."""

from __future__ import annotations

from sanctionwatch.config import Settings
from sanctionwatch.ingest.pipeline import DerivedHook


def derived_records(settings: Settings) -> DerivedHook | None:
    """The hook that stores incidents extracted from a new item (None until wired)."""
    return None
