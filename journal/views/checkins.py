import copy
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from journal.core import words
from journal.core.forms import CheckInForm
from journal.core.services import CheckInDateTaken, delete_checkin, profile_for, save_checkin
from journal.models import CheckIn
from journal.views.common import changed
from journal.views.dashboard import (
    CHECKIN_PREFIX,
    checkin_form_for,
    chosen_day,
    dashboard_page,
)

PAGE_SIZE = 30
FORM_PARTIAL = "journal/includes/checkin_form.html"
SHEET_PARTIAL = "journal/dashboard/dashboard.html#checkin"  # the dashboard's check-in card


def owned_checkin(request, pk) -> CheckIn:
    return get_object_or_404(CheckIn, pk=pk, owner=request.user)


def checkin_of_day(user, day) -> CheckIn:
    return CheckIn.objects.for_user(user).filter(date=day).first() or CheckIn(owner=user, date=day)


def _form_context(form, standalone, **extra) -> dict:
    return {"checkin_form": form, "standalone": standalone, **extra}


@login_required
@require_safe
def checkin_day(request):
    """One day's check-in form, filled from that day's check-in or blank, before anything
    is saved: the htmx swap when the date changes, and the page of "Add a check-in for
    another day" (?date=, yesterday by default) that works without JavaScript."""
    profile = profile_for(request.user)
    asked = request.GET.get("date") or request.GET.get(f"{CHECKIN_PREFIX}-date")
    day = chosen_day(asked, profile)
    standalone = not request.htmx or request.GET.get("standalone") == "1"
    fallback = profile.today() - timedelta(days=1) if standalone else profile.today()
    form = checkin_form_for(request.user, profile, day or fallback)
    context = _form_context(form, standalone, day_refused=bool(asked) and day is None)
    if request.htmx:
        return render(request, FORM_PARTIAL, context)
    return render(request, "journal/checkin_day.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def checkin_today(request):
    """Saves the check-in of the day the form names (the dashboard's, today's by default,
    and the page's for another day). A day whose check-in the form did not show is
    replaced only after the person has seen what it holds and agreed, once."""
    if request.method == "GET":
        return redirect("journal:dashboard")
    profile = profile_for(request.user)
    standalone = request.POST.get("standalone") == "1"
    day = chosen_day(request.POST.get(f"{CHECKIN_PREFIX}-date"), profile)
    stored = checkin_of_day(request.user, day) if day else CheckIn(owner=request.user)
    before = copy.copy(stored)  # the form writes the posted values onto its instance
    form = CheckInForm(request.POST, instance=stored, profile=profile, prefix=CHECKIN_PREFIX)
    if form.is_valid() and form.replaces(before):
        return _form_again(request, form, standalone, profile, replacing=before)
    if form.is_valid():
        checkin = save_checkin(form.save(commit=False))
        said = words.day_or_today(checkin.date, profile.today(), named=True)
        said = "today" if checkin.date == profile.today() else said
        if request.htmx and not standalone:
            context = {
                "checkin_form": checkin_form_for(request.user, profile),
                "profile": profile,
                "saved": checkin,
                "saved_day": said,
            }
            return changed(render(request, SHEET_PARTIAL, context))
        messages.success(request, f"Check-in saved for {said}.")
        return redirect("journal:checkin_list" if standalone else "journal:dashboard")
    if not request.htmx:
        messages.error(request, "The check-in was not saved: see the messages by the fields.")
    return _form_again(request, form, standalone, profile)


def _form_again(request, form, standalone, profile, **extra):
    """The posted form back, with its errors or the question before replacing a day."""
    if standalone:
        return render(request, "journal/checkin_day.html", _form_context(form, True, **extra))
    if request.htmx:
        context = {"profile": profile, **_form_context(form, False, **extra)}
        return render(request, SHEET_PARTIAL, context)
    return dashboard_page(request, checkin_form=form, **extra)


@login_required
def checkin_list(request):
    checkins = CheckIn.objects.for_user(request.user)
    page = Paginator(checkins, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "journal/checkin_list.html",
        {"page": page, "profile": profile_for(request.user)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def checkin_edit(request, pk):
    checkin = owned_checkin(request, pk)
    profile = profile_for(request.user)
    form = CheckInForm(request.POST or None, instance=checkin, profile=profile)
    if request.method == "POST" and form.is_valid():
        try:
            save_checkin(form.save(commit=False))
        except CheckInDateTaken as taken:
            form.add_error("date", taken)
        else:
            messages.success(request, f"Check-in of {words.day(checkin.date)} updated.")
            return redirect("journal:checkin_list")
    return render(request, "journal/checkin_form.html", {"form": form, "checkin": checkin})


@login_required
@require_http_methods(["GET", "POST"])
def checkin_delete(request, pk):
    checkin = owned_checkin(request, pk)
    if request.method == "POST":
        delete_checkin(checkin)
        messages.success(request, f"Check-in of {words.day(checkin.date)} deleted.")
        return redirect("journal:checkin_list")
    return render(request, "journal/checkin_confirm_delete.html", {"checkin": checkin})
