"""Log-in throttling behind proxies, odd requests, error pages and database outages."""

import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from unittest import mock

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.db import OperationalError
from django.test import Client, RequestFactory
from django.urls import reverse

from config.login_throttle import client_ip
from journal.dashboard import stats
from journal.middleware import database_unavailable, server_error
from journal.models import CheckIn, Session
from journal.views.account import SignUpForm
from tests.conftest import PASSWORD
from tests.factories import make_checkin, make_session

ROOT = Path(__file__).resolve().parent.parent
DB_DOWN = mock.patch(
    "django.db.backends.utils.CursorWrapper.execute",
    side_effect=OperationalError("connection refused"),
)

# -- 5. the client's address behind proxies ------------------------------------


def _request(forwarded=None):
    extra = {"REMOTE_ADDR": "10.0.0.9"}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/accounts/login/", **extra)


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (0, "6.6.6.6", "10.0.0.9"),  # the header is ignored unless proxies are trusted
        (1, "203.0.113.7", "203.0.113.7"),
        (1, "6.6.6.6, 203.0.113.7", "203.0.113.7"),  # what the client wrote is never read
        (2, "6.6.6.6, 203.0.113.7, 10.0.0.2", "203.0.113.7"),
        (2, "203.0.113.7", "10.0.0.9"),  # fewer hops than proxies: only the socket is trusted
        (1, "not-an-address", "10.0.0.9"),
        (1, None, "10.0.0.9"),
    ],
)
def test_the_client_address_is_the_nth_from_the_right(settings, count, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = count
    assert client_ip(_request(forwarded)) == expected


def _fail_logins(client, settings, forwarded):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            reverse("login"),
            {"username": "alice", "password": "nope"},
            HTTP_X_FORWARDED_FOR=forwarded,
        )


@pytest.mark.django_db
def test_behind_a_proxy_one_address_cannot_lock_the_account_for_another(client, alice, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    _fail_logins(client, settings, "198.51.100.1")
    locked = client.post(
        reverse("login"),
        {"username": "alice", "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="198.51.100.1",
    )
    assert locked.status_code == 429
    elsewhere = Client().post(
        reverse("login"),
        {"username": "alice", "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="203.0.113.7",
    )
    assert elsewhere.status_code == 302
    assert AccessAttempt.objects.get().ip_address == "198.51.100.1"


@pytest.mark.django_db
def test_without_trusted_proxies_a_forged_header_does_not_escape_the_lock(client, alice, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    _fail_logins(client, settings, "198.51.100.1")
    forged = Client().post(
        reverse("login"),
        {"username": "alice", "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="203.0.113.7",
    )
    assert forged.status_code == 429


# -- 7. other requests that gave 500s ------------------------------------------


@pytest.mark.django_db
def test_a_username_of_300_characters_is_an_ordinary_failed_log_in(client, alice):
    response = client.post(reverse("login"), {"username": "u" * 300, "password": "nope"})
    assert response.status_code == 200
    assert b"correct username and password" in response.content
    assert len(AccessAttempt.objects.get().username) == 255


@pytest.mark.django_db
def test_a_nul_in_a_tag_address_is_a_404(alice_client, alice):
    session = make_session(alice)
    response = alice_client.get(f"/sessions/{session.pk}/why/x%00y/")
    assert response.status_code == 404


@pytest.mark.django_db
def test_a_sign_up_that_loses_the_race_for_a_username_gets_a_message(client):
    # The other sign-up commits between this one's check and its insert.
    User.objects.create_user("carol", password=PASSWORD)
    data = {"username": "carol", "password1": "a-long-pass-2026!", "password2": "a-long-pass-2026!"}
    with (
        mock.patch.object(SignUpForm, "clean_username", lambda form: form.data["username"]),
        mock.patch.object(SignUpForm, "validate_unique", return_value=None),
    ):
        response = client.post(reverse("signup"), data)
    assert response.status_code == 200
    assert b"A user with that username already exists" in response.content
    assert User.objects.filter(username="carol").count() == 1


# -- 8. outages and error pages ------------------------------------------------


@pytest.mark.django_db
def test_a_database_outage_is_a_503_page_in_our_layout(alice_client):
    with DB_DOWN:
        response = alice_client.get(reverse("journal:dashboard"))
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert b"briefly unavailable" in response.content
    assert b'class="site-header"' in response.content
    assert b"connection refused" not in response.content


def test_the_503_page_renders_without_the_database():
    with DB_DOWN:
        response = database_unavailable()
    assert response.status_code == 503
    assert b"briefly unavailable" in response.content


def test_a_database_error_raised_outside_a_view_is_still_a_503():
    request = RequestFactory().get("/")
    try:
        raise OperationalError("server closed the connection")
    except OperationalError:
        response = server_error(request)
    assert response.status_code == 503


@pytest.mark.django_db
def test_a_server_error_shows_our_page_and_no_internals(alice):
    client = Client(raise_request_exception=False)
    client.force_login(alice)
    with mock.patch(
        "journal.views.dashboard.dashboard_page", side_effect=RuntimeError("secret internals")
    ):
        response = client.get(reverse("journal:dashboard"))
    assert response.status_code == 500
    assert b"Something went wrong on our side" in response.content
    assert b'class="site-header"' in response.content
    assert b"secret internals" not in response.content
    assert b"Traceback" not in response.content


@pytest.mark.django_db
def test_not_found_bad_request_and_forbidden_pages_are_in_our_layout(alice_client):
    missing = alice_client.get("/no/such/page/")
    assert missing.status_code == 404
    assert b"Nothing here" in missing.content
    bad_host = Client().get("/", HTTP_HOST="evil.example")
    assert bad_host.status_code == 400
    assert b"could not be read" in bad_host.content
    assert b"evil.example" not in bad_host.content
    forged = Client(enforce_csrf_checks=True).post(reverse("login"), {"username": "x"})
    assert forged.status_code == 403
    assert b"The form had expired" in forged.content
    for response in (missing, bad_host, forged):
        assert b'class="site-header"' in response.content


@pytest.mark.django_db
def test_healthz_answers_over_plain_http_when_everything_else_redirects(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    assert client.get("/accounts/login/").status_code == 301


def _setting(name, **env):
    skip = {"DEBUG", "HTTPS_ONLY", "HSTS_PRELOAD"}
    clean = {k: v for k, v in os.environ.items() if k not in skip}
    code = f"from django.conf import settings; print(settings.{name})"
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings", "SECRET_KEY": "x", **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_hsts_preload_is_opt_in():
    assert _setting("SECURE_HSTS_PRELOAD") == "False"
    assert _setting("SECURE_HSTS_SECONDS") == "31536000"
    assert _setting("SECURE_HSTS_PRELOAD", HSTS_PRELOAD="1") == "True"
    assert _setting("SECURE_HSTS_PRELOAD", HSTS_PRELOAD="1", HTTPS_ONLY="0") == "False"


# -- 8. implausible dates and the "All" range ------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("birth_year", [None, 1990])
def test_the_forms_refuse_a_date_before_the_earliest_plausible_day(alice_client, alice, birth_year):
    alice.profile.birth_year = birth_year
    alice.profile.save()
    first = date(birth_year or date.today().year - 110, 1, 1)
    data = {"date": (first - timedelta(days=1)).isoformat(), "mood": "3", "sleep_quality": "5"}
    response = alice_client.post(reverse("journal:checkin_today"), prefixed("checkin", data))
    assert f"Enter a date on or after {first:%-d %B %Y}".encode() in response.content
    assert not CheckIn.objects.exists()
    quick = {"activity": "walking", "minutes": "20", "feeling_before": "0", "feeling_after": "1"}
    response = alice_client.post(
        reverse("journal:session_quick"), prefixed("quick", {**quick, "date": data["date"]})
    )
    assert b"Enter a date on or after" in response.content
    assert not Session.objects.exists()


@pytest.mark.django_db
def test_a_stray_old_check_in_does_not_stretch_the_all_range(alice_client, alice):
    today = alice.profile.today()
    for days_ago in range(1, 60):
        make_checkin(alice, date=today - timedelta(days=days_ago), mood=1 + days_ago % 5)
    one_year = alice_client.get(reverse("journal:dashboard"), {"range": "1y"}).content
    make_checkin(alice, date=date(1926, 5, 1))  # stored before the forms refused such dates
    everything = alice_client.get(reverse("journal:dashboard"), {"range": "all"}).content
    assert b"1926-" not in everything
    assert len(everything) < 1.5 * len(one_year)


def test_the_all_range_starts_at_the_first_regular_day():
    today = date(2026, 11, 25)
    recent = [today - timedelta(days=i) for i in range(100)]
    assert stats.regular_start([date(1926, 5, 1), *recent], today) == recent[-1]
    # Not a stray when it is a real part of the history (more than 5% of the rows).
    early = [date(2010, 1, d) for d in range(1, 21)]
    assert stats.regular_start(early + recent, today) == date(2010, 1, 1)
    # Never more than twenty years, whatever the rows.
    old = [date(1950, 1, 1) + timedelta(days=i * 30) for i in range(1000)]
    assert stats.regular_start(old, today) == today - timedelta(days=20 * 365 - 1)


def prefixed(prefix: str, data: dict) -> dict:
    """The dashboard's two forms name their fields with a prefix each."""
    return {f"{prefix}-{name}": value for name, value in data.items()}
