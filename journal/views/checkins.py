from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from journal.forms import CheckInForm
from journal.models import CheckIn
from journal.services import profile_for
from journal.views.common import changed
from journal.views.dashboard import CHECKIN_PREFIX, checkin_form_for, dashboard_page

PAGE_SIZE = 30


def owned_checkin(request, pk) -> CheckIn:
    return get_object_or_404(CheckIn, pk=pk, owner=request.user)


@login_required
@require_http_methods(["GET", "POST"])
def checkin_today(request):
    """The dashboard's daily check-in: creates today's, or edits it if it exists."""
    if request.method == "GET":
        return redirect("journal:dashboard")
    profile = profile_for(request.user)
    instance = checkin_form_for(request.user, profile).instance
    form = CheckInForm(request.POST, instance=instance, profile=profile, prefix=CHECKIN_PREFIX)
    if form.is_valid():
        checkin = form.save()
        if request.htmx:
            context = {"checkin_form": checkin_form_for(request.user, profile), "saved": checkin}
            return changed(render(request, "journal/dashboard.html#checkin", context))
        messages.success(request, "Check-in saved.")
        return redirect("journal:dashboard")
    if request.htmx:
        return render(request, "journal/dashboard.html#checkin", {"checkin_form": form})
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
        form.save()
        messages.success(request, f"Check-in of {checkin.date:%-d %B %Y} updated.")
        return redirect("journal:checkin_list")
    return render(request, "journal/checkin_form.html", {"form": form, "checkin": checkin})


@login_required
@require_http_methods(["GET", "POST"])
def checkin_delete(request, pk):
    checkin = owned_checkin(request, pk)
    if request.method == "POST":
        checkin.delete()
        messages.success(request, f"Check-in of {checkin.date:%-d %B %Y} deleted.")
        return redirect("journal:checkin_list")
    return render(request, "journal/checkin_confirm_delete.html", {"checkin": checkin})
