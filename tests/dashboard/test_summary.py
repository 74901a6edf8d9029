"""The dashboard summary: this week against the guideline, the streak, today's mood."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from journal.core.services import profile_for
from journal.dashboard import chart_cache, stats
from journal.dashboard.stats import Summary, summarise
from journal.views import dashboard_reads
from tests.factories import make_checkin, make_session


def summary_of(user, profile, older=None):
    """The summary as the page reads it (dashboard_reads.read_page), or from the given
    older days of the streak."""
    if older is None:
        return dashboard_reads.read_page(user, profile).summary
    today = profile.today()
    recent = dashboard_reads.recent_sessions(user, today)
    return dashboard_reads.summary_of(recent, older, today, None)


WEDNESDAY = date(2026, 11, 25)
MONDAY = date(2026, 11, 23)
WINDOW = WEDNESDAY - timedelta(days=365)


def day(offset: int) -> date:
    return WEDNESDAY - timedelta(days=offset)


def test_the_week_is_its_sessions_minutes():
    summary = summarise({day(0), day(2), day(3)}, [30, 45, 0], WEDNESDAY, WINDOW)
    assert (summary.week_sessions, summary.week_minutes, summary.streak) == (3, 75, 1)
    assert summarise({day(3)}, [], WEDNESDAY, WINDOW).week_sessions == 0


def test_a_streak_still_counts_before_todays_session():
    days = {day(1), day(2), day(3), day(5)}
    assert summarise(days, [], WEDNESDAY, WINDOW).streak == 3
    assert summarise({day(0), *days}, [], WEDNESDAY, WINDOW).streak == 4


def test_a_day_without_a_session_ends_the_streak():
    assert summarise({day(2), day(3)}, [], WEDNESDAY, WINDOW).streak == 0


def test_a_streak_filling_the_whole_window_says_it_may_be_longer():
    window_start = WEDNESDAY - timedelta(days=9)
    days = [day(offset) for offset in range(10)]
    summary = summarise(set(days), [], WEDNESDAY, window_start)
    assert (summary.streak, summary.streak_is_longer) == (10, True)
    assert summarise(set(days[:9]), [], WEDNESDAY, window_start).streak_is_longer is False


def test_todays_mood_is_the_check_ins():
    assert summarise({day(1)}, [30], WEDNESDAY, WINDOW, 4) == Summary(30, 1, 1, False, 4)
    assert summarise({day(1)}, [30], WEDNESDAY, WINDOW).mood is None


@pytest.mark.django_db
def test_the_summary_reads_active_days_and_the_weeks_minutes_of_the_owner_only(
    alice, bob, django_assert_num_queries
):
    today = alice.profile.today()
    make_session(alice, date=today, activity="aerobic", minutes=30, effort=4)  # moderate
    make_session(alice, date=today, activity="hiit", minutes=20, effort=8)  # vigorous: x2
    make_session(alice, date=today, activity="resistance", minutes=45, effort=6)  # not cardio
    make_session(alice, date=today - timedelta(days=1), activity="walking", minutes=10, effort=1)
    make_session(alice, date=today - timedelta(days=9), activity="aerobic", minutes=60, effort=4)
    make_session(alice, date=today - timedelta(days=400), activity="aerobic", minutes=60)
    make_session(bob, date=today, activity="aerobic", minutes=99, effort=5)
    make_session(bob, date=today - timedelta(days=2), activity="aerobic", minutes=99, effort=5)
    profile = profile_for(alice)
    monday = stats.week_start(today)
    yesterday_in_week = today - timedelta(days=1) >= monday  # the walk (light: no minutes)

    with django_assert_num_queries(1):  # the days before the rows read for the page
        older = dashboard_reads.older_active_days(alice, today)
    summary = summary_of(alice, profile, older=older)

    # aerobic 30 and hiit 2 x 20 today; not bob's, nor the days before the week
    assert (summary.week_sessions, summary.week_minutes) == (3 + yesterday_in_week, 70)
    assert (summary.streak, summary.streak_is_longer) == (2, False)


@pytest.mark.django_db
def test_a_streak_longer_than_the_days_read_counts_the_rest_of_its_window(alice):
    today = alice.profile.today()
    for offset in range(120):
        make_session(alice, date=today - timedelta(days=offset), minutes=30, effort=4)
    make_session(alice, date=today - timedelta(days=200), minutes=30, effort=4)
    profile = profile_for(alice)
    summary = summary_of(alice, profile)
    assert (summary.streak, summary.streak_is_longer) == (120, False)

    for offset in range(120, 366):
        make_session(alice, date=today - timedelta(days=offset), minutes=30, effort=4)
    summary = summary_of(alice, profile)
    assert (summary.streak, summary.streak_is_longer) == (366, True)


@pytest.mark.django_db
def test_the_summary_agrees_with_the_weekly_minutes_chart(alice):
    today = alice.profile.today()
    mixed = [
        (0, "aerobic", 4),
        (1, "hiit", 8),
        (2, "mixed", 9),
        (0, "walking", 2),
        (1, "resistance", 8),
    ]
    for offset, activity, effort in mixed:
        make_session(alice, date=today - timedelta(days=offset), activity=activity, effort=effort)
    monday = today - timedelta(days=today.weekday())
    (block,) = chart_cache.Blocks(alice, monday, today).weekly
    week = (monday - date.fromisoformat(block["start"])).days // 7
    chart = sum(column[week] for key, column in block.items() if key.startswith("minutes:"))
    summary = summary_of(alice, profile_for(alice))
    assert summary.week_minutes == chart > 0


@pytest.mark.django_db
def test_the_dashboard_opens_with_the_summary_and_the_two_one_tap_forms(alice_client, alice):
    today = alice.profile.today()
    make_session(alice, date=today, activity="aerobic", minutes=40, effort=4)
    make_checkin(alice, date=today, mood=4)
    content = alice_client.get(reverse("journal:dashboard")).content.decode()
    summary = content[content.index('id="summary"') : content.index('id="quick-log"')]
    assert '<strong class="summary-figure">40</strong> of 150' in summary
    assert "<dt>Mood today</dt><dd>4 of 5</dd>" in summary
    assert "<dt>Streak</dt><dd>1 day<" in summary
    assert '<summary class="sheet-button sheet-primary">Log a session</summary>' in content
    assert '<summary class="sheet-button">Today\'s check-in</summary>' in content
    # The forms stay closed until asked for, and their ids no longer collide.
    assert '<details class="card sheet" id="quick-log">' in content
    assert 'id="id_quick-date"' in content
    assert 'id="id_checkin-date"' in content
    assert 'id="id_date"' not in content


@pytest.mark.django_db
def test_the_summary_refreshes_as_its_own_fragment(alice_client, alice):
    make_session(alice, date=alice.profile.today(), minutes=25, effort=4)
    response = alice_client.get(
        reverse("journal:dashboard_fragment", args=["summary"]), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert b"<html" not in response.content
    assert b'<strong class="summary-figure">25</strong>' in response.content
