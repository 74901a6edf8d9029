"""Garmin Connect's Activities.csv: imports.md sections 2 and 3."""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from journal.imports import parsers as importers
from journal.imports.parsers import ImportedSession, Options, Rejected, UnreadableFile
from tests.imports.importer_files import garmin_csv

TOKYO = ZoneInfo("Asia/Tokyo")


def rows(tmp_path, text, **options):
    path = tmp_path / "Activities.csv"
    path.write_text(text)
    return list(importers.read(path, "garmin", Options(time_zone=TOKYO, **options)))


def test_every_field_of_a_row(tmp_path):
    [session] = rows(tmp_path, garmin_csv({}))
    assert session == ImportedSession(
        source="garmin",
        source_id="2026-04-01T18:18:55|Running",
        date=dt.date(2026, 4, 1),
        start_time=dt.time(18, 18, 55),  # local time stays local, whatever the time zone
        source_type="Running",
        activity="aerobic",
        style="",
        minutes=31,  # 00:30:30, halves up
        distance_km=Decimal("5.02"),
        avg_hr=150,
        max_hr=171,
        effort=None,
        note="Paris Running",
        line=2,
    )


@pytest.mark.parametrize(
    ("time", "minutes"), [("01:02:29", 62), ("1:02:30", 63), ("45:12.3", 45), ("00:29.9", 1)]
)
def test_time_as_hours_minutes_seconds_or_minutes_seconds(tmp_path, time, minutes):
    [session] = rows(tmp_path, garmin_csv({"time": time}))
    assert session.minutes == minutes


def test_distance_is_in_the_unit_the_person_chooses(tmp_path):
    [session] = rows(tmp_path, garmin_csv({"distance": "3.11"}), distance_unit="mi")
    assert session.distance_km == Decimal("5.01")


def test_a_swim_is_in_metres_with_thousands_separators(tmp_path):
    [session] = rows(
        tmp_path, garmin_csv({"type": "Lap Swimming", "distance": "1,500"}), distance_unit="mi"
    )
    assert (session.activity, session.distance_km) == ("aerobic", Decimal("1.50"))


def test_double_dash_means_missing_in_every_column(tmp_path):
    [session, no_time, no_date] = rows(
        tmp_path,
        garmin_csv(
            {"distance": "--", "avg_hr": "--", "max_hr": "--", "title": "--"},
            {"time": "--"},
            {"date": "--"},
        ),
    )
    assert (session.distance_km, session.avg_hr, session.max_hr) == (None, None, None)
    assert session.note == ""
    assert no_time == Rejected(line=3, reason="no duration")
    assert no_date == Rejected(line=4, reason="no date")


def test_one_type_of_each_row_of_section_2(tmp_path):
    types = [
        "Trail Running",
        "Hiking",
        "HIIT",
        "Strength Training",
        "Cardio",
        "Yoga",
        "Pilates",
        "Breathwork",
        "Golf",
    ]
    sessions = rows(
        tmp_path,
        garmin_csv(
            *({"type": t, "date": f"2026-04-0{i + 1} 08:00:00"} for i, t in enumerate(types))
        ),
    )
    assert [(s.activity, s.style) for s in sessions] == [
        ("aerobic", ""),
        ("walking", ""),
        ("hiit", ""),
        ("resistance", ""),
        ("mixed", ""),
        ("mobility", "yoga"),
        ("mobility", "pilates"),
        ("mobility", "other"),
        (None, ""),
    ]


def test_a_distance_outside_our_ranges_is_left_out_with_a_warning(tmp_path):
    [row] = rows(tmp_path, garmin_csv({"distance": "1,234.5"}))
    assert (row.minutes, row.distance_km) == (31, None)
    assert row.warnings == ("a distance in km of 1234.50 is outside 0–1000: left out",)


def test_a_bad_time_is_rejected_with_its_reason(tmp_path):
    [row] = rows(tmp_path, garmin_csv({"time": "half an hour"}))
    assert row == Rejected(line=2, reason="the time 'half an hour' is not a duration like 1:02:03")


def test_detected_and_previewed_as_a_file_that_does_not_state_its_unit(tmp_path):
    path = tmp_path / "Activities.csv"
    path.write_text(garmin_csv({}))
    assert importers.detect(path, "Activities.csv") == "garmin"
    assert importers.preview(path, "garmin", Options(time_zone=TOKYO)).unit_stated is False


def test_a_csv_without_garmins_columns_is_refused(tmp_path):
    with pytest.raises(UnreadableFile, match='no "Time"'):
        rows(tmp_path, "Activity Type,Date,Title\nRunning,2026-04-01 08:00:00,x\n")
