"""Builders shared by the tagging tests: sessions, weekly patterns and windows around DAY."""

import datetime
import itertools

from journal.tagging import (
    ProfileFacts,
    SessionFacts,
    Timeline,
    Window,
    tag_session,
)
from journal.tagging.intensity import rate

DAY = datetime.date(2024, 6, 30)
NOBODY = ProfileFacts()
MAN = ProfileFacts(sex="male")
WOMAN = ProfileFacts(sex="female")
_keys = itertools.count()


def session(activity="aerobic", minutes=30, effort=None, ago=0, **extra) -> SessionFacts:
    """A session `ago` days before DAY (effort left unset means default METs)."""
    return SessionFacts(
        key=next(_keys),
        date=DAY - datetime.timedelta(days=ago),
        activity=activity,
        minutes=minutes,
        effort=effort,
        **extra,
    )


def weekly(weeks, per_week=3, activity="aerobic", minutes=60, effort=3, **extra):
    """`per_week` sessions in each of the newest `weeks` 7-day blocks ending on DAY, every
    other day from the block's last date (offsets 0, 2, 4 ...)."""
    return [
        session(activity, minutes, effort, ago=7 * block + 2 * i, **extra)
        for block in range(weeks)
        for i in range(per_week)
    ]


def window(history, weeks: int) -> Window:
    """The window of `weeks` blocks ending on DAY over a history, rated as the engine does."""
    return Window(Timeline(rate(s, NOBODY) for s in history), DAY, weeks)


def rules(s, history=(), profile=NOBODY) -> set[str]:
    return {t.rule for t in tag_session(s, history, profile)}


def acute(s, profile=NOBODY) -> set[str]:
    return {r.split(".")[0] for r in rules(s, (), profile) if r.endswith(".acute")}


def tag_of(s, rule, history=(), profile=NOBODY):
    return next(t for t in tag_session(s, history, profile) if t.rule == rule)


def the_last(history):
    """The newest session of a history (on DAY)."""
    return max(history, key=lambda s: s.date)
