"""The Insights page: the article's claims tested on the person's own journal, the
dashboard's small card of the claims that have a verdict, and the one tap that adds a
check-in item a claim waits on."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_POST

from journal import insights
from journal.core.ranges import CHECKIN_ITEMS
from journal.core.services import profile_for, save_profile
from journal.views.common import partial_or_page, render_cached

PAGE = "journal/insights/insights.html"


@login_required
def insights_page(request):
    """The claims per range, the whole page or (htmx) its claims, each cached whole per
    journal version (render_cached)."""
    profile = profile_for(request.user)
    range_key = insights.insight_range(request.GET.get("range"))
    template = partial_or_page(request, PAGE, "claims")
    response = render_cached(
        request,
        profile,
        template,
        range_key,
        lambda: insights.claims_page(request.user, profile, range_key),
    )
    patch_vary_headers(response, ["HX-Request"])
    return response


@login_required
@require_POST
def keep_checkin_item(request):
    """Add one optional item to the person's daily check-in, from the claim that waits on
    it. htmx gets the claims again (the notice on top); a plain form, a redirect back."""
    profile = profile_for(request.user)
    item = request.POST.get("item", "")
    range_key = insights.insight_range(request.POST.get("range"))
    status, ok = 200, True
    if item not in CHECKIN_ITEMS:
        status, ok = 400, False
        notice = "That is not one of the check-in items, so nothing was changed."
    elif item in profile.checkin_items:
        notice = f"{CHECKIN_ITEMS[item]} is already in your daily check-in."
    else:
        chosen = {*profile.checkin_items, item}
        profile.checkin_items = [name for name in CHECKIN_ITEMS if name in chosen]
        save_profile(profile)
        profile = profile_for(request.user)  # the write moved the journal version on
        notice = (
            f"{CHECKIN_ITEMS[item]} is now in your daily check-in. Rate it each morning and "
            "the claims about it fill in; you can change the items in your profile."
        )
    if request.htmx:
        context = {**insights.claims_page(request.user, profile, range_key), "notice": notice}
        response = render(request, f"{PAGE}#claims", context, status=status)
        patch_vary_headers(response, ["HX-Request"])
        return response
    (messages.success if ok else messages.error)(request, notice)
    return redirect(f"{reverse('journal:insights')}?range={range_key}#insights-waiting")


@login_required
def insights_card(request):
    """The dashboard card's claims, loaded when the card is first opened, so that the
    dashboard itself never computes them."""
    _, pairs = insights.claims(request.user)
    cards = [card for card, _ in pairs]
    context = {
        "insights_loaded": True,
        "insight_cards": [card for card in cards if card.verdict != insights.NOT_ENOUGH_DATA],
        "caveats": insights.caveats(cards),
    }
    return render(request, "journal/insights/includes/insights_card.html#claims", context)
