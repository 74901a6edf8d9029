"""Tallies of units (journal.insights.tally), without a database: cut anywhere and added up,
or limited to a range, they give evaluate's figures to the last bit."""

import random
from datetime import date, timedelta

import pytest

from journal.insights.analysis import (
    CHRONIC_EFFECTS,
    GROUPS,
    LAYOUT,
    OUTCOME_LAG,
    SessionRow,
    as_json,
    chronic_dates,
    evaluate,
    results,
    unit_rows,
)
from journal.insights.tally import total

D = date(2025, 6, 2)
EFFECTS = ("endorphins", "serotonin", "gaba", "endocannabinoids", "catecholamines", "bdnf")


def generated(seed: int, days: int = 300):
    rng = random.Random(seed)
    sessions, checkins = [], {}
    for n in range(days):
        day = D + timedelta(days=n)
        for _ in range(rng.choice([0, 0, 1, 1, 2])):
            tags = frozenset(e for e in EFFECTS if rng.random() < 0.35)
            before = rng.choice([None, -1, 0, 1, 2])
            sessions.append(SessionRow(day, tags, before, rng.randint(-2, 4), 2, rng.randint(1, 6)))
        if rng.random() < 0.8:
            checkins[day] = {
                "mood": rng.randint(1, 5),
                "sleep_quality": rng.randint(0, 10),
                "anxiety": rng.choice([None, 1, 2, 3, 4, 5]),
                "stress": rng.randint(1, 5),
                "focus": rng.randint(1, 5) if n % 3 else None,
            }
    end = D + timedelta(days=days - 1)
    holds = {
        effect: {d: rng.random() < 0.4 for d in dates}
        for effect, dates in chronic_dates(checkins, None, end).items()
    }
    return sessions, checkins, holds, end


@pytest.mark.parametrize("seed", range(4))
def test_tallies_cut_anywhere_add_up_to_the_whole(seed):
    sessions, checkins, holds, end = generated(seed)
    rows = unit_rows(sessions, checkins, holds, None, end)
    whole = LAYOUT.tally(rows, None, None)
    rng = random.Random(seed)
    cuts = sorted(rng.sample(range(D.toordinal(), end.toordinal()), 6))
    pieces = []
    for lo, hi in zip([0, *cuts], [*cuts, end.toordinal() + 2], strict=True):
        # Each unit goes to the piece of the row holding its outcome, as blocks take them.
        mine = [
            [row for row in group_rows if lo <= row[0] + OUTCOME_LAG[kind] < hi]
            for (kind, _, _), group_rows in zip(GROUPS, rows, strict=True)
        ]
        pieces.append(LAYOUT.tally(mine, None, None))
    assert total(pieces) == whole
    assert as_json("all", results(whole)) == as_json(
        "all", evaluate(sessions, checkins, holds, None, end)
    )


@pytest.mark.parametrize("seed", range(4))
def test_a_range_of_the_rows_is_the_range_evaluated(seed):
    sessions, checkins, holds, end = generated(seed)
    rows = unit_rows(sessions, checkins, holds, None, end)
    start = D + timedelta(days=random.Random(seed).randint(20, 200))
    ranged = LAYOUT.tally(rows, start.toordinal(), (end - timedelta(days=3)).toordinal())
    in_range = {e: {d: h for d, h in held.items() if d >= start} for e, held in holds.items()}
    expected = evaluate(sessions, checkins, in_range, start, end - timedelta(days=3))
    assert as_json("x", results(ranged)) == as_json("x", expected)


def test_pairs_across_a_cut_count_once_and_only_inside_the_range():
    # Three check-in days in a row: the pairs (0, 1) and (1, 2). Cut between days 1 and 2,
    # each half keeps the pair of its later day; a range from day 1 keeps (1, 2) only.
    checkins = {D + timedelta(days=n): {"mood": 1 + 2 * n} for n in range(3)}
    holds = {e: dict.fromkeys(checkins, False) for e in CHRONIC_EFFECTS}
    rows = unit_rows([], checkins, holds, None, D + timedelta(days=5))
    group = next(i for i, (kind, outcome, _) in enumerate(GROUPS) if kind == "chronic")
    pairs = LAYOUT.moments(LAYOUT.tally(rows, None, None), group, 0).pairs
    assert pairs == 2
    from_day_1 = LAYOUT.tally(rows, (D + timedelta(days=1)).toordinal(), None)
    assert LAYOUT.moments(from_day_1, group, 0).pairs == 1
    assert LAYOUT.moments(from_day_1, group, 0).n == 2
