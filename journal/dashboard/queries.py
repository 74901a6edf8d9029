"""The ORM side of the dashboard: one aggregate query per chart, scoped to its owner.

Each function returns plain rows (dicts, tuples) for journal.dashboard.charts, which is
pure and builds the chart payloads. Aggregation per day, week and activity
type happens in SQL; rolling means and Foster's figures in journal.dashboard.stats.
"""

from datetime import date

from django.db import connection
from django.db.models import Count, DateField, Func

from journal.core.services import FACT_FIELDS
from journal.models import CHECKIN_ITEMS, CheckIn, Session, SessionTag


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


def recent_sessions(user, start: date, end: date) -> list[dict]:
    """The sessions dated `start` to `end`, newest first, each with what the rules read
    (journal.core.services.FACT_FIELDS), its intensity and its feelings: the dashboard's
    sections that read recent sessions (the long-term card, the summary's week and streak,
    the experiment line) take their days from this one statement."""
    rows = Session.objects.for_user(user).between(start, end)
    return list(rows.values(*FACT_FIELDS, "intensity", "feeling_before", "feeling_after"))


def active_days(user, start: date, end: date) -> list[date]:
    """The days from `start` to `end` with a session, from the (owner, date) index alone."""
    days = Session.objects.for_user(user).between(start, end).order_by()
    return list(days.values_list("date", flat=True).distinct())


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
    before it is unknown to the journal, not inactivity. Each table's MIN(date) is one step
    down its (owner, date) index. Written in SQL: the ORM's UNION of both tables' dates
    sorted them all (2.4 ms on PostgreSQL at ten years), and its scalar subqueries cost a
    millisecond of Python to build."""
    parts = [
        f'SELECT MIN("date") FROM "{model._meta.db_table}" WHERE "owner_id" = %s'
        for model in (Session, CheckIn)
    ]
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), [user.pk, user.pk])
        found = [day for (day,) in cursor.fetchall() if day is not None]
    # SQLite hands dates back as text, PostgreSQL as dates.
    found = [date.fromisoformat(day) if isinstance(day, str) else day for day in found]
    return min(found) if found else None
