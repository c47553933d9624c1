"""`sanctionwatch ledger`: root, proofs, verification and signed checkpoints."""

from __future__ import annotations

import json
from pathlib import Path

import click

from sanctionwatch.cli.context import AppContext, UserError, emit_json, pass_app

JSON_FLAG = click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")


@click.group("ledger")
def ledger_group() -> None:
    """The tamper-evident ledger (RFC 6962 Merkle log)."""


@ledger_group.command("root")
@click.option("--size", type=int, help="Root at an earlier size (default: now).")
@JSON_FLAG
@pass_app
def root_cmd(app: AppContext, size: int | None, as_json: bool) -> None:
    """Print the log's size and root hash."""
    from sanctionwatch.ledger.log import LedgerError, root_at
    from sanctionwatch.store.db import transaction

    with transaction(app.engine) as session:
        try:
            n, root = root_at(session, size)
        except LedgerError as exc:
            raise UserError(str(exc)) from exc
    if as_json:
        emit_json({"size": n, "root": root.hex()})
    else:
        click.echo(f"size {n}\nroot {root.hex()}")


def _write(data: dict[str, object], out: str | None) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if out:
        Path(out).write_text(text + "\n", encoding="utf-8")
        click.echo(f"wrote {out}", err=True)
    else:
        click.echo(text)


@ledger_group.command("prove")
@click.argument("item")
@click.option("--size", type=int, help="Prove against the log at this size (e.g. a "
              "checkpoint's size; default: now).")
@click.option("--out", type=click.Path(dir_okay=False), help="Write the proof to this file.")
@JSON_FLAG
@pass_app
def prove_cmd(app: AppContext, item: str, size: int | None, out: str | None,
              as_json: bool) -> None:
    """Inclusion proof (JSON) for ITEM: an evidence item id (its intake entry), any
    ledger subject, or #N for entry number N."""
    from sanctionwatch.ledger.log import LedgerError, inclusion_proof, resolve_item
    from sanctionwatch.store.db import transaction

    with transaction(app.engine) as session:
        try:
            proof = inclusion_proof(session, resolve_item(session, item), size)
        except LedgerError as exc:
            raise UserError(str(exc)) from exc
    _write(proof.to_json(), out)


@ledger_group.command("consistency")
@click.argument("old_size", type=int)
@click.argument("new_size", type=int, required=False)
@click.option("--out", type=click.Path(dir_okay=False), help="Write the proof to this file.")
@JSON_FLAG
@pass_app
def consistency_cmd(app: AppContext, old_size: int, new_size: int | None, out: str | None,
                    as_json: bool) -> None:
    """Consistency proof (JSON) that the log at OLD_SIZE is a prefix of NEW_SIZE (default:
    now)."""
    from sanctionwatch.ledger.log import LedgerError, consistency_proof
    from sanctionwatch.store.db import transaction

    with transaction(app.engine) as session:
        try:
            proof = consistency_proof(session, old_size, new_size)
        except LedgerError as exc:
            raise UserError(str(exc)) from exc
    _write(proof.to_json(), out)


@ledger_group.command("verify")
@JSON_FLAG
@pass_app
def verify_cmd(app: AppContext, as_json: bool) -> None:
    """Recompute every entry, node, blob and text; report every mismatch (exit 1 if any)."""
    from sanctionwatch.cli.progress import progress_over
    from sanctionwatch.ledger.log import log_size
    from sanctionwatch.ledger.verify import PROGRESS_STEP, verify
    from sanctionwatch.store.db import transaction

    with transaction(app.engine) as session:
        steps = log_size(session) // PROGRESS_STEP
    with progress_over(app.settings.progress and not as_json, steps, "verifying") as tick:
        report = verify(app.engine, app.settings, progress=tick)
    if as_json:
        emit_json(report.to_json())
    else:
        for problem in report.problems:
            click.echo(f"MISMATCH {problem}")
        click.echo(f"{report.entries} entries, {report.nodes} nodes, {report.items} items "
                   f"checked; size {report.size}, root {report.root}")
        click.echo("OK" if report.ok else f"FAILED: {len(report.problems)} problem(s)")
    if not report.ok:
        raise click.exceptions.Exit(1)


@ledger_group.command("keygen")
@click.argument("key_id")
@click.option("--out", "out_dir", type=click.Path(file_okay=False),
              help="Directory for KEY_ID.key and KEY_ID.pub (default: <home>/keys).")
@JSON_FLAG
@pass_app
def keygen_cmd(app: AppContext, key_id: str, out_dir: str | None, as_json: bool) -> None:
    """Create an Ed25519 signing key named KEY_ID (e.g. a member state code: KR)."""
    from sanctionwatch.ledger.checkpoint import CheckpointError, keygen

    try:
        priv, pub = keygen(key_id, Path(out_dir) if out_dir else app.settings.home / "keys")
    except CheckpointError as exc:
        raise UserError(str(exc)) from exc
    if as_json:
        emit_json({"key_id": key_id, "private_key": str(priv), "public_key": str(pub)})
    else:
        click.echo(f"private key {priv} (keep secret)\npublic key  {pub} (publish)")


@ledger_group.command("checkpoint")
@click.option("--sign", "key_file", required=True, type=click.Path(dir_okay=False),
              help="Private key file KEY_ID.key to sign with.")
@click.option("--add-to", type=click.Path(dir_okay=False),
              help="Co-sign this existing checkpoint file (rewritten in place).")
@click.option("--out", type=click.Path(dir_okay=False),
              help="Write a new checkpoint to this file (default: print it).")
@JSON_FLAG
@pass_app
def checkpoint_cmd(app: AppContext, key_file: str, add_to: str | None, out: str | None,
                   as_json: bool) -> None:
    """Sign (size, root, time) of the log, or co-sign an existing checkpoint."""
    from sanctionwatch.ledger import checkpoint as cpm
    from sanctionwatch.store.db import transaction

    try:
        key_id, key = cpm.load_private_key(Path(key_file))
        existing = cpm.read_checkpoint(Path(add_to)) if add_to else None
        with transaction(app.engine) as session:
            cp = existing or cpm.new_checkpoint(session)
            signed = cpm.add_signature(session, cp, key_id, key)
    except cpm.CheckpointError as exc:
        raise UserError(str(exc)) from exc
    target = add_to or out
    if target:
        cpm.write_checkpoint(Path(target), signed)
    if as_json or not target:
        emit_json(signed)
    else:
        body = signed["checkpoint"]
        signers = ", ".join(s["key_id"] for s in signed["signatures"])
        click.echo(f"{target}: size {body['size']}, root {body['root']}, signed by {signers}")


@ledger_group.command("verify-checkpoint")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--keys", "key_dir", required=True, type=click.Path(file_okay=False),
              help="Directory of public keys KEY_ID.pub.")
@JSON_FLAG
@pass_app
def verify_checkpoint_cmd(app: AppContext, file: str, key_dir: str, as_json: bool) -> None:
    """Check every signature of a checkpoint and that it matches this log (exit 1 if not)."""
    from sanctionwatch.ledger import checkpoint as cpm
    from sanctionwatch.store.db import transaction

    try:
        cp = cpm.read_checkpoint(Path(file))
        report = cpm.verify_signatures(cp, cpm.load_public_keys(Path(key_dir)))
    except cpm.CheckpointError as exc:
        raise UserError(str(exc)) from exc
    with transaction(app.engine) as session:
        report.problems.extend(cpm.check_against_log(session, cp))
    if as_json:
        emit_json({"ok": report.ok, "size": report.size, "root": report.root,
                   "valid_signers": report.valid_signers, "problems": report.problems})
    else:
        for problem in report.problems:
            click.echo(f"PROBLEM {problem}")
        click.echo(f"size {report.size}, root {report.root}; valid signatures: "
                   f"{', '.join(report.valid_signers) or 'none'}")
        click.echo("OK" if report.ok else "FAILED")
    if not report.ok:
        raise click.exceptions.Exit(1)


@ledger_group.command("check-proof")
@click.argument("proof_file", type=click.Path(dir_okay=False))
@click.option("--root", required=True, help="The trusted root hash (hex), e.g. as printed "
              "in a report or a signed checkpoint.")
@JSON_FLAG
def check_proof_cmd(proof_file: str, root: str, as_json: bool) -> None:
    """Check an inclusion or consistency proof file against ROOT (no database needed)."""
    from sanctionwatch.ledger.verify_proof import ProofError, check_proof_file

    try:
        summary = check_proof_file(proof_file, root)
    except ProofError as exc:
        if as_json:
            emit_json({"ok": False, "error": str(exc)})
        else:
            click.echo(f"FAILED: {exc}")
        raise click.exceptions.Exit(1) from exc
    if as_json:
        emit_json({"ok": True, "summary": summary})
    else:
        click.echo(f"OK: {summary}")


def register(main: click.Group) -> None:
    main.add_command(ledger_group)
