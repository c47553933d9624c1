"""Upstream-source cues: which outlet a text says it relays ("according to Yonhap").

The phrases live in ``data/upstream_cues.yaml`` (validated on load); this module compiles
them into one regular expression per outlet.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator

CUES_FILE = Path(__file__).parent / "data" / "upstream_cues.yaml"
_NO_SPACE_LANGS = {"zh", "ja"}


class Outlet(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    source: str = Field(pattern=r"^https?://")
    names: list[str] = Field(min_length=1)


class CueFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    templates: dict[str, list[str]]
    outlets: list[Outlet]

    @field_validator("templates")
    @classmethod
    def _has_slot(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for lang, items in value.items():
            for t in items:
                if t.count("{name}") != 1:
                    raise ValueError(f"template {t!r} ({lang}) must contain {{name}} once")
        return value


def _name_pattern(name: str) -> str:
    esc = re.escape(name)
    if re.search(r"[\u0400-\u04FF]$", name):
        return esc + r"[\u0400-\u04FF]{0,3}"  # Russian case endings
    return esc


def _template_pattern(template: str, names: list[str]) -> str:
    alt = "|".join(_name_pattern(n) for n in sorted(names, key=len, reverse=True))
    before, after = template.split("{name}")
    parts = [re.escape(before).replace(r"\ ", r"\s+"), f"(?:{alt})",
             re.escape(after).replace(r"\ ", r"\s+")]
    body = "".join(parts)
    # Latin names must stand as words; CJK/Hangul text has no word spaces.
    return rf"(?<![\w]){body}(?![A-Za-z])" if re.match(r"[A-Za-z]", template) else body


class CueMatcher:
    """Finds the upstream outlets a text cites."""

    def __init__(self, cues: CueFile) -> None:
        self.cues = cues
        # (outlet id, quick check that a name occurs at all, the full cue pattern)
        self._patterns: list[tuple[str, re.Pattern[str], re.Pattern[str]]] = []
        templates = [t for items in cues.templates.values() for t in items]
        for outlet in cues.outlets:
            alts = "|".join(f"(?:{_template_pattern(t, outlet.names)})" for t in templates)
            names = "|".join(re.escape(n) for n in outlet.names)
            self._patterns.append((outlet.id, re.compile(names, re.IGNORECASE),
                                   re.compile(alts, re.IGNORECASE)))

    def upstream(self, text: str) -> frozenset[str]:
        """The ids of the outlets ``text`` says it relays."""
        return frozenset(oid for oid, names, pat in self._patterns
                         if names.search(text) and pat.search(text))


def load_cues(path: Path = CUES_FILE) -> CueFile:
    """Load and validate a cue file; raises ``ValueError`` naming the problem."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: not valid YAML ({exc})") from exc
    try:
        return CueFile.model_validate(raw)
    except ValueError as exc:
        raise ValueError(f"{path}: {exc}") from exc


@lru_cache(maxsize=4)
def default_matcher(path: Path = CUES_FILE) -> CueMatcher:
    return CueMatcher(load_cues(path))
