"""`sanctionwatch extract`: incidents from text files, without a workspace."""

from __future__ import annotations

from pathlib import Path

import click

from sanctionwatch.cli.context import AppContext, UserError, emit_json, emit_jsonl, pass_app


def _read(path: Path, max_bytes: int) -> str:
    from sanctionwatch.extract.normalise import looks_binary

    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise UserError(f"{path}: {size} bytes is over the {max_bytes}-byte limit "
                            "(SANCTIONWATCH_MAX_FILE_BYTES)")
        raw = path.read_bytes()
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if looks_binary(raw):
        raise UserError(f"{path}: looks like a binary file, not text")
    return raw.decode("utf-8", errors="replace")


@click.command("extract")
@click.argument("files", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--jsonl", "as_jsonl", is_flag=True, help="One JSON object per line per file.")
@click.option("--json", "as_json", is_flag=True, help="A JSON array of the results.")
@click.option("--language", help="Skip language detection (en, de, fr, es, ru, ko, ja, zh).")
@click.option("--doc-date", help="Publication date YYYY[-MM[-DD]] for relative dates.")
@pass_app
def extract_cmd(app: AppContext, files: tuple[Path, ...], as_jsonl: bool, as_json: bool,
                language: str | None, doc_date: str | None) -> None:
    """Extract sanctions incidents from text FILES (no workspace or database needed).

    Prints {"doc": <file stem>, "language": ..., "incidents": [...]} per file.
    """
    from sanctionwatch.extract import extract_text

    limits = app.settings  # environment only: no workspace or database is opened
    results = []
    for path in files:
        try:
            result = extract_text(_read(path, limits.max_file_bytes), doc_date=doc_date,
                                  language=language, max_chars=limits.max_text_chars)
        except ValueError as exc:
            raise UserError(str(exc)) from exc
        results.append(result.wire(doc=path.stem))
        if as_jsonl:
            emit_jsonl([results[-1]])
    if as_jsonl:
        return
    if as_json:
        emit_json(results)
        return
    for row in results:
        incidents = row["incidents"]
        assert isinstance(incidents, list)
        click.echo(f"{row['doc']} [{row['language']}] {len(incidents)} incident(s)")
        for inc in incidents:
            qty = "" if inc["quantity"] is None else f" {inc['quantity']:g} {inc['unit'] or ''}"
            click.echo(f"  {inc['type']} {inc['from'] or '?'}→{inc['to'] or '?'} "
                       f"{inc['item'] or ''}{qty} [{inc['stance']}] {inc['when'] or ''}")
        notes = row.get("notes") or []
        assert isinstance(notes, list)
        for note in notes:
            click.echo(f"  note: {note}")


def register(main: click.Group) -> None:
    main.add_command(extract_cmd)
