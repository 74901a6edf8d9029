"""Strava's activities.csv (and its bulk-export zip): imports.md sections 2 and 3."""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from journal.imports import parsers as importers
from journal.imports.parsers import ImportedSession, Options, Rejected, UnreadableFile
from tests.imports.importer_files import STRAVA_HEADER, csv_text, strava_csv, strava_row, zip_bytes

PARIS = ZoneInfo("Europe/Paris")


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def rows(tmp_path, text, **options):
    path = write(tmp_path, "activities.csv", text)
    return list(importers.read(path, "strava", Options(time_zone=PARIS, **options)))


def test_every_field_of_a_row(tmp_path):
    [session] = rows(
        tmp_path,
        strava_csv({"description": "Felt strong", "rpe": "7"}),
    )
    assert session == ImportedSession(
        source="strava",
        source_id="1001",
        date=dt.date(2026, 4, 1),
        start_time=dt.time(20, 18, 55),  # 18:18:55 UTC is 20:18:55 in Paris (summer time)
        source_type="Run",
        activity="aerobic",
        style="",
        minutes=31,  # the first Elapsed Time, 1830 s = 30.5 min, halves up
        distance_km=Decimal("5.02"),  # the second Distance, 5020.4 m
        avg_hr=151,  # 150.5, halves up
        max_hr=171,  # the first Max Heart Rate, not the later 199
        effort=7,
        note="Evening run\nFelt strong",
        line=2,
    )


def test_repeated_columns_are_read_by_position(tmp_path):
    [session] = rows(
        tmp_path,
        strava_csv(
            {
                "elapsed": "600",
                "elapsed_si": "3600",
                "distance": "9.99",
                "distance_si": "1234.5",
                "max_hr": "160",
                "max_hr_si": "180",
            }
        ),
    )
    assert (session.minutes, session.distance_km, session.max_hr) == (10, Decimal("1.23"), 160)


def test_without_the_si_columns_the_first_distance_is_km_and_metres_for_swims(tmp_path):
    run, swim = rows(
        tmp_path,
        strava_csv(
            {"distance": "10.006"}, {"id": "2", "type": "Swim", "distance": "1,500"}, si=False
        ),
    )
    assert run.distance_km == Decimal("10.01")
    assert swim.distance_km == Decimal("1.50")
    assert swim.activity == "aerobic"


@pytest.mark.parametrize(
    ("utc", "local"),
    [
        # Europe/Paris springs forward at 01:00 UTC on 29 March 2026...
        ("Mar 29, 2026, 12:30:00 AM", dt.datetime(2026, 3, 29, 1, 30)),
        ("Mar 29, 2026, 1:30:00 AM", dt.datetime(2026, 3, 29, 3, 30)),
        # ...and falls back at 01:00 UTC on 25 October: 02:30 happens twice.
        ("Oct 25, 2026, 12:30:00 AM", dt.datetime(2026, 10, 25, 2, 30)),
        ("Oct 25, 2026, 1:30:00 AM", dt.datetime(2026, 10, 25, 2, 30)),
        ("Dec 31, 2025, 11:30:00 PM", dt.datetime(2026, 1, 1, 0, 30)),  # a new local day
    ],
)
def test_utc_dates_become_local_across_daylight_saving_changes(tmp_path, utc, local):
    [session] = rows(tmp_path, strava_csv({"date": utc}))
    assert dt.datetime.combine(session.date, session.start_time) == local


def test_the_narrow_space_newer_exports_put_before_pm(tmp_path):
    [session] = rows(tmp_path, strava_csv({"date": "Apr 1, 2026, 6:18:55\u202fPM"}))
    assert session.start_time == dt.time(20, 18, 55)


@pytest.mark.parametrize(
    ("seconds", "minutes"), [("20", 1), ("89", 1), ("90", 2), ("149.9", 2), ("150", 3)]
)
def test_minutes_are_rounded_halves_up_and_at_least_one(tmp_path, seconds, minutes):
    [session] = rows(tmp_path, strava_csv({"elapsed": seconds}))
    assert session.minutes == minutes


@pytest.mark.parametrize(
    ("values", "reason"),
    [
        ({"date": ""}, "no date"),
        ({"elapsed": ""}, "no duration"),
        ({"elapsed": "0"}, "no duration"),
        ({"elapsed": "90000"}, "a duration in minutes of 1500 is outside 1–1440"),
        ({"elapsed": "soon"}, "the moving time 'soon' is not a number"),
        ({"date": "yesterday"}, "the date 'yesterday' is not one Strava writes"),
        ({"description": "x" * 2000}, "the note is longer than 2000 characters"),
    ],
)
def test_a_row_outside_our_ranges_is_rejected_with_its_reason(tmp_path, values, reason):
    good, bad = rows(tmp_path, strava_csv({}, {"id": "2", **values}))
    assert isinstance(good, ImportedSession)
    assert bad == Rejected(line=3, reason=reason)


@pytest.mark.parametrize(
    ("values", "warning"),
    [
        ({"distance_si": "1000006"}, "a distance in km of 1000.01 is outside 0–1000"),
        ({"avg_hr": "251"}, "an average heart rate of 251 is outside 25–250"),
        ({"max_hr": "20"}, "a maximum heart rate of 20 is outside 25–250"),
        ({"rpe": "11"}, "an effort of 11 is outside 0–10"),
        ({"max_hr": "1e+28"}, "the maximum heart rate '1e+28' is far too large"),
    ],
)
def test_an_optional_value_outside_our_ranges_is_left_out_with_a_warning(tmp_path, values, warning):
    [session] = rows(tmp_path, strava_csv(values))
    assert isinstance(session, ImportedSession)
    assert session.warnings == (f"{warning}: left out",)


def test_missing_optional_values_are_null_and_zero_distance_is_no_distance(tmp_path):
    [session] = rows(
        tmp_path,
        strava_csv(
            {
                "type": "Weight Training",
                "distance": "0",
                "distance_si": "0.0",
                "max_hr": "",
                "avg_hr": "",
                "rpe": "",
                "name": "",
            }
        ),
    )
    assert session.activity == "resistance"
    assert (session.distance_km, session.avg_hr, session.max_hr, session.effort) == (None,) * 4
    assert session.note == ""


def test_one_type_of_each_row_of_section_2(tmp_path):
    types = [
        "Ride",
        "Hike",
        "High Intensity Interval Training (HIIT)",
        "Weight Training",
        "Crossfit",
        "Yoga",
        "Pilates",
        "Surfing",
    ]
    sessions = rows(tmp_path, strava_csv(*({"id": str(i), "type": t} for i, t in enumerate(types))))
    assert [(s.activity, s.style) for s in sessions] == [
        ("aerobic", ""),
        ("walking", ""),
        ("hiit", ""),
        ("resistance", ""),
        ("mixed", ""),
        ("mobility", "yoga"),
        ("mobility", "pilates"),
        (None, ""),
    ]


def test_the_persons_mapping_applies_to_the_rows(tmp_path):
    [session] = rows(
        tmp_path, strava_csv({"type": "Surfing"}), activity_map={"Surfing": ("aerobic", "")}
    )
    assert (session.activity, session.source_type) == ("aerobic", "Surfing")


def test_the_bulk_export_zip_is_detected_and_read(tmp_path):
    data = zip_bytes(
        {
            "profile.csv": "Athlete ID\n1\n",
            "activities/1001.fit.gz": b"\x1f\x8b not read",
            "activities.csv": strava_csv({}),
        }
    )
    path = write(tmp_path, "export_12345.zip", data)
    assert importers.detect(path, "export_12345.zip") == "strava"
    [session] = importers.read(path, "strava", Options(time_zone=PARIS))
    assert session.source_id == "1001"


def test_a_csv_is_detected_by_its_header_whatever_its_name(tmp_path):
    path = write(tmp_path, "download.csv", strava_csv({}))
    assert importers.detect(path, "download.csv") == "strava"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32"])
def test_an_encoding_declared_by_a_byte_order_mark(tmp_path, encoding):
    text = strava_csv({"name": "Café run"})
    [session] = rows(tmp_path, text.encode(encoding))
    assert session.note == "Café run"


def test_text_that_is_not_utf8_and_has_no_bom_is_refused_clearly(tmp_path):
    with pytest.raises(UnreadableFile, match="not UTF-8"):
        rows(tmp_path, strava_csv({"name": "Café run"}).encode("latin-1"))


def test_a_csv_without_stravas_columns_is_refused(tmp_path):
    with pytest.raises(UnreadableFile, match='no "Activity Date"'):
        rows(
            tmp_path,
            csv_text([["Activity ID", "Activity Type", "Elapsed Time"], ["1", "Run", "60"]]),
        )


def test_progress_reaches_the_total(tmp_path):
    path = write(tmp_path, "activities.csv", strava_csv({}, {"id": "2"}))
    seen = []
    list(importers.read(path, "strava", Options(time_zone=PARIS), lambda d, t: seen.append((d, t))))
    size = path.stat().st_size
    assert seen[-1] == (size, size)


def test_preview_sums_up_the_file(tmp_path):
    text = csv_text(
        [
            STRAVA_HEADER,
            strava_row(id="1", type="Run", date="Mar 2, 2026, 8:00:00 AM"),
            strava_row(id="2", type="Surfing", date="Apr 3, 2026, 8:00:00 AM"),
            strava_row(id="3", type="Run", date="Jan 5, 2026, 8:00:00 AM"),
            strava_row(id="4", type="Run", elapsed=""),
        ]
    )
    path = write(tmp_path, "activities.csv", text)
    preview = importers.preview(path, "strava", Options(time_zone=PARIS), limit=2)
    assert (preview.sessions, preview.checkins, preview.rejected_count) == (3, 0, 1)
    assert (preview.first_date, preview.last_date) == (dt.date(2026, 1, 5), dt.date(2026, 4, 3))
    assert [(t.source_type, t.count, t.mapping) for t in preview.types] == [
        ("Run", 2, ("aerobic", "")),
        ("Surfing", 1, None),
    ]
    assert preview.unknown_types == 1
    assert [r.source_id for r in preview.rows] == ["1", "2"]
    assert preview.rejected == [Rejected(line=5, reason="no duration")]
    assert preview.unit_stated is True
