"""Estimative language after ICD 203: a likelihood judgment and, apart, a confidence level.

The likelihood comes from small, explained checks on the counted sources; the confidence
statement is always its own sentence. :func:`lint` checks any text against the rules:
never a likelihood term and a confidence level in one sentence, never the alternative
("remote ... nearly certain") scale.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict
from rigour.territories import get_territory

from sanctionwatch.findings.records import Assessment

LIKELIHOOD: tuple[str, ...] = (
    "almost no chance",
    "very unlikely",
    "unlikely",
    "roughly even chance",
    "likely",
    "very likely",
    "almost certain",
)
Confidence = Literal["low", "moderate", "high"]
_ALT_SCALE = ("remote", "highly improbable", "improbable", "probably", "probable",
              "highly probable", "nearly certain", "roughly even odds")
_LIKELIHOOD_RE = re.compile(
    r"\b(" + "|".join(sorted((re.escape(t) for t in LIKELIHOOD), key=len, reverse=True))
    + r")\b", re.IGNORECASE)
_CONFIDENCE_RE = re.compile(
    r"\b(high|moderate|low)(?:-|\s+)confidence\b|\bconfidence\W+(?:\w+\W+){0,2}?"
    r"(high|moderate|low)\b", re.IGNORECASE)
_ALT_RE = re.compile(r"\b(" + "|".join(_ALT_SCALE) + r")\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s*")


class EstimativeLanguageError(ValueError):
    """Generated text broke the ICD 203 rules (a template bug, never a user error)."""


class Check(BaseModel):
    """One step of the likelihood estimate: how many scale steps and why."""

    model_config = ConfigDict(frozen=True)

    delta: int
    detail: str


class Estimate(BaseModel):
    model_config = ConfigDict(frozen=True)

    likelihood: str
    confidence: Confidence
    judgment: str
    basis: str
    confidence_statement: str
    checks: tuple[Check, ...]

    def text(self) -> str:
        return " ".join((self.judgment, self.basis, self.confidence_statement))


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def lint(text: str) -> list[str]:
    """Problems with the estimative language of ``text`` (empty when it complies)."""
    problems = []
    for s in sentences(text):
        lk, cf = _LIKELIHOOD_RE.search(s), _CONFIDENCE_RE.search(s)
        if lk and cf:
            problems.append(f"likelihood term {lk.group(0)!r} and confidence level "
                            f"{cf.group(0)!r} in one sentence: {s!r}")
        alt = _ALT_RE.search(s)
        if alt:
            problems.append(f"term {alt.group(0)!r} is not on the ICD 203 likelihood scale "
                            f"used here: {s!r}")
    return problems


def safe_phrase(text: str | None, fallback: str, limit: int = 120) -> str:
    """Free text fit to sit inside a judgment: one clause, no estimative words."""
    if not text:
        return fallback
    clean = re.sub(r"\s+", " ", re.sub(r"[.!?。！？;:\n\r]+", " ", text)).strip()
    if (not clean or len(clean) > limit or _LIKELIHOOD_RE.search(clean) or _ALT_RE.search(clean)
            or re.search(r"confiden", clean, re.IGNORECASE)):
        return fallback
    return clean


def country_name(code: str | None) -> str:
    if not code:
        return "an unidentified party"
    if code.upper() == "KP":
        return "the DPRK"
    territory = get_territory(code.lower())
    name = territory.name if territory is not None else code.upper()
    return safe_phrase(name, code.upper())


_PROPOSITIONS = {
    "arms_transfer": "{src} supplied {what} to {dst}",
    "military_personnel": "military personnel from {src} were deployed to {dst} ({what})",
    "technical_assistance": "{src} provided technical assistance ({what}) to {dst}",
    "petroleum_transfer": "{what} was delivered from {src} to {dst}",
    "ship_to_ship_transfer": "a ship-to-ship transfer of {what} took place between {src} "
    "and {dst}",
    "port_call": "a vessel linked to {src} called at a port of {dst} ({what})",
    "designated_entity_activity": "a designated entity linked to {src} operated in {dst} "
    "({what})",
    "cyber_theft": "actors linked to {src} stole {what} from targets in {dst}",
    "overseas_workers": "workers from {src} were employed in {dst} ({what})",
}


def proposition(a: Assessment) -> str:
    key = a.key
    what = safe_phrase(key.subject, "the items concerned")
    template = _PROPOSITIONS.get(key.type, "a sanctions violation involving {what} occurred "
                                 "between {src} and {dst}")
    text = template.format(src=country_name(key.from_country), dst=country_name(key.to_country),
                           what=what)
    if a.period is not None:
        label = a.period.label()
        text += f" between {label.replace(' to ', ' and ')}" if " to " in label else f" in {label}"
    return text


def likelihood_checks(a: Assessment, confirmed: bool = False) -> list[Check]:
    n = a.independent
    base = {0: 2, 1: 3, 2: 4}.get(n, 5)
    checks = [Check(delta=base, detail=f"{n} independent source(s) meeting the standard")]
    best = a.best_grade
    if best is not None and best[0] in "AB" and int(best[1:]) <= 2:
        checks.append(Check(delta=1, detail=f"best source graded {best}"))
    if best is not None and (best[0] in "DE" or int(best[1:]) in (4, 5)):
        checks.append(Check(delta=-1, detail=f"best source graded only {best}"))
    if a.alleged_only:
        checks.append(Check(delta=-1, detail="every source only alleges it"))
    if a.denials:
        checks.append(Check(delta=-1, detail=f"{len(a.denials)} source(s) deny it"))
    if confirmed:
        checks.append(Check(delta=1, detail="confirmed by an analyst"))
    return checks


def confidence_level(a: Assessment) -> Confidence:
    best = a.best_grade or "F6"
    if a.independent >= 3 and best[0] in "AB" and not a.denials:
        return "high"
    if a.independent >= 2 or (a.independent == 1 and best[0] in "AB"):
        return "moderate"
    return "low"


def estimate(a: Assessment, confirmed: bool = False) -> Estimate:
    """The estimative statement of a finding."""
    checks = likelihood_checks(a, confirmed)
    # one source never supports more than "likely"; none, more than "roughly even chance"
    ceiling = {0: 3, 1: 4}.get(a.independent, len(LIKELIHOOD) - 1)
    index = max(0, min(ceiling, sum(c.delta for c in checks)))
    term = LIKELIHOOD[index]
    judgment = f"It is {term} that {proposition(a)}."
    n, total = a.independent, len(a.groups)
    basis = (f"This judgment rests on {n} independent source(s) meeting the evidentiary "
             f"standard, out of {total} counted and {len(a.evidence_ids)} document(s).")
    level = confidence_level(a)
    conf = f"We have {level} confidence in this judgment."
    est = Estimate(likelihood=term, confidence=level, judgment=judgment, basis=basis,
                   confidence_statement=conf, checks=tuple(checks))
    problems = lint(est.text())
    if problems:
        raise EstimativeLanguageError("; ".join(problems))
    return est


def lint_many(texts: Sequence[str]) -> list[str]:
    return [p for t in texts for p in lint(t)]
