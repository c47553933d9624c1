"""`sanctionwatch incidents list`: stored incidents with the paragraphs they engage."""

from __future__ import annotations

from typing import Any

import click

from sanctionwatch.access.incidents import visible_incidents
from sanctionwatch.cli.context import AppContext, UserError, emit_json, pass_app
from sanctionwatch.cli.session import acting, listing_context
from sanctionwatch.incident import INCIDENT_TYPES


@click.group("incidents")
def incidents_group() -> None:
    """Incidents extracted from (or recorded against) evidence items."""


@incidents_group.command("list")
@click.option("--type", "type_", type=click.Choice(INCIDENT_TYPES), help="Only this type.")
@click.option("--country", help="Only incidents from or to this ISO code.")
@click.option("--regime", "regime_id", default="dprk", show_default=True,
              help="Regime whose engaged measures are shown.")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@pass_app
def incidents_list(app: AppContext, type_: str | None, country: str | None, regime_id: str,
                   as_json: bool) -> None:
    """List incidents the acting user may see, each with its engaged paragraphs."""
    from sanctionwatch.regimes.engine import assess
    from sanctionwatch.regimes.loader import RegimeError, get_regime

    try:
        regime = get_regime(regime_id)
    except (RegimeError, KeyError) as exc:
        raise UserError(str(exc)) from None
    with acting(app) as (session, who):
        listing = visible_incidents(session, who, context=listing_context("incidents"),
                                    type_=type_, country=country)
    rows: list[dict[str, Any]] = []
    for v in listing.incidents:
        a = assess(v.incident, regime)
        rows.append({"id": v.id, "evidence": v.evidence_id, "originator": v.originator,
                     **v.incident.wire(),
                     "paragraphs": [{"measure": f.measure, "resolution": f.resolution,
                                     "paragraph": f.paragraph, "reason": f.reason}
                                    for f in a.engaged],
                     "no_measure_reason": a.reason})
    if as_json:
        emit_json({"incidents": rows, "withheld": listing.withheld})
        return
    for r in rows:
        qty = "" if r["quantity"] is None else f" {r['quantity']:,.0f} {r['unit'] or ''}"
        paras = ", ".join(f"{p['resolution']} {p['paragraph']}" for p in r["paragraphs"]) \
            or "no measure engaged"
        click.echo(f"{r['id']}  {r['type']:24} {r['from'] or '?'}->{r['to'] or '?'} "
                   f"{r['item'] or '-'}{qty} [{r['stance']}] {r['when'] or ''}  "
                   f"({r['originator']})  {paras}")
    if listing.withheld:
        click.echo(f"({listing.withheld} incident(s) from evidence you may not read are "
                   "withheld)")


def register(main: click.Group) -> None:
    main.add_command(incidents_group)
