"""The chunked cache of the chronic predicates gives exactly the engine's answers."""

import datetime
import random
from unittest import mock

import pytest

from journal import tagging
from journal.insights import holds_cache
from journal.insights.analysis import CHRONIC_EFFECTS
from journal.tagging import ACTIVITIES, ProfileFacts, SessionFacts

TODAY = datetime.date(2026, 3, 1)
PERSON = ProfileFacts(birth_year=1990)


def history(seed: int, days: int = 700, count: int = 600) -> list[SessionFacts]:
    rng = random.Random(seed)
    return [
        SessionFacts(
            key=i,
            date=TODAY - datetime.timedelta(days=rng.randrange(days)),
            activity=rng.choice(ACTIVITIES),
            minutes=rng.randint(15, 90),
            effort=rng.randint(2, 8),
            style="yoga" if rng.random() < 0.2 else "",
        )
        for i in range(count)
    ]


def wanted(days: int = 700) -> dict:
    dates = [TODAY - datetime.timedelta(days=n) for n in range(days)]
    return dict.fromkeys(CHRONIC_EFFECTS, dates)


@pytest.mark.parametrize("seed", range(3))
def test_the_cached_answer_equals_the_engines(seed):
    sessions = history(seed)
    expected = tagging.chronic_holds_by_date(sessions, PERSON, wanted())
    assert holds_cache.chronic_holds(sessions, PERSON, wanted()) == expected
    with mock.patch.object(tagging, "chronic_holds_by_date") as engine:
        assert holds_cache.chronic_holds(sessions, PERSON, wanted()) == expected
    engine.assert_not_called()  # every chunk came from the cache
    assert any(any(holds.values()) for holds in expected.values())


def test_a_new_session_recomputes_only_the_chunks_its_windows_reach():
    sessions = history(7)
    holds_cache.chronic_holds(sessions, PERSON, wanted())
    today = SessionFacts(key="new", date=TODAY, activity="aerobic", minutes=60, effort=4)
    real = tagging.chronic_holds_by_date
    with mock.patch.object(tagging, "chronic_holds_by_date", side_effect=real) as engine:
        got = holds_cache.chronic_holds([*sessions, today], PERSON, wanted())
    asked = [d for dates in engine.call_args.args[2].values() for d in dates]
    assert min(asked) >= TODAY - datetime.timedelta(days=2 * holds_cache.CHUNK_DAYS)
    assert got == real([*sessions, today], PERSON, wanted())


def test_a_different_profile_is_a_different_answer():
    sessions = history(3)
    holds_cache.chronic_holds(sessions, PERSON, wanted())
    other = ProfileFacts(birth_year=1990, max_hr=150)  # heart-rate-free history: same classes
    real = tagging.chronic_holds_by_date
    with mock.patch.object(tagging, "chronic_holds_by_date", wraps=real) as engine:
        holds_cache.chronic_holds(sessions, other, wanted())
    engine.assert_called_once()


def test_an_unreachable_cache_still_gives_the_answer():
    sessions = history(5, days=200, count=150)
    expected = tagging.chronic_holds_by_date(sessions, PERSON, wanted(200))
    down = ConnectionError("down")
    with (
        mock.patch.object(holds_cache.cache, "get_many", side_effect=down),
        mock.patch.object(holds_cache.cache, "set_many", side_effect=down),
    ):
        assert holds_cache.chronic_holds(sessions, PERSON, wanted(200)) == expected
