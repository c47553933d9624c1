"""Load the extraction gazetteers (countries, ports, items, cues, units) and match them.

The data live in ``knowledge/data/*.yaml`` and are validated by ``knowledge.schema``.
``Gazetteer.for_language(lang)`` builds (once per process and language) one Aho-Corasick
automaton over the keys of that language plus the English keys, because English names
and acronyms turn up in texts of every language. ``scan`` returns the matches with
character offsets into the original text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from operator import attrgetter
from typing import Any, Literal, NamedTuple

import ahocorasick
import yaml
from pydantic import ValidationError

from sanctionwatch.knowledge.schema import (
    LANGS,
    CountryFile,
    CueFile,
    ItemCue,
    ItemCueFile,
    PortFile,
    UnitFile,
)

Layer = Literal["country", "port", "item", "cue"]
DATA_FILES = ("countries.yaml", "ports.yaml", "item_cues.yaml", "cues.yaml", "units.yaml")


class GazetteerError(ValueError):
    """A gazetteer data file is missing or invalid."""


@dataclass(frozen=True, slots=True)
class Entry:
    """What a key stands for: a layer, a kind within it and a value."""

    layer: Layer
    kind: str  # country: name/adjective/capital/actor; cue: give/get/...; item/port: "item"/"port"
    value: str  # ISO2 code, cue kind, item name or port name
    extra: str = ""  # port: country code


class Match(NamedTuple):
    """One key found in a text (a named tuple: built ~3x faster than a frozen dataclass,
    which counts at ~60 matches per news article)."""

    start: int
    end: int
    entry: Entry
    key: str


def _load_yaml(name: str) -> Any:
    try:
        text = resources.files("sanctionwatch.knowledge").joinpath("data", name).read_text(
            encoding="utf-8")
    except FileNotFoundError as exc:
        raise GazetteerError(f"gazetteer file missing: knowledge/data/{name}") from exc
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise GazetteerError(f"knowledge/data/{name}: not valid YAML: {exc}") from exc


def _validate(name: str, model: Any) -> Any:
    try:
        return model.model_validate(_load_yaml(name))
    except ValidationError as exc:
        raise GazetteerError(f"knowledge/data/{name}: {exc}") from exc


@cache
def countries() -> CountryFile:
    return _validate("countries.yaml", CountryFile)


@cache
def ports() -> PortFile:
    return _validate("ports.yaml", PortFile)


@cache
def items() -> ItemCueFile:
    return _validate("item_cues.yaml", ItemCueFile)


@cache
def cues() -> CueFile:
    return _validate("cues.yaml", CueFile)


@cache
def units() -> UnitFile:
    return _validate("units.yaml", UnitFile)


@cache
def item_index() -> dict[str, ItemCue]:
    return {cue.item: cue for cue in items().items}


def load_all() -> None:
    """Validate every data file now (raises GazetteerError naming the bad file)."""
    countries()
    ports()
    items()
    cues()
    units()


def is_cjk(ch: str) -> bool:
    """Hangul, kana and Han characters: scripts written without spaces between names."""
    o = ord(ch)
    return (0x1100 <= o <= 0x11FF or 0x3040 <= o <= 0x30FF or 0x3130 <= o <= 0x318F
            or 0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF or 0xAC00 <= o <= 0xD7AF
            or 0xF900 <= o <= 0xFAFF)


def _is_word(ch: str) -> bool:
    return ch.isalnum() and not is_cjk(ch)


_WORD_CHARS: dict[str, bool] = {}  # memo of _is_word per character (bounded by the alphabet)


@dataclass(frozen=True, slots=True)
class _Key:
    text: str  # lowercased key without '*' or '='
    stem: bool
    case: str | None  # original spelling for case-sensitive keys
    entries: tuple[Entry, ...]
    check_left: bool  # a Latin/Cyrillic key must not start inside a word
    check_right: bool  # ... nor end inside one (stems extend instead)
    # a key with a '*' inside ("air defen* system*", "военн* технолог*"): the automaton
    # finds its literal prefix, this pattern checks the rest at the match position
    pattern: re.Pattern[str] | None = None


class Gazetteer:
    """An automaton over the keys of one language (plus English)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        table: dict[tuple[str, bool, str | None, str | None], list[Entry]] = {}

        def add(raw: str, entry: Entry) -> None:
            case = None
            if raw.startswith("="):
                raw = raw[1:]
                case = raw.rstrip("*")
            stem = raw.endswith("*")
            text = raw.rstrip("*").lower()
            inner = None
            if "*" in text:  # inner stems: "air defen* system*"
                parts = text.split("*")
                inner = r"\w*".join(re.escape(p) for p in parts) + (r"\w*" if stem else r"(?!\w)")
                text, stem = parts[0], False
            if text:
                bucket = table.setdefault((text, stem, case, inner), [])
                if entry not in bucket:
                    bucket.append(entry)

        langs = {lang, "en"}
        for c in countries().countries:
            for kind, mapping in (("name", c.names), ("adjective", c.adjectives),
                                  ("capital", c.capitals), ("actor", c.actors)):
                for lg, keys in mapping.items():
                    if lg in langs:
                        for k in keys:
                            add(k, Entry("country", kind, c.iso2))
        for p in ports().ports:
            for lg, keys in p.keys.items():
                if lg in langs:
                    for k in keys:
                        add(k, Entry("port", "port", p.name, p.country))
        for it in items().items:
            for lg, keys in it.keys.items():
                if lg == lang or (lg == "en" and lang in ("en",)):
                    for k in keys:
                        add(k, Entry("item", "item", it.item))
        for group in cues().cues:
            for lg, keys in group.keys.items():
                if lg == lang:
                    for k in keys:
                        add(k, Entry("cue", group.kind, group.kind))
        self._automaton = ahocorasick.Automaton()
        merged: dict[str, list[_Key]] = {}
        for (text, stem, case, inner), entries in table.items():
            merged.setdefault(text, []).append(_Key(
                text, stem, case, tuple(entries), not is_cjk(text[0]),
                inner is None and not stem and not is_cjk(text[-1]) and text[-1] != "-",
                re.compile(inner) if inner else None))
        for word, key_list in merged.items():
            # plain tuples (unpacked per hit) are faster to read than dataclass fields
            self._automaton.add_word(word, tuple(
                (len(k.text), k.check_left, k.check_right, k.stem, k.pattern, k.case,
                 tuple((e, e.layer) for e in k.entries), k.text) for k in key_list))
        self._automaton.make_automaton()
        self.size = len(merged)

    def scan(self, text: str, lowered: str | None = None) -> list[Match]:
        """All matches in ``text``; per layer (except cues) longest-leftmost, no overlaps."""
        low = lowered if lowered is not None else lower_same_length(text)
        n = len(low)
        cue_matches: list[Match] = []
        by_layer: dict[str, list[Match]] = {}
        word = _WORD_CHARS
        new_match = tuple.__new__
        for end_idx, keys in self._automaton.iter(low):
            end = end_idx + 1
            after = low[end] if end < n else ""
            for klen, check_left, check_right, stem, pattern, case, entries, key in keys:
                start = end - klen
                if check_left and start > 0:
                    ch = low[start - 1]
                    w = word.get(ch)
                    if w is None:
                        w = word[ch] = _is_word(ch)
                    if w:
                        continue
                stop = end
                if pattern is not None:
                    full = pattern.match(low, start)
                    if full is None:
                        continue
                    stop = full.end()
                elif after:
                    w = word.get(after)
                    if w is None:
                        w = word[after] = _is_word(after)
                    if w:
                        if stem:
                            stop += 1  # ``after`` is a word character
                            while stop < n:
                                ch = low[stop]
                                w = word.get(ch)
                                if w is None:
                                    w = word[ch] = _is_word(ch)
                                if not w:
                                    break
                                stop += 1
                        elif check_right:
                            continue
                if case is not None and text[start:start + len(case)] != case:
                    continue
                for entry, layer in entries:
                    # tuple.__new__ builds the same Match without the call of its __new__
                    if layer == "cue":
                        cue_matches.append(new_match(Match, (start, stop, entry, key)))
                    else:
                        found = by_layer.get(layer)
                        if found is None:
                            found = by_layer[layer] = []
                        found.append(new_match(Match, (start, stop, entry, key)))
        return _resolve_layers(cue_matches, by_layer)


_START_END = attrgetter("start", "end")


def _resolve(raw: list[Match]) -> list[Match]:
    """Keep the longest match where matches of the same layer overlap (cues: keep all)."""
    cue_matches: list[Match] = []
    by_layer: dict[str, list[Match]] = {}
    for m in raw:
        if m.entry.layer == "cue":
            cue_matches.append(m)
        else:
            by_layer.setdefault(m.entry.layer, []).append(m)
    return _resolve_layers(cue_matches, by_layer)


def _longest_first(m: Match) -> tuple[int, int, int]:
    return (m.start - m.end, m.start, -len(m.key))


def _resolve_layers(cue_matches: list[Match],
                    by_layer: dict[str, list[Match]]) -> list[Match]:
    """``_resolve`` over matches already split into cues (in text order) and the other
    layers (each in text order, layers in the order they first occur).

    Within a layer, matches fall into clusters of overlapping spans; a cluster of one is
    kept, a larger one is resolved longest first. Clusters never overlap, so this keeps
    what one longest-first pass over the whole layer keeps; no two kept matches of a
    layer share a span, so the order in which they join ``out`` does not change the
    sorted result."""
    out = cue_matches
    for layer_matches in by_layer.values():
        if len(layer_matches) == 1:
            out.append(layer_matches[0])
            continue
        layer_matches.sort(key=_START_END)
        cluster: list[Match] = []
        reach = -1
        for m in layer_matches:
            if m.start >= reach:
                if cluster:
                    _longest_of(cluster, out)
                cluster = [m]
            else:
                cluster.append(m)
            if m.end > reach:
                reach = m.end
        _longest_of(cluster, out)
    out.sort(key=_START_END)
    return out


def _longest_of(cluster: list[Match], out: list[Match]) -> None:
    """Append to ``out`` the matches of ``cluster`` that a longest-first pass keeps."""
    if len(cluster) == 1:
        out.append(cluster[0])
        return
    # longest span first; on equal spans the longer (more specific) key wins
    cluster.sort(key=_longest_first)
    taken: list[tuple[int, int]] = []
    for m in cluster:
        start, end = m.start, m.end
        for t_start, t_end in taken:
            if start < t_end and t_start < end:
                break
        else:
            taken.append((start, end))
            out.append(m)


def lower_same_length(text: str) -> str:
    """Lowercase without changing the length (so offsets stay valid)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


@lru_cache(maxsize=16)
def for_language(lang: str) -> Gazetteer:
    """The automaton for ``lang`` (one of LANGS; anything else gets the English one)."""
    return Gazetteer(lang if lang in LANGS else "en")


def unit_keys(lang: str) -> list[tuple[str, str]]:
    """(key, unit) pairs for ``lang`` and English, longest first."""
    return _unit_keys(lang if lang in LANGS else "en")


@cache
def _unit_keys(lang: str) -> list[tuple[str, str]]:
    ranked: list[tuple[int, bool, str, str]] = []
    for u in units().units:
        for lg, keys in u.keys.items():
            if lg in (lang, "en"):
                ranked.extend((-len(k), lg != lang, unicodedata.normalize("NFKC", k), u.unit)
                              for k in keys)
    # longest first; at equal length the document language's word beats the English one
    ranked.sort(key=lambda r: (r[0], r[1]))
    return [(k, unit) for _, _, k, unit in ranked]
