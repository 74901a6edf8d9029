"""Personal access tokens: stored as a digest, shown once, revocable, scoped to their owner."""

import hashlib
import io
import logging
import uuid

import pytest
from django.core.management import call_command
from django.urls import reverse

from journal.api import tokens
from journal.api.models import ApiToken
from journal.models import CheckIn, Session
from tests.api.conftest import Api, session_body

pytestmark = pytest.mark.django_db


def test_only_a_digest_and_a_short_prefix_are_stored(alice):
    row, token = tokens.create_token(alice, "phone")
    stored = ApiToken.objects.get(pk=row.pk)
    assert stored.digest == hashlib.sha256(token.encode()).hexdigest()
    assert token.startswith(stored.prefix)
    assert len(stored.prefix) == 11
    assert len(token) > 40
    assert token not in str(ApiToken.objects.filter(pk=row.pk).values().get())


def test_at_most_twenty_tokens_per_person(alice, bob):
    for n in range(20):
        tokens.create_token(alice, f"t{n}")
    with pytest.raises(tokens.TokenRefused, match="20"):
        tokens.create_token(alice, "one more")
    tokens.create_token(bob, "bob's first")  # another person's count is their own


def test_the_account_page_makes_a_token_shown_once(alice_client, alice):
    page = alice_client.post(reverse("journal:token_create"), {"name": "Health Auto Export"})
    assert page.status_code == 200
    token = page.context["new_token"]
    assert token in page.content.decode()
    assert "no-store" in page["Cache-Control"]
    row = ApiToken.objects.get(owner=alice)
    assert row.name == "Health Auto Export"
    assert Api(alice_client, token).get("/profile").status_code == 200
    again = alice_client.get(reverse("journal:account")).content.decode()
    assert token not in again
    assert row.prefix in again
    assert "Health Auto Export" in again


def test_a_token_without_a_name_is_refused_next_to_the_field(alice_client, alice):
    page = alice_client.post(reverse("journal:token_create"), {"name": "   "})
    assert page.status_code == 400
    assert 'id="token-name-error"' in page.content.decode()
    assert not ApiToken.objects.exists()


def test_the_twenty_first_token_is_refused_on_the_page(alice_client, alice):
    for n in range(20):
        tokens.create_token(alice, f"t{n}")
    page = alice_client.get(reverse("journal:account")).content.decode()
    assert "revoke one to make another" in page
    refused = alice_client.post(reverse("journal:token_create"), {"name": "21st"})
    assert refused.status_code == 400
    assert ApiToken.objects.filter(owner=alice).count() == 20


def test_a_revoked_token_is_refused_at_once(alice_client, alice):
    row, token = tokens.create_token(alice, "old phone")
    api = Api(alice_client, token)
    assert api.get("/sessions").status_code == 200
    alice_client.post(reverse("journal:token_revoke", args=[row.pk]))
    refused = api.get("/sessions")
    assert refused.status_code == 401
    assert refused["WWW-Authenticate"] == "Bearer"
    assert refused.json()["errors"][0]["field"] == "Authorization"


def test_one_cannot_revoke_another_s_token(client, alice, bob):
    row, token = tokens.create_token(bob, "bob's")
    client.force_login(alice)
    client.post(reverse("journal:token_revoke", args=[row.pk]))
    assert Api(client, token).get("/profile").status_code == 200


@pytest.mark.parametrize(
    "header",
    ["", "Bearer", "Bearer ", "Basic abc", "Bearer mj_not-a-token", "Token mj_x", "bearer \x00"],
)
def test_requests_without_a_valid_token_are_401(client, header, alice_token):
    extra = {"HTTP_AUTHORIZATION": header} if header else {}
    answer = client.get("/api/v1/sessions", **extra)
    assert answer.status_code == 401
    assert answer.json()["errors"][0]["message"]


def test_last_used_is_kept(alice_api, alice):
    assert ApiToken.objects.get(owner=alice).last_used_at is None
    alice_api.get("/profile")
    assert ApiToken.objects.get(owner=alice).last_used_at is not None


def test_the_command_prints_a_working_token_once(client, alice):
    out = io.StringIO()
    call_command("api_token", "--user", "alice", "--name", "backup script", stdout=out)
    token = out.getvalue().strip()
    assert ApiToken.objects.get(owner=alice).name == "backup script"
    assert Api(client, token).get("/profile").status_code == 200


def test_two_people_never_reach_each_other_s_objects(alice_api, bob_api, alice, bob):
    alice_session = alice_api.post("/sessions", session_body(note="alice's")).json()
    alice_api.put("/checkins/2026-11-20", {"mood": 4})
    bob_session = bob_api.post("/sessions", session_body(note="bob's")).json()
    path = f"/sessions/{alice_session['id']}"

    assert bob_api.get(path).status_code == 404
    assert bob_api.get(f"{path}/tags").status_code == 404
    assert bob_api.put(path, session_body(minutes=1)).status_code == 404
    assert bob_api.delete(path).status_code == 404
    assert bob_api.get("/checkins/2026-11-20").status_code == 404
    assert [s["note"] for s in bob_api.get("/sessions").json()["items"]] == ["bob's"]
    assert bob_api.get("/checkins").json()["count"] == 0
    # A create carrying alice's id makes bob a session of his own, and leaves hers alone.
    copy = bob_api.post("/sessions", session_body(id=alice_session["id"], note="bob's copy"))
    assert copy.status_code == 201
    assert bob_api.put("/checkins/2026-11-20", {"mood": 1}).status_code == 201

    mine = Session.objects.get(owner=alice)
    assert mine.minutes == 45
    assert mine.note == "alice's"
    assert CheckIn.objects.get(owner=alice).mood == 4
    assert alice_api.get(f"/sessions/{bob_session['id']}").status_code == 404
    assert alice_api.get("/sessions").json()["count"] == 1
    assert Session.objects.filter(owner=bob).count() == 2


def test_a_token_never_reaches_a_log_line(client, alice, caplog, settings):
    settings.DEBUG = True  # ninja's own bearer check logs a malformed header in DEBUG
    caplog.set_level(logging.DEBUG)
    row, token = tokens.create_token(alice, "phone")
    api = Api(client, token)
    api.get("/sessions")
    api.post("/sessions", {"minutes": "many"})
    api.get(f"/sessions/{uuid.uuid4()}")
    client.get("/api/v1/sessions", HTTP_AUTHORIZATION=f"Token {token}")
    client.get("/api/v1/sessions", HTTP_AUTHORIZATION=f"Bearer {token}x")
    client.force_login(alice)
    client.post(reverse("journal:token_revoke", args=[row.pk]))
    api.get("/sessions")
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "Unauthorized" in logged  # the refusals were logged, without the token
    assert token not in logged
    assert token[len(row.prefix) :][:20] not in logged
