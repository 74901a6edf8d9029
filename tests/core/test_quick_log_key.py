"""The quick log's idempotency key: a resend of the same log is the same session."""

import uuid
from datetime import date, timedelta

import pytest
from django.urls import reverse

from journal.core import services
from journal.core.services import save_new_session_once
from journal.models import Session
from tests.factories import htmx_events, make_session

pytestmark = pytest.mark.django_db

KEY = "0b5c3c2e-4d1a-4f7e-9a53-2f0d8e6b1c47"


def quick_log(key=KEY, **overrides):
    data = {
        "activity": "aerobic",
        "date": (date.today() - timedelta(days=1)).isoformat(),
        "minutes": "30",
        "feeling_before": "0",
        "feeling_after": "2",
        "uuid": key,
        **overrides,
    }
    # The dashboard's quick-log form names its fields with the "quick" prefix.
    return {f"quick-{name}": value for name, value in data.items() if value is not None}


def test_two_posts_with_one_key_store_one_session(alice_client, alice):
    url = reverse("journal:session_quick")
    first = alice_client.post(url, quick_log(), HTTP_HX_REQUEST="true")
    again = alice_client.post(url, quick_log(minutes="31"), HTTP_HX_REQUEST="true")
    session = Session.objects.get(owner=alice)
    assert str(session.uuid) == KEY
    assert session.minutes == 30  # the resend changes nothing
    # Both answers say it is saved, so the offline queue can forget the log.
    for response in (first, again):
        assert response.status_code == 200
        assert htmx_events(response) == {"journal-changed"}
        assert f'href="{session.get_absolute_url()}"'.encode() in response.content


def test_a_resend_without_javascript_redirects_like_a_first_save(alice_client, alice):
    url = reverse("journal:session_quick")
    alice_client.post(url, quick_log())
    response = alice_client.post(url, quick_log())
    assert response.status_code == 302
    assert Session.objects.filter(owner=alice).count() == 1


def test_each_owner_has_a_key_space_of_their_own(client, alice, bob):
    url = reverse("journal:session_quick")
    client.force_login(alice)
    client.post(url, quick_log())
    client.force_login(bob)
    client.post(url, quick_log(activity="hiit"))
    assert Session.objects.get(owner=alice).activity == "aerobic"
    assert Session.objects.get(owner=bob).activity == "hiit"
    assert Session.objects.filter(uuid=KEY).count() == 2


def test_a_malformed_key_gets_a_clear_message_and_saves_nothing(alice_client):
    url = reverse("journal:session_quick")
    response = alice_client.post(url, quick_log(key="not-a-key"), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "HX-Trigger" not in response
    assert b"This log&#x27;s key is damaged. Reload the page and log again." in response.content
    assert b'role="alert"' in response.content
    assert Session.objects.count() == 0


def test_without_a_key_each_post_is_a_new_session(alice_client, alice):
    url = reverse("journal:session_quick")
    alice_client.post(url, quick_log(key=""))
    alice_client.post(url, quick_log(key=None))
    assert Session.objects.filter(owner=alice).count() == 2


def test_every_blank_quick_log_form_carries_a_fresh_key(alice_client):
    keys = set()
    for _ in range(2):
        html = alice_client.get(reverse("journal:dashboard")).content.decode()
        assert "data-offline-log=" in html
        start = html.index('name="quick-uuid"')
        keys.add(str(uuid.UUID(html[start:].split('value="')[1][:36])))
    assert len(keys) == 2


def walk(owner):
    return Session(
        owner=owner,
        uuid=KEY,
        date=date.today(),
        activity="walking",
        minutes=20,
        feeling_before=0,
        feeling_after=1,
    )


def test_saving_once_returns_the_stored_session_for_a_known_key(alice):
    def fresh():
        return walk(alice)

    first, created = save_new_session_once(fresh())
    second, created_again = save_new_session_once(fresh())
    assert (created, created_again) == (True, False)
    assert second.pk == first.pk


def test_a_resend_that_loses_a_race_gets_the_winners_session(alice, monkeypatch):
    """Two sends of one log at once: both pass the lookup, one insert wins."""
    winner = []
    real_save = services.save_session

    def save_after_the_other_send(session):
        winner.append(make_session(alice, uuid=KEY, minutes=50))  # the other request, first
        return real_save(session)

    monkeypatch.setattr(services, "save_session", save_after_the_other_send)
    stored, created = save_new_session_once(walk(alice))
    assert created is False
    assert stored.pk == winner[0].pk
    assert Session.objects.filter(owner=alice).count() == 1
