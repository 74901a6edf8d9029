"""The Insights page: the article's claims tested on the person's own journal, the
dashboard's small card of the claims that have a verdict, and the one tap that adds a
check-in item a claim waits on."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from journal import insights
from journal.core.caching import cached_many, digest, person, store_many
from journal.core.ranges import CHECKIN_ITEMS
from journal.core.services import profile_for, save_profile
from journal.experiments import services as experiment_services
from journal.experiments.designs import DESIGN_FOR_CLAIM
from journal.views.common import partial_or_page, per_content, render_cached, templates_shown

PAGE = "journal/insights/insights.html"
# A claim with a verdict (the templates' sources are part of each one's cache key).
CLAIM = "journal/insights/includes/insight_claim.html"
CLAIM_TIMEOUT = 7 * 24 * 60 * 60  # the key holds all a claim shows: this bounds memory only


def _shown(effect) -> tuple | None:
    """What a claim shows of the content's effect and its section (all that is read)."""
    if effect is None:
        return None
    section = effect.section
    return (
        tuple(getattr(effect, field) for field in insights.EFFECT_FIELDS),
        section and tuple(getattr(section, field) for field in insights.SECTION_FIELDS),
    )


def claim_articles(user, groups, tests: dict) -> dict:
    """Each claim with a verdict as its article (CLAIM), by claim key, cached under a digest
    of all it shows: its card, its effect, whether it sits in a comparison, the experiment
    that tested it. A write that leaves a claim's figures as they were renders none of it
    again. `groups`: cards.page's, `tests`: experiments' claim_tests."""
    sources = templates_shown()
    owner = person(user)
    shown = {}
    for _, together in groups:
        for group in together:
            for card, effect in group:
                test = tests.get(DESIGN_FOR_CLAIM.get(card.key))
                inputs = [card, _shown(effect), len(group) > 1, test and (test[0].pk, test[1])]
                key = f"mj-claim:{sources}:{owner}:{digest(inputs)}"
                shown[card.key] = (key, card, effect, len(group) > 1)
    found = cached_many([key for key, *_ in shown.values()])
    fresh = {
        key: render_to_string(
            CLAIM,
            {"card": card, "effect": effect, "in_comparison": in_comparison, "claim_tests": tests},
        )
        for key, card, effect, in_comparison in shown.values()
        if key not in found
    }
    if fresh:
        store_many(fresh, CLAIM_TIMEOUT)
    found.update(fresh)
    # Rendered by CLAIM with autoescape on, from what the key names.
    return {claim: mark_safe(found[key]) for claim, (key, *_) in shown.items()}  # noqa: S308


def claims_context(user, profile, range_key: str) -> dict:
    """insights.claims_page, each claim with a verdict as (card, effect, its article), and
    the experiments that tested claims (for the claims still waiting)."""
    effects = per_content(profile, "insights:effects", insights.effects_with_sections)
    context = insights.claims_page(user, profile, range_key, effects)
    # An empty range shows no claim, so it asks nothing of the experiments.
    report = context["report"]
    tests = {} if report.is_empty else experiment_services.claim_tests(user, profile, report.stamps)
    articles = claim_articles(user, context["groups"], tests)
    context["groups"] = [
        (heading, [[(c, effect, articles[c.key]) for c, effect in group] for group in together])
        for heading, together in context["groups"]
    ]
    return {**context, "claim_tests": tests}


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
        lambda: claims_context(request.user, profile, range_key),
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
        context = {**claims_context(request.user, profile, range_key), "notice": notice}
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
