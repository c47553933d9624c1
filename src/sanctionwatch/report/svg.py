"""Deterministic SVG from matplotlib figures (no pyplot, no global state)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import matplotlib
from matplotlib.figure import Figure

RC: dict[str, Any] = {
    "svg.hashsalt": "sanctionwatch-report",  # fixed ids for clip paths and glyphs
    "svg.fonttype": "none",  # keep text as text: smaller files, the viewer's font
    "font.family": "DejaVu Sans",
    "font.size": 8,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


@contextmanager
def style() -> Iterator[None]:
    with matplotlib.rc_context(RC):  # type: ignore[arg-type]
        yield


def to_svg(fig: Figure) -> str:
    """The SVG text of ``fig``, without date metadata (byte-identical on re-render)."""
    buf = io.StringIO()
    with style():
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": "sanctionwatch"},
                    bbox_inches="tight")
    return buf.getvalue()


def new_figure(width: float, height: float) -> Figure:
    with style():
        return Figure(figsize=(width, height), dpi=100)
