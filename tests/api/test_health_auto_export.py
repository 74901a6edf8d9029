"""POST /api/v1/ingest/health-auto-export: Health Auto Export's REST export, version 2."""

import datetime as dt
import json
from pathlib import Path

import pytest

from journal.models import Session

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parent / "fixtures"
PATH = "/ingest/health-auto-export"


def payload(name: str) -> str:
    return (FIXTURES / name).read_text()


def test_three_workouts_become_three_sessions_through_the_apple_mapping(alice_api, alice):
    answer = alice_api.post(PATH, raw=payload("hae_three_workouts.json"))
    assert answer.status_code == 200
    assert answer.json() == {"received": 3, "imported": 3, "skipped": 0, "rejected": []}
    run, lifting, walk = Session.objects.filter(owner=alice).order_by("date")
    assert (run.source, run.source_id) == ("apple", "6C2F1B0E-8A7D-4E51-9C3B-1F0A2D4E6B71")
    assert run.activity == "aerobic"
    assert run.date == dt.date(2026, 11, 18)
    assert run.start_time == dt.time(7, 0, 12)
    assert run.minutes == 46  # 2788.4 s
    assert run.distance_km == 8.21
    assert (run.avg_hr, run.max_hr) == (149, 171)  # 148.6 rounds half up
    assert lifting.activity == "resistance"
    assert lifting.distance_km is None
    assert (lifting.avg_hr, lifting.max_hr) == (118, 151)
    assert walk.activity == "walking"
    assert walk.distance_km == 2.61  # 1.62 mi
    # Its local date in the offset the app wrote (-05:00), not the profile's UTC.
    assert (walk.date, walk.start_time) == (dt.date(2026, 11, 20), dt.time(12, 10))
    assert run.tags.exists()  # tagged as any session


def test_the_same_payload_again_adds_nothing(alice_api, alice):
    alice_api.post(PATH, raw=payload("hae_three_workouts.json"))
    again = alice_api.post(PATH, raw=payload("hae_three_workouts.json"))
    assert again.status_code == 200
    assert again.json() == {"received": 3, "imported": 0, "skipped": 3, "rejected": []}
    assert Session.objects.filter(owner=alice).count() == 3


def test_a_workout_already_sent_through_the_sessions_api_is_not_stored_twice(alice_api, alice):
    alice_api.post(
        "/sessions",
        {"date": "2026-11-18", "activity": "aerobic", "minutes": 46,
         "source": "apple", "source_id": "6C2F1B0E-8A7D-4E51-9C3B-1F0A2D4E6B71"},
    )  # fmt: skip
    answer = alice_api.post(PATH, raw=payload("hae_three_workouts.json")).json()
    assert (answer["imported"], answer["skipped"]) == (2, 1)


def test_one_bad_workout_is_named_and_the_others_stored(alice_api, alice):
    answer = alice_api.post(PATH, raw=payload("hae_one_bad.json"))
    assert answer.status_code == 200
    report = answer.json()
    assert (report["imported"], report["skipped"]) == (2, 0)
    assert report["rejected"] == [{"index": 1, "reason": "no end time"}]
    activities = set(Session.objects.filter(owner=alice).values_list("activity", "style"))
    assert activities == {("mobility", "yoga"), ("hiit", "")}


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"start": "yesterday"}, "the start time 'yesterday' is not like"),
        ({"duration": 0}, "no duration"),
        ({"duration": "long"}, "the duration 'long' is not a number"),
        ({"duration": None}, "no duration"),
        ({"end": "2026-11-18 06:00:00 +0100"}, "the end time is before the start time"),
        ({"id": None}, "no id"),
        ({"distance": {"qty": 3, "units": "furlongs"}}, "the distance unit 'furlongs'"),
        ({"start": "2999-01-01 07:00:00 +0100", "end": "2999-01-01 08:00:00 +0100"}, "future"),
        ({"duration": 90000}, "outside 1–1440"),
    ],
)
def test_each_unusable_workout_says_why(alice_api, alice, change, reason):
    document = json.loads(payload("hae_three_workouts.json"))
    document["data"]["workouts"][0].update(change)
    report = alice_api.post(PATH, document).json()
    assert report["imported"] == 2
    assert report["rejected"][0]["index"] == 0
    assert reason in report["rejected"][0]["reason"]


@pytest.mark.parametrize(
    "body",
    [
        "not json at all",
        '{"data": ',
        "[]",
        '{"workouts": []}',
        '{"data": {"metrics": []}}',
        '{"data": {"workouts": {"id": "x"}}}',
        '"\\ud800"',
        "[" * 5000 + "]" * 5000,
    ],
)
def test_a_malformed_payload_is_a_400_that_stores_nothing(alice_api, body):
    answer = alice_api.post(PATH, raw=body)
    assert answer.status_code == 400
    error = answer.json()["errors"][0]
    assert error["field"] == "body"
    assert error["message"]
    assert not Session.objects.exists()


def test_an_empty_workout_list_is_fine(alice_api):
    answer = alice_api.post(PATH, {"data": {"workouts": [], "metrics": []}})
    assert answer.json() == {"received": 0, "imported": 0, "skipped": 0, "rejected": []}


def test_a_body_over_the_limit_is_refused_unread(alice_api, settings):
    settings.API_INGEST_MAX_MB = 0
    answer = alice_api.post(PATH, raw=payload("hae_three_workouts.json"))
    assert answer.status_code == 413
    assert not Session.objects.exists()


def test_ingest_needs_a_token_and_writes_to_its_owner_only(client, bob_api, alice, bob):
    assert client.post(PATH, "{}", content_type="application/json").status_code == 404  # no prefix
    unauthenticated = client.post(
        f"/api/v1{PATH}", payload("hae_three_workouts.json"), content_type="application/json"
    )
    assert unauthenticated.status_code == 401
    bob_api.post(PATH, raw=payload("hae_three_workouts.json"))
    assert not Session.objects.filter(owner=alice).exists()
    assert Session.objects.filter(owner=bob).count() == 3
