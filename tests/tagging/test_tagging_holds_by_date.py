"""chronic_holds_by_date: the chronic predicates on any date, for Insights. No database."""

import datetime
import random

import pytest

from journal.tagging import (
    ACTIVITIES,
    ProfileFacts,
    SessionFacts,
    chronic_holds_by_date,
    tag_history,
)
from tests.tagging import builders
from tests.tagging.builders import DAY, MAN, NOBODY, WOMAN  # DAY is a Sunday


def session(ago, activity="aerobic", minutes=60, effort=3, **extra) -> SessionFacts:
    """builders.session, `ago` first and an hour at effort 3 by default."""
    return builders.session(activity, minutes, effort, ago=ago, **extra)


def regular(weeks: int, newest_ago: int = 0) -> list[SessionFacts]:
    """Three 60-minute moderate runs in each of `weeks` 7-day blocks ending `newest_ago` days
    before DAY: 180 weekly cardio minutes, 3 active days a week (REGULAR_MOD)."""
    return [session(newest_ago + 7 * block + 2 * i) for block in range(weeks) for i in range(3)]


def holds(history, effect, *agos, profile=NOBODY):
    dates = [DAY - datetime.timedelta(days=ago) for ago in agos]
    out = chronic_holds_by_date(history, profile, {effect: dates})[effect]
    return [out[d] for d in dates]


def test_the_predicate_holds_on_a_rest_day_inside_a_regular_pattern():
    history = regular(4, newest_ago=1)  # the last run was yesterday; nothing today
    assert holds(history, "hpa_recalibration", 0, 1) == [True, True]


def test_sessions_after_the_date_do_not_count():
    history = regular(4)
    # 21 days ago only the oldest block had happened: not yet consistent.
    assert holds(history, "hpa_recalibration", 0, 21) == [True, False]


def test_the_pattern_lapses_when_the_windows_move_past_it():
    history = regular(4, newest_ago=40)
    assert holds(history, "hpa_recalibration", 40, 0) == [True, False]


def test_a_rule_that_does_not_apply_to_the_profile_holds_on_no_date():
    lifting = [
        session(7 * block + i, "resistance", 45, 5) for block in range(4) for i in range(0, 4, 2)
    ]
    assert holds(lifting, "testosterone", 0, profile=MAN) == [True]
    assert holds(lifting, "testosterone", 0, profile=WOMAN) == [False]


def test_an_unknown_effect_is_refused():
    with pytest.raises(ValueError, match="endorphins"):
        chronic_holds_by_date([], NOBODY, {"endorphins": [DAY]})


@pytest.mark.parametrize("seed", range(5))
def test_it_agrees_with_the_status_of_every_chronic_tag(seed):
    """On a session's date, "holds" is exactly "the session's chronic tag is sustained"."""
    rng = random.Random(seed)
    history = [
        session(
            rng.randrange(200),
            rng.choice(ACTIVITIES),
            rng.randint(10, 90),
            rng.randint(0, 9),
            style="yoga" if rng.random() < 0.3 else "",
        )
        for _ in range(260)
    ]
    effects = ["serotonin", "hpa_recalibration", "dopamine", "rx_5ht1a", "gaba"]
    dates = {s.date for s in history}
    found = chronic_holds_by_date(history, NOBODY, dict.fromkeys(effects, dates))
    tags = tag_history(history, ProfileFacts())
    compared = 0
    for s in history:
        for tag in tags[s.key]:
            if tag.timescale == "chronic" and tag.effect in effects:
                assert found[tag.effect][s.date] == (tag.status == "sustained"), (tag, s)
                compared += 1
    assert compared > 100
    assert any(found["hpa_recalibration"].values())
