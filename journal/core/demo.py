"""A deterministic, realistic demo history for `manage.py seed_demo`.

One invented person: a weekly rhythm (intervals, lifting, runs, yoga, a long
weekend session, walks) plus a walk to work on most weekdays, skipped days,
two holidays a year with only walks, one period of illness, fitness that
progresses over the years, and daily check-ins whose mood and sleep respond
to training, with noise.
"""

import random
from dataclasses import dataclass
from datetime import date, time, timedelta

from journal.models import CheckIn, Session

# weekday -> (activity, base minutes, base effort, style); None is a rest day.
WEEK_PLAN = {
    0: ("hiit", 25, 7, ""),
    1: ("resistance", 45, 5, ""),
    2: ("aerobic", 40, 4, ""),
    3: ("mobility", 60, 2, "yoga"),
    4: None,
    5: ("aerobic", 75, 5, ""),
    6: ("walking", 50, 3, ""),  # a brisk Sunday walk: with the runs, a regular cardio week
}
SPORT_SATURDAY = ("mixed", 90, 6, "")


@dataclass(frozen=True)
class DemoHistory:
    sessions: list[Session]
    checkins: list[CheckIn]


def clamp(value, low, high):
    return max(low, min(high, value))


def build_history(owner, today: date, years: int, seed: int = 2026) -> DemoHistory:
    rng = random.Random(seed)
    # A second stream for the check-in items added later (motivation, focus), so that the
    # sessions and the other answers stay exactly as they were.
    extra = random.Random(seed + 1)
    start = today - timedelta(days=round(365.25 * years))
    total_days = (today - start).days
    # Illness: ten days about two thirds of the way in.
    ill_from = start + timedelta(days=int(total_days * 0.66))
    ill_until = ill_from + timedelta(days=10)
    sessions, checkins = [], []
    trained_yesterday = False
    fitness = 0.0  # grows with regular training, fades without it
    for offset in range(total_days + 1):
        day = start + timedelta(days=offset)
        progress = offset / max(total_days, 1)
        holiday = (day.month == 8 and 5 <= day.day <= 19) or (day.month == 12 and day.day >= 24)
        ill = ill_from <= day < ill_until
        plan = WEEK_PLAN[day.weekday()]
        if day.weekday() == 5 and rng.random() < 0.3:
            plan = SPORT_SATURDAY
        if holiday:
            plan = ("walking", 70, 2, "") if rng.random() < 0.7 else None
        trained = False
        if plan and not ill and rng.random() > 0.18:
            activity, minutes, effort, style = plan
            minutes = clamp(round(minutes * (0.85 + 0.3 * progress) + rng.gauss(0, 6)), 10, 240)
            effort = clamp(round(effort + rng.gauss(0, 1)), 0, 10)
            before = clamp(round(rng.gauss(0.5, 1.5)), -5, 5)
            lift = {"hiit": 1, "resistance": 1.5, "aerobic": 2, "mobility": 2, "walking": 1.5}
            after = clamp(round(before + lift.get(activity, 1.5) + rng.gauss(0, 1.2)), -5, 5)
            avg_hr = None
            if activity in {"aerobic", "hiit", "mixed"} and rng.random() < 0.5:
                avg_hr = clamp(round(118 + effort * 7 + rng.gauss(0, 5)), 80, 195)
            distance = None
            if activity in {"aerobic", "walking"}:
                pace = 5.5 - 0.7 * progress if activity == "aerobic" else 11.5
                distance = round(minutes / max(pace, 4.2), 2)
            sessions.append(
                Session(
                    owner=owner,
                    date=day,
                    start_time=None if rng.random() < 0.3 else _time(rng, activity),
                    activity=activity,
                    style=style,
                    minutes=minutes,
                    # A few of the last three weeks' sessions still wait for a rating.
                    effort=None if (today - day).days < 21 and rng.random() < 0.3 else effort,
                    feeling_before=before,
                    feeling_after=after,
                    arousal_before=clamp(round(rng.gauss(3, 1)), 1, 6),
                    arousal_after=clamp(round(rng.gauss(4 if effort >= 5 else 3, 1)), 1, 6),
                    avg_hr=avg_hr,
                    max_hr=None if avg_hr is None else min(avg_hr + rng.randint(12, 25), 210),
                    distance_km=distance,
                    percent_1rm=rng.choice([65, 70, 75, 80]) if activity == "resistance" else None,
                )
            )
            trained = True
        if day.weekday() < 5 and not (holiday or ill) and rng.random() < 0.9:
            # The walk to work: short, easy, usually unrated; about 5,000 sessions in ten years.
            sessions.append(
                Session(
                    owner=owner,
                    date=day,
                    start_time=time(8, rng.choice([0, 10, 20])),
                    activity="walking",
                    minutes=clamp(round(rng.gauss(25, 4)), 15, 40),
                    effort=2,
                    feeling_before=clamp(round(rng.gauss(0, 1.2)), -5, 5),
                    feeling_after=clamp(round(rng.gauss(1, 1.2)), -5, 5),
                    distance_km=round(rng.uniform(1.8, 2.6), 2),
                )
            )
        fitness = clamp(fitness + (0.04 if trained else -0.03), 0, 1)
        if rng.random() < 0.9:
            mood = 3 + 0.5 * trained_yesterday + 0.6 * fitness - (1.5 if ill else 0)
            sleep = 6 + 0.8 * trained + 0.8 * fitness - (2 if ill else 0)
            stress = 3 - 0.6 * fitness + (0.5 if day.weekday() < 5 else -0.5)
            checkins.append(
                CheckIn(
                    owner=owner,
                    date=day,
                    mood=clamp(round(mood + rng.gauss(0, 0.8)), 1, 5),
                    sleep_quality=clamp(round(sleep + rng.gauss(0, 1.5)), 0, 10),
                    stress=clamp(round(stress + rng.gauss(0, 0.9)), 1, 5),
                    energy=clamp(round(2.8 + fitness + rng.gauss(0, 0.9)), 1, 5),
                    anxiety=clamp(round(2.6 - 0.7 * fitness + rng.gauss(0, 0.9)), 1, 5),
                    motivation=clamp(round(2.7 + 1.2 * fitness + extra.gauss(0, 0.9)), 1, 5),
                    # Focus was tried for a few days only: too few to test a claim on.
                    focus=clamp(round(3 + extra.gauss(0, 1)), 1, 5) if offset < 4 else None,
                )
            )
        trained_yesterday = trained
    return DemoHistory(sessions, checkins)


def _time(rng: random.Random, activity: str) -> time:
    hour = 18 if activity in {"resistance", "mixed"} else rng.choice([7, 7, 12, 18])
    return time(hour, rng.choice([0, 15, 30, 45]))
