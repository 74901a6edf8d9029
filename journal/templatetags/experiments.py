"""{% claim_experiment card.key %}: under an Insights claim, the finished experiment that
tested it, or an offer to test it. It reads the person's experiments once per request, so
the Insights page needs nothing from its view for it."""

from django import template

from journal.experiments import words
from journal.experiments.designs import DESIGN_FOR_CLAIM

register = template.Library()


def _finished_by_design(request) -> dict:
    cached = getattr(request, "_finished_experiments", None)
    if cached is None:
        from journal.core.services import profile_for
        from journal.experiments import services

        cached = {}
        user = getattr(request, "user", None)
        experiments = []
        if user is not None and user.is_authenticated:
            experiments = list(services.owned(user).order_by("start"))
        if experiments:  # the profile (its today) is read only when there is one
            profile = profile_for(user)
            today = profile.today()
            for experiment in experiments:
                result = services.analyse(experiment, profile, today)
                if result.status in ("finished", "stopped") and result.itt.n_pairs:
                    cached[experiment.design] = (
                        experiment,
                        words.verdict_words(result.itt, experiment.spec).lower(),
                    )
        request._finished_experiments = cached
    return cached


@register.inclusion_tag("journal/experiments/claim_link.html", takes_context=True)
def claim_experiment(context, claim_key):
    design = DESIGN_FOR_CLAIM.get(claim_key)
    if design is None or "request" not in context:
        return {"claim_test": {}}
    found = _finished_by_design(context["request"]).get(design)
    return {
        "claim_test": {
            "design": design,
            "finished": found[0] if found else None,
            "words": found[1] if found else "",
        }
    }
