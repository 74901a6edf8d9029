"""The dashboard charts' blocks (journal.dashboard.chart_blocks), cached per person by their stamps.

A view reads the stamps of its person's blocks (one query), takes the blocks it needs
from the cache in one round trip, and computes only those missing: after a write, the
block holding its dates. The missing blocks' rows are read in one query per chart input,
bounded to their dates, so a cold view after a write costs the same few queries on a
journal of ten years as on one of ten days. A cache that cannot be reached costs speed,
never the charts.
"""

import json
from bisect import bisect_left, bisect_right
from datetime import date, timedelta

from journal.core.blocks import LEAD_IN, block_end, block_of, block_start
from journal.core.caching import cached_many, store_many
from journal.core.chartstamp import block_keys
from journal.dashboard import charts, queries, stats
from journal.dashboard.chart_blocks import build_block
from journal.tagging import RULES_VERSION

FORMAT = 2  # bump when a block's shape changes, so a deploy never reads old pickles (2: dicts)
TIMEOUT = 7 * 24 * 60 * 60  # entries never go stale (the stamp is in the key): memory only


def _slice(rows: list[dict], field: str, first: date, last: date) -> list[dict]:
    """The rows (sorted by `field`) dated first..last."""
    keys = [row[field] for row in rows]
    return rows[bisect_left(keys, first) : bisect_right(keys, last)]


def _compute(user, missing: list[int]) -> dict[int, tuple[dict, dict]]:
    """The missing blocks, from one bounded read per chart input."""
    first, last = block_start(min(missing)), block_end(max(missing))
    lead = first - timedelta(days=LEAD_IN)
    sessions = queries.block_sessions(user, lead, last)
    checkins = queries.daily_checkins(user, lead, last)
    tags = queries.weekly_tags(user, first, last)
    built = {}
    for index in missing:
        start, end = block_start(index), block_end(index)
        before = start - timedelta(days=LEAD_IN)
        built[index] = build_block(
            index,
            sessions=_slice(sessions, "date", before, end),
            checkins=_slice(checkins, "date", before, end),
            tags=_slice(tags, "week", start, end),
        )
    return built


class Blocks:
    """The blocks covering first..last for one person: their weekly figures at once, their
    daily figures when asked for. Each is cached under the block's stamps as plain dicts and
    lists of numbers and strings: forty of them unpickle about five times faster than the
    same figures parse from JSON text."""

    def __init__(self, user, first: date, last: date):
        self.user = user
        self.wanted = range(block_of(first), block_of(last) + 1)
        self.keys = block_keys(user, f"mj-chart:{FORMAT}:{RULES_VERSION}", self.wanted)
        found = cached_many([f"{key}:w" for key in self.keys.values()])
        weekly = {i: found[f"{key}:w"] for i, key in self.keys.items() if f"{key}:w" in found}
        self._daily: dict[int, dict] = {}
        missing = [i for i in self.wanted if i not in weekly]
        if missing:
            for index, (week, day) in self._fill(missing).items():
                weekly[index], self._daily[index] = week, day
        self.weekly = [weekly[i] for i in self.wanted]

    def daily(self, first: date, last: date) -> dict[str, dict]:
        """The daily figures of the blocks holding first..last, by their start (ISO)."""
        indexes = [i for i in range(block_of(first), block_of(last) + 1) if i in self.keys]
        found = cached_many([f"{self.keys[i]}:d" for i in indexes if i not in self._daily])
        days = {i: self._daily.get(i) or found.get(f"{self.keys[i]}:d") for i in indexes}
        missing = [i for i, day in days.items() if day is None]
        if missing:  # evicted apart from their weekly figures: rare
            days.update({i: pair[1] for i, pair in self._fill(missing).items()})
        return {block_start(i).isoformat(): day for i, day in days.items()}

    def _fill(self, missing: list[int]) -> dict[int, tuple[dict, dict]]:
        # Through JSON once, so that a block just computed has the shape of one read back
        # from any cache backend: dates as ISO strings, tuples as lists.
        computed = {
            index: json.loads(json.dumps([week, day], default=str))
            for index, (week, day) in _compute(self.user, missing).items()
        }
        entries = {}
        for index, (week, day) in computed.items():
            entries[f"{self.keys[index]}:w"] = week
            entries[f"{self.keys[index]}:d"] = day
        store_many(entries, TIMEOUT)
        return {index: (week, day) for index, (week, day) in computed.items()}


def build_charts(user, range_key: str, today: date, journal_start: date | None, names: dict):
    """The six charts of a range ending today (journal.dashboard.charts), from the cached blocks."""
    start = charts.range_start(range_key, today)
    first = start or max(
        journal_start or today, today - timedelta(days=stats.ALL_RANGE_MAX_DAYS - 1)
    )
    found = Blocks(user, first, today)
    start = start or charts.first_date(found.weekly, today)
    # Ranges drawn per day read the daily figures; one drawn per week, those of the block
    # it starts in (for the next-day chart's first days).
    last = start if charts.is_weekly(start, today) else today
    return charts.build(
        start=start,
        today=today,
        weekly=found.weekly,
        daily=found.daily(start, last),
        effect_names=names,
    )
