"""The multilingual item catalogue: weapons, munitions, commodities and services.

The extractor recognises items by their aliases; the regime engine maps an item to its
category and HS codes. Load it with :func:`load_catalogue` (validated, cached)::

    cat = load_catalogue()
    cat.get("pantsir_s1").category          # 'air_defence'
    cat.lookup("Панцирь-С1")                # [CatalogueEntry(id='pantsir_s1', ...)]
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from sanctionwatch.knowledge.categories import CATEGORIES

LANGUAGES: tuple[str, ...] = ("en", "de", "fr", "ru", "ko", "ja", "zh", "es")
Kind = Literal["weapon", "munition", "commodity", "service"]

_HS = re.compile(r"^(\d{2}|\d{4}|\d{6})(-(\d{2}|\d{4}|\d{6}))?$")
_ID = re.compile(r"^[a-z][a-z0-9_]*$")


class CatalogueError(ValueError):
    """The catalogue file is missing, unreadable or does not match the schema."""


def normalise(text: str) -> str:
    """Case-fold, NFKC-normalise and collapse spaces/hyphens, for alias comparison."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("ё", "е")
    return re.sub(r"[\s\-‐‑–—_]+", " ", text).strip()


def hs_matches(code: str, patterns: list[str] | tuple[str, ...]) -> bool:
    """True if HS ``code`` (2-6 digits) lies under one of ``patterns``.

    A pattern is a chapter/heading/subheading (``"27"``, ``"2710"``) or an inclusive range
    of equal-length prefixes (``"50-63"``, ``"7201-7206"``).
    """
    code = code.replace(".", "").strip()
    for pattern in patterns:
        low, _, high = pattern.partition("-")
        if not high:
            if code.startswith(low):
                return True
            continue
        prefix = code[: len(low)]
        if len(prefix) == len(low) and low <= prefix <= high:
            return True
    return False


def validate_hs(value: str) -> str:
    if not _HS.match(value):
        raise ValueError(f"not an HS chapter/heading or range: {value!r}")
    low, _, high = value.partition("-")
    if high and (len(low) != len(high) or low > high):
        raise ValueError(f"bad HS range {value!r}: both ends need equal length, low <= high")
    return value


class CatalogueEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    name_en: str
    kind: Kind
    category: str
    hs_codes: tuple[str, ...] = ()
    aliases: dict[str, tuple[str, ...]]
    source: str = Field(min_length=8)
    note: str | None = None

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        if not _ID.match(value):
            raise ValueError(f"item id must be lower_snake_case, got {value!r}")
        return value

    @field_validator("category")
    @classmethod
    def _category(cls, value: str) -> str:
        if value not in CATEGORIES:
            raise ValueError(f"unknown category {value!r} (see knowledge/categories.py)")
        return value

    @field_validator("hs_codes")
    @classmethod
    def _hs(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(validate_hs(v) for v in value)

    @field_validator("source")
    @classmethod
    def _source(cls, value: str) -> str:
        if not value.startswith("https://"):
            raise ValueError(f"source must be an https:// URL, got {value!r}")
        return value

    @model_validator(mode="after")
    def _langs(self) -> CatalogueEntry:
        missing = [lang for lang in LANGUAGES if not self.aliases.get(lang)]
        extra = sorted(set(self.aliases) - set(LANGUAGES))
        if missing or extra:
            raise ValueError(
                f"item {self.id}: aliases need all of {', '.join(LANGUAGES)}"
                f" (missing {missing or 'none'}; unknown {extra or 'none'})"
            )
        return self

    def all_aliases(self) -> Iterator[tuple[str, str]]:
        """(language, alias) pairs, English name included."""
        yield "en", self.name_en
        for lang in LANGUAGES:
            for alias in self.aliases.get(lang, ()):
                yield lang, alias


class Catalogue(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int
    items: tuple[CatalogueEntry, ...]
    _index: dict[str, list[tuple[str, str]]] | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _unique(self) -> Catalogue:
        seen: set[str] = set()
        for item in self.items:
            if item.id in seen:
                raise ValueError(f"duplicate item id {item.id!r}")
            seen.add(item.id)
        return self

    def get(self, item_id: str) -> CatalogueEntry:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(f"no catalogue item {item_id!r}")

    def by_category(self, category: str) -> list[CatalogueEntry]:
        return [item for item in self.items if item.category == category]

    def alias_index(self) -> dict[str, list[tuple[str, str]]]:
        """normalised alias -> [(item id, language)] (an alias may name several items)."""
        if self._index is None:
            self._index = _alias_index(self)
        return self._index

    def lookup(self, text: str) -> list[CatalogueEntry]:
        """Items whose id, English name or an alias equals ``text`` (normalised)."""
        key = normalise(text)
        ids = {item_id for item_id, _ in self.alias_index().get(key, [])}
        if text in {item.id for item in self.items}:
            ids.add(text)
        return [item for item in self.items if item.id in ids]

    def category_of(self, text: str) -> str | None:
        """The category of the item named ``text``, if exactly one category fits."""
        cats = {item.category for item in self.lookup(text)}
        return cats.pop() if len(cats) == 1 else None


def _alias_index(cat: Catalogue) -> dict[str, list[tuple[str, str]]]:
    index: dict[str, list[tuple[str, str]]] = {}
    for item in cat.items:
        for lang, alias in item.all_aliases():
            entry = (item.id, lang)
            bucket = index.setdefault(normalise(alias), [])
            if entry not in bucket:
                bucket.append(entry)
    return index


def parse_catalogue(text: str, origin: str = "<string>") -> Catalogue:
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise CatalogueError(f"{origin}: not valid YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise CatalogueError(f"{origin}: expected a mapping with 'version' and 'items'")
    try:
        return Catalogue.model_validate(raw)
    except ValueError as exc:
        raise CatalogueError(f"{origin}: {exc}") from exc


def load_catalogue_file(path: Path) -> Catalogue:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CatalogueError(f"cannot read item catalogue {path}: {exc}") from exc
    return parse_catalogue(text, str(path))


@lru_cache(maxsize=1)
def load_catalogue() -> Catalogue:
    """The packaged catalogue (``knowledge/data/items.yaml``), validated once and cached."""
    ref = resources.files("sanctionwatch.knowledge").joinpath("data/items.yaml")
    return parse_catalogue(ref.read_text(encoding="utf-8"), "knowledge/data/items.yaml")
