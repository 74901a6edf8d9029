"""journal.dashboard.charts builds chart payloads from plain rows. No database."""

from datetime import date, timedelta

from journal.dashboard import charts

TODAY = date(2026, 11, 25)  # a Wednesday


def test_range_start_counts_back_from_today_and_all_has_none():
    assert charts.range_start("4w", TODAY) == TODAY - timedelta(days=27)
    assert charts.range_start("all", TODAY) is None


def test_the_all_range_starts_at_the_first_date_in_the_data():
    rows = [{"date": date(2020, 5, 1)}, {"date": date(2019, 3, 2)}]
    assert charts.first_date(rows, [], today=TODAY) == date(2019, 3, 2)
    assert charts.first_date([], [], today=TODAY) == TODAY - timedelta(days=27)


def test_feeling_change_puts_each_session_under_its_intensity():
    rows = [
        {
            "date": TODAY,
            "activity": "hiit",
            "intensity": "vigorous",
            "feeling_before": -1,
            "feeling_after": 3,
        },
        {
            "date": TODAY,
            "activity": "walking",
            "intensity": "light",
            "feeling_before": 0,
            "feeling_after": 0,
        },
    ]
    chart = charts.feeling_change(rows)
    by_label = {ds.label: ds.data for ds in chart.datasets}
    assert by_label["Vigorous"] == [4, None]
    assert by_label["Light"] == [None, 0]
    assert chart.labels == ["2026-11-25 HIIT", "2026-11-25 Walking"]


def test_mood_uses_the_days_before_the_range_for_its_rolling_means():
    start = TODAY - timedelta(days=6)
    checkins = [
        {"date": start - timedelta(days=1), "mood": 1, "stress": None},
        {"date": start, "mood": 5, "stress": None},
    ]
    chart = charts.mood_stress(checkins, set(), start, TODAY)
    series = {ds.label: ds.data for ds in chart.datasets}
    assert series["Mood"][:2] == [5, None]
    # The 7-day mean on the first day includes the day before the range: (1 + 5) / 2.
    assert series["Mood, 7-day mean"][0] == 3.0
    assert "Stress, 7-day mean" not in series
    assert len(chart.labels) == 7


def test_mood_bands_mark_the_weeks_where_regular_training_was_sustained():
    start = date(2026, 11, 16)  # Monday
    chart = charts.mood_stress([], {date(2026, 11, 23)}, start, TODAY)
    band = chart.datasets[-1].data
    assert band == [None] * 7 + [5, 5, 5]


def test_long_ranges_are_drawn_per_week():
    start = TODAY - timedelta(days=800)
    rows = [{"date": start + timedelta(days=i), "mood": 3, "stress": 2} for i in range(801)]
    chart = charts.mood_stress(rows, set(), start, TODAY)
    assert chart.axes["x"] == "Week"
    # Mondays from 2024-09-16 to 2026-11-23: 798 days apart, so 114 + 1 weeks.
    assert len(chart.labels) == 115


def test_weekly_minutes_fill_empty_weeks_with_zero_and_draw_the_guideline():
    rows = [
        {"week": date(2026, 11, 16), "activity": "aerobic", "minutes": 120},
        {"week": date(2026, 11, 16), "activity": "walking", "minutes": 60},
    ]
    chart = charts.weekly_minutes(rows, date(2026, 11, 10), TODAY)
    assert chart.labels == ["2026-11-09", "2026-11-16", "2026-11-23"]
    data = {ds.label: ds.data for ds in chart.datasets}
    assert data["Aerobic"] == [0, 120, 0]
    assert data["Walking"] == [0, 60, 0]
    assert chart.guideline == 150


def test_outcomes_compare_the_days_after_each_activity_and_after_rest():
    monday = date(2026, 11, 16)
    feelings = [{"date": monday, "activity": "hiit"}, {"date": monday, "activity": "walking"}]
    checkins = [
        {
            "date": monday + timedelta(days=1),
            "mood": 5,
            "sleep_quality": 8,
            "anxiety": None,
            "energy": None,
            "motivation": None,
            "focus": None,
            "stress": 2,
        },
        {
            "date": monday + timedelta(days=3),
            "mood": 2,
            "sleep_quality": 4,
            "anxiety": None,
            "energy": None,
            "motivation": None,
            "focus": None,
            "stress": 4,
        },
    ]
    chart = charts.outcomes_by_activity(checkins, feelings)
    assert chart.labels == ["HIIT", "Walking", "Rest day"]
    data = {ds.label: ds.data for ds in chart.datasets}
    assert data["Mood (1-5)"] == [5, 5, 2]
    assert data["Sleep quality (0-10)"] == [8, 8, 4]
    assert data["Stress (1-5)"] == [2, 2, 4]
    assert data["Days (n)"] == [1, 1, 1]
    assert "Anxiety (1-5)" not in data


def test_training_load_sums_weeks_and_reports_monotony_and_strain():
    monday = date(2026, 11, 16)
    loads = [
        {"date": monday, "load": 300},
        {"date": monday + timedelta(days=2), "load": 400},
        {"date": monday + timedelta(days=4), "load": 500},
        {"date": monday + timedelta(days=6), "load": 200},
    ]
    chart = charts.training_load(loads, monday, monday + timedelta(days=6))
    data = {ds.label: ds.data for ds in chart.datasets}
    assert data["Weekly load"] == [1400.0]
    assert data["Monotony"] == [1.038]
    assert data["Strain"] == [1452.8]


def test_effects_timeline_counts_acute_tags_and_chronic_states_per_week():
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
    chart = charts.effects_timeline(tags, week, TODAY, {"dopamine": "Dopamine"})
    data = {ds.label: ds.data for ds in chart.datasets}
    assert data["Dopamine"] == [2]
    assert data["Chronic effects sustained"] == [1]
    # bdnf was sustained that week, so it is not also counted as building.
    assert data["Chronic effects building"] == [1]


def test_an_empty_chart_says_what_to_log_and_its_table_matches_the_data():
    chart = charts.weekly_minutes([], TODAY - timedelta(days=13), TODAY)
    assert chart.is_empty is False  # zeros are data: an empty week is a real zero
    empty = charts.feeling_change([])
    assert empty.is_empty
    assert "Log a session" in empty.empty
    columns, rows = charts.feeling_change(
        [
            {
                "date": TODAY,
                "activity": "hiit",
                "intensity": "vigorous",
                "feeling_before": 0,
                "feeling_after": 2,
            }
        ]
    ).table()
    assert columns == ["Session", "Light", "Moderate", "Vigorous", "Near maximal"]
    assert rows == [["2026-11-25 HIIT", "–", "–", 2, "–"]]
