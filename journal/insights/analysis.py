"""Insights: the article's testable claims, checked on one person's own journal.

Pure Python (no Django), as insights.md (version 2) fixes every figure: plain rows in, the 16
claims of its section 2 out, each with the figures of section 3 (journal.insights.stats),
its q-value among the claims computed, the claims resting on the same evidence, the verdict
and `firm` of section 4.

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
- under the guard (n < 3 on a side) no mean is reported either ("nothing is computed"), nor
  a q-value; such a claim is not one of the m claims of 3.3;
- a next-day unit is any date d whose next-day check-in has the outcome, days before the
  first session included (they are days without the tag, as rest days are);
- the range ends today (the owner's local date): nothing dated later is a unit;
- a session claim's units are the sessions in the range in date order; two session claims
  compare the same sessions, so 3.4 matches them by that place.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from journal.insights.stats import (
    CONSISTENT,
    DOWN,
    MIN_PER_SIDE,
    NOT_ENOUGH_DATA,
    OPPOSITE,
    UNCLEAR,
    UP,
    Units,
    Welch,
    is_firm,
    q_values,
    same_evidence,
    verdict,
    warm_up,
    welch,
)

__all__ = [
    "CONSISTENT",
    "DOWN",
    "NOT_ENOUGH_DATA",
    "OPPOSITE",
    "UNCLEAR",
    "UP",
    "Welch",
    "warm_up",
]

VERSION = 2  # of insights.md, printed in the JSON of section 6
ONE_DAY = timedelta(days=1)

SESSION, NEXT_DAY, CHRONIC = "session", "next_day", "chronic"
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


# Each claim's units in two steps: what a kind and outcome read (the units' keys, outcomes,
# and what decides the exposure), shared by the claims of that kind and outcome; then each
# claim's "with" or "without" per unit. Ten years are 3,000+ check-ins and 4,000+ sessions.
Outcomes = tuple[list, list, list]  # keys, values, and per unit: its effects or its date d


def session_outcomes(
    outcome: str, sessions: Sequence[SessionRow], start: date | None, end: date
) -> Outcomes:
    """One unit per session in range with both of the outcome's ratings, keyed by its place
    in `sessions`; the third list holds each one's acute effects."""
    before, after = SESSION_OUTCOMES[outcome]
    rated = [
        (i, getattr(s, before), getattr(s, after), s)
        for i, s in enumerate(sessions)
        if _in_range(s.date, start, end)
    ]
    rated = [row for row in rated if row[1] is not None and row[2] is not None]
    return [i for i, *_ in rated], [b - a for _, a, b, _ in rated], [s.effects for *_, s in rated]


def _recorded(outcome: str, checkins: Mapping[date, Mapping], start, end, shift: timedelta):
    """(d, value) for each check-in recording the outcome whose unit date d (the check-in's
    date less `shift`) is in range."""
    found = [(d - shift, row.get(outcome)) for d, row in checkins.items()]
    return [(d, v) for d, v in found if v is not None and _in_range(d, start, end)]


def next_day_outcomes(
    outcome: str, checkins: Mapping[date, Mapping[str, int | None]], start: date | None, end: date
) -> Outcomes:
    """One unit per date d whose check-in on d + 1 records the outcome, keyed by d's day
    number (date.toordinal()); the third list holds d."""
    found = _recorded(outcome, checkins, start, end, ONE_DAY)
    return [d.toordinal() for d, _ in found], [v for _, v in found], [d for d, _ in found]


def chronic_outcomes(
    outcome: str, checkins: Mapping[date, Mapping[str, int | None]], start: date | None, end: date
) -> Outcomes:
    """One unit per date d whose check-in records the outcome, keyed by its day number."""
    found = _recorded(outcome, checkins, start, end, timedelta(0))
    return [d.toordinal() for d, _ in found], [v for _, v in found], [d for d, _ in found]


def session_units(
    claim: Claim, sessions: Sequence[SessionRow], start: date | None, end: date
) -> Units:
    """ "With": the session carries the claim's acute tag."""
    keys, values, effects = session_outcomes(claim.outcome, sessions, start, end)
    return Units(keys, [claim.effect in e for e in effects], values)


def next_day_units(
    claim: Claim,
    tagged_dates: set[date],
    checkins: Mapping[date, Mapping[str, int | None]],
    start: date | None,
    end: date,
) -> Units:
    """`tagged_dates`: the dates on which at least one session carries the claim's effect.
    Each unit is the date d of the exposure; its outcome is read on d + 1."""
    keys, values, dates = next_day_outcomes(claim.outcome, checkins, start, end)
    return Units(keys, [d in tagged_dates for d in dates], values)


def chronic_units(
    claim: Claim,
    holds: Mapping[date, bool],
    checkins: Mapping[date, Mapping[str, int | None]],
    start: date | None,
    end: date,
) -> Units:
    """`holds`: the effect's chronic predicate on each of `chronic_dates(...)`."""
    keys, values, dates = chronic_outcomes(claim.outcome, checkins, start, end)
    return Units(keys, [holds[d] for d in dates], values)


def groups(units: Units) -> tuple[list[float], list[float]]:
    """The outcomes "with" and "without", in the units' order."""
    return units.groups()


# --- the claims ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Result:
    claim: Claim
    n_with: int
    n_without: int
    figures: Welch | None
    verdict: str
    q_value: float | None = None  # 3.3; None when not computed
    firm: bool = False
    same_evidence_as: tuple[str, ...] = ()  # keys of the claims on the same evidence (3.4)
    tested: int = 0  # m of 3.3: how many claims were computed together

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
            "se": f and f.se,
            "df": f and f.df,
            "rho_exposure": f and f.rho_exposure,
            "rho_outcome": f and f.rho_outcome,
            "design_factor": f and f.design_factor,
            "se_adj": f and f.se_adj,
            "df_adj": f and f.df_adj,
            "ci_low": f and f.ci_low,
            "ci_high": f and f.ci_high,
            "p_value": f and f.p_value,
            "q_value": self.q_value,
            "hedges_g": f and f.hedges_g,
            "verdict": self.verdict,
            "firm": self.firm,
            "same_evidence_as": list(self.same_evidence_as),
        }


def claim_units(
    sessions: Sequence[SessionRow],
    checkins: Mapping[date, Mapping[str, int | None]],
    chronic: Mapping[str, Mapping[date, bool]],
    start: date | None,
    end: date,
) -> list[Units]:
    """Each claim's units, in the order of CLAIMS."""
    # The range is applied once here, not once per claim: ten years are 3,000+ check-ins.
    sessions = [s for s in sessions if _in_range(s.date, start, end)]
    next_day = {c: row for c, row in checkins.items() if _in_range(c - ONE_DAY, start, end)}
    same_day = {d: row for d, row in checkins.items() if _in_range(d, start, end)}
    anything = (None, date.max)
    tagged: dict[str, set[date]] = {effect: set() for effect in ACUTE_EFFECTS}
    for s in sessions:
        for effect in s.effects & tagged.keys():
            tagged[effect].add(s.date)
    read: dict[tuple[str, str], Outcomes] = {}
    out = []
    for claim in CLAIMS:
        which = (claim.kind, claim.outcome)
        if claim.kind == SESSION:
            if which not in read:
                read[which] = session_outcomes(claim.outcome, sessions, *anything)
            keys, values, effects = read[which]
            exposed = [claim.effect in e for e in effects]
        else:
            if which not in read:
                outcomes = next_day_outcomes if claim.kind == NEXT_DAY else chronic_outcomes
                read[which] = outcomes(
                    claim.outcome, next_day if claim.kind == NEXT_DAY else same_day, *anything
                )
            keys, values, dates = read[which]
            if claim.kind == NEXT_DAY:
                exposed = [d in tagged[claim.effect] for d in dates]
            else:
                exposed = [chronic[claim.effect][d] for d in dates]
        out.append(Units(keys, exposed, values))
    return out


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
    units = claim_units(sessions, checkins, chronic, start, end)
    figures = [welch(u, claim.kind != SESSION) for claim, u in zip(CLAIMS, units, strict=True)]
    computed = [i for i, f in enumerate(figures) if f is not None]
    q = dict(zip(computed, q_values([figures[i].p_value for i in computed]), strict=True))
    exposed = {i: units[i].exposed_keys() for i in computed}
    results = []
    for i, (claim, claim_figures) in enumerate(zip(CLAIMS, figures, strict=True)):
        n_with = sum(units[i].exposed)
        said = verdict(claim_figures, claim.direction)
        same = tuple(
            other.key
            for j, other in enumerate(CLAIMS)
            if j != i
            and i in exposed
            and j in exposed
            and (other.kind, other.outcome) == (claim.kind, claim.outcome)
            and same_evidence(exposed[i], exposed[j])
        )
        results.append(
            Result(
                claim,
                n_with,
                len(units[i].keys) - n_with,
                claim_figures,
                said,
                q.get(i),
                is_firm(said, q.get(i), n_with, len(units[i].keys) - n_with),
                same,
                len(computed),
            )
        )
    return results


def as_json(range_key: str, results: Sequence[Result]) -> dict:
    """insights.md section 6: every claim of section 2, in its order."""
    return {"version": VERSION, "range": range_key, "claims": [r.as_json() for r in results]}
