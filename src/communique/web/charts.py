"""Interactions over time as server-side SVG geometry: counts by type, and the score per month.

The functions here only compute numbers (rectangles, points, ticks); the template
`_chart.html` writes the SVG. Months with no events are kept as gaps so time reads true.
The score of a month is the mean cooperation–conflict score (`plover-scores.csv`) of its
occurred events, ENACT (domestic) left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from communique.web.assets import type_scores

# Cooperative types in blues and greens, conflictual in oranges and reds, ENACT in grey.
TYPE_COLOURS = {
    "CONSULT": "#1f5fa8", "AGREE": "#3c8dd8", "SUPPORT": "#7fb3e6", "REQUEST": "#8c6bb1",
    "COOPERATE": "#1b7a4a", "AID": "#4bb07a", "CONCEDE": "#9fd3a8", "RETREAT": "#c9e6c9",
    "ACCUSE": "#f0b35a", "REJECT": "#e8892b", "THREATEN": "#c9621a", "PROTEST": "#d2452f",
    "SANCTION": "#a8322a", "MOBILIZE": "#7d1f1f", "COERCE": "#5c1010", "ASSAULT": "#2b0606",
    "ENACT": "#8a8a8a",
}
WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 720, 200, 44, 28, 10


@dataclass(slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    type: str
    month: str
    count: int
    colour: str


@dataclass(slots=True)
class Tick:
    position: float
    label: str


@dataclass(slots=True)
class MonthRow:
    """One month of the accessible table beside the chart."""

    month: str
    counts: dict[str, int]
    total: int
    score: float | None


@dataclass(slots=True)
class Chart:
    bars: list[Bar] = field(default_factory=list)
    x_ticks: list[Tick] = field(default_factory=list)
    y_ticks: list[Tick] = field(default_factory=list)
    score_points: str = ""
    score_dots: list[tuple[float, float, str, float]] = field(default_factory=list)
    score_ticks: list[Tick] = field(default_factory=list)
    zero_y: float = 0.0
    legend: list[tuple[str, str]] = field(default_factory=list)
    rows: list[MonthRow] = field(default_factory=list)
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    top: int = TOP
    plot_bottom: int = HEIGHT - BOTTOM

    @property
    def empty(self) -> bool:
        return not self.rows


def _month_range(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    end = (int(last[:4]), int(last[5:7]))
    months = []
    while (year, month) <= end and len(months) < 600:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def monthly_chart(counts: list[tuple[str, str, int]], scored: list[tuple[str, str, int]]) -> Chart:
    """A chart from (month, type, count) of all events and (month, type, count) of occurred ones."""
    chart = Chart()
    valid = [(m, t, n) for m, t, n in counts if m and len(m) >= 7]
    if not valid:
        return chart
    months = _month_range(min(m for m, _, _ in valid), max(m for m, _, _ in valid))
    index = {m: i for i, m in enumerate(months)}
    per_month: dict[str, dict[str, int]] = {m: {} for m in months}
    for month, kind, n in valid:
        per_month[month[:7]][kind] = per_month[month[:7]].get(kind, 0) + n
    scores = type_scores()
    sums: dict[str, list[float]] = {}
    for month, kind, n in scored:
        score = scores.get(kind)
        if month and month[:7] in index and score and score.quad != "domestic":
            bucket = sums.setdefault(month[:7], [0.0, 0.0])
            bucket[0] += score.score * n
            bucket[1] += n
    plot_h = chart.plot_bottom - TOP
    plot_w = WIDTH - LEFT - 28
    step = plot_w / len(months)
    peak = max(sum(c.values()) for c in per_month.values()) or 1
    types_seen: set[str] = set()
    for month in months:
        x = LEFT + index[month] * step
        y = float(chart.plot_bottom)
        for kind in sorted(per_month[month], key=lambda k: list(TYPE_COLOURS).index(k)
                           if k in TYPE_COLOURS else 99):
            n = per_month[month][kind]
            h = n / peak * plot_h
            y -= h
            types_seen.add(kind)
            chart.bars.append(Bar(round(x + step * 0.1, 2), round(y, 2), round(max(step * 0.8, 0.8), 2),
                                  round(h, 2), kind, month, n, TYPE_COLOURS.get(kind, "#555")))
        mean = sums[month][0] / sums[month][1] if month in sums and sums[month][1] else None
        chart.rows.append(MonthRow(month, per_month[month], sum(per_month[month].values()),
                                   round(mean, 2) if mean is not None else None))
    label_every = max(1, len(months) // 8)
    chart.x_ticks = [Tick(round(LEFT + i * step + step / 2, 2), m) for i, m in enumerate(months)
                     if i % label_every == 0]
    chart.y_ticks = [Tick(round(chart.plot_bottom - v / peak * plot_h, 2), str(v))
                     for v in sorted({0, peak // 2, peak}) if v or peak == 0]
    # Score panel shares the x axis: -10 at the bottom, +10 at the top.
    def score_y(v: float) -> float:
        return round(TOP + (10 - v) / 20 * plot_h, 2)

    chart.zero_y = score_y(0)
    chart.score_ticks = [Tick(score_y(v), f"{v:+d}" if v else "0") for v in (10, 5, 0, -5, -10)]
    points = []
    for row in chart.rows:
        if row.score is not None:
            px = round(LEFT + index[row.month] * step + step / 2, 2)
            points.append(f"{px},{score_y(row.score)}")
            chart.score_dots.append((px, score_y(row.score), row.month, row.score))
    chart.score_points = " ".join(points)
    chart.legend = [(k, c) for k, c in TYPE_COLOURS.items() if k in types_seen]
    return chart
