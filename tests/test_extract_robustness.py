"""Odd input never crashes: empty, binary-looking, huge, mixed-script, unsupported."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from sanctionwatch.cli import main
from sanctionwatch.extract import extract_text
from sanctionwatch.extract.normalise import looks_binary, normalise


def test_empty_and_whitespace() -> None:
    for text in ("", "   \n\t ", "\u200b\u200b"):
        result = extract_text(text)
        assert result.incidents == []
        assert result.notes


def test_control_and_replacement_characters() -> None:
    text = "\x00\x01\ufffd" * 1000 + "North Korea sent 10 troops to Russia." + "\x07" * 50
    result = extract_text(text)
    assert any(i.type == "military_personnel" for i in result.incidents)


def test_mixed_script_document() -> None:
    text = ("North Korea shipped shells to Russia. 북한이 러시아에 포탄을 제공했다. "
            "朝鲜向俄罗斯提供了炮弹。Россия получила снаряды из КНДР.")
    result = extract_text(text)
    assert result.language in ("en", "ko", "zh", "ru")
    assert result.incidents


def test_unsupported_language_gets_a_note() -> None:
    result = extract_text("Ο Βόρειος Κορέα έστειλε στρατεύματα στη Ρωσία και πυρομαχικά.")
    assert result.language == "und"
    assert any("language" in n for n in result.notes)
    forced = extract_text("North Korea sent troops to Russia.", language="it")
    assert any("unsupported" in n for n in forced.notes)


def test_ten_megabytes() -> None:
    block = ("North Korea sent 1,000 containers to Russia. The weather was mild. "
             "Prices rose in Seoul. ") * 1000
    text = block * (10_000_000 // len(block) + 1)
    result = extract_text(text)
    assert result.incidents  # repeated claims collapse into one
    assert len(result.incidents) < 10


def test_invisible_characters_are_removed() -> None:
    assert normalise("Nord\u00adkorea\u200b") == "Nordkorea"
    assert normalise("Ｎｏｒｔｈ\u3000Korea") == "North Korea"


def test_binary_detection() -> None:
    assert looks_binary(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert not looks_binary(b"Nordkorea liefert")


def test_cli_outputs_jsonl_without_workspace(tmp_path: Path) -> None:
    doc = tmp_path / "a1.txt"
    doc.write_text("North Korea allegedly sent 2,000 troops to Russia.", encoding="utf-8")
    home = tmp_path / "nohome"
    result = CliRunner().invoke(main, ["--home", str(home), "extract", "--jsonl", str(doc)])
    assert result.exit_code == 0, result.output
    row = json.loads(result.output.strip().splitlines()[0])
    assert row["doc"] == "a1" and row["language"] == "en"
    assert row["incidents"][0]["stance"] == "alleged"
    assert not home.exists()  # no workspace, no database was opened


def test_cli_rejects_binary_file(tmp_path: Path) -> None:
    doc = tmp_path / "b.bin"
    doc.write_bytes(b"\x00\x01\x02" * 100)
    proc = subprocess.run([sys.executable, "-m", "sanctionwatch.cli", "extract", str(doc)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode != 0


def test_cli_file_and_text_limits_come_from_settings(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    doc = tmp_path / "big.txt"
    doc.write_text("North Korea sent 2,000 troops to Russia. " * 10, encoding="utf-8")
    home = tmp_path / "nohome"
    monkeypatch.setenv("SANCTIONWATCH_MAX_FILE_BYTES", "100")
    result = CliRunner().invoke(main, ["--home", str(home), "extract", "--jsonl", str(doc)])
    assert result.exit_code == 2
    assert "over the 100-byte limit" in result.output and "MAX_FILE_BYTES" in result.output
    monkeypatch.delenv("SANCTIONWATCH_MAX_FILE_BYTES")
    monkeypatch.setenv("SANCTIONWATCH_MAX_TEXT_CHARS", "50")
    result = CliRunner().invoke(main, ["--home", str(home), "extract", "--jsonl", str(doc)])
    assert result.exit_code == 0, result.output
    row = json.loads(result.output.strip().splitlines()[0])
    assert any("cut to the first 50 characters" in n for n in row["notes"])
    assert len(row["incidents"]) == 1  # only the first sentence was read
