"""Issue 23: on a journal with a 20-month gap across more than three calendar years, the
charts draw no line across the gap, their date axes carry years, and on a 360 px phone
every category of the next-day chart keeps a label that does not overlap its neighbour."""

from datetime import timedelta

import pytest

from journal.core.services import profile_for, save_imported
from journal.models import CheckIn, Session
from tests.browser.test_dashboard import wait_for_all_charts
from tests.browser.test_logging import log_in

CHART = "Chart.getChart(document.querySelector('#chart-{key} canvas'))"
ACTIVITIES = ["aerobic", "hiit", "resistance", "walking", "mixed", "mobility"]


@pytest.fixture
def gap_journal(alice):
    """Ten months of sessions and check-ins, twenty months of nothing, fourteen months."""
    today = profile_for(alice).today()
    resumed = today - timedelta(days=420)
    stopped = resumed - timedelta(days=610)
    began = stopped - timedelta(days=300)
    days = [began + timedelta(days=i) for i in range((stopped - began).days + 1)]
    days += [resumed + timedelta(days=i) for i in range((today - resumed).days + 1)]
    sessions = [
        Session(
            owner=alice,
            date=day,
            activity=ACTIVITIES[i // 2 % len(ACTIVITIES)],
            minutes=30 + i % 40,
            effort=3 + i % 6,
            feeling_before=i % 3 - 1,
            feeling_after=i % 4,
        )
        for i, day in enumerate(days)
        if i % 2 == 0
    ]
    checkins = [
        CheckIn(owner=alice, date=day, mood=1 + i % 5, sleep_quality=i % 11, stress=1 + i % 3)
        for i, day in enumerate(days)
    ]
    save_imported(profile_for(alice), sessions, checkins)
    return stopped, resumed


def open_all_range(page, alice):
    log_in(page, alice)
    page.goto("/?range=all#charts")
    wait_for_all_charts(page)


# For each line dataset: the segments Chart.js drew (first and last point's label), read
# from the chart instance itself.
SEGMENTS = """chart => chart.data.datasets.flatMap((d, i) => {
  const meta = chart.getDatasetMeta(i);
  if (meta.type !== "line" || meta.hidden) return [];
  return meta.dataset.segments.map(s => ({
    label: d.label, spanGaps: d.spanGaps,
    from: chart.data.labels[s.start], to: chart.data.labels[s.end % d.data.length],
  }));
})"""


def test_no_line_crosses_the_gap_and_the_text_says_where_it_is(page, alice, gap_journal):
    stopped, resumed = gap_journal
    open_all_range(page, alice)
    for key in ("mood-stress", "training-load", "effects-timeline"):
        chart = CHART.format(key=key)
        segments = page.evaluate(f"() => ({SEGMENTS})({chart})")
        assert segments, key
        assert {s["spanGaps"] for s in segments} == {False}
        # A week-start label on either side: every segment ends before the gap's fifth
        # week (the 28-day mean may run four weeks into it) or starts after it.
        inside = (stopped + timedelta(days=35)).isoformat()
        across = [s for s in segments if s["from"] < inside and s["to"] >= resumed.isoformat()]
        assert across == [], (key, across)
    caption = page.locator("#chart-mood-stress figcaption").inner_text()
    assert "The lines break where too little was logged" in caption
    assert str(stopped.year) in caption
    assert str(resumed.year) in caption


def test_date_axes_carry_the_year_across_years(page, alice, gap_journal):
    open_all_range(page, alice)
    for key in ("mood-stress", "weekly-minutes", "training-load", "effects-timeline"):
        ticks = page.evaluate(f"() => {CHART.format(key=key)}.scales.x.ticks.map(t => t.label)")
        assert len(ticks) >= 2, key
        assert all(
            any(part.isdigit() and len(part) == 4 for part in str(t).split()) for t in ticks
        ), (key, ticks)


# Each tick's label against its neighbour's, in the chart's own font: unrotated labels must
# fit their spacing; turned ones must be further apart (across the slant) than they are tall.
OVERLAP = """chart => {
  const x = chart.scales.x, font = x.options.ticks.font;
  const ctx = chart.ctx;
  ctx.save();
  ctx.font = font.size + "px " + font.family;
  const width = l => ctx.measureText(l).width;
  const widths = x.ticks.map(t => Math.max(...[].concat(t.label).map(width)));
  ctx.restore();
  const lines = Math.max(...x.ticks.map(t => [].concat(t.label).length));
  const spacing = x.getPixelForTick(1) - x.getPixelForTick(0);
  const angle = x.labelRotation * Math.PI / 180;
  return {
    labels: x.ticks.map(t => [].concat(t.label).join(" ")), categories: chart.data.labels.length,
    rotation: x.labelRotation, fits: angle === 0 ? Math.max(...widths) <= spacing
      : spacing * Math.sin(angle) >= lines * font.size * 1.0,
  };
}"""


def test_every_category_of_the_next_day_chart_is_labelled_on_a_phone(page, alice, gap_journal):
    open_all_range(page, alice)
    assert page.viewport_size["width"] == 360
    chart = CHART.format(key="outcomes-by-activity")
    found = page.evaluate(f"() => ({OVERLAP})({chart})")
    assert found["categories"] == 7  # six activities and rest days
    assert len(found["labels"]) == found["categories"], found
    assert all(label.strip() for label in found["labels"]), found
    assert found["fits"], found
    # One scale: no second y-axis over the same plot.
    scales = page.evaluate(f"() => Object.keys({chart}.scales)")
    assert sorted(scales) == ["x", "y"]
    assert page.evaluate(f"() => {chart}.scales.y.max") == 100


def test_second_scales_are_panels_of_their_own(page, alice, gap_journal):
    open_all_range(page, alice)
    for key in ("training-load", "effects-timeline"):
        box = page.evaluate(
            f"() => ['y', 'y2'].map(id => [{CHART.format(key=key)}.scales[id].top, "
            f"{CHART.format(key=key)}.scales[id].bottom])"
        )
        (top1, bottom1), (top2, bottom2) = box
        assert bottom1 <= top2 or bottom2 <= top1, (key, box)
