"""NMEA 0183 AIS sentences (AIVDM/AIVDO) decoded with pyais.

Handles multi-sentence messages (assembled by channel and sequence id, or by the tag-block
group), NMEA 4.0 tag blocks (``c:`` receiver time, seconds or milliseconds since the
epoch) and a leading timestamp column (``<epoch or ISO time> !AIVDM,...``) as written by
many loggers. Every line that cannot be used is counted by reason, never raised.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from pyais.messages import NMEASentenceFactory

from sanctionwatch.maritime.records import Decoded

POSITION_TYPES = {1, 2, 3, 18, 19, 27}
STATIC_TYPES = {5, 19, 24}
NMEA_TYPES = {"VDM", "VDO"}


def _epoch(raw: str) -> int | None:
    try:
        value = float(raw)
    except ValueError:
        try:
            text = raw.replace("Z", "+00:00")
            dt = datetime.fromisoformat(text)
            return int((dt if dt.tzinfo else dt.replace(tzinfo=UTC)).timestamp())
        except ValueError:
            return None
    if value > 1e11:  # milliseconds
        value /= 1000.0
    return int(value) if 0 < value < 4.1e9 else None


def _clean_text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).replace("@", "").strip()
    return text or None


class _Assembler:
    """Collects fragments of multi-sentence messages; incomplete groups are counted."""

    def __init__(self, out: Decoded) -> None:
        self.out = out
        self.pending: dict[tuple[object, ...], tuple[list[Any], int | None]] = {}

    def add(self, sentence: Any, t: int | None,
            group: object | None) -> tuple[Any, int | None] | None:
        if sentence.frag_cnt == 1:
            return sentence, t
        key = ("g", group) if group is not None else ("s", sentence.channel, sentence.seq_id,
                                                        sentence.frag_cnt)
        parts, t0 = self.pending.get(key, ([], t))
        if sentence.frag_num == 1 and parts:
            self.out.rejected["truncated_multipart"] += 1
            parts, t0 = [], t
        expected = len(parts) + 1
        if sentence.frag_num != expected:
            self.out.rejected["truncated_multipart"] += 1
            self.pending.pop(key, None)
            return None
        parts.append(sentence)
        if sentence.frag_num == sentence.frag_cnt:
            self.pending.pop(key, None)
            # the message takes the first fragment's time
            return sentence.__class__.assemble_from_iterable(parts), t0
        self.pending[key] = (parts, t0 if t0 is not None else t)
        return None

    def finish(self) -> None:
        self.out.rejected["truncated_multipart"] += len(self.pending)
        self.pending.clear()


def _record(out: Decoded, msg: Any, t: int | None) -> None:
    try:
        decoded = msg.decode()
    except Exception:  # noqa: BLE001 - pyais raises many types for bad payloads
        out.rejected["undecodable_payload"] += 1
        return
    kind = int(getattr(decoded, "msg_type", 0))
    mmsi = getattr(decoded, "mmsi", None)
    used = False
    if kind in POSITION_TYPES:
        sog = getattr(decoded, "speed", None)
        cog = getattr(decoded, "course", None)
        heading = getattr(decoded, "heading", None)
        out.add_position(
            mmsi, t, getattr(decoded, "lat", None), getattr(decoded, "lon", None),
            None if sog is None or sog >= 102.2 else float(sog),
            None if cog is None or cog >= 360 else float(cog),
            None if heading is None or heading >= 360 else int(heading),
        )
        used = True
    if kind in STATIC_TYPES:
        imo = getattr(decoded, "imo", None)
        ship_type = getattr(decoded, "ship_type", None)
        out.add_static(
            mmsi, t,
            imo=str(imo) if imo else None,
            name=_clean_text(getattr(decoded, "shipname", None)),
            callsign=_clean_text(getattr(decoded, "callsign", None)),
            ship_type=int(ship_type) if ship_type is not None else None,
            destination=_clean_text(getattr(decoded, "destination", None)),
        )
        used = True
    if not used:
        out.rejected[f"not_vessel_message_type_{kind}"] += 1


def read_nmea(data: bytes, out: Decoded | None = None) -> Decoded:
    """Decode every AIS sentence in ``data``; unusable lines are counted in ``rejected``."""
    out = out or Decoded()
    asm = _Assembler(out)
    for raw_line in data.splitlines():
        line = raw_line.strip()
        if not line or line.startswith(b"#"):
            continue
        out.read += 1
        prefix_t: int | None = None
        if line[:1] not in (b"!", b"\\", b"$"):
            head, _, rest = line.partition(b" ")
            prefix_t = _epoch(head.decode("ascii", "replace")) if rest else None
            if prefix_t is None:
                out.rejected["not_nmea"] += 1
                continue
            line = rest.strip()
        if line.startswith(b"$"):
            out.rejected["not_ais_sentence"] += 1
            continue
        try:
            sentence: Any = NMEASentenceFactory.produce(line)
        except Exception:  # noqa: BLE001
            out.rejected["malformed_sentence"] += 1
            continue
        if getattr(sentence, "type", None) not in NMEA_TYPES or not hasattr(sentence, "frag_cnt"):
            out.rejected["not_ais_sentence"] += 1
            continue
        if not sentence.is_valid:
            out.rejected["bad_checksum"] += 1
            continue
        t, group = prefix_t, None
        tb = sentence.tag_block
        if tb is not None:
            try:
                tb.init()
                if tb.receiver_timestamp:
                    t = _epoch(str(tb.receiver_timestamp)) or t
                if tb.group is not None and tb.group.sentence_tot > 1 and sentence.frag_cnt > 1:
                    group = tb.group.group_id
            except Exception:  # noqa: BLE001
                out.rejected["bad_tag_block"] += 1
                continue
        if not sentence.payload:
            out.rejected["empty_payload"] += 1
            continue
        done = asm.add(sentence, t, group)
        if done is not None:
            _record(out, done[0], done[1])
    asm.finish()
    return out
