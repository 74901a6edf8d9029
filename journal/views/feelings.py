"""The dashboard's "How did it feel?": imported sessions that came without feelings."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from journal.core.forms import FeelingsForm
from journal.core.services import dismiss_feelings, profile_for, save_session
from journal.models import Session
from journal.views.common import changed

SHOWN = 10
OLD_AFTER = timedelta(days=14)  # older than this, a feeling is hard to recall: one tap dismisses
PARTIAL = "journal/dashboard/includes/feelings_pending.html"


def feelings_context(user, profile=None, expanded=False) -> dict:
    profile = profile or profile_for(user)
    due = Session.objects.for_user(user).filter(
        feeling_after__isnull=True, feelings_dismissed=False
    )
    old_before = profile.today() - OLD_AFTER
    # One query when nothing is due (the usual case), two when something is.
    counts = due.aggregate(total=Count("id"), old=Count("id", filter=Q(date__lt=old_before)))
    return {
        "feelings_due": list(due[:SHOWN]) if counts["total"] else [],
        "feelings_due_total": counts["total"],
        "feelings_old_total": counts["old"],
        "feelings_expanded": expanded,
    }


def _answer(request, message):
    if request.htmx:
        return changed(render(request, PARTIAL, feelings_context(request.user, expanded=True)))
    messages.success(request, message)
    return redirect("journal:dashboard")


@login_required
def feelings_pending(request):
    expanded = request.GET.get("open") == "1"
    return render(request, PARTIAL, feelings_context(request.user, expanded=expanded))


@login_required
@require_POST
def session_feelings(request, pk):
    session = get_object_or_404(Session, pk=pk, owner=request.user)
    form = FeelingsForm(request.POST, instance=session)
    if not form.is_valid():
        if request.htmx:
            context = {**feelings_context(request.user, expanded=True), "error_for": session.pk}
            return render(request, PARTIAL, context)
        messages.error(request, "Choose a feeling before and after, from -5 to +5.")
        return redirect("journal:dashboard")
    save_session(form.save(commit=False))
    return _answer(request, f"Feelings saved for {session}.")


@login_required
@require_POST
def feelings_dismiss(request):
    count = dismiss_feelings(request.user, profile_for(request.user).today() - OLD_AFTER)
    return _answer(
        request, f"{count} older session{'s' if count != 1 else ''} will not be asked about."
    )
