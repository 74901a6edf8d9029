"""The Health Auto Export parser alone: pure, no database."""

import datetime as dt
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from journal.imports.parsers.base import ImportedSession, Options, Rejected
from journal.imports.parsers.health_auto_export import PayloadRefused, activity_type, read

FIXTURES = Path(__file__).resolve().parent.parent / "api" / "fixtures"
TOKYO = Options(time_zone=ZoneInfo("Asia/Tokyo"))


@pytest.mark.parametrize(
    ("name", "apple"),
    [
        ("Outdoor Run", "Running"),
        ("Indoor Walk", "Walking"),
        ("Pool Swim", "Swimming"),
        ("Open Water Swim", "Swimming"),
        ("Traditional Strength Training", "Traditional Strength Training"),
        ("Yoga", "Yoga"),
    ],
)
def test_the_app_s_names_are_apple_s_types(name, apple):
    assert activity_type(name).casefold() == apple.casefold()


def test_dates_are_the_start_s_own_whatever_the_profile_s_zone():
    document = json.loads((FIXTURES / "hae_three_workouts.json").read_text())
    run, lifting, walk = read(document, TOKYO)
    assert isinstance(run, ImportedSession)
    assert (run.date, run.start_time) == (dt.date(2026, 11, 18), dt.time(7, 0, 12))
    assert (walk.date, walk.start_time) == (dt.date(2026, 11, 20), dt.time(12, 10))
    assert (run.activity, lifting.activity, walk.activity) == ("aerobic", "resistance", "walking")
    assert str(walk.distance_km) == "2.61"


def test_the_flat_heart_rate_fields_are_read_when_the_summary_is_missing():
    workout = {"id": "X", "name": "Outdoor Run", "start": "2026-11-18 07:00:00 +0100",
               "end": "2026-11-18 07:30:00 +0100", "duration": 1800,
               "avgHeartRate": {"qty": 140.5, "units": "bpm"},
               "maxHeartRate": {"qty": 170, "units": "bpm"}}  # fmt: skip
    [session] = read({"data": {"workouts": [workout]}}, TOKYO)
    assert (session.avg_hr, session.max_hr) == (141, 170)


@pytest.mark.parametrize("document", [None, [], {"data": []}, {"data": {"workouts": "x"}}])
def test_a_document_without_workouts_is_refused(document):
    with pytest.raises(PayloadRefused):
        read(document, TOKYO)


def test_a_workout_that_is_not_an_object_is_rejected_alone():
    assert read({"data": {"workouts": [7]}}, TOKYO) == [Rejected(0, "is not an object")]
