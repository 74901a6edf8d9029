"""The claims' units added up (journal.insights.stats.Moments), so that stretches of the
journal can be added to one another: the Insights page adds up blocks of weeks
(journal.insights.block_cache) instead of reading ten years after each write. Pure.

Claims that read the same units (one kind and outcome) form a group (analysis.GROUPS). A
group's units are rows (day, y, mask, before):
- day: the unit's date d as a day number (date.toordinal());
- y: its outcome, a whole number (or an exact fraction, stats.exact);
- mask: bit i set when the group's i-th claim is "with" on this unit;
- before: in a dated group, the unit of day d - 1 as (y, mask), or None when d - 1 is no
  unit; in a group of sessions, the session's place (its key), as sessions are not paired.
The pair (d - 1, d) belongs to the later unit, so a range [lo, hi] keeps a pair exactly when
it keeps both units, wherever the rows were cut.

A tally is one flat list of whole numbers per Layout: per group, the sums over its units and
their pairs, then per claim the same "with", then per two claims the units both are "with"
(for insights.md 3.4). Adding tallies of units on different days, place by place, gives the
tally of all of them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import combinations

from journal.insights.stats import Moments

GROUP_SUMS = 7  # n, Σy, Σy², pairs, Σ y(d-1) y(d), Σ y(d-1), Σ y(d)
CLAIM_SUMS = 6  # n1, Σy and Σy² "with", pairs with both "with", d-1 "with", d "with"


class Layout:
    """Where each group's sums sit in a tally. `groups`: per group, (claims, dated)."""

    def __init__(self, groups: Sequence[tuple[int, bool]]):
        self.groups = tuple(groups)
        self.offsets = []
        width = 0
        for size, _ in self.groups:
            self.offsets.append(width)
            width += GROUP_SUMS + CLAIM_SUMS * size + size * (size - 1) // 2
        self.width = width

    def empty(self) -> list[int]:
        return [0] * self.width

    def tally(self, rows_by_group: Sequence[list], lo: int | None, hi: int | None) -> list:
        """The tally of the units dated lo..hi (day numbers; None: no limit)."""
        out = self.empty()
        for (size, dated), at, rows in zip(self.groups, self.offsets, rows_by_group, strict=True):
            out[at : at + self._width(size)] = _group(size, dated, rows, lo, hi)
        return out

    def moments(self, tally: Sequence, group: int, claim: int) -> Moments:
        """The Moments of the group's claim-th claim."""
        at = self.offsets[group]
        n, sy, syy, pairs, pyy, py0, py1 = tally[at : at + GROUP_SUMS]
        at += GROUP_SUMS + CLAIM_SUMS * claim
        n1, s1, ss1, pxx, px0, px1 = tally[at : at + CLAIM_SUMS]
        return Moments(n, sy, syy, n1, s1, ss1, pairs, pyy, py0, py1, pxx, px0, px1)

    def shared(self, tally: Sequence, group: int, claim: int, other: int) -> int:
        """How many units both claims of the group are "with"."""
        size = self.groups[group][0]
        at = self.offsets[group] + GROUP_SUMS + CLAIM_SUMS * size
        return tally[at + list(combinations(range(size), 2)).index(tuple(sorted((claim, other))))]

    @staticmethod
    def _width(size: int) -> int:
        return GROUP_SUMS + CLAIM_SUMS * size + size * (size - 1) // 2


def total(tallies: Sequence[Sequence]) -> list:
    """The tally of all the units of `tallies` (each on days of its own)."""
    return [sum(column) for column in zip(*tallies, strict=True)]


def _group(size: int, dated: bool, rows: list, lo: int | None, hi: int | None) -> list:
    """One group's sums over its rows dated lo..hi. Summed per mask first (a group has at
    most 2^size of them), then spread over the claims."""
    count: Counter = Counter()
    sums: Counter = Counter()
    squares: Counter = Counter()
    paired: Counter = Counter()  # (mask of d - 1, mask of d) -> pairs
    pairs = pyy = py0 = py1 = 0
    for day, y, mask, before in rows:
        if (lo is not None and day < lo) or (hi is not None and day > hi):
            continue
        count[mask] += 1
        sums[mask] += y
        squares[mask] += y * y
        if dated and before is not None and (lo is None or day > lo):
            y0, mask0 = before
            pairs, pyy, py0, py1 = pairs + 1, pyy + y0 * y, py0 + y0, py1 + y
            paired[mask0, mask] += 1
    out = [sum(count.values()), sum(sums.values()), sum(squares.values()), pairs, pyy, py0, py1]
    for i in range(size):
        bit = 1 << i
        with_ = [mask for mask in count if mask & bit]
        out += [
            sum(count[mask] for mask in with_),
            sum(sums[mask] for mask in with_),
            sum(squares[mask] for mask in with_),
            sum(n for (a, b), n in paired.items() if a & b & bit),
            sum(n for (a, _), n in paired.items() if a & bit),
            sum(n for (_, b), n in paired.items() if b & bit),
        ]
    for i, j in combinations(range(size), 2):
        both = (1 << i) | (1 << j)
        out.append(sum(n for mask, n in count.items() if mask & both == both))
    return out
