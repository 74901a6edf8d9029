"""The ORM side of the dashboard: one aggregate query per chart, scoped to its owner.

Each function returns plain rows (dicts, tuples) for journal.charts, which is
pure and builds the chart payloads. Aggregation per day, week and activity
type happens in SQL; rolling means and Foster's figures in journal.stats.
"""

from datetime import date

from django.db.models import Case, Count, DateField, F, Func, IntegerField, Sum, When

from journal.models import CheckIn, Intensity, Session, SessionTag

MVPA_ACTIVITIES = ["aerobic", "hiit", "mixed", "walking"]  # effect-rules.md 0.3
VIGOROUS_PLUS = [Intensity.VIGOROUS, Intensity.NEAR_MAX]


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
    return list(
        qs.order_by("date").values(
            "date", "mood", "sleep_quality", "anxiety", "energy", "motivation", "focus", "stress"
        )
    )


def weekly_moderate_minutes(user, start: date | None) -> list[dict]:
    """weekly-minutes: moderate-equivalent minutes per week and activity type, in SQL.

    Vigorous-or-harder minutes count twice [PAG18]; only the activity types
    that count toward the guideline, at moderate or harder, are summed.
    """
    qs = _since(Session.objects.for_user(user), "date", start).filter(
        activity__in=MVPA_ACTIVITIES,
        intensity__in=[Intensity.MODERATE, *VIGOROUS_PLUS],
    )
    return list(
        qs.annotate(week=WeekStart("date"))
        .values("week", "activity")
        .annotate(
            minutes=Sum(
                Case(
                    When(intensity__in=VIGOROUS_PLUS, then=F("minutes") * 2),
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


def journal_start(user) -> date | None:
    """The date of the person's first entry, a session or a check-in, in one query: time
    before it is unknown to the journal, not inactivity."""
    sessions = Session.objects.for_user(user).order_by().values("date")
    checkins = CheckIn.objects.for_user(user).order_by().values("date")
    first = sessions.union(checkins).order_by("date").values_list("date", flat=True)[:1]
    return next(iter(first), None)
