"""`sanctionwatch db`: schema migrations."""

from __future__ import annotations

import click

from sanctionwatch.cli.context import AppContext, emit_json, pass_app


@click.group("db")
def db_group() -> None:
    """Database schema (Alembic migrations)."""


@db_group.command("upgrade")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@pass_app
def upgrade_cmd(app: AppContext, as_json: bool) -> None:
    """Migrate the workspace database to the newest schema."""
    from sanctionwatch.store.db import current_heads, make_engine, upgrade

    engine = make_engine(app.settings.database_url)
    app.settings.home.mkdir(parents=True, exist_ok=True)
    upgrade(engine)
    heads = sorted(current_heads(engine))
    if as_json:
        emit_json({"database": engine.url.render_as_string(hide_password=True), "heads": heads})
    else:
        click.echo(f"database at revision {', '.join(heads)}")


def register(main: click.Group) -> None:
    main.add_command(db_group)
