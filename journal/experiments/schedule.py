"""The dates of an experiment's plan, its status by date, and the draw (experiments.md 3).

Pure (no Django). The draw uses `secrets`, never a seeded generator: only a draw nobody can
predict makes the comparison fair. The stored schedule is the truth; nothing re-derives it.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, timedelta

from journal.experiments.designs import DAY, NEXT_DAY, Design

A, B = "A", "B"
PLANNED, RUNNING, FINISHED, STOPPED = "planned", "running", "finished", "stopped"
ACTIVE = (PLANNED, RUNNING)  # at most one of these per person


def draw(pairs: int, choice=secrets.choice) -> list[str]:
    """2 x `pairs` arms: each pair's order, AB or BA, drawn independently."""
    schedule: list[str] = []
    for _ in range(pairs):
        schedule.extend(choice(((A, B), (B, A))))
    return schedule


def default_start(design: Design, today: date) -> date:
    """Tomorrow; for a week design, the next Monday (never today)."""
    if design.unit == DAY:
        return today + timedelta(days=1)
    return today + timedelta(days=7 - today.weekday())


def unit_days(design: Design) -> int:
    return 1 if design.unit == DAY else 7


@dataclass(frozen=True)
class Plan:
    """The calendar of one experiment: which unit falls on which dates."""

    design: Design
    start: date
    schedule: tuple[str, ...]

    @property
    def pairs(self) -> int:
        return len(self.schedule) // 2

    def unit_start(self, index: int) -> date:
        return self.start + timedelta(days=index * unit_days(self.design))

    def unit_end(self, index: int) -> date:
        return self.unit_start(index) + timedelta(days=unit_days(self.design) - 1)

    @property
    def last_day(self) -> date:
        """The last day of the last unit."""
        return self.unit_end(len(self.schedule) - 1)

    @property
    def end(self) -> date:
        """The last day data can arrive: after the last unit and, for a next-day outcome,
        the check-in of the day after it (section 3)."""
        extra = 1 if self.design.timing == NEXT_DAY else 0
        return self.last_day + timedelta(days=extra)

    def outcome_day(self, index: int) -> date:
        """The last day on which unit `index`'s outcome can be recorded."""
        extra = 1 if self.design.timing == NEXT_DAY else 0
        return self.unit_end(index) + timedelta(days=extra)

    def unit_on(self, day: date) -> int | None:
        """The index of the unit that holds `day`, or None outside the plan."""
        if day < self.start or day > self.last_day:
            return None
        return (day - self.start).days // unit_days(self.design)

    def status(self, today: date, stopped: date | None = None) -> str:
        if stopped is not None:
            return STOPPED
        if today < self.start:
            return PLANNED
        return RUNNING if today <= self.end else FINISHED

    def listed(self, today: date, stopped: date | None = None) -> int:
        """How many units the output lists: from the start through today, the end, or the
        day it was stopped (inclusive: stopping keeps what the page showed that day)."""
        cut = today if stopped is None else min(today, stopped)
        count = 0
        while count < len(self.schedule) and self.unit_start(count) <= cut:
            count += 1
        return count

    def overlaps(self, other: Plan) -> bool:
        return self.start <= other.end and other.start <= self.end
