from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from journal import tagging
from journal.core.forms import EffortForm, QuickSessionForm, SessionFilterForm, SessionForm
from journal.core.services import delete_session, profile_for, save_new_session_once, save_session
from journal.dashboard import patterns, queries
from journal.models import Session, SessionTag
from journal.views.common import changed, effects_by_slug, render_partial_or_page
from journal.views.dashboard import (
    QUICK_PREFIX,
    dashboard_page,
    pending_context,
    quick_form_for,
)

PAGE_SIZE = 20


def owned_session(request, pk) -> Session:
    return get_object_or_404(Session, pk=pk, owner=request.user)


@login_required
def session_list(request):
    filters = SessionFilterForm(request.GET or None)
    sessions = Session.objects.for_user(request.user).prefetch_related("tags")
    if filters.is_valid():
        data = filters.cleaned_data
        sessions = sessions.between(data["start"], data["end"])
        if data["activity"]:
            sessions = sessions.filter(activity=data["activity"])
    page = Paginator(sessions, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "filters": filters,
        "page": page,
        "query": query.urlencode(),
        "profile": profile_for(request.user),
        "effects": effects_by_slug(),
    }
    return render_partial_or_page(request, "journal/session_list.html", "results", context)


@login_required
@require_http_methods(["GET", "POST"])
def session_new(request):
    profile = profile_for(request.user)
    instance = Session(owner=request.user, date=profile.today())
    form = SessionForm(request.POST or None, instance=instance, profile=profile)
    if request.method == "POST" and form.is_valid():
        session = save_session(form.save(commit=False))
        messages.success(request, f"Logged: {session}.")
        return redirect(session)
    return render(request, "journal/session_form.html", {"form": form, "profile": profile})


QUEUED_FOR_HEADER = "X-Journal-Account"


@login_required
@require_http_methods(["GET", "POST"])
def session_quick(request):
    """The dashboard's quick log. htmx swaps the form; without JS it redirects."""
    if request.method == "GET":
        return redirect("journal:dashboard")
    queued_for = request.headers.get(QUEUED_FOR_HEADER)
    if queued_for is not None and queued_for != str(request.user.pk):
        # A log kept on the device for another account (static/js/offline.js): it is
        # never saved into this one. The page keeps it, unsent, for its own account.
        return HttpResponse(status=409)
    profile = profile_for(request.user)
    form = QuickSessionForm(
        request.POST, instance=Session(owner=request.user), profile=profile, prefix=QUICK_PREFIX
    )
    if not form.is_valid():
        if request.htmx:
            return render(
                request, "journal/dashboard/dashboard.html#quick-log", {"quick_form": form}
            )
        messages.error(request, "The session was not saved: see the messages by the fields.")
        return dashboard_page(request, quick_form=form)
    # A resend of a log already saved (same uuid) is answered as if just saved.
    session, _new = save_new_session_once(form.save(commit=False))
    if request.htmx:
        fresh = quick_form_for(request.user, profile, activity=session.activity)
        context = {"quick_form": fresh, "just_logged": session}
        return changed(render(request, "journal/dashboard/dashboard.html#quick-log", context))
    messages.success(request, f"Logged: {session}.")
    return redirect("journal:dashboard")


def tag_progress(tags, session, journal_start, effects) -> dict:
    """Each chronic tag's progress as shown on its session, by rule id (none for grade C)."""
    return {
        tag.rule: patterns.shown_progress(
            tag.effect, tag.progress, session.date, journal_start, _grade(effects, tag.effect)
        )
        for tag in tags
        if tag.timescale == "chronic"
    }


def _grade(effects, slug) -> str:
    effect = effects.get(slug)
    return effect.evidence_grade if effect else ""


@login_required
def session_detail(request, pk):
    session = owned_session(request, pk)
    tags = list(session.tags.all())
    effects = effects_by_slug()
    context = {
        "session": session,
        "tags": tags,
        "effects": effects,
        "progress": tag_progress(tags, session, queries.journal_start(request.user), effects),
        "no_nudge": patterns.NO_NUDGE,
        "profile": profile_for(request.user),
    }
    return render(request, "journal/session_detail.html", context)


@login_required
def tag_why(request, pk, rule):
    """Why one tag was given: a fragment for htmx, a page of its own without JS."""
    if not rule.isprintable():  # a NUL cannot even be looked up in PostgreSQL
        raise Http404("No such rule.")
    session = owned_session(request, pk)
    tag = get_object_or_404(SessionTag, session=session, rule=rule)
    effect = effects_by_slug().get(tag.effect)
    quiet = (
        tag.effect in patterns.NO_NUDGE
        or _grade({tag.effect: effect}, tag.effect) == patterns.QUIET_GRADE
    )
    why = tagging.explain(
        tagging.Tag(
            tag.effect,
            tag.timescale,
            tag.status,
            tag.magnitude,
            tag.rule,
            tag.rule_version,
            # Hormone and grade C patterns: the reading without progress figures (no nudge).
            {k: v for k, v in tag.inputs.items() if k != "progress"} if quiet else tag.inputs,
        ),
        session.date,
        queries.journal_start(request.user),
    )
    context = {
        "session": session,
        "tag": tag,
        "why": why,
        "effect": effect,
        "rule": tagging.RULES_BY_ID.get(tag.rule),
    }
    return render_partial_or_page(request, "journal/tag_why.html", "why", context)


@login_required
@require_http_methods(["GET", "POST"])
def session_edit(request, pk):
    session = owned_session(request, pk)
    profile = profile_for(request.user)
    form = SessionForm(request.POST or None, instance=session, profile=profile)
    if request.method == "POST" and form.is_valid():
        save_session(form.save(commit=False))
        messages.success(request, "Session updated.")
        return redirect(session)
    return render(
        request, "journal/session_form.html", {"form": form, "session": session, "profile": profile}
    )


@login_required
@require_http_methods(["GET", "POST"])
def session_delete(request, pk):
    session = owned_session(request, pk)
    if request.method == "POST":
        description = str(session)
        delete_session(session)
        messages.success(request, f"Deleted: {description}.")
        return redirect("journal:session_list")
    return render(request, "journal/session_confirm_delete.html", {"session": session})


@login_required
@require_POST
def session_effort(request, pk):
    """Rate a session's effort after the fact (the dashboard's one-tap list)."""
    session = owned_session(request, pk)
    form = EffortForm(request.POST, instance=session)
    if form.is_valid():
        save_session(form.save(commit=False))
        if request.htmx:
            return changed(
                render(
                    request,
                    "journal/dashboard/dashboard.html#pending",
                    pending_context(request.user, is_open=True),
                )
            )
        messages.success(request, f"Effort saved for {session}.")
    else:
        messages.error(request, "Choose an effort from 0 to 10.")
    return redirect("journal:dashboard")
