"""`sanctionwatch lists …`, `screen` and `serve`: designation lists and screening."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from sanctionwatch.cli.context import AppContext, UserError, emit_json, pass_app
from sanctionwatch.cli.progress import progress_status
from sanctionwatch.jsonlimits import NestingError, loads_limited

_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


@click.group("lists")
def lists_group() -> None:
    """Designation lists: import (UN XML, FtM, vessel CSV), diff, show."""


@lists_group.group("import")
def import_group() -> None:
    """Import a list file as the new version of a dataset (atomic, diffed, ledgered)."""


def _do_import(app: AppContext, path: Path | None, kind: str, dataset: str,
               as_json: bool) -> None:
    from sanctionwatch.lists.errors import ListError
    from sanctionwatch.lists.load import import_list_file

    try:
        with progress_status(app.settings.progress and not as_json,
                             f"importing the {kind} list"):
            result = import_list_file(app.engine, app.settings, kind, path, dataset)
    except ListError as exc:
        raise UserError(str(exc)) from exc
    if as_json:
        emit_json(result.summary())
    elif result.unchanged:
        click.echo(f"{dataset}: unchanged (same file as version {result.version_id})")
    else:
        click.echo(f"{dataset}: version {result.version_id}, {result.entities} entities "
                   f"(+{len(result.added)} -{len(result.removed)} ~{len(result.changed)}), "
                   f"ledger #{result.ledger_seq}")


def _import_cmd(kind: str, default_dataset: str, doc: str) -> click.Command:
    @click.argument("file", type=_FILE)
    @click.option("--dataset", default=default_dataset, show_default=True,
                  help="Dataset name the file is a version of.")
    @click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
    @pass_app
    def cmd(app: AppContext, file: Path, dataset: str, as_json: bool) -> None:
        _do_import(app, file, kind, dataset, as_json)

    cmd.__doc__ = doc
    return click.command(kind)(cmd)


import_group.add_command(_import_cmd(
    "un-xml", "un_sc", "Import a UN Security Council Consolidated List XML file."))
import_group.add_command(_import_cmd(
    "ftm", "ftm", "Import a FollowTheMoney JSON-lines entity file (e.g. an OpenSanctions export)."))
import_group.add_command(_import_cmd(
    "vessels", "un_1718_vessels",
    "Import a designated-vessels CSV (name, imo, mmsi, flag, call_sign, date, paragraph)."))


@import_group.command("packaged")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@pass_app
def import_packaged(app: AppContext, as_json: bool) -> None:
    """Import the DPRK part of the UN list shipped with sanctionwatch (for the demo)."""
    _do_import(app, None, "packaged", "un_sc", as_json)


@lists_group.command("diff")
@click.option("--dataset", default="un_sc", show_default=True)
@click.option("--version", "version", type=int, help="Version id (default: the newest).")
@click.option("--json", "as_json", is_flag=True, help="Print the changes as JSON.")
@pass_app
def diff_cmd(app: AppContext, dataset: str, version: int | None, as_json: bool) -> None:
    """Show what a list version added, removed and changed against its predecessor."""
    from sanctionwatch.lists.errors import ListError
    from sanctionwatch.lists.repository import version_changes

    try:
        data = version_changes(app.engine, dataset, version)
    except ListError as exc:
        raise UserError(str(exc)) from exc
    if as_json:
        emit_json(data)
        return
    click.echo(f"{dataset} version {data['version']} (previous {data['previous']}): "
               f"{len(data['changes'])} changes")
    for c in data["changes"]:
        mark = {"added": "+", "removed": "-", "changed": "~"}[c["change"]]
        line = f"{mark} {c['id']}  {c['caption']}"
        if c["detail"]:
            line += "  [" + ", ".join(sorted(c["detail"])) + "]"
        click.echo(line)


@lists_group.command("show")
@click.argument("entity_id", required=False)
@click.option("--dataset", help="Only this dataset.")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@pass_app
def show_cmd(app: AppContext, entity_id: str | None, dataset: str | None, as_json: bool) -> None:
    """List imported versions, or show one entity of the current lists."""
    from sanctionwatch.lists.repository import get_entity, list_versions

    if entity_id:
        entity = get_entity(app.engine, entity_id)
        if entity is None:
            raise UserError(f"no entity {entity_id!r} in the current lists")
        emit_json(entity) if as_json else click.echo(json.dumps(entity, indent=2,
                                                                  ensure_ascii=False))
        return
    versions = list_versions(app.engine, dataset)
    if as_json:
        emit_json(versions)
        return
    if not versions:
        click.echo("no lists imported (screening uses the packaged DPRK list)")
    for v in versions:
        click.echo(f"{v['dataset']} v{v['version']}: {v['entities']} entities, "
                   f"generated {v['generated'] or '-'}, {v['file']}")


def _print_human(line: dict[str, Any]) -> None:
    if not line["results"]:
        click.echo("no results")
    for r in line["results"]:
        flag = "MATCH" if r["match"] else "     "
        click.echo(f"{flag} {r['score']:.2f}  {r['unsc_id'] or '-':8}  {r['caption']}  "
                   f"({r['id']})")
        click.echo(f"        {r['explanation']['summary']}")


@click.command("screen")
@click.argument("name", required=False)
@click.option("--schema", type=click.Choice(["Person", "Organization", "Vessel", "LegalEntity",
                                             "Thing"]), default="Thing", show_default=True)
@click.option("--birth-date", help="Date of birth (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--country", multiple=True, help="Nationality or country (repeatable).")
@click.option("--imo", help="IMO number (vessels).")
@click.option("--batch", type=_FILE, help="JSON lines of FtM queries: {id, schema, properties}.")
@click.option("--threshold", type=float, default=0.7, show_default=True)
@click.option("--limit", type=int, default=5, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON line per query.")
@pass_app
def screen_cmd(app: AppContext, name: str | None, schema: str, birth_date: str | None,
               country: tuple[str, ...], imo: str | None, batch: Path | None,
               threshold: float, limit: int, as_json: bool) -> None:
    """Screen a name (or a batch of FtM queries) against the current designation lists."""
    from sanctionwatch.lists.errors import ListError
    from sanctionwatch.lists.screen import load_index, screen_example

    if bool(name) == bool(batch):
        raise UserError("give a NAME or --batch FILE (one of them)")
    index = load_index(app.engine).index
    try:
        if batch is not None:
            for lineno, line in enumerate(batch.read_text(encoding="utf-8").splitlines(), 1):
                if not line.strip():
                    continue
                try:
                    example = loads_limited(line, app.settings.max_nesting,
                                            f"{batch.name} line {lineno}")
                except NestingError as exc:
                    raise UserError(str(exc)) from exc
                except json.JSONDecodeError as exc:
                    raise UserError(f"{batch.name} line {lineno}: invalid JSON ({exc.msg})") \
                        from exc
                if not isinstance(example, dict):
                    raise UserError(f"{batch.name} line {lineno}: expected an object")
                out = screen_example(index, example, query_id=str(example.get("id") or lineno),
                                     threshold=threshold, limit=limit)
                click.echo(json.dumps(out, ensure_ascii=False))
            return
        props: dict[str, list[str]] = {"name": [str(name)]}
        if birth_date:
            props["birthDate"] = [birth_date]
        if country:
            props["country"] = list(country)
        if imo:
            props["imoNumber"] = [imo]
        out = screen_example(index, {"schema": schema, "properties": props},
                             threshold=threshold, limit=limit)
    except ListError as exc:
        raise UserError(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(out, ensure_ascii=False))
    else:
        _print_human(out)


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=8000, show_default=True)
@pass_app
def serve_cmd(app: AppContext, host: str, port: int) -> None:
    """Serve the HTTP API (yente-compatible /match and /search, and the other areas)."""
    import uvicorn

    from sanctionwatch.api.app import create_app

    uvicorn.run(create_app(app.settings), host=host, port=port)


def register(main: click.Group) -> None:
    main.add_command(lists_group)
    main.add_command(screen_cmd)
    main.add_command(serve_cmd)
