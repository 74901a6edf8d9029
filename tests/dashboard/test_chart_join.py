"""journal.dashboard.chart_join: a range's charts joined from its settled part and its live
block are the charts of the whole range built in one piece, to the last cell. No database."""

import json
import random
from dataclasses import replace
from datetime import date, timedelta

import pytest
from django.utils.html import json_script

from journal.core import blocks
from journal.dashboard import chart_blocks, chart_join, charts
from journal.dashboard.chart_payload import Dataset, empty_runs, gaps, joined_runs
from journal.dashboard.chart_span import Span
from tests.dashboard.test_charts import NO_ITEMS

FIRST = date(2023, 2, 1)
LAST = date(2026, 11, 29)
ACTIVITIES = ["aerobic", "hiit", "resistance", "walking", "mixed", "mobility"]
INTENSITIES = ["light", "moderate", "vigorous"]
EFFECTS = ["dopamine", "endorphins", "serotonin", "bdnf"]


def history(seed: int, today: date):
    """Three years and ten months of sessions, check-ins and tags, with a ten-month break
    in the middle (lines must break across it), stress recorded only in the last month and
    one effect tagged only in the last block: the live block brings columns the settled
    blocks lack. Blocks up to today's, from the rows up to today."""
    rng = random.Random(seed)
    sessions, checkins, tags = [], [], []
    day = FIRST
    while day <= today:
        gap = date(2024, 6, 1) <= day <= date(2025, 4, 1)
        if not gap and rng.random() < 0.7:
            sessions.append(
                {
                    "date": day,
                    "activity": rng.choice(ACTIVITIES),
                    "intensity": rng.choice(INTENSITIES),
                    "feeling_before": rng.choice([None, -1, 0, 1]),
                    "feeling_after": rng.randint(-2, 4),
                    "minutes": rng.randint(10, 90),
                    "effort": rng.choice([None, *range(11)]),
                }
            )
        if not gap and rng.random() < 0.6:
            stress = rng.randint(1, 5) if day >= today - timedelta(days=30) else None
            checkins.append(
                {
                    "date": day,
                    "mood": rng.randint(1, 5),
                    "sleep_quality": rng.choice([None, *range(11)]),
                    **NO_ITEMS,
                    "stress": stress,
                }
            )
        if day.weekday() == 0 and not gap:
            effects = EFFECTS if day >= today - timedelta(days=20) else EFFECTS[:-1]
            for effect in rng.sample(effects, 2):
                tags.append(
                    {
                        "week": day,
                        "effect": effect,
                        "timescale": "acute",
                        "status": "",
                        "sessions": rng.randint(1, 6),
                    }
                )
            tags.append(
                {
                    "week": day,
                    "effect": "hpa_recalibration",
                    "timescale": "chronic",
                    "status": rng.choice(["sustained", "building"]),
                    "sessions": 1,
                }
            )
        day += timedelta(days=1)
    built = [
        chart_blocks.build_block(index, sessions=sessions, checkins=checkins, tags=tags)
        for index in range(blocks.block_of(FIRST), blocks.block_of(today) + 1)
    ]
    return [week for week, _ in built], {day["start"]: day for _, day in built}


def shown(chart):
    # Its payload (a dict) last: for a joined chart it joins the points, which the rest
    # must not need.
    pieces = "".join(chart.payload_parts()), "".join(chart.table_parts())
    seen = chart.payload_script, chart.table_html, chart.gap_text, chart.is_empty
    assert "datasets" not in chart.__dict__ or not isinstance(chart, chart_join.Joined)
    assert pieces == seen[:2]  # the pieces a page puts in join into the chart's own
    return chart.payload, *seen


def joined(start, today, weekly, daily, names):
    """As journal.dashboard.chart_cache joins them: the settled blocks before today's, built
    with their own columns widened by the live block's, and the live block."""
    live = blocks.block_of(today)
    by_week = charts.is_weekly(start, today)
    last = blocks.block_end(live - 1)
    settled_weekly = [w for w in weekly if w["start"] < blocks.block_start(live).isoformat()]
    settled_span = Span(start, last, settled_weekly, daily)
    live_span = Span(blocks.block_start(live), today, weekly[-1:], {} if by_week else daily)
    own = chart_join.settle(settled_span, by_week, names)
    widened = charts.both_columns(own.shown, charts.shown_columns(live_span, by_week))
    settled = (
        own if widened == own.shown else chart_join.settle(settled_span, by_week, names, widened)
    )
    return chart_join.finish(settled, live_span, by_week, names)


@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize("offset", [0, 1, 45, 90])  # days into the live block
def test_joined_charts_are_the_whole_ranges_charts(seed, offset):
    names = {"dopamine": "Dopamine", "serotonin": "Serotonin"}
    today = blocks.block_start(blocks.block_of(LAST)) + timedelta(days=offset)
    weekly, daily = history(seed, today)
    for range_key in ["4w", "3m", "1y", "all"]:
        start = charts.range_start(range_key, today) or charts.first_date(
            charts.active_weeks(weekly), today
        )
        if blocks.block_of(start) == blocks.block_of(today):
            continue  # one part: nothing to join
        whole = charts.build(
            start=start,
            today=today,
            weekly=[
                w
                for w in weekly
                if w["start"] >= blocks.block_start(blocks.block_of(start)).isoformat()
            ],
            daily=daily,
            effect_names=names,
        )
        parts = joined(start, today, weekly, daily, names)
        assert [c.key for c in parts] == [c.key for c in whole]
        for one, other in zip(parts, whole, strict=True):
            assert shown(one) == shown(other), (range_key, one.key)


def test_a_break_across_the_join_is_named_once():
    today = blocks.block_start(blocks.block_of(LAST)) + timedelta(days=20)
    weekly, daily = history(3, today)
    start = charts.first_date(charts.active_weeks(weekly), today)
    mood = {c.key: c for c in joined(start, today, weekly, daily, {})}["mood-stress"]
    assert mood.gap_text.count("2024") == 1  # the ten-month break, named once
    assert "Jun 2024" in mood.gap_text


def test_the_payload_script_is_what_json_script_writes():
    today = blocks.block_start(blocks.block_of(LAST)) + timedelta(days=20)
    weekly, daily = history(4, today)
    start = today - timedelta(days=90)
    names = {"dopamine": "Dopamine & <friends>", "serotonin": "Serotonin > 'x'"}
    built = charts.build(start=start, today=today, weekly=weekly, daily=daily, effect_names=names)
    effects = {c.key: c for c in built}["effects-timeline"]
    assert "\\u0026" in effects.payload_script  # the names' characters were escaped
    for chart in built:
        assert chart.payload_json == json.dumps(chart.payload)
        assert chart.payload_script == json_script(chart.payload, chart.dom_id)


@pytest.mark.parametrize("seed", range(40))
def test_the_empty_runs_of_two_parts_are_those_of_the_whole(seed):
    # Lines empty in runs of every length, the parts cut anywhere: inside a run, at its
    # edge, before the first point or after the last.
    rng = random.Random(seed)
    size = rng.randint(1, 60)
    labels = [f"p{i}" for i in range(size)]
    lines = [
        Dataset(label=f"line {n}", kind="line", data=[None] * size)
        for n in range(rng.randint(1, 3))
    ]
    for line in lines:
        for i in range(size):
            line.data[i] = None if rng.random() < 0.6 else rng.random()
    bars = Dataset(label="bars", data=[rng.random() for _ in range(size)])  # never read
    whole = empty_runs(labels, [*lines, bars])
    seam = rng.randint(0, size)
    one = empty_runs(labels[:seam], [replace(ds, data=ds.data[:seam]) for ds in lines])
    other = empty_runs(labels[seam:], [replace(ds, data=ds.data[seam:]) for ds in lines])
    assert joined_runs(one, other, seam) == whole
    least = rng.randint(1, 4)
    assert gaps(labels, whole, least) == [
        (labels[a], labels[b - 1]) for a, b in whole if b - a >= least and b - a < size
    ]
