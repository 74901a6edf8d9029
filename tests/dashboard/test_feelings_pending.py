"""'How did it feel?' on the dashboard, and the journal coping with sessions without feelings."""

import json
from datetime import date, timedelta

from django.urls import reverse

from journal.core import blocks
from journal.core.services import save_session, undismiss_feelings
from journal.dashboard import chart_blocks, charts
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
    start = page.rindex("<section", 0, page.index('id="feelings-pending"'))
    row = page[start : page.index("\n</section>", start)]
    assert "How did it feel?" in row
    assert '<span class="count">2</span>' in row
    assert "imported sessions have no feelings</strong>" in row
    assert "Rate them, or stop asking." in row
    assert '<details class="feelings-rate">' in row  # the list stays folded until asked for
    assert ">Stop asking</button>" in row


def test_nothing_shows_when_every_session_has_its_feelings(alice_client, alice):
    make_session(alice)
    page = alice_client.get(reverse("journal:dashboard")).content.decode()
    start = page.rindex("<section", 0, page.index('id="feelings-pending"'))
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
    assert 'id="feelings-pending"' in response.content.decode()
    assert "have no feelings" not in response.content.decode()


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


def test_232_imported_sessions_make_one_card_with_the_last_10(alice_client, alice):
    Session.objects.bulk_create(
        Session(
            owner=alice,
            date=date.today() - timedelta(days=1 + n),
            activity="aerobic",
            minutes=30,
            source="strava",
            source_id=f"s{n}",
        )
        for n in range(232)
    )
    row = alice_client.get(reverse("journal:feelings_pending")).content.decode()
    assert '<span class="count">232</span> imported sessions have no feelings' in row
    assert "Rate the last 10, or stop asking." in row
    assert row.count('name="feeling_before"') == 10


def test_one_imported_session_is_said_in_the_singular(alice_client, alice):
    imported(alice, 3, "one")
    row = alice_client.get(reverse("journal:feelings_pending")).content.decode()
    assert '<span class="count">1</span> imported session has no feelings' in row
    assert "Rate it, or stop asking." in row


def test_stop_asking_is_one_tap_and_undoable(alice_client, alice):
    recent = imported(alice, 2, "r")
    old = [imported(alice, 30 + n, f"o{n}") for n in range(3)]
    already = imported(alice, 90, "d")
    Session.objects.filter(pk=already.pk).update(feelings_dismissed=True)
    response = alice_client.post(reverse("journal:feelings_dismiss"), HTTP_HX_REQUEST="true")
    assert htmx_events(response) == {"journal-changed"}
    assert "No longer asking about 4 imported sessions." in response.content.decode()
    assert ">Undo</button>" in response.content.decode()
    assert Session.objects.filter(owner=alice, feelings_dismissed=False).count() == 0

    response = alice_client.post(reverse("journal:feelings_undo"), HTTP_HX_REQUEST="true")
    waiting = set(Session.objects.filter(feelings_dismissed=False).values_list("pk", flat=True))
    assert waiting == {recent.pk, *(s.pk for s in old)}  # the one dismissed before stays so
    assert '<span class="count">4</span>' in response.content.decode()


def test_stop_asking_without_javascript_shows_the_undo_on_the_dashboard(alice_client, alice):
    imported(alice, 2, "r")
    response = alice_client.post(reverse("journal:feelings_dismiss"))
    assert response.status_code == 200
    assert "No longer asking about 1 imported session." in response.content.decode()
    alice_client.post(reverse("journal:feelings_undo"))
    assert Session.objects.get(owner=alice).feelings_dismissed is False


def test_one_person_cannot_rate_or_dismiss_anothers_sessions(client, alice, bob):
    session = imported(alice, 2, "a")
    old = imported(alice, 30, "b")
    client.force_login(bob)
    url = reverse("journal:session_feelings", args=[session.pk])
    assert client.post(url, {"feeling_before": 0, "feeling_after": 1}).status_code == 404
    client.post(reverse("journal:feelings_dismiss"))
    old.refresh_from_db()
    assert old.feelings_dismissed is False
    Session.objects.filter(pk=old.pk).update(feelings_dismissed=True)
    assert undismiss_feelings(bob, [old.pk]) == 0
    old.refresh_from_db()
    assert old.feelings_dismissed is True


def test_the_feeling_chart_leaves_out_sessions_without_feelings():
    day = date(2026, 5, 4)
    rows = [
        {"date": day, "activity": "aerobic", "intensity": "moderate", "feeling_before": 0,
         "feeling_after": 2, "minutes": 30, "effort": 4},
        {"date": day, "activity": "walking", "intensity": "light", "feeling_before": None,
         "feeling_after": None, "minutes": 30, "effort": None},
    ]  # fmt: skip
    index = blocks.block_of(day)
    week, days = chart_blocks.build_block(index, sessions=rows, checkins=[], tags=[])
    span = charts.Span(day, day, [week], {days["start"]: days})
    daily = charts.feeling_change(span)
    assert len(daily.labels) == 1
    weekly = charts.feeling_change(span, weekly=True)
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
