"""A person's data is theirs alone: every URL that takes an id, every list and export."""

import io
import json
import zipfile

import pytest
from django.urls import reverse

from journal.models import CheckIn, Session
from tests.factories import make_checkin, make_session

pytestmark = pytest.mark.django_db

SESSION_URLS = ["session_detail", "session_edit", "session_delete", "session_effort"]
CHECKIN_URLS = ["checkin_edit", "checkin_delete"]


@pytest.fixture
def bobs_rows(bob):
    return make_session(bob, note="bob's secret run"), make_checkin(bob, mood=1)


@pytest.mark.parametrize("name", SESSION_URLS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_it_404s_for_another_users_session(alice_client, bobs_rows, name, method):
    session, _ = bobs_rows
    url = reverse(f"journal:{name}", args=[session.pk])
    data = {
        "effort": "5",
        "minutes": "10",
        "activity": "hiit",
        "feeling_before": "1",
        "feeling_after": "1",
        "date": "2026-01-01",
    }
    response = getattr(alice_client, method)(url, data if method == "post" else None)
    assert response.status_code in (404, 405)
    if method == "post" or name != "session_effort":
        assert response.status_code == 404
    session.refresh_from_db()
    assert (session.minutes, session.effort, session.activity) == (40, 4, "aerobic")


@pytest.mark.parametrize("name", CHECKIN_URLS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_it_404s_for_another_users_checkin(alice_client, bobs_rows, name, method):
    _, checkin = bobs_rows
    url = reverse(f"journal:{name}", args=[checkin.pk])
    response = getattr(alice_client, method)(url, {"mood": "5", "sleep_quality": "5"})
    assert response.status_code == 404
    assert CheckIn.objects.get(pk=checkin.pk).mood == 1


def test_lists_and_the_dashboard_show_only_the_owners_rows(alice_client, alice, bobs_rows):
    mine = make_session(alice, note="alice's ride", activity="hiit", minutes=25, effort=None)
    checkin = make_checkin(alice, mood=5, note="alice's quiet day")
    bobs_session, bobs_checkin = bobs_rows
    links = {
        "session_detail": (mine.pk, bobs_session.pk),
        "checkin_edit": (checkin.pk, bobs_checkin.pk),
    }
    # Each list links to the owner's rows and never to the other person's.
    for page, kind in [
        ("dashboard", "session_detail"),
        ("session_list", "session_detail"),
        ("checkin_list", "checkin_edit"),
    ]:
        content = alice_client.get(reverse(f"journal:{page}")).content.decode()
        own, other = (reverse(f"journal:{kind}", args=[pk]) for pk in links[kind])
        assert f'href="{own}"' in content, page
        assert f'href="{other}"' not in content, page
    # Pages that show notes show the owner's, never the other person's.
    noted = {
        reverse("journal:session_detail", args=[mine.pk]): "alice&#x27;s ride",
        reverse("journal:checkin_edit", args=[checkin.pk]): "alice&#x27;s quiet day",
    }
    for url, note in noted.items():
        content = alice_client.get(url).content.decode()
        assert note in content, url
        assert "secret" not in content, url
    sessions = alice_client.get(reverse("journal:session_list")).context["page"].object_list
    assert {s.owner_id for s in sessions} == {alice.pk}
    checkins = alice_client.get(reverse("journal:checkin_list")).context["page"].object_list
    assert {c.owner_id for c in checkins} == {alice.pk}


def test_exports_hold_only_the_owners_rows(alice_client, alice, bobs_rows):
    make_session(alice, note="alice's ride")
    document = json.loads(alice_client.get(reverse("journal:export_json")).content)
    assert [s["note"] for s in document["sessions"]] == ["alice's ride"]
    assert document["checkins"] == []
    archive = zipfile.ZipFile(io.BytesIO(alice_client.get(reverse("journal:export_csv")).content))
    text = "".join(archive.read(name).decode() for name in archive.namelist())
    assert "alice's ride" in text
    assert "bob" not in text.lower()


def test_importing_never_touches_another_users_rows(alice_client, alice, bob, bobs_rows):
    session, _ = bobs_rows
    bobs_export = {
        "format": "movement-journal",
        "version": 1,
        "sessions": [
            {
                "id": str(session.uuid),
                "date": "2026-01-05",
                "activity": "hiit",
                "minutes": 10,
                "feeling_before": 0,
                "feeling_after": 0,
            }
        ],
        "checkins": [],
    }
    from journal.imports.exchange import import_journal

    report = import_journal(alice, json.dumps(bobs_export).encode())
    # Ids are unique per owner: alice gets her own copy, bob's row is untouched.
    assert report.imported_sessions == 1
    assert Session.objects.filter(owner=bob).get().activity == "aerobic"
    assert Session.objects.filter(owner=alice).count() == 1
