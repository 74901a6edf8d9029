"""Each kind of claim's units as rows (insights.md section 1): which sessions or dates are
units, their outcome, and which claims are "with" on each. Pure (no Django).

A row is (day, y, mask, before), as journal.insights.tally reads it: the unit's date as a
day number, its outcome as an exact number (journal.insights.stats.exact), bit i of `mask`
for the i-th exposure asked about, and `before`: for a session, its place in the list given
(its key); for a dated unit, the unit of the day before as (y, mask), or None when the day
before is no unit. Rows keep the order of what they are read from.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from journal.insights.stats import exact

ONE_DAY = timedelta(days=1)
# A session outcome is the change from before to after, read from these two fields.
SESSION_OUTCOMES = {
    "feeling_change": ("feeling_before", "feeling_after"),
    "arousal_change": ("arousal_before", "arousal_after"),
}


@dataclass(frozen=True)
class SessionRow:
    """What a session brings to the claims: its date, acute tags and feelings."""

    date: date
    effects: frozenset[str]  # slugs of the session's acute tags
    feeling_before: int | None = None
    feeling_after: int | None = None
    arousal_before: int | None = None
    arousal_after: int | None = None


def in_range(d: date, start: date | None, end: date) -> bool:
    return (start is None or d >= start) and d <= end


def _mask(tests, value) -> int:
    """Bit i set when tests[i](value) is true."""
    mask = 0
    for bit, test in enumerate(tests):
        if test(value):
            mask |= 1 << bit
    return mask


def session_rows(
    outcome: str,
    sessions: Sequence[SessionRow],
    start: date | None,
    end: date,
    effects: Sequence[str],
) -> list[tuple]:
    """One unit per session in range with both of the outcome's ratings, in the sessions'
    order, keyed by its place in `sessions`; bit i: it carries effects[i]'s acute tag."""
    before, after = SESSION_OUTCOMES[outcome]
    tests = [lambda tags, effect=effect: effect in tags for effect in effects]
    rows = []
    for place, s in enumerate(sessions):
        first, then = getattr(s, before), getattr(s, after)
        if first is not None and then is not None and in_range(s.date, start, end):
            mask = _mask(tests, s.effects)
            rows.append((s.date.toordinal(), exact(then - first), mask, place))
    return rows


def _dated_rows(found: list[tuple[date, int]], tests) -> list[tuple]:
    """Rows of (d, outcome) pairs (one a date), bit i set when tests[i](d), each paired
    with the unit of d - 1 when there is one."""
    units = {d.toordinal(): (exact(value), _mask(tests, d)) for d, value in found}
    return [(day, y, mask, units.get(day - 1)) for day, (y, mask) in units.items()]


def _recorded(outcome: str, checkins: Mapping[date, Mapping], start, end, shift: timedelta):
    """(d, value) for each check-in recording the outcome whose unit date d (the check-in's
    date less `shift`) is in range."""
    found = [(d - shift, row.get(outcome)) for d, row in checkins.items()]
    return [(d, v) for d, v in found if v is not None and in_range(d, start, end)]


def next_day_rows(
    outcome: str,
    checkins: Mapping[date, Mapping[str, int | None]],
    start: date | None,
    end: date,
    tagged: Sequence[set[date]],
) -> list[tuple]:
    """One unit per date d in range whose check-in on d + 1 records the outcome; bit i: a
    session dated d carries the tag (tagged[i] holds those dates)."""
    found = _recorded(outcome, checkins, start, end, ONE_DAY)
    return _dated_rows(found, [dates.__contains__ for dates in tagged])


def chronic_rows(
    outcome: str,
    checkins: Mapping[date, Mapping[str, int | None]],
    start: date | None,
    end: date,
    holds: Sequence[Mapping[date, bool]],
) -> list[tuple]:
    """One unit per date d in range whose check-in records the outcome; bit i: the predicate
    holds[i] holds on d (known on every `chronic_dates(...)`)."""
    found = _recorded(outcome, checkins, start, end, timedelta(0))
    return _dated_rows(found, [held.__getitem__ for held in holds])
