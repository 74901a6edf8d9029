"""'How did it feel?' on the dashboard, and the journal coping with sessions without feelings."""

import json
from datetime import date, timedelta

from django.urls import reverse

from journal.core.services import save_session
from journal.dashboard import charts
from journal.imports import exchange
from journal.models import CheckIn, Session
from tests.factories import htmx_events, make_session


def imported(owner, days_ago: int, source_id: str) -> Session:
    return save_session(
        Session(
            owner=owner,
            date=date.today() - timedelta(days=days_ago),
            activity="aerobic",
            minutes=30,
            source="strava",
            source_id=source_id,
        )
    )


def test_imported_sessions_without_feelings_wait_in_one_collapsed_row(alice_client, alice):
    make_session(alice)  # rated when logged: not asked about
    imported(alice, 2, "a")
    imported(alice, 40, "b")
    page = alice_client.get(reverse("journal:dashboard")).content.decode()
    start = page.rindex("<details", 0, page.index('id="feelings-pending"'))
    row = page[start : page.index("\n</details>", start)]
    assert "How did it feel?" in row
    assert '<span class="count">2</span>' in row
    assert "2 imported sessions without feelings" in row
    assert " open" not in row[: row.index(">")]  # one collapsed row until opened
    assert "Stop asking about the 1 older than two weeks" in row


def test_nothing_shows_when_every_session_has_its_feelings(alice_client, alice):
    make_session(alice)
    page = alice_client.get(reverse("journal:dashboard")).content.decode()
    start = page.rindex("<details", 0, page.index('id="feelings-pending"'))
    assert " hidden>" in page[start : page.index(">", start) + 1]


def test_rating_an_imported_session_saves_both_feelings(alice_client, alice):
    session = imported(alice, 2, "a")
    url = reverse("journal:session_feelings", args=[session.pk])
    response = alice_client.post(
        url, {"feeling_before": "-1", "feeling_after": "3"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert htmx_events(response) == {"journal-changed"}
    session.refresh_from_db()
    assert (session.feeling_before, session.feeling_after, session.feeling_change) == (-1, 3, 4)
    assert '<span class="count">0</span>' in response.content.decode()


def test_a_rating_out_of_range_is_refused_next_to_the_session(alice_client, alice):
    session = imported(alice, 2, "a")
    url = reverse("journal:session_feelings", args=[session.pk])
    response = alice_client.post(
        url, {"feeling_before": "9", "feeling_after": "3"}, HTTP_HX_REQUEST="true"
    )
    assert "Choose a feeling before and after" in response.content.decode()
    session.refresh_from_db()
    assert session.feeling_before is None
    # Without JavaScript: back to the dashboard with the message.
    response = alice_client.post(url, {"feeling_after": "3"})
    assert response.status_code == 302


def test_dismissing_stops_asking_about_the_old_ones_only(alice_client, alice):
    recent = imported(alice, 3, "a")
    old = [imported(alice, days, f"o{days}") for days in (15, 200, 900)]
    response = alice_client.post(reverse("journal:feelings_dismiss"))
    assert response.status_code == 302
    assert not Session.objects.filter(pk=recent.pk, feelings_dismissed=True).exists()
    assert Session.objects.filter(pk__in=[s.pk for s in old], feelings_dismissed=True).count() == 3
    page = alice_client.get(reverse("journal:dashboard")).content.decode()
    assert "1 imported session without feelings" in page


def test_one_person_cannot_rate_or_dismiss_anothers_sessions(client, alice, bob):
    session = imported(alice, 2, "a")
    old = imported(alice, 30, "b")
    client.force_login(bob)
    url = reverse("journal:session_feelings", args=[session.pk])
    assert client.post(url, {"feeling_before": 0, "feeling_after": 1}).status_code == 404
    client.post(reverse("journal:feelings_dismiss"))
    old.refresh_from_db()
    assert old.feelings_dismissed is False


def test_the_feeling_chart_leaves_out_sessions_without_feelings():
    day = date(2026, 5, 4)
    rows = [
        {"date": day, "activity": "aerobic", "intensity": "moderate", "feeling_before": 0,
         "feeling_after": 2},
        {"date": day, "activity": "walking", "intensity": "light", "feeling_before": None,
         "feeling_after": None},
    ]  # fmt: skip
    daily = charts.feeling_change(rows)
    assert len(daily.labels) == 1
    weekly = charts.feeling_change(rows, weekly=True)
    values = [v for dataset in weekly.datasets for v in dataset.data if v is not None]
    assert values == [2]


def test_pages_and_charts_cope_with_sessions_and_check_ins_without_feelings_or_sleep(
    alice_client, alice
):
    session = imported(alice, 2, "a")
    CheckIn.objects.create(owner=alice, date=date.today() - timedelta(days=1), mood=4)
    for name in ("dashboard", "session_list", "checkin_list"):
        assert alice_client.get(reverse(f"journal:{name}"), {"range": "all"}).status_code == 200
    detail = alice_client.get(session.get_absolute_url()).content.decode()
    assert "not rated" in detail


def test_an_export_with_empty_feelings_and_sleep_reads_back_the_same(alice, bob):
    imported(alice, 2, "a")
    CheckIn.objects.create(owner=alice, date=date.today() - timedelta(days=1), mood=4)
    document = json.loads(exchange.export_json(alice))
    assert document["sessions"][0]["feeling_before"] is None
    assert document["checkins"][0]["sleep_quality"] is None
    report = exchange.import_journal(bob, exchange.export_json(alice))
    assert (report.imported_sessions, report.imported_checkins, report.rejected) == (1, 1, [])
    copy = Session.objects.get(owner=bob)
    assert (copy.feeling_before, copy.feeling_after) == (None, None)
