"""Windows: per-session filters, the W28/W42/W84 windows of 7-day blocks, the window
functions `mvpa`, `days`, `weeks_ok` and `max_gap` (effect-rules.md 0.3, 0.5), and the checks
and named predicates (CONSISTENT, REGULAR_MOD, AEROBIC_REG, STRENGTH_REG) built on them.

Naming: a `Window` is one of W28/W42/W84; a `WindowSet` is the three of them ending on one date.
"""

from __future__ import annotations

import datetime
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import accumulate

from journal.tagging.intensity import (
    AEROBIC,
    HIIT,
    MIXED,
    MOBILITY,
    MODERATE,
    RESISTANCE,
    VIGOROUS,
    WALKING,
    RatedSession,
    at_least,
)

WINDOW_DAYS = 84  # the longest window (W84); no tag looks further back

# Per-session filters of the spec (0.3 and the 0.5 contributing-filter table). Each is also a
# per-day flag of the timeline: a day matches when one of its sessions does.

# The activities whose minutes count toward the weekly guideline (the mvpa filter) [PAG18],
# in the order the charts list them; and those that count as endurance work.
MVPA_ACTIVITIES = (AEROBIC, HIIT, MIXED, WALKING)
ENDURANCE_ACTIVITIES = (AEROBIC, HIIT, MIXED)
# A vigorous-or-harder minute counts as this many moderate minutes [PAG18].
VIGOROUS_WEIGHT = 2
# Moderate-equivalent minutes a week that REGULAR_MOD asks for, and the charts draw [WHO20].
GUIDELINE_MINUTES = 150


def moderate_plus(s: RatedSession) -> bool:
    """Any session at int >= moderate (CONSISTENT, insulin days, max_gap)."""
    return at_least(s, MODERATE)


def vigorous_plus(s: RatedSession) -> bool:
    """int >= vigorous (rx_d2)."""
    return at_least(s, VIGOROUS)


def mvpa_session(s: RatedSession) -> bool:
    """The mvpa filter: aerobic, hiit, mixed or walking at int >= moderate [PAG18]."""
    return s.activity in MVPA_ACTIVITIES and at_least(s, MODERATE)


def aerobic30(s: RatedSession) -> bool:
    """AEROBIC_REG's filter: mvpa activity, int >= moderate, 30+ minutes [ACSM11]."""
    return s.minutes >= 30 and mvpa_session(s)


def endurance20(s: RatedSession) -> bool:
    """mito_biogenesis: aerobic, hiit or mixed, int >= moderate, 20+ minutes [STE12]."""
    return s.minutes >= 20 and s.activity in ENDURANCE_ACTIVITIES and at_least(s, MODERATE)


def hiit_or_resistance(s: RatedSession) -> bool:
    """dopamine: hiit or resistance at int >= moderate."""
    return s.activity in (HIIT, RESISTANCE) and at_least(s, MODERATE)


def resistance(s: RatedSession) -> bool:
    """STRENGTH_REG and testosterone: resistance at int >= moderate [WHO20]."""
    return s.activity == RESISTANCE and at_least(s, MODERATE)


def aerobic_walk30(s: RatedSession) -> bool:
    """rx_5ht1a: aerobic or walking at int >= moderate, 30+ minutes [GRE05]."""
    return s.minutes >= 30 and s.activity in (AEROBIC, WALKING) and at_least(s, MODERATE)


def yoga60(s: RatedSession) -> bool:
    """The yoga path to GABA: an hour or more of yoga [STR10]. The style must sit on a
    mobility session (the style field is its subtype), a choice that never adds tags."""
    return s.activity == MOBILITY and s.facts.style == "yoga" and s.minutes >= 60


_DAY_FILTERS = (
    moderate_plus,
    vigorous_plus,
    aerobic30,
    endurance20,
    hiit_or_resistance,
    resistance,
    aerobic_walk30,
    yoga60,
)


def moderate_equivalent(s: RatedSession) -> int:
    """mvpa minutes: moderate once, vigorous or harder twice [PAG18]."""
    if not mvpa_session(s):
        return 0
    return s.minutes * (VIGOROUS_WEIGHT if s.intensity >= VIGOROUS else 1)


# --- windows (0.3, 0.5) ---------------------------------------------------------------------


class Timeline:
    """Per-day facts of a history, with running totals, so any window is a few bisects."""

    def __init__(self, sessions: Iterable[RatedSession]):
        by_day: dict[int, list[RatedSession]] = {}
        for s in sessions:
            by_day.setdefault(s.day, []).append(s)
        self.days = sorted(by_day)
        rows = [by_day[d] for d in self.days]
        self.cum = {
            f: [0, *accumulate(any(f(s) for s in row) for row in rows)] for f in _DAY_FILTERS
        }
        self.cum_minutes = [
            0,
            *accumulate(sum(moderate_equivalent(s) for s in row) for row in rows),
        ]
        self.active_days = [
            d for d, row in zip(self.days, rows, strict=True) if any(map(moderate_plus, row))
        ]


class Window:
    """W28 / W42 / W84: `weeks` 7-day blocks ending on (and including) `end`. Block 1 is the
    end date and the six days before it, block 2 the seven days before those, and so on."""

    def __init__(self, timeline: Timeline, end: datetime.date | int, weeks: int, blocks=None):
        self.timeline = timeline
        self.end = end if isinstance(end, int) else end.toordinal()
        self.weeks = weeks
        self.start = self.end - 7 * weeks + 1
        days = timeline.days
        # (lo, hi) index range into timeline.days for each block, newest first.
        self.blocks = blocks or [
            (bisect_left(days, last - 6), bisect_right(days, last))
            for last in range(self.end, self.start - 1, -7)
        ]
        self._span = (self.blocks[-1][0], self.blocks[0][1])

    def first(self, weeks: int) -> Window:
        """The shorter window made of this one's newest `weeks` blocks (W28 inside W84)."""
        return Window(self.timeline, self.end, weeks, self.blocks[:weeks])

    def moderate_equivalent_minutes(self) -> int:
        lo, hi = self._span
        return self.timeline.cum_minutes[hi] - self.timeline.cum_minutes[lo]

    def mvpa(self) -> float:
        """Weekly average of moderate-equivalent minutes."""
        return self.moderate_equivalent_minutes() / self.weeks

    def day_count(self, f: Callable) -> int:
        """Distinct dates in the window with a session matching `f`."""
        lo, hi = self._span
        return self.timeline.cum[f][hi] - self.timeline.cum[f][lo]

    def days(self, f: Callable) -> float:
        """Weekly average of distinct dates with a session matching `f`."""
        return self.day_count(f) / self.weeks

    def weeks_ok(self, f: Callable, at_least: int) -> int:
        """Blocks with `at_least` distinct dates matching `f`."""
        cum = self.timeline.cum[f]
        return sum(cum[hi] - cum[lo] >= at_least for lo, hi in self.blocks)

    def max_gap(self) -> int:
        """Longest run of consecutive dates in the window with no session at int >= moderate."""
        active = self.timeline.active_days
        previous, gap = self.start - 1, 0
        for day in active[bisect_left(active, self.start) : bisect_right(active, self.end)]:
            gap = max(gap, day - previous - 1)
            previous = day
        return max(gap, self.end - previous)


@dataclass(frozen=True)
class WindowSet:
    w28: Window
    w42: Window
    w84: Window


def windows_ending(timeline: Timeline, day: int) -> WindowSet:
    w84 = Window(timeline, day, 12)
    return WindowSet(w84.first(4), w84.first(6), w84)


# --- checks and the named predicates --------------------------------------------------------


@dataclass(frozen=True)
class Check:
    """One condition of a window predicate: its figure, whether it holds, and a readable line."""

    key: str
    value: int | float
    met: bool
    text: str
    # How far along the condition is, 0 to 1 (1 when met): the dashboard lists a building
    # pattern among its headlines only when every condition is at least halfway.
    share: float = 1.0


def _share(have: float, need: float) -> float:
    return 1.0 if need <= 0 else max(0.0, min(1.0, have / need))


def whole_minutes(total: int, weeks: int) -> int:
    """A weekly average as the words show it: whole minutes, rounded down, so that 149.75
    reads 149 (short of 150) and never a decimal such as "17.5" (issue 21)."""
    return total // weeks


def mvpa_at_least(w: Window, minimum: int) -> Check:
    total, mvpa = w.moderate_equivalent_minutes(), w.mvpa()
    met = total >= minimum * w.weeks  # integers, so 149.75 never rounds up to 150
    shown = whole_minutes(total, w.weeks)
    text = (
        f"{shown} weekly cardio minutes" if met else f"{shown} of {minimum} weekly cardio minutes"
    )
    return Check("mvpa", mvpa, met, text, _share(total, minimum * w.weeks))


def mvpa_between(w: Window, low: int, high: int) -> Check:
    total, mvpa = w.moderate_equivalent_minutes(), w.mvpa()
    shown = whole_minutes(total, w.weeks)
    if total < low * w.weeks:
        text = f"{shown} of {low} weekly cardio minutes"
        return Check("mvpa", mvpa, False, text, _share(total, low * w.weeks))
    if total > high * w.weeks:
        # Rounded up here, so that 300.25 never reads as the cap itself.
        text = f"{-(-total // w.weeks)} weekly cardio minutes, over the {high} cap"
        return Check("mvpa", mvpa, False, text, 0.0)  # more is not progress here
    return Check("mvpa", mvpa, True, f"{shown} weekly cardio minutes, within {low} to {high}")


def weeks_check(
    w: Window, f: Callable, per_week: int, need: int, what: str, key: str = "weeks_ok"
) -> Check:
    k = w.weeks_ok(f, per_week)
    met = k >= need
    # Building reads as progress ("2 of 3 weeks"); once met, as a fact ("3 of 4 weeks").
    text = f"{k} of {w.weeks if met else need} weeks with {what}"
    return Check(key, k, met, text, _share(k, need))


def days_check(w: Window, f: Callable, per_week: int, what: str) -> Check:
    n, need = w.day_count(f), per_week * w.weeks  # days(W, f) >= per_week, in whole days
    met = n >= need
    text = f"{n} {what} in {w.weeks} weeks" if met else f"{n} of {need} {what} in {w.weeks} weeks"
    return Check("days", w.days(f), met, text, _share(n, need))


def max_gap_check(w: Window, at_most: int) -> Check:
    g = w.max_gap()
    if g <= at_most:
        return Check("max_gap", g, True, f"longest break {g} days")
    return Check("max_gap", g, False, f"a {g}-day break ({at_most} days at most)", at_most / g)


def CONSISTENT(w28: Window) -> tuple[Check, ...]:
    """3+ days at int >= moderate in 3 of the 4 blocks [ACSM11; COL16]."""
    return (weeks_check(w28, moderate_plus, 3, 3, "3+ active days"),)


def REGULAR_MOD(w28: Window) -> tuple[Check, ...]:
    """mvpa(W28) >= 150 and CONSISTENT [WHO20]."""
    return (mvpa_at_least(w28, GUIDELINE_MINUTES), *CONSISTENT(w28))


def AEROBIC_REG(w28: Window) -> tuple[Check, ...]:
    """days(W28, aerobic30) >= 3 and CONSISTENT [ACSM11]."""
    return (days_check(w28, aerobic30, 3, "days with 30+ minutes of cardio"), *CONSISTENT(w28))


def STRENGTH_REG(w28: Window) -> tuple[Check, ...]:
    """2+ resistance days in 3 of the 4 blocks [WHO20; ACSM11]."""
    return (weeks_check(w28, resistance, 2, 3, "2+ strength days"),)


def holds(checks: tuple[Check, ...]) -> bool:
    """A predicate is the tuple of its checks; it holds when every check is met."""
    return all(c.met for c in checks)
