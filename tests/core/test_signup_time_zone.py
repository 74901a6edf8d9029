"""The time zone chosen at sign-up (the browser's, pre-selected by static JS)."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def sign_up(client, **extra):
    data = {"username": "carol", "password1": PASSWORD, "password2": PASSWORD, **extra}
    return client.post(reverse("signup"), data)


def test_the_time_zone_chosen_at_sign_up_is_saved_in_the_profile(client):
    response = sign_up(client, time_zone="Pacific/Auckland")
    assert response.status_code == 302
    assert User.objects.get(username="carol").profile.time_zone == "Pacific/Auckland"


def test_without_javascript_the_form_offers_utc(client):
    html = client.get(reverse("signup")).content.decode()
    assert '<option value="UTC" selected>UTC</option>' in html
    assert "data-detect-time-zone" in html
    assert "js/time-zone.js" in html
    sign_up(client, time_zone="UTC")
    assert User.objects.get(username="carol").profile.time_zone == "UTC"


def test_a_sign_up_without_the_field_gets_utc(client):
    sign_up(client)
    assert User.objects.get(username="carol").profile.time_zone == "UTC"


def test_an_unknown_time_zone_is_refused_with_a_message(client):
    response = sign_up(client, time_zone="Mars/Olympus_Mons")
    assert response.status_code == 200
    assert b"Mars/Olympus_Mons is not a time zone we know. Pick one from the list." in (
        response.content
    )
    assert not User.objects.filter(username="carol").exists()
    # The form sent back keeps the person's own choice from the browser's guess.
    assert b"data-chosen" in response.content


def test_the_servers_own_zone_is_not_offered_as_a_place(client):
    response = sign_up(client, time_zone="localtime")
    assert b"localtime is not a time zone we know" in response.content
    assert not User.objects.filter(username="carol").exists()
