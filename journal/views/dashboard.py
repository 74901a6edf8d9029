import uuid
from datetime import timedelta
from functools import partial

from django import forms
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Window
from django.http import Http404
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject

from journal import tagging
from journal.core.caching import digest, field_values, per_journal, per_person
from journal.core.forms import CheckInForm, QuickSessionForm, first_day
from journal.core.services import FACT_FIELDS, LOOK_BACK, profile_facts, profile_for, session_facts
from journal.dashboard import chart_cache, charts, patterns, queries, stats
from journal.dashboard.chart_blocks import moderate_minutes
from journal.experiments import services as experiments
from journal.models import CheckIn, Session
from journal.views.common import (
    effects_by_slug,
    per_content,
    render_cached,
)
from journal.views.dashboard_shell import PAGE, assembled_page, fragment
from journal.views.experiments import today_context
from journal.views.feelings import PARTIAL as FEELINGS_PENDING
from journal.views.feelings import feelings_context

PENDING_LIMIT = 10
STREAK_WINDOW = 366  # days the summary reads back for the streak: a bounded query
QUICK_PREFIX = "quick"  # the two dashboard forms share field names (date, note)
CHECKIN_PREFIX = "checkin"
EXPERIMENT_TODAY = "journal/experiments/today.html"
# The quick log's idempotency key must be new on every view of the cached page (two tabs
# must not share one): the page holds this placeholder instead.
LOG_KEY_PLACEHOLDER = "log-key-placeholder-3f9c1e"


def unwrapped(user):
    """The account itself rather than the lazy stand-in AuthenticationMiddleware puts on the
    request (once it has been read): each of the page's dozen queries filtered by the
    stand-in pays for its indirection, about a twentieth of a millisecond."""
    if isinstance(user, SimpleLazyObject):
        user.is_authenticated  # noqa: B018 (reads the account, as any view of it would)
        return user._wrapped
    return user


def home(request):
    if not request.user.is_authenticated:
        return render(request, "journal/welcome.html")
    return dashboard_page(request)


def last_activity(user) -> str | None:
    """The activity of the person's last logged session: the quick log's default."""
    return (
        Session.objects.for_user(user)
        .order_by("-created_at", "-id")
        .values_list("activity", flat=True)
        .first()
    )


def quick_form_for(user, profile, activity=None, log_key=None) -> QuickSessionForm:
    """A blank quick-log form, its activity defaulting to the person's last one; `log_key`
    replaces the fresh idempotency key the form makes for itself."""
    if activity is None:
        activity = last_activity(user)
    initial = {"activity": activity or "aerobic", "date": profile.today()}
    if log_key:
        initial["uuid"] = log_key
    return QuickSessionForm(
        instance=Session(owner=user), profile=profile, prefix=QUICK_PREFIX, initial=initial
    )


def chosen_day(value, profile):
    """A day the person chose (a date up to today, not before the first accepted), else None."""
    try:
        day = forms.DateField().clean(value)
    except forms.ValidationError:
        return None
    if day is None or day > profile.today() or day.isoformat() < first_day(profile):
        return None
    return day


def checkin_form_for(user, profile, day=None, existing=False) -> CheckInForm:
    """One day's check-in form (today's by default), filled from that day's check-in when
    there is one, else blank; `existing` is that check-in (or None) when already read."""
    day = day or profile.today()
    if existing is False:
        existing = CheckIn.objects.for_user(user).filter(date=day).first()
    instance = existing or CheckIn(owner=user, date=day)
    return CheckInForm(
        instance=instance, profile=profile, initial={"date": day}, prefix=CHECKIN_PREFIX
    )


def pending_context(user, profile=None, is_open=False) -> dict:
    """Sessions logged here without an effort rating; `is_open` keeps the row open while
    rating. Imported sessions wait in "How did it feel?" instead, so that years of imports
    do not flood this list."""
    pending = Session.objects.for_user(user).filter(effort__isnull=True, source="")
    pending = pending.only(*Session.NAMED_BY)  # the list shows each session's name alone
    # The first rows and the count of all in one statement: COUNT(*) OVER () is taken
    # before the LIMIT.
    shown = list(pending.annotate(total=Window(Count("*")))[:PENDING_LIMIT])
    total = shown[0].total if shown else 0
    return {
        "pending": shown,
        "pending_total": total,
        "pending_more": max(total - PENDING_LIMIT, 0),
        "pending_open": is_open,
        "effort_values": range(11),
    }


def todays_checkin(user, profile) -> CheckIn | None:
    """Today's check-in, if any: the summary's mood and the check-in form read the one row."""
    return CheckIn.objects.for_user(user).filter(date=profile.today()).first()


def recent_sessions(user, today, experiment=None) -> list[dict]:
    """The sessions the page's sections read, in one statement: the last 84 days (the
    long-term card's windows, the summary's week and most streaks) and the days of the
    experiment under way, if any (queries.recent_sessions)."""
    start = today - LOOK_BACK
    if experiment is None:
        return queries.recent_sessions(user, start, today)
    plan = experiment.plan
    return queries.recent_sessions(user, min(start, plan.start), max(today, plan.last_day))


def summary_context(user, profile, checkin=False, recent=None) -> dict:
    """The first screen: this week against the guideline, the streak, today's mood;
    `checkin` is today's check-in (or None) when already read, `recent` the rows of
    recent_sessions."""
    if checkin is False:
        checkin = todays_checkin(user, profile)
    today = profile.today()
    if recent is None:
        recent = recent_sessions(user, today)
    start, monday = today - LOOK_BACK, stats.week_start(today)
    active = {row["date"] for row in recent if start <= row["date"] <= today}
    week = [moderate_minutes(row) for row in recent if monday <= row["date"] <= today]
    # The days before those read, for a streak longer than they are: always read, so that
    # the page's statements are the same whatever the history.
    since = today - timedelta(days=STREAK_WINDOW - 1)
    active.update(queries.active_days(user, since, start - timedelta(days=1)))
    summary = stats.summarise(active, week, today, since, checkin.mood if checkin else None)
    return {
        "summary": summary,
        "guideline": charts.GUIDELINE_MINUTES,
        "guideline_left": max(charts.GUIDELINE_MINUTES - summary.week_minutes, 0),
    }


def long_term_patterns(user, profile, recent=None) -> tuple[dict, object]:
    """Each long-term effect's pattern today (journal.tagging.chronic_progress) and the date
    of the journal's first entry, cached until the journal changes. Reads the last 84 days,
    the longest window (from `recent`, recent_sessions' rows, when given); an effect whose
    last contributing session is older shows as neither. The patterns are computed once per
    person and what the rules read (those sessions' facts, the profile's, today), so a
    check-in or a note computes none again."""
    today = profile.today()

    def compute():
        start = today - LOOK_BACK
        rows = recent_sessions(user, today) if recent is None else recent
        rows = [row for row in rows if start <= row["date"] <= today]
        person = profile_facts(profile)
        facts = [tuple(row[f] for f in FACT_FIELDS) for row in rows]
        read = [today, person, tagging.RULES_VERSION, facts]
        found = per_person(
            user,
            f"long-term:{digest(read)}",
            lambda: tagging.chronic_progress(session_facts(rows), person, today),
        )
        return found, queries.journal_start(user)

    return per_journal(profile, f"long-term:{today.isoformat()}", compute)


def chronic_context(user, profile, effects, recent=None) -> dict:
    """The long-term card: patterns sustained or building today, ordered and folded by
    journal.dashboard.patterns; `recent` as long_term_patterns reads it."""
    today = profile.today()
    found, start = long_term_patterns(user, profile, recent)
    card = patterns.long_term_card(found, patterns.evidence_orders(effects))

    def entry(slug, pattern):
        effect = effects.get(slug)
        grade = effect.evidence_grade if effect else ""
        progress = "" if pattern.state == "sustained" else pattern.progress
        return {
            "slug": slug,
            "effect": effect,
            "state": pattern.state,
            "progress": patterns.shown_progress(slug, progress, today, start, grade),
            "no_nudge": slug in patterns.NO_NUDGE,
            "quiet": grade == patterns.QUIET_GRADE,
        }

    return {
        "journal_empty": start is None,  # a new journal: the dashboard offers an import
        "long_term": {
            "headline": [entry(*item) for item in card.headline],
            "rest": [entry(*item) for item in card.rest],
            "total": card.total,
        },
    }


def charts_context(user, profile, range_key, effects) -> dict:
    """The six charts for a range, each with the section placed beside it."""
    from content.models import ChartPlacement

    range_key = charts.chosen_range(range_key)
    effect_names = {slug: effect.name for slug, effect in effects.items()}
    today = profile.today()

    def compute() -> list[charts.Chart]:
        journal_start = long_term_patterns(user, profile)[1]
        built = chart_cache.build_charts(user, range_key, today, journal_start, effect_names)
        return [chart.ready() for chart in built]

    # Effect names are content, edited in the admin without touching anyone's journal.
    name = f"charts:{range_key}:{today.isoformat()}:{digest(effect_names)}"
    built = per_journal(profile, name, compute)
    beside = per_content(
        profile,
        "chart-placements",
        lambda: {
            p.chart_key: p.section
            for p in ChartPlacement.objects.select_related("section").filter(
                section__published=True
            )
        },
    )
    return {
        "charts": [(chart, beside.get(chart.key)) for chart in built],
        "range_key": range_key,
        "ranges": [(key, label) for key, (label, _days) in charts.RANGES.items()],
    }


# The dashboard's widgets that refresh themselves on the "journal-changed" event.
FRAGMENTS = {
    "pending": pending_context,
    "summary": summary_context,
    "chronic": lambda user, profile: chronic_context(user, profile, effects_by_slug(profile)),
}


def dashboard_context(user, profile, range_key) -> dict:
    """Everything the page shows but its two forms (the cached page takes them from
    page_fragments, a page sent back with a form's errors gets them itself)."""
    effects = effects_by_slug(profile)
    checkin = todays_checkin(user, profile)
    experiment = experiments.active(user, profile.today())
    recent = recent_sessions(user, profile.today(), experiment)
    return {
        "profile": profile,
        "todays_checkin": checkin,
        **pending_context(user),
        **today_context(user, profile, experiment, recent),
        **feelings_context(user, profile),
        **summary_context(user, profile, checkin, recent),
        **chronic_context(user, profile, effects, recent),
        **charts_context(user, profile, range_key, effects),
    }


def sessions_shown(sessions) -> list[tuple]:
    """What a list of sessions shows of each: its address and its name."""
    return [(session.pk, str(session)) for session in sessions]


def page_fragments(request, profile, context: dict) -> dict:
    """The sections of the cached page (dashboard_page), each from its own cache under the
    plain values it shows: the forms are rebuilt and rendered only when the last activity or
    today's check-in changes, the lists when a row in them (or their count) does, the card
    when a pattern's state or progress does."""
    user = request.user
    activity = last_activity(user)
    today = context["todays_checkin"]
    long_term = context["long_term"]
    card = [
        (e["slug"], e["state"], e["progress"], e["no_nudge"], e["quiet"])
        for e in (*long_term["headline"], *long_term["rest"])
    ]
    experiment = context["experiment_today"]
    line = experiment and {**experiment, "experiment": experiment["experiment"].pk}

    def page_context():
        return context

    return {
        "summary": fragment(
            request, profile, "summary", [context["summary"], context["guideline"]], page_context
        ),
        "experiment_today": fragment(
            request, profile, "experiment-today", line, page_context, EXPERIMENT_TODAY
        ),
        "quick_log": fragment(
            request,
            profile,
            "quick-log",
            activity,
            lambda: {
                "quick_form": quick_form_for(user, profile, activity, LOG_KEY_PLACEHOLDER),
                "user": user,
            },
        ),
        "checkin": fragment(
            request,
            profile,
            "checkin",
            today and field_values(today),
            lambda: {
                "checkin_form": checkin_form_for(user, profile, existing=today),
                "profile": profile,
            },
        ),
        "pending": fragment(
            request,
            profile,
            "pending",
            [sessions_shown(context["pending"]), context["pending_total"]],
            page_context,
        ),
        "feelings": fragment(
            request,
            profile,
            "feelings",
            [sessions_shown(context["feelings_due"]), context["feelings_due_total"]],
            page_context,
            FEELINGS_PENDING,
        ),
        "chronic": fragment(request, profile, "chronic", card, page_context),
    }


def dashboard_page(request, quick_form=None, checkin_form=None, **extra):
    """The dashboard. A repeat view is the cached page (render_cached) with a new quick-log
    key; a form sent back with its errors, or another day's check-in (?date=), renders the
    page afresh around it."""
    request.user = unwrapped(request.user)
    profile = profile_for(request.user)
    range_key = charts.chosen_range(request.GET.get("range"))
    if request.method == "GET" and request.GET.get("date") and not checkin_form:
        day = chosen_day(request.GET["date"], profile)
        checkin_form = checkin_form_for(request.user, profile, day) if day else None
        extra["checkin_open"] = True
    if quick_form or checkin_form or extra:
        forms = {
            "quick_form": quick_form or quick_form_for(request.user, profile),
            "checkin_form": checkin_form or checkin_form_for(request.user, profile),
        }
        context = dashboard_context(request.user, profile, range_key)
        return render(request, PAGE, {**context, **forms, **extra})

    def context() -> dict:
        found = dashboard_context(request.user, profile, range_key)
        return {**found, "fragments": page_fragments(request, profile, found)}

    fresh = {LOG_KEY_PLACEHOLDER: lambda: str(uuid.uuid4())}
    assemble = partial(assembled_page, request, profile, context)
    return render_cached(request, profile, PAGE, range_key, context, fresh, assemble)


@login_required
def dashboard_fragment(request, name):
    if name not in FRAGMENTS:
        raise Http404("No such dashboard widget.")
    context = FRAGMENTS[name](request.user, profile_for(request.user))
    if name == "pending":
        context["pending_open"] = request.GET.get("open") == "1"
    return render(request, f"journal/dashboard/dashboard.html#{name}", context)


@login_required
def dashboard_charts(request):
    profile = profile_for(request.user)
    context = charts_context(
        request.user, profile, request.GET.get("range"), effects_by_slug(profile)
    )
    return render(request, "journal/dashboard/dashboard.html#charts", context)
