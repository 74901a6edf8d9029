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

from dataclasses import dataclass, replace

from journal.dashboard import charts
from journal.dashboard.chart_payload import Chart, joined_runs, with_gaps
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
        _ = chart.rows_html, chart.series_json, chart.empty_runs
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


def join(settled: Chart, live: Chart) -> Chart:
    """One chart of the whole range: the settled part's points, then the live part's. The
    breaks in its lines are named again over both; its table rows and the JSON of its
    series are both parts', one after the other."""
    if settled.key == "outcomes-by-activity":  # a total over the range: the live part's
        return live
    datasets = []
    for one, other in zip(settled.datasets, live.datasets, strict=True):
        assert one.label == other.label, (settled.key, one.label, other.label)
        datasets.append(
            replace(one, data=one.data + other.data, counts=_both(one.counts, other.counts))
        )
    chart = replace(live, labels=settled.labels + live.labels, datasets=datasets, gap_text="")
    # Chart's cached properties, put together from the parts' instead of written again.
    seam = len(settled.labels)
    chart.__dict__["empty_runs"] = joined_runs(settled.empty_runs, live.empty_runs, seam)
    if chart.gap_least:
        chart = with_gaps(chart, chart.gap_least)
    chart.__dict__["rows_html"] = settled.rows_html + live.rows_html
    chart.__dict__["series_json"] = [
        ", ".join(part for part in pair if part)  # as json.dumps separates items
        for pair in zip(settled.series_json, live.series_json, strict=True)
    ]
    return chart
