"""Render a ``ReportModel`` to HTML, PDF (WeasyPrint), Markdown and JSON, reproducibly.

The timestamp comes from the model (``generated_at``), never from the clock; charts are
SVG with fixed ids and no dates; the PDF's metadata dates are pinned to the same stamp.
"""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from sanctionwatch.findings.estimative import LIKELIHOOD
from sanctionwatch.findings.grading import THEMES
from sanctionwatch.report.charts import petroleum_chart, quantities_chart
from sanctionwatch.report.model import CapView, FindingView, LetterView, ReportModel
from sanctionwatch.report.trackmap import track_map
from sanctionwatch.report.worldmap import places_map

TEMPLATES = Path(__file__).parent / "data" / "templates"
FORMATS: tuple[str, ...] = ("html", "pdf", "md", "json")


class ReportError(ValueError):
    """A report cannot be rendered as asked (unknown format, unusable output folder)."""


@dataclass
class Charts:
    quantities: str | None = None
    map: str | None = None
    petroleum: list[tuple[CapView, str]] = field(default_factory=list)
    tracks: str | None = None


def make_charts(model: ReportModel) -> Charts:
    pet = [(cap, svg) for cap in model.caps
           if (svg := petroleum_chart(model.findings, cap)) is not None]
    return Charts(quantities=quantities_chart(model.findings), map=places_map(model.findings),
                  petroleum=pet,
                  tracks=track_map(model.tracks) if model.tracks is not None else None)


def default_method(model: ReportModel) -> list[str]:
    scale = ", ".join(LIKELIHOOD)
    return [
        *model.method,
        "Incidents about the same event (type, parties, item category, overlapping period) "
        "from different documents are grouped into one finding. Documents from the same "
        "originator, near-duplicate texts and texts relaying the same upstream outlet count "
        "as one source; each finding says how its sources were counted.",
        "Sources are graded on the Admiralty scale: source reliability A (completely "
        "reliable) to F (cannot be judged) and information credibility 1 (confirmed) to 6 "
        "(cannot be judged). Quantities are ranges from the lowest to the highest figure "
        "given by independent sources.",
        f"Judgments use the ICD 203 likelihood scale ({scale}); the analysts' confidence is "
        "stated in a separate sentence.",
        "Sources are named as this audience may see them: originators are pseudonymised, and "
        "a withheld item appears only as its hash commitment, which the ledger proofs in "
        "Annex II tie to the signed checkpoint.",
    ]


def grouped(findings: list[FindingView]) -> list[tuple[str, list[FindingView]]]:
    order = {t: n for n, t in enumerate(THEMES)}
    themes = sorted({f.theme for f in findings}, key=lambda t: order.get(t, len(order)))
    return [(t, [f for f in findings if f.theme == t]) for t in themes]


def _num(value: Decimal) -> str:
    return f"{value:,}"


def _datauri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def _env(autoescape: bool) -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined,
                      autoescape=select_autoescape(["html"]) if autoescape else False,
                      keep_trailing_newline=True, trim_blocks=False)
    env.filters.update(num=_num, datauri=_datauri, cell=_cell)
    return env


def _context(model: ReportModel, charts: Charts) -> dict[str, object]:
    letters: list[tuple[FindingView, LetterView]] = [
        (f, lt) for f in model.findings for lt in f.letters]
    return {"r": model, "charts": charts, "groups": grouped(model.findings),
            "method": default_method(model), "letters": letters,
            "stamp": model.generated_at.isoformat()}


def render_html(model: ReportModel, charts: Charts | None = None) -> str:
    charts = charts or make_charts(model)
    css = (TEMPLATES / "report.css").read_text(encoding="utf-8")
    return _env(True).get_template("report.html.jinja").render(css=css,
                                                               **_context(model, charts))


def render_md(model: ReportModel, charts: Charts | None = None) -> str:
    charts = charts or make_charts(model)
    return _env(False).get_template("report.md.jinja").render(**_context(model, charts))


def render_json(model: ReportModel) -> str:
    data = model.model_dump(mode="json")
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


@contextmanager
def _source_date_epoch(stamp: datetime) -> Iterator[None]:
    """Pin the timestamp fontTools writes into subset fonts (reproducible-builds.org)."""
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(int(stamp.timestamp()))
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old


def render_pdf(html: str, stamp: datetime) -> bytes:
    """HTML -> PDF with WeasyPrint. The PDF's dates come from the HTML's dcterms meta
    (the report's stamp); embedded font subsets carry the same stamp."""
    from weasyprint import HTML  # heavy import, only when a PDF is asked for

    with _source_date_epoch(stamp):
        pdf = HTML(string=html, base_url=str(TEMPLATES)).write_pdf()
    if pdf is None:
        raise ReportError("WeasyPrint produced no PDF")
    return bytes(pdf)


def proof_files(model: ReportModel) -> dict[str, str]:
    """``proofs/REF.json``: each proof as the ledger wrote it, for ``check-proof``."""
    out = {}
    for p in model.proofs:
        data = p.model_dump(mode="json")
        data.pop("ref")
        out[f"proofs/{p.ref}.json"] = json.dumps(data, indent=2, sort_keys=True) + "\n"
    return out


def write_report(model: ReportModel, out_dir: Path, formats: tuple[str, ...] = FORMATS
                 ) -> dict[str, Path]:
    """Write the report in ``formats`` to ``out_dir``; returns the path of each file."""
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise ReportError(f"unknown report format(s) {unknown}; choose from {', '.join(FORMATS)}")
    if out_dir.exists() and not out_dir.is_dir():
        raise ReportError(f"{out_dir} exists and is not a folder")
    charts = make_charts(model)
    files: dict[str, bytes] = {}
    html = render_html(model, charts) if ("html" in formats or "pdf" in formats) else ""
    if "html" in formats:
        files["report.html"] = html.encode("utf-8")
    if "pdf" in formats:
        files["report.pdf"] = render_pdf(html, model.generated_at)
    if "md" in formats:
        files["report.md"] = render_md(model, charts).encode("utf-8")
        svgs = {"charts/map.svg": charts.map, "charts/quantities.svg": charts.quantities,
                "charts/tracks.svg": charts.tracks}
        svgs.update({f"charts/cap-{n}.svg": s for n, (_c, s) in enumerate(charts.petroleum, 1)})
        files.update({k: v.encode("utf-8") for k, v in svgs.items() if v is not None})
    if "json" in formats:
        files["report.json"] = render_json(model).encode("utf-8")
    files.update({k: v.encode("utf-8") for k, v in proof_files(model).items()})
    written = {}
    for name, data in sorted(files.items()):
        path = out_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(path.suffix + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
        written[name] = path
    return written
