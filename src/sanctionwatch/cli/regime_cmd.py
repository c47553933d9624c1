"""`sanctionwatch regime|assess|caps`: the sanctions regimes as executable rules."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from sanctionwatch.cli.context import AppContext, UserError, emit_json, pass_app

if TYPE_CHECKING:
    from sanctionwatch.incident import Incident
    from sanctionwatch.regimes.schema import Regime


def _regime(regime_id: str) -> Regime:
    from sanctionwatch.regimes.loader import RegimeError, get_regime

    try:
        return get_regime(regime_id)
    except RegimeError as exc:
        raise UserError(str(exc)) from exc


@click.group("regime")
def regime_group() -> None:
    """Sanctions regimes as data: measures, paragraphs, caps, exemptions."""


@regime_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def list_cmd(as_json: bool) -> None:
    """List the packaged regimes."""
    from sanctionwatch.regimes.loader import load_regimes

    rows = [{"id": r.id, "name": r.name, "target": r.target, "measures": len(r.measures),
             "unverified_citations": sum(not c.verified for m in r.measures for c in m.citations)}
            for r in load_regimes().values()]
    if as_json:
        emit_json(rows)
        return
    for row in rows:
        click.echo(f"{row['id']:8} {row['target']}  {row['measures']:3} measures  {row['name']}")


@regime_group.command("show")
@click.argument("regime_id")
@click.option("--measure", "measure_id", help="Show one measure in full.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def show_cmd(regime_id: str, measure_id: str | None, as_json: bool) -> None:
    """Show a regime's measures (or one measure) with their citations."""
    regime = _regime(regime_id)
    if measure_id:
        try:
            m = regime.measure(measure_id)
        except KeyError as exc:
            raise UserError(str(exc.args[0])) from exc
        data = m.model_dump(mode="json")
        data["citation_labels"] = [c.label for c in m.citations]
        if as_json:
            emit_json(data)
            return
        click.echo(f"{m.id}: {m.title}\n  {m.text}")
        for c in m.citations:
            click.echo(f"  cites {c.label}  {c.url}")
        click.echo(f"  direction {m.direction}; in force {m.in_force}"
                   + (f"; superseded {m.superseded} by {m.superseded_by}" if m.superseded else ""))
        for cap in m.caps:
            click.echo(f"  cap {cap.amount:,.0f} {cap.unit} per {cap.window} from {cap.anchor}")
        for ex in m.exemptions:
            click.echo(f"  exemption {ex.id}: {ex.text}")
        return
    if as_json:
        emit_json(regime.model_dump(mode="json"))
        return
    click.echo(f"{regime.name} [{regime.id}, target {regime.target}]")
    for m in regime.measures:
        sup = f"  superseded {m.superseded}" if m.superseded else ""
        click.echo(f"  {m.id:32} {', '.join(c.label for c in m.citations)}{sup}")


@click.command("assess")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--regime", "regime_id", default="dprk", show_default=True)
@click.option("--designated", multiple=True, metavar="NAME",
              help="A designated person, entity or vessel name (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def assess_cmd(file: Path, regime_id: str, designated: tuple[str, ...], as_json: bool) -> None:
    """Judge incidents (JSON list or JSON lines, as `extract --jsonl` prints) against a regime."""
    from sanctionwatch.regimes.engine import assess_many
    from sanctionwatch.regimes.io import IncidentFileError, read_incidents

    regime = _regime(regime_id)
    try:
        pairs = read_incidents(file)
    except IncidentFileError as exc:
        raise UserError(str(exc)) from exc
    results = assess_many([inc for _, inc in pairs], regime, designated=designated)
    if as_json:
        emit_json([{"incident": label, "measures": a.rows(), "not_engaged":
                    [f.model_dump() for f in a.not_engaged]} for (label, _), a in
                   zip(pairs, results, strict=True)])
        return
    for (label, _), a in zip(pairs, results, strict=True):
        click.echo(label)
        for row in a.rows():
            if row["measure"] is None:
                click.echo(f"  - {row['reason']}")
            else:
                click.echo(f"  {row['citation']} [{row['measure']}]: {row['reason']}")


@click.command("caps")
@click.option("--regime", "regime_id", default="dprk", show_default=True)
@click.option("--year", type=int, required=True, help="Window year (calendar year for refined).")
@click.option("--category", default="petroleum_refined", show_default=True)
@click.option("--incidents", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Incidents (JSON/JSONL) giving assessed deliveries.")
@click.option("--notified", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="CSV of officially notified deliveries: date,quantity,unit[,ref].")
@click.option("--bbl-per-tonne", type=float, default=None,
              help="Conversion factor (default 7.46, gas/diesel oil; see docs/regimes.md).")
@click.option("--stored/--no-stored", default=None,
              help="Count the workspace's incidents that the acting user may see (default: "
                   "on unless --incidents is given).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_app
def caps_cmd(app: AppContext, regime_id: str, year: int, category: str,
             incidents: Path | None, notified: Path | None, bbl_per_tonne: float | None,
             stored: bool | None, as_json: bool) -> None:
    """Sum deliveries against a cap: notified vs assessed, share of cap, date crossed."""
    from sanctionwatch.regimes import caps as c
    from sanctionwatch.regimes.io import IncidentFileError, read_incidents

    regime = _regime(regime_id)
    try:
        measure, cap = c.find_cap(regime, category, date(year, 12, 31))
        deliveries = c.load_notified_csv(notified) if notified else []
        if incidents:
            incs = [inc for _, inc in read_incidents(incidents)]
            deliveries += c.deliveries_from_incidents(incs, cap, regime.target)
        if stored or (stored is None and not incidents):
            deliveries += c.deliveries_from_incidents(_stored_incidents(app), cap,
                                                      regime.target)
        factor = bbl_per_tonne or c.DEFAULT_BBL_PER_TONNE
        source = c.FACTOR_SOURCE if bbl_per_tonne is None else "given on the command line"
        report = c.cap_usage(measure, cap, year, deliveries, factor, source)
    except (c.CapError, IncidentFileError) as exc:
        raise UserError(str(exc)) from exc
    if as_json:
        emit_json(report.model_dump(mode="json"))
        return
    r = report
    click.echo(f"{r.citation}: cap {r.cap:,.0f} {r.unit}, {r.window_start} .. {r.window_end}")
    click.echo(f"  notified {r.notified:,.0f} {r.unit} ({r.share_notified:.0%})")
    click.echo(f"  assessed {r.assessed:,.0f} {r.unit} ({r.share_assessed:.0%}); "
               f"high estimate {r.assessed_max:,.0f}")
    click.echo(f"  combined {r.combined:,.0f} {r.unit} ({r.share_combined:.0%}); crossed on "
               f"{r.crossed_on or 'not crossed'}")
    click.echo(f"  factor {r.bbl_per_tonne} bbl/t: {r.factor_source}")


def _stored_incidents(app: AppContext) -> list[Incident]:
    from sanctionwatch.access.incidents import visible_incidents
    from sanctionwatch.cli.session import acting, listing_context

    with acting(app) as (session, who):
        listing = visible_incidents(session, who, context=listing_context("caps"))
    return [v.incident for v in listing.incidents]


def register(main: click.Group) -> None:
    main.add_command(regime_group)
    main.add_command(assess_cmd)
    main.add_command(caps_cmd)
