"""Experiments and the database: reading what an analysis needs, starting, stopping.

Writes go through journal.services.begin_write, like every write to a journal, so pages
cached per journal version (the dashboard, Insights) show a new or stopped experiment at
once. A status that moves with the calendar (planned, running, finished) is settled in the
database before a new experiment is started, so the one-active constraint sees the truth.
"""

from __future__ import annotations

from datetime import date

from django.db import IntegrityError, transaction

from journal import tagging
from journal.core import chartstamp
from journal.core.blocks import block_of
from journal.core.caching import cached_many, digest, field_values, store_many
from journal.core.services import (
    FACT_FIELDS,
    begin_write,
    profile_facts,
    profile_for,
    session_facts,
)
from journal.experiments import analysis, words
from journal.experiments.designs import DESIGNS
from journal.experiments.models import Experiment
from journal.experiments.schedule import ACTIVE, FINISHED, STOPPED, draw
from journal.models import CHECKIN_ITEMS, CheckIn, Session

OUTCOME_FIELDS = ("mood", "sleep_quality", *CHECKIN_ITEMS)
# What an analysis reads of each session of its plan's dates.
PLAN_SESSION_FIELDS = (*FACT_FIELDS, "feeling_before", "feeling_after")


class ExperimentRefused(ValueError):
    """A plan the journal cannot hold (another is under way, a bad date or length)."""


def owned(user):
    return Experiment.objects.filter(owner=user)


def settle(user, today: date) -> None:
    """Mark planned or running experiments whose plan has ended as finished."""
    for experiment in owned(user).filter(status__in=ACTIVE):
        if experiment.plan.status(today) == FINISHED:
            owned(user).filter(pk=experiment.pk).update(status=FINISHED)
            experiment.status = FINISHED


def plan_sessions(experiment: Experiment, rows: list[dict]) -> list[dict]:
    """Of session rows read for a span of days that holds the plan's (newest first, with
    PLAN_SESSION_FIELDS), those analyse reads."""
    plan = experiment.plan
    return [row for row in rows if plan.start <= row["date"] <= plan.last_day]


def active(user, today: date) -> Experiment | None:
    """The person's planned or running experiment, if any (by the calendar)."""
    for experiment in owned(user).filter(status__in=ACTIVE):
        if experiment.plan.status(today) in ACTIVE:
            return experiment
    return None


def analyse(experiment: Experiment, profile=None, today: date | None = None, sessions=None):
    """The experiment's figures, from the two queries its plan's dates need; `sessions`,
    when given, are the rows of the first already read (plan_sessions)."""
    profile = profile or profile_for(experiment.owner)
    today = today or profile.today()
    plan = experiment.plan
    owner = experiment.owner_id  # the id alone: no query for the user row
    rows = sessions
    if rows is None:
        rows = Session.objects.for_user(owner).between(plan.start, plan.last_day)
        rows = list(rows.values(*PLAN_SESSION_FIELDS))
    logged = [
        analysis.Logged(facts, row["feeling_before"], row["feeling_after"])
        for facts, row in zip(session_facts(rows), rows, strict=True)
    ]
    checkins = {
        row["date"]: row
        for row in CheckIn.objects.for_user(owner)
        .filter(date__gte=plan.start, date__lte=plan.end)
        .values("date", *OUTCOME_FIELDS)
    }
    return analysis.analyse(
        plan, logged, checkins, profile_facts(profile), today, experiment.stopped
    )


ENDED = (FINISHED, STOPPED)
VERDICT_FORMAT = 1  # bump when a cached verdict's shape or words change
VERDICT_TIMEOUT = 7 * 24 * 60 * 60  # the key names every input: this bounds memory only


def _blocks(experiment: Experiment) -> range:
    """The blocks of weeks holding the dates its analysis reads (analyse)."""
    plan = experiment.plan
    return range(block_of(plan.start), block_of(max(plan.end, plan.last_day)) + 1)


def claim_tests(user, profile=None, read=None) -> dict[str, tuple[Experiment, str]]:
    """The experiments that have ended (finished or stopped) with at least one pair, by
    design, each with its verdict in words: what an Insights claim says of the experiment
    that tested it. An analysis reads only its plan's dates, so each verdict is cached under
    the stamps of the blocks of weeks those dates lie in (journal.core.chartstamp), with the
    experiment's own fields, the person's rule inputs and today: a write elsewhere in the
    journal analyses nothing again. The profile (its today), when not given, is read only
    when there is an experiment; then one query for the stamps of them all, unless `read`
    (chartstamp.Stamps read at this journal version, by Insights) covers them."""
    experiments = list(owned(user).order_by("start"))
    if not experiments:
        return {}
    profile = profile or profile_for(user)
    today = profile.today()
    # An experiment under way (or planned) has no verdict yet: no need to analyse it.
    experiments = [e for e in experiments if e.plan.status(today, e.stopped) in ENDED]
    if not experiments:
        return {}
    spans = [_blocks(e) for e in experiments]
    every = range(min(span.start for span in spans), max(span.stop for span in spans))
    stamped = chartstamp.block_keys(user, f"mj-verdict:{tagging.RULES_VERSION}", every, read)
    person = profile_facts(profile)
    keys = {
        e.pk: f"mj-verdict:{VERDICT_FORMAT}:"
        + digest([field_values(e), today, person, [stamped[i] for i in span]])
        for e, span in zip(experiments, spans, strict=True)
    }
    found = cached_many(list(keys.values()))
    fresh = {}
    for experiment in experiments:
        if keys[experiment.pk] not in found:
            result = analyse(experiment, profile, today)
            itt = result.itt
            fresh[keys[experiment.pk]] = (
                words.verdict_words(itt, experiment.spec).lower() if itt.n_pairs else None
            )
    if fresh:
        store_many(fresh, VERDICT_TIMEOUT)
    found.update(fresh)
    return {e.design: (e, found[keys[e.pk]]) for e in experiments if found[keys[e.pk]] is not None}


@transaction.atomic
def start_experiment(user, design_key: str, start: date, pairs: int, today: date, past=False):
    """Draw and store a new experiment; returns it and the check-in item it added, if any.

    Only the command may start one in the past (`past`): days logged before the draw were
    not chosen by it, so the web pages never offer that."""
    design = DESIGNS.get(design_key)
    if design is None:
        raise ExperimentRefused(f"There is no design called {design_key!r}.")
    low, high, _default = design.pairs_range
    if not low <= pairs <= high:
        raise ExperimentRefused(f"Choose between {low} and {high} pairs for this design.")
    if start < today and not past:
        raise ExperimentRefused("An experiment cannot start in the past.")
    if design.unit == "week" and start.weekday() != 0:
        raise ExperimentRefused("A week-by-week experiment starts on a Monday.")
    begin_write(user)
    settle(user, today)
    if owned(user).filter(status__in=ACTIVE).exists():
        raise ExperimentRefused(
            "You already have an experiment under way: stop it or let it finish first."
        )
    experiment = Experiment(
        owner=user,
        design=design.key,
        start=start,
        pairs=pairs,
        schedule=draw(pairs),
        status=Experiment.Status.PLANNED if start > today else Experiment.Status.RUNNING,
        created=today,
    )
    try:
        with transaction.atomic():
            experiment.save()
    except IntegrityError as error:  # a second start racing this one
        raise ExperimentRefused("You already have an experiment under way.") from error
    return experiment, add_outcome_item(user, design.outcome)


def add_outcome_item(user, outcome: str) -> str | None:
    """Add the outcome to the person's check-in items when it is an optional one they do not
    keep; returns the item added."""
    if outcome not in CHECKIN_ITEMS:
        return None
    profile = profile_for(user)
    if outcome in profile.checkin_items:
        return None
    profile.checkin_items = [*profile.checkin_items, outcome]
    profile.save(update_fields=["checkin_items"])
    return outcome


@transaction.atomic
def stop_experiment(experiment: Experiment, today: date) -> bool:
    """Stop a planned or running experiment today; False when it had already ended."""
    begin_write(experiment.owner)
    stopped = owned(experiment.owner).filter(pk=experiment.pk, status__in=ACTIVE)
    if experiment.plan.status(today) not in ACTIVE or not stopped.exists():
        return False
    stopped.update(status=Experiment.Status.STOPPED, stopped=today)
    experiment.status, experiment.stopped = Experiment.Status.STOPPED, today
    return True
