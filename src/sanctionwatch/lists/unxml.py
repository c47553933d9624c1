"""UN Security Council Consolidated List XML → FollowTheMoney entities.

Parsed with defusedxml (no DTDs, no external entities, no entity expansion). The whole
file is parsed and converted before anything is stored, so a malformed file never
replaces the current list.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import defusedxml.ElementTree as DET
from defusedxml import DefusedXmlException

from sanctionwatch.lists.entities import Entity, squash
from sanctionwatch.lists.errors import ListError

AUTHORITY = "United Nations Security Council"
# UN_LIST_TYPE → OpenSanctions-style programme identifiers (public resolution numbers).
PROGRAM_IDS = {
    "DPRK": "UN-SC1718",
    "Iran": "UN-SC2231",
    "Al-Qaida": "UN-SC1267",
    "Taliban": "UN-SC1988",
    "Iraq": "UN-SC1518",
    "Libya": "UN-SC1970",
    "Somalia": "UN-SC2713",
    "South Sudan": "UN-SC2206",
    "Sudan": "UN-SC1591",
    "DRC": "UN-SC1533",
    "CAR": "UN-SC2127",
    "Yemen": "UN-SC2140",
    "Mali": "UN-SC2374",
    "Haiti": "UN-SC2653",
}
_IMO = re.compile(r"\bIMO\b[^0-9]{0,40}?(\d{7})\b", re.IGNORECASE)
_PASSPORT = re.compile(r"pass|pasaporte|passeport", re.IGNORECASE)


@dataclass(frozen=True)
class UnList:
    """A parsed list: its generation timestamp and its entities."""

    generated: str | None
    entities: list[Entity]


def _text(el: ET.Element | None, tag: str | None = None) -> str:
    if el is None:
        return ""
    node = el.find(tag) if tag else el
    if node is None or node.text is None:
        return ""
    return squash(node.text)


def _values(el: ET.Element, tag: str) -> list[str]:
    out = []
    for node in el.findall(tag):
        for val in node.findall("VALUE"):
            if val.text and squash(val.text):
                out.append(squash(val.text))
    return out


class _Builder:
    """Accumulates properties through followthemoney (which normalises and validates)."""

    def __init__(self, schema: str, entity_id: str) -> None:
        from followthemoney import model

        self.proxy = model.make_entity(schema)
        self.proxy.id = entity_id

    def add(self, prop: str, values: str | Iterable[str]) -> None:
        if isinstance(values, str):
            values = [values]
        for value in values:
            value = squash(value)
            if value:
                self.proxy.add(prop, value, quiet=True)

    def dict(self) -> Entity:
        data: dict[str, Any] = self.proxy.to_dict()
        return {"id": data["id"], "schema": data["schema"], "properties": data["properties"]}


def _place(el: ET.Element) -> str:
    parts = [_text(el, t) for t in ("STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY")]
    return ", ".join(p for p in parts if p)


def _aliases(rec: ET.Element, tag: str, b: _Builder) -> None:
    for alias in rec.findall(tag):
        name = _text(alias, "ALIAS_NAME")
        quality = _text(alias, "QUALITY").lower()
        if alias.find("DATE_OF_BIRTH") is not None:
            b.add("birthDate", _text(alias, "DATE_OF_BIRTH"))
        if not name:
            continue
        if quality == "low":
            b.add("weakAlias", name)
        elif quality == "f.k.a.":
            b.add("previousName", name)
        else:  # Good, a.k.a. or unstated
            b.add("alias", name)


def _common(rec: ET.Element, b: _Builder, kind: str, with_notes: bool) -> None:
    b.add("topics", "sanction")
    program = _text(rec, "UN_LIST_TYPE")
    if program in PROGRAM_IDS:
        b.add("programId", PROGRAM_IDS[program])
    b.add("program", program)
    b.add("alias", _text(rec, "NAME_ORIGINAL_SCRIPT"))
    comments = _text(rec, "COMMENTS1")
    if with_notes:
        b.add("notes", comments)
    for imo in _IMO.findall(comments):
        b.add("imoNumber", imo)
    for addr in rec.findall(f"{kind}_ADDRESS"):
        full = _place(addr)
        b.add("address", full)
        b.add("country", _text(addr, "COUNTRY"))


def _individual(rec: ET.Element, dataid: str, with_notes: bool) -> list[Entity]:
    b = _Builder("Person", f"unsc-{dataid}")
    parts = [_text(rec, t) for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")]
    b.add("name", " ".join(p for p in parts if p))
    _common(rec, b, "INDIVIDUAL", with_notes)
    b.add("title", _values(rec, "TITLE"))
    b.add("position", _values(rec, "DESIGNATION"))
    b.add("nationality", _values(rec, "NATIONALITY"))
    b.add("gender", _text(rec, "GENDER").lower())
    _aliases(rec, "INDIVIDUAL_ALIAS", b)
    for dob in rec.findall("INDIVIDUAL_DATE_OF_BIRTH"):
        b.add("birthDate", _text(dob, "DATE")[:10])
        b.add("birthDate", _text(dob, "YEAR"))
        b.add("birthDate", [_text(dob, "FROM_YEAR"), _text(dob, "TO_YEAR")])
    for pob in rec.findall("INDIVIDUAL_PLACE_OF_BIRTH"):
        b.add("birthPlace", _place(pob))
    out: list[Entity] = []
    for n, doc in enumerate(rec.findall("INDIVIDUAL_DOCUMENT"), start=1):
        number = _text(doc, "NUMBER")
        if not number:
            continue
        kind = _text(doc, "TYPE_OF_DOCUMENT")
        passport = bool(_PASSPORT.search(kind))
        b.add("passportNumber" if passport else "idNumber", number)
        d = _Builder("Passport" if passport else "Identification", f"unsc-{dataid}-doc-{n}")
        d.add("holder", f"unsc-{dataid}")
        d.add("number", number)
        d.add("type", " ".join(p for p in (kind, _text(doc, "TYPE_OF_DOCUMENT2")) if p))
        d.add("country", _text(doc, "ISSUING_COUNTRY") or _text(doc, "COUNTRY_OF_ISSUE"))
        d.add("startDate", _text(doc, "DATE_OF_ISSUE")[:10])
        out.append(d.dict())
    return [b.dict(), *out]


def _entity(rec: ET.Element, dataid: str, with_notes: bool) -> list[Entity]:
    b = _Builder("Organization", f"unsc-{dataid}")
    b.add("name", _text(rec, "FIRST_NAME"))
    _common(rec, b, "ENTITY", with_notes)
    _aliases(rec, "ENTITY_ALIAS", b)
    return [b.dict()]


def _sanction(rec: ET.Element, dataid: str) -> Entity:
    b = _Builder("Sanction", f"unsc-{dataid}-sanction")
    b.add("entity", f"unsc-{dataid}")
    b.add("authority", AUTHORITY)
    b.add("unscId", _text(rec, "REFERENCE_NUMBER"))
    program = _text(rec, "UN_LIST_TYPE")
    b.add("program", program)
    if program in PROGRAM_IDS:
        b.add("programId", PROGRAM_IDS[program])
    listed = _text(rec, "LISTED_ON")[:10]
    b.add("listingDate", listed)
    b.add("startDate", listed)
    return b.dict()


def convert(root: ET.Element, *, programs: set[str] | None = None,
            with_notes: bool = True) -> UnList:
    """Convert a parsed ``CONSOLIDATED_LIST`` element (optionally only some programmes)."""
    if root.tag != "CONSOLIDATED_LIST":
        raise ListError(f"not a UN consolidated list: root element is <{root.tag}>")
    records = [("INDIVIDUAL", r) for r in root.iter("INDIVIDUAL")]
    records += [("ENTITY", r) for r in root.iter("ENTITY")]
    if not records:
        raise ListError("the UN list contains no INDIVIDUAL or ENTITY records")
    entities: list[Entity] = []
    seen: set[str] = set()
    for kind, rec in records:
        dataid = _text(rec, "DATAID")
        if not dataid.isdigit():
            raise ListError(f"a {kind} record has no numeric DATAID (got {dataid!r})")
        if dataid in seen:
            raise ListError(f"DATAID {dataid} occurs twice")
        seen.add(dataid)
        if programs is not None and _text(rec, "UN_LIST_TYPE") not in programs:
            continue
        conv = _individual if kind == "INDIVIDUAL" else _entity
        entities.extend(conv(rec, dataid, with_notes))
        entities.append(_sanction(rec, dataid))
    return UnList(generated=root.get("dateGenerated"), entities=entities)


def parse_un_xml(path: Path, *, max_bytes: int, programs: set[str] | None = None,
                 with_notes: bool = True) -> UnList:
    """Parse and convert a UN list file; raise :class:`ListError` naming any problem."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ListError(f"cannot read {path}: {exc.strerror}") from exc
    if size > max_bytes:
        raise ListError(f"{path.name} is {size} bytes, above the limit of {max_bytes} "
                        "(SANCTIONWATCH_MAX_XML_BYTES)")
    try:
        tree = DET.parse(str(path), forbid_dtd=True)
    except DefusedXmlException as exc:
        raise ListError(f"{path.name} refused: forbidden XML construct ({exc})") from exc
    except ET.ParseError as exc:
        raise ListError(f"{path.name} is not well-formed XML: {exc}") from exc
    return convert(tree.getroot(), programs=programs, with_notes=with_notes)
