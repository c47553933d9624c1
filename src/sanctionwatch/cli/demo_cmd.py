"""`sanctionwatch demo`: run the whole path on the bundled sample data."""

from __future__ import annotations

import click

from sanctionwatch.cli.context import AppContext, emit_json, pass_app


@click.command("demo")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON summary.")
@pass_app
def demo_cmd(app: AppContext, as_json: bool) -> None:
    """Create (or reuse) a workspace and run the pipeline on the bundled samples."""
    from sanctionwatch.demo.run import run_demo
    from sanctionwatch.ledger.log import log_size, root_at
    from sanctionwatch.store.db import transaction

    say = (lambda _m: None) if as_json else click.echo
    result = run_demo(app.settings, app.engine, say)
    with transaction(app.engine) as session:
        size, root = root_at(session, log_size(session))
    if as_json:
        emit_json({"home": str(app.settings.home), "ledger": {"size": size, "root": root.hex()},
                   "intakes": [r.__dict__ for r in result.intakes],
                   "listings": {k: [v.as_dict() for v in vs]
                                for k, vs in result.listings.items()},
                   **result.extras})
        return
    click.echo("\nstored evidence:")
    for r in result.intakes:
        click.echo(f"  {r.status:9} {r.item_id}  {r.language or '-':2}  "
                   f"{r.incidents:2} incidents  {r.path}")
    for viewer, views in result.listings.items():
        click.echo(f"\nthe same listing as {viewer}:")
        for v in views:
            shown = "content" if v.content_visible else "withheld (hash only)"
            click.echo(f"  {v.id}  {v.originator:20} {shown}")
    click.echo(f"\nledger: size {size}, root {root.hex()}")
    reports = result.extras.get("reports", {})
    if reports:
        click.echo("\nopen the reports:")
        for audience, folder in reports.items():
            click.echo(f"  {audience:8} {folder}/report.html  (also report.pdf, report.md, "
                       "report.json)")
    click.echo("\ncheck the ledger:  sanctionwatch ledger verify")
    if result.extras.get("checkpoint"):
        keys = app.settings.home / "keys"
        click.echo(f"check the checkpoint:  sanctionwatch ledger verify-checkpoint "
                   f"{result.extras['checkpoint']} --keys {keys}")


def register(main: click.Group) -> None:
    main.add_command(demo_cmd)
