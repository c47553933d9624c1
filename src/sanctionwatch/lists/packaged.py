"""The DPRK (1718) part of the UN Consolidated List, shipped with the package for the demo.

``data/un_sc_dprk.jsonl.gz`` holds FollowTheMoney entities converted from the public UN
list (names, aliases, dates, documents, addresses, reference numbers; no narrative text).
The first line is a header naming the source snapshot.
"""

from __future__ import annotations

import gzip
import json
from importlib import resources
from pathlib import Path
from typing import Any

from sanctionwatch.lists.entities import Entity
from sanctionwatch.lists.errors import ListError

PACKAGED_FILE = "un_sc_dprk.jsonl.gz"
PACKAGED_DATASET = "un_sc"


def packaged_path() -> Path:
    return Path(str(resources.files("sanctionwatch.lists").joinpath("data", PACKAGED_FILE)))


def load_packaged() -> tuple[dict[str, Any], list[Entity]]:
    """The header and entities of the packaged DPRK extract."""
    path = packaged_path()
    if not path.is_file():
        raise ListError(f"the packaged DPRK list is missing ({path})")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        lines = [json.loads(line) for line in fh if line.strip()]
    if not lines or "source" not in lines[0]:
        raise ListError(f"{path.name} has no header line")
    return lines[0], [{**e, "datasets": [PACKAGED_DATASET]} for e in lines[1:]]


def write_packaged(xml_path: Path, out: Path, *, max_bytes: int) -> int:
    """Regenerate the packaged extract from a UN list file; returns the entity count."""
    from sanctionwatch.lists.unxml import parse_un_xml

    parsed = parse_un_xml(xml_path, max_bytes=max_bytes, programs={"DPRK"}, with_notes=False)
    header = {
        "source": "UN Security Council Consolidated List (XML), DPRK (1718) entries",
        "url": "https://scsanctions.un.org/resources/xml/en/consolidated.xml",
        "generated": parsed.generated,
        "entities": len(parsed.entities),
    }
    with gzip.GzipFile(out, "wb", mtime=0) as fh:
        for row in [header, *parsed.entities]:
            fh.write((json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n").encode())
    return len(parsed.entities)
