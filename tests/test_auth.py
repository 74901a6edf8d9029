import re

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.urls import reverse

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

PRIVATE_PAGES = [
    "journal:session_list",
    "journal:checkin_list",
    "journal:insights",
    "journal:account",
]


def test_sign_up_logs_the_person_in_and_lands_on_the_dashboard(client):
    response = client.post(
        reverse("signup"),
        {"username": "carol", "email": "", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("journal:dashboard")
    page = client.get(reverse("journal:dashboard"))
    assert page.wsgi_request.user.username == "carol"
    assert b"Dashboard" in page.content


def test_sign_up_with_mismatched_passwords_shows_the_error_and_saves_nothing(client):
    response = client.post(
        reverse("signup"),
        {"username": "carol", "password1": PASSWORD, "password2": PASSWORD + "x"},
    )
    assert response.status_code == 200
    assert b"password fields didn" in response.content
    assert not User.objects.filter(username="carol").exists()


def test_sign_up_refuses_a_taken_username(client, alice):
    response = client.post(
        reverse("signup"),
        {"username": "alice", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 200
    assert b"already exists" in response.content
    assert User.objects.filter(username="alice").count() == 1


def test_log_in_with_the_right_password_goes_to_the_dashboard(client, alice):
    response = client.post(reverse("login"), {"username": "alice", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("journal:dashboard")


def test_log_in_with_a_wrong_password_says_so(client, alice):
    response = client.post(reverse("login"), {"username": "alice", "password": "nope"})
    assert response.status_code == 200
    assert b"correct username and password" in response.content
    assert "_auth_user_id" not in client.session


def test_repeated_failed_log_ins_lock_the_username_out(client, alice, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "alice", "password": "nope"})
    response = client.post(reverse("login"), {"username": "alice", "password": PASSWORD})
    assert response.status_code == 429
    assert b"Too many failed log-ins" in response.content
    assert "_auth_user_id" not in client.session


def test_log_out_needs_a_post_and_ends_the_session(alice_client):
    assert alice_client.get(reverse("logout")).status_code == 200  # a page to confirm
    assert "_auth_user_id" in alice_client.session
    response = alice_client.post(reverse("logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in alice_client.session


def test_password_change_replaces_the_password(alice_client, alice):
    response = alice_client.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "a-new-long-pass-2026",
            "new_password2": "a-new-long-pass-2026",
        },
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password("a-new-long-pass-2026")


def test_password_reset_by_email_sets_a_new_password(client, alice):
    response = client.post(reverse("password_reset"), {"email": "alice@example.com"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/accounts/reset/\S+)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    assert b"Choose a new password" in form_page.content
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "reset-pass-long-2026", "new_password2": "reset-pass-long-2026"},
    )
    assert done.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password("reset-pass-long-2026")


def test_password_reset_for_an_unknown_email_sends_nothing_and_reveals_nothing(client, alice):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.com"})
    assert response.status_code == 302
    assert mail.outbox == []


@pytest.mark.parametrize("name", PRIVATE_PAGES)
def test_anonymous_visitors_are_sent_to_log_in(client, name):
    url = reverse(name)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={url}"


def test_anonymous_home_is_a_welcome_page_with_sign_up(client):
    response = client.get(reverse("journal:dashboard"))
    assert response.status_code == 200
    assert reverse("signup").encode() in response.content
