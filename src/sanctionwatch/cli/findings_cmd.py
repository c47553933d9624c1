"""`sanctionwatch findings …` and `sanctionwatch report`: the analyst workflow and reports."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import click
from sqlalchemy.orm import Session

from sanctionwatch.access.findings import finding_listing, visible_finding
from sanctionwatch.cli.context import AppContext, UserError, emit_json, pass_app
from sanctionwatch.cli.progress import progress_status
from sanctionwatch.cli.session import acting, listing_context
from sanctionwatch.findings.service import Actor, WorkflowError
from sanctionwatch.timeutil import now_utc, parse_iso


def _policy(app: AppContext) -> Any:
    from sanctionwatch.findings.grading import policy_from

    return policy_from(app.settings.extra)


def _act(app: AppContext, finding_id: str,
         fn: Callable[[Session, Actor], Any]) -> Any:
    """Run one workflow action as the acting user, on a finding the user may see."""
    with acting(app) as (session, who):
        visible_finding(session, who, finding_id, context=listing_context("act"))
        try:
            return fn(session, Actor(who.name, who.role))  # type: ignore[arg-type]
        except WorkflowError as exc:
            raise UserError(str(exc)) from None


@click.group("findings")
def findings_group() -> None:
    """Findings: incidents about one event, corroborated, graded and reviewed."""


@findings_group.command("build")
@pass_app
def build_cmd(app: AppContext) -> None:
    """Group incidents that belong to no finding yet (idempotent)."""
    from sanctionwatch.findings.build import build_findings

    with acting(app) as (_session, who):
        if who.role not in ("coordinator", "analyst"):
            raise UserError("only analysts and coordinators build findings", exit_code=3)
    with acting(app) as (session, who):
        result = build_findings(session, _policy(app), actor=who.name)
    click.echo(f"{len(result.created)} new finding(s), {len(result.extended)} extended")


def _summary(v: Any) -> dict[str, Any]:
    return {"id": v.id, "status": v.status, "theme": v.theme, "title": v.title,
            "countries": v.countries, "period": v.period,
            "independent_sources": v.independent_sources, "likelihood": v.likelihood,
            "paragraphs": [f"{p.resolution} {p.paragraph}" for p in v.paragraphs]}


@findings_group.command("list")
@click.option("--status", multiple=True,
              type=click.Choice(["reported", "corroborated", "confirmed", "published",
                                 "rejected"]))
@click.option("--period", help="Only findings overlapping this year (YYYY).")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@pass_app
def list_cmd(app: AppContext, status: tuple[str, ...], period: str | None,
             as_json: bool) -> None:
    """List the findings the acting user may see."""
    with acting(app) as (session, who):
        listing = finding_listing(session, who, context=listing_context("findings"),
                                  statuses=status or None, period=period,
                                  policy=_policy(app))
    rows = [_summary(v) for v in listing.views]
    if as_json:
        emit_json({"findings": rows, "withheld": listing.withheld})
        return
    for r in rows:
        click.echo(f"{r['id']}  {r['status']:12} {r['independent_sources']} src  "
                   f"{r['period'] or '-':22} {r['title']}  [{', '.join(r['paragraphs'])}]")
    if listing.withheld:
        click.echo(f"({listing.withheld} finding(s) rest on evidence you may not read)")


@findings_group.command("show")
@click.argument("finding_id")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@pass_app
def show_cmd(app: AppContext, finding_id: str, as_json: bool) -> None:
    """Show one finding: judgment, sources (redacted for you), counting, paragraphs."""
    with acting(app) as (session, who):
        view = visible_finding(session, who, finding_id, context=listing_context("finding"))
    data = view.model_dump(mode="json")
    if as_json:
        emit_json(data)
        return
    click.echo(f"{view.id}  {view.title}  [{view.status}]")
    click.echo(f"  {view.judgment} {view.basis} {view.confidence_statement}")
    click.echo(f"  period: {view.period or '-'}; independent sources: "
               f"{view.independent_sources}")
    for p in view.paragraphs:
        click.echo(f"  engages {p.resolution} {p.paragraph}")
    for q in view.quantities:
        click.echo(f"  quantity: {q.low:,} – {q.high:,} {q.unit} ({q.sources} source(s))")
    for s in view.sources:
        shown = f"withheld, commitment {s.commitment}" if s.withheld else s.label
        click.echo(f"  {s.ref}: {shown} ({s.counted})")
    for line in view.counting:
        click.echo(f"  counting: {line}")
    for lt in view.letters:
        click.echo(f"  letter to {lt.addressee} (deadline {lt.deadline}): {lt.status}")


def _simple(name: str, doc: str, fn_name: str, arg: str) -> None:
    @findings_group.command(name, help=doc)
    @click.argument("finding_id")
    @click.option(f"--{arg}", "text", required=True, help=f"The {arg} (recorded).")
    @pass_app
    def cmd(app: AppContext, finding_id: str, text: str) -> None:
        from sanctionwatch.findings import actions

        fn = getattr(actions, fn_name)
        _act(app, finding_id, lambda s, a: fn(s, a, finding_id, text))
        click.echo(f"{name}: {finding_id}")


_simple("confirm", "Confirm a finding (analyst), with the reason.", "confirm", "reason")
_simple("reject", "Reject a finding, with the reason.", "reject", "reason")
_simple("note", "Add an analyst's note to a finding.", "note", "text")
_simple("sign-off", "Sign off a finding.", "sign_off", "text")
_simple("dissent", "Record a dissent on a finding.", "dissent", "text")


@findings_group.command("publish")
@click.argument("finding_id")
@click.option("--reason", required=True, help="Why it is published.")
@click.option("--override", help="Coordinator only: publish below the evidentiary "
              "standard, with this recorded reason.")
@pass_app
def publish_cmd(app: AppContext, finding_id: str, reason: str, override: str | None) -> None:
    """Publish a confirmed finding (refused below the standard without an override)."""
    from sanctionwatch.findings.actions import publish

    _act(app, finding_id, lambda s, a: publish(s, a, finding_id, reason, _policy(app),
                                               override=override))
    click.echo(f"published: {finding_id}")


@findings_group.command("merge")
@click.argument("target_id")
@click.argument("other_ids", nargs=-1, required=True)
@click.option("--reason", required=True)
@pass_app
def merge_cmd(app: AppContext, target_id: str, other_ids: tuple[str, ...], reason: str) -> None:
    """Merge other findings into TARGET_ID."""
    from sanctionwatch.findings.actions import merge

    with acting(app) as (session, who):
        for fid in (target_id, *other_ids):
            visible_finding(session, who, fid, context=listing_context("act"))
        try:
            merge(session, Actor(who.name, who.role), target_id, list(other_ids), reason,  # type: ignore[arg-type]
                  _policy(app))
        except WorkflowError as exc:
            raise UserError(str(exc)) from None
    click.echo(f"merged into {target_id}: {', '.join(other_ids)}")


@findings_group.command("split")
@click.argument("finding_id")
@click.argument("incident_ids", nargs=-1, required=True)
@click.option("--reason", required=True)
@pass_app
def split_cmd(app: AppContext, finding_id: str, incident_ids: tuple[str, ...],
              reason: str) -> None:
    """Move INCIDENT_IDS out of a finding into a new one."""
    from sanctionwatch.findings.actions import split

    new = _act(app, finding_id, lambda s, a: split(s, a, finding_id, list(incident_ids),
                                                   reason, _policy(app)))
    click.echo(f"split {finding_id}: new finding {new.id}")


@findings_group.command("letter")
@click.argument("finding_id")
@click.option("--to", "addressee", required=True, help="Named state or entity.")
@click.option("--kind", type=click.Choice(["state", "entity", "person"]), default="state")
@click.option("--deadline", required=True, help="Reply deadline (YYYY-MM-DD).")
@pass_app
def letter_cmd(app: AppContext, finding_id: str, addressee: str, kind: str,
               deadline: str) -> None:
    """Record a right-of-reply letter sent about a finding."""
    from sanctionwatch.findings.reply import add_letter

    try:
        due = date.fromisoformat(deadline)
    except ValueError:
        raise UserError(f"--deadline must be YYYY-MM-DD, got {deadline!r}") from None
    letter = _act(app, finding_id, lambda s, a: add_letter(s, a, finding_id, addressee, due,
                                                           kind=kind))  # type: ignore[arg-type]
    click.echo(f"letter {letter.id} to {addressee}, reply due {deadline}")


@findings_group.command("reply")
@click.argument("finding_id")
@click.argument("letter_id")
@click.option("--text", required=True, help="The reply received.")
@pass_app
def reply_cmd(app: AppContext, finding_id: str, letter_id: str, text: str) -> None:
    """Record the reply to a right-of-reply letter."""
    from sanctionwatch.findings.reply import record_reply

    _act(app, finding_id, lambda s, a: record_reply(s, a, letter_id, text))
    click.echo(f"reply recorded for {letter_id}")


@click.command("report")
@click.option("--audience", required=True, help="public, members, or a member state code.")
@click.option("--format", "formats", default="html,pdf,md,json", show_default=True,
              help="Comma-separated: html, pdf, md, json.")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False,
                                                                 path_type=Path))
@click.option("--period", help="Only findings overlapping this year (YYYY).")
@click.option("--checkpoint", "checkpoint_file", type=click.Path(exists=True, dir_okay=False,
                                                                 path_type=Path),
              help="A (co-)signed checkpoint file the report rests on (default: an "
                   "unsigned checkpoint of the log as it is now).")
@click.option("--at", "at_text", help="Pin the report's timestamp (ISO 8601) so the same "
              "inputs give the same bytes.")
@click.option("--include-unconfirmed", is_flag=True, help="Draft: include findings not yet "
              "confirmed/published.")
@pass_app
def report_cmd(app: AppContext, audience: str, formats: str, out_dir: Path, period: str | None,
               checkpoint_file: Path | None, at_text: str | None,
               include_unconfirmed: bool) -> None:
    """Write a report for an audience, redacted for it, with checkpoint and proofs."""
    from sanctionwatch.access.report import build_report_model
    from sanctionwatch.ledger.checkpoint import CheckpointError, read_checkpoint
    from sanctionwatch.report.render import ReportError, write_report

    try:
        at = parse_iso(at_text) if at_text else now_utc()
        checkpoint = read_checkpoint(checkpoint_file) if checkpoint_file else None
    except (ValueError, CheckpointError) as exc:
        raise UserError(str(exc)) from None
    with acting(app) as (session, who), progress_status(app.settings.progress,
                                                        "building the report"):
        model = build_report_model(session, who, audience, at=at, period=period,
                                   checkpoint=checkpoint,
                                   include_unconfirmed=include_unconfirmed,
                                   policy=_policy(app), settings=app.settings)
    try:
        with progress_status(app.settings.progress, "rendering " + formats):
            written = write_report(model, out_dir, tuple(f.strip() for f in formats.split(",")
                                                         if f.strip()))
    except ReportError as exc:
        raise UserError(str(exc)) from None
    click.echo(f"report for {model.audience_label}: {len(model.findings)} finding(s), "
               f"checkpoint size {model.checkpoint.size if model.checkpoint else '-'}")
    for name, path in written.items():
        if "/" not in name:
            click.echo(f"  {path}")


def register(main: click.Group) -> None:
    main.add_command(findings_group)
    main.add_command(report_cmd)

