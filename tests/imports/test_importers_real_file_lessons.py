"""What 93 real exports taught (issue 20; imports.md "Real files (December 2026)").

Each test names the item of the issue it reproduces; the real files
themselves are tested in test_importers_real_files.py.
"""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from journal.core.services import profile_for
from journal.imports import parsers as importers
from journal.imports import pipeline as imports
from journal.imports.models import ImportJob
from journal.imports.parsers import ImportedSession, Options, Rejected, map_activity
from journal.models import Session
from tests.imports import import_files
from tests.imports.importer_files import (
    DAYLIO_LEGACY,
    daylio_csv,
    garmin_csv,
    gpx_xml,
    strava_csv,
    tcx_xml,
)

PARIS = ZoneInfo("Europe/Paris")


def command(tmp_path, capsys, name: str, text: str, *arguments: str) -> str:
    """What `manage.py import_activities --user alice FILE ...` prints."""
    path = tmp_path / name
    path.write_text(text)
    call_command("import_activities", "--user", "alice", str(path), *arguments)
    return capsys.readouterr().out


def job_page(client, owner, name: str, body: bytes) -> tuple[ImportJob, str]:
    """Upload a file on the web and read its job's page (the preview)."""
    upload = SimpleUploadedFile(name, body, content_type="application/octet-stream")
    client.post(reverse("journal:import"), {"file": upload, "source": ""})
    job = ImportJob.objects.get(owner=owner)
    return job, client.get(reverse("journal:import_job", args=[job.pk])).content.decode()


def read(tmp_path, name, data, **options):
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    source = importers.detect(path, name)
    return list(importers.read(path, source, Options(time_zone=PARIS, **options)))


# 1. GPX times without a time zone ------------------------------------------------


def test_1_gpx_times_without_a_zone_are_utc(tmp_path):
    data = gpx_xml(points=[("2026-03-29T00:30:00", 120), ("2026-03-29T01:00:30", 150)])
    [session] = read(tmp_path, "night.gpx", data)
    assert (session.date, session.start_time) == (dt.date(2026, 3, 29), dt.time(1, 30))
    assert session.minutes == 31


def test_1_a_gpx_track_without_times_is_no_session(tmp_path):
    data = gpx_xml(points=[("2026-03-29T00:30:00Z", 120), ("2026-03-29T01:00:30Z", 150)])
    untimed = "<trk><name>Plan</name><trkseg><trkpt lat='1' lon='1'/></trkseg></trk></gpx>"
    items = read(tmp_path, "two.gpx", data.replace("</gpx>", untimed))
    assert [type(i) for i in items] == [ImportedSession, Rejected]
    assert items[1].reason == "track 2 has no timed points, so it is no session"


# 2. TCX heart rate --------------------------------------------------------------


def _laps_with_rates(xml: str, rates: list[tuple[int, int] | None]) -> str:
    parts = xml.split("<AverageHeartRateBpm><Value>99</Value></AverageHeartRateBpm>")
    out = parts[0]
    for rate, rest in zip(rates, parts[1:], strict=True):
        if rate:
            out += (
                f"<AverageHeartRateBpm><Value>{rate[0]}</Value></AverageHeartRateBpm>"
                f"<MaximumHeartRateBpm><Value>{rate[1]}</Value></MaximumHeartRateBpm>"
            )
        out += rest
    return out


def test_2_tcx_heart_rate_is_the_laps_weighted_by_their_time(tmp_path):
    # Laps of 900 s (avg 150, max 170) and 930.4 s (avg 160, max 175):
    # (150 * 900 + 160 * 930.4) / 1830.4 = 155.08; the points' mean is 160.5.
    data = _laps_with_rates(tcx_xml(), [(150, 170), (160, 175)])
    [session] = read(tmp_path, "run.tcx", data)
    assert (session.avg_hr, session.max_hr) == (155, 175)


def test_2_tcx_falls_back_to_the_points_when_a_lap_has_no_rates(tmp_path):
    data = _laps_with_rates(tcx_xml(), [(150, 170), None])
    [session] = read(tmp_path, "run.tcx", data)
    assert (session.avg_hr, session.max_hr) == (156, 171)  # points 140, 151, 160, 171


# 3. Minutes are the moving time -------------------------------------------------


def test_3_a_strava_recording_left_on_for_days_is_its_moving_time(tmp_path):
    data = strava_csv({"elapsed": "259200", "elapsed_si": "259200.0", "moving": "1830.0"})
    [session] = read(tmp_path, "activities.csv", data)
    assert session.minutes == 31


def test_3_strava_without_a_moving_time_uses_the_elapsed_time(tmp_path):
    [session] = read(tmp_path, "activities.csv", strava_csv({"moving": "0"}))
    assert session.minutes == 31  # the first Elapsed Time, 1830 s


def test_3_garmin_minutes_are_the_moving_time(tmp_path):
    data = garmin_csv({"time": "01:00:00", "moving": "00:45:10"}, {"moving": "00:00:00"})
    assert [s.minutes for s in read(tmp_path, "Activities.csv", data)] == [45, 31]


# 4. One bad optional value keeps the row -----------------------------------------


def test_4_an_impossible_heart_rate_is_left_out_with_a_warning(tmp_path):
    data = strava_csv({"avg_hr": "3", "max_hr": "252"})
    [session] = read(tmp_path, "activities.csv", data)
    assert (session.minutes, session.avg_hr, session.max_hr) == (31, None, None)
    assert session.warnings == (
        "an average heart rate of 3 is outside 25–250: left out",
        "a maximum heart rate of 252 is outside 25–250: left out",
    )


def test_4_an_unreadable_optional_value_is_left_out_too(tmp_path):
    [strava] = read(tmp_path, "activities.csv", strava_csv({"avg_hr": "n/a", "rpe": "hard"}))
    assert (strava.minutes, strava.avg_hr, strava.effort) == (31, None, None)
    assert strava.warnings == (
        "the average heart rate 'n/a' is not a number: left out",
        "the perceived exertion 'hard' is not a number: left out",
    )
    [garmin] = read(tmp_path, "Activities.csv", garmin_csv({"max_hr": "high"}))
    assert (garmin.minutes, garmin.max_hr) == (31, None)
    assert garmin.warnings == ("the maximum heart rate 'high' is not a number: left out",)


def test_4_a_required_value_out_of_range_still_rejects_the_row(tmp_path):
    data = strava_csv({"moving": "0", "elapsed": "259200"})
    [rejected] = read(tmp_path, "activities.csv", data)
    assert isinstance(rejected, Rejected)
    assert "4320" in rejected.reason


@pytest.mark.django_db
def test_4_the_warnings_reach_the_preview_the_report_and_the_command(alice, tmp_path, capsys):
    path = tmp_path / "activities.csv"
    path.write_text(strava_csv({"avg_hr": "3"}))
    options = imports.make_options(profile_for(alice))
    preview = imports.preview_dict(path, "strava", options, profile_for(alice))
    assert preview["warnings"] == [
        {"line": 2, "warning": "an average heart rate of 3 is outside 25–250: left out"}
    ]
    out = command(tmp_path, capsys, "activities.csv", strava_csv({"avg_hr": "3"}))
    assert "line 2: an average heart rate of 3 is outside 25–250: left out" in out
    assert "1 session and 0 check-ins imported" in out
    assert "1 warning (listed with their lines)." in out
    assert Session.objects.get(owner=alice).avg_hr is None


# 5. Sports with a clear home -------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "kind", "expected"),
    [
        ("garmin", "Pool Swim", ("aerobic", "")),
        ("garmin", "Pool Swimming", ("aerobic", "")),
        ("garmin", "Open Water Swimming", ("aerobic", "")),
        ("garmin", "Casual Walking", ("walking", "")),
        ("strava", "Canoe", ("aerobic", "")),
        ("strava", "Canoeing", ("aerobic", "")),
        ("strava", "Kayaking", ("aerobic", "")),
        ("strava", "Rowing", ("aerobic", "")),
        ("fit", "fitness_equipment/indoor_rowing", ("aerobic", "")),
        ("fit", "rowing", ("aerobic", "")),
        ("gpx", "1", ("aerobic", "")),  # Strava's GPX: a ride
        ("gpx", "9", ("aerobic", "")),  # Strava's GPX: a run
        ("gpx", "4", None),  # no public source confirms it: unknown
        ("fit", "fitness_equipment/treadmill", None),
    ],
)
def test_5_sports_with_a_clear_home(source, kind, expected):
    assert map_activity(source, kind) == expected


# 7. Daylio month names in the phone's language ----------------------------------------


def _legacy(*dates: str) -> str:
    rows = [{"year": "2019", "date": d, "time": "21:40", "mood": "good"} for d in dates]
    return daylio_csv(DAYLIO_LEGACY, *rows)


def test_7_daylio_month_names_in_german_and_english(tmp_path):
    german = read(tmp_path, "de.csv", _legacy("18. August", "3. März", "1 Mai"))
    assert [c.date for c in german] == [
        dt.date(2019, 3, 3),
        dt.date(2019, 5, 1),
        dt.date(2019, 8, 18),
    ]
    spanish = read(tmp_path, "es.csv", _legacy("18 de agosto", "2 de septiembre"))
    assert [c.date for c in spanish] == [dt.date(2019, 8, 18), dt.date(2019, 9, 2)]
    # "May" is May in English, read first, even where another language has the word.
    english = read(tmp_path, "en.csv", _legacy("18 May", "June 2"))
    assert [c.date for c in english] == [dt.date(2019, 5, 18), dt.date(2019, 6, 2)]


def test_7_an_english_file_does_not_load_every_languages_month_names():
    from journal.imports.parsers import months

    months._index.cache_clear()
    english = months.reading([months.split("18 May")[1], months.split("June 2")[1]])
    assert (english.language, english.months) == ("en", {"may": 5, "june": 6})
    assert months._index.cache_info().currsize == 0  # the other languages were not loaded


def test_7_a_daylio_date_no_language_reads_says_the_words_found(tmp_path):
    items = read(tmp_path, "pl.csv", _legacy("18 sierpnia", "19 sierpnix"))
    rejected = [i for i in items if isinstance(i, Rejected)]
    assert [r.reason for r in rejected] == [
        "the date '19 sierpnix' 2019 is not one Daylio writes: "
        "'sierpnix' is no month name we know in any language"
    ]
    assert [c.date for c in items if not isinstance(c, Rejected)] == [dt.date(2019, 8, 18)]


# 8. Garmin's distance unit is said ------------------------------------------------------


@pytest.mark.django_db
def test_8_the_command_says_which_unit_it_read_garmin_distances_in(alice, tmp_path, capsys):
    text = garmin_csv({"distance": "6.09"})
    out = command(tmp_path, capsys, "Activities.csv", text, "--dry-run")
    assert "Distances read as km, the profile's unit" in out
    assert "--distance-unit mi" in out
    out = command(tmp_path, capsys, "Activities.csv", text, "--dry-run", "--distance-unit", "mi")
    assert "Distances read as mi, as --distance-unit says." in out


def test_8_the_garmin_preview_says_which_unit_it_assumed(alice_client, alice):
    days_ago = import_files.days_ago
    body = import_files.garmin_csv([(days_ago(4), "Running", "00:40:00", "6.09")])
    _job, page = job_page(alice_client, alice, "Activities.csv", body)
    assert "Distances read as km, your profile&#x27;s unit" in page


# 9. A dry run never says "saved" -----------------------------------------------------------


@pytest.mark.django_db
def test_9_a_dry_run_says_would_be_saved(alice, tmp_path, capsys):
    out = command(tmp_path, capsys, "activities.csv", strava_csv({"type": "Surfing"}), "--dry-run")
    assert "would be saved as mixed" in out
    assert "were saved" not in out
    assert ") saved as mixed" not in out
    assert not Session.objects.exists()


def test_9_the_summary_of_a_dry_run_never_says_saved():
    report = {"dry_run": True, "sessions": 1, "unknown": {"Surfing": 1}, "rejected": []}
    assert "saved" not in imports.summary(report).replace("would be saved", "")


def test_4_the_web_preview_and_report_show_what_was_left_out(alice_client, alice):
    row = import_files.strava_row(2001, import_files.days_ago(3))
    row[-3] = "3"  # Average Heart Rate
    body = import_files.strava_csv([row])
    job, page = job_page(alice_client, alice, "activities.csv", body)
    assert "Values that will be left out (1)" in page
    assert "an average heart rate of 3 is outside 25–250: left out" in page
    job.refresh_from_db()
    alice_client.post(
        reverse("journal:import_confirm", args=[job.pk]),
        {"action": "import", "type_0": "aerobic"},
    )
    page = alice_client.get(reverse("journal:import_job", args=[job.pk])).content.decode()
    assert "Imported with a warning" in page
    assert "an average heart rate of 3 is outside 25–250: left out" in page
    assert Session.objects.get(owner=alice).avg_hr is None
