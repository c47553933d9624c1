"""Score extracted incidents against hand-made gold annotations.

The matching follows the annotation rules of the project's evaluation sets: a predicted
incident can match a gold incident of the same document when the type is equal, both or
neither are denials, and ``from``/``to`` agree wherever the gold value is set. Among the
compatible pairs, those that also agree on quantity, unit and item words are taken first;
each incident is matched at most once.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Row = Mapping[str, Any]


@dataclass
class Counts:
    gold: int = 0
    predicted: int = 0
    matched: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    overall: Counts = field(default_factory=Counts)
    by_type: dict[str, Counts] = field(default_factory=dict)
    false_alarm_docs: list[str] = field(default_factory=list)
    missed_docs: list[str] = field(default_factory=list)
    stance_right: int = 0
    quantity_right: int = 0
    quantity_total: int = 0
    misses: list[tuple[str, Row]] = field(default_factory=list)
    false: list[tuple[str, Row]] = field(default_factory=list)

    @property
    def stance_accuracy(self) -> float:
        return self.stance_right / self.overall.matched if self.overall.matched else 0.0

    @property
    def quantity_accuracy(self) -> float:
        return self.quantity_right / self.quantity_total if self.quantity_total else 0.0

    def summary(self) -> str:
        o = self.overall
        lines = [f"incidents: gold {o.gold}  predicted {o.predicted}  matched {o.matched}",
                 f"  precision {o.precision:.3f}  recall {o.recall:.3f}  F1 {o.f1:.3f}",
                 f"false-alarm docs {len(self.false_alarm_docs)}  "
                 f"missed docs {len(self.missed_docs)}",
                 f"stance accuracy {self.stance_accuracy:.3f}  "
                 f"quantity accuracy {self.quantity_accuracy:.3f}"]
        for kind in sorted(self.by_type):
            c = self.by_type[kind]
            lines.append(f"  {kind:28} gold {c.gold:3} pred {c.predicted:3}  F1 {c.f1:.2f}")
        return "\n".join(lines)


def _words(text: object) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", str(text or "").lower()))


def _number(value: object) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return float(str(value))
    except ValueError:
        return None


def _denied(row: Row) -> bool:
    return row.get("stance") == "denied"


def _compatible(gold: Row, pred: Row) -> bool:
    if gold.get("type") != pred.get("type") or _denied(gold) != _denied(pred):
        return False
    return all(gold.get(k) is None or str(gold.get(k)).upper() == str(pred.get(k)).upper()
               for k in ("from", "to"))


def same_quantity(gold: Row, pred: Row) -> bool:
    """Quantities agree within 1 % (rounding in the text, e.g. "1.5 million")."""
    g, p = _number(gold.get("quantity")), _number(pred.get("quantity"))
    return g is not None and p is not None and abs(g - p) <= 0.01 * max(abs(g), 1.0)


def _affinity(gold: Row, pred: Row) -> float:
    value = 2.0 if same_quantity(gold, pred) else 0.0
    if gold.get("unit") and gold.get("unit") == pred.get("unit"):
        value += 1.0
    g_words, p_words = _words(gold.get("item")), _words(pred.get("item"))
    if g_words and p_words:
        value += len(g_words & p_words) / len(g_words | p_words)
    return value


def _match(gold: list[Row], pred: list[Row]) -> list[tuple[int, int]]:
    pairs = [(-_affinity(g, p), gi, pi) for gi, g in enumerate(gold)
             for pi, p in enumerate(pred) if _compatible(g, p)]
    pairs.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    out: list[tuple[int, int]] = []
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


def score(gold: Mapping[str, list[Row]], predicted: Mapping[str, list[Row]]) -> Score:
    """Score ``predicted`` against ``gold`` (both: document id → incidents)."""
    result = Score()
    for doc in sorted(gold):
        g_rows, p_rows = list(gold[doc]), list(predicted.get(doc, []))
        pairs = _match(g_rows, p_rows)
        result.overall.gold += len(g_rows)
        result.overall.predicted += len(p_rows)
        result.overall.matched += len(pairs)
        for row in g_rows:
            result.by_type.setdefault(str(row.get("type")), Counts()).gold += 1
        for row in p_rows:
            result.by_type.setdefault(str(row.get("type")), Counts()).predicted += 1
        for gi, pi in pairs:
            g, p = g_rows[gi], p_rows[pi]
            result.by_type[str(g.get("type"))].matched += 1
            result.stance_right += g.get("stance") == p.get("stance")
            if _number(g.get("quantity")) is not None:
                result.quantity_total += 1
                result.quantity_right += same_quantity(g, p) and g.get("unit") == p.get("unit")
        matched_g = {gi for gi, _ in pairs}
        matched_p = {pi for _, pi in pairs}
        result.misses += [(doc, r) for i, r in enumerate(g_rows) if i not in matched_g]
        result.false += [(doc, r) for i, r in enumerate(p_rows) if i not in matched_p]
        claims = [r for r in p_rows if not _denied(r)]
        if not g_rows and claims:
            result.false_alarm_docs.append(doc)
        if g_rows and not p_rows:
            result.missed_docs.append(doc)
    return result


def read_jsonl(lines: Iterable[str]) -> dict[str, list[Row]]:
    """Document id → incidents, from JSON lines ``{"doc": ..., "incidents": [...]}``."""
    out: dict[str, list[Row]] = {}
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"line {n}: not JSON ({exc})") from exc
        doc = str(obj.get("doc", "")).strip()
        if not doc:
            raise ValueError(f"line {n}: no 'doc' field")
        out.setdefault(doc, []).extend(obj.get("incidents") or [])
    return out


def corpus_texts(corpus: Path) -> dict[str, str]:
    """Document id → body text of ``corpus/docs/*.txt`` (the header ends at a '---' line)."""
    out: dict[str, str] = {}
    for path in sorted((corpus / "docs").glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        head, sep, body = raw.partition("\n---\n")
        out[path.stem] = body if sep else raw
    return out


def read_gold(corpus: Path) -> dict[str, list[Row]]:
    """The gold annotations of ``corpus`` (``corpus/gold.jsonl``)."""
    return read_jsonl((corpus / "gold.jsonl").read_text(encoding="utf-8").splitlines())


def score_corpus(corpus: Path) -> Score:
    """Run the extractor over ``corpus/docs/*.txt`` and score it against its gold."""
    from sanctionwatch.extract.pipeline import extract_text

    predicted: dict[str, list[Row]] = {
        doc: [i.wire() for i in extract_text(text).incidents]
        for doc, text in corpus_texts(corpus).items()}
    return score(read_gold(corpus), predicted)
