"""Blocks of weeks: the unit in which the dashboard charts are cached and a write marks
what it changed (journal.core.chartstamp, journal.dashboard.chart_blocks). Pure.

The history is cut into blocks of BLOCK_WEEKS Monday-aligned weeks from EPOCH. A write on
some dates changes the chart figures of the blocks that read those dates: a session's
tags reach WINDOW_DAYS ahead (journal.tagging.affected_until), and a check-in's rolling
means LEAD_IN days.
"""

from datetime import date, timedelta

from journal.tagging import affected_until

BLOCK_WEEKS = 13  # a quarter: forty blocks for ten years, and a write recomputes one
BLOCK_DAYS = 7 * BLOCK_WEEKS
EPOCH = date(2000, 1, 3)  # a Monday: every block starts on one
LEAD_IN = 27  # days before a day that its 28-day rolling mean reads


def block_of(day: date) -> int:
    return (day - EPOCH).days // BLOCK_DAYS


def block_start(index: int) -> date:
    return EPOCH + timedelta(days=index * BLOCK_DAYS)


def block_end(index: int) -> date:
    return block_start(index) + timedelta(days=BLOCK_DAYS - 1)


def reached(first: date, last: date) -> range:
    """The blocks whose figures read rows dated first..last."""
    until = affected_until(last) + timedelta(days=LEAD_IN)
    return range(block_of(first), block_of(until) + 1)
