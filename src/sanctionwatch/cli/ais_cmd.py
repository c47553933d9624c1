"""`sanctionwatch ais ingest|detect`, `vessels show`, `sightings add`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from sanctionwatch.cli.context import AppContext, UserError, emit_json, emit_jsonl, pass_app
from sanctionwatch.cli.progress import progress_over, progress_status
from sanctionwatch.timeutil import parse_iso


def _epoch(text: str | None, flag: str) -> int | None:
    if not text:
        return None
    try:
        return int(parse_iso(text).timestamp())
    except ValueError as exc:
        raise UserError(f"{flag}: {exc}") from None


def _bbox(text: str | None) -> tuple[float, float, float, float] | None:
    if not text:
        return None
    try:
        x0, y0, x1, y1 = (float(v) for v in text.split(","))
    except ValueError:
        raise UserError("--bbox must be MIN_LON,MIN_LAT,MAX_LON,MAX_LAT") from None
    if not (-180 <= x0 < x1 <= 180 and -90 <= y0 < y1 <= 90):
        raise UserError(f"--bbox {text!r} is not a valid box (min < max, within ±180/±90)")
    return x0, y0, x1, y1


def _designated(path: str | None, app: AppContext | None = None) -> list[Any]:
    """The CSV if given, else the vessels of the imported designation lists."""
    if not path:
        if app is None:
            return []
        from sanctionwatch.maritime.designated import designated_from_lists

        return designated_from_lists(app.engine)
    from sanctionwatch.maritime.designated import DesignatedError, read_designated_csv

    try:
        return read_designated_csv(Path(path))
    except DesignatedError as exc:
        raise UserError(str(exc)) from None


@click.group("ais")
def ais_group() -> None:
    """AIS data: intake (NMEA, CSV, Parquet, JSON lines) and detectors."""


@ais_group.command("ingest")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--originator", required=True, help="Member state (ISO code) or open source.")
@click.option("--caveat", required=True, help="public, members, rel:XX,YY or originator.")
@click.option("--format", "fmt", type=click.Choice(["nmea", "csv", "parquet", "jsonl"]),
              help="Input format (default: from the file name and content).")
@click.option("--column", "columns", multiple=True, metavar="FIELD=COLUMN",
              help="Map a field (mmsi, t, lat, lon, sog, cog, heading, imo, name, callsign, "
                   "ship_type, flag) to a column name; repeatable.")
@click.option("--time-format", help="strftime format of the time column (default: guessed).")
@click.option("--max-bytes", type=int, help="Largest file accepted (default: settings).")
@click.option("--json", "as_json", is_flag=True, help="Print results as JSON.")
@pass_app
def ingest_cmd(app: AppContext, files: tuple[str, ...], originator: str, caveat: str,
               fmt: str | None, columns: tuple[str, ...], time_format: str | None,
               max_bytes: int | None, as_json: bool) -> None:
    """Take in AIS files: each is an evidence item; positions go to the workspace."""
    from sanctionwatch.ingest.pipeline import IntakeOptions
    from sanctionwatch.maritime.service import ingest_ais_file

    mapping = {}
    for item in columns:
        key, sep, value = item.partition("=")
        if not sep or not key or not value:
            raise UserError(f"--column {item!r}: use FIELD=COLUMN")
        mapping[key.strip()] = value.strip()
    try:
        options = IntakeOptions(originator=originator, caveat=caveat,
                                collector=app.settings.user or "sanctionwatch",
                                method="AIS file intake").validated()
    except ValueError as exc:
        raise UserError(str(exc)) from None
    settings = app.settings.with_overrides(max_file_bytes=max_bytes)
    results = []
    with progress_over(app.settings.progress and not as_json, len(files), "AIS intake") as step:
        for f in files:
            results.append(ingest_ais_file(settings, app.engine, Path(f), options, fmt=fmt,
                                           mapping=mapping, time_format=time_format))
            step(results[-1])
    if as_json:
        emit_json([r.__dict__ for r in results])
    else:
        for r in results:
            if r.status == "failed":
                click.echo(f"FAILED  {r.path}: {r.error}", err=True)
            else:
                rej = ", ".join(f"{k}={v}" for k, v in sorted(r.rejected.items())) or "none"
                click.echo(f"{r.status:9} {r.evidence_id}  {r.format}  {r.positions} positions, "
                           f"{r.statics} static; rejected: {rej}  {r.path}")
    failed = [r for r in results if r.status == "failed"]
    if failed:
        raise UserError(f"{len(failed)} of {len(results)} file(s) failed", exit_code=1)


@ais_group.command("detect")
@click.option("--since", help="Start (ISO 8601, UTC if no zone).")
@click.option("--until", help="End, exclusive (ISO 8601).")
@click.option("--bbox", help="MIN_LON,MIN_LAT,MAX_LON,MAX_LAT.")
@click.option("--designated", type=click.Path(dir_okay=False, exists=True),
              help="Designated vessels CSV (name, imo, mmsi, flag); default: the vessels of "
                   "the imported designation lists.")
@click.option("--engine", type=click.Choice(["duckdb", "spark"]), default="duckdb",
              show_default=True, help="Query engine (spark runs in local mode).")
@click.option("--detector", "detectors", multiple=True,
              type=click.Choice(["gap", "encounter", "loitering", "port_visit", "identity"]),
              help="Run only these detectors (repeatable; default all).")
@click.option("--record", is_flag=True,
              help="Also store the events' incidents in the evidence base against their AIS "
                   "evidence items (idempotent).")
@click.option("--json", "as_json", is_flag=True, help="Print events as JSON lines.")
@pass_app
def detect_cmd(app: AppContext, since: str | None, until: str | None, bbox: str | None,
               designated: str | None, engine: str, detectors: tuple[str, ...],
               record: bool, as_json: bool) -> None:
    """Run the detectors over the stored AIS positions and print the events."""
    from sanctionwatch.maritime.detect import DETECTORS
    from sanctionwatch.maritime.engines import Selection
    from sanctionwatch.maritime.record import RecordError, record_events
    from sanctionwatch.maritime.service import detect

    sel = Selection(_epoch(since, "--since"), _epoch(until, "--until"), _bbox(bbox))
    vessels = _designated(designated, app)
    with progress_status(app.settings.progress and not as_json,
                         f"running detectors on {engine}"):
        events = detect(app.settings, sel, engine=engine, designated=vessels,
                        detectors=detectors or DETECTORS)
    if as_json:
        emit_jsonl(events)
    else:
        for e in events:
            who = ", ".join(str(v["name"] or v["mmsi"]) for v in e["vessels"])
            click.echo(f"{e['type']:10} {e['rule']:32} {e['start'] or '-':20} "
                       f"{e['end'] or '-':20} {e['port'] or ''} {who}")
        click.echo(f"{len(events)} event(s)", err=True)
    if record:
        try:
            res = record_events(app.engine, events, vessels)
        except RecordError as exc:
            raise UserError(str(exc)) from None
        click.echo(f"incidents recorded: {res.recorded}, already recorded: "
                   f"{res.already_recorded}, without evidence item: {res.without_evidence}",
                   err=True)


@ais_group.command("map")
@click.option("--out", required=True, type=click.Path(dir_okay=False),
              help="Output file: .svg (default) or .png.")
@click.option("--mmsi", "mmsis", multiple=True, type=int,
              help="Vessels to draw (repeatable; default: every vessel with an event).")
@click.option("--since", help="Start (ISO 8601, UTC if no zone).")
@click.option("--until", help="End, exclusive (ISO 8601).")
@click.option("--bbox", help="MIN_LON,MIN_LAT,MAX_LON,MAX_LAT.")
@click.option("--designated", type=click.Path(dir_okay=False, exists=True),
              help="Designated vessels CSV (default: the imported designation lists).")
@click.option("--json", "as_json", is_flag=True, help="Print what was drawn as JSON.")
@pass_app
def map_cmd(app: AppContext, out: str, mmsis: tuple[int, ...], since: str | None,
            until: str | None, bbox: str | None, designated: str | None,
            as_json: bool) -> None:
    """Draw vessel tracks and detector events on a map (offline, Natural Earth 1:110m)."""
    from sanctionwatch.maritime.engines import Selection
    from sanctionwatch.maritime.service import detect
    from sanctionwatch.maritime.trackdata import track_map_view
    from sanctionwatch.report.svg import style
    from sanctionwatch.report.trackmap import track_figure, track_map

    path = Path(out)
    if path.suffix.lower() not in (".svg", ".png"):
        raise UserError(f"--out {out!r}: use a .svg or .png file name")
    sel = Selection(_epoch(since, "--since"), _epoch(until, "--until"), _bbox(bbox))
    events = detect(app.settings, sel, designated=_designated(designated, app))
    view = track_map_view(app.settings, events, list(mmsis) or None, sel)
    if not any(t.points for t in view.tracks) and not view.events:
        raise UserError("nothing to draw: no events and no positions for the chosen vessels")
    if path.suffix.lower() == ".png":
        fig = track_figure(view)
        assert fig is not None
        with style():
            fig.savefig(path, format="png", dpi=150, bbox_inches="tight")
    else:
        path.write_text(track_map(view) or "", encoding="utf-8")
    info = {"out": str(path), "tracks": len(view.tracks), "events": len(view.events),
            "points": sum(len(t.points) for t in view.tracks)}
    if as_json:
        emit_json(info)
    else:
        click.echo(f"wrote {path}: {info['tracks']} track(s), {info['events']} event marker(s)")


@click.group("vessels")
def vessels_group() -> None:
    """Vessels seen in AIS and sightings."""


@vessels_group.command("show")
@click.argument("ident")
@click.option("--designated", type=click.Path(dir_okay=False, exists=True),
              help="Designated vessels CSV (name, imo, mmsi, flag).")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@pass_app
def vessels_show_cmd(app: AppContext, ident: str, designated: str | None,
                     as_json: bool) -> None:
    """Identity history, events, sightings and designations of an IMO (7 digits) or MMSI."""
    from sanctionwatch.maritime.vessels import VesselNotFound, vessel_profile

    try:
        profile = vessel_profile(app.settings, app.engine, ident,
                                 _designated(designated, app))
    except (VesselNotFound, ValueError) as exc:
        raise UserError(str(exc)) from None
    if as_json:
        emit_json(profile)
        return
    click.echo(f"vessel {ident}: MMSI {', '.join(map(str, profile['mmsi'])) or '-'}")
    for h in profile["identity"]:
        click.echo(f"  {h['first'] or '-':20} {h['last'] or '-':20} MMSI {h['mmsi']} "
                   f"IMO {h['imo'] or '-'} {h['name'] or '-'} {h['flag'] or ''}")
    for d in profile["designations"]:
        click.echo(f"  DESIGNATED: {d['name']} IMO {d['imo'] or '-'}")
    for e in profile["events"]:
        click.echo(f"  event {e['type']} {e['rule']} {e['start'] or '-'} {e['port'] or ''}")
    for s in profile["sightings"]:
        click.echo(f"  sighting {s['observed_at']} {s['place'] or ''} {s['observation']}")


@click.group("sightings")
def sightings_group() -> None:
    """Manual sightings of vessels AIS cannot see (imagery, member-state reports)."""


@sightings_group.command("add")
@click.option("--vessel", required=True, help="Vessel name as observed.")
@click.option("--imo", help="IMO number, if known.")
@click.option("--mmsi", type=int, help="MMSI, if known.")
@click.option("--place", help="Port or place name (e.g. Rajin, Dunai).")
@click.option("--lat", type=float, help="Latitude (with --lon).")
@click.option("--lon", type=float, help="Longitude (with --lat).")
@click.option("--time", "when", required=True, help="When observed (ISO 8601; UTC if no zone).")
@click.option("--observation", required=True, help="What was seen.")
@click.option("--evidence", required=True, help="Evidence item id it comes from.")
@click.option("--json", "as_json", is_flag=True, help="Print the stored sighting as JSON.")
@pass_app
def sightings_add_cmd(app: AppContext, vessel: str, imo: str | None, mmsi: int | None,
                      place: str | None, lat: float | None, lon: float | None, when: str,
                      observation: str, evidence: str, as_json: bool) -> None:
    """Record a sighting; it is stored with a ledger entry and cited evidence."""
    from sanctionwatch.maritime.reference import find_port
    from sanctionwatch.maritime.service import AisError, add_sighting

    try:
        observed = parse_iso(when)
    except ValueError as exc:
        raise UserError(f"--time: {exc}") from None
    port = find_port(place) if place else None
    if port is not None and lat is None:
        lat, lon = port.lat, port.lon
    try:
        row = add_sighting(app.engine, vessel=vessel, observed_at=observed,
                           observation=observation, evidence_id=evidence, imo=imo, mmsi=mmsi,
                           place=port.name if port else place, lat=lat, lon=lon)
    except AisError as exc:
        raise UserError(str(exc)) from None
    data = {"id": row.id, "vessel": row.vessel, "place": row.place, "lat": row.lat,
            "lon": row.lon, "observed_at": row.observed_at.isoformat(),
            "evidence_id": row.evidence_id, "ledger_seq": row.ledger_seq}
    if as_json:
        emit_json(data)
    else:
        click.echo(f"sighting {row.id} stored (ledger entry {row.ledger_seq})")


def register(main: click.Group) -> None:
    main.add_command(ais_group)
    main.add_command(vessels_group)
    main.add_command(sightings_group)
