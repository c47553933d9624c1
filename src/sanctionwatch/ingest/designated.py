"""Linking incidents to designated persons, entities and vessels.

The sentences of each incident are scanned for the names and aliases of listed parties
(an Aho-Corasick automaton over normalised names, built once per list version) and for
vessel mentions ("tanker CHON MA SAN", "Schiff Paek Ma"); every candidate is confirmed
by the screening matcher, and each confirmed designated party acting in an incident
yields a ``designated_entity_activity`` incident (which engages the asset freeze).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick
from sqlalchemy import Engine

from sanctionwatch.incident import Incident
from sanctionwatch.lists.screen import (
    LoadedIndex,
    designated_activity,
    designated_hits,
    load_index,
)

MIN_NAME_CHARS = 6
_VESSEL = re.compile(
    r"\b(?:tanker|vessel|ship|freighter|cargo ship|oil tanker|Tanker|Schiff|Frachter|navire|"
    r"pétrolier|buque|petrolero|танкер|судно|судна)\s+[«\"“']?"
    r"((?:[A-Z][A-Za-z]+|[A-ZА-Я][а-яА-Я]+)(?:[ -](?:[A-Z][A-Za-z]*|\d{1,3}))*)", re.UNICODE)


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[\s\-.,']+", " ", text)


@dataclass(frozen=True)
class Linker:
    loaded: LoadedIndex
    automaton: object

    def mentions(self, sentence: str) -> tuple[list[str], list[str]]:
        """(names, vessels) mentioned in ``sentence`` that may be listed parties."""
        text = f" {_norm(sentence)} "
        names: list[str] = []
        for end, (key, schema) in self.automaton.iter(text):  # type: ignore[attr-defined]
            start = end - len(key) + 1
            if text[start - 1].isalnum() or text[end + 1].isalnum():
                continue
            if schema != "Vessel":
                names.append(key)
        vessels = [m.group(1) for m in _VESSEL.finditer(sentence)]
        return names, vessels


def build_linker(loaded: LoadedIndex) -> Linker:
    auto = ahocorasick.Automaton()
    for target in loaded.index.targets:
        for name, _prop in target.names:
            key = _norm(name).strip()
            if len(key) >= MIN_NAME_CHARS:
                auto.add_word(key, (key, target.schema))
    if len(auto):
        auto.make_automaton()
    return Linker(loaded, auto)


@lru_cache(maxsize=4)
def _linker_for(url: str, versions: tuple[int, ...], engine: Engine) -> Linker:
    return build_linker(load_index(engine))


def linker(engine: Engine) -> Linker:
    from sanctionwatch.lists.repository import current_versions

    return _linker_for(engine.url.render_as_string(), current_versions(engine), engine)


def designated_incidents(link: Linker, incidents: list[Incident]) -> list[Incident]:
    """One ``designated_entity_activity`` incident per listed party acting in an incident."""
    if not len(link.automaton):  # type: ignore[arg-type]
        return []
    out: list[Incident] = []
    seen: set[tuple[str, str | None]] = set()
    for inc in incidents:
        if inc.type == "designated_entity_activity" or inc.stance == "denied":
            continue
        names, vessels = link.mentions(inc.sentence or "")
        for hit in designated_hits(link.loaded, inc, names=names, vessels=vessels):
            key = (hit.result.id, inc.when)
            if key in seen:
                continue
            seen.add(key)
            out.append(designated_activity(hit, inc))
    return out
