"""The Insights page: the article's claims tested on the person's own journal, and the
dashboard's small card of the claims that have a verdict."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.cache import patch_vary_headers

from journal.core.services import profile_for
from journal.dashboard import queries
from journal.insights import cards as insight_cards
from journal.views.common import partial_or_page, render_cached


def effects_with_sections() -> dict:
    """The content app's effects by slug, with their sections, in one query."""
    from content.models import Effect

    return Effect.objects.select_related("section").in_bulk(field_name="slug")


def claim_cards(user, range_key=None, effects=None, profile=None) -> tuple:
    """(report, [(card, effect)]) for a range; `effects` by slug and the profile are read
    when not given."""
    profile = profile or profile_for(user)
    report = queries.insight_report(user, profile, range_key)
    effects = effects_with_sections() if effects is None else effects
    names = {slug: effect.name for slug, effect in effects.items()}
    cards = insight_cards.cards(report.results, names)
    return report, [(card, effects.get(card.effect_slug)) for card in cards]


@login_required
def insights_page(request):
    """The claims per range, the whole page or (htmx) its claims, each cached whole per
    journal version (render_cached)."""
    profile = profile_for(request.user)
    range_key = queries.insight_range(request.GET.get("range"))
    template = partial_or_page(request, "journal/insights/insights.html", "claims")

    def context() -> dict:
        report, cards = claim_cards(request.user, range_key, profile=profile)
        groups = [
            (heading, [(c, e) for c, e in cards if c.result.claim.kind == kind])
            for kind, heading in insight_cards.KIND_HEADINGS.items()
        ]
        return {
            "report": report,
            "groups": groups,
            "range_key": report.range_key,
            "ranges": [(key, queries.RANGE_LABELS[key]) for key in queries.INSIGHT_RANGES],
            "with_verdict": sum(c.verdict != "not_enough_data" for c, _ in cards),
        }

    response = render_cached(request, profile, template, range_key, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@login_required
def insights_card(request):
    """The dashboard card's claims, loaded when the card is first opened, so that the
    dashboard itself never computes them."""
    _, cards = claim_cards(request.user)
    shown = [card for card, _ in cards if card.verdict != "not_enough_data"]
    context = {"insights_loaded": True, "insight_cards": shown}
    return render(request, "journal/insights/includes/insights_card.html#claims", context)
