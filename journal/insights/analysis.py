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

from journal.insights import tally
from journal.insights.stats import (
    CONSISTENT,
    DOWN,
    MIN_PER_SIDE,
    NOT_ENOUGH_DATA,
    OPPOSITE,
    UNCLEAR,
    UP,
    Moments,
    Units,
    Welch,
    is_firm,
    q_values,
    same_evidence_counts,
    verdict,
    warm_up,
)
from journal.insights.stats import figures as stats_figures
from journal.insights.units import (
    SESSION_OUTCOMES,
    SessionRow,
    chronic_rows,
    in_range,
    next_day_rows,
    session_rows,
)

__all__ = [
    "SESSION_OUTCOMES",
    "SessionRow",
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


# --- exposure (insights.md section 1) ------------------------------------------------------


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
                if row.get(claim.outcome) is not None and in_range(d, start, end)
            )
    return {effect: sorted(dates) for effect, dates in wanted.items()}


# Claims of one kind and outcome read the same units: they form a group, whose units are
# read once, with each claim's "with" as one bit (journal.insights.tally). Ten years are
# 3,000+ check-ins and 4,000+ sessions.
GROUPS: tuple[tuple[str, str, tuple[int, ...]], ...] = tuple(
    (kind, outcome, tuple(i for i, c in enumerate(CLAIMS) if (c.kind, c.outcome) == which))
    for which in dict.fromkeys((c.kind, c.outcome) for c in CLAIMS)
    for kind, outcome in [which]
)
LAYOUT = tally.Layout([(len(claims), kind != SESSION) for kind, _, claims in GROUPS])
# How many days after a unit's date d its outcome is dated (the row that holds it).
OUTCOME_LAG = {SESSION: 0, NEXT_DAY: 1, CHRONIC: 0}


def _units(rows: list[tuple], dated: bool, bit: int = 0) -> Units:
    """One claim's units from its group's rows: keyed by day number (dated) or place."""
    keys = [row[0] if dated else row[3] for row in rows]
    return Units(keys, [bool(row[2] >> bit & 1) for row in rows], [row[1] for row in rows])


def session_units(
    claim: Claim, sessions: Sequence[SessionRow], start: date | None, end: date
) -> Units:
    """ "With": the session carries the claim's acute tag."""
    return _units(session_rows(claim.outcome, sessions, start, end, [claim.effect]), False)


def next_day_units(
    claim: Claim,
    tagged_dates: set[date],
    checkins: Mapping[date, Mapping[str, int | None]],
    start: date | None,
    end: date,
) -> Units:
    """`tagged_dates`: the dates on which at least one session carries the claim's effect.
    Each unit is the date d of the exposure; its outcome is read on d + 1."""
    return _units(next_day_rows(claim.outcome, checkins, start, end, [tagged_dates]), True)


def chronic_units(
    claim: Claim,
    holds: Mapping[date, bool],
    checkins: Mapping[date, Mapping[str, int | None]],
    start: date | None,
    end: date,
) -> Units:
    """`holds`: the effect's chronic predicate on each of `chronic_dates(...)`."""
    return _units(chronic_rows(claim.outcome, checkins, start, end, [holds]), True)


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


def unit_rows(
    sessions: Sequence[SessionRow],
    checkins: Mapping[date, Mapping[str, int | None]],
    chronic: Mapping[str, Mapping[date, bool]],
    start: date | None,
    end: date,
) -> list[list[tuple]]:
    """Each group's unit rows (journal.insights.tally), in the order of GROUPS, for the
    units dated from `start` (None: no limit) to `end`."""
    sessions = [s for s in sessions if in_range(s.date, start, end)]
    tagged: dict[str, set[date]] = {effect: set() for effect in ACUTE_EFFECTS}
    for s in sessions:
        for effect in s.effects & tagged.keys():
            tagged[effect].add(s.date)
    out = []
    for kind, outcome, claims in GROUPS:
        effects = [CLAIMS[i].effect for i in claims]
        if kind == SESSION:
            out.append(session_rows(outcome, sessions, None, end, effects))
        elif kind == NEXT_DAY:
            out.append(next_day_rows(outcome, checkins, start, end, [tagged[e] for e in effects]))
        else:
            out.append(chronic_rows(outcome, checkins, start, end, [chronic[e] for e in effects]))
    return out


def claim_units(
    sessions: Sequence[SessionRow],
    checkins: Mapping[date, Mapping[str, int | None]],
    chronic: Mapping[str, Mapping[date, bool]],
    start: date | None,
    end: date,
) -> list[Units]:
    """Each claim's units, in the order of CLAIMS."""
    out: dict[int, Units] = {}
    rows = unit_rows(sessions, checkins, chronic, start, end)
    for (kind, _, claims), group_rows in zip(GROUPS, rows, strict=True):
        for bit, i in enumerate(claims):
            out[i] = _units(group_rows, kind != SESSION, bit)
    return [out[i] for i in range(len(CLAIMS))]


def results(tallied: Sequence[int]) -> list[Result]:
    """The 16 claims, in order, from the tally of their units (LAYOUT)."""
    moments: dict[int, Moments] = {}
    shared: dict[tuple[int, int], int] = {}
    for group, (_, _, claims) in enumerate(GROUPS):
        for bit, i in enumerate(claims):
            moments[i] = LAYOUT.moments(tallied, group, bit)
            for other_bit, j in enumerate(claims):
                if j != i:
                    shared[i, j] = LAYOUT.shared(tallied, group, bit, other_bit)
    figures = [stats_figures(moments[i], c.kind != SESSION) for i, c in enumerate(CLAIMS)]
    computed = [i for i, f in enumerate(figures) if f is not None]
    q = dict(zip(computed, q_values([figures[i].p_value for i in computed]), strict=True))
    out = []
    for i, (claim, claim_figures) in enumerate(zip(CLAIMS, figures, strict=True)):
        n_with, n_without = moments[i].n1, moments[i].n - moments[i].n1
        said = verdict(claim_figures, claim.direction)
        same = tuple(
            CLAIMS[j].key
            for j in computed
            if (i, j) in shared
            and i in q
            and same_evidence_counts(shared[i, j], moments[i].n1, moments[j].n1)
        )
        out.append(
            Result(
                claim,
                n_with,
                n_without,
                claim_figures,
                said,
                q.get(i),
                is_firm(said, q.get(i), n_with, n_without),
                same,
                len(computed),
            )
        )
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
    rows = unit_rows(sessions, checkins, chronic, start, end)
    return results(LAYOUT.tally(rows, None, None))


def as_json(range_key: str, results: Sequence[Result]) -> dict:
    """insights.md section 6: every claim of section 2, in its order."""
    return {"version": VERSION, "range": range_key, "claims": [r.as_json() for r in results]}
