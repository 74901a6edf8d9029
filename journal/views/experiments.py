"""The Experiments pages: choose a design, read the plan, follow it on a calendar, stop it,
read the result; and the dashboard's line for today. Every experiment is its owner's."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from journal.core.services import profile_for
from journal.experiments import services, words
from journal.experiments.designs import (
    CONDITION_WORDS,
    DESIGNS,
    OUTCOME_UNITS,
    OUTCOME_WORDS,
)
from journal.experiments.forms import PlanForm
from journal.experiments.models import Experiment
from journal.models import CHECKIN_ITEMS
from journal.views.common import changed


def learn_effects() -> dict:
    """The content app's effects (name, Learn page, section) by slug, in one query."""
    from content.models import Effect

    return Effect.objects.select_related("section").in_bulk(field_name="slug")


def design_rows(effects: dict) -> list[dict]:
    return [
        {
            "design": design,
            "effect": effects.get(design.effect),
            "a": CONDITION_WORDS[design.a],
            "b": CONDITION_WORDS[design.b],
            "pairs": design.pairs_range,
            "direction": words.direction_words(design),
        }
        for design in DESIGNS.values()
    ]


def summary(experiment: Experiment, profile, today) -> dict:
    result = services.analyse(experiment, profile, today)
    return {
        "experiment": experiment,
        "design": experiment.spec,
        "result": result,
        "status_words": words.STATUS_WORDS[result.status],
        "verdict_words": words.verdict_words(result.itt, experiment.spec),
        "sentence": words.result_sentence(result),
    }


@login_required
def experiment_list(request):
    profile = profile_for(request.user)
    today = profile.today()
    services.settle(request.user, today)
    experiments = [summary(e, profile, today) for e in services.owned(request.user)]
    context = {
        "current": next(
            (s for s in experiments if s["result"].status in ("planned", "running")), None
        ),
        "past": [s for s in experiments if s["result"].status not in ("planned", "running")],
        "designs": design_rows(learn_effects()),
    }
    return render(request, "journal/experiments/list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def experiment_new(request):
    """Choose a design, then read the plan in plain words, then start it (three steps, each
    a plain form, so it works without JavaScript)."""
    profile = profile_for(request.user)
    today = profile.today()
    under_way = services.active(request.user, today)
    if request.method == "POST":
        form = PlanForm(request.POST, today=today)
    else:
        chosen = request.GET.get("design")
        form = PlanForm(initial={"design": chosen if chosen in DESIGNS else None}, today=today)
    effects = learn_effects()
    context = {"form": form, "designs": design_rows(effects), "under_way": under_way}
    if request.method == "POST" and form.is_valid() and not under_way:
        design = DESIGNS[form.cleaned_data["design"]]
        if request.POST.get("confirm") == "1":
            try:
                experiment, added = services.start_experiment(
                    request.user,
                    design.key,
                    form.cleaned_data["start"],
                    form.cleaned_data["pairs"],
                    today,
                )
            except services.ExperimentRefused as error:
                form.add_error(None, str(error))
            else:
                note = (
                    f" {CHECKIN_ITEMS[added]} is now part of your daily check-in." if added else ""
                )
                messages.success(request, f"Your experiment is planned.{note}")
                return changed(redirect("journal:experiment_detail", experiment.pk))
        else:
            return render(
                request,
                "journal/experiments/plan.html",
                plan_context(form, design, effects, profile),
            )
    return render(request, "journal/experiments/new.html", context)


def plan_context(form, design, effects, profile) -> dict:
    pairs, start = form.cleaned_data["pairs"], form.cleaned_data["start"]
    units = 2 * pairs
    item_added = design.outcome in CHECKIN_ITEMS and design.outcome not in profile.checkin_items
    return {
        "form": form,
        "design": design,
        "effect": effects.get(design.effect),
        "a": CONDITION_WORDS[design.a],
        "b": CONDITION_WORDS[design.b],
        "pairs": pairs,
        "start": start,
        "units": units,
        "unit_noun": design.unit,
        "asks": design.asks,
        "direction": words.direction_words(design),
        "item_added": CHECKIN_ITEMS.get(design.outcome) if item_added else None,
    }


def owned_experiment(request, pk) -> Experiment:
    return get_object_or_404(Experiment, pk=pk, owner=request.user)


@login_required
def experiment_detail(request, pk):
    experiment = owned_experiment(request, pk)
    profile = profile_for(request.user)
    today = profile.today()
    context = summary(experiment, profile, today)
    result, design = context["result"], experiment.spec
    context.update(
        {
            "calendar": words.calendar(experiment.plan, result, today),
            "pairs_table": words.pair_rows(result),
            "chart": words.chart_payload(result),
            "chart_summary": words.chart_summary(result),
            "followed_words": words.verdict_words(result.as_followed, design),
            "adherence_percent": None
            if result.adherence is None
            else round(100 * result.adherence),
            "effect": learn_effects().get(design.effect),
            "unit_label": words.unit_name(design),
            "outcome_words": OUTCOME_WORDS[design.outcome],
            "outcome_unit": OUTCOME_UNITS[design.outcome],
            "a": CONDITION_WORDS[design.a],
            "b": CONDITION_WORDS[design.b],
            "direction": words.direction_words(design),
            "can_stop": result.status in ("planned", "running"),
            "today_line": words.today_line(experiment.plan, result, today)
            if result.status in ("planned", "running")
            else None,
        }
    )
    return render(request, "journal/experiments/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def experiment_stop(request, pk):
    experiment = owned_experiment(request, pk)
    today = profile_for(request.user).today()
    if request.method == "POST":
        if services.stop_experiment(experiment, today):
            messages.success(request, "Experiment stopped. What it gathered is kept below.")
        else:
            messages.info(request, "That experiment had already ended.")
        return changed(redirect("journal:experiment_detail", experiment.pk))
    return render(request, "journal/experiments/stop.html", {"experiment": experiment})


def today_context(user, profile, experiment=False, sessions=None) -> dict:
    """The dashboard's line for the experiment under way, if any; `experiment` is that one
    (or None) when already read, `sessions` rows of days that hold its plan's
    (services.plan_sessions)."""
    today = profile.today()
    if experiment is False:
        experiment = services.active(user, today)
    if experiment is None:
        return {"experiment_today": None}
    if sessions is not None:
        sessions = services.plan_sessions(experiment, sessions)
    result = services.analyse(experiment, profile, today, sessions)
    return {
        "experiment_today": {
            "experiment": experiment,
            **words.today_line(experiment.plan, result, today),
        }
    }


@login_required
def experiment_today(request):
    context = today_context(request.user, profile_for(request.user))
    return render(request, "journal/experiments/today.html", context)
