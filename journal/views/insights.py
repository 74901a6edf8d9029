"""The Insights page: the article's claims tested on the person's own journal, and the
dashboard's small card of the claims that have a verdict."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.cache import patch_vary_headers

from journal import insights
from journal.core.services import profile_for
from journal.views.common import partial_or_page, render_cached


@login_required
def insights_page(request):
    """The claims per range, the whole page or (htmx) its claims, each cached whole per
    journal version (render_cached)."""
    profile = profile_for(request.user)
    range_key = insights.insight_range(request.GET.get("range"))
    template = partial_or_page(request, "journal/insights/insights.html", "claims")

    def context() -> dict:
        report, cards = insights.claims(request.user, range_key, profile=profile)
        groups = [
            (heading, [(c, e) for c, e in cards if c.result.claim.kind == kind])
            for kind, heading in insights.KIND_HEADINGS.items()
        ]
        return {
            "report": report,
            "groups": groups,
            "range_key": report.range_key,
            "ranges": [(key, insights.RANGE_LABELS[key]) for key in insights.INSIGHT_RANGES],
            "with_verdict": sum(c.verdict != "not_enough_data" for c, _ in cards),
        }

    response = render_cached(request, profile, template, range_key, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@login_required
def insights_card(request):
    """The dashboard card's claims, loaded when the card is first opened, so that the
    dashboard itself never computes them."""
    _, cards = insights.claims(request.user)
    shown = [card for card, _ in cards if card.verdict != "not_enough_data"]
    context = {"insights_loaded": True, "insight_cards": shown}
    return render(request, "journal/insights/includes/insights_card.html#claims", context)
