"""A chart as the dashboard shows it: the payload static/js/charts.js draws, and the same
numbers as an HTML table for the text alternative. Both are computed once per chart, so a
cached chart carries them ready to show.
"""

import json
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from html import escape

from journal.dashboard.stats import MIN_FOR_MEAN

# A series' marker as json.dumps writes it (Chart.payload_json).
SERIES_MARKER = re.compile(r'"\\u0000(\d+)"')


@dataclass
class Dataset:
    label: str
    data: list
    kind: str = ""  # "" = the chart's kind; or "line" / "bar" to mix
    axis: str = "y"
    color: str = ""  # a key charts.js maps to a colour (intensity, activity, series)
    stack: str = ""
    dashed: bool = False
    # For means: how many days or sessions each rests on (fewer than MIN_FOR_MEAN: "too few").
    counts: list | None = None
    # For ratings drawn as a percent of their scale: the ratings themselves, and the scale.
    raw: list | None = None
    scale: list | None = None

    def cell(self, i: int) -> str:
        """The table's cell for point i: the value, the rating behind a percent, or why a
        mean is missing or too thin to trust."""
        value = self.data[i]
        n = self.counts[i] if self.counts else None
        if value is None:
            return f"too few (n={n})" if n else "–"
        if self.raw is not None:
            value = f"{self.raw[i]} of {self.scale[1]} ({value}%)"
        if n is not None and n < MIN_FOR_MEAN:
            return f"{value} (n={n}, too few)"
        return str(value)

    def cells(self) -> list[str]:
        """Every point's cell (plain numbers and our own words: nothing to escape)."""
        if self.counts is None and self.raw is None:
            return ["–" if v is None else str(v) for v in self.data]
        return [self.cell(i) for i in range(len(self.data))]


@dataclass
class Chart:
    key: str
    title: str
    caption: str
    kind: str
    labels: list[str]
    datasets: list[Dataset]
    axes: dict = field(default_factory=dict)
    guideline: float | None = None
    empty: str = ""
    gap_text: str = ""  # where the lines break for lack of data, for the text alternative
    gap_least: int = 0  # the shortest run of empty points named in gap_text (0: not named)
    # A settled part's chart: (its part's KEPT name, its index), set by chart_cache.settled_charts.
    kept_as = None

    @property
    def dom_id(self) -> str:
        return f"chart-data-{self.key}"

    @property
    def is_empty(self) -> bool:
        return not any(value is not None for ds in self.datasets for value in ds.data)

    @cached_property
    def payload(self) -> dict:
        return self._payload(self.series())

    def _payload(self, series: list) -> dict:
        """The payload, with `series` in place of series()' lists."""
        lists = iter(series)
        labels, datasets = next(lists), []
        for ds in self.datasets:
            shown = {k: v for k, v in ds.__dict__.items() if v is not None}
            shown["data"] = next(lists)
            if ds.counts is not None:
                shown["counts"] = next(lists)
            datasets.append(shown)
        return {
            "key": self.key,
            "kind": self.kind,
            "labels": labels,
            "datasets": datasets,
            "axes": self.axes,
            "guideline": self.guideline,
        }

    def series(self) -> list[list]:
        """The payload's lists that have a point each: the labels, each dataset's data and
        counts."""
        found = [self.labels]
        for ds in self.datasets:
            found.append(ds.data)
            if ds.counts is not None:
                found.append(ds.counts)
        return found

    @cached_property
    def empty_runs(self) -> list[tuple[int, int]]:
        """Where no line has a value (empty_runs): a joined chart's are its parts' (joined_runs)."""
        return empty_runs(self.labels, self.datasets)

    @cached_property
    def series_json(self) -> list[str]:
        """Each of series() as JSON without its brackets: a joined chart's are its parts',
        one after the other (journal.dashboard.chart_join)."""
        return [json.dumps(values)[1:-1] for values in self.series()]

    @cached_property
    def skeleton_json(self) -> str:
        """json.dumps(payload) with a marker in place of each series (payload_json). A NUL
        never reaches the payload from a form (Django refuses it), so no label can pass for
        a marker."""
        return json.dumps(self._payload([f"\x00{i}" for i in range(len(self.series_json))]))

    @cached_property
    def payload_json(self) -> str:
        """json.dumps(payload), to the byte, written from series_json: the skeleton's
        markers replaced by the series."""
        return SERIES_MARKER.sub(lambda m: f"[{self.series_json[int(m[1])]}]", self.skeleton_json)

    @property
    def columns(self) -> list[str]:
        return [self.axes.get("x", "Date"), *(ds.label for ds in self.datasets)]

    @cached_property
    def payload_script(self) -> str:
        """The payload as Django's json_script filter writes it, to the byte, for
        static/js/charts.js (script_escaped)."""
        return f"{self.script_head}{script_escaped(self.payload_json)}</script>"

    @property
    def script_head(self) -> str:
        return f'<script id="{self.dom_id}" type="application/json">'

    @cached_property
    def series_script(self) -> list[str]:
        """series_json escaped as payload_script escapes it: a character at a time, so a
        joined chart's series can be escaped apart (journal.dashboard.chart_join)."""
        return [script_escaped(series) for series in self.series_json]

    def payload_parts(self) -> list[str]:
        """payload_script in pieces that join into it (a joined chart keeps its parts' apart)."""
        return [self.payload_script]

    def table_parts(self) -> list[str]:
        """table_html in pieces that join into it (a joined chart keeps its parts' rows apart)."""
        return [self.table_html]

    def table(self) -> tuple[list[str], list[list]]:
        """The same numbers as the chart, row by row, for the text alternative."""
        cells = zip(*(ds.cells() for ds in self.datasets), strict=True)
        return self.columns, [[label, *row] for label, row in zip(self.labels, cells, strict=True)]

    @cached_property
    def rows_html(self) -> str:
        """The table's rows as escaped HTML. Built here rather than in a template loop: a
        year of data is thousands of cells, which the template engine renders slowly. A row
        shows one point alone, so a joined chart's rows are its parts' rows, one after the
        other (journal.dashboard.chart_join). In ASCII, its dashes as character references:
        a single "–" would make Python hold ten years of rows at two bytes a character and
        transcode them for the response."""
        _, rows = self.table()
        html = "".join(
            f'<tr><th scope="row">{escape(row[0])}</th><td>{"</td><td>".join(row[1:])}</td></tr>'
            for row in rows
        )
        return html.encode("ascii", "xmlcharrefreplace").decode("ascii")

    @property
    def table_head(self) -> str:
        head = "".join(f'<th scope="col">{escape(c)}</th>' for c in self.columns)
        return (
            f'<table><caption class="visually-hidden">{escape(self.title)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>"
        )

    @cached_property
    def table_html(self) -> str:
        return f"{self.table_head}{self.rows_html}{TABLE_TAIL}"


TABLE_TAIL = "</tbody></table>"


def script_escaped(text: str) -> str:
    """JSON text escaped as Django's json_script filter escapes it, to the byte. json_script
    uses str.translate, which on a long payload holding one of the three characters takes a
    slow path (1.5 ms for ten years of the effects chart); three replaces take 0.05 ms."""
    for char, code in (("&", "\\u0026"), ("<", "\\u003C"), (">", "\\u003E")):
        text = text.replace(char, code)
    return text


def _spoken(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def empty_runs(labels: list[str], datasets: list[Dataset]) -> list[tuple[int, int]]:
    """The runs of points where no line has a value, as (first, past the last) indexes."""
    lines = [ds.data for ds in datasets if ds.kind == "line"]
    if not lines:
        return []
    found, start = [], None
    for i in range(len(labels)):
        if all(data[i] is None for data in lines):
            start = i if start is None else start
        elif start is not None:
            found.append((start, i))
            start = None
    if start is not None:
        found.append((start, len(labels)))
    return found


def joined_runs(one: list[tuple[int, int]], other: list[tuple[int, int]], seam: int) -> list:
    """The empty runs of two parts' points, one after the other, the second's starting at
    index `seam`: a run that ends the first part and one that starts the second are one."""
    other = [(a + seam, b + seam) for a, b in other]
    if one and other and one[-1][1] == seam and other[0][0] == seam:
        return [*one[:-1], (one[-1][0], other[0][1]), *other[1:]]
    return one + other


def gaps(labels: list[str], runs: list[tuple[int, int]], least: int) -> list[tuple[str, str]]:
    """Runs (empty_runs) of at least `least` points, not all of them: the lines break there."""
    return [(labels[a], labels[b - 1]) for a, b in runs if least <= b - a < len(labels)]


def with_gaps(chart: Chart, least: int) -> Chart:
    """The chart with the breaks in its lines named, for the text alternative; a chart
    joined from two parts (journal.dashboard.chart_join) names them again by `gap_least`."""
    chart.gap_least = least
    found = [
        (date.fromisoformat(a), date.fromisoformat(b))
        for a, b in gaps(chart.labels, chart.empty_runs, least)
    ]
    if found:
        longest = sorted(sorted(found, key=lambda g: g[1] - g[0], reverse=True)[:3])
        named = [f"{_spoken(a)} to {_spoken(b)}" for a, b in longest]
        more = f"; and {len(found) - 3} shorter breaks" if len(found) > 3 else ""
        chart.gap_text = (
            "The lines break where too little was logged to draw them: "
            + "; ".join(named)
            + more
            + "."
        )
    return chart
