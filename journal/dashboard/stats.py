"""Statistics behind the charts: pure functions over plain series, no Django.

Dates come in as `datetime.date`, values as numbers or None (nothing
recorded). The ORM side (journal.dashboard.queries) aggregates in SQL and hands the
results here.
"""

from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import fmean, pstdev

# No mean of fewer values is drawn as one: the Insights guard (insights.MIN_PER_SIDE) too.
MIN_FOR_MEAN = 3


def days(start: date, end: date) -> list[date]:
    """Every date from start to end, both included."""
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def rolling_mean(series: Sequence[float | None], window: int) -> list[float | None]:
    """Trailing mean over the last `window` entries, skipping gaps.

    Each point averages the values recorded in its window (itself and the
    window-1 before it); a window with nothing recorded gives None rather
    than pretending a gap was zero.
    """
    if window < 1:
        raise ValueError("window must be at least 1")
    means: list[float | None] = []
    total, count = 0.0, 0
    for i, value in enumerate(series):
        if value is not None:
            total += value
            count += 1
        if i >= window:
            dropped = series[i - window]
            if dropped is not None:
                total -= dropped
                count -= 1
        means.append(round(total / count, 3) if count else None)
    return means


def rolling_count(series: Sequence[float | None], window: int) -> list[int]:
    """How many values are recorded in each trailing window of rolling_mean."""
    counts, count = [], 0
    for i, value in enumerate(series):
        count += value is not None
        if i >= window:
            count -= series[i - window] is not None
        counts.append(count)
    return counts


@dataclass(frozen=True)
class TrainingWeek:
    start: date
    load: float  # sum of effort x minutes [FOS01]
    monotony: float | None  # mean daily load / SD of daily load
    strain: float | None  # weekly load x monotony


def monotony(daily_loads: Sequence[float]) -> float | None:
    """Foster's monotony: mean / standard deviation of the daily loads of one week.

    Rest days count as zero load. The seven days are the whole week, not a
    sample of it, so the population SD is used. With no variation at all
    (e.g. a week of rest) monotony is undefined and returned as None.
    """
    if not daily_loads:
        return None
    spread = pstdev(daily_loads)
    if spread == 0:
        return None
    return fmean(daily_loads) / spread


def training_weeks(loads: Mapping[date, float], start: date, end: date) -> list[TrainingWeek]:
    """Weekly load, monotony and strain for the 7-day weeks from `start` to `end`."""
    weeks = []
    for week_start in days(start, end)[::7]:
        week = [loads.get(week_start + timedelta(days=i), 0) or 0 for i in range(7)]
        load = float(sum(week))
        mono = monotony(week)
        weeks.append(
            TrainingWeek(
                start=week_start,
                load=load,
                monotony=None if mono is None else round(mono, 3),
                strain=None if mono is None else round(load * mono, 1),
            )
        )
    return weeks


def week_start(day: date) -> date:
    """The Monday of the calendar week holding `day` (the charts' weekly buckets)."""
    return day - timedelta(days=day.weekday())


def weekly_buckets(start: date, end: date) -> list[date]:
    return days(week_start(start), week_start(end))[::7]


def mean_or_none(values: Iterable[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return round(fmean(present), 2) if present else None


# The "All" range: at most twenty years, and not stretched back by stray rows.
ALL_RANGE_MAX_DAYS = 20 * 365
STRAY_GAP_DAYS = 365  # a lone early row this far before the next one is a typo, not a history
STRAY_SHARE = 0.05  # at most this share of the rows may be set aside as stray


def regular_start(dates: Sequence[date], today: date) -> date:
    """Where the "All" range starts: the first date that is not a stray outlier.

    Leading rows set apart from the rest by more than a year, and few (at
    most 5% of all rows), are left out: one check-in mistyped as 1926 would
    otherwise make the charts span a century. The start is never more than
    ALL_RANGE_MAX_DAYS before today, so the page stays bounded whatever the data.
    """
    ordered = sorted(dates)
    start = ordered[0]
    for index in range(min(len(ordered) - 1, int(len(ordered) * STRAY_SHARE))):
        if (ordered[index + 1] - ordered[index]).days > STRAY_GAP_DAYS:
            start = ordered[index + 1]
    return max(start, today - timedelta(days=ALL_RANGE_MAX_DAYS - 1))


@dataclass(frozen=True)
class Summary:
    """The dashboard's first screen: this calendar week, the streak, today's mood."""

    week_minutes: int  # moderate-equivalent, Monday to today
    week_sessions: int
    streak: int  # days in a row with a session, up to today
    streak_is_longer: bool  # the streak fills the whole window read, so may be longer
    mood: int | None  # today's check-in, if any


def summarise(
    active: Set[date],
    week_minutes: Sequence[int],
    today: date,
    window_start: date,
    mood: int | None = None,
) -> Summary:
    """The days with a session (from `window_start` at least), the moderate-equivalent
    minutes of each session this week, and today's mood (from today's check-in, if any),
    into a Summary.

    A streak still counts while today has no session yet: it ends at
    yesterday until the day is over, so the morning does not show a zero.
    """
    day = today if today in active else today - timedelta(days=1)
    streak = 0
    while day in active and day >= window_start:
        streak += 1
        day -= timedelta(days=1)
    return Summary(sum(week_minutes), len(week_minutes), streak, day < window_start, mood)
