"""Salted commitments to an item's protected metadata.

Ledger entries may be published (a report prints proofs), so they never carry an
originator or caveat in clear text. The intake entry carries
``meta = SHA-256(salt || canonical_json(meta_fields))`` instead; the salt stays in the
database, so the commitment can be checked by whoever may see the metadata, and cannot
be brute-forced from the short list of possible originators by anyone else.
"""

from __future__ import annotations

import hashlib
from typing import Any, Protocol

from sanctionwatch.ledger.canonical import canonical_json
from sanctionwatch.timeutil import utc_iso


class HasMeta(Protocol):
    originator: str
    caveat: str
    originator_caveat: str
    source_url: str | None
    reliability: str | None
    credibility: int | None
    collector: str
    method: str
    meta_salt: str
    filename: str
    media_type: str
    language: str | None

    @property
    def collected_at(self) -> Any: ...


def meta_fields(item: HasMeta) -> dict[str, Any]:
    return {
        "originator": item.originator,
        "caveat": item.caveat,
        "originator_caveat": item.originator_caveat,
        "source_url": item.source_url,
        "reliability": item.reliability,
        "credibility": item.credibility,
        "collected_at": utc_iso(item.collected_at),
        "collector": item.collector,
        "method": item.method,
        "filename": item.filename,
        "media_type": item.media_type,
        "language": item.language,
    }


def meta_commitment(item: HasMeta) -> str:
    salt = bytes.fromhex(item.meta_salt)
    return hashlib.sha256(salt + canonical_json(meta_fields(item))).hexdigest()
