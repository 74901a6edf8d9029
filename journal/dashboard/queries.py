"""The ORM side of the dashboard: one aggregate query per chart, scoped to its owner.

Each function returns plain rows (dicts, tuples) for journal.dashboard.charts, which is
pure and builds the chart payloads. Aggregation per day, week and activity
type happens in SQL; rolling means and Foster's figures in journal.dashboard.stats.
"""

from datetime import date

from django.db.models import (
    Case,
    Count,
    DateField,
    F,
    Field,
    Func,
    IntegerField,
    Q,
    Sum,
    Value,
    When,
)

from journal.models import CHECKIN_ITEMS, CheckIn, Session, SessionTag
from journal.tagging import MODERATE, MVPA_ACTIVITIES, VIGOROUS, VIGOROUS_WEIGHT, Intensity

MODERATE_PLUS = [level.slug for level in Intensity if level >= MODERATE]
VIGOROUS_PLUS = [level.slug for level in Intensity if level >= VIGOROUS]
# The mvpa filter of effect-rules.md in SQL (journal.tagging's mvpa_session).
MVPA = Q(activity__in=sorted(MVPA_ACTIVITIES), intensity__in=MODERATE_PLUS)
# A session's moderate-equivalent minutes: vigorous-or-harder minutes count
# twice [PAG18]; sessions outside the mvpa filter count nothing. The weekly
# chart and the dashboard summary both sum this one expression.
MODERATE_EQUIVALENT_MINUTES = Case(
    When(MVPA & Q(intensity__in=VIGOROUS_PLUS), then=F("minutes") * VIGOROUS_WEIGHT),
    When(MVPA, then=F("minutes")),
    default=Value(0),
    output_field=IntegerField(),
)


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


class NoCount(Value):
    """NULL in place of a count, in a compound statement's first part: untyped, so that no
    converter runs on it for each row (the statement reads its converters from its first
    part; the counts of the others come back as ints anyway), but typed for PostgreSQL,
    whose DISTINCT would read an untyped NULL as text, which no count unites with."""

    def __init__(self):
        super().__init__(None, output_field=Field())

    def as_postgresql(self, compiler, connection, **extra):
        return "NULL::integer", []


def since(qs, field: str, start: date | None, end: date | None = None):
    """The rows dated from `start` (all when None) to `end` (no end when None)."""
    qs = qs.filter(**{f"{field}__gte": start}) if start else qs
    return qs.filter(**{f"{field}__lte": end}) if end else qs


def block_sessions(user, start: date | None, end: date | None = None) -> list[dict]:
    """The sessions a block of the charts reads (journal.dashboard.chart_blocks): one row
    each, with what its feelings, moderate-equivalent minutes and load are made of."""
    qs = since(Session.objects.for_user(user), "date", start, end)
    return list(
        qs.order_by("date", "id").values(
            "date", "activity", "intensity", "feeling_before", "feeling_after", "minutes", "effort"
        )
    )


def daily_checkins(user, start: date | None, end: date | None = None) -> list[dict]:
    """mood-stress and outcomes-by-activity: the check-ins in the range."""
    qs = since(CheckIn.objects.for_user(user), "date", start, end)
    return list(qs.order_by("date").values("date", "mood", "sleep_quality", *CHECKIN_ITEMS))


def active_days_and_week(user, since: date, monday: date, today: date) -> list[tuple]:
    """The dashboard summary in one statement: (date, None, None) per day since `since`
    with a session; and, when the week from `monday` has sessions, one more row
    (None, sessions, moderate-equivalent minutes).

    The days come from the (owner, date) index alone and only the week's rows are summed:
    bounded by the window, so the same small query whatever the history.
    """
    sessions = Session.objects.for_user(user).order_by()  # a compound's parts are unordered
    days = (
        sessions.filter(date__gte=since, date__lte=today)
        .annotate(sessions=NoCount(), moderate=NoCount())
        .values_list("date", "sessions", "moderate")
        .distinct()
    )
    week = (
        sessions.filter(date__gte=monday, date__lte=today)
        .values("owner")
        .annotate(
            day=Value(None, output_field=DateField()),
            sessions=Count("*"),
            moderate=Sum(MODERATE_EQUIVALENT_MINUTES),
        )
        .values_list("day", "sessions", "moderate")
    )
    return list(days.union(week, all=True))


def weekly_tags(user, start: date | None, end: date | None = None) -> list[dict]:
    """effects-timeline: tags per week, effect, timescale and status."""
    qs = SessionTag.objects.filter(session__owner=user)
    qs = since(qs, "session__date", start, end)
    return list(
        qs.annotate(week=WeekStart("session__date"))
        .values("week", "effect", "timescale", "status")
        # COUNT(*), not COUNT(id): PostgreSQL then answers from the covering index alone.
        .annotate(sessions=Count("*"))
        .order_by("week", "effect")
    )


def journal_start(user) -> date | None:
    """The date of the person's first entry, a session or a check-in, in one query: time
    before it is unknown to the journal, not inactivity."""
    sessions = Session.objects.for_user(user).order_by().values("date")
    checkins = CheckIn.objects.for_user(user).order_by().values("date")
    first = sessions.union(checkins).order_by("date").values_list("date", flat=True)[:1]
    return next(iter(first), None)
