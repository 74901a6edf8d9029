"""Insights: the article's testable claims, checked on one person's own journal.

Pure Python (no Django), as insights.md fixes every figure: plain rows in, the 16 claims of
its section 2 out, each with the Welch figures of section 3 and the verdict of section 4.

Three kinds of exposure (insights.md section 1):
- `session`: one unit per session whose outcome inputs are both present; "with" when the
  session carries the effect's acute tag.
- `next_day`: one unit per date d whose check-in on d + 1 records the outcome; "with" when a
  session dated d carries the acute tag, "without" otherwise (rest days included).
- `chronic`: one unit per date d whose check-in records the outcome; "with" when the effect's
  chronic window predicate holds on d. The predicate comes from the tagging engine (the
  caller passes it per date, see `chronic_dates`), never from a copy of the rules here.

A unit whose outcome is missing is left out of both groups. A range limits d (or the
session's date) to [start, end]; the caller's predicate windows still look back before start.

Where insights.md is silent, the reading that makes a verdict less confident is chosen:
- the interval must lie strictly above (or below) zero: an end exactly on 0 is "unclear";
- under the guard (n < 3 on a side) no mean is reported either ("nothing is computed");
- with se = 0 the degrees of freedom are 0/0 and left out (None), as is g (s_p = 0 too);
- a next-day unit is any date d whose next-day check-in has the outcome, days before the
  first session included (they are days without the tag, as rest days are);
- the range ends today (the owner's local date): nothing dated later is a unit.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

MIN_PER_SIDE = 3  # Bearable's minimum on each side (insights.md section 3)
CONFIDENCE = 0.95
ONE_DAY = timedelta(days=1)

SESSION, NEXT_DAY, CHRONIC = "session", "next_day", "chronic"
UP, DOWN = "up", "down"
CONSISTENT, OPPOSITE, UNCLEAR, NOT_ENOUGH_DATA = (
    "consistent",
    "opposite",
    "unclear",
    "not_enough_data",
)
CHECKIN_OUTCOMES = ("mood", "sleep_quality", "anxiety", "energy", "motivation", "focus", "stress")
# A session outcome is the change from before to after, read from these two fields.
SESSION_OUTCOMES = {
    "feeling_change": ("feeling_before", "feeling_after"),
    "arousal_change": ("arousal_before", "arousal_after"),
}


@dataclass(frozen=True)
class Claim:
    key: str
    effect: str  # an effect slug of effect-rules.md
    kind: str  # session | next_day | chronic
    outcome: str  # an outcome name of insights.md section 6
    direction: str  # up | down: what the article predicts for the outcome


# insights.md section 2, in its order (the order of every output).
CLAIMS: tuple[Claim, ...] = (
    Claim("feeling-endorphins", "endorphins", SESSION, "feeling_change", UP),
    Claim("feeling-endocannabinoids", "endocannabinoids", SESSION, "feeling_change", UP),
    Claim("feeling-serotonin", "serotonin", SESSION, "feeling_change", UP),
    Claim("arousal-catecholamines", "catecholamines", SESSION, "arousal_change", UP),
    Claim("mood-endorphins", "endorphins", NEXT_DAY, "mood", UP),
    Claim("sleep-serotonin", "serotonin", NEXT_DAY, "sleep_quality", UP),
    Claim("sleep-gaba", "gaba", NEXT_DAY, "sleep_quality", UP),
    Claim("anxiety-gaba", "gaba", NEXT_DAY, "anxiety", DOWN),
    Claim("anxiety-endocannabinoids", "endocannabinoids", NEXT_DAY, "anxiety", DOWN),
    Claim("focus-bdnf", "bdnf", NEXT_DAY, "focus", UP),
    Claim("energy-catecholamines", "catecholamines", NEXT_DAY, "energy", UP),
    Claim("mood-serotonin-regular", "serotonin", CHRONIC, "mood", UP),
    Claim("stress-hpa", "hpa_recalibration", CHRONIC, "stress", DOWN),
    Claim("motivation-dopamine", "dopamine", CHRONIC, "motivation", UP),
    Claim("anxiety-5ht1a", "rx_5ht1a", CHRONIC, "anxiety", DOWN),
    Claim("sleep-gaba-regular", "gaba", CHRONIC, "sleep_quality", UP),
)
CLAIMS_BY_KEY = {claim.key: claim for claim in CLAIMS}
ACUTE_EFFECTS = tuple(sorted({c.effect for c in CLAIMS if c.kind != CHRONIC}))
CHRONIC_EFFECTS = tuple(sorted({c.effect for c in CLAIMS if c.kind == CHRONIC}))


@dataclass(frozen=True)
class SessionRow:
    """What a session brings to the claims: its date, acute tags and feelings."""

    date: date
    effects: frozenset[str]  # slugs of the session's acute tags
    feeling_before: int | None = None
    feeling_after: int | None = None
    arousal_before: int | None = None
    arousal_after: int | None = None


# --- statistics (insights.md section 3) ----------------------------------------------------


@dataclass(frozen=True)
class Welch:
    n_with: int
    n_without: int
    mean_with: float
    mean_without: float
    difference: float
    se: float
    df: float | None  # None when se = 0 (0/0)
    ci_low: float
    ci_high: float
    hedges_g: float | None  # None when the pooled standard deviation is 0


def _mean_and_variance(values: Sequence[float]) -> tuple[float, float]:
    mean = math.fsum(values) / len(values)
    return mean, math.fsum((x - mean) ** 2 for x in values) / (len(values) - 1)


def t_quantile(probability: float, df: float) -> float:
    """Student's t quantile at a (fractional) df, from scipy, imported when first needed so
    that loading the app does not pay for scipy.stats."""
    from scipy.stats import t

    return float(t.ppf(probability, df))


def warm_up() -> None:
    """Import scipy.stats now (a server calls this when a worker starts)."""
    t_quantile(0.975, 10)


def welch(with_: Sequence[float], without: Sequence[float]) -> Welch | None:
    """Welch's difference of means with its 95% interval and Hedges' g; None under the guard."""
    n1, n0 = len(with_), len(without)
    if n1 < MIN_PER_SIDE or n0 < MIN_PER_SIDE:
        return None
    m1, v1 = _mean_and_variance(with_)
    m0, v0 = _mean_and_variance(without)
    a1, a0 = v1 / n1, v0 / n0
    se = math.sqrt(a1 + a0)
    difference = m1 - m0
    if se == 0:
        df, low, high = None, difference, difference
    else:
        # Welch-Satterthwaite: se^4 / ((v1/n1)^2/(n1-1) + (v0/n0)^2/(n0-1)).
        df = (a1 + a0) ** 2 / (a1**2 / (n1 - 1) + a0**2 / (n0 - 1))
        half = t_quantile(1 - (1 - CONFIDENCE) / 2, df) * se
        low, high = difference - half, difference + half
    pooled = math.sqrt(((n1 - 1) * v1 + (n0 - 1) * v0) / (n1 + n0 - 2))
    g = None if pooled == 0 else difference / pooled * (1 - 3 / (4 * (n1 + n0) - 9))
    return Welch(n1, n0, m1, m0, difference, se, df, low, high, g)


def verdict(figures: Welch | None, direction: str) -> str:
    """insights.md section 4; "down" claims are the mirror image of "up" ones."""
    if figures is None:
        return NOT_ENOUGH_DATA
    above, below = figures.ci_low > 0, figures.ci_high < 0
    if direction == DOWN:
        above, below = below, above
    if above:
        return CONSISTENT
    if below:
        return OPPOSITE
    return UNCLEAR


# --- exposure (insights.md section 1) ------------------------------------------------------


def _in_range(d: date, start: date | None, end: date) -> bool:
    return (start is None or d >= start) and d <= end


def chronic_dates(
    checkins: Mapping[date, Mapping[str, int | None]], start: date | None, end: date
) -> dict[str, list[date]]:
    """The dates on which each chronic effect's predicate must be known: the check-in dates
    in range that record an outcome one of its claims reads (no other date is a unit)."""
    wanted: dict[str, set[date]] = {effect: set() for effect in CHRONIC_EFFECTS}
    for claim in CLAIMS:
        if claim.kind == CHRONIC:
            wanted[claim.effect].update(
                d
                for d, row in checkins.items()
                if row.get(claim.outcome) is not None and _in_range(d, start, end)
            )
    return {effect: sorted(dates) for effect, dates in wanted.items()}


def session_groups(
    claim: Claim, sessions: Sequence[SessionRow], start: date | None, end: date
) -> tuple[list[float], list[float]]:
    before, after = SESSION_OUTCOMES[claim.outcome]
    with_, without = [], []
    for s in sessions:
        first, last = getattr(s, before), getattr(s, after)
        if first is None or last is None or not _in_range(s.date, start, end):
            continue
        (with_ if claim.effect in s.effects else without).append(last - first)
    return with_, without


def next_day_groups(
    claim: Claim,
    tagged_dates: set[date],
    checkins: Mapping[date, Mapping[str, int | None]],
    start: date | None,
    end: date,
) -> tuple[list[float], list[float]]:
    """`tagged_dates`: the dates on which at least one session carries the claim's effect."""
    with_, without = [], []
    for checked, row in checkins.items():
        value, d = row.get(claim.outcome), checked - ONE_DAY
        if value is None or not _in_range(d, start, end):
            continue
        (with_ if d in tagged_dates else without).append(value)
    return with_, without


def chronic_groups(
    claim: Claim,
    holds: Mapping[date, bool],
    checkins: Mapping[date, Mapping[str, int | None]],
    start: date | None,
    end: date,
) -> tuple[list[float], list[float]]:
    """`holds`: the effect's chronic predicate on each of `chronic_dates(...)`."""
    with_, without = [], []
    for d, row in checkins.items():
        value = row.get(claim.outcome)
        if value is None or not _in_range(d, start, end):
            continue
        (with_ if holds[d] else without).append(value)
    return with_, without


# --- the claims ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Result:
    claim: Claim
    n_with: int
    n_without: int
    figures: Welch | None
    verdict: str

    @property
    def need_with(self) -> int:
        """How many more units "with" the guard asks for (0 when there are enough)."""
        return max(0, MIN_PER_SIDE - self.n_with)

    @property
    def need_without(self) -> int:
        return max(0, MIN_PER_SIDE - self.n_without)

    def as_json(self) -> dict:
        """One claim as insights.md section 6 prints it: unrounded, null where not computed."""
        f = self.figures
        return {
            "key": self.claim.key,
            "effect": self.claim.effect,
            "kind": self.claim.kind,
            "outcome": self.claim.outcome,
            "direction": self.claim.direction,
            "n_with": self.n_with,
            "n_without": self.n_without,
            "mean_with": f and f.mean_with,
            "mean_without": f and f.mean_without,
            "difference": f and f.difference,
            "ci_low": f and f.ci_low,
            "ci_high": f and f.ci_high,
            "df": f and f.df,
            "hedges_g": f and f.hedges_g,
            "verdict": self.verdict,
        }


def evaluate(
    sessions: Sequence[SessionRow],
    checkins: Mapping[date, Mapping[str, int | None]],
    chronic: Mapping[str, Mapping[date, bool]],
    start: date | None,
    end: date,
) -> list[Result]:
    """The 16 claims, in order, for the units dated from `start` (None: no limit) to `end`.

    `checkins` maps a date to that day's check-in (outcome name -> value or None);
    `chronic` maps each of CHRONIC_EFFECTS to its predicate on every `chronic_dates(...)`.
    """
    # The range is applied once here, not once per claim: ten years are 3,000+ check-ins.
    sessions = [s for s in sessions if _in_range(s.date, start, end)]
    next_day = {c: row for c, row in checkins.items() if _in_range(c - ONE_DAY, start, end)}
    same_day = {d: row for d, row in checkins.items() if _in_range(d, start, end)}
    anything = (None, date.max)
    tagged: dict[str, set[date]] = {effect: set() for effect in ACUTE_EFFECTS}
    for s in sessions:
        for effect in s.effects & tagged.keys():
            tagged[effect].add(s.date)
    results = []
    for claim in CLAIMS:
        if claim.kind == SESSION:
            with_, without = session_groups(claim, sessions, *anything)
        elif claim.kind == NEXT_DAY:
            with_, without = next_day_groups(claim, tagged[claim.effect], next_day, *anything)
        else:
            with_, without = chronic_groups(claim, chronic[claim.effect], same_day, *anything)
        figures = welch(with_, without)
        results.append(
            Result(claim, len(with_), len(without), figures, verdict(figures, claim.direction))
        )
    return results


def as_json(range_key: str, results: Sequence[Result]) -> dict:
    return {"range": range_key, "claims": [r.as_json() for r in results]}
