"""The dashboard's reads kept by a write (journal.views.dashboard_reads, journal.core.snapshot).

A test's transaction never commits, so a write's refresh runs only where a test asks for
the commit callbacks (django_capture_on_commit_callbacks): elsewhere every view reads the
journal itself, which is what these tests compare the snapshot's pages with.
"""

import re
from datetime import timedelta
from unittest import mock

import pytest
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse

from journal.core import snapshot
from journal.core.caching import Kept
from journal.core.services import profile_for, save_checkin, save_session
from journal.dashboard import chart_cache
from journal.models import CheckIn, Profile, Session
from journal.views import dashboard, dashboard_reads, dashboard_shell
from tests.dashboard.test_dashboard import SNAPSHOT_QUERIES, with_history
from tests.factories import make_session

pytestmark = pytest.mark.django_db

URL = reverse("journal:dashboard")
RANGES = ["4w", "3m", "1y", "all"]
# What differs between two views of the same page: each view's CSRF token and quick-log key.
PER_VIEW = re.compile(
    r'(name="csrfmiddlewaretoken" value="|"X-CSRFToken": "|name="quick-uuid" value=")[^"]+'
)


def page(client, range_key) -> str:
    response = client.get(URL, {"range": range_key})
    assert response.status_code == 200
    return PER_VIEW.sub(r"\1…", response.content.decode())


def read_afresh(client, range_key) -> str:
    """The page as a view that finds no snapshot and nothing cached draws it."""
    cache.clear()
    Kept.forget_all()
    snapshot.Snapshot.objects.all().delete()
    return page(client, range_key)


def written(capture, write):
    """`write`, committed as far as its refresh is concerned (its callbacks run)."""
    with capture(execute=True):
        return write()


def test_the_first_view_after_a_write_costs_a_repeat_views_queries_and_draws_the_same_page(
    alice_client, alice, django_capture_on_commit_callbacks, django_assert_num_queries
):
    with_history(alice, 400)
    for range_key in RANGES:
        page(alice_client, range_key)  # each range's settled blocks computed and cached
    today = alice.profile.today()
    written(
        django_capture_on_commit_callbacks,
        lambda: make_session(alice, date=today, activity="hiit", minutes=17, effort=None),
    )
    kept = {}
    # The write built each range's charts too: no view builds them again.
    with mock.patch.object(chart_cache, "build_charts", side_effect=AssertionError):
        for range_key in RANGES:
            with django_assert_num_queries(SNAPSHOT_QUERIES):
                kept[range_key] = page(alice_client, range_key)
    assert "17 min" in kept["4w"]  # the new session waits to be rated
    for range_key in RANGES:
        assert kept[range_key] == read_afresh(alice_client, range_key)


def test_a_check_in_and_a_back_fill_are_kept_too(
    alice_client, alice, django_capture_on_commit_callbacks
):
    with_history(alice, 120)
    today = alice.profile.today()
    page(alice_client, "3m")
    written(
        django_capture_on_commit_callbacks,
        lambda: save_checkin(CheckIn(owner=alice, date=today, mood=5, stress=1)),
    )
    written(
        django_capture_on_commit_callbacks,
        lambda: make_session(alice, date=today - timedelta(days=60), minutes=95, effort=5),
    )
    kept = page(alice_client, "3m")
    assert kept == read_afresh(alice_client, "3m")


def test_the_write_renders_the_sections_so_another_process_renders_none(
    alice_client, alice, django_capture_on_commit_callbacks
):
    with_history(alice, 120)
    page(alice_client, "3m")
    today = alice.profile.today()
    written(
        django_capture_on_commit_callbacks,
        lambda: make_session(alice, date=today, activity="hiit", minutes=27, effort=None),
    )
    cache.clear()  # the next view served by another process: nothing of this one's
    Kept.forget_all()
    render = dashboard_shell.render_to_string
    with mock.patch.object(dashboard_shell, "render_to_string", wraps=render) as rendered:
        kept = page(alice_client, "3m")
    templates = {call.args[0] for call in rendered.call_args_list}
    # The shell and the charts' frames are this process's to render: they show no journal.
    assert templates <= {dashboard.PAGE, f"{dashboard.PAGE}#charts", dashboard_shell.CARD}
    assert "27 min" in kept
    assert kept == read_afresh(alice_client, "3m")


def test_a_write_whose_refresh_did_not_run_is_shown_all_the_same(
    alice_client, alice, django_capture_on_commit_callbacks
):
    today = alice.profile.today()
    written(django_capture_on_commit_callbacks, lambda: make_session(alice, date=today))
    assert snapshot.Snapshot.objects.filter(owner=alice).exists()
    make_session(alice, date=today, activity="mobility", minutes=23, effort=None)  # no refresh
    assert "23 min" in page(alice_client, "4w")


def test_a_snapshot_is_read_only_for_its_version_day_and_profile(
    alice, django_capture_on_commit_callbacks
):
    written(django_capture_on_commit_callbacks, lambda: make_session(alice))
    profile = profile_for(alice)
    key = dashboard_reads.snapshot_key(profile)
    assert snapshot.load(alice, key) is not None
    # An edit in the admin changes what the rules read without a write.
    Profile.objects.filter(user=alice).update(max_hr=171)
    assert dashboard_reads.snapshot_key(profile_for(alice)) != key
    # The next day, whatever else.
    with mock.patch.object(Profile, "today", return_value=profile.today() + timedelta(days=1)):
        assert dashboard_reads.snapshot_key(profile) != key
    # Another version.
    profile.journal_version += 1
    assert dashboard_reads.snapshot_key(profile) != key


def test_one_persons_snapshot_is_never_anothers(
    client, alice, bob, django_capture_on_commit_callbacks
):
    today = alice.profile.today()
    written(
        django_capture_on_commit_callbacks,
        lambda: make_session(alice, date=today, activity="hiit", minutes=41, effort=None),
    )
    written(
        django_capture_on_commit_callbacks,
        lambda: make_session(bob, date=today, activity="mobility", minutes=19, effort=None),
    )
    alice_key = dashboard_reads.snapshot_key(profile_for(alice))
    assert snapshot.load(bob, alice_key) is None
    client.force_login(bob)
    shown = page(client, "4w")
    assert "19 min" in shown
    assert "41 min" not in shown
    client.force_login(alice)
    shown = page(client, "4w")
    assert "41 min" in shown
    assert "19 min" not in shown


def test_a_failed_refresh_leaves_the_write_and_the_page_whole(
    alice_client, alice, django_capture_on_commit_callbacks, caplog
):
    today = alice.profile.today()
    with mock.patch.object(dashboard, "read_page", side_effect=RuntimeError("boom")):
        written(
            django_capture_on_commit_callbacks,
            lambda: make_session(alice, date=today, minutes=29, effort=None),
        )
    assert Session.objects.filter(owner=alice, minutes=29).exists()
    assert "boom" in caplog.text  # logged, not raised
    assert not snapshot.Snapshot.objects.filter(owner=alice).exists()
    assert "29 min" in page(alice_client, "4w")


def test_an_unreadable_snapshot_is_read_afresh(
    alice_client, alice, django_capture_on_commit_callbacks
):
    today = alice.profile.today()
    written(
        django_capture_on_commit_callbacks,
        lambda: make_session(alice, date=today, minutes=37, effort=None),
    )
    snapshot.Snapshot.objects.filter(owner=alice).update(data=b"not a pickle")
    assert "37 min" in page(alice_client, "4w")


def test_a_snapshot_never_replaces_one_read_at_a_later_version(alice):
    snapshot.keep(alice, 5, "five", b"5")
    snapshot.keep(alice, 4, "four", b"4")  # an earlier write's refresh, finishing last
    assert snapshot.load(alice, "four") is None
    assert snapshot.load(alice, "five") == b"5"
    snapshot.keep(alice, 6, "six", b"6")
    assert snapshot.load(alice, "six") == b"6"


def test_a_write_refreshes_once_it_has_committed(alice, django_capture_on_commit_callbacks):
    session = make_session(alice)
    with django_capture_on_commit_callbacks() as callbacks:
        session.minutes = 44
        save_session(session)
        assert not snapshot.Snapshot.objects.filter(owner=alice).exists()
    assert len(callbacks) == 1
    callbacks[0]()
    kept = snapshot.Snapshot.objects.get(owner=alice)
    assert kept.version == profile_for(alice).journal_version


def test_a_transaction_of_several_writes_reads_the_page_once(
    alice, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        make_session(alice)
        save_checkin(CheckIn(owner=alice, date=alice.profile.today(), mood=4))
    assert len(callbacks) == 2  # one per write: the second finds the page read already
    callbacks[0]()
    with django_assert_max_num_queries(2):  # the profile, and whether the snapshot is kept
        callbacks[1]()


def test_the_sections_and_charts_refreshed_after_a_write_read_the_snapshot_too(
    alice_client, alice, django_capture_on_commit_callbacks
):
    today = alice.profile.today()
    written(
        django_capture_on_commit_callbacks,
        lambda: make_session(alice, date=today, activity="hiit", minutes=53, effort=None),
    )
    with mock.patch.object(dashboard_reads, "read_page", side_effect=AssertionError):
        pending = alice_client.get(reverse("journal:dashboard_fragment", args=["pending"]))
        chart = alice_client.get(reverse("journal:dashboard_charts"), {"range": "4w"})
    assert "53 min" in pending.content.decode()
    assert chart.status_code == 200
    assert 'id="chart-data-weekly-minutes"' in chart.content.decode()
