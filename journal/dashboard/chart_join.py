"""A range's charts joined from two parts. Pure: no queries.

A write of today changes the figures of the block today is in (the live block) and of no
block before it. So a range that reaches further back is built in two parts: the settled
blocks before the live one, whose charts (their rows already written as HTML) are cached
until a write reaches one of them, and the live block, built at each view after a write.
Both parts are built with the whole range's columns (charts.shown_columns) and `by_week`,
so joining them point after point gives the charts of the whole range, and the next-day
chart, a total over the range, comes whole from the live part (built with both parts'
totals). journal.dashboard.chart_cache decides where the parts meet.
"""

from dataclasses import dataclass, fields, replace
from functools import cached_property

from journal.dashboard import charts
from journal.dashboard.chart_payload import (
    SERIES_MARKER,
    TABLE_TAIL,
    Chart,
    joined_runs,
    script_escaped,
    with_gaps,
)
from journal.dashboard.chart_span import Span, add_outcomes


@dataclass
class Settled:
    """The charts of the settled part of a range (their rows and series' JSON written), its
    next-day totals (Span.outcomes) and the columns they were built with."""

    charts: list[Chart]
    outcomes: dict
    shown: dict


def settle(span: Span, by_week: bool, names: dict, shown: dict | None = None) -> Settled:
    """The settled part of a range, built with its own columns or with `shown`."""
    shown = shown or charts.shown_columns(span, by_week)
    built = charts.build_span(span, by_week, names, shown)
    for chart in built:  # what join() reads of them, written now so the cached copy has it
        _ = chart.rows_html, chart.series_script, chart.empty_runs, chart.skeleton_json
    return Settled(built, span.outcomes(), shown)


def finish(settled: Settled, live: Span, by_week: bool, names: dict) -> list[Chart]:
    """The whole range's charts: the live part built with the settled part's columns
    (which must hold the live part's: charts.both_columns) and both parts' next-day totals,
    joined to the settled charts."""
    totals = add_outcomes(add_outcomes({}, settled.outcomes), live.outcomes())
    built = charts.build_span(live, by_week, names, settled.shown, totals)
    return [join(one, other) for one, other in zip(settled.charts, built, strict=True)]


def _both(one: list | None, other: list | None) -> list | None:
    return None if one is None else one + other


def _series(one: str, other: str) -> list[str]:
    """One series of two parts (their JSON items, no brackets), as json.dumps separates
    the items of the whole."""
    return [one, ", ", other] if one and other else [one or other]


class Joined(Chart):
    """One chart of the whole range (join): the settled part's points, then the live
    part's. What a page shows of it is put together from the parts' own: the JSON of its
    series and its table's rows, both parts' one after the other, its payload around them
    (the live part's skeleton: both parts have the same series), whether it is empty, and
    the breaks in its lines, named again over both. Its points, a list per series, are
    joined only when something asks for them: copying ten years of them at every view
    after a write cost more than the rest of the join."""

    def __init__(self, settled: Chart, live: Chart):
        ones, others = settled.datasets, live.datasets
        assert [(d.label, d.counts is None) for d in ones] == [
            (d.label, d.counts is None) for d in others
        ], settled.key
        kept = {f.name: getattr(live, f.name) for f in fields(Chart)}
        del kept["labels"], kept["datasets"]
        self.__dict__.update(kept, gap_text="")
        self.parts = (settled, live)
        # Chart's cached properties, put together from the parts' instead of written again.
        seam = len(settled.labels)
        self.__dict__["empty_runs"] = joined_runs(settled.empty_runs, live.empty_runs, seam)
        self.__dict__["skeleton_json"] = live.skeleton_json

    def payload_parts(self) -> list[str]:
        """payload_script in pieces: the live part's skeleton, escaped, around both parts'
        escaped series (series_script), none of them copied into one string."""
        skeleton = script_escaped(self.skeleton_json)  # a marker holds none of & < >
        pieces, at = [self.script_head], 0
        for marker in SERIES_MARKER.finditer(skeleton):
            one, other = (part.series_script[int(marker[1])] for part in self.parts)
            pieces += [skeleton[at : marker.start()], "[", *_series(one, other), "]"]
            at = marker.end()
        return [*pieces, skeleton[at:], "</script>"]

    def table_parts(self) -> list[str]:
        settled, live = self.parts
        return [self.table_head, settled.rows_html, live.rows_html, TABLE_TAIL]

    @cached_property
    def rows_html(self) -> str:
        settled, live = self.parts
        return settled.rows_html + live.rows_html

    @cached_property
    def series_json(self) -> list[str]:
        pairs = zip(*(part.series_json for part in self.parts), strict=True)
        return ["".join(_series(one, other)) for one, other in pairs]

    @cached_property
    def labels(self) -> list[str]:
        settled, live = self.parts
        return settled.labels + live.labels

    @cached_property
    def datasets(self) -> list:
        settled, live = self.parts
        return [
            replace(one, data=one.data + other.data, counts=_both(one.counts, other.counts))
            for one, other in zip(settled.datasets, live.datasets, strict=True)
        ]

    @cached_property
    def is_empty(self) -> bool:
        return all(part.is_empty for part in self.parts)

    @property
    def columns(self) -> list[str]:
        return self.parts[1].columns


def join(settled: Chart, live: Chart) -> Chart:
    """One chart of the whole range from its two parts (Joined), its breaks named."""
    if settled.key == "outcomes-by-activity":  # a total over the range: the live part's
        return live
    chart = Joined(settled, live)
    return with_gaps(chart, chart.gap_least) if chart.gap_least else chart
