"""Deeply nested JSON is refused with a clear message, before parsing, everywhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from sanctionwatch.cli import main
from sanctionwatch.jsonlimits import NestingError, loads_limited, nesting_depth
from sanctionwatch.lists.errors import ListError
from sanctionwatch.lists.ftm_io import parse_ftm
from sanctionwatch.regimes.io import IncidentFileError, read_incidents

DEEP = "[" * 5000 + "]" * 5000


def test_depth_ignores_brackets_in_strings() -> None:
    assert nesting_depth('{"a": "[[[[{{{{", "b": [1, {"c": []}]}') == 4
    assert nesting_depth('"\\"[[["') == 0
    assert loads_limited('{"a": [1, 2]}', 2) == {"a": [1, 2]}
    with pytest.raises(NestingError, match="nested 3 levels deep, above the limit of 2"):
        loads_limited('{"a": [[1]]}', 2)


def test_hostile_nesting_is_refused_by_every_json_reader(tmp_path: Path) -> None:
    f = tmp_path / "deep.jsonl"
    f.write_text(DEEP + "\n", "utf-8")
    with pytest.raises(IncidentFileError, match="SANCTIONWATCH_MAX_NESTING"):
        read_incidents(f)
    with pytest.raises(ListError, match="SANCTIONWATCH_MAX_NESTING"):
        parse_ftm(f, max_bytes=10**6)
    res = CliRunner().invoke(main, ["--home", str(tmp_path / "ws"), "screen", "--batch",
                                    str(f)])
    assert res.exit_code != 0 and "SANCTIONWATCH_MAX_NESTING" in res.output


def test_the_limit_is_configurable(tmp_path: Path) -> None:
    f = tmp_path / "q.jsonl"
    f.write_text('{"id": "q1", "schema": "Person", "properties": {"name": ["Kim Jong Un"]}}\n',
                 "utf-8")
    res = CliRunner().invoke(main, ["--home", str(tmp_path / "ws"), "screen", "--batch",
                                    str(f)], env={"SANCTIONWATCH_MAX_NESTING": "2"})
    assert res.exit_code != 0 and "above the limit of 2" in res.output
    res = CliRunner().invoke(main, ["--home", str(tmp_path / "ws"), "screen", "--batch",
                                    str(f)], env={"SANCTIONWATCH_MAX_NESTING": "8"})
    assert res.exit_code == 0, res.output
