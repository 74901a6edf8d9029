"""The dashboard's forms and long-term card are cached apart from the page (by what they
show, not by journal version): a write that changes them shows at once, one that does not
leaves them as rendered, and no one ever gets another person's."""

from unittest import mock

import pytest
from django.urls import reverse

from journal.core.services import profile_for, save_checkin, save_profile
from journal.models import CheckIn
from journal.views import dashboard
from journal.views.common import CSRF_PLACEHOLDER
from tests.factories import make_session

pytestmark = pytest.mark.django_db
URL = reverse("journal:dashboard")


def quick_log(response) -> str:
    content = response.content.decode()
    start = content.index('<details class="card sheet" id="quick-log"')
    return content[start : content.index("</details>", start)]


def checkin(response) -> str:
    content = response.content.decode()
    start = content.index('<details class="card sheet" id="checkin"')
    return content[start : content.index('<details class="card sheet pending"', start)]


def check_in_today(user, **fields) -> CheckIn:
    today = profile_for(user).today()
    return save_checkin(CheckIn(owner=user, date=today, mood=3, sleep_quality=6, **fields))


def test_the_quick_log_follows_the_last_activity(alice_client, alice):
    make_session(alice, activity="walking")
    assert '<option value="walking" selected>' in quick_log(alice_client.get(URL))
    make_session(alice, activity="resistance")
    form = quick_log(alice_client.get(URL))
    assert '<option value="resistance" selected>' in form
    assert '<option value="walking" selected>' not in form


def test_the_checkin_follows_todays_checkin_and_the_profile(alice_client, alice):
    assert "Today's check-in" not in checkin(alice_client.get(URL))
    saved = check_in_today(alice, note="slept in the garden")
    shown = checkin(alice_client.get(URL))
    assert "Today's check-in" in shown
    assert "slept in the garden" in shown
    saved.note = "slept indoors"
    save_checkin(saved)
    assert "slept indoors" in checkin(alice_client.get(URL))
    assert 'name="checkin-energy"' not in checkin(alice_client.get(URL))
    profile = profile_for(alice)
    profile.checkin_items = ["energy"]
    save_profile(profile)
    assert 'name="checkin-energy"' in checkin(alice_client.get(URL))


def test_a_write_that_changes_neither_form_renders_neither_again(alice_client, alice):
    make_session(alice, activity="walking")
    alice_client.get(URL)
    with (
        mock.patch.object(dashboard, "quick_form_for", wraps=dashboard.quick_form_for) as quick,
        mock.patch.object(dashboard, "checkin_form_for", wraps=dashboard.checkin_form_for) as day,
    ):
        make_session(alice, activity="walking", minutes=33)
        assert alice_client.get(URL).status_code == 200
        assert quick.call_count == 0
        assert day.call_count == 0
        make_session(alice, activity="resistance")
        alice_client.get(URL)
        assert quick.call_count == 1
        assert day.call_count == 0


def test_each_person_gets_their_own_forms(client, alice, bob):
    make_session(alice, activity="resistance")
    make_session(bob, activity="walking")
    check_in_today(alice, note="alice's own words")
    check_in_today(bob, note="bob's own words")
    for user, mine, theirs in [(alice, "alice", "bob"), (bob, "bob", "alice")]:
        client.force_login(user)
        response = client.get(URL)
        activity = "resistance" if user == alice else "walking"
        assert f'<option value="{activity}" selected>' in quick_log(response)
        assert f"{mine}&#x27;s own words" in checkin(response)
        assert f"{theirs}&#x27;s own words" not in response.content.decode()


def test_every_view_gets_a_real_csrf_token(alice_client, alice):
    first = alice_client.get(URL).content.decode()
    second = alice_client.get(URL).content.decode()
    for page in (first, second):
        assert CSRF_PLACEHOLDER not in page
        assert 'name="csrfmiddlewaretoken" value="' in page
