"""Issue 25, item 4: the installed app opens offline on an app shell with the quick log,
which holds nothing of anyone's, and the worker keeps every script that page needs."""

import json
import re

import pytest

from journal.models import Session
from tests.factories import make_checkin, make_session

pytestmark = pytest.mark.django_db


def shell_list(client) -> list[str]:
    script = client.get("/sw.js").content.decode()
    return json.loads(re.search(r"const SHELL_URLS = (\[.*\]);", script).group(1))


@pytest.mark.parametrize("debug", [False, True])
def test_the_worker_keeps_the_app_shell_and_every_script_it_loads(client, settings, debug):
    settings.DEBUG = debug  # django-htmx adds django-htmx.js to pages in debug mode
    kept = shell_list(client)
    assert "/offline/log/" in kept
    assert any("django-htmx" in url for url in kept)
    page = client.get("/offline/log/").content.decode()
    scripts = re.findall(r'<script src="([^"]+)"', page)
    assert len(scripts) >= 3  # htmx, forms.js, offline.js (and django-htmx.js in debug)
    assert any("django-htmx" in src for src in scripts) == debug
    for src in scripts:
        assert src in kept, f"{src} is loaded by the app shell but not kept offline"
    for href in re.findall(r'<link rel="stylesheet" href="([^"]+)"', page):
        assert href in kept


def test_the_app_shell_holds_the_quick_log_and_nothing_of_anyones(client, alice):
    make_session(alice, note="alice's private note")
    make_checkin(alice, note="alice's check-in note")
    client.force_login(alice)  # even signed in, the page is the same for everyone
    page = client.get("/offline/log/").content.decode()
    assert "data-app-shell" in page
    assert 'data-offline-log=""' in page
    assert 'name="quick-minutes"' in page
    assert "private note" not in page
    assert "check-in note" not in page
    assert "alice" not in page
    # No log-in or log-out menu: only the way to the dashboard.
    assert "Log out" not in page
    assert 'href="/accounts/login/"' not in page
    assert 'name="quick-feeling_before"' in page


def test_signed_in_pages_say_which_account_the_device_is_signed_in_to(client, alice):
    client.force_login(alice)
    page = client.get("/").content.decode()
    assert f'<meta name="journal-account" content="{alice.pk}">' in page
    client.logout()
    assert 'name="journal-account"' not in client.get("/accounts/login/").content.decode()


def test_a_log_sent_from_the_shell_without_a_session_saves_nothing(client, alice):
    # The shell never posts itself (offline.js queues its logs for the dashboard to send);
    # a post without the person's session is refused, not saved under anyone.
    client.get("/offline/log/")
    response = client.post("/sessions/quick/", {"quick-minutes": "30"})
    assert response.status_code in (302, 403)
    assert not Session.objects.exists()
