"""The dashboard's six charts for a range, assembled from the blocks of
journal.dashboard.chart_blocks.
Pure: no queries.

Each chart is a plain payload that static/js/charts.js turns into a Chart.js chart, and
that the template turns into a caption and a data table (the text alternative). The keys
are shared with the content app's chart placements. Charts tell no more than the data:
a stretch with nothing logged is a break in every line (and the text names it), a mean of
fewer than stats.MIN_FOR_MEAN days or sessions is not drawn as one, and no chart puts two
scales on one axis.
"""

from datetime import date, timedelta

from journal.core.ranges import CHECKIN_ITEMS, CHECKIN_RANGES
from journal.dashboard import stats
from journal.dashboard.chart_blocks import OUTCOME_ITEMS
from journal.dashboard.chart_payload import Chart, Dataset, with_gaps
from journal.dashboard.chart_span import Span, active_weeks, first_date  # noqa: F401 (public names)
from journal.tagging import GUIDELINE_MINUTES, MVPA_ACTIVITIES, Intensity

RANGES = {
    "4w": ("4 weeks", 28),
    "3m": ("3 months", 91),
    "1y": ("1 year", 365),
    "all": ("All", None),
}
DEFAULT_RANGE = "3m"
DAILY_UP_TO = 366  # longer ranges are drawn per week, to stay readable and light

ACTIVITY_LABELS = {
    "aerobic": "Aerobic",
    "hiit": "HIIT",
    "resistance": "Resistance",
    "mixed": "Mixed / sport",
    "mobility": "Mobility",
    "walking": "Walking",
}
# Short names for a phone's category axis, where seven full names cannot sit side by side
# (the tooltip and the table keep the full ones).
SHORT_LABELS = {
    "aerobic": "Aero",
    "hiit": "HIIT",
    "resistance": "Resist",
    "mixed": "Mixed",
    "mobility": "Mobil",
    "walking": "Walk",
    "rest": "Rest",
}
INTENSITY_LABELS = {level.slug: level.label for level in Intensity}
OUTCOME_LABELS = {
    "mood": "Mood",
    "sleep_quality": "Sleep quality",
    **CHECKIN_ITEMS,
}


def chosen_range(range_key: str | None) -> str:
    """The range asked for, or the default when it is none of the ranges."""
    return range_key if range_key in RANGES else DEFAULT_RANGE


def range_start(range_key: str, today: date) -> date | None:
    days = RANGES[range_key][1]
    return None if days is None else today - timedelta(days=days - 1)


def feeling_change(span: Span, weekly: bool = False) -> Chart:
    """Each rated session's change in feeling, by intensity; per week (means) on long ranges."""
    if weekly:
        labels = [w.isoformat() for w in span.weeks]
        datasets = [
            Dataset(
                name,
                span.week(f"feeling:{key}"),
                color=key,
                counts=span.week(f"feeling_n:{key}", 0),
            )
            for key, name in INTENSITY_LABELS.items()
        ]
    else:
        rated = span.sessions()
        labels = [f"{day} {ACTIVITY_LABELS[activity]}" for day, activity, _, _ in rated]
        datasets = [
            Dataset(
                name,
                [change if intensity == key else None for _, _, intensity, change in rated],
                color=key,
                stack="change",
            )
            for key, name in INTENSITY_LABELS.items()
        ]
    return Chart(
        key="feeling-change",
        title="Feeling change in each session" if not weekly else "Feeling change, weekly means",
        caption=(
            (
                "Mean per week of feeling after minus feeling before each session (Feeling "
                f"Scale, -5 to +5), by intensity; a mean of fewer than {stats.MIN_FOR_MEAN} "
                "sessions is greyed, as too few to go by."
            )
            if weekly
            else "Feeling after minus feeling before each session (Feeling Scale, -5 to +5), "
            "by the session's intensity class."
        ),
        kind="bar",
        labels=labels,
        datasets=datasets,
        axes={
            "x": "Week starting" if weekly else "Session",
            "y": "Mean change per session (points)" if weekly else "Change in feeling (points)",
        },
        empty="Log a session with your feeling before and after to see how each one moved you.",
    )


def shown_columns(span: Span, weekly: bool) -> dict:
    """What the charts of `span` have a column for beyond their fixed ones: the short-term
    effects tagged in it (by slug) and whether any stress was recorded. The two parts of a
    joined range (journal.dashboard.chart_join) are built with the union of theirs."""
    stress = span.week("stress7") if weekly else span.day("stress7")
    return {"acute": sorted(span.has("acute:")), "stress": any(v is not None for v in stress)}


def both_columns(one: dict, other: dict) -> dict:
    return {
        "acute": sorted({*one["acute"], *other["acute"]}),
        "stress": one["stress"] or other["stress"],
    }


def mood_stress(span: Span, weekly: bool, shown: dict) -> Chart:
    names = {
        "mood": "Mood",
        "mood7": "Mood, 7-day mean",
        "mood28": "Mood, 28-day mean",
        "stress7": "Stress, 7-day mean",
    }
    counts = None
    if weekly:
        labels = [w.isoformat() for w in span.weeks]
        series = {key: span.week(key) for key in names}
        counts = span.week("checkins", 0)
        band = [5 if flag else None for flag in span.week("band", False)]
    else:
        labels = [d.isoformat() for d in span.days]
        series = {key: span.day(key) for key in names}
        sustained = {w for w, flag in zip(span.weeks, span.week("band"), strict=True) if flag}
        band = [5 if stats.week_start(d) in sustained else None for d in span.days]
    if not shown["stress"]:
        series.pop("stress7")
    datasets = [
        Dataset(
            names[key],
            values,
            kind="line",
            color={"mood": "mood", "stress7": "stress"}.get(key, "mood-mean"),
            dashed=key == "mood28",
            counts=counts if key == "mood" else None,
        )
        for key, values in series.items()
    ]
    datasets.append(Dataset("Regular moderate training sustained", band, kind="bar", color="band"))
    chart = Chart(
        key="mood-stress",
        title="Mood and stress",
        caption=(
            ("Weekly means of daily" if weekly else "Daily")
            + " mood (1 to 5) with 7- and 28-day rolling means, stress where recorded, and "
            "shaded weeks where regular moderate training was sustained. A mean needs at least "
            f"{stats.MIN_FOR_MEAN} check-ins; with fewer the line breaks."
        ),
        kind="line",
        labels=labels,
        datasets=datasets,
        axes={
            "x": "Week starting" if weekly else "Date",
            "y": "Rating (1 to 5)",
            "y_min": 1,
            "y_max": 5,
        },
        empty="Check in each day with your mood to see its trend here.",
    )
    return with_gaps(chart, 2 if weekly else 7)


def weekly_minutes(span: Span) -> Chart:
    datasets = [
        Dataset(ACTIVITY_LABELS[a], span.week(f"minutes:{a}", 0), color=a, stack="minutes")
        for a in MVPA_ACTIVITIES
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
        labels=[w.isoformat() for w in span.weeks],
        datasets=datasets,
        axes={"x": "Week starting", "y": "Minutes per week (vigorous count double)"},
        guideline=GUIDELINE_MINUTES,
        empty="Sessions at moderate effort or harder add up here, week by week.",
    )


def _percent(value: float | None, item: str) -> float | None:
    """A rating as a percent of its scale's range: mood 3 of 1..5 is 50, sleep 5 of 0..10 too."""
    if value is None:
        return None
    low, high = CHECKIN_RANGES[item]
    return round((value - low) * 100 / (high - low), 1)


def outcomes_by_activity(groups: dict[str, list]) -> Chart:
    """Mean mood, sleep and chosen items on days after each activity type, and after rest,
    each as a percent of its own scale so that one axis serves them all; `groups` are a
    range's totals (Span.outcomes)."""
    names = {**ACTIVITY_LABELS, "rest": "Rest day"}
    keys = [k for k in names if groups.get(k)]
    shown = [i for i in OUTCOME_ITEMS if any(i in groups[k][1] for k in keys)]
    datasets = []
    for item in shown:
        low, high = CHECKIN_RANGES[item]
        totals = [groups[k][1].get(item, [0, 0]) for k in keys]
        means = [round(total / n, 2) if n >= stats.MIN_FOR_MEAN else None for total, n in totals]
        datasets.append(
            Dataset(
                f"{OUTCOME_LABELS[item]} ({low}-{high})",
                [_percent(mean, item) for mean in means],
                color=item,
                counts=[n for _, n in totals],
                raw=means,
                scale=[low, high],
            )
        )
    datasets.append(Dataset("Days (n)", [groups[k][0] for k in keys], kind="none"))
    return Chart(
        key="outcomes-by-activity",
        title="How the next day went, by activity",
        caption=(
            "Mean check-in ratings on the day after each activity type, and after rest days, "
            "each drawn as a percent of its own scale so one axis fits them all: a mood of 3 "
            "(on 1 to 5) and a sleep of 5 (on 0 to 10) are both 50%. A mean needs at least "
            f"{stats.MIN_FOR_MEAN} days; with fewer there is no bar. An association in your "
            "own data, not proof of cause."
        ),
        kind="bar",
        labels=[names[k] for k in keys],
        datasets=datasets,
        axes={
            "x": "Day after",
            "y": "Percent of each rating's scale",
            "y_min": 0,
            "y_max": 100,
            "categories": True,
            "short": [SHORT_LABELS[k] for k in keys],
        },
        empty="With a few sessions and check-ins, this compares the days after each activity.",
    )


def training_load(span: Span) -> Chart:
    chart = Chart(
        key="training-load",
        title="Training load, monotony and strain",
        caption=(
            "Load is each session's effort times its minutes, added up over the week. "
            "Monotony is how alike the week's days were: high when every day carries the same "
            "load, low when hard and easy days alternate (Foster: mean daily load over its "
            "standard deviation). Strain is load times monotony, so it climbs when a lot of "
            "training comes with little variety. Monotony, a ratio, has its own panel above."
        ),
        kind="bar",
        labels=[w.isoformat() for w in span.weeks],
        datasets=[
            Dataset("Weekly load", [v or None for v in span.week("load")], color="load"),
            Dataset("Strain", span.week("strain"), kind="line", color="strain"),
            Dataset("Monotony", span.week("monotony"), kind="line", color="monotony", axis="y2"),
        ],
        axes={
            "x": "Week starting",
            "y": "Load (effort x min)",
            "y2": "Monotony",
            "panels": True,
        },
        empty="Rate each session's effort to see your weekly load.",
    )
    return with_gaps(chart, 2)


def effects_timeline(span: Span, names: dict[str, str], shown: dict) -> Chart:
    datasets = [
        Dataset(
            names.get(effect, effect), span.week(f"acute:{effect}"), color=effect, stack="acute"
        )
        for effect in shown["acute"]
    ]
    # A week with no session at all is no measurement of zero effects: the lines break there.
    active = span.week("sessions", 0)
    for key, label, dashed in (
        ("sustained", "Long-term effects sustained", False),
        ("building", "Long-term effects building", True),
    ):
        values = [v if n else None for v, n in zip(span.week(key, 0), active, strict=True)]
        datasets.append(Dataset(label, values, kind="line", color=key, axis="y2", dashed=dashed))
    chart = Chart(
        key="effects-timeline",
        title="Predicted effects, week by week",
        caption=(
            "Each bar counts the sessions that week tagged with one short-term effect (the five "
            "most frequent, the rest as others; the table lists them all). A session can carry "
            "several, so a week's stack adds up tags, not sessions. The panel above counts the "
            "long-term effects building or sustained. Predictions from the article, not "
            "measurements."
        ),
        kind="bar",
        labels=[w.isoformat() for w in span.weeks],
        datasets=datasets,
        axes={
            "x": "Week starting",
            "y": "Tags per week",
            "y2": "Effects (n)",
            "panels": True,
        },
        empty="Tags appear as you log sessions.",
    )
    return with_gaps(chart, 2)


def is_weekly(start: date, today: date) -> bool:
    return (today - start).days >= DAILY_UP_TO


def build(
    *,
    start: date,
    today: date,
    weekly: list[dict],
    daily: dict[str, dict],
    effect_names: dict[str, str],
) -> list[Chart]:
    """The six charts of the range start..today, from the weekly figures of the blocks that
    cover it (in order) and the daily figures of those it needs them from (by block start)."""
    span = Span(start, today, weekly, daily)
    return build_span(span, is_weekly(start, today), effect_names)


def build_span(
    span: Span,
    by_week: bool,
    effect_names: dict[str, str],
    shown: dict | None = None,
    outcomes: dict | None = None,
) -> list[Chart]:
    """The six charts of `span`. A part of a longer range (journal.dashboard.chart_join)
    passes the range's `by_week`, its columns (shown_columns) and its next-day totals
    (Span.outcomes)."""
    shown = shown or shown_columns(span, by_week)
    return [
        feeling_change(span, weekly=by_week),
        mood_stress(span, by_week, shown),
        weekly_minutes(span),
        outcomes_by_activity(span.outcomes() if outcomes is None else outcomes),
        training_load(span),
        effects_timeline(span, effect_names, shown),
    ]
