"""journal.sessions: Django's database sessions, their read written in SQL."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from journal.sessions import SessionStore

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
