"""The chart blocks (journal.dashboard.chart_cache): a write restamps only the blocks its
dates reach, an edit anywhere in the history shows on the next view, and nobody's blocks
are another's."""

from datetime import timedelta

import pytest
from django.core.cache import cache

from journal.core import blocks, chartstamp
from journal.core.caching import Kept
from journal.core.services import profile_for, save_checkin, save_profile, save_session
from journal.dashboard import chart_cache, charts
from journal.dashboard.chart_join import Joined
from journal.models import ChartStamp, CheckIn, Session
from tests.factories import make_history

pytestmark = pytest.mark.django_db


def stamps(user) -> dict:
    return dict(ChartStamp.objects.filter(owner=user).values_list("block", "stamp"))


def all_range(user):
    today = profile_for(user).today()
    built = chart_cache.build_charts(user, "all", today, today - timedelta(days=800), {})
    return {chart.key: chart for chart in built}


def test_a_write_restamps_the_blocks_its_dates_reach_and_no_others(alice, bob):
    today = profile_for(alice).today()
    old = today - timedelta(days=700)
    save_session(Session(owner=alice, date=old, activity="aerobic", minutes=30, effort=4))
    first = stamps(alice)
    # Its tags reach 84 days ahead and its check-in means 28: two or three blocks.
    assert set(first) == set(blocks.reached(old, old))
    assert min(first) == blocks.block_of(old)
    save_checkin(CheckIn(owner=alice, date=today, mood=4))
    second = stamps(alice)
    assert {b: s for b, s in second.items() if b in first} == first  # the old ones untouched
    assert blocks.block_of(today) in second
    save_session(Session(owner=bob, date=old, activity="walking", minutes=20))
    assert stamps(alice) == second


def test_a_change_to_what_the_rules_read_restamps_every_block(alice):
    profile = profile_for(alice)
    before = stamps(alice).get(chartstamp.EVERY_BLOCK)
    profile.max_hr = 181
    save_profile(profile)
    assert stamps(alice)[chartstamp.EVERY_BLOCK] != before


def test_a_back_filled_session_shows_on_the_next_view_of_old_weeks(alice):
    make_history(alice, 30, start=profile_for(alice).today() - timedelta(days=600))
    before = all_range(alice)["weekly-minutes"]
    old = profile_for(alice).today() - timedelta(days=700)
    save_session(Session(owner=alice, date=old, activity="aerobic", minutes=45, effort=4))
    after = all_range(alice)["weekly-minutes"]
    monday = (old - timedelta(days=old.weekday())).isoformat()
    assert monday not in before.labels
    column = {ds.label: ds.data for ds in after.datasets}["Aerobic"]
    assert column[after.labels.index(monday)] == 45


def test_the_charts_survive_an_emptied_cache(alice):
    make_history(alice, 40)
    before = all_range(alice)
    cache.clear()
    Kept.forget_all()  # and what this process kept in front of it
    again = all_range(alice)
    assert [c.payload for c in again.values()] == [c.payload for c in before.values()]


def test_one_persons_blocks_are_never_anothers(alice, bob):
    today = profile_for(alice).today()
    save_session(Session(owner=alice, date=today, activity="hiit", minutes=25, effort=8))
    all_range(alice)
    bob_charts = all_range(bob)
    assert bob_charts["feeling-change"].is_empty
    minutes = [v for ds in bob_charts["weekly-minutes"].datasets for v in ds.data]
    assert set(minutes) == {0}


def in_one_piece(user, range_key, today, journal_start):
    """The range's charts built from every block it covers at once, as before the settled
    blocks were cached apart from today's (journal.dashboard.chart_join)."""
    start = charts.range_start(range_key, today)
    found = chart_cache.Blocks(user, start or journal_start, today)
    start = start or charts.first_date(charts.active_weeks(found.weekly), today)
    last = start if charts.is_weekly(start, today) else today
    daily = found.daily(start, last)
    return charts.build(start=start, today=today, weekly=found.weekly, daily=daily, effect_names={})


def test_the_charts_joined_at_todays_block_are_those_of_the_whole_range(alice, bob):
    today = profile_for(alice).today()
    began = today - timedelta(days=500)
    make_history(alice, 480, start=began)
    CheckIn.objects.bulk_create(
        CheckIn(owner=alice, date=began + timedelta(days=d), mood=1 + d % 5, sleep_quality=d % 11)
        for d in range(0, 480, 2)
    )
    make_history(bob, 30)

    def same():
        for range_key in ["4w", "3m", "1y", "all"]:
            joined = chart_cache.build_charts(alice, range_key, today, began, {})
            whole = in_one_piece(alice, range_key, today, began)
            for one, other in zip(joined, whole, strict=True):
                assert (one.payload, one.table_html, one.gap_text) == (
                    other.payload,
                    other.table_html,
                    other.gap_text,
                ), (range_key, one.key)

    same()
    save_session(Session(owner=alice, date=today, activity="hiit", minutes=25, effort=8))
    same()  # today's block anew, the settled ones from the cache
    save_checkin(CheckIn(owner=alice, date=today, mood=2, stress=4))  # a new column
    same()
    save_session(Session(owner=alice, date=began, activity="walking", minutes=300, effort=2))
    same()  # a back-fill: the settled part anew


def test_a_range_built_from_kept_parts_only_names_their_pieces(alice):
    """What a write keeps for the next view (views.dashboard.written_charts): the charts are
    built only from the settled parts this process keeps, and each settled piece a page
    puts in is named, then put back as the same text."""
    today = profile_for(alice).today()
    began = today - timedelta(days=400)
    make_history(alice, 390, start=began)
    Kept.forget_all()
    cache.clear()
    assert chart_cache.build_charts(alice, "1y", today, began, {}, kept_only=True) is None
    built = chart_cache.build_charts(alice, "1y", today, began, {})  # computes and keeps it
    again = chart_cache.build_charts(alice, "1y", today, began, {}, kept_only=True)
    assert [chart.payload_json for chart in again] == [chart.payload_json for chart in built]
    named = chart_cache.named_pieces(again)
    joined = [chart for chart in again if isinstance(chart, Joined)]
    assert joined
    assert named
    for chart in joined:
        settled = chart.parts[0]
        assert chart_cache.settled_piece(*named[id(settled.rows_html)]) is settled.rows_html
        for series in settled.series_script:
            assert chart_cache.settled_piece(*named[id(series)]) == series
    Kept.forget_all()  # another process: the names find nothing
    assert all(chart_cache.settled_piece(*ref) is None for ref in named.values())
