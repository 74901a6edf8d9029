"""Issue 25, item 5: the quick log's refusals are in our own words, with the limits from the
one place that defines them, and a session over five hours is asked about once."""

import re

import pytest
from django.urls import reverse

from journal.core import validation
from journal.models import SESSION_RANGES, Session
from tests.core.test_sessions import quick_data, session_data

pytestmark = pytest.mark.django_db


def post(client, **fields):
    return client.post(
        reverse("journal:session_quick"), quick_data(**fields), HTTP_HX_REQUEST="true"
    )


def test_an_empty_quick_log_says_what_each_field_needs_next_to_it(alice_client):
    response = post(
        alice_client, activity="", minutes="", feeling_before="", feeling_after="", date=""
    )
    text = response.content.decode()
    assert "This field is required" not in text
    for message in (
        "Choose the kind of session.",
        "Enter how many minutes the session lasted, from 1 to 1,440.",
        "Choose how you felt before, from -5 to +5.",
        "Choose how you felt after, from -5 to +5.",
        "Enter the day of the session.",
    ):
        assert message in text
    # Each message sits in its field's group, and the field is marked for forms.js to focus.
    minutes = text[text.index('for="id_quick-minutes"') - 200 : text.index('name="quick-minutes"')]
    assert "Enter how many minutes" in minutes
    assert re.search(r'name="quick-minutes"[^>]*aria-invalid="true"', text)
    assert Session.objects.count() == 0


def test_the_refusal_of_4500_minutes_is_ours_and_its_limit_comes_from_the_ranges(alice_client):
    text = post(alice_client, minutes="4500").content.decode()
    high = SESSION_RANGES["minutes"][1]
    assert f"A session can last at most {high:,} minutes (24 hours)" in text
    assert "Ensure this value" not in text
    assert Session.objects.count() == 0


@pytest.mark.parametrize(("minutes", "hours"), [("450", "7.5 hours"), ("600", "10 hours")])
def test_a_session_over_five_hours_is_asked_about_once(alice_client, alice, minutes, hours):
    first = post(alice_client, minutes=minutes).content.decode()
    assert f"Really {hours}? That is over 5 hours" in first
    assert f'name="quick-long_ok" value="{minutes}"' in first
    assert Session.objects.count() == 0
    # Sent again as it came back (the confirmation rides along): saved, not asked again.
    second = post(alice_client, minutes=minutes, long_ok=minutes)
    assert "journal-changed" in second["HX-Trigger"]
    assert Session.objects.get(owner=alice).minutes == int(minutes)


def test_a_confirmation_for_other_minutes_asks_again(alice_client):
    text = post(alice_client, minutes="700", long_ok="450").content.decode()
    assert "Really 11.7 hours?" in text
    assert Session.objects.count() == 0


def test_five_hours_exactly_is_not_asked_about(alice_client, alice):
    post(alice_client, minutes=str(validation.LONG_SESSION_MINUTES))
    assert Session.objects.filter(owner=alice).count() == 1


def test_the_minutes_field_carries_the_limits_for_the_offline_queue(alice_client):
    page = alice_client.get(reverse("journal:dashboard")).content.decode()
    assert re.search(r'name="quick-minutes"[^>]*data-long-after="300"', page)
    assert re.search(r'name="quick-minutes"[^>]*max="1440"', page)


@pytest.mark.parametrize(
    ("minutes", "words"),
    [(60, "1 hour"), (90, "1.5 hours"), (450, "7.5 hours"), (1440, "24 hours")],
)
def test_hours_are_said_as_a_person_says_them(minutes, words):
    assert validation.hours_words(minutes) == words


def test_the_full_form_asks_about_long_sessions_too(alice_client, alice):
    new = reverse("journal:session_new")
    first = alice_client.post(new, session_data(minutes="420")).content.decode()
    assert "Really 7 hours? That is over 5 hours: press Log session again" in first
    assert 'name="long_ok" value="420"' in first
    assert Session.objects.count() == 0
    saved = alice_client.post(new, session_data(minutes="420", long_ok="420"))
    session = Session.objects.get(owner=alice)
    assert saved.status_code == 302
    assert session.minutes == 420


def test_an_edit_asks_only_when_it_makes_a_session_long(alice_client, alice):
    new = reverse("journal:session_new")
    alice_client.post(new, session_data(minutes="420", long_ok="420"))
    session = Session.objects.get(owner=alice)
    edit = reverse("journal:session_edit", args=[session.pk])
    kept = alice_client.post(edit, session_data(minutes="420", note="same hours"))
    assert kept.status_code == 302  # the long minutes were confirmed when logged
    longer = alice_client.post(edit, session_data(minutes="480")).content.decode()
    assert "Really 8 hours? That is over 5 hours: press Save changes again" in longer
    session.refresh_from_db()
    assert session.minutes == 420
