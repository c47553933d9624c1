"""Designated vessels: from the lists/screening store when present, else a CSV table."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

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
