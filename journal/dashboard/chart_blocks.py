"""The dashboard charts' figures for one block of weeks, from plain rows. Pure: no queries.

Ten years of charts are recomputed from scratch far too slowly for the first view after
a write, and almost all of it cannot have changed: a session logged today changes the
figures of today's block only (its tags reach 84 days ahead, its check-in's rolling means
28). So the history is cut into blocks of BLOCK_WEEKS Monday-aligned weeks, each block's
figures are computed once from the rows it reads (its own days, and LEAD_IN days before it
for the rolling means and "the day before") and cached (journal.dashboard.chart_cache), and
a write marks only the blocks its dates reach as changed. journal.dashboard.charts assembles
any range from the blocks that cover it.
"""

from collections import defaultdict
from datetime import date, timedelta

from journal.core.blocks import BLOCK_DAYS, BLOCK_WEEKS, LEAD_IN, block_end, block_start
from journal.core.ranges import CHECKIN_ITEMS
from journal.dashboard import stats
from journal.tagging import MODERATE, MVPA_ACTIVITIES, VIGOROUS, VIGOROUS_WEIGHT, Intensity

__all__ = ["BLOCK_DAYS", "BLOCK_WEEKS", "LEAD_IN", "OUTCOME_ITEMS", "build_block"]

OUTCOME_ITEMS = ("mood", "sleep_quality", *CHECKIN_ITEMS)
MODERATE_PLUS = frozenset(level.slug for level in Intensity if level >= MODERATE)
VIGOROUS_PLUS = frozenset(level.slug for level in Intensity if level >= VIGOROUS)


def moderate_minutes(row: dict) -> int:
    """A session row's moderate-equivalent minutes: the mvpa filter's sessions count, and a
    vigorous-or-harder minute counts twice [PAG18]. The summary's week adds up the same
    (journal.views.dashboard_reads.summary_of), so the two cannot disagree."""
    if row["activity"] not in MVPA_ACTIVITIES or row["intensity"] not in MODERATE_PLUS:
        return 0
    return row["minutes"] * (VIGOROUS_WEIGHT if row["intensity"] in VIGOROUS_PLUS else 1)


def _rolling(values: list, window: int) -> list:
    """Trailing means of at least stats.MIN_FOR_MEAN recorded values, else None."""
    means = stats.rolling_mean(values, window)
    counts = stats.rolling_count(values, window)
    return [m if n >= stats.MIN_FOR_MEAN else None for m, n in zip(means, counts, strict=True)]


def build_block(
    index: int,
    *,
    sessions: list[dict],
    checkins: list[dict],
    tags: list[dict],
) -> tuple[dict, dict]:
    """The block's figures as two plain dicts (JSON-ready, so a cached block costs one
    json.loads): per week, which every range reads, and per day, which only the ranges drawn
    per day read. Session and check-in rows must cover LEAD_IN days before the block to its
    end, tag rows its weeks; rows outside are ignored. A session row holds its date,
    activity, intensity, feelings, minutes and effort.

    Weekly series are lists over the block's BLOCK_WEEKS Mondays; "feeling:<intensity>"
    holds mean changes and "feeling_n:<intensity>" their session counts, "acute:<effect>"
    tag counts, "minutes:<activity>" moderate-equivalent minutes; "outcomes" maps the
    activity of the day before (or "rest") to [days, {item: [sum, count]}].
    """
    start, end = block_start(index), block_end(index)
    lead = stats.days(start - timedelta(days=LEAD_IN), end)
    by_day = {row["date"]: row for row in checkins}
    mood = [by_day[d]["mood"] if d in by_day else None for d in lead]
    stress = [by_day[d].get("stress") if d in by_day else None for d in lead]
    days = {
        "mood": mood[LEAD_IN:],
        "mood7": _rolling(mood, 7)[LEAD_IN:],
        "mood28": _rolling(mood, 28)[LEAD_IN:],
        "stress7": _rolling(stress, 7)[LEAD_IN:],
    }
    weekly: dict = {"start": start.isoformat()}
    chunks = range(0, BLOCK_DAYS, 7)
    weekly["checkins"] = [sum(v is not None for v in days["mood"][i : i + 7]) for i in chunks]
    weekly["mood"] = [
        stats.mean_or_none(days["mood"][i : i + 7]) if n >= stats.MIN_FOR_MEAN else None
        for i, n in zip(chunks, weekly["checkins"], strict=True)
    ]
    for key in ("mood7", "mood28", "stress7"):
        weekly[key] = [stats.mean_or_none(days[key][i : i + 7]) for i in chunks]
    days["start"] = weekly["start"]

    def week(day: date) -> int:
        return (day - start).days // 7

    activities_on: dict[date, set] = defaultdict(set)
    count = [0] * BLOCK_WEEKS
    minutes: dict[str, list[int]] = {}
    load_by_day: dict[date, int] = {}
    changes: dict[str, list[list]] = defaultdict(lambda: [[] for _ in chunks])
    rated = []
    for row in sessions:
        activities_on[row["date"]].add(row["activity"])
        if not start <= row["date"] <= end:
            continue
        count[week(row["date"])] += 1
        if moderate := moderate_minutes(row):
            column = minutes.setdefault(f"minutes:{row['activity']}", [0] * BLOCK_WEEKS)
            column[week(row["date"])] += moderate
        if row["effort"] is not None:  # training load: effort x minutes of rated sessions
            load_by_day[row["date"]] = load_by_day.get(row["date"], 0) + (
                row["effort"] * row["minutes"]
            )
        before, after = row.get("feeling_before"), row.get("feeling_after")
        if before is None or after is None:
            continue
        change = after - before
        rated.append((row["date"].isoformat(), row["activity"], row["intensity"], change))
        changes[row["intensity"]][week(row["date"])].append(change)
    weekly["sessions"] = count
    for intensity, per_week in changes.items():
        weekly[f"feeling:{intensity}"] = [stats.mean_or_none(v) for v in per_week]
        weekly[f"feeling_n:{intensity}"] = [len(v) for v in per_week]
    days["sessions"] = rated

    outcomes: dict[str, list] = {}
    per_day = []
    for row in checkins:
        if not start <= row["date"] <= end:
            continue
        groups = sorted(activities_on.get(row["date"] - timedelta(days=1)) or {"rest"})
        values = [row.get(item) for item in OUTCOME_ITEMS]
        per_day.append((row["date"].isoformat(), groups, values))
        for group in groups:
            found = outcomes.setdefault(group, [0, {}])
            found[0] += 1
            for item, value in zip(OUTCOME_ITEMS, values, strict=True):
                if value is not None:
                    total = found[1].setdefault(item, [0, 0])
                    total[0] += value
                    total[1] += 1
    weekly["outcomes"] = outcomes
    days["outcomes"] = per_day

    weekly.update(sorted(minutes.items()))
    training = stats.training_weeks(load_by_day, start, end)
    weekly["load"] = [t.load for t in training]
    weekly["monotony"] = [t.monotony for t in training]
    weekly["strain"] = [t.strain for t in training]

    sustained = [set() for _ in chunks]
    building = [set() for _ in chunks]
    for row in tags:
        if not start <= row["week"] <= end:
            continue
        i = week(row["week"])
        if row["timescale"] == "acute":
            weekly.setdefault(f"acute:{row['effect']}", [None] * BLOCK_WEEKS)[i] = row["sessions"]
        elif row["status"] == "sustained":
            sustained[i].add(row["effect"])
        else:
            building[i].add(row["effect"])
    weekly["band"] = ["hpa_recalibration" in found for found in sustained]
    weekly["sustained"] = [len(found) for found in sustained]
    weekly["building"] = [len(b - s) for b, s in zip(building, sustained, strict=True)]
    return weekly, days
