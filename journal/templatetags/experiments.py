"""{% claim_experiment card.key %}: under an Insights claim, the finished experiment that
tested it, or an offer to test it. It reads the person's experiments once per request, so
the Insights page needs nothing from its view for it."""

from django import template

from journal.experiments.designs import DESIGN_FOR_CLAIM

register = template.Library()


def _finished_by_design(request) -> dict:
    cached = getattr(request, "_finished_experiments", None)
    if cached is None:
        from journal.experiments import services

        cached = {}
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            cached = services.claim_tests(user)
        request._finished_experiments = cached
    return cached


@register.inclusion_tag("journal/experiments/claim_link.html", takes_context=True)
def claim_experiment(context, claim_key):
    """`claim_tests` in the context when the page read them already, or read once per
    request."""
    design = DESIGN_FOR_CLAIM.get(claim_key)
    tests = context.get("claim_tests")
    if tests is None and "request" in context:
        tests = _finished_by_design(context["request"])
    if design is None or tests is None:
        return {"claim_test": {}}
    found = tests.get(design)
    return {
        "claim_test": {
            "design": design,
            "finished": found[0] if found else None,
            "words": found[1] if found else "",
        }
    }
