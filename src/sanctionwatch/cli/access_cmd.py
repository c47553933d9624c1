"""`sanctionwatch states|users|audit|release`: the access layer's commands."""

from __future__ import annotations

import click

from sanctionwatch.access.audit import audit_trail
from sanctionwatch.access.errors import AccessDenied
from sanctionwatch.access.release import record_release
from sanctionwatch.access.users import (
    add_state,
    add_user,
    issue_token,
    list_states,
    list_users,
    principal_for,
    revoke_token,
)
from sanctionwatch.cli.context import AppContext, emit_json, pass_app
from sanctionwatch.cli.session import acting, unit


def _require_admin(app: AppContext, session: object) -> None:
    """Managing states/users needs a coordinator, except to bootstrap an empty workspace."""
    from sqlalchemy import func, select

    from sanctionwatch.access.models import User

    n_users = session.execute(select(func.count()).select_from(User)).scalar()  # type: ignore[attr-defined]
    if n_users == 0:
        return
    who = principal_for(session, app.settings.user)  # type: ignore[arg-type]
    if who.role != "coordinator":
        raise AccessDenied("only a coordinator manages member states, users and tokens")


@click.group("states")
def states_group() -> None:
    """Member states of the monitoring team."""


@states_group.command("add")
@click.argument("code")
@click.option("--name", help="Display name (default: the code).")
@pass_app
def states_add(app: AppContext, code: str, name: str | None) -> None:
    """Add a member state by its ISO 3166-1 alpha-2 code."""
    with unit(app) as session:
        _require_admin(app, session)
        state = add_state(session, code, name)
    click.echo(f"added member state {state.code} ({state.name})")


@states_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@pass_app
def states_list(app: AppContext, as_json: bool) -> None:
    """List member states."""
    with unit(app) as session:
        rows = [{"code": s.code, "name": s.name} for s in list_states(session)]
    if as_json:
        emit_json(rows)
    else:
        for r in rows:
            click.echo(f"{r['code']}  {r['name']}")


@click.group("users")
def users_group() -> None:
    """Users, their roles and API tokens."""


@users_group.command("add")
@click.argument("name")
@click.option("--role", required=True,
              type=click.Choice(["coordinator", "analyst", "liaison", "reader"]))
@click.option("--state", help="Member state a liaison (or reader) belongs to.")
@pass_app
def users_add(app: AppContext, name: str, role: str, state: str | None) -> None:
    """Add a user. The first user of a workspace can be added without --as."""
    with unit(app) as session:
        _require_admin(app, session)
        user = add_user(session, name, role, state)
    click.echo(f"added {user.role} {user.name}" + (f" ({user.state})" if user.state else ""))


@users_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@pass_app
def users_list(app: AppContext, as_json: bool) -> None:
    """List users and roles."""
    with unit(app) as session:
        rows = [{"name": u.name, "role": u.role, "state": u.state, "active": u.active}
                for u in list_users(session)]
    if as_json:
        emit_json(rows)
    else:
        for r in rows:
            click.echo(f"{r['name']:20} {r['role']:12} {r['state'] or '-'}")


@users_group.command("token")
@click.argument("name")
@click.option("--days", type=int, default=90, show_default=True, help="Lifetime in days.")
@click.option("--revoke", "revoke_id", metavar="TOKEN_ID", help="Revoke this token id.")
@pass_app
def users_token(app: AppContext, name: str, days: int, revoke_id: str | None) -> None:
    """Issue an API token for NAME (printed once; stored only as an argon2 hash)."""
    with unit(app) as session:
        _require_admin(app, session)
        if revoke_id:
            revoke_token(session, revoke_id)
            click.echo(f"revoked token {revoke_id}")
            return
        token = issue_token(session, name, days=days)
    click.echo(token)


@click.command("audit")
@click.option("--user", help="Only reads by this user.")
@click.option("--item", help="Only reads of this evidence item.")
@click.option("--limit", type=int, default=200, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@pass_app
def audit_cmd(app: AppContext, user: str | None, item: str | None, limit: int,
              as_json: bool) -> None:
    """Who read originator-level material, and release decisions (coordinators only)."""
    with acting(app) as (session, who):
        rows = audit_trail(session, who, user=user, item=item, limit=limit)
    if as_json:
        emit_json([r.__dict__ for r in rows])
    else:
        for r in rows:
            click.echo(f"{r.at}  {r.user:16} {r.kind:15} {r.item}  {r.what}")


@click.command("release")
@click.argument("subject")
@click.option("--scope", type=click.Choice(["content", "originator"]), required=True)
@click.option("--to", "caveat", required=True, help="The wider caveat, e.g. public.")
@click.option("--reason", required=True, help="Why (recorded in the ledger).")
@pass_app
def release_cmd(app: AppContext, subject: str, scope: str, caveat: str, reason: str) -> None:
    """Record a coordinator's release decision for an item (ledgered, with reason)."""
    with acting(app) as (session, who):
        record_release(session, who, subject, scope, caveat, reason)
    click.echo(f"released {scope} of {subject} to {caveat}")


def register(main: click.Group) -> None:
    for cmd in (states_group, users_group, audit_cmd, release_cmd):
        main.add_command(cmd)
