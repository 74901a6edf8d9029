"""A shared device: after logout the browser is told to forget, and a log queued in one
account is never saved into another (issue 26). The browser side is in
tests/browser/test_shared_device.py."""

import pytest
from django.test import Client
from django.urls import reverse

from journal.models import Session
from tests.core.test_quick_log_key import quick_log
from tests.factories import make_session

pytestmark = pytest.mark.django_db


def test_logging_out_tells_the_browser_to_forget_this_site(alice_client):
    response = alice_client.post(reverse("logout"))
    assert response.status_code == 302
    assert response.url == reverse("login")
    assert response["Clear-Site-Data"] == '"cache", "storage"'
    assert "no-store" in response["Cache-Control"]
    assert "_auth_user_id" not in alice_client.session
    page = alice_client.get(response.url).content.decode()
    assert "You are logged out." in page


def test_the_logout_page_asks_first_and_logs_nobody_out_by_itself(alice_client):
    page = alice_client.get(reverse("logout"))
    assert page.status_code == 200
    body = page.content.decode()
    assert "data-logout-confirm" in body
    assert "Send them, then log out" in body  # shown by logout.js when logs wait
    assert "_auth_user_id" in alice_client.session
    response = Client().get(reverse("logout"))  # a visitor has nothing to log out of
    assert response.status_code == 302
    assert response.url == reverse("login")


@pytest.mark.parametrize(
    "name", ["journal:dashboard", "journal:session_list", "journal:account", "journal:insights"]
)
def test_a_logged_in_persons_pages_are_never_stored_by_the_browser(alice_client, alice, name):
    make_session(alice, note="private words")
    response = alice_client.get(reverse(name))
    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    assert "no-store" in cache_control
    assert "private" in cache_control


def test_an_htmx_fragment_and_a_download_are_not_stored_either(alice_client):
    fragment = alice_client.get(reverse("journal:dashboard_charts"), HTTP_HX_REQUEST="true")
    download = alice_client.get(reverse("journal:export_json"))
    assert "no-store" in fragment["Cache-Control"]
    assert "no-store" in download["Cache-Control"]


def test_the_service_worker_keeps_its_own_cache_rule(alice_client):
    response = alice_client.get(reverse("service_worker"))
    assert "no-store" not in response["Cache-Control"]
    assert "no-cache" in response["Cache-Control"]


def test_the_page_names_its_account_and_htmx_keeps_no_history(alice_client, alice):
    page = alice_client.get(reverse("journal:dashboard")).content.decode()
    assert f'data-account="{alice.pk}"' in page
    assert f'data-offline-log="{alice.pk}"' in page
    assert '"historyCacheSize": 0' in page
    assert '"refreshOnHistoryMiss": true' in page
    visitor = Client().get(reverse("login")).content.decode()
    assert "data-account" not in visitor
    assert '"historyCacheSize": 0' in visitor


def test_a_log_queued_in_another_account_is_refused_and_saves_nothing(client, alice, bob):
    client.force_login(bob)
    url = reverse("journal:session_quick")
    response = client.post(
        url, quick_log(), HTTP_HX_REQUEST="true", HTTP_X_JOURNAL_ACCOUNT=str(alice.pk)
    )
    assert response.status_code == 409
    assert not Session.objects.exists()
    # Bob's own log, sent by his own page, is saved.
    response = client.post(
        url, quick_log(), HTTP_HX_REQUEST="true", HTTP_X_JOURNAL_ACCOUNT=str(bob.pk)
    )
    assert response.status_code == 200
    assert Session.objects.get().owner == bob


def test_a_page_answering_a_plain_post_is_not_stored_either(alice_client):
    # A form sent without htmx answers with a page (here, its errors): a page of history.
    response = alice_client.post(reverse("journal:session_new"), {"minutes": "x"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
