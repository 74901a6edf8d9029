"""journal.sessions: Django's database sessions and the account each names, read in SQL."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from journal.sessions import BACKEND, SessionStore
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_the_engine_is_the_one_in_use():
    assert settings.SESSION_ENGINE == "journal.sessions"


def test_a_session_reads_back_what_was_stored():
    stored = SessionStore()
    stored["answer"] = 42
    stored.save()
    assert SessionStore(stored.session_key)["answer"] == 42


def test_an_expired_session_is_empty_and_loses_its_key():
    stored = SessionStore()
    stored["answer"] = 42
    stored.save()
    Session.objects.filter(pk=stored.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    read = SessionStore(stored.session_key)
    assert "answer" not in read
    assert read.session_key is None


def test_an_unknown_key_is_empty():
    read = SessionStore("x" * 32)
    assert dict(read.items()) == {}
    assert read.session_key is None


def test_each_browser_reads_its_own_session(client, alice, bob):
    client.force_login(alice)
    other = client.__class__()
    other.force_login(bob)
    assert f'data-account="{alice.pk}"' in client.get(reverse("journal:dashboard")).content.decode()
    assert f'data-account="{bob.pk}"' in other.get(reverse("journal:dashboard")).content.decode()
    client.post(reverse("logout"))
    assert client.get(reverse("journal:dashboard")).content.decode().count("data-account") == 0


def signed_in_as(client) -> str | None:
    """The account the dashboard says this browser is signed in as, if any."""
    page = client.get(reverse("journal:dashboard")).content.decode()
    found = page.split('data-account="', 1)
    return found[1].split('"', 1)[0] if len(found) == 2 else None


def test_a_login_names_the_backend_that_reads_the_account_in_sql(client, alice):
    assert BACKEND in settings.AUTHENTICATION_BACKENDS
    assert "django.contrib.auth.backends.ModelBackend" not in settings.AUTHENTICATION_BACKENDS
    response = client.post(reverse("login"), {"username": "alice", "password": PASSWORD})
    assert response.status_code == 302
    assert client.session[BACKEND_SESSION_KEY] == BACKEND
    assert signed_in_as(client) == str(alice.pk)


def test_a_session_signed_in_through_djangos_backend_stays_signed_in(client, alice, bob):
    client.force_login(alice, backend="django.contrib.auth.backends.ModelBackend")
    stored = Session.objects.get(pk=client.session.session_key).get_decoded()
    assert stored[BACKEND_SESSION_KEY] == "django.contrib.auth.backends.ModelBackend"
    assert signed_in_as(client) == str(alice.pk)
    other = client.__class__()
    other.force_login(bob, backend="django.contrib.auth.backends.ModelBackend")
    assert signed_in_as(other) == str(bob.pk)


def test_an_account_made_inactive_or_deleted_is_signed_out(client, alice, bob):
    client.force_login(alice)
    alice.is_active = False
    alice.save()
    assert signed_in_as(client) is None
    client.force_login(bob)
    bob.delete()
    assert signed_in_as(client) is None
