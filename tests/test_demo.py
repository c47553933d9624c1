"""The demo runs the whole path, and its public report names no protected originator."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from sanctionwatch.cli import main
from sanctionwatch.demo.run import load_manifest
from sanctionwatch.ingest.originators import iso_countries


def _names_of(code: str) -> list[str]:
    names = [code]
    if code in iso_countries():
        names.append(iso_countries()[code])
    return names


def test_demo_end_to_end_and_public_report_hides_protected_originators(tmp_path: Path
                                                                       ) -> None:
    home = tmp_path / "ws"
    res = CliRunner().invoke(main, ["--home", str(home), "demo", "--json"])
    assert res.exit_code == 0, res.output
    summary = json.loads(res.output)
    assert summary["ledger"]["size"] > 0
    assert sum(r["incidents"] for r in summary["intakes"]) > 0
    public = Path(summary["reports"]["public"])
    members = Path(summary["reports"]["members"])
    for folder in (public, members):
        for name in ("report.html", "report.md", "report.json", "report.pdf"):
            assert (folder / name).stat().st_size > 0, name
    report = json.loads((public / "report.json").read_text("utf-8"))
    assert report["checkpoint"]["signatures"], "the report rests on a signed checkpoint"
    cited = {s["ref"] for f in report["findings"] for s in f["sources"]}
    assert {p["ref"] for p in report["proofs"]} == cited
    protected = [d["originator"] for d in load_manifest() if d["originator_caveat"] != "public"]
    assert protected
    signers = {s["key_id"] for s in report["checkpoint"]["signatures"]}
    # The states that co-signed the checkpoint are named on purpose (a public attestation);
    # drop those lines, then no protected originator may appear anywhere else.
    alts = "|".join(signers)
    signer_line = re.compile(rf'^.*(Signature `?({alts})|"key_id": "({alts})").*$', re.M)
    texts = {p.name: signer_line.sub("", p.read_text("utf-8", errors="replace"))
             for p in public.rglob("*")
             if p.is_file() and p.suffix in (".html", ".md", ".json", ".svg")}
    for code in protected:
        for name in _names_of(code):
            pattern = re.compile(rf"(?<![A-Za-z]){re.escape(name)}(?![A-Za-z])")
            for fname, text in texts.items():
                # the sample texts themselves are never copied into the public report
                assert not pattern.search(text), f"{name} appears in public/{fname}"
    # The members' report may name only originators whose originator caveat allows it.
    members_json = (members / "report.json").read_text("utf-8")
    for d in load_manifest():
        if d["originator_caveat"] == "originator":
            assert not re.search(rf'"label": "{d["originator"]}"', members_json)
    # A proof from the report checks against the printed root with the standalone checker.
    proofs = sorted((public / "proofs").glob("*.json"))
    assert proofs
    res = CliRunner().invoke(main, ["ledger", "check-proof", str(proofs[0]), "--root",
                                    report["checkpoint"]["root"]])
    assert res.exit_code == 0, res.output


def test_report_from_a_workspace_is_reproducible(tmp_path: Path) -> None:
    home = tmp_path / "ws"
    res = CliRunner().invoke(main, ["--home", str(home), "demo", "--json"])
    assert res.exit_code == 0, res.output
    checkpoint = json.loads(res.output)["checkpoint"]
    outs = []
    for n in (1, 2):
        out = tmp_path / f"r{n}"
        res = CliRunner().invoke(main, [
            "--home", str(home), "--as", "coordinator", "report", "--audience", "members",
            "--format", "html,md,json", "--out", str(out), "--checkpoint", checkpoint,
            "--at", "2024-12-31T12:00:00Z"])
        assert res.exit_code == 0, res.output
        outs.append({p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()})
    assert outs[0] == outs[1]
    assert any(name.suffix == ".json" for name in outs[0])
