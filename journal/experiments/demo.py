"""The demo journal's two experiments: one finished with a clear result, one running.

The schedules are drawn with `secrets` like every other; what the invented person then
logged is shaped to follow each plan, with noise drawn per pair from a seeded generator, so
the figures are the same whatever order the draw gave (the result never depends on luck).
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from journal.experiments.models import Experiment
from journal.experiments.schedule import A, draw
from journal.models import CheckIn, Session

FINISHED = ("steady-vs-rest-mood", 10, 42)  # design, pairs, days before today it started
RUNNING = ("steady-vs-rest-sleep", 10, 6)  # today is its day 7
SKIPPED_PAIR = 6  # in this pair of the finished one, the steady day became a rest day


def _steady_run(owner, day: date, minutes: int) -> Session:
    return Session(
        owner=owner,
        date=day,
        activity="aerobic",
        minutes=minutes,
        effort=4,
        feeling_before=0,
        feeling_after=2,
        distance_km=round(minutes / 5.6, 2),
        note="experiment run",
    )


def shape(owner, sessions: list[Session], checkins: list[CheckIn], today: date, seed=2026):
    """Rewrite the days of both experiments to follow their plans; returns the experiments
    to store, unsaved (sessions and check-ins are changed in place)."""
    rng = random.Random(seed + 24)
    planned = []
    for design, pairs, ago in (FINISHED, RUNNING):
        start = today - timedelta(days=ago)
        experiment = Experiment(
            owner=owner,
            design=design,
            start=start,
            pairs=pairs,
            schedule=draw(pairs),
            created=start - timedelta(days=1),
        )
        experiment.status = experiment.plan.status(today)
        planned.append(experiment)
    by_day = {c.date: c for c in checkins}
    keep = []
    plans = {}
    for experiment in planned:
        for i, arm in enumerate(experiment.schedule):
            plans[experiment.start + timedelta(days=i)] = (experiment, i, arm)
    for s in sessions:
        if s.date not in plans:
            keep.append(s)
        elif s.activity == "walking" and s.date != today:
            s.minutes = min(s.minutes, 25)  # the walk to work stays short on experiment days
            keep.append(s)
    sessions[:] = keep
    for day, (experiment, i, arm) in sorted(plans.items(), key=lambda item: item[0]):
        pair = i // 2
        running = experiment.design == RUNNING[0]
        if day > today or (running and day == today):
            continue  # today's unit waits for the person
        skipped = not running and pair == SKIPPED_PAIR and arm == A
        if arm == A and not skipped:
            sessions.append(_steady_run(owner, day, 40 + rng.randint(0, 12)))
    for experiment in planned:
        pair_noise = [random.Random(seed + 100 * p).random() for p in range(experiment.pairs)]
        for i, arm in enumerate(experiment.schedule):
            after = experiment.start + timedelta(days=i + 1)
            if after > today:
                continue
            checkin = by_day.get(after)
            if checkin is None:
                checkin = CheckIn(owner=owner, date=after, mood=3, sleep_quality=6)
                checkins.append(checkin)
                by_day[after] = checkin
            noise = pair_noise[i // 2]
            if experiment.design == FINISHED[0]:
                # Pair differences of 0, 1 or 2 points: mostly 1, and 0 where the run was skipped.
                lift = 0 if noise < 0.15 or i // 2 == SKIPPED_PAIR else 2 if noise > 0.85 else 1
                checkin.mood = (3 if noise < 0.7 else 2) + (lift if arm == A else 0)
            else:
                checkin.sleep_quality = 6 + (1 if arm == A and noise > 0.4 else 0)
    checkins.sort(key=lambda c: c.date)
    return planned
