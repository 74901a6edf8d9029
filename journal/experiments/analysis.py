"""An experiment's figures (experiments.md sections 2 to 4). Pure Python: no Django.

Plain rows in (the person's sessions as tagging facts with their feelings, check-ins by
date), units, conditions, outcomes and figures out. The intensity class of every session
comes from the tagging engine (`tagging.classify`), never from a copy of its rules.

Where experiments.md is silent, the reading that makes a verdict less confident is chosen,
or the literal one where confidence does not depend on it:
- conditions read each session's intensity class as tagging derives it (effect-rules.md
  0.2); effect-rules.md 0.5's "mobility never counts as moderate" governs the tagging rules,
  not these conditions, so a yoga session's own class counts as derived;
- a unit is listed from the start through today, the end, or the day the experiment was
  stopped (inclusive); a stopped experiment never gains units after that day;
- `missing_pairs` counts the listed pairs whose last outcome could no longer arrive (its
  day is before today) and that lack an outcome; pairs still able to complete are neither;
- a unit has "passed" (for adherence) when its last day is before today;
- the interval must lie strictly on one side of 0: an end exactly on 0 is `unclear`;
- with sd = 0 the interval is [mean, mean], dz is None, the p-value is still exact.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from journal import tagging
from journal.experiments import designs as d
from journal.experiments.schedule import A, Plan

MIN_PAIRS = 4  # under this, nothing is computed (section 4)
TOLERANCE = 1e-9  # |sum s_i d_i| >= |sum d_i| - 1e-9 (section 4)
CONSISTENT, OPPOSITE, UNCLEAR, NOT_ENOUGH_DATA = (
    "consistent",
    "opposite",
    "unclear",
    "not_enough_data",
)
A_HIGHER, B_HIGHER = "a_higher", "b_higher"
STEADY_ACTIVITIES = (tagging.AEROBIC, tagging.WALKING)


@dataclass(frozen=True)
class Logged:
    """One session as the experiment reads it: the tagging facts and the two feelings."""

    facts: tagging.SessionFacts
    feeling_before: int | None = None
    feeling_after: int | None = None


@dataclass(frozen=True)
class Rated:
    activity: str
    style: str
    minutes: int
    intensity: tagging.Intensity
    feeling_change: int | None


def rate(logged: Logged, profile: tagging.ProfileFacts) -> Rated:
    intensity, _source = tagging.classify(logged.facts, profile)
    change = None
    if logged.feeling_before is not None and logged.feeling_after is not None:
        change = logged.feeling_after - logged.feeling_before
    f = logged.facts
    return Rated(f.activity, f.style or "", f.minutes, intensity, change)


# -- conditions (section 2) --------------------------------------------------------------


def hard(s: Rated) -> bool:
    return s.intensity >= tagging.VIGOROUS


def qualifies(condition: str, s: Rated) -> bool:
    """The session the condition asks for (also what a same-day outcome reads)."""
    if condition == d.STEADY:
        return (
            s.activity in STEADY_ACTIVITIES and s.intensity == tagging.MODERATE and s.minutes >= 30
        )
    if condition == d.HARD:
        return hard(s) and s.minutes >= 20
    if condition == d.INTERVALS:
        return s.activity == tagging.HIIT
    if condition == d.YOGA:
        return s.activity == tagging.MOBILITY and s.style == "yoga" and s.minutes >= 20
    return False


def day_holds(condition: str, sessions: Sequence[Rated]) -> bool:
    """Whether a day condition holds on a day with these sessions."""
    if condition == d.REST:
        return all(s.activity == tagging.WALKING and s.minutes < 30 for s in sessions)
    asked = any(qualifies(condition, s) for s in sessions)
    if condition in (d.STEADY, d.YOGA):
        return asked and not any(hard(s) for s in sessions)
    if condition in (d.HARD, d.INTERVALS):
        return asked
    raise ValueError(f"not a day condition: {condition}")


def active_day(sessions: Sequence[Rated]) -> bool:
    """A day that counts toward a regular week: moderate or harder for 30 minutes or more."""
    return any(s.intensity >= tagging.MODERATE and s.minutes >= 30 for s in sessions)


def week_holds(condition: str, days: Sequence[Sequence[Rated]]) -> bool:
    """REGULAR_WEEK (3 or more active days) or LIGHT_WEEK (at most 1), over the week's days."""
    active = sum(active_day(sessions) for sessions in days)
    if condition == d.REGULAR_WEEK:
        return active >= 3
    if condition == d.LIGHT_WEEK:
        return active <= 1
    raise ValueError(f"not a week condition: {condition}")


# -- outcomes (section 2) ------------------------------------------------------------------


def same_day_feeling(condition: str, sessions: Sequence[Rated]) -> float | None:
    changes = [
        s.feeling_change
        for s in sessions
        if qualifies(condition, s) and s.feeling_change is not None
    ]
    return sum(changes) / len(changes) if changes else None


def week_mean(monday: date, item: str, checkins: Mapping[date, Mapping[str, int | None]]):
    """The mean of `item` over the check-ins Thursday to Sunday, when 2 or more record it."""
    values = []
    for offset in range(3, 7):
        value = checkins.get(monday + timedelta(days=offset), {}).get(item)
        if value is not None:
            values.append(value)
    return sum(values) / len(values) if len(values) >= 2 else None


# -- figures (section 4) -------------------------------------------------------------------


def exact_p_value(differences: Sequence[float]) -> float:
    """#{s : |sum s_i d_i| >= |sum d_i| - 1e-9} / 2^n over all 2^n sign vectors: every sum,
    built by doubling (numpy), so n = 20 is a million sums, counted exactly."""
    import numpy as np

    observed = abs(math.fsum(differences))
    sums = np.zeros(1)
    for value in differences:
        sums = np.concatenate((sums + value, sums - value))
    hits = int(np.count_nonzero(np.abs(sums) >= observed - TOLERANCE))
    return hits / 2 ** len(differences)


def t_quantile(probability: float, df: int) -> float:
    from scipy.stats import t

    return float(t.ppf(probability, df))


def verdict(low: float, high: float, direction: str) -> str:
    if direction == d.NONE:
        return A_HIGHER if low > 0 else B_HIGHER if high < 0 else UNCLEAR
    if direction == d.DOWN:
        low, high = -high, -low
    return CONSISTENT if low > 0 else OPPOSITE if high < 0 else UNCLEAR


@dataclass(frozen=True)
class Figures:
    n_pairs: int
    differences: tuple[float, ...]
    mean: float | None = None
    sd: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    p_value: float | None = None
    dz: float | None = None
    verdict: str = NOT_ENOUGH_DATA

    def as_json(self) -> dict:
        return {
            "n_pairs": self.n_pairs,
            "mean": self.mean,
            "sd": self.sd,
            "ci_low": self.ci_low,
            "ci_high": self.ci_high,
            "p_value": self.p_value,
            "dz": self.dz,
            "verdict": self.verdict,
        }


def figures(differences: Sequence[float], direction: str) -> Figures:
    n = len(differences)
    if n < MIN_PAIRS:
        return Figures(n, tuple(differences))
    mean = sum(differences) / n
    sd = math.sqrt(sum((x - mean) ** 2 for x in differences) / (n - 1))
    half = t_quantile(0.975, n - 1) * sd / math.sqrt(n) if sd > 0 else 0.0
    low, high = mean - half, mean + half
    return Figures(
        n,
        tuple(differences),
        mean=mean,
        sd=sd,
        ci_low=low,
        ci_high=high,
        p_value=exact_p_value(differences),
        dz=mean / sd if sd > 0 else None,
        verdict=verdict(low, high, direction),
    )


# -- one experiment ------------------------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    index: int
    date: date  # the day, or a week's Monday
    arm: str  # A | B
    condition: str
    followed: bool
    outcome: float | None
    passed: bool  # its last day is before today
    outcome_due: bool  # its outcome's last day is before today
    logged: int = 0  # sessions dated in it


@dataclass(frozen=True)
class Analysis:
    plan: Plan
    status: str
    units: tuple[Unit, ...]
    itt: Figures
    missing_pairs: int
    as_followed: Figures
    adherence: float | None


def analyse(
    plan: Plan,
    sessions: Iterable[Logged],
    checkins: Mapping[date, Mapping[str, int | None]],
    profile: tagging.ProfileFacts,
    today: date,
    stopped: date | None = None,
) -> Analysis:
    design = plan.design
    by_day: dict[date, list[Rated]] = {}
    for logged in sessions:
        by_day.setdefault(logged.facts.date, []).append(rate(logged, profile))

    units = []
    for index in range(plan.listed(today, stopped)):
        arm = plan.schedule[index]
        condition = design.a if arm == A else design.b
        first = plan.unit_start(index)
        if design.unit == d.DAY:
            day_sessions = by_day.get(first, [])
            logged = len(day_sessions)
            followed = day_holds(condition, day_sessions)
            if design.timing == d.SAME_DAY:
                outcome = same_day_feeling(condition, day_sessions)
            else:
                outcome = checkins.get(first + timedelta(days=1), {}).get(design.outcome)
        else:
            week = [by_day.get(first + timedelta(days=i), []) for i in range(7)]
            logged = sum(map(len, week))
            followed = week_holds(condition, week)
            outcome = week_mean(first, design.outcome, checkins)
        units.append(
            Unit(
                index,
                first,
                arm,
                condition,
                followed,
                None if outcome is None else float(outcome),
                plan.unit_end(index) < today,
                plan.outcome_day(index) < today,
                logged,
            )
        )

    itt, followed_pairs, missing = [], [], 0
    for first in range(0, len(units) - 1, 2):
        pair = units[first : first + 2]
        a_unit, b_unit = pair if pair[0].arm == A else pair[::-1]
        if a_unit.outcome is None or b_unit.outcome is None:
            missing += all(u.outcome_due for u in pair)
            continue
        difference = a_unit.outcome - b_unit.outcome
        itt.append(difference)
        if a_unit.followed and b_unit.followed:
            followed_pairs.append(difference)
    if len(units) % 2 and units[-1].outcome_due:
        missing += 1  # a pair cut short by stopping: its second unit never came
    passed = [u for u in units if u.passed]
    adherence = sum(u.followed for u in passed) / len(passed) if passed else None
    return Analysis(
        plan,
        plan.status(today, stopped),
        tuple(units),
        figures(itt, design.direction),
        missing,
        figures(followed_pairs, design.direction),
        adherence,
    )


def as_json(analysis: Analysis, identity: int | None) -> dict:
    """One experiment in the shape of experiments.md section 6 (unrounded floats)."""
    plan, design = analysis.plan, analysis.plan.design
    return {
        "id": identity,
        "design": design.key,
        "unit": design.unit,
        "start": plan.start.isoformat(),
        "pairs": plan.pairs,
        "status": analysis.status,
        "direction": design.direction,
        "outcome": design.outcome,
        "schedule": list(plan.schedule),
        "units": [
            {"date": u.date.isoformat(), "arm": u.arm, "followed": u.followed, "outcome": u.outcome}
            for u in analysis.units
        ],
        "itt": {
            "n_pairs": analysis.itt.n_pairs,
            "missing_pairs": analysis.missing_pairs,
            **analysis.itt.as_json(),
        },
        "as_followed": analysis.as_followed.as_json(),
        "adherence": analysis.adherence,
    }
