"""A chart as the dashboard shows it: the payload static/js/charts.js draws, and the same
numbers as an HTML table for the text alternative. Both are computed once per chart, so a
cached chart carries them ready to show.
"""

from dataclasses import dataclass, field
from functools import cached_property
from html import escape

from journal.dashboard.stats import MIN_FOR_MEAN


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

    @property
    def dom_id(self) -> str:
        return f"chart-data-{self.key}"

    @property
    def is_empty(self) -> bool:
        return not any(value is not None for ds in self.datasets for value in ds.data)

    def ready(self) -> "Chart":
        """The chart with its payload and table computed now, so a cached copy carries them."""
        _ = self.payload, self.table_html
        return self

    @cached_property
    def payload(self) -> dict:
        return {
            "key": self.key,
            "kind": self.kind,
            "labels": self.labels,
            "datasets": [
                {k: v for k, v in ds.__dict__.items() if v is not None} for ds in self.datasets
            ],
            "axes": self.axes,
            "guideline": self.guideline,
        }

    def table(self) -> tuple[list[str], list[list]]:
        """The same numbers as the chart, row by row, for the text alternative."""
        columns = [self.axes.get("x", "Date"), *(ds.label for ds in self.datasets)]
        cells = zip(*(ds.cells() for ds in self.datasets), strict=True)
        return columns, [[label, *row] for label, row in zip(self.labels, cells, strict=True)]

    @cached_property
    def table_html(self) -> str:
        """The table as escaped HTML. Built here rather than in a template loop: a
        year of data is thousands of cells, which the template engine renders slowly."""
        columns, rows = self.table()
        head = "".join(f'<th scope="col">{escape(c)}</th>' for c in columns)
        body = "".join(
            f'<tr><th scope="row">{escape(row[0])}</th><td>{"</td><td>".join(row[1:])}</td></tr>'
            for row in rows
        )
        return (
            f'<table><caption class="visually-hidden">{escape(self.title)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        )
