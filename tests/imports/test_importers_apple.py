"""Apple Health's export.xml / export.zip: imports.md sections 2 and 3."""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from journal.imports import parsers as importers
from journal.imports.parsers import ImportedSession, Options, Rejected, UnreadableFile
from tests.imports.importer_files import (
    APPLE_HEAD,
    apple_export_chunks,
    apple_workout,
    apple_xml,
    zip_bytes,
)

PARIS = ZoneInfo("Europe/Paris")
NEW_YORK = ZoneInfo("America/New_York")


def rows(tmp_path, xml, tz=PARIS, **options):
    path = tmp_path / "export.xml"
    path.write_text(xml)
    return list(importers.read(path, "apple", Options(time_zone=tz, **options)))


RECORD = (
    ' <Record type="HKQuantityTypeIdentifierStepCount" sourceName="Phone" unit="count"'
    ' startDate="2026-04-01 08:00:00 +0200" endDate="2026-04-01 08:01:00 +0200" value="80">\n'
    '  <MetadataEntry key="HKTimeZone" value="Europe/Paris"/>\n </Record>\n'
)


def test_every_field_of_a_workout(tmp_path):
    [session] = rows(tmp_path, apple_xml(RECORD, apple_workout(), RECORD))
    assert session == ImportedSession(
        source="apple",
        source_id="2026-04-01T18:18:55+02:00|HKWorkoutActivityTypeRunning",
        date=dt.date(2026, 4, 1),
        start_time=dt.time(18, 18, 55),
        source_type="HKWorkoutActivityTypeRunning",
        activity="aerobic",
        style="",
        minutes=31,  # 30.5 min, halves up
        distance_km=Decimal("5.02"),
        avg_hr=151,
        max_hr=171,
        effort=None,
        note="",
        line=1,
    )


def test_the_start_dates_offset_is_converted_to_the_persons_zone(tmp_path):
    [session] = rows(tmp_path, apple_xml(apple_workout()), tz=NEW_YORK)
    assert (session.date, session.start_time) == (dt.date(2026, 4, 1), dt.time(12, 18, 55))


@pytest.mark.parametrize(
    ("start", "local"),
    [
        ("2026-03-29 01:30:00 +0100", dt.datetime(2026, 3, 29, 1, 30)),
        ("2026-03-29 02:30:00 +0100", dt.datetime(2026, 3, 29, 3, 30)),  # the lost hour
        ("2026-10-25 02:30:00 +0200", dt.datetime(2026, 10, 25, 2, 30)),
        ("2026-10-25 01:30:00 +0000", dt.datetime(2026, 10, 25, 2, 30)),  # the repeated hour
    ],
)
def test_across_daylight_saving_changes(tmp_path, start, local):
    [session] = rows(tmp_path, apple_xml(apple_workout(start=start)))
    assert dt.datetime.combine(session.date, session.start_time) == local


@pytest.mark.parametrize(
    ("duration", "unit", "minutes"), [("1830", "s", 31), ("29.49", "min", 29), ("1.5", "hr", 90)]
)
def test_duration_in_its_unit(tmp_path, duration, unit, minutes):
    [session] = rows(tmp_path, apple_xml(apple_workout(duration=duration, duration_unit=unit)))
    assert session.minutes == minutes


@pytest.mark.parametrize(
    ("distance", "unit", "km"),
    [("3.1", "mi", Decimal("4.99")), ("1500", "m", Decimal("1.50")), ("0", "km", None)],
)
def test_distance_in_its_unit(tmp_path, distance, unit, km):
    [session] = rows(tmp_path, apple_xml(apple_workout(distance=distance, distance_unit=unit)))
    assert session.distance_km == km


def test_newer_exports_give_the_distance_as_a_workout_statistic(tmp_path):
    stat = (
        '  <WorkoutStatistics type="HKQuantityTypeIdentifierDistanceWalkingRunning"'
        ' startDate="2026-04-01 18:18:55 +0200" endDate="2026-04-01 18:49:25 +0200"'
        ' sum="3.2" unit="mi"/>'
    )
    [session] = rows(tmp_path, apple_xml(apple_workout(distance=None, extra=stat)))
    assert session.distance_km == Decimal("5.15")


def test_statistics_of_a_nested_activity_are_not_the_workouts(tmp_path):
    nested = (
        "  <WorkoutActivity>\n"
        '   <WorkoutStatistics type="HKQuantityTypeIdentifierHeartRate" average="99"'
        ' maximum="100" unit="count/min"/>\n  </WorkoutActivity>'
    )
    [session] = rows(tmp_path, apple_xml(apple_workout(heart=None, extra=nested)))
    assert (session.avg_hr, session.max_hr) == (None, None)


def test_a_workout_without_heart_rate_has_none(tmp_path):
    [session] = rows(tmp_path, apple_xml(apple_workout(heart=None)))
    assert (session.avg_hr, session.max_hr) == (None, None)


def test_workouts_without_a_duration_or_a_date_are_rejected_and_bad_rates_left_out(tmp_path):
    items = rows(
        tmp_path,
        apple_xml(
            apple_workout(duration=None),
            apple_workout(start=""),
            apple_workout(heart=("300", "310")),
            apple_workout(),
        ),
    )
    assert items[:2] == [Rejected(1, "no duration"), Rejected(2, "no date")]
    assert (items[2].avg_hr, items[2].max_hr) == (None, None)
    assert items[2].warnings == (
        "an average heart rate of 300 is outside 25–250: left out",
        "a maximum heart rate of 310 is outside 25–250: left out",
    )
    assert items[3].line == 4


def test_one_type_of_each_row_of_section_2(tmp_path):
    kinds = [
        "Swimming",
        "Hiking",
        "HighIntensityIntervalTraining",
        "FunctionalStrengthTraining",
        "Dance",
        "Flexibility",
        "TaiChi",
        "MindAndBody",
        "Archery",
    ]
    sessions = rows(tmp_path, apple_xml(*(apple_workout(kind=k) for k in kinds)))
    assert [(s.activity, s.style) for s in sessions] == [
        ("aerobic", ""),
        ("walking", ""),
        ("hiit", ""),
        ("resistance", ""),
        ("mixed", ""),
        ("mobility", "stretching"),
        ("mobility", "tai_chi"),
        ("mobility", "other"),
        (None, ""),
    ]


def test_export_zip_is_detected_and_read(tmp_path):
    path = tmp_path / "export.zip"
    path.write_bytes(
        zip_bytes(
            {
                "apple_health_export/export_cda.xml": "<ClinicalDocument/>",
                "apple_health_export/workout-routes/route_1.gpx": "<gpx/>",
                "apple_health_export/export.xml": apple_xml(apple_workout()),
            }
        )
    )
    assert importers.detect(path, "export.zip") == "apple"
    [session] = importers.read(path, "apple", Options(time_zone=PARIS))
    assert session.minutes == 31


def test_export_xml_is_detected(tmp_path):
    path = tmp_path / "export.xml"
    path.write_text(apple_xml(apple_workout()))
    assert importers.detect(path, "export.xml") == "apple"


def test_other_xml_and_broken_xml_are_refused(tmp_path):
    with pytest.raises(UnreadableFile, match="not an Apple Health export"):
        rows(tmp_path, '<?xml version="1.0"?><gpx></gpx>')
    with pytest.raises(UnreadableFile, match="not well formed"):
        rows(tmp_path, APPLE_HEAD + apple_workout()[:-20])


def test_progress_counts_bytes_of_the_xml_inside_the_zip_up_to_its_size(tmp_path):
    xml = "".join(apple_export_chunks(3 << 20))
    path = tmp_path / "export.zip"
    path.write_bytes(zip_bytes({"apple_health_export/export.xml": xml}))
    seen = []
    list(importers.read(path, "apple", Options(time_zone=PARIS), lambda d, t: seen.append((d, t))))
    size = len(xml.encode())
    assert seen[-1] == (size, size)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert {t for _, t in seen} == {size}
    assert len(seen) >= 3
