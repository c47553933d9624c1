"""Importing a list file of any supported kind: parse it, then store it as a new version."""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import Engine

from sanctionwatch.config import Settings
from sanctionwatch.lists.errors import ListError
from sanctionwatch.lists.ftm_io import parse_ftm, parse_vessels_csv
from sanctionwatch.lists.packaged import load_packaged, packaged_path
from sanctionwatch.lists.repository import ImportResult, import_entities
from sanctionwatch.lists.unxml import parse_un_xml

KINDS = ("packaged", "un-xml", "ftm", "vessels")


def import_list_file(engine: Engine, settings: Settings, kind: str, path: Path | None,
                     dataset: str) -> ImportResult:
    """Parse ``path`` as ``kind`` (``packaged`` needs no path) and import it into ``dataset``.

    Raises ListError with a message naming the problem; nothing is stored then.
    """
    generated = None
    if kind == "packaged":
        path = packaged_path()
        header, entities = load_packaged()
        generated = header.get("generated")
    elif path is None:
        raise ListError(f"importing a {kind} list needs a file")
    elif kind == "un-xml":
        parsed = parse_un_xml(path, max_bytes=settings.max_xml_bytes)
        entities, generated = parsed.entities, parsed.generated
    elif kind == "ftm":
        entities = parse_ftm(path, max_bytes=settings.max_file_bytes,
                             max_nesting=settings.max_nesting)
    elif kind == "vessels":
        entities = parse_vessels_csv(path, max_bytes=settings.max_file_bytes)
    else:
        raise ListError(f"unknown list kind {kind!r}; one of {', '.join(KINDS)}")
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    return import_entities(engine, dataset, entities, source_format=kind, sha256=sha,
                           filename=path.name, generated=generated)
