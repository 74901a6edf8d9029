"""A range cut out of the chart blocks (journal.dashboard.chart_blocks): the weeks and
days one range of the dashboard covers, and their figures. Pure: no queries."""

from datetime import date, timedelta

from journal.dashboard import stats
from journal.dashboard.chart_blocks import BLOCK_DAYS, BLOCK_WEEKS, OUTCOME_ITEMS


def active_weeks(weekly: list[dict]) -> list[date]:
    """The Mondays of the blocks' weeks with an entry."""
    return [
        date.fromisoformat(block["start"]) + timedelta(days=7 * i)
        for block in weekly
        for i in range(BLOCK_WEEKS)
        if block["sessions"][i] or block["checkins"][i]
    ]


def first_date(weeks: list[date], today: date) -> date:
    """For the 'all' range: the first regular week with an entry (weeks of stray early rows
    left out, stats.regular_start) among `weeks` (active_weeks), or four weeks ago when
    there is none."""
    return stats.regular_start(weeks, today) if weeks else stats.week_start(today - timedelta(27))


def _iso(day: date) -> str:
    return day.isoformat()


class Span:
    """The blocks' figures cut to one range: its weeks (Mondays from the week of `start`),
    and its days when the blocks holding them came with their daily figures."""

    def __init__(self, start: date, end: date, weekly: list[dict], daily: dict[str, dict]):
        self.start, self.end = start, end
        first, last = stats.week_start(start), stats.week_start(end)
        self._weeks, self._days, self.weeks, self.days = [], [], [], []
        self.daily = [daily.get(block["start"]) for block in weekly]
        for block, days in zip(weekly, self.daily, strict=True):
            monday = date.fromisoformat(block["start"])
            lo = max(0, (first - monday).days // 7 + ((first - monday).days % 7 > 0))
            hi = min(BLOCK_WEEKS, (last - monday).days // 7 + 1)
            if lo < hi:
                self._weeks.append((block, lo, hi))
                self.weeks += [monday + timedelta(days=7 * i) for i in range(lo, hi)]
            lo, hi = max(0, (start - monday).days), min(BLOCK_DAYS, (end - monday).days + 1)
            if days is not None and lo < hi:
                self._days.append((days, lo, hi))
                self.days += [monday + timedelta(days=i) for i in range(lo, hi)]

    def week(self, key: str, default=None) -> list:
        out = []
        for block, lo, hi in self._weeks:
            out += block[key][lo:hi] if key in block else [default] * (hi - lo)
        return out

    def day(self, key: str) -> list:
        return [v for days, lo, hi in self._days for v in days[key][lo:hi]]

    def has(self, prefix: str) -> set[str]:
        return {k.split(":", 1)[1] for b, _, _ in self._weeks for k in b if k.startswith(prefix)}

    def sessions(self) -> list:
        first, last = _iso(self.start), _iso(self.end)
        return [s for days in self.daily if days for s in days["sessions"] if first <= s[0] <= last]

    def outcomes(self) -> dict[str, list]:
        """activity of the day before -> [days, {item: [sum, count]}] over the range: whole
        blocks from their weekly totals, a block the range starts or ends in from its days."""
        totals: dict[str, list] = {}
        first, last = _iso(self.start), _iso(self.end)
        for block, days in zip((b for b, _, _ in self._weeks), self._daily_of_weeks(), strict=True):
            whole = block["start"] >= first and _block_last(block) <= last
            if whole or days is None:
                add_outcomes(totals, block["outcomes"])
                continue
            for day, groups, values in days["outcomes"]:
                if first <= day <= last:
                    items = {
                        i: [v, 1]
                        for i, v in zip(OUTCOME_ITEMS, values, strict=True)
                        if v is not None
                    }
                    add_outcomes(totals, {group: [1, items] for group in groups})
        return totals

    def _daily_of_weeks(self) -> list:
        by_start = {days["start"]: days for days in self.daily if days}
        return [by_start.get(block["start"]) for block, _, _ in self._weeks]


def add_outcomes(totals: dict[str, list], more: dict[str, list]) -> dict[str, list]:
    """Next-day totals (Span.outcomes' shape) `more` added into `totals`, which is returned."""
    for group, (days, items) in more.items():
        found = totals.setdefault(group, [0, {}])
        found[0] += days
        for item, (total, n) in items.items():
            had = found[1].setdefault(item, [0, 0])
            had[0] += total
            had[1] += n
    return totals


def _block_last(block: dict) -> str:
    return _iso(date.fromisoformat(block["start"]) + timedelta(days=BLOCK_DAYS - 1))
