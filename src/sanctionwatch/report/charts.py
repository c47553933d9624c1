"""Charts of a report: quantities over time, refined petroleum against its cap."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

from matplotlib.dates import DateFormatter
from matplotlib.ticker import FuncFormatter

from sanctionwatch.report.model import CapView, FindingView
from sanctionwatch.report.svg import new_figure, style, to_svg

MAX_UNITS = 3


def _thousands(value: float, _pos: object) -> str:
    return f"{value:,.0f}"


def _mid(f: FindingView) -> date | None:
    if f.period_start is None or f.period_end is None:
        return None
    return f.period_start + (f.period_end - f.period_start) / 2


def quantities_chart(findings: list[FindingView]) -> str | None:
    """Per unit: each finding's range (low-high) at the middle of its period."""
    series: dict[str, list[tuple[date, Decimal, Decimal, str]]] = defaultdict(list)
    for f in findings:
        mid = _mid(f)
        if mid is None:
            continue
        for q in f.quantities:
            series[q.unit].append((mid, q.low, q.high, f.id))
    units = sorted(series, key=lambda u: (-len(series[u]), u))[:MAX_UNITS]
    if not units:
        return None
    with style():
        fig = new_figure(6.5, 1.9 * len(units))
        axes = fig.subplots(len(units), 1, squeeze=False)
        for ax, unit in zip(axes[:, 0], units, strict=True):
            pts = sorted(series[unit])
            xs = [p[0] for p in pts]
            lows = [float(p[1]) for p in pts]
            highs = [float(p[2]) for p in pts]
            ax.vlines(xs, lows, highs, color="#1f4e79", linewidth=3)
            ax.scatter(xs, lows, color="#1f4e79", s=10, zorder=3)
            ax.scatter(xs, highs, color="#1f4e79", s=10, zorder=3)
            ax.set_ylabel(unit)
            ax.set_ylim(bottom=0)
            ax.xaxis.set_major_formatter(DateFormatter("%Y-%m"))
            ax.yaxis.set_major_formatter(FuncFormatter(_thousands))
            ax.set_xlim(min(xs) - timedelta(days=45), max(xs) + timedelta(days=45))
            ax.grid(axis="y", color="#dddddd", linewidth=0.5)
        axes[0, 0].set_title("Quantities reported per finding (range across independent sources)",
                             loc="left")
        fig.autofmt_xdate()
    return to_svg(fig)


def petroleum_chart(findings: list[FindingView], cap: CapView) -> str | None:
    """Cumulative refined petroleum delivered in the cap's year (low and high) vs the cap."""
    months_low = [Decimal(0)] * 12
    months_high = [Decimal(0)] * 12
    seen = False
    for f in findings:
        mid = _mid(f)
        if f.theme != "Petroleum and caps" or mid is None or mid.year != cap.year:
            continue
        for q in f.quantities:
            if q.unit == cap.unit:
                months_low[mid.month - 1] += q.low
                months_high[mid.month - 1] += q.high
                seen = True
    if not seen and cap.notified is None:
        return None
    cum_low, cum_high, lo, hi = [], [], Decimal(0), Decimal(0)
    for m in range(12):
        lo, hi = lo + months_low[m], hi + months_high[m]
        cum_low.append(float(lo))
        cum_high.append(float(hi))
    xs = list(range(1, 13))
    with style():
        fig = new_figure(6.5, 2.6)
        ax = fig.subplots()
        ax.fill_between(xs, cum_low, cum_high, step="post", color="#f4a261", alpha=0.45,
                        label="assessed (cumulative, low-high)")
        ax.step(xs, cum_high, where="post", color="#e76f51", linewidth=1)
        ax.axhline(float(cap.limit), color="#9b2226", linestyle="--", linewidth=1.2,
                   label=f"cap: {cap.limit:,} {cap.unit}")
        if cap.notified is not None:
            ax.axhline(float(cap.notified), color="#2a9d8f", linewidth=1.2,
                       label=f"notified to the Committee: {cap.notified:,}")
        ax.set_xticks(xs, ["J", "F", "M", "A", "M", "J", "J", "A", "S", "O", "N", "D"])
        ax.set_xlim(1, 12)
        ax.set_ylim(0, max(float(cap.limit), max(cum_high)) * 1.15)
        ax.set_ylabel(cap.unit)
        ax.set_title(f"{cap.label}, {cap.year}: assessed deliveries against the cap",
                     loc="left")
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=3, frameon=False,
                  fontsize=7)
        ax.yaxis.set_major_formatter(FuncFormatter(_thousands))
        ax.grid(axis="y", color="#dddddd", linewidth=0.5)
    return to_svg(fig)
