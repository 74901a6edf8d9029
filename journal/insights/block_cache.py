"""The claims' tallies (journal.insights.tally) per block of weeks, cached under the blocks'
stamps (journal.core.chartstamp), as the dashboard caches its charts.

A view reads the stamps of the blocks its range covers (one query), takes every block's
tally from the cache in one round trip, and computes only the blocks missing: after a write,
those it reached. Their rows are read in one query per input, bounded to their dates, so
the first view after a write reads a quarter of the journal, not ten years, and the page's
queries stay the same few whatever the history. Tallies are exact sums, so the figures are
the very ones the whole journal read at once gives (journal.insights.stats).

Each unit belongs to the block of the row that holds its outcome: the session's, or the
check-in's (for a next-day unit of date d, the check-in of d + 1). All else a unit reads is
dated before that row, by at most LOOK_BACK + 2 days: the tags of the sessions of d, the
chronic windows ending on d, the unit of the day before (its pair, stats.Moments). A write
restamps the blocks from its dates to a window and more ahead (journal.core.blocks.reached),
so no block keeps a key whose units a write changed. A change to the rules changes
RULES_VERSION, which is in every key.

A block's tally answers for all its units. A range that starts inside a block (or rows dated
after today) needs that block's rows: they are cached beside the tally and tallied in range.
A cache that cannot be reached costs speed, never the figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import FilteredRelation, Q

from journal import dashboard
from journal.core import chartstamp
from journal.core.blocks import BLOCK_DAYS, EPOCH, block_end, block_of, block_start
from journal.core.caching import cached_many, digest, person, store_many
from journal.core.services import FACT_FIELDS, LOOK_BACK, profile_facts, session_facts
from journal.insights import analysis, holds_cache, tally
from journal.insights.analysis import GROUPS, LAYOUT, OUTCOME_LAG, SessionRow
from journal.models import Session
from journal.tagging import RULES_VERSION

FORMAT = 2  # bump when a cached tally or rows change shape
TIMEOUT = 7 * 24 * 60 * 60  # entries never go stale (the stamps are in the key): memory only
ONE_DAY = timedelta(days=1)
EPOCH_DAY = EPOCH.toordinal()  # block_of on day numbers
EDGE = timedelta(days=2)  # a block's first next-day unit (d = its start - 1) pairs with d - 1

INSIGHT_SESSION_FIELDS = ("feeling_before", "feeling_after", "arousal_before", "arousal_after")


@dataclass(frozen=True)
class RangeTally:
    """The tally of the units of a range, and how many sessions and check-ins it holds."""

    tally: list
    sessions: int
    checkins: int
    stamps: chartstamp.Stamps  # as read for it: other reads at this version may use them


def insight_sessions(user, first: date, last: date) -> list[dict]:
    """Sessions dated first..last: what the rules read and the feelings the session claims
    compare, one row per acute tag the claims test ("acute__effect"; one row with None for a
    session without one), the tags joined in the same query."""
    acute = FilteredRelation(
        "tags", condition=Q(tags__timescale="acute", tags__effect__in=analysis.ACUTE_EFFECTS)
    )
    qs = dashboard.since(Session.objects.for_user(user), "date", first, last)
    fields = (*FACT_FIELDS, *INSIGHT_SESSION_FIELDS, "acute__effect")
    return list(qs.annotate(acute=acute).order_by("date", "id").values(*fields))


def _look_back(keys: dict[int, str], missing: list[int], since: date, edge: date):
    """The rules' facts of the sessions dated since..edge (exclusive), from the rows cached
    with the blocks before the missing ones (entry "r"); None when one of them is not."""
    blocks = range(block_of(since), min(missing))
    if not all(i in keys for i in blocks):
        return None
    found = cached_many([f"{keys[i]}:r" for i in blocks])
    if len(found) < len(blocks):
        return None
    return [row for i in blocks for row in found[f"{keys[i]}:r"][3] if since <= row["date"] < edge]


def _compute(user, profile, missing: list[int], keys: dict[int, str]) -> dict[int, tuple]:
    """(tally, rows) entries of each missing block, from one bounded read per input.
    The chronic windows of its first days reach back into the block before: those sessions'
    facts come from that block's cached entry when it has one, else from the same read."""
    first, last = block_start(min(missing)), block_end(max(missing))
    edge = first - EDGE
    since = edge - LOOK_BACK
    look_back = _look_back(keys, missing, since, edge)
    effects: dict[int, set[str]] = {}
    rows = []
    for row in insight_sessions(user, since if look_back is None else edge, last):
        effect = row.pop("acute__effect")
        if row["id"] not in effects:
            effects[row["id"]] = set()
            rows.append(row)
        if effect is not None:
            effects[row["id"]].add(effect)
    sessions = [
        SessionRow(
            date=row["date"],
            effects=frozenset(effects.get(row["id"], ())),
            **{field: row[field] for field in INSIGHT_SESSION_FIELDS},
        )
        for row in rows
        if row["date"] >= edge
    ]
    checkins = {row.pop("date"): row for row in dashboard.daily_checkins(user, edge, last)}
    chronic = holds_cache.chronic_holds(
        session_facts((look_back or []) + rows),
        profile_facts(profile),
        analysis.chronic_dates(checkins, edge, last),
    )
    units = analysis.unit_rows(sessions, checkins, chronic, edge, last)
    # Each row to its block, in one pass: (units per group, session days, check-in days,
    # facts), for the missing blocks only (a read for blocks far apart reads those between).
    held = {index: ([[] for _ in GROUPS], [], [], []) for index in missing}

    def add(day: int, part: int, value, group: int | None = None) -> None:
        entry = held.get((day - EPOCH_DAY) // BLOCK_DAYS)
        if entry is not None:
            (entry[0][group] if group is not None else entry[part]).append(value)

    for group, ((kind, _, _), group_rows) in enumerate(zip(GROUPS, units, strict=True)):
        for row in group_rows:
            add(row[0] + OUTCOME_LAG[kind], 0, row, group)
    for s in sessions:
        add(s.date.toordinal(), 1, s.date.toordinal())
    for d in checkins:
        add(d.toordinal(), 2, d.toordinal())
    for row in rows:
        add(row["date"].toordinal(), 3, {field: row[field] for field in FACT_FIELDS})
    built = {}
    for index, entry in held.items():
        mine, session_days, checkin_days, _ = entry
        days = [row[0] for group_rows in mine for row in group_rows] + session_days + checkin_days
        span = (min(days), max(days)) if days else None
        tallied = (span, len(session_days), len(checkin_days), LAYOUT.tally(mine, None, None))
        # The rows entry also carries the block's facts: the look-back of the next block's
        # chronic windows (_look_back).
        built[index] = (tallied, entry)
    return built


def _in_range(rows_entry: tuple, lo: int | None, hi: int) -> tuple:
    """(tally, sessions, check-ins) of a block's rows dated lo..hi."""
    units, session_days, checkin_days, _ = rows_entry

    def count(days):
        return sum((lo is None or day >= lo) and day <= hi for day in days)

    return LAYOUT.tally(units, lo, hi), count(session_days), count(checkin_days)


def _sum(parts) -> tuple:
    """(tally, sessions, check-ins) of several parts of a range."""
    parts = list(parts)
    if not parts:
        return LAYOUT.empty(), 0, 0
    return (
        tally.total([part[0] for part in parts]),
        sum(part[1] for part in parts),
        sum(part[2] for part in parts),
    )


def _parts(user, profile, blocks, keys, lo, hi, found: dict) -> dict[int, tuple]:
    """(tally, sessions, check-ins) of each block's units dated lo..hi, from the entries
    `found` (the first round trip), computing the blocks missing from one read."""
    tallies = {i: found[f"{keys[i]}:t"] for i in blocks if f"{keys[i]}:t" in found}
    held = {i: found[f"{keys[i]}:r"] for i in blocks if f"{keys[i]}:r" in found}
    missing = [i for i in blocks if i not in tallies]
    if missing:
        computed = _compute(user, profile, missing, keys)
        store_many(
            {
                f"{keys[i]}:{part}": entry
                for i, entries in computed.items()
                for part, entry in zip("tr", entries, strict=True)
            },
            TIMEOUT,
        )
        tallies.update((i, entries[0]) for i, entries in computed.items())
        held.update((i, entries[1]) for i, entries in computed.items())
    parts, partial = {}, []
    for i in blocks:
        span, sessions, checkins, block_tally = tallies[i]
        if span is None or ((lo is None or span[0] >= lo) and span[1] <= hi):
            parts[i] = (block_tally, sessions, checkins)
        else:
            partial.append(i)
    unheld = [i for i in partial if i not in held]
    if unheld:  # rows dated after today, or evicted apart from their tally: rare
        found = cached_many([f"{keys[i]}:r" for i in unheld])
        held.update((i, found[f"{keys[i]}:r"]) for i in unheld if f"{keys[i]}:r" in found)
        lost = [i for i in unheld if i not in held]
        if lost:
            rows = {i: entries[1] for i, entries in _compute(user, profile, lost, keys).items()}
            store_many({f"{keys[i]}:r": entry for i, entry in rows.items()}, TIMEOUT)
            held.update(rows)
    parts.update((i, _in_range(held[i], lo, hi)) for i in partial)
    return parts


def range_tally(user, profile, start: date | None, today: date) -> RangeTally:
    """The tally of the units dated start (None: the journal's first entry) to today.

    The blocks before today's change only when a write reaches back to them, so their sum
    (with the part of the block the range starts in) is cached as one entry, under their
    keys and the range's ends: the view after a write today reads that sum and today's
    block (and the next, for a check-in dated tomorrow)."""
    first = start or dashboard.journal_start(user) or today
    # A next-day unit of today reads tomorrow's check-in, which may sit in the next block.
    wanted = range(block_of(first), block_of(today + ONE_DAY) + 1)
    # The block before too: its sessions' facts are the look-back of the first one's windows.
    read = chartstamp.stamps(user, range(wanted.start - 1, wanted.stop))
    keys = chartstamp.block_keys(user, f"mj-insight:{FORMAT}:{RULES_VERSION}", read.blocks, read)
    lo, hi = start and start.toordinal(), today.toordinal()
    head = [i for i in wanted if i < block_of(today)]
    tail = [i for i in wanted if i >= block_of(today)]
    head_key = f"mj-insight-head:{FORMAT}:{person(user)}:" + digest(
        [lo, hi, [keys[i] for i in head]]
    )

    def asked(blocks):  # their tallies, and the rows of the block the range starts in
        starts = [f"{keys[wanted[0]]}:r"] if start and wanted[0] in blocks else []
        return [f"{keys[i]}:t" for i in blocks] + starts

    found = cached_many(asked(tail) + ([head_key] if head else []))
    head_sum = found.get(head_key) if head else _sum([])
    if head_sum is None:
        found.update(cached_many(asked(head)))
    parts = _parts(user, profile, tail if head_sum else wanted, keys, lo, hi, found)
    if head_sum is None:
        head_sum = _sum(parts[i] for i in head)
        store_many({head_key: head_sum}, TIMEOUT)
    return RangeTally(*_sum([head_sum, *(parts[i] for i in tail)]), read)
