"""CSV, Parquet and JSON-lines AIS tables with the common column names.

Column names are matched case-insensitively, ignoring spaces, underscores and ``#``
(so ``BaseDateTime``, ``base_date_time`` and ``# Timestamp`` all work). ``mapping``
overrides the match for a field: ``{"t": "my_time_column"}``.
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping

import numpy as np
import pandas as pd

from sanctionwatch.maritime.records import Decoded

ALIASES: dict[str, tuple[str, ...]] = {
    "mmsi": ("mmsi", "ssvid", "userid", "mmsi_number"),
    "t": ("timestamp", "basedatetime", "datetime", "time", "t", "ts", "msgtime",
          "timestamputc", "positiontimestamp"),
    "lat": ("lat", "latitude", "y"),
    "lon": ("lon", "longitude", "long", "lng", "x"),
    "sog": ("sog", "speed", "speedoverground"),
    "cog": ("cog", "course", "courseoverground"),
    "heading": ("heading", "trueheading"),
    "imo": ("imo", "imonumber", "imo_number"),
    "name": ("name", "vesselname", "shipname", "vessel"),
    "callsign": ("callsign", "call_sign"),
    "ship_type": ("shiptype", "vesseltype", "type", "shipandcargotype"),
    "flag": ("flag", "flagstate", "country"),
    "destination": ("destination",),
}
FIELDS = tuple(ALIASES)


class MappingError(ValueError):
    """A column mapping names a column that is not in the file."""


def _norm(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum())


def resolve_columns(columns: list[str], mapping: Mapping[str, str] | None = None) -> dict[str, str]:
    """field -> column name in the file."""
    mapping = dict(mapping or {})
    unknown = set(mapping) - set(FIELDS)
    if unknown:
        raise MappingError(f"unknown field(s) in the column mapping: {sorted(unknown)}; "
                           f"fields are {', '.join(FIELDS)}")
    by_norm = {_norm(c): c for c in columns}
    out: dict[str, str] = {}
    for fld, aliases in ALIASES.items():
        if fld in mapping:
            if mapping[fld] not in columns:
                raise MappingError(f"column {mapping[fld]!r} (for {fld}) is not in the file")
            out[fld] = mapping[fld]
            continue
        for alias in aliases:
            if _norm(alias) in by_norm:
                out[fld] = by_norm[_norm(alias)]
                break
    return out


def to_epoch(values: pd.Series, fmt: str | None = None) -> pd.Series:
    """Seconds since the epoch (Int64, <NA> where unparseable) from strings or numbers."""
    if pd.api.types.is_numeric_dtype(values):
        num = pd.to_numeric(values, errors="coerce").astype("float64")
        num = num.where(num < 1e11, num / 1000.0)
        num = num.where((num > 0) & (num < 4.1e9))
        return num.round().astype("Int64")
    if pd.api.types.is_datetime64_any_dtype(values):
        ts = pd.to_datetime(values, utc=True)
    else:
        text = values.astype("string")
        ts = pd.to_datetime(text, utc=True, errors="coerce",
                            format=fmt if fmt else "mixed")
    secs = (ts - pd.Timestamp("1970-01-01", tz="UTC")) // pd.Timedelta(seconds=1)
    return secs.astype("Int64")


def frame_to_decoded(df: pd.DataFrame, mapping: Mapping[str, str] | None = None,
                     time_format: str | None = None, out: Decoded | None = None) -> Decoded:
    out = out or Decoded()
    cols = resolve_columns([str(c) for c in df.columns], mapping)
    missing = [f for f in ("mmsi", "t") if f not in cols]
    if missing:
        raise MappingError(f"no column for {', '.join(missing)}; found {list(df.columns)[:20]} "
                           "(map one with --column FIELD=COLUMN)")
    out.read += len(df)
    mmsi = pd.to_numeric(df[cols["mmsi"]], errors="coerce")
    t = to_epoch(df[cols["t"]], time_format)

    def num(fld: str) -> pd.Series:
        if fld not in cols:
            return pd.Series(np.nan, index=df.index)
        return pd.to_numeric(df[cols[fld]], errors="coerce")

    def text(fld: str) -> list[object]:
        if fld not in cols:
            return [None] * len(df)
        s = df[cols[fld]].astype("string").str.strip()
        return [None if v is pd.NA or v == "" else v for v in s.tolist()]

    def obj(series: pd.Series) -> list[object]:
        return [None if pd.isna(v) else v for v in series.tolist()]

    if "lat" in cols and "lon" in cols:
        lat, lon = num("lat"), num("lon")
        has_pos = lat.notna() | lon.notna()
        sel = has_pos.to_numpy()
        p = out.positions
        p["mmsi"].extend(obj(mmsi[sel]))
        p["t"].extend(obj(t[sel]))
        p["lat"].extend(obj(lat[sel]))
        p["lon"].extend(obj(lon[sel]))
        p["sog"].extend(obj(num("sog")[sel]))
        p["cog"].extend(obj(num("cog")[sel]))
        p["heading"].extend(obj(num("heading")[sel]))
        out.rejected["no_position"] += int((~has_pos).sum())
    static_fields = [f for f in ("imo", "name", "callsign", "ship_type", "flag", "destination")
                     if f in cols]
    if static_fields:
        sf = pd.DataFrame({"mmsi": mmsi, "t": t})
        for f in static_fields:
            sf[f] = df[cols[f]].astype("string").str.strip().replace("", pd.NA)
        sf = sf.dropna(subset=static_fields, how="all")
        # keep one row per change of identity, not one per position
        sf = sf.sort_values("t", kind="stable").drop_duplicates(
            subset=["mmsi", *static_fields], keep="first")
        for key, values in out.statics.items():
            values.extend(obj(sf[key]) if key in sf else [None] * len(sf))
    return out


def read_csv(data: bytes, mapping: Mapping[str, str] | None = None,
             time_format: str | None = None) -> Decoded:
    try:
        df = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False,
                         on_bad_lines="skip", encoding_errors="replace")
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        raise MappingError(f"not a readable CSV table: {exc}") from exc
    return frame_to_decoded(df, mapping, time_format)


def read_parquet(data: bytes, mapping: Mapping[str, str] | None = None,
                 time_format: str | None = None) -> Decoded:
    import pyarrow.parquet as pq

    try:
        df = pq.read_table(io.BytesIO(data)).to_pandas()
    except Exception as exc:  # noqa: BLE001 - arrow raises several types
        raise MappingError(f"not a readable Parquet file: {exc}") from exc
    return frame_to_decoded(df, mapping, time_format)


def read_jsonl(data: bytes, mapping: Mapping[str, str] | None = None,
               time_format: str | None = None) -> Decoded:
    rows: list[dict[str, object]] = []
    bad = 0
    for line in data.splitlines():
        line = line.strip()
        if not line:
            continue
        try:
            obj = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError):
            bad += 1
            continue
        if isinstance(obj, dict):
            rows.append({k: v for k, v in obj.items() if not isinstance(v, dict | list)})
        else:
            bad += 1
    out = Decoded()
    out.rejected["malformed_json"] += bad
    out.read += bad
    if rows:
        frame_to_decoded(pd.DataFrame(rows), mapping, time_format, out)
    return out
