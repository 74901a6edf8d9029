from datetime import date, timedelta

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from journal.models import Session
from tests.factories import htmx_events, make_history, make_session

pytestmark = pytest.mark.django_db

YESTERDAY = date.today() - timedelta(days=1)


def session_data(**overrides):
    data = {
        "activity": "aerobic",
        "date": YESTERDAY.isoformat(),
        "minutes": "45",
        "feeling_before": "0",
        "feeling_after": "3",
        "effort": "4",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def quick_data(**overrides):
    """The dashboard's quick-log form names its fields with the "quick" prefix."""
    return {f"quick-{k}": v for k, v in session_data(**overrides).items()}


def test_the_full_form_logs_a_session_with_every_field(alice_client, alice):
    response = alice_client.post(
        reverse("journal:session_new"),
        session_data(
            start_time="07:15",
            arousal_before="2",
            arousal_after="4",
            avg_hr="142",
            max_hr="168",
            distance="8.4",
            note="easy run by the river",
        ),
    )
    session = Session.objects.get(owner=alice)
    assert response.status_code == 302
    assert response["Location"] == session.get_absolute_url()
    assert (session.minutes, session.feeling_after, session.effort) == (45, 3, 4)
    assert session.distance_km == 8.4
    assert session.load == 180


def test_distance_is_entered_in_miles_and_stored_in_kilometres(alice_client, alice):
    alice.profile.distance_unit = "mi"
    alice.profile.save()
    alice_client.post(reverse("journal:session_new"), session_data(distance="5"))
    assert Session.objects.get(owner=alice).distance_km == pytest.approx(8.047, abs=0.001)
    page = alice_client.get(reverse("journal:session_edit", args=[Session.objects.get().pk]))
    assert b'value="5.0"' in page.content


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("feeling_before", "7", b"Choose how you felt before from -5 to +5; 7 is not one"),
        ("feeling_after", "-6", b"Choose how you felt after from -5 to +5; -6 is not one"),
        ("effort", "11", b"Choose how hard the session was from 0 to 10; 11 is not one"),
        ("minutes", "0", b"A session lasts at least 1 minute."),
        ("minutes", "-5", b"A session lasts at least 1 minute."),
        ("minutes", "100000", b"at most 1,440 minutes (24 hours)"),
        ("minutes", "forty", b"Enter the minutes as a whole number, like 45."),
        ("date", (date.today() + timedelta(days=30)).isoformat(), b"in the future"),
        ("date", "not-a-date", b"Enter a real date."),
        ("avg_hr", "300", b"Average heart rate can be from 25 to 250; this is above."),
        ("max_hr", "10", b"Max heart rate can be from 25 to 250; this is below."),
        ("note", "x" * 100_000, b"at most 2000 characters"),
        ("activity", "swimming", b"Choose the kind of session from the list."),
        ("distance", "5000", b"further than 1,000 km"),
    ],
)
def test_bad_input_gets_a_message_by_the_field_and_saves_nothing(
    alice_client, field, value, message
):
    response = alice_client.post(reverse("journal:session_new"), session_data(**{field: value}))
    assert response.status_code == 200
    assert message in response.content
    assert b'aria-invalid="true"' in response.content
    assert Session.objects.count() == 0


def test_an_average_heart_rate_above_the_maximum_is_refused(alice_client):
    response = alice_client.post(
        reverse("journal:session_new"), session_data(avg_hr="170", max_hr="150")
    )
    assert b"can&#x27;t be above the maximum" in response.content
    assert Session.objects.count() == 0


@pytest.mark.parametrize(
    ("field", "value"),
    [("feeling_before", 7), ("effort", 11), ("minutes", 0), ("avg_hr", 400), ("note", "x" * 2001)],
)
def test_the_database_itself_refuses_out_of_range_values(alice, field, value):
    with pytest.raises(IntegrityError), transaction.atomic():
        Session.objects.create(
            owner=alice,
            date=YESTERDAY,
            activity="aerobic",
            **{"minutes": 30, "feeling_before": 0, "feeling_after": 0, field: value},
        )


def test_quick_log_with_htmx_returns_a_fresh_form_and_announces_the_change(alice_client, alice):
    response = alice_client.post(
        reverse("journal:session_quick"),
        quick_data(activity="hiit", effort=None),
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert htmx_events(response) == {"journal-changed"}
    assert b'id="quick-log"' in response.content
    assert b"<html" not in response.content
    # The next quick log defaults to the activity just logged.
    assert b'<option value="hiit" selected>' in response.content
    assert Session.objects.get(owner=alice).effort is None


def test_quick_log_without_javascript_redirects_to_the_dashboard(alice_client, alice):
    response = alice_client.post(reverse("journal:session_quick"), quick_data())
    assert response.status_code == 302
    assert response["Location"] == reverse("journal:dashboard")
    assert Session.objects.filter(owner=alice).count() == 1


def test_an_invalid_quick_log_comes_back_with_its_errors(alice_client):
    response = alice_client.post(
        reverse("journal:session_quick"), quick_data(minutes="0"), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert b"A session lasts at least 1 minute." in response.content
    plain = alice_client.post(reverse("journal:session_quick"), quick_data(minutes="0"))
    assert plain.status_code == 200
    assert b"A session lasts at least 1 minute." in plain.content
    assert Session.objects.count() == 0


def test_the_dashboard_lists_sessions_without_effort_and_one_tap_rates_them(alice_client, alice):
    session = make_session(alice, effort=None)
    page = alice_client.get(reverse("journal:dashboard"))
    assert reverse("journal:session_effort", args=[session.pk]).encode() in page.content
    response = alice_client.post(
        reverse("journal:session_effort", args=[session.pk]),
        {"effort": "6"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert htmx_events(response) == {"journal-changed"}
    assert b"Every session has an effort rating" in response.content
    session.refresh_from_db()
    assert session.effort == 6


def test_the_pending_row_is_one_line_with_a_count_and_stays_open_while_rating(alice_client, alice):
    first, _second = make_session(alice, effort=None), make_session(alice, effort=None)
    page = alice_client.get(reverse("journal:dashboard")).content.decode()
    row = page[
        page.index('id="pending"') - 40 : page.index("</summary>", page.index('id="pending"'))
    ]
    assert 'id="pending" hx-get="/dashboard/pending/"' in row
    assert " open" not in row
    assert 'Sessions to rate <span class="count">2</span>' in row
    response = alice_client.post(
        reverse("journal:session_effort", args=[first.pk]), {"effort": "3"}, HTTP_HX_REQUEST="true"
    )
    rated = response.content.decode()
    # Open after a rating, and its own refresh asks to stay open.
    assert 'hx-get="/dashboard/pending/?open=1"' in rated
    assert 'hx-swap="outerHTML" open>' in rated
    assert '<span class="count">1</span>' in rated
    refreshed = alice_client.get(
        reverse("journal:dashboard_fragment", args=["pending"]), {"open": "1"}
    )
    assert b'hx-swap="outerHTML" open>' in refreshed.content


def test_the_pending_row_is_hidden_when_nothing_waits(alice_client, alice):
    make_session(alice, effort=5)
    page = alice_client.get(reverse("journal:dashboard")).content.decode()
    assert 'hx-swap="outerHTML" hidden>' in page


def test_rating_an_effort_out_of_range_saves_nothing(alice_client, alice):
    session = make_session(alice, effort=None)
    alice_client.post(reverse("journal:session_effort", args=[session.pk]), {"effort": "12"})
    session.refresh_from_db()
    assert session.effort is None


def test_history_is_newest_first_and_paginated(alice_client, alice):
    make_history(alice, 45)
    first = alice_client.get(reverse("journal:session_list"))
    assert first.context["page"].paginator.count == 45
    dates = [s.date for s in first.context["page"].object_list]
    assert dates == sorted(dates, reverse=True)
    assert len(dates) == 20
    third = alice_client.get(reverse("journal:session_list"), {"page": 3})
    assert len(third.context["page"].object_list) == 5
    assert alice_client.get(reverse("journal:session_list"), {"page": "zzz"}).status_code == 200


def test_history_filters_by_activity_and_date_range_in_a_bookmarkable_url(alice_client, alice):
    make_session(alice, activity="walking", date=YESTERDAY - timedelta(days=10))
    make_session(alice, activity="walking", date=YESTERDAY)
    make_session(alice, activity="hiit", date=YESTERDAY)
    url = reverse("journal:session_list")
    response = alice_client.get(
        url, {"activity": "walking", "start": (YESTERDAY - timedelta(days=2)).isoformat()}
    )
    sessions = list(response.context["page"].object_list)
    assert [(s.activity, s.date) for s in sessions] == [("walking", YESTERDAY)]
    partial = alice_client.get(url, {"activity": "hiit"}, HTTP_HX_REQUEST="true")
    assert b'id="results"' in partial.content
    assert b"<html" not in partial.content


def test_back_after_an_htmx_filter_gets_the_whole_page_and_caches_keep_them_apart(
    alice_client, alice
):
    make_session(alice)
    url = reverse("journal:session_list")
    fragment = alice_client.get(url, {"activity": "hiit"}, HTTP_HX_REQUEST="true")
    # htmx asks again for an address it pushed when its history cache has lost the page.
    restored = alice_client.get(
        url, {"activity": "hiit"}, HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true"
    )
    plain = alice_client.get(url, {"activity": "hiit"})
    assert b"<html" not in fragment.content
    assert b"<html" in restored.content
    assert b"<html" in plain.content
    for response in (fragment, restored, plain):
        assert "HX-Request" in response["Vary"]


def test_a_bad_filter_shows_its_message_and_lists_everything(alice_client, alice):
    make_session(alice)
    response = alice_client.get(
        reverse("journal:session_list"), {"start": "2026-05-01", "end": "2026-01-01"}
    )
    assert response.status_code == 200
    assert b"end date is before the start date" in response.content


def test_editing_a_session_saves_the_change(alice_client, alice):
    session = make_session(alice)
    response = alice_client.post(
        reverse("journal:session_edit", args=[session.pk]), session_data(minutes="50")
    )
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.minutes == 50


def test_deleting_asks_first_then_deletes_on_post(alice_client, alice):
    session = make_session(alice)
    url = reverse("journal:session_delete", args=[session.pk])
    assert b"Delete this session?" in alice_client.get(url).content
    assert Session.objects.filter(pk=session.pk).exists()
    response = alice_client.post(url)
    assert response.status_code == 302
    assert not Session.objects.filter(pk=session.pk).exists()


# session, user, profile, effects (names for the tag chips), count, the page of
# sessions, their tags (prefetched). An empty history skips the last two.
@pytest.mark.parametrize(("count", "queries"), [(0, 5), (10, 7), (500, 7)])
def test_history_runs_a_fixed_number_of_queries(
    alice_client, alice, count, queries, django_assert_num_queries
):
    make_history(alice, count)
    with django_assert_num_queries(queries):
        alice_client.get(reverse("journal:session_list"))
