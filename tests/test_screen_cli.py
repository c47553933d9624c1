"""The `lists`, `screen` commands through click, on a real workspace (both backends)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from sanctionwatch.cli import main
from sanctionwatch.config import Settings


def _run(settings: Settings, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--home", str(settings.home), "--database-url",
                                       settings.database_url, *args])
    return result.exit_code, result.output


def test_import_diff_screen(settings: Settings, tmp_path: Path) -> None:
    # Nothing imported: screening falls back to the packaged DPRK list.
    code, out = _run(settings, "screen", "리원호", "--schema", "Person", "--json")
    assert code == 0, out
    line = json.loads(out)
    assert line["query"] and line["results"][0]["unsc_id"] == "KPi.033"
    assert set(line["results"][0]) >= {"id", "caption", "score", "match", "explanation",
                                       "unsc_id"}
    code, out = _run(settings, "lists", "import", "packaged", "--json")
    assert code == 0 and json.loads(out)["added"] > 300
    code, out = _run(settings, "lists", "import", "packaged", "--json")
    assert code == 0 and json.loads(out)["unchanged"] is True
    vessels = tmp_path / "v.csv"
    vessels.write_text("name,imo,flag\nCHON MA SAN,8660313,KP\n", encoding="utf-8")
    code, out = _run(settings, "lists", "import", "vessels", str(vessels))
    assert code == 0 and "version" in out
    code, out = _run(settings, "lists", "diff", "--dataset", "un_1718_vessels", "--json")
    assert code == 0 and {c["change"] for c in json.loads(out)["changes"]} == {"added"}
    batch = tmp_path / "q.jsonl"
    batch.write_text("\n".join(json.dumps(x) for x in [
        {"id": "a", "schema": "Vessel", "properties": {"name": ["CHONMASAN"]}},
        {"id": "b", "schema": "Person", "properties": {"name": ["Pak Do-chun"],
                                                       "nationality": ["KP"]}},
    ]), encoding="utf-8")
    code, out = _run(settings, "screen", "--batch", str(batch))
    assert code == 0, out
    lines = [json.loads(x) for x in out.splitlines()]
    assert [x["query"] for x in lines] == ["a", "b"]
    assert lines[0]["results"][0]["id"] == "unsc-vessel-8660313"
    assert lines[1]["results"][0]["unsc_id"] == "KPi.050"
    code, out = _run(settings, "lists", "show", "--json")
    assert code == 0 and {v["dataset"] for v in json.loads(out)} == {"un_sc", "un_1718_vessels"}


def test_errors(settings: Settings, tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<CONSOLIDATED_LIST>", encoding="utf-8")
    code, out = _run(settings, "lists", "import", "un-xml", str(bad))
    assert code == 2 and "not well-formed" in out
    code, out = _run(settings, "screen")
    assert code == 2 and "NAME or --batch" in out
    code, out = _run(settings, "lists", "diff", "--dataset", "nope")
    assert code == 2 and "no version" in out
    code, out = _run(settings, "screen", "x", "--country", "Atlantis")
    assert code == 2 and "unknown country" in out
