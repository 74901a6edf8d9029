"""The dashboard's six charts, built from the rows of journal.dashboard.queries. Pure: no queries.

Each chart is a plain payload that static/js/charts.js turns into a Chart.js
chart, and that the template turns into a caption and a data table (the text
alternative). The keys are shared with the content app's chart placements.
"""

from collections import defaultdict
from datetime import date, timedelta

from journal.core.ranges import CHECKIN_ITEMS
from journal.dashboard import stats
from journal.dashboard.chart_payload import Chart, Dataset
from journal.tagging import GUIDELINE_MINUTES, MVPA_ACTIVITIES, Intensity

RANGES = {
    "4w": ("4 weeks", 28),
    "3m": ("3 months", 91),
    "1y": ("1 year", 365),
    "all": ("All", None),
}
DEFAULT_RANGE = "3m"
DAILY_UP_TO = 366  # longer ranges are drawn per week, to stay readable and light
LEAD_IN = 27  # days before a range that its 28-day rolling mean reads

ACTIVITY_LABELS = {
    "aerobic": "Aerobic",
    "hiit": "HIIT",
    "resistance": "Resistance",
    "mixed": "Mixed / sport",
    "mobility": "Mobility",
    "walking": "Walking",
}
INTENSITY_LABELS = {level.slug: level.label for level in Intensity}


def chosen_range(range_key: str | None) -> str:
    """The range asked for, or the default when it is none of the ranges."""
    return range_key if range_key in RANGES else DEFAULT_RANGE


def range_start(range_key: str, today: date) -> date | None:
    days = RANGES[range_key][1]
    return None if days is None else today - timedelta(days=days - 1)


def first_date(*row_lists, today: date) -> date:
    """For the 'all' range: the first regular date in the data, or four weeks ago when empty."""
    found = [row.get("date") or row.get("week") for rows in row_lists for row in rows]
    found = [d for d in found if d is not None]
    return stats.regular_start(found, today) if found else today - timedelta(days=27)


def _iso(day: date) -> str:
    return day.isoformat()


def feeling_change(feelings: list[dict], weekly: bool = False) -> Chart:
    """Each rated session's change in feeling, by intensity; per week (means) on long ranges."""
    feelings = [r for r in feelings if None not in (r["feeling_before"], r["feeling_after"])]
    if weekly:
        changes: dict[tuple, list] = defaultdict(list)
        for row in feelings:
            week = stats.week_start(row["date"])
            changes[week, row["intensity"]].append(row["feeling_after"] - row["feeling_before"])
        weeks = sorted({week for week, _ in changes})
        labels = [_iso(w) for w in weeks]
        datasets = [
            Dataset(name, [stats.mean_or_none(changes.get((w, key), [])) for w in weeks], color=key)
            for key, name in INTENSITY_LABELS.items()
        ]
    else:
        labels = [f"{_iso(row['date'])} {ACTIVITY_LABELS[row['activity']]}" for row in feelings]
        datasets = [
            Dataset(
                name,
                [
                    row["feeling_after"] - row["feeling_before"]
                    if row["intensity"] == key
                    else None
                    for row in feelings
                ],
                color=key,
                stack="change",
            )
            for key, name in INTENSITY_LABELS.items()
        ]
    return Chart(
        key="feeling-change",
        title="Feeling change in each session" if not weekly else "Feeling change, weekly means",
        caption=(
            ("Mean per week of feeling" if weekly else "Feeling")
            + " after minus feeling before each session (Feeling Scale, -5 to +5), "
            "by the session's intensity class."
        ),
        kind="bar",
        labels=labels,
        datasets=datasets,
        axes={"x": "Week" if weekly else "Session", "y": "Change in feeling (points)"},
        empty="Log a session with your feeling before and after to see how each one moved you.",
    )


def _bucketed(dates: list[date], series: list, weekly: bool) -> tuple[list[str], list]:
    if not weekly:
        return [_iso(d) for d in dates], series
    sums: dict[date, list] = defaultdict(list)
    for day, value in zip(dates, series, strict=True):
        sums[stats.week_start(day)].append(value)
    weeks = sorted(sums)
    return [_iso(w) for w in weeks], [stats.mean_or_none(sums[w]) for w in weeks]


def mood_stress(checkins: list[dict], sustained_weeks: set[date], start: date, end: date) -> Chart:
    """`checkins` may reach LEAD_IN days before `start`, so the first means are whole."""
    by_day = {row["date"]: row for row in checkins}
    lead = stats.days(start - timedelta(days=LEAD_IN), end)
    mood = [by_day[d]["mood"] if d in by_day else None for d in lead]
    stress = [by_day[d]["stress"] if d in by_day else None for d in lead]
    dates = lead[LEAD_IN:]
    weekly = len(dates) > DAILY_UP_TO
    series = {
        "Mood": mood[LEAD_IN:],
        "Mood, 7-day mean": stats.rolling_mean(mood, 7)[LEAD_IN:],
        "Mood, 28-day mean": stats.rolling_mean(mood, 28)[LEAD_IN:],
    }
    if any(value is not None for value in stress[LEAD_IN:]):
        series["Stress, 7-day mean"] = stats.rolling_mean(stress, 7)[LEAD_IN:]
    band = [5 if stats.week_start(d) in sustained_weeks else None for d in dates]
    datasets, labels = [], []
    for name, values in series.items():
        labels, data = _bucketed(dates, values, weekly)
        kind_color = {"Mood": "mood", "Stress, 7-day mean": "stress"}.get(name, "mood-mean")
        datasets.append(Dataset(name, data, kind="line", color=kind_color, dashed="28" in name))
    labels, band_data = _bucketed(dates, band, weekly)
    datasets.append(
        Dataset("Regular moderate training sustained", band_data, kind="bar", color="band")
    )
    return Chart(
        key="mood-stress",
        title="Mood and stress",
        caption=(
            ("Weekly means of daily" if weekly else "Daily")
            + " mood (1 to 5) with 7- and 28-day rolling means, stress where recorded, and "
            "shaded weeks where regular moderate training was sustained."
        ),
        kind="line",
        labels=labels,
        datasets=datasets,
        axes={"x": "Week" if weekly else "Date", "y": "Rating (1 to 5)", "y_min": 1, "y_max": 5},
        empty="Check in each day with your mood to see its trend here.",
    )


def weekly_minutes(rows: list[dict], start: date, end: date) -> Chart:
    weeks = stats.weekly_buckets(start, end)
    totals = {(row["week"], row["activity"]): row["minutes"] for row in rows}
    activities = MVPA_ACTIVITIES
    datasets = [
        Dataset(
            ACTIVITY_LABELS[a],
            [totals.get((w, a)) or 0 for w in weeks],
            color=a,
            stack="minutes",
        )
        for a in activities
    ]
    return Chart(
        key="weekly-minutes",
        title="Weekly moderate-equivalent minutes",
        caption=(
            "Minutes of moderate or harder aerobic, interval, sport and walking sessions per "
            f"week, vigorous minutes counted twice, against the {GUIDELINE_MINUTES}-minute "
            "guideline. "
            "Strength and mobility sessions do not count toward it."
        ),
        kind="bar",
        labels=[_iso(w) for w in weeks],
        datasets=datasets,
        axes={"x": "Week starting", "y": "Minutes (vigorous count double)"},
        guideline=GUIDELINE_MINUTES,
        empty="Sessions at moderate effort or harder add up here, week by week.",
    )


def outcomes_by_activity(checkins: list[dict], feelings: list[dict]) -> Chart:
    """Mean mood, sleep and chosen items on days after each activity type, and after rest."""
    activities_on = defaultdict(set)
    for row in feelings:
        activities_on[row["date"]].add(row["activity"])
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in checkins:
        before = activities_on.get(row["date"] - timedelta(days=1))
        for activity in before or {"rest"}:
            groups[activity].append(row)
    names = {**ACTIVITY_LABELS, "rest": "Rest day"}
    keys = [k for k in names if groups.get(k)]
    items = [i for i in CHECKIN_ITEMS if any(row[i] is not None for row in checkins)]
    datasets = [
        Dataset(
            "Mood (1-5)",
            [stats.mean_or_none(r["mood"] for r in groups[k]) for k in keys],
            color="mood",
        ),
        Dataset(
            "Sleep quality (0-10)",
            [stats.mean_or_none(r["sleep_quality"] for r in groups[k]) for k in keys],
            color="sleep",
            axis="y2",
        ),
        *(
            Dataset(
                f"{CHECKIN_ITEMS[item]} (1-5)",
                [stats.mean_or_none(r[item] for r in groups[k]) for k in keys],
                color=item,
            )
            for item in items
        ),
        Dataset("Days (n)", [len(groups[k]) for k in keys], kind="none"),
    ]
    return Chart(
        key="outcomes-by-activity",
        title="How the next day went, by activity",
        caption=(
            "Mean check-in ratings on the day after each activity type, and after rest days. "
            "An association in your own data, not proof of cause."
        ),
        kind="bar",
        labels=[names[k] for k in keys],
        datasets=datasets,
        axes={"x": "Day after", "y": "Rating (1 to 5)", "y2": "Sleep (0 to 10)", "y_min": 0},
        empty="With a few sessions and check-ins, this compares the days after each activity.",
    )


def training_load(loads: list[dict], start: date, end: date) -> Chart:
    by_day = {row["date"]: row["load"] for row in loads}
    weeks = stats.training_weeks(by_day, stats.week_start(start), end)
    return Chart(
        key="training-load",
        title="Training load, monotony and strain",
        caption=(
            "Load is each session's effort times its minutes, added up over the week. "
            "Monotony is how alike the week's days were: high when every day carries the same "
            "load, low when hard and easy days alternate (Foster: mean daily load over its "
            "standard deviation). Strain is load times monotony, so it climbs when a lot of "
            "training comes with little variety."
        ),
        kind="bar",
        labels=[_iso(w.start) for w in weeks],
        datasets=[
            Dataset("Weekly load", [w.load or None for w in weeks], color="load"),
            Dataset("Strain", [w.strain for w in weeks], kind="line", color="strain", axis="y"),
            Dataset(
                "Monotony", [w.monotony for w in weeks], kind="line", color="monotony", axis="y2"
            ),
        ],
        axes={
            "x": "Week starting",
            "y": "Load, strain (effort x min)",
            "y2": "Sameness (monotony)",
        },
        empty="Rate each session's effort to see your weekly load.",
    )


def effects_timeline(tags: list[dict], start: date, end: date, names: dict[str, str]) -> Chart:
    weeks = stats.weekly_buckets(start, end)
    acute: dict[str, dict[date, int]] = defaultdict(dict)
    sustained: dict[date, set] = defaultdict(set)
    building: dict[date, set] = defaultdict(set)
    for row in tags:
        if row["timescale"] == "acute":
            acute[row["effect"]][row["week"]] = row["sessions"]
        elif row["status"] == "sustained":
            sustained[row["week"]].add(row["effect"])
        else:
            building[row["week"]].add(row["effect"])
    datasets = [
        Dataset(
            names.get(effect, effect), [counts.get(w) for w in weeks], color=effect, stack="acute"
        )
        for effect, counts in sorted(acute.items())
    ]
    datasets.append(
        Dataset(
            "Chronic effects sustained",
            [len(sustained[w]) for w in weeks],
            kind="line",
            color="sustained",
            axis="y2",
        )
    )
    datasets.append(
        Dataset(
            "Chronic effects building",
            [len(building[w] - sustained[w]) for w in weeks],
            kind="line",
            color="building",
            axis="y2",
            dashed=True,
        )
    )
    return Chart(
        key="effects-timeline",
        title="Predicted effects, week by week",
        caption=(
            "How many sessions each week were tagged with each short-term effect (the five most "
            "frequent, the rest as others; the table lists them all), and how many long-term "
            "effects were building or sustained. Predictions from the article, not measurements."
        ),
        kind="bar",
        labels=[_iso(w) for w in weeks],
        datasets=datasets,
        axes={"x": "Week starting", "y": "Sessions tagged", "y2": "Long-term effects"},
        empty="Tags appear as you log sessions.",
    )


def sustained_regular_weeks(tags: list[dict]) -> set[date]:
    """Weeks with a session whose regular-moderate-training tag was sustained (REGULAR_MOD)."""
    return {
        row["week"]
        for row in tags
        if row["effect"] == "hpa_recalibration" and row["status"] == "sustained"
    }


def build(
    *,
    today: date,
    range_key: str,
    feelings: list[dict],
    checkins: list[dict],
    minutes: list[dict],
    loads: list[dict],
    tags: list[dict],
    effect_names: dict[str, str],
) -> list[Chart]:
    start = range_start(range_key, today) or first_date(feelings, checkins, today=today)
    in_range = [row for row in checkins if row["date"] >= start]
    feelings = [row for row in feelings if row["date"] >= start]
    return [
        feeling_change(feelings, weekly=(today - start).days >= DAILY_UP_TO),
        mood_stress(checkins, sustained_regular_weeks(tags), start, today),
        weekly_minutes(minutes, start, today),
        outcomes_by_activity(in_range, feelings),
        training_load(loads, start, today),
        effects_timeline(tags, start, today, effect_names),
    ]
