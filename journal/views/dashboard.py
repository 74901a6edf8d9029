import pickle
import uuid
from functools import partial

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe

from journal.core import snapshot
from journal.core.caching import digest, field_values, per_journal
from journal.core.forms import CheckInForm, QuickSessionForm, first_day
from journal.core.services import profile_for
from journal.dashboard import chart_cache, charts, patterns
from journal.models import CheckIn, Profile, Session
from journal.views.common import (
    CSRF_PLACEHOLDER,
    cut,
    effects_by_slug,
    filled,
    page_shown,
    per_content,
    render_cached,
)
from journal.views.dashboard_reads import (
    PENDING_LIMIT,
    PageReads,
    last_activity,
    page_reads,
    pending_sessions,
    profile_with_snapshot,
    read_page,
    snapshot_key,
)
from journal.views.dashboard_shell import (
    CARDS_MARKER,
    HOLES,
    LOG_KEY_PLACEHOLDER,
    PAGE,
    assembled_page,
    chart_card,
    fragment,
    kept_pieces,
)
from journal.views.feelings import PARTIAL as FEELINGS_PENDING
from journal.views.feelings import feelings_context

QUICK_PREFIX = "quick"  # the two dashboard forms share field names (date, note)
CHECKIN_PREFIX = "checkin"
EXPERIMENT_TODAY = "journal/experiments/today.html"
RANGE_LINKS = [(key, label) for key, (label, _days) in charts.RANGES.items()]


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


def pending_context(user, is_open=False, pending=None) -> dict:
    """Sessions logged here without an effort rating; `is_open` keeps the row open while
    rating; `pending` is pending_sessions(user) when already read."""
    shown, total = pending_sessions(user) if pending is None else pending
    return {
        "pending": shown,
        "pending_total": total,
        "pending_more": max(total - PENDING_LIMIT, 0),
        "pending_open": is_open,
        "effort_values": range(11),
    }


def summary_context(reads: PageReads) -> dict:
    """The first screen: this week against the guideline, the streak, today's mood."""
    summary = reads.summary
    return {
        "summary": summary,
        "guideline": charts.GUIDELINE_MINUTES,
        "guideline_left": max(charts.GUIDELINE_MINUTES - summary.week_minutes, 0),
    }


def chronic_context(profile, effects, reads: PageReads) -> dict:
    """The long-term card: patterns sustained or building today, ordered and folded by
    journal.dashboard.patterns."""
    today = profile.today()
    found, start = reads.long_term
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


def built_charts(profile, range_key, effects, reads: PageReads, kept_only=False):
    """The six charts of a range (chart_cache.build_charts) from the page's reads."""
    names = {slug: effect.name for slug, effect in effects.items()}
    today, start = profile.today(), reads.long_term[1]
    return chart_cache.build_charts(
        profile.user, range_key, today, start, names, reads.stamps, reads.live, kept_only
    )


def chart_cards(profile, built) -> list[list[str]]:
    """Each chart's card as pieces, with the section placed beside it
    (dashboard_shell.chart_card)."""
    from content.models import ChartPlacement

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
    return [chart_card(profile, chart, beside.get(chart.key)) for chart in built]


def drawn_by_write(profile, reads: PageReads) -> bool:
    """Whether what the write drew from `reads` (refresh) shows what this view shows: the
    sections and cards are a function of the reads and page_shown."""
    return reads.shown == page_shown(profile)


def written_charts(profile, effects, reads: PageReads) -> dict[str, list]:
    """Each range's chart cards as a write builds them for the next view (refresh): one
    list of pieces, in which each piece of a settled part (half a megabyte on All) is named
    (chart_cache.named_pieces) rather than copied. A range whose settled part this process
    does not keep is left to the view."""
    found = {}
    for range_key in charts.RANGES:
        built = built_charts(profile, range_key, effects, reads, kept_only=True)
        named = None if built is None else chart_cache.named_pieces(built)
        if named is not None:
            cards = chart_cards(profile, built)
            found[range_key] = [named.get(id(piece), piece) for card in cards for piece in card]
    return found


def written_cards(profile, range_key, reads: PageReads) -> list[str] | None:
    """The range's cards as the write built them (written_charts), their settled pieces put
    back from this process's settled parts; None if it built none or a part is not kept."""
    written = reads.charts.get(range_key) if drawn_by_write(profile, reads) else None
    if written is None:
        return None
    found = []
    for piece in written:
        if type(piece) is tuple:
            piece = chart_cache.settled_piece(*piece)
            if piece is None:
                return None
        found.append(piece)
    return found


def charts_context(range_key: str, cards: list) -> dict:
    """The charts section's context: a range's cards and the links to every range."""
    return {"chart_cards": cards, "range_key": range_key, "ranges": RANGE_LINKS}


def charts_section(request, profile, range_key, effects, reads: PageReads) -> list[str]:
    """The charts section of a range as pieces (dashboard_shell): its frame (the heading,
    the range links) rendered once per person, range and page_shown, its cards put in: as
    the write built them when it did (written_cards), else built here."""
    range_key = charts.chosen_range(range_key)
    cards = written_cards(profile, range_key, reads)
    if cards is None:
        built = chart_cards(profile, built_charts(profile, range_key, effects, reads))
        cards = [piece for card in built for piece in card]
    frame = kept_pieces(
        request.user,
        f"dashboard:charts:{digest([page_shown(profile), range_key])}",
        lambda: cut(
            render_to_string(
                f"{PAGE}#charts",
                {**charts_context(range_key, [CARDS_MARKER]), "csrf_token": CSRF_PLACEHOLDER},
                request,
            ),
            [CARDS_MARKER, *HOLES],
        ),
    )
    return filled(frame, {CARDS_MARKER: cards})


# The dashboard's widgets that refresh themselves on the "journal-changed" event.
FRAGMENTS = {
    "pending": lambda user, profile, reads: pending_context(user, pending=reads.pending),
    "summary": lambda user, profile, reads: summary_context(reads),
    "chronic": lambda user, profile, reads: chronic_context(
        profile, effects_by_slug(profile), reads
    ),
}


def dashboard_context(user, profile, reads: PageReads | None = None) -> dict:
    """Everything the page shows but its two forms and its charts (the cached page takes
    them from page_sections, a page sent back with a form's errors gets them itself);
    `reads`, when given, are page_reads' at the journal's current version."""
    effects = effects_by_slug(profile)
    reads = reads or page_reads(user, profile)
    return {
        "profile": profile,
        "reads": reads,
        "effects": effects,
        "todays_checkin": reads.checkin,
        **pending_context(user, pending=reads.pending),
        "experiment_today": reads.experiment_today,
        **feelings_context(user, due=reads.feelings),
        **summary_context(reads),
        **chronic_context(profile, effects, reads),
    }


def sessions_shown(sessions) -> list[tuple]:
    """What a list of sessions shows of each: its address and its name."""
    return [(session.pk, str(session)) for session in sessions]


def page_sections(profile, context: dict) -> dict:
    """The sections of the cached page (dashboard_page) but its charts, each from its own
    cache under the plain values it shows (dashboard_shell.fragment): the forms are rebuilt
    and rendered only when the last activity or today's check-in changes, the lists when a
    row in them (or their count) does, the card when a pattern's state or progress does.
    All are a function of the journal's reads and page_shown: a write renders them once it
    has read the page (refresh), and the first view after it takes them as they are."""
    user = profile.user
    activity = context["reads"].last_activity
    today = context["todays_checkin"]
    long_term = context["long_term"]
    card = [
        (e["slug"], e["state"], e["progress"], e["no_nudge"], e["quiet"])
        for e in (*long_term["headline"], *long_term["rest"])
    ]
    experiment = context["experiment_today"]
    line = experiment and {**experiment, "experiment": experiment["experiment"].pk}
    section = partial(fragment, profile)

    def page_context():
        return context

    return {
        "summary": section("summary", [context["summary"], context["guideline"]], page_context),
        "experiment_today": section("experiment-today", line, page_context, EXPERIMENT_TODAY),
        "quick_log": section(
            "quick-log",
            activity,
            lambda: {
                "quick_form": quick_form_for(user, profile, activity, LOG_KEY_PLACEHOLDER),
                "user": user,
            },
        ),
        "checkin": section(
            "checkin",
            today and field_values(today),
            lambda: {
                "checkin_form": checkin_form_for(user, profile, existing=today),
                "profile": profile,
            },
        ),
        "pending": section(
            "pending",
            [sessions_shown(context["pending"]), context["pending_total"]],
            page_context,
        ),
        "feelings": section(
            "feelings",
            [sessions_shown(context["feelings_due"]), context["feelings_due_total"]],
            page_context,
            FEELINGS_PENDING,
        ),
        "chronic": section("chronic", card, page_context),
    }


def refresh(sender, owner, **kwargs) -> None:
    """journal_written's receiver: read the page now, render its sections and build each
    range's chart cards from what was read, and keep all for the next view
    (dashboard_reads). What a view would draw, drawn by the write that changed it."""
    # The version is read before the journal, so the reads are never older than their key.
    profile = Profile.objects.filter(user=owner).first()
    if profile is None:  # the account is gone
        return
    profile.user = owner
    key = snapshot_key(profile)
    if snapshot.kept(owner, key):  # one transaction's second write: read already
        return
    reads = read_page(owner, profile)
    context = dashboard_context(owner, profile, reads)
    reads.sections = page_sections(profile, context)
    reads.charts = written_charts(profile, context["effects"], reads)
    reads.shown = page_shown(profile)
    snapshot.keep(owner, profile.journal_version, key, pickle.dumps(reads, pickle.HIGHEST_PROTOCOL))


def dashboard_page(request, quick_form=None, checkin_form=None, **extra):
    """The dashboard. A repeat view is the cached page (render_cached) with a new quick-log
    key; a form sent back with its errors, or another day's check-in (?date=), renders the
    page afresh around it."""
    request.user = unwrapped(request.user)
    profile = profile_with_snapshot(request.user)
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
        context = dashboard_context(request.user, profile)
        built = built_charts(profile, range_key, context["effects"], context["reads"])
        cards = [mark_safe("".join(card)) for card in chart_cards(profile, built)]
        shown = charts_context(range_key, cards)
        return render(request, PAGE, {**context, **shown, **forms, **extra})

    def pieces() -> dict:
        reads = page_reads(request.user, profile)
        charts = charts_section(request, profile, range_key, effects_by_slug(profile), reads)
        if drawn_by_write(profile, reads):  # the sections as the write rendered them
            found = {"journal_empty": reads.long_term[1] is None, "reads": reads}
            return {**found, "fragments": {**reads.sections, "charts": charts}}
        found = dashboard_context(request.user, profile, reads)
        return {**found, "fragments": {**page_sections(profile, found), "charts": charts}}

    def context() -> dict:  # a whole render (a message to show once): each section whole
        found = pieces()
        whole = {name: mark_safe("".join(piece)) for name, piece in found["fragments"].items()}
        return {**found, "fragments": whole}

    fresh = {LOG_KEY_PLACEHOLDER: lambda: str(uuid.uuid4())}
    assemble = partial(assembled_page, request, profile, pieces)
    return render_cached(request, profile, PAGE, range_key, context, fresh, assemble)


@login_required
def dashboard_fragment(request, name):
    if name not in FRAGMENTS:
        raise Http404("No such dashboard widget.")
    profile = profile_for(request.user)
    context = FRAGMENTS[name](request.user, profile, page_reads(request.user, profile))
    if name == "pending":
        context["pending_open"] = request.GET.get("open") == "1"
    return render(request, f"journal/dashboard/dashboard.html#{name}", context)


@login_required
def dashboard_charts(request):
    """The charts section alone (a range chosen, the journal changed), rendered once per
    journal version and what else the page shows (page_shown: the content, whose effect
    names and sections it shows); the whole page keeps its own."""
    profile = profile_for(request.user)
    range_key = charts.chosen_range(request.GET.get("range"))

    def section() -> str:
        reads = page_reads(request.user, profile)
        effects = effects_by_slug(profile)
        return "".join(charts_section(request, profile, range_key, effects, reads))

    html = per_journal(profile, f"charts:{range_key}:{page_shown(profile)}", section)
    if CSRF_PLACEHOLDER in html:  # none today: the section holds no form
        html = html.replace(CSRF_PLACEHOLDER, get_token(request))
    return HttpResponse(html)
