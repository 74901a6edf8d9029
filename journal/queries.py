"""The ORM side of the dashboard: one aggregate query per chart, scoped to its owner.

Each function returns plain rows (dicts, tuples) for journal.charts, which is
pure and builds the chart payloads. Aggregation per day, week and activity
type happens in SQL; rolling means and Foster's figures in journal.stats.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Case, Count, DateField, F, Func, IntegerField, Sum, When

from journal import charts, holds_cache, insights
from journal.caching import per_journal
from journal.models import CHECKIN_ITEMS, CheckIn, Session, SessionTag
from journal.services import FACT_FIELDS, LOOK_BACK, profile_facts, session_facts
from journal.tagging import MODERATE, MVPA_ACTIVITIES, VIGOROUS, VIGOROUS_WEIGHT, Intensity

INSIGHT_SESSION_FIELDS = ("feeling_before", "feeling_after", "arousal_before", "arousal_after")

MODERATE_PLUS = [level.slug for level in Intensity if level >= MODERATE]
VIGOROUS_PLUS = [level.slug for level in Intensity if level >= VIGOROUS]


class WeekStart(Func):
    """The Monday of a date's week, computed by the database's own date functions.

    Django's TruncWeek calls a Python function for every row on SQLite, which
    over ten years of tags costs more than the rest of the dashboard.
    """

    output_field = DateField()
    # Back six days, then forward to the next Monday (the same day when it is one).
    template = "date(%(expressions)s, '-6 days', 'weekday 1')"

    def as_postgresql(self, compiler, connection, **extra):
        template = "(%(expressions)s - (EXTRACT(ISODOW FROM %(expressions)s)::integer - 1))"
        return self.as_sql(compiler, connection, template=template, **extra)


def _since(qs, field: str, start: date | None):
    return qs.filter(**{f"{field}__gte": start}) if start else qs


def session_feelings(user, start: date | None) -> list[dict]:
    """feeling-change: one row per session (date, activity, intensity, before, after)."""
    qs = _since(Session.objects.for_user(user), "date", start)
    return list(
        qs.order_by("date", "id").values(
            "date", "activity", "intensity", "feeling_before", "feeling_after"
        )
    )


def daily_checkins(user, start: date | None) -> list[dict]:
    """mood-stress and outcomes-by-activity: the check-ins in the range."""
    qs = _since(CheckIn.objects.for_user(user), "date", start)
    return list(qs.order_by("date").values("date", "mood", "sleep_quality", *CHECKIN_ITEMS))


def weekly_moderate_minutes(user, start: date | None) -> list[dict]:
    """weekly-minutes: moderate-equivalent minutes per week and activity type, in SQL.

    The same sum as journal.tagging's mvpa window function: only the activity
    types that count toward the guideline, at moderate or harder, with
    vigorous-or-harder minutes weighted.
    """
    qs = _since(Session.objects.for_user(user), "date", start).filter(
        activity__in=MVPA_ACTIVITIES, intensity__in=MODERATE_PLUS
    )
    return list(
        qs.annotate(week=WeekStart("date"))
        .values("week", "activity")
        .annotate(
            minutes=Sum(
                Case(
                    When(intensity__in=VIGOROUS_PLUS, then=F("minutes") * VIGOROUS_WEIGHT),
                    default=F("minutes"),
                    output_field=IntegerField(),
                )
            )
        )
        .order_by("week", "activity")
    )


def daily_load(user, start: date | None) -> list[dict]:
    """training-load: the day's summed load (effort x minutes) for rated sessions."""
    qs = _since(Session.objects.for_user(user), "date", start).filter(effort__isnull=False)
    return list(
        qs.values("date")
        .annotate(load=Sum(F("effort") * F("minutes"), output_field=IntegerField()))
        .order_by("date")
    )


def weekly_tags(user, start: date | None) -> list[dict]:
    """effects-timeline: tags per week, effect, timescale and status."""
    qs = SessionTag.objects.filter(session__owner=user)
    qs = _since(qs, "session__date", start)
    return list(
        qs.annotate(week=WeekStart("session__date"))
        .values("week", "effect", "timescale", "status")
        # COUNT(*), not COUNT(id): PostgreSQL then answers from the covering index alone.
        .annotate(sessions=Count("*"))
        .order_by("week", "effect")
    )


# --- Insights (insights.md): one read per input, the claims cached per person and range ----

INSIGHT_RANGES = tuple(charts.RANGES)  # the dashboard's ranges: 4w, 3m, 1y, all
RANGE_LABELS = {key: label for key, (label, _days) in charts.RANGES.items()}
INSIGHT_DEFAULT_RANGE = "all"  # the claims need many days; the whole journal is the default


@dataclass(frozen=True)
class InsightReport:
    """The 16 claims for one range, and how much was logged in it (for the empty state)."""

    range_key: str
    start: date | None
    results: list
    sessions: int
    checkins: int

    @property
    def is_empty(self) -> bool:
        return not (self.sessions or self.checkins)


def insight_sessions(user, since: date | None) -> list[dict]:
    """Sessions from `since` (the range's start less the longest window, for the chronic
    predicates): what the rules read, and the feelings the session claims compare."""
    qs = _since(Session.objects.for_user(user), "date", since)
    return list(qs.order_by("date", "id").values(*FACT_FIELDS, *INSIGHT_SESSION_FIELDS))


def insight_tags(user, start: date | None) -> list[tuple[int, str]]:
    """(session id, effect) of the acute tags the claims test, on sessions in the range."""
    qs = SessionTag.objects.filter(
        session__owner=user, timescale="acute", effect__in=insights.ACUTE_EFFECTS
    )
    return list(_since(qs, "session__date", start).values_list("session_id", "effect"))


def _insight_report(user, profile, range_key: str, today: date) -> InsightReport:
    start = charts.range_start(range_key, today)
    rows = insight_sessions(user, start - LOOK_BACK if start else None)
    effects: dict[int, set[str]] = {}
    for session_id, effect in insight_tags(user, start):
        effects.setdefault(session_id, set()).add(effect)
    in_range = [row for row in rows if (start is None or start <= row["date"] <= today)]
    sessions = [
        insights.SessionRow(
            date=row["date"],
            effects=frozenset(effects.get(row["id"], ())),
            **{field: row[field] for field in INSIGHT_SESSION_FIELDS},
        )
        for row in in_range
    ]
    checkins = {row.pop("date"): row for row in daily_checkins(user, start)}
    chronic = holds_cache.chronic_holds(
        session_facts(rows), profile_facts(profile), insights.chronic_dates(checkins, start, today)
    )
    return InsightReport(
        range_key=range_key,
        start=start,
        results=insights.evaluate(sessions, checkins, chronic, start, today),
        sessions=len(sessions),
        checkins=sum(start is None or start <= d <= today for d in checkins),
    )


def insight_report(user, profile, range_key: str | None) -> InsightReport:
    """The claims for a range ending today, computed once per journal version and day."""
    if range_key not in INSIGHT_RANGES:
        range_key = INSIGHT_DEFAULT_RANGE
    today = profile.today()
    return per_journal(
        profile,
        f"insights:{range_key}:{today.isoformat()}",
        lambda: _insight_report(user, profile, range_key, today),
    )


def journal_start(user) -> date | None:
    """The date of the person's first entry, a session or a check-in, in one query: time
    before it is unknown to the journal, not inactivity."""
    sessions = Session.objects.for_user(user).order_by().values("date")
    checkins = CheckIn.objects.for_user(user).order_by().values("date")
    first = sessions.union(checkins).order_by("date").values_list("date", flat=True)[:1]
    return next(iter(first), None)
