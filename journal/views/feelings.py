"""The dashboard's "How did it feel?": imported sessions that came without feelings."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from journal.core import words
from journal.core.forms import FeelingsForm
from journal.core.services import dismiss_feelings, save_session, undismiss_feelings
from journal.models import Session
from journal.views.common import changed

SHOWN = 10
PARTIAL = "journal/dashboard/includes/feelings_pending.html"


def due_feelings(user) -> tuple[list[Session], int]:
    """The first SHOWN sessions waiting for how they felt, and how many wait."""
    due = Session.objects.for_user(user).filter(
        feeling_after__isnull=True, feelings_dismissed=False
    )
    # One query when nothing is due (the usual case), two when something is.
    total = due.count()
    # The list shows each session's name alone.
    return (list(due.only(*Session.NAMED_BY)[:SHOWN]) if total else []), total


def feelings_context(user, expanded=False, due=None) -> dict:
    """The "How did it feel?" list; `due` is due_feelings(user) when already read."""
    shown, total = due_feelings(user) if due is None else due
    return {"feelings_due": shown, "feelings_due_total": total, "feelings_expanded": expanded}


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


UNDO_KEY = "feelings-stopped"  # the sessions the last "Stop asking" covered, for its undo


@login_required
@require_POST
def feelings_dismiss(request):
    """One tap: stop asking about every imported session waiting for its feelings."""
    stopped = dismiss_feelings(request.user)
    request.session[UNDO_KEY] = stopped
    count = len(stopped)
    if request.htmx:
        context = {**feelings_context(request.user), "feelings_stopped": count}
        return changed(render(request, PARTIAL, context))
    # Without htmx, the dashboard itself, with the card that holds the undo.
    from journal.views.dashboard import dashboard_page

    return dashboard_page(request, feelings_stopped=count)


@login_required
@require_POST
def feelings_undo(request):
    """Ask again about the sessions the last "Stop asking" covered (this person's only)."""
    count = undismiss_feelings(request.user, request.session.pop(UNDO_KEY, []))
    return _answer(request, f"Asking again about {words.count(count, 'imported session')}.")
