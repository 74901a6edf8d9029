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
from journal.core.caching import Kept, cached_many, digest, person, store_many
from journal.core.chartstamp import EVERY_BLOCK, Stamps, block_keys, stamps
from journal.dashboard import charts, queries, stats
from journal.dashboard.chart_blocks import build_block
from journal.dashboard.chart_join import Joined, Settled, finish, settle
from journal.dashboard.chart_span import Span
from journal.tagging import RULES_VERSION

FORMAT = 4  # bump when a block's or a chart's shape changes, so a deploy never reads old pickles
NAME = f"mj-chart:{FORMAT}:{RULES_VERSION}"
TIMEOUT = 7 * 24 * 60 * 60  # entries never go stale (the stamp is in the key): memory only
# The settled parts this process used last (the All range's is a few megabytes as objects)
# and their active weeks.
KEPT = Kept(32)


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

    def __init__(self, user, first: date, last: date, read: Stamps | None = None, known=None):
        self.user = user
        self.wanted = range(block_of(first), block_of(last) + 1)
        self.keys = block_keys(user, NAME, self.wanted, read)
        # Blocks whose figures are at hand (live_block's, kept by a write): no cache asked.
        known = {i: pair for i, pair in (known or {}).items() if i in self.keys}
        asked = [f"{key}:w" for i, key in self.keys.items() if i not in known]
        found = cached_many(asked)
        weekly = {i: found[f"{key}:w"] for i, key in self.keys.items() if f"{key}:w" in found}
        weekly.update({i: week for i, (week, _day) in known.items()})
        self._daily: dict[int, dict] = {i: day for i, (_week, day) in known.items()}
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


def all_stamps(user, today: date) -> Stamps:
    """The stamps of every block up to today's, in one query: they serve any range."""
    return stamps(user, range(EVERY_BLOCK + 1, block_of(today) + 1))


def live_block(user, today: date, read: Stamps) -> dict[int, tuple[dict, dict]]:
    """The weekly and daily figures of the live block (today's), by its index, as Blocks
    takes them back (`known`); `read` are stamps that cover it."""
    live = block_of(today)
    found = Blocks(user, block_start(live), today, read)
    return {live: (found.weekly[0], found.daily(today, today)[block_start(live).isoformat()])}


def build_charts(
    user,
    range_key: str,
    today: date,
    journal_start: date | None,
    names: dict,
    read: Stamps | None = None,
    known: dict | None = None,
    kept_only: bool = False,
):
    """The six charts of a range ending today (journal.dashboard.charts), from the cached
    blocks: those of the live block (today's) joined to those of the settled blocks before
    it, which are cached whole until a write reaches one of them (journal.dashboard.chart_join).
    `read` and `known`, when given, are all_stamps and live_block read at the journal's
    current version; else they are read here. `kept_only`: None rather than a settled part
    this process does not keep (KEPT) computed or read from the cache."""
    start = charts.range_start(range_key, today)
    first = start or max(
        journal_start or today, today - timedelta(days=stats.ALL_RANGE_MAX_DAYS - 1)
    )
    live = block_of(today)
    read = read or all_stamps(user, today)  # one read serves every block below
    found = Blocks(user, block_start(live), today, read, known)
    if start is None:
        weeks = settled_weeks(user, first, live, read, kept_only)
        if weeks is None:
            return None
        start = charts.first_date(weeks + charts.active_weeks(found.weekly), today)
    by_week = charts.is_weekly(start, today)
    if block_of(start) == live:
        daily = found.daily(start, start if by_week else today)
        return charts.build(
            start=start, today=today, weekly=found.weekly, daily=daily, effect_names=names
        )
    # A range drawn per week reads the days of the block it starts in only (for the
    # next-day chart's first days): none of the live block's.
    span = Span(
        block_start(live), today, found.weekly, {} if by_week else found.daily(today, today)
    )
    shown = charts.shown_columns(span, by_week)
    settled = settled_charts(user, start, live, by_week, names, read, shown, kept_only)
    return None if settled is None else finish(settled, span, by_week, names)


def _settled_name(user, kind: str, blocks: range, read: Stamps) -> str:
    keys = block_keys(user, NAME, blocks, read)
    return f"{NAME}:{kind}:{person(user)}:{digest(list(keys.values()))}"


def _kept(name: str, compute, kept_only: bool):
    """KEPT's value of `name`: computed if need be, or with `kept_only` None if not kept."""
    return KEPT.peek(name) if kept_only else KEPT.get(name, compute)


def settled_weeks(user, first: date, live: int, read: Stamps, kept_only=False) -> list[date]:
    """The active weeks (charts.active_weeks) of the blocks from first's to the live one."""
    blocks = range(block_of(first), live)
    if not blocks:
        return []
    return _kept(
        _settled_name(user, "weeks", blocks, read),
        lambda: charts.active_weeks(Blocks(user, first, block_end(live - 1), read).weekly),
        kept_only,
    )


def settled_charts(user, start, live, by_week, names, read, live_shown, kept_only=False):
    """The charts of start..the end of the block before the live one (Settled), cached
    until a write reaches one of its blocks, built with its own columns and the live part's
    (charts.both_columns): a column new in the live block builds them again, once. Each
    chart carries the KEPT name of its part and its place in it (`kept_as`), by which a
    page built by a write names its pieces rather than copying them (settled_piece)."""
    last = block_end(live - 1)
    name = _settled_name(user, "charts", range(block_of(start), live), read)
    name += f":{start.isoformat()}:{by_week}:{digest(names)}"

    def compute(key: str, shown: dict | None):
        def settled() -> Settled:
            found = Blocks(user, start, last, read)
            span = Span(start, last, found.weekly, found.daily(start, start if by_week else last))
            part = settle(span, by_week, names, shown)
            for index, chart in enumerate(part.charts):
                chart.kept_as = (key, index)
            return part

        return settled

    own = _kept(name, compute(name, None), kept_only)
    if own is None:
        return None
    shown = charts.both_columns(own.shown, live_shown)
    if shown == own.shown:
        return own
    key = f"{name}:{digest(shown)}"
    return _kept(key, compute(key, shown), kept_only)


def named_pieces(built: list) -> dict[int, tuple] | None:
    """The pieces of the settled parts that the charts `built` (a range's, joined) put in a
    page, by id(): each settled chart's series_script items and rows_html, as
    (its part's KEPT name, the chart's index, the item or None), to be put back by
    settled_piece; None if a settled chart has no name (chart_payload.Chart.kept_as)."""
    named = {}
    for chart in built:
        if not isinstance(chart, Joined):
            continue
        settled = chart.parts[0]
        if settled.kept_as is None:
            return None
        name, index = settled.kept_as
        named[id(settled.rows_html)] = (name, index, None)
        for item, series in enumerate(settled.series_script):
            named[id(series)] = (name, index, item)
    return named


def settled_piece(name: str, index: int, item: int | None) -> str | None:
    """A piece of a settled chart this process keeps: the `item`th of its series_script,
    or with None its rows_html; None if the part is not kept."""
    part = KEPT.peek(name)
    if part is None:
        return None
    chart = part.charts[index]
    return chart.rows_html if item is None else chart.series_script[item]
