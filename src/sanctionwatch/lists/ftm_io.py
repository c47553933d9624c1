"""FollowTheMoney entity files (JSON lines) and designated-vessel tables (CSV) → entities."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path
from typing import Any

from sanctionwatch.jsonlimits import DEFAULT_MAX_NESTING, NestingError, loads_limited
from sanctionwatch.lists.entities import Entity, squash
from sanctionwatch.lists.errors import ListError

VESSEL_COLUMNS = ("name", "imo", "mmsi", "flag", "call_sign", "date", "paragraph")
_ALIASES = {"call sign": "call_sign", "callsign": "call_sign", "imo number": "imo",
            "imo_number": "imo", "vessel": "name", "vessel name": "name",
            "listed on": "date", "listing date": "date", "measure": "paragraph",
            "provision": "paragraph"}


def _read(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ListError(f"cannot read {path}: {exc.strerror}") from exc
    if size > max_bytes:
        raise ListError(f"{path.name} is {size} bytes, above the limit of {max_bytes}")
    return path.read_bytes()


def _clean(data: dict[str, Any], where: str) -> Entity:
    from followthemoney import model
    from followthemoney.exc import InvalidData

    if not isinstance(data, dict):
        raise ListError(f"{where}: expected a JSON object")
    schema = model.get(str(data.get("schema") or ""))
    if schema is None:
        raise ListError(f"{where}: unknown FollowTheMoney schema {data.get('schema')!r}")
    if not data.get("id"):
        raise ListError(f"{where}: entity has no id")
    properties = data.get("properties") or {}
    if not isinstance(properties, dict):
        raise ListError(f"{where}: 'properties' must be an object")
    try:
        proxy = model.make_entity(schema)
        proxy.id = str(data["id"])
        for prop, values in properties.items():
            if prop not in schema.properties:
                raise ListError(f"{where}: {schema.name} has no property {prop!r}")
            values = values if isinstance(values, list) else [values]
            for value in values:
                if isinstance(value, dict):  # nested entity (OpenSanctions nested export)
                    value = value.get("id")
                if value is not None:
                    proxy.add(prop, squash(str(value)), quiet=True)
    except InvalidData as exc:
        raise ListError(f"{where}: {exc}") from exc
    out: dict[str, Any] = proxy.to_dict()
    return {"id": out["id"], "schema": out["schema"], "properties": out["properties"]}


def parse_ftm(path: Path, *, max_bytes: int,
              max_nesting: int = DEFAULT_MAX_NESTING) -> list[Entity]:
    """Read a FollowTheMoney JSON-lines file (one entity per line)."""
    raw = _read(path, max_bytes)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ListError(f"{path.name} is not UTF-8 text") from exc
    entities: list[Entity] = []
    seen: set[str] = set()
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path.name} line {lineno}"
        try:
            data = loads_limited(line, max_nesting, where)
        except NestingError as exc:
            raise ListError(str(exc)) from exc
        except json.JSONDecodeError as exc:
            raise ListError(f"{where}: invalid JSON ({exc.msg})") from exc
        entity = _clean(data, where)
        if entity["id"] in seen:
            raise ListError(f"{where}: duplicate entity id {entity['id']!r}")
        seen.add(entity["id"])
        entities.append(entity)
    if not entities:
        raise ListError(f"{path.name} contains no entities")
    return entities


def _header(name: str) -> str:
    key = squash(name).lower()
    return _ALIASES.get(key, key.replace(" ", "_"))


def parse_vessels_csv(path: Path, *, max_bytes: int, program: str = "UN-SC1718") -> list[Entity]:
    """Read a designated-vessels table: name, imo, mmsi, flag, call_sign, date, paragraph."""
    raw = _read(path, max_bytes)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ListError(f"{path.name} is not UTF-8 text") from exc
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames:
        raise ListError(f"{path.name} has no header row")
    columns = {_header(f): f for f in reader.fieldnames}
    if "name" not in columns:
        raise ListError(f"{path.name} needs a 'name' column (has: {', '.join(reader.fieldnames)})")
    entities: list[Entity] = []
    seen: set[str] = set()
    for lineno, row in enumerate(reader, start=2):
        rec = {k: squash(row.get(columns[k]) or "") for k in VESSEL_COLUMNS if k in columns}
        if not rec.get("name"):
            raise ListError(f"{path.name} line {lineno}: empty vessel name")
        imo = "".join(ch for ch in rec.get("imo", "") if ch.isdigit())
        if rec.get("imo") and len(imo) != 7:
            raise ListError(f"{path.name} line {lineno}: IMO number {rec['imo']!r} "
                            "is not 7 digits")
        key = imo or hashlib.sha1(rec["name"].upper().encode()).hexdigest()[:12]
        vid = f"unsc-vessel-{key}"
        if vid in seen:
            raise ListError(f"{path.name} line {lineno}: vessel {rec['name']!r} listed twice")
        seen.add(vid)
        vessel = {"name": [rec["name"]], "topics": ["sanction"], "programId": [program]}
        if imo:
            vessel["imoNumber"] = [f"IMO{imo}"]
        for col, prop in (("mmsi", "mmsi"), ("flag", "flag"), ("call_sign", "callSign")):
            if rec.get(col):
                vessel[prop] = [rec[col]]
        entities.append(_clean({"id": vid, "schema": "Vessel", "properties": vessel},
                               f"{path.name} line {lineno}"))
        sanction: dict[str, list[str]] = {"entity": [vid], "programId": [program],
                                          "authority": ["UN Security Council 1718 Committee"]}
        if rec.get("date"):
            sanction["listingDate"] = [rec["date"]]
        if rec.get("paragraph"):
            sanction["provisions"] = [rec["paragraph"]]
        entities.append(_clean({"id": f"{vid}-sanction", "schema": "Sanction",
                                "properties": sanction}, f"{path.name} line {lineno}"))
    if not entities:
        raise ListError(f"{path.name} has no vessel rows")
    return entities
