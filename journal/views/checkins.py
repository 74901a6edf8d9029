from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from journal.core.forms import CheckInForm
from journal.core.services import CheckInDateTaken, delete_checkin, profile_for, save_checkin
from journal.models import CheckIn
from journal.views.common import changed
from journal.views.dashboard import CHECKIN_PREFIX, checkin_form_for, dashboard_page

PAGE_SIZE = 30


def owned_checkin(request, pk) -> CheckIn:
    return get_object_or_404(CheckIn, pk=pk, owner=request.user)


def posted_date(request):
    try:
        return forms.DateField().clean(request.POST.get(f"{CHECKIN_PREFIX}-date"))
    except forms.ValidationError:
        return None  # the form reports it next to the date


def checkin_of_day(user, day) -> CheckIn:
    return CheckIn.objects.for_user(user).filter(date=day).first() or CheckIn(owner=user, date=day)


@login_required
@require_http_methods(["GET", "POST"])
def checkin_today(request):
    """The dashboard's daily check-in: creates or edits the check-in of the date posted.

    Today's by default; "Another day" back-fills that day's and leaves every
    other day (today's included) as it was.
    """
    if request.method == "GET":
        return redirect("journal:dashboard")
    profile = profile_for(request.user)
    instance = checkin_of_day(request.user, posted_date(request) or profile.today())
    form = CheckInForm(request.POST, instance=instance, profile=profile, prefix=CHECKIN_PREFIX)
    if form.is_valid():
        checkin = save_checkin(form.save(commit=False))
        day = "today" if checkin.date == profile.today() else f"{checkin.date:%-d %B %Y}"
        if request.htmx:
            context = {
                "checkin_form": checkin_form_for(request.user, profile),
                "saved": checkin,
                "saved_day": day,
            }
            return changed(render(request, "journal/dashboard/dashboard.html#checkin", context))
        messages.success(request, f"Check-in saved for {day}.")
        return redirect("journal:dashboard")
    if request.htmx:
        return render(request, "journal/dashboard/dashboard.html#checkin", {"checkin_form": form})
    messages.error(request, "The check-in was not saved: see the messages by the fields.")
    return dashboard_page(request, checkin_form=form)


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
            messages.success(request, f"Check-in of {checkin.date:%-d %B %Y} updated.")
            return redirect("journal:checkin_list")
    return render(request, "journal/checkin_form.html", {"form": form, "checkin": checkin})


@login_required
@require_http_methods(["GET", "POST"])
def checkin_delete(request, pk):
    checkin = owned_checkin(request, pk)
    if request.method == "POST":
        delete_checkin(checkin)
        messages.success(request, f"Check-in of {checkin.date:%-d %B %Y} deleted.")
        return redirect("journal:checkin_list")
    return render(request, "journal/checkin_confirm_delete.html", {"checkin": checkin})
