"""Read incidents from a file: a JSON list, one JSON object, or JSON lines.

JSON lines may be bare incidents or ``{"doc": ..., "incidents": [...]}`` records as
``extract --jsonl`` prints them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from sanctionwatch.incident import Incident
from sanctionwatch.jsonlimits import DEFAULT_MAX_NESTING, NestingError, loads_limited


class IncidentFileError(ValueError):
    """The incidents file cannot be read or an incident is malformed."""


def _flatten(obj: Any, where: str) -> list[tuple[str, dict[str, Any]]]:
    if isinstance(obj, list):
        out: list[tuple[str, dict[str, Any]]] = []
        for n, item in enumerate(obj):
            out.extend(_flatten(item, f"{where}[{n}]"))
        return out
    if isinstance(obj, dict) and isinstance(obj.get("incidents"), list):
        doc = str(obj.get("doc", where))
        return [(f"{doc}#{n}", inc) for n, inc in enumerate(obj["incidents"])]
    if isinstance(obj, dict):
        return [(where, obj)]
    raise IncidentFileError(f"{where}: expected an incident object, got {type(obj).__name__}")


def read_incidents(path: Path, max_bytes: int = 50 * 1024 * 1024,
                   max_nesting: int = DEFAULT_MAX_NESTING) -> list[tuple[str, Incident]]:
    """(label, Incident) pairs from ``path``; a malformed incident raises with its position."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise IncidentFileError(f"{path} is {size} bytes, over the limit of {max_bytes}")
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise IncidentFileError(f"cannot read {path}: {exc}") from exc
    raw: list[tuple[str, dict[str, Any]]] = []
    try:
        raw = _flatten(loads_limited(text, max_nesting, path.name), path.name)
    except NestingError as exc:
        raise IncidentFileError(str(exc)) from exc
    except json.JSONDecodeError:
        for n, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                raw.extend(_flatten(loads_limited(line, max_nesting, f"{path.name}:{n}"),
                                    f"{path.name}:{n}"))
            except NestingError as exc:
                raise IncidentFileError(str(exc)) from exc
            except json.JSONDecodeError as exc:
                raise IncidentFileError(f"{path}:{n}: not JSON: {exc.msg}") from exc
    out: list[tuple[str, Incident]] = []
    for label, data in raw:
        try:
            out.append((label, Incident.model_validate(data)))
        except ValidationError as exc:
            first = exc.errors()[0]
            loc = ".".join(str(x) for x in first["loc"])
            raise IncidentFileError(f"{label}: bad incident ({loc}: {first['msg']})") from exc
    return out
