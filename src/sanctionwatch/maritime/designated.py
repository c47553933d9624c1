"""Designated vessels: from the lists/screening store when present, else a CSV table."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from sanctionwatch.maritime.identity import norm_name


class DesignatedError(ValueError):
    """The designated-vessels table cannot be read."""


@dataclass(frozen=True)
class DesignatedVessel:
    name: str
    imo: str | None = None
    mmsi: int | None = None
    flag: str | None = None
    reference: str | None = None  # list reference, e.g. a UN sanctions list id

    @property
    def key_name(self) -> str:
        return norm_name(self.name)


def read_designated_csv(path: Path) -> list[DesignatedVessel]:
    """Rows with columns name, imo, mmsi, flag (reference optional)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise DesignatedError(f"cannot read {path}: {exc.strerror or exc}") from exc
    reader = csv.DictReader(io.StringIO(text))
    cols = {c.strip().lower(): c for c in (reader.fieldnames or [])}
    if "name" not in cols and "imo" not in cols:
        raise DesignatedError(f"{path}: needs at least a 'name' or 'imo' column "
                              f"(found {list(cols)})")
    out: list[DesignatedVessel] = []
    for i, row in enumerate(reader, start=2):
        def get(key: str, row: dict[str, str] = row) -> str | None:
            col = cols.get(key)
            value = (row.get(col) or "").strip() if col else ""
            return value or None

        mmsi_raw = get("mmsi")
        try:
            mmsi = int(mmsi_raw) if mmsi_raw else None
        except ValueError as exc:
            raise DesignatedError(f"{path}:{i}: mmsi {mmsi_raw!r} is not a number") from exc
        imo = get("imo")
        if imo:
            imo = imo.upper().removeprefix("IMO").strip()
        name = get("name") or ""
        if not name and not imo and mmsi is None:
            continue
        flag = get("flag")
        out.append(DesignatedVessel(name=name, imo=imo, mmsi=mmsi,
                                    flag=flag.upper() if flag else None,
                                    reference=get("reference")))
    return out


def _digits(value: object) -> str:
    return "".join(ch for ch in str(value) if ch.isdigit())


def vessels_from_entities(entities: Iterable[Mapping[str, Any]]) -> list[DesignatedVessel]:
    """Designated vessels among list entities (FollowTheMoney-shaped: schema ``Vessel``
    with ``name``, ``imoNumber``, ``mmsi``, ``flag``); one per name of each entity."""
    out: list[DesignatedVessel] = []
    for ent in entities:
        if ent.get("schema") != "Vessel":
            continue
        props = ent.get("properties") or {}
        imos = [d for d in (_digits(v) for v in props.get("imoNumber", [])) if len(d) == 7]
        mmsis = [int(d) for d in (_digits(v) for v in props.get("mmsi", [])) if len(d) == 9]
        flags = [str(f).upper() for f in props.get("flag", []) if f]
        names = [str(n) for n in props.get("name", []) if str(n).strip()] or [""]
        for name in names:
            if not name and not imos and not mmsis:
                continue
            out.append(DesignatedVessel(name=name.strip(), imo=imos[0] if imos else None,
                                        mmsi=mmsis[0] if mmsis else None,
                                        flag=flags[0] if flags else None,
                                        reference=str(ent.get("id") or "") or None))
    return out


def designated_from_lists(db: Engine) -> list[DesignatedVessel]:
    """Vessels of the designation lists imported into the workspace (none if no list)."""
    from sanctionwatch.lists.repository import current_entities

    return vessels_from_entities(current_entities(db))
