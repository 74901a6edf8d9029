"""A chart as the dashboard shows it: the payload static/js/charts.js draws, and the same
numbers as an HTML table for the text alternative. Both are computed once per chart, so a
cached chart carries them ready to show.
"""

from dataclasses import dataclass, field
from functools import cached_property
from html import escape


@dataclass
class Dataset:
    label: str
    data: list
    kind: str = ""  # "" = the chart's kind; or "line" / "bar" to mix
    axis: str = "y"
    color: str = ""  # a key charts.js maps to a colour (intensity, activity, series)
    stack: str = ""
    dashed: bool = False


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
            "datasets": [ds.__dict__ for ds in self.datasets],
            "axes": self.axes,
            "guideline": self.guideline,
        }

    def table(self) -> tuple[list[str], list[list]]:
        """The same numbers as the chart, row by row, for the text alternative."""
        columns = [self.axes.get("x", "Date"), *(ds.label for ds in self.datasets)]
        rows = [
            [label, *("–" if ds.data[i] is None else ds.data[i] for ds in self.datasets)]
            for i, label in enumerate(self.labels)
        ]
        return columns, rows

    @cached_property
    def table_html(self) -> str:
        """The table as escaped HTML. Built here rather than in a template loop: a
        year of data is thousands of cells, which the template engine renders slowly."""
        columns, rows = self.table()
        head = "".join(f'<th scope="col">{escape(c)}</th>' for c in columns)
        body = "".join(
            f'<tr><th scope="row">{escape(str(row[0]))}</th>'
            + "".join(f"<td>{escape(str(cell))}</td>" for cell in row[1:])
            + "</tr>"
            for row in rows
        )
        return (
            f'<table><caption class="visually-hidden">{escape(self.title)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        )
