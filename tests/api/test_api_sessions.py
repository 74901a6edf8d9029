"""The API's sessions and check-ins: the exchange format's objects, one write path."""

import uuid

import pytest

from journal.models import CheckIn, Session, SessionTag
from tests.api.conftest import session_body

pytestmark = pytest.mark.django_db


def test_a_session_is_created_read_replaced_and_deleted(alice_api, alice):
    made = alice_api.post("/sessions", session_body(start_time="07:15", note="river"))
    assert made.status_code == 201
    body = made.json()
    assert body["start_time"] == "07:15"
    assert body["note"] == "river"
    assert body["source"] == ""
    assert body["source_id"] is None
    assert {t["effect"] for t in body["tags"]}  # tagged by the rules, as from a form
    stored = Session.objects.get(owner=alice)
    assert str(stored.uuid) == body["id"]
    assert SessionTag.objects.filter(session=stored).count() == len(body["tags"])

    read = alice_api.get(f"/sessions/{body['id']}")
    assert read.status_code == 200
    assert read.json() == body

    replaced = alice_api.put(f"/sessions/{body['id']}", session_body(minutes=60, effort=7))
    assert replaced.status_code == 200
    assert replaced.json()["minutes"] == 60
    assert replaced.json()["start_time"] is None
    stored.refresh_from_db()
    assert stored.minutes == 60
    assert stored.effort == 7

    assert alice_api.delete(f"/sessions/{body['id']}").status_code == 204
    assert not Session.objects.filter(owner=alice).exists()
    assert alice_api.get(f"/sessions/{body['id']}").status_code == 404


def test_a_write_bumps_the_journal_version_like_a_form(alice_api, alice):
    from journal.core.services import journal_version

    before = journal_version(alice)
    alice_api.post("/sessions", session_body())
    assert journal_version(alice) > before  # the dashboard caches keyed by it go stale


def test_a_create_sent_again_with_its_id_stores_one_session(alice_api, alice):
    key = str(uuid.uuid4())
    first = alice_api.post("/sessions", session_body(id=key))
    again = alice_api.post("/sessions", session_body(id=key, minutes=99))
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json()
    assert Session.objects.filter(owner=alice).count() == 1


def test_a_create_whose_source_pair_is_held_is_that_session(alice_api, alice):
    body = session_body(source="strava", source_id="1234567890")
    first = alice_api.post("/sessions", body)
    again = alice_api.post("/sessions", {**body, "minutes": 30})
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]
    assert first.json()["source_id"] == "1234567890"
    assert Session.objects.filter(owner=alice).count() == 1


def test_tags_sent_back_are_ignored_and_read_only(alice_api):
    fake = [{"effect": "made_up", "timescale": "acute", "status": "acute", "magnitude": "",
             "rule": "made_up.acute", "rule_version": 1}]  # fmt: skip
    made = alice_api.post("/sessions", session_body(tags=fake)).json()
    assert "made_up" not in {t["effect"] for t in made["tags"]}


def test_a_session_s_tags_come_with_why(alice_api):
    made = alice_api.post("/sessions", session_body(minutes=50, effort=6)).json()
    tags = alice_api.get(f"/sessions/{made['id']}/tags").json()
    assert tags["count"] == len(made["tags"]) > 0
    assert all(t["why"] for t in tags["items"])


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"minutes": 0}, "minutes"),
        ({"minutes": 1441}, "minutes"),
        ({"effort": 11}, "effort"),
        ({"feeling_after": 6}, "feeling_after"),
        ({"activity": "swimming"}, "activity"),
        ({"date": "2999-01-01"}, "date"),
        ({"date": "1800-01-01"}, "date"),
        ({"date": "not a date"}, "date"),
        ({"start_time": "25:00"}, "start_time"),
        ({"note": "a\x00b"}, "note"),
        ({"note": "x" * 2001}, "note"),
        ({"avg_hr": 180, "max_hr": 150}, "avg_hr"),
        ({"source_id": "abc"}, "source"),
    ],
)
def test_a_bad_field_is_named_with_a_message_and_nothing_is_saved(alice_api, change, field):
    answer = alice_api.post("/sessions", session_body(**change))
    assert answer.status_code == 422
    errors = answer.json()["errors"]
    assert any(e["field"] == field and e["message"] for e in errors), errors
    assert not Session.objects.exists()


def test_a_body_that_is_not_json_is_a_400(alice_api):
    answer = alice_api.post("/sessions", raw="{not json")
    assert answer.status_code == 400
    assert answer.json()["errors"][0]["message"]


def test_the_list_pages_and_filters_as_the_sessions_page(alice_api):
    for day, activity in [("2026-11-01", "aerobic"), ("2026-11-02", "walking"),
                          ("2026-11-03", "aerobic"), ("2026-11-04", "hiit")]:  # fmt: skip
        alice_api.post("/sessions", session_body(date=day, activity=activity))
    everything = alice_api.get("/sessions").json()
    assert everything["count"] == 4
    assert len(everything["items"]) == 4
    assert [s["date"] for s in everything["items"]][0] == "2026-11-04"  # newest first
    page = alice_api.get("/sessions", limit=2, offset=2).json()
    assert page["count"] == 4
    assert [s["date"] for s in page["items"]] == ["2026-11-02", "2026-11-01"]
    aerobic = alice_api.get("/sessions", activity="aerobic").json()
    assert aerobic["count"] == 2
    ranged = alice_api.get("/sessions", start="2026-11-02", end="2026-11-03").json()
    assert ranged["count"] == 2
    backwards = alice_api.get("/sessions", start="2026-11-03", end="2026-11-02")
    assert backwards.status_code == 422
    assert backwards.json()["errors"][0]["field"] == "end"


@pytest.mark.parametrize("offset", ["10", str(10**30)])
def test_a_huge_offset_is_an_empty_page(alice_api, offset):
    alice_api.post("/sessions", session_body())
    answer = alice_api.get("/sessions", offset=offset)
    assert answer.status_code == 200
    assert answer.json() == {"items": [], "count": 1}


def test_the_page_size_is_bounded(alice_api):
    answer = alice_api.get("/sessions", limit=501)
    assert answer.status_code == 422
    assert answer.json()["errors"][0]["field"] == "limit"


def test_a_check_in_is_created_then_replaced_by_date(alice_api, alice):
    made = alice_api.put("/checkins/2026-11-20", {"mood": 4, "sleep_quality": 7, "focus": 3})
    assert made.status_code == 201
    assert made.json() == {"date": "2026-11-20", "mood": 4, "sleep_quality": 7, "anxiety": None,
                           "energy": None, "motivation": None, "focus": 3, "stress": None,
                           "note": ""}  # fmt: skip
    replaced = alice_api.put("/checkins/2026-11-20", {"mood": 2, "note": "tired"})
    assert replaced.status_code == 200
    assert replaced.json()["focus"] is None
    assert replaced.json()["mood"] == 2
    assert CheckIn.objects.filter(owner=alice).count() == 1
    assert alice_api.get("/checkins/2026-11-20").json()["note"] == "tired"
    assert alice_api.get("/checkins").json()["count"] == 1
    assert alice_api.get("/checkins/2026-11-21").status_code == 404


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("/checkins/2026-11-20", {"mood": 6}, "mood"),
        ("/checkins/2026-11-20", {"mood": 3, "sleep_quality": 11}, "sleep_quality"),
        ("/checkins/2999-01-01", {"mood": 3}, "date"),
        ("/checkins/2026-11-20", {"mood": 3, "date": "2026-11-19"}, "date"),
        ("/checkins/2026-13-40", {"mood": 3}, "day"),
    ],
)
def test_a_bad_check_in_is_refused_by_field(alice_api, path, body, field):
    answer = alice_api.put(path, body)
    assert answer.status_code == 422
    assert answer.json()["errors"][0]["field"] == field
    assert not CheckIn.objects.exists()


def test_profile_and_insights_are_read(alice_api):
    profile = alice_api.get("/profile").json()
    assert profile["time_zone"] == "UTC"
    assert profile["checkin_items"] == []
    report = alice_api.get("/insights", range="all").json()
    assert report["range"] == "all"
    assert len(report["claims"]) == 16
    assert {"key", "verdict", "n_with"} <= set(report["claims"][0])
    assert alice_api.get("/insights", range="5y").status_code == 422


def test_past_the_rate_limit_a_token_gets_429_with_retry_after(alice_api, settings):
    settings.API_RATE_LIMIT = "3/m"
    assert [alice_api.get("/profile").status_code for _ in range(3)] == [200] * 3
    refused = alice_api.get("/profile")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) >= 1
    assert refused.json()["errors"][0]["message"]


def test_a_replace_onto_another_session_s_source_pair_is_refused(alice_api, alice):
    alice_api.post("/sessions", session_body(source="strava", source_id="111"))
    other = alice_api.post("/sessions", session_body(date="2026-11-21")).json()
    clash = alice_api.put(
        f"/sessions/{other['id']}", session_body(source="strava", source_id="111")
    )
    assert clash.status_code == 422
    assert clash.json()["errors"][0]["field"] == "source_id"
    assert Session.objects.get(uuid=other["id"]).source_id == ""


def test_experiments_are_read_as_the_exchange_file_writes_them(alice_api, bob_api, alice):
    from journal.imports import exchange
    from tests.experiments.test_exchange_and_command import started

    started(alice)
    listed = alice_api.get("/experiments").json()
    assert listed["count"] == 1
    assert listed["items"] == exchange.export_journal(alice)["experiments"]
    assert bob_api.get("/experiments").json() == {"items": [], "count": 0}
