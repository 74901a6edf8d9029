"""journal.dashboard's chart_blocks and charts build chart payloads from plain rows. No
database."""

from datetime import date, timedelta

from journal.core import blocks
from journal.dashboard import chart_blocks, charts, stats

TODAY = date(2026, 11, 25)  # a Wednesday
NO_ITEMS = dict.fromkeys(["anxiety", "energy", "motivation", "focus", "stress"])


def checkin(day, mood, sleep=None, **items):
    return {"date": day, "mood": mood, "sleep_quality": sleep, **NO_ITEMS, **items}


def session(day, activity="hiit", intensity="vigorous", before=0, after=2, minutes=30, effort=None):
    return {
        "date": day,
        "activity": activity,
        "intensity": intensity,
        "feeling_before": before,
        "feeling_after": after,
        "minutes": minutes,
        "effort": effort,
    }


def build(start, today=TODAY, *, sessions=(), checkins=(), tags=()):
    """The six charts of start..today, from blocks built over every row given."""
    first = min([start or today, *(r["date"] for r in [*sessions, *checkins])])
    weekly, daily = [], {}
    for index in range(blocks.block_of(first), blocks.block_of(today) + 1):
        week, day = chart_blocks.build_block(
            index,
            sessions=list(sessions),
            checkins=list(checkins),
            tags=list(tags),
        )
        weekly.append(week)
        daily[day["start"]] = day
    start = start or charts.first_date(charts.active_weeks(weekly), today)
    built = charts.build(start=start, today=today, weekly=weekly, daily=daily, effect_names={})
    return {chart.key: chart for chart in built}


def data(chart):
    return {ds.label: ds.data for ds in chart.datasets}


def test_range_start_counts_back_from_today_and_all_has_none():
    assert charts.range_start("4w", TODAY) == TODAY - timedelta(days=27)
    assert charts.range_start("all", TODAY) is None


def test_the_all_range_starts_at_the_first_regular_week_in_the_data():
    rows = [checkin(date(2019, 3, 6), 3), checkin(date(2020, 5, 1), 4)]
    week, _ = chart_blocks.build_block(
        blocks.block_of(date(2019, 3, 6)),
        sessions=[],
        checkins=rows,
        tags=[],
    )
    assert charts.first_date(charts.active_weeks([week]), TODAY) == date(
        2019, 3, 4
    )  # that week's Monday
    assert charts.first_date([], TODAY) == stats.week_start(TODAY - timedelta(days=27))


def test_feeling_change_puts_each_session_under_its_intensity():
    rows = [session(TODAY, "hiit", "vigorous", -1, 3), session(TODAY, "walking", "light", 0, 0)]
    chart = build(TODAY - timedelta(days=6), sessions=rows)["feeling-change"]
    assert data(chart)["Vigorous"] == [4, None]
    assert data(chart)["Light"] == [None, 0]
    assert chart.labels == ["2026-11-25 HIIT", "2026-11-25 Walking"]


def test_mood_uses_the_days_before_the_range_for_its_rolling_means():
    start = TODAY - timedelta(days=6)
    rows = [checkin(start - timedelta(days=d), 1) for d in (1, 2)] + [checkin(start, 4)]
    chart = build(start, checkins=rows)["mood-stress"]
    series = data(chart)
    assert series["Mood"][:2] == [4, None]
    # The 7-day mean on the first day reads the two days before the range: (1 + 1 + 4) / 3.
    assert series["Mood, 7-day mean"][0] == 2.0
    assert "Stress, 7-day mean" not in series
    assert len(chart.labels) == 7


def test_a_rolling_mean_of_fewer_than_three_check_ins_is_not_drawn():
    start = TODAY - timedelta(days=6)
    rows = [checkin(start, 5), checkin(start + timedelta(days=2), 3)]
    series = data(build(start, checkins=rows)["mood-stress"])
    assert series["Mood"][0] == 5  # a day's own rating is no mean
    assert set(series["Mood, 7-day mean"]) == {None}


def test_mood_bands_mark_the_weeks_where_regular_training_was_sustained():
    start = date(2026, 11, 16)  # Monday
    tags = [
        {
            "week": date(2026, 11, 23),
            "effect": "hpa_recalibration",
            "timescale": "chronic",
            "status": "sustained",
            "sessions": 1,
        }
    ]
    chart = build(start, tags=tags)["mood-stress"]
    assert chart.datasets[-1].data == [None] * 7 + [5, 5, 5]


def test_long_ranges_are_drawn_per_week_and_break_their_lines_across_a_gap():
    # Check-ins for a year, none for twenty months, then a year again.
    first = date(2022, 1, 3)
    before = [checkin(first + timedelta(days=i), 3) for i in range(365)]
    resumed = date(2024, 9, 2)
    after = [checkin(resumed + timedelta(days=i), 4) for i in range((TODAY - resumed).days + 1)]
    chart = build(None, checkins=before + after)["mood-stress"]
    assert chart.axes["x"] == "Week starting"
    assert chart.labels[0] == "2022-01-03"
    labels = [date.fromisoformat(label) for label in chart.labels]
    gap = [i for i, d in enumerate(labels) if date(2023, 2, 6) <= d < date(2024, 8, 26)]
    assert len(gap) > 70
    for ds in chart.datasets:
        if ds.kind == "line":
            assert all(ds.data[i] is None for i in gap), ds.label
    # The text alternative names the gap, years included.
    assert "2023" in chart.gap_text
    assert "2024" in chart.gap_text
    assert chart.gap_text.startswith("The lines break where too little was logged")


def test_a_weekly_mood_mean_of_fewer_than_three_check_ins_says_too_few():
    start = TODAY - timedelta(days=500)
    rows = [checkin(TODAY - timedelta(days=1), 5), checkin(TODAY - timedelta(days=2), 3)]
    chart = build(start, checkins=rows)["mood-stress"]
    mood = chart.datasets[0]
    assert mood.label == "Mood"
    assert set(mood.data) == {None}
    _, table = chart.table()
    assert table[-1][1] == "too few (n=2)"


def test_weekly_minutes_fill_empty_weeks_with_zero_and_draw_the_guideline():
    rows = [
        session(date(2026, 11, 16), "aerobic", "moderate", minutes=60),
        session(date(2026, 11, 18), "aerobic", "moderate", minutes=60),
        session(date(2026, 11, 22), "walking", "moderate", minutes=60),
        # Not counted: light, or outside the mvpa filter.
        session(date(2026, 11, 17), "walking", "light", minutes=90),
        session(date(2026, 11, 17), "resistance", "vigorous", minutes=90),
    ]
    chart = build(date(2026, 11, 10), sessions=rows)["weekly-minutes"]
    assert chart.labels == ["2026-11-09", "2026-11-16", "2026-11-23"]
    assert data(chart)["Aerobic"] == [0, 120, 0]
    assert data(chart)["Walking"] == [0, 60, 0]
    assert chart.guideline == 150


def test_the_next_day_chart_puts_every_rating_on_one_percent_scale():
    monday = date(2026, 11, 2)
    sessions = [session(monday + timedelta(days=i), "hiit") for i in range(3)]
    sessions.append(session(monday + timedelta(days=5), "walking"))
    checkins = [checkin(monday + timedelta(days=i + 1), 3, 5, stress=2) for i in range(3)]
    checkins.append(checkin(monday + timedelta(days=6), 5, 9))
    checkins.append(checkin(monday + timedelta(days=9), 1, 0))  # after a rest day
    chart = build(monday, sessions=sessions, checkins=checkins)["outcomes-by-activity"]
    assert chart.labels == ["HIIT", "Walking", "Rest day"]
    assert "y2" not in chart.axes
    assert (chart.axes["y_min"], chart.axes["y_max"]) == (0, 100)
    series = data(chart)
    # Mood 3 of 1..5 and sleep 5 of 0..10 are both half their scale.
    assert series["Mood (1-5)"] == [50.0, None, None]
    assert series["Sleep quality (0-10)"] == [50.0, None, None]
    assert series["Stress (1-5)"] == [25.0, None, None]
    assert series["Days (n)"] == [3, 1, 1]
    columns, rows = chart.table()
    assert rows[0][1] == "3.0 of 5 (50.0%)"
    # One day is no mean: no bar, and the table says why.
    assert rows[1][1] == "too few (n=1)"


def test_vigorous_minutes_count_twice():
    rows = [session(date(2026, 11, 16), "hiit", "vigorous", minutes=20)]
    chart = build(date(2026, 11, 16), sessions=rows)["weekly-minutes"]
    assert data(chart)["HIIT"][-2] == 40


def test_training_load_sums_weeks_and_puts_monotony_in_its_own_panel():
    monday = date(2026, 11, 16)
    loads = [
        session(monday, minutes=60, effort=5),
        session(monday + timedelta(days=2), minutes=40, effort=10),
        session(monday + timedelta(days=4), minutes=50, effort=10),
        session(monday + timedelta(days=6), minutes=20, effort=10),
        session(monday + timedelta(days=6), minutes=90),  # no effort: no load
    ]
    chart = build(monday, monday + timedelta(days=6), sessions=loads)["training-load"]
    assert data(chart)["Weekly load"] == [1400.0]
    assert data(chart)["Monotony"] == [1.038]
    assert data(chart)["Strain"] == [1452.8]
    assert chart.axes["panels"] is True
    assert chart.axes["y2"] == "Monotony"


def test_effects_timeline_counts_tags_and_breaks_long_term_lines_in_empty_weeks():
    week = date(2026, 11, 23)
    tags = [
        {
            "week": week,
            "effect": "dopamine",
            "timescale": "acute",
            "status": "acute",
            "sessions": 2,
        },
        {
            "week": week,
            "effect": "bdnf",
            "timescale": "chronic",
            "status": "sustained",
            "sessions": 1,
        },
        {
            "week": week,
            "effect": "gaba",
            "timescale": "chronic",
            "status": "building",
            "sessions": 3,
        },
        {
            "week": week,
            "effect": "bdnf",
            "timescale": "chronic",
            "status": "building",
            "sessions": 1,
        },
    ]
    sessions = [session(week), session(week + timedelta(days=1))]
    chart = build(week - timedelta(days=7), sessions=sessions, tags=tags)["effects-timeline"]
    series = data(chart)
    assert series["dopamine"] == [None, 2]
    # No session in the first week: no line there, not a line at zero.
    assert series["Long-term effects sustained"] == [None, 1]
    # bdnf was sustained that week, so it is not also counted as building.
    assert series["Long-term effects building"] == [None, 1]
    assert chart.axes["y"].startswith("Tags")
    assert chart.axes["panels"] is True


def test_an_empty_chart_says_what_to_log_and_its_table_matches_the_data():
    built = build(TODAY - timedelta(days=13))
    assert built["weekly-minutes"].is_empty is False  # zeros are data: a real zero week
    assert built["feeling-change"].is_empty
    assert "Log a session" in built["feeling-change"].empty
    chart = build(TODAY, sessions=[session(TODAY, "hiit", "vigorous", 0, 2)])["feeling-change"]
    columns, rows = chart.table()
    assert columns == ["Session", "Light", "Moderate", "Vigorous", "Near maximal"]
    assert rows == [["2026-11-25 HIIT", "–", "–", "2", "–"]]


def test_a_block_reads_only_its_own_dates():
    index = blocks.block_of(TODAY)
    outside = blocks.block_start(index) - timedelta(days=1)
    week, day = chart_blocks.build_block(
        index,
        sessions=[session(outside), session(TODAY)],
        checkins=[checkin(outside, 2), checkin(TODAY, 4)],
        tags=[],
    )
    assert sum(week["sessions"]) == 1
    assert [row[0] for row in day["sessions"]] == [TODAY.isoformat()]
    assert [row[0] for row in day["outcomes"]] == [TODAY.isoformat()]
