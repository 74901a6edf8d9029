"""The dashboard summary: this week against the guideline, the streak, today's mood."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from journal.dashboard import chart_cache, queries
from journal.dashboard.stats import Summary, summarise
from tests.factories import make_checkin, make_session

WEDNESDAY = date(2026, 11, 25)
MONDAY = date(2026, 11, 23)
WINDOW = WEDNESDAY - timedelta(days=365)


def day(offset: int) -> tuple:
    return (WEDNESDAY - timedelta(days=offset), None, None)


def test_the_week_comes_from_its_own_row():
    rows = [day(0), day(2), day(3), (None, 3, 75)]
    summary = summarise(rows, WEDNESDAY, WINDOW)
    assert (summary.week_sessions, summary.week_minutes, summary.streak) == (3, 75, 1)
    assert summarise([day(3)], WEDNESDAY, WINDOW).week_sessions == 0


def test_a_streak_still_counts_before_todays_session():
    rows = [day(1), day(2), day(3), day(5)]
    assert summarise(rows, WEDNESDAY, WINDOW).streak == 3
    assert summarise([day(0), *rows], WEDNESDAY, WINDOW).streak == 4


def test_a_day_without_a_session_ends_the_streak():
    assert summarise([day(2), day(3)], WEDNESDAY, WINDOW).streak == 0


def test_a_streak_filling_the_whole_window_says_it_may_be_longer():
    window_start = WEDNESDAY - timedelta(days=9)
    rows = [day(offset) for offset in range(10)]
    summary = summarise(rows, WEDNESDAY, window_start)
    assert (summary.streak, summary.streak_is_longer) == (10, True)
    assert summarise(rows[:9], WEDNESDAY, window_start).streak_is_longer is False


def test_todays_mood_is_the_check_ins():
    rows = [day(1), (None, 1, 30)]
    assert summarise(rows, WEDNESDAY, WINDOW, 4) == Summary(30, 1, 1, False, 4)
    assert summarise(rows, WEDNESDAY, WINDOW).mood is None


@pytest.mark.django_db
def test_the_summary_query_reads_active_days_and_the_weeks_minutes_of_the_owner_only(
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
    # From yesterday: the week holds the walk, however the days fall.
    monday = today - timedelta(days=1)

    with django_assert_num_queries(1):
        rows = queries.active_days_and_week(alice, today - timedelta(days=365), monday, today)

    assert sorted(rows, key=lambda row: (row[0] is None, row[0])) == [
        (today - timedelta(days=9), None, None),
        (today - timedelta(days=1), None, None),
        (today, None, None),
        (None, 4, 70),
    ]


@pytest.mark.django_db
def test_a_week_without_sessions_has_no_row(alice):
    today = alice.profile.today()
    make_session(alice, date=today - timedelta(days=10), minutes=30, effort=4)
    rows = queries.active_days_and_week(alice, today - timedelta(days=365), today, today)
    assert rows == [(today - timedelta(days=10), None, None)]


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
    # The chart sums minutes in Python (chart_blocks.moderate_minutes), the summary in SQL.
    (block,) = chart_cache.Blocks(alice, monday, today).weekly
    week = (monday - date.fromisoformat(block["start"])).days // 7
    chart = sum(column[week] for key, column in block.items() if key.startswith("minutes:"))
    rows = queries.active_days_and_week(alice, monday, monday, today)
    assert summarise(rows, today, monday).week_minutes == chart > 0


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
