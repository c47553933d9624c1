"""`sanctionwatch ingest` and `sanctionwatch evidence list|show`."""

from __future__ import annotations

import click

from sanctionwatch.access.evidence import list_evidence, show_evidence
from sanctionwatch.cli.context import AppContext, UserError, emit_json, pass_app
from sanctionwatch.cli.progress import progress_over
from sanctionwatch.cli.session import acting, listing_context
from sanctionwatch.ingest.pipeline import (
    IntakeOptions,
    IntakeResult,
    expand_paths,
    ingest_paths,
)
from sanctionwatch.timeutil import parse_iso


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@click.option("--originator", required=True, help="Member state (ISO 3166-1 alpha-2) or "
              "the name of an open source.")
@click.option("--caveat", required=True, help="Who may see the content: public, members, "
              "rel:KR,US or originator.")
@click.option("--originator-caveat", default="originator", show_default=True,
              help="Who may know who provided it (same levels).")
@click.option("--source-url", help="Where the item was collected from.")
@click.option("--reliability", help="Admiralty source reliability A–F.")
@click.option("--credibility", type=int, help="Admiralty information credibility 1–6.")
@click.option("--collected-at", help="When it was collected (ISO 8601; default now, UTC).")
@click.option("--collector", default=None, help="Who collected it (default: the acting user).")
@click.option("--method", default="file intake", show_default=True,
              help="How it was collected.")
@click.option("--json", "as_json", is_flag=True, help="Print results as JSON.")
@pass_app
def ingest_cmd(app: AppContext, paths: tuple[str, ...], originator: str, caveat: str,
               originator_caveat: str, source_url: str | None, reliability: str | None,
               credibility: int | None, collected_at: str | None, collector: str | None,
               method: str, as_json: bool) -> None:
    """Take in evidence files (text, HTML, PDF; directories recursively)."""
    from sanctionwatch.ingest.hooks import derived_records

    try:
        options = IntakeOptions(
            originator=originator, caveat=caveat, originator_caveat=originator_caveat,
            source_url=source_url, reliability=reliability, credibility=credibility,
            collected_at=parse_iso(collected_at) if collected_at else None,
            collector=collector or app.settings.user or "sanctionwatch", method=method,
        ).validated()
    except ValueError as exc:
        raise UserError(str(exc)) from None
    total = sum(1 for _ in expand_paths(paths))

    def show(r: IntakeResult) -> None:  # printed as each item is committed
        if r.status == "failed":
            click.echo(f"FAILED  {r.path}: {r.error}", err=True)
        else:
            click.echo(f"{r.status:9} {r.item_id}  {r.language or '-':2}  "
                       f"{r.incidents} incidents  {r.path}")

    with progress_over(app.settings.progress and not as_json, total, "ingesting") as step:
        def on_result(r: IntakeResult) -> None:
            step(r)
            if not as_json:
                show(r)

        report = ingest_paths(app.settings, app.engine, paths, options,
                              derived=derived_records(app.settings, app.engine),
                              on_result=on_result)
    if as_json:
        emit_json([r.__dict__ for r in report.results])
    if report.failed:
        raise UserError(f"{len(report.failed)} of {len(report.results)} file(s) failed",
                        exit_code=1)


@click.group("evidence")
def evidence_group() -> None:
    """Evidence items (read through the access layer as the acting user)."""


@evidence_group.command("list")
@click.option("--limit", type=int, help="At most this many items.")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@pass_app
def evidence_list(app: AppContext, limit: int | None, as_json: bool) -> None:
    """List evidence items, redacted for the acting user."""
    with acting(app) as (session, who):
        views = list_evidence(session, who, context=listing_context("evidence"), limit=limit)
    if as_json:
        emit_json([v.as_dict() for v in views])
        return
    for v in views:
        shown = "content" if v.content_visible else "withheld"
        click.echo(f"{v.id}  {v.sha256[:16]}…  {v.originator:18}  {v.language or '-':2}  "
                   f"{shown:8}  {v.filename or ''}")


@evidence_group.command("show")
@click.argument("item_id")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@pass_app
def evidence_show(app: AppContext, item_id: str, as_json: bool) -> None:
    """Show one item: metadata, hash and text, as far as the acting user may see them."""
    with acting(app) as (session, who):
        view = show_evidence(session, who, item_id, context=listing_context("evidence"))
    if as_json:
        emit_json(view.as_dict())
        return
    for key, value in view.as_dict().items():
        if key not in ("text", "intakes"):
            click.echo(f"{key:18} {value}")
    for rec in view.intakes:
        click.echo(f"{'intake':18} {rec['received_at']} by {rec['collector']} ({rec['method']})")
    click.echo("")
    click.echo(view.text or "")


def register(main: click.Group) -> None:
    main.add_command(ingest_cmd)
    main.add_command(evidence_group)
