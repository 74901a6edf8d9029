"""The Insights page: the article's claims tested on the person's own journal, the
dashboard's small card of the claims that have a verdict, and the one tap that adds a
check-in item a claim waits on."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_POST

from journal import insight_cards, insight_words, queries
from journal.insights import NOT_ENOUGH_DATA
from journal.ranges import CHECKIN_ITEMS
from journal.services import profile_for, save_profile
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
    cards = insight_cards.cards(report.results, names, profile.checkin_items)
    return report, [(card, effects.get(card.effect_slug)) for card in cards]


def tested(cards) -> int:
    """m of insights.md 3.3: how many claims were computed together."""
    return sum(card.verdict != NOT_ENOUGH_DATA for card in cards)


def caveats(cards) -> list[str]:
    """The two caveats every place that shows verdicts repeats."""
    return [
        insight_words.CAVEAT_MANY_TESTS.format(m=tested(cards)),
        insight_words.CAVEAT_NEIGHBOURS,
    ]


def page_context(user, profile, range_key) -> dict:
    report, pairs = claim_cards(user, range_key, profile=profile)
    effects = {card.key: effect for card, effect in pairs}
    cards = [card for card, _ in pairs]
    shown = [card for card in cards if card.verdict != NOT_ENOUGH_DATA]
    groups = []
    for kind, heading in insight_cards.KIND_HEADINGS.items():
        of_kind = [card for card in shown if card.result.claim.kind == kind]
        comparisons = [
            [(card, effects[card.key]) for card in comparison]
            for comparison in insight_cards.comparisons(of_kind)
        ]
        if comparisons:
            groups.append((heading, comparisons))
    waiting = [(card, effects[card.key]) for card in cards if card.verdict == NOT_ENOUGH_DATA]
    on_items = insight_cards.waiting_on_items(cards)
    return {
        "report": report,
        "groups": groups,
        "waiting": waiting,
        "waiting_on_items": len(on_items),
        "items_not_kept": sorted({card.item_label.lower() for card in on_items}),
        "range_key": report.range_key,
        "ranges": [(key, queries.RANGE_LABELS[key]) for key in queries.INSIGHT_RANGES],
        "with_verdict": len(shown),
        "comparisons": sum(len(comparisons) for _, comparisons in groups),
        "caveats": caveats(cards),
        "clinician": insight_words.CLINICIAN,
    }


@login_required
def insights_page(request):
    """The claims per range, the whole page or (htmx) its claims, each cached whole per
    journal version (render_cached)."""
    profile = profile_for(request.user)
    range_key = queries.insight_range(request.GET.get("range"))
    template = partial_or_page(request, "journal/insights.html", "claims")
    response = render_cached(
        request,
        profile,
        template,
        range_key,
        lambda: page_context(request.user, profile, range_key),
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
    range_key = queries.insight_range(request.POST.get("range"))
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
        context = {**page_context(request.user, profile, range_key), "notice": notice}
        response = render(request, "journal/insights.html#claims", context, status=status)
        patch_vary_headers(response, ["HX-Request"])
        return response
    (messages.success if ok else messages.error)(request, notice)
    return redirect(f"{reverse('journal:insights')}?range={range_key}#insights-waiting")


@login_required
def insights_card(request):
    """The dashboard card's claims, loaded when the card is first opened, so that the
    dashboard itself never computes them."""
    _, pairs = claim_cards(request.user)
    cards = [card for card, _ in pairs]
    context = {
        "insights_loaded": True,
        "insight_cards": [card for card in cards if card.verdict != NOT_ENOUGH_DATA],
        "caveats": caveats(cards),
    }
    return render(request, "journal/includes/insights_card.html#claims", context)
