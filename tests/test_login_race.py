"""A login of an account that is being deleted is refused in words, never a server error."""

from unittest import mock

import pytest
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from journal.views.account import ACCOUNT_GONE
from tests.concurrency import at_once, needs_postgres
from tests.conftest import PASSWORD, make_user


def log_in(client, username="alice"):
    return client.post(reverse("login"), {"username": username, "password": PASSWORD})


@pytest.mark.django_db
def test_a_login_records_its_time(client, alice):
    assert alice.last_login is None
    response = log_in(client)
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.last_login is not None
    assert client.session["_auth_user_id"] == str(alice.pk)


@pytest.mark.django_db
def test_an_account_deleted_between_the_password_check_and_the_login_is_refused(client, alice):
    # The deletion lands right after the password was found right: the moment the
    # race hits, made certain (SQLite cannot run the two at once).
    checked = ModelBackend.authenticate

    def check_then_lose_the_account(backend, request, **credentials):
        user = checked(backend, request, **credentials)
        User.objects.filter(pk=user.pk).delete()
        return user

    with mock.patch.object(ModelBackend, "authenticate", check_then_lose_the_account):
        response = log_in(client)
    assert response.status_code == 200
    assert ACCOUNT_GONE in response.content.decode()
    assert "_auth_user_id" not in client.session
    # What comes next is a visitor's page, not the deleted account's.
    assert client.get(reverse("journal:account")).status_code == 302


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_logins_racing_the_deletion_of_their_account_never_answer_500():
    for round_ in range(3):
        user = make_user(f"leaving{round_}")

        def attempt(user=user):
            client = Client(raise_request_exception=False)
            response = log_in(client, user.username)
            return response.status_code, ACCOUNT_GONE in response.content.decode()

        def delete(user=user):
            User.objects.get(pk=user.pk).delete()
            return "deleted"

        results = at_once(*[attempt] * 6, delete)
        assert results[-1] == "deleted"
        statuses = [status for status, _ in results[:-1]]
        assert 500 not in statuses, results
        # Each login either got in before the deletion, or was refused (in words, or
        # because the password check already found no account).
        assert set(statuses) <= {200, 302}, results
        assert not User.objects.filter(pk=user.pk).exists()
