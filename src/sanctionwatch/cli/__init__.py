"""The `sanctionwatch` command. Thin: each subcommand parses, calls the core, formats.

Subcommand groups live in one module per area; ``COMMAND_MODULES`` lists them and
each exposes ``register(main)``.
"""

from __future__ import annotations

import importlib
import sys

import click

from sanctionwatch import __version__
from sanctionwatch.cli.context import AppContext, UserError

COMMAND_MODULES: tuple[str, ...] = (
    "sanctionwatch.cli.db_cmd",
    "sanctionwatch.cli.extract_cmd",
    "sanctionwatch.cli.lists_cmd",
    "sanctionwatch.cli.regime_cmd",
    "sanctionwatch.cli.ledger_cmd",
    "sanctionwatch.cli.evidence_cmd",
    "sanctionwatch.cli.access_cmd",
    "sanctionwatch.cli.demo_cmd",
    "sanctionwatch.cli.incidents_cmd",
    "sanctionwatch.cli.findings_cmd",
    "sanctionwatch.cli.ais_cmd",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sanctionwatch")
@click.option("--home", type=click.Path(file_okay=False), help="Workspace directory "
              "(env SANCTIONWATCH_HOME; default: the user's data directory).")
@click.option("--database-url", help="Database URL (env SANCTIONWATCH_DATABASE_URL; "
              "default: SQLite inside the workspace).")
@click.option("--as", "as_user", metavar="USER", help="Act as this user "
              "(env SANCTIONWATCH_USER); every read of protected data uses it.")
@click.pass_context
def main(ctx: click.Context, home: str | None, database_url: str | None,
         as_user: str | None) -> None:
    """sanctionwatch: evidence, ledger, extraction, rules and reports for UN sanctions
    monitoring (the DPRK regime first)."""
    ctx.obj = AppContext(home=home, database_url=database_url, user=as_user)


for _name in COMMAND_MODULES:
    importlib.import_module(_name).register(main)


def run() -> None:
    try:
        main(standalone_mode=False)
    except UserError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
