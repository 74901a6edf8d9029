"""Real files from other projects (tests/files/README): what each must store.

Every expected figure here was computed without our importer: with fitdecode,
gpxpy, ElementTree or csv in a throwaway script, or by hand from the file, and
then rounded by imports.md section 3 (minutes and heart rates halves up, at
least one minute; kilometres to two decimals). The comment beside each figure
says where it comes from.
"""

import datetime as dt
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from journal.imports import parsers as importers
from journal.imports.parsers import (
    ImportedCheckIn,
    ImportedSession,
    Options,
    Rejected,
    UnreadableFile,
)

REAL = Path(__file__).parents[1] / "files" / "real"
PARIS = ZoneInfo("Europe/Paris")


def read(relative, source=None, **options):
    path = REAL / relative
    found = importers.detect(path, path.name)
    assert source is None or found == source
    items = list(importers.read(path, found, Options(time_zone=PARIS, **options)))
    return items


def summary(item: ImportedSession):
    """What a session stores, in one comparable tuple."""
    return (
        dt.datetime.combine(item.date, item.start_time).isoformat(),
        item.source_type,
        item.activity,
        item.minutes,
        item.distance_km,
        item.avg_hr,
        item.max_hr,
    )


def sessions(items):
    assert not [i for i in items if isinstance(i, Rejected)]
    return [summary(i) for i in items]


# --- FIT (fitdecode's test files) --------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # timer 10699.36 s (elapsed 11741.57 s: the ride paused), 88797.21 m,
        # session avg/max HR 166/191; the first lap starts at 21:18:39 UTC.
        (
            "sample-activity.fit",
            ("2011-06-26T23:18:39", "cycling", "aerobic", 178, Decimal("88.80"), 166, 191),
        ),
        # timer 1558.198 s (elapsed 1623.198 s), 11536.43 m, no heart rate.
        (
            "2015-10-13-08-43-15.fit",
            ("2015-10-13T17:43:15", "cycling", "aerobic", 26, Decimal("11.54"), None, None),
        ),
        # A pool swim: timer 4371.56 s (elapsed 4567.485 s), 2606.04 m, 142/161.
        (
            "event_timestamp.fit",
            (
                "2017-06-13T15:42:30",
                "swimming/lap_swimming",
                "aerobic",
                73,
                Decimal("2.61"),
                142,
                161,
            ),
        ),
        # Indoor rowing: fitness_equipment/indoor_rowing, 1707.308 s, 0 m, 132/179.
        (
            "20170518-191602-1740899583.fit",
            (
                "2017-05-18T18:37:30",
                "fitness_equipment/indoor_rowing",
                "aerobic",
                28,
                None,
                132,
                179,
            ),
        ),
        # 45.379 s is under a minute: at least 1. 67.85 m; 75/82.
        (
            "garmin-fenix-5-walk.fit",
            ("2017-06-11T16:32:51", "walking", "walking", 1, Decimal("0.07"), 75, 82),
        ),
        # Zwift writes heart rates of 0 (no sensor): missing. Timer 1808 s, 13400.14 m.
        (
            "null_compressed_speed_dist.fit",
            (
                "2017-10-05T02:04:06",
                "cycling/virtual_activity",
                "aerobic",
                30,
                Decimal("13.40"),
                None,
                None,
            ),
        ),
        # Wahoo ELEMNT BOLT: timer 132 s (elapsed 140 s), 963.65 m.
        (
            "invalid-elemnt-bolt-no-application-id-inside-developer-data-id.fit",
            ("2017-08-21T10:18:00", "cycling", "aerobic", 2, Decimal("0.96"), None, None),
        ),
    ],
)
def test_a_real_fit_file_stores_its_session(name, expected):
    [session] = read(f"fit/{name}", "fit")
    assert summary(session) == expected
    assert session.warnings == ()


def test_a_triathlon_is_one_session_per_sport_and_its_transitions_are_none():
    items = read("fit/activity-large-fenxi2-multisport.fit", "fit")
    # Seven session messages: generic, transition, running, transition,
    # running, transition, cycling. Each starts where its first lap starts
    # (the first session's own start_time, 08:00:01 UTC, is 45 minutes after
    # its lap's 07:14:44 UTC); minutes are total_timer_time.
    assert sessions(items) == [
        ("2015-08-29T09:14:44", "generic", "mixed", 196, Decimal("25.07"), None, None),
        ("2015-08-29T12:36:00", "running", "aerobic", 38, Decimal("2.25"), None, None),
        ("2015-08-29T13:14:21", "running", "aerobic", 113, Decimal("12.74"), None, None),
        ("2015-08-29T15:11:37", "cycling", "aerobic", 54, Decimal("28.93"), None, None),
    ]
    # The same ids as before transitions were left out: the session's place in the file.
    assert [i.source_id.rsplit("|", 1)[-1] for i in items[1:]] == ["3", "5", "7"]


def test_a_fit_file_with_only_relative_times_is_dated_from_its_local_timestamp():
    # Every timestamp is below 0x10000000 (seconds since the device started).
    # activity.local_timestamp 2012-02-13 12:21:03 is activity.timestamp
    # 17221751; the session starts 3887 s earlier (17217864): 11:16:16 local.
    # Timer 3772.75 s (elapsed 3883.273 s), 10248.67 m, 170/190.
    [session] = read("fit/compressed-speed-distance.fit", "fit")
    assert summary(session) == (
        "2012-02-13T11:16:16",
        "running",
        "aerobic",
        63,
        Decimal("10.25"),
        170,
        190,
    )


def test_a_fit_file_of_relative_times_without_a_local_time_is_refused_not_dated_1990(tmp_path):
    from tests.imports.importer_files import fit_file

    path = tmp_path / "relative.fit"
    # 1990-01-05 is 345,600 s after FIT's epoch: below 0x10000000, a relative time.
    path.write_bytes(fit_file(start=dt.datetime(1990, 1, 5, tzinfo=dt.UTC)))
    with pytest.raises(UnreadableFile, match="switched on"):
        list(importers.read(path, "fit", Options(time_zone=PARIS)))


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("invalid-activity-unexpected-eof.fit", "it ends early"),  # inside the activity message
        ("invalid-activity-filecrc.fit", "its checksum does not match"),  # its file CRC
        ("invalid-activity-settings-nodata.fit", "it ends early"),  # a header with no data after
    ],
)
def test_a_fit_file_damaged_after_its_session_is_imported_with_a_warning(name, why):
    # fitdecode's Activity.fit: running, 13.749 s (at least one minute), 5.73 m.
    [session] = read(f"fit/{name}", "fit")
    assert summary(session) == (
        "2012-04-09T23:22:26",
        "running",
        "aerobic",
        1,
        Decimal("0.01"),
        None,
        None,
    )
    assert session.warnings
    assert "damaged" in session.warnings[0]


def test_a_fit_file_cut_before_anything_usable_is_refused_in_words(tmp_path):
    whole = (REAL / "fit/invalid-activity-unexpected-eof.fit").read_bytes()
    path = tmp_path / "cut.fit"
    path.write_bytes(whole[:120])  # the header and the file_id, no record or session
    with pytest.raises(UnreadableFile, match="nothing"):
        list(importers.read(path, "fit", Options(time_zone=PARIS)))


# --- GPX (gpxpy's test files) -------------------------------------------------


@pytest.mark.parametrize("name", ["gpx1.0_with_all_fields.gpx", "gpx1.1_with_all_fields.gpx"])
def test_gpxpys_files_without_time_zones_are_refused_in_words_not_crashed(name):
    # Each has two tracks: one with a single timed point (2013-01-01T12:00:04,
    # no zone), one with no point at all. Neither is a session.
    path = REAL / "gpx" / name
    with pytest.raises(UnreadableFile, match="two timed points"):
        list(importers.read(path, "gpx", Options(time_zone=PARIS)))


def test_a_gpx_file_keeps_only_its_timed_tracks():
    # korita-zbevnica.gpx: four tracks, two without times. gpxpy's time
    # bounds and length_2d: 09:36:30-10:52:22 UTC (4552 s), 2284.597 m;
    # 10:57:10-13:19:31 UTC (8541 s), 3983.952 m.
    items = read("gpx/korita-zbevnica.gpx", "gpx")
    found = [summary(i) for i in items if isinstance(i, ImportedSession)]
    assert found == [
        ("2010-10-03T11:36:30", "", None, 76, Decimal("2.28"), None, None),
        ("2010-10-03T12:57:10", "", None, 142, Decimal("3.98"), None, None),
    ]
    assert [i.reason for i in items if isinstance(i, Rejected)] == [
        "track 1 has no timed points, so it is no session",
        "track 2 has no timed points, so it is no session",
    ]


def test_a_gpx_track_with_a_few_timed_points_is_timed_from_them():
    # cerknicko-without-times.gpx: only track 8 has times (5 of 21 points),
    # 16:22:52-16:23:49 UTC (57 s); its whole length is 346.999 m.
    items = read("gpx/cerknicko-without-times.gpx", "gpx")
    found = [summary(i) for i in items if isinstance(i, ImportedSession)]
    assert found == [("2010-08-05T18:22:52", "", None, 1, Decimal("0.35"), None, None)]
    assert len([i for i in items if isinstance(i, Rejected)]) == 7


def test_a_gpx_drive_is_read_from_first_to_last_point():
    # 06:15:50-06:24:24 UTC (514 s), 2736.30 m, no <type>.
    assert sessions(read("gpx/around-visnjan-with-car.gpx", "gpx")) == [
        ("2020-12-18T07:15:50", "", None, 9, Decimal("2.74"), None, None)
    ]


def test_a_gpx_file_without_a_track_is_refused_in_words():
    with pytest.raises(UnreadableFile, match="no track"):
        read("gpx/gpx_with_garmin_extension.gpx", "gpx")


# --- TCX (python-tcxparser's test files) --------------------------------------


def test_tcx_heart_rate_is_the_laps_own_weighted_by_lap_time():
    # ElementTree: laps (608.47 s, avg 139, max 189), (714.8 s, 172, 188),
    # (669.51 s, 167, 180): weighted 160.244, max 189. The track points'
    # mean would be 156.65 (157). Time 1992.78 s, distance 4689.243 m.
    assert sessions(read("tcx/test.tcx", "tcx")) == [
        ("2012-12-26T22:29:53", "Running", "aerobic", 33, Decimal("4.69"), 160, 189)
    ]


def test_tcx_maximum_is_the_laps_own_when_every_lap_has_one():
    # Laps (966.796 s, 88, 108), (145.539 s, 87, 93): 87.869 and 108; the
    # track points say 88.13 and 106. "Other" names no sport: unknown.
    assert sessions(read("tcx/sup_activity_1.tcx", "tcx")) == [
        ("2022-07-16T18:08:25", "Other", None, 19, Decimal("1.16"), 88, 108)
    ]


def test_tcx_without_heart_rate_stores_none():
    assert sessions(read("tcx/no_hr.tcx", "tcx")) == [
        ("2012-12-26T22:29:53", "Running", "aerobic", 33, Decimal("4.69"), None, None)
    ]


# --- Daylio -------------------------------------------------------------------


def checkins(items):
    assert not [i for i in items if isinstance(i, Rejected)]
    return [(i.date.isoformat(), i.mood_label, i.mood) for i in items]


def test_daylio_parser_test_data_makes_one_checkin_a_day():
    # csv module, by date, default labels rad 5 .. awful 1, mean halves up:
    # 05-25 [2,1,1,2,3,3] -> 2; 05-27 [5,4,5,4,5,5,5,4,3,3] -> 4.3 -> 4;
    # 05-28 [4,4,5,5,5] -> 4.6 -> 5; 05-29 seven rad -> 5; 05-30 four rad -> 5.
    items = read("daylio/daylio-parser-test_data.csv", "daylio")
    assert [(d, mood) for d, _label, mood in checkins(items)] == [
        ("2020-05-25", 2),
        ("2020-05-27", 4),
        ("2020-05-28", 5),
        ("2020-05-29", 5),
        ("2020-05-30", 5),
    ]


def test_daylio_custom_labels_wait_for_their_mapping():
    items = read("daylio/dayliopy-sample.csv", "daylio", mood_map={"sad": 2, "average": 3})
    assert checkins(items) == [
        ("2021-09-26", "average", 3),
        ("2021-09-27", "average", 3),
        ("2021-09-28", "sad", 2),
    ]


def test_a_polish_legacy_daylio_export_reads_its_month_names():
    # Written by hand in Daylio's legacy layout (no public Polish export was
    # found): "18 sierpnia" is 18 August in Polish (genitive), "2 września"
    # 2 September, "31 grudnia" 31 December, "1 stycznia" 1 January.
    labels = {"super": 5, "dobrze": 4, "w porządku": 3, "źle": 2, "okropnie": 1}
    items = read("daylio/polish-legacy.csv", "daylio", mood_map=labels)
    assert checkins(items) == [
        ("2019-08-17", "w porządku", 3),
        ("2019-08-18", "dobrze | super", 5),  # (4 + 5) / 2 = 4.5, halves up
        ("2019-09-02", "źle", 2),
        ("2019-12-31", "okropnie", 1),
        ("2020-01-01", "dobrze", 4),
    ]
    assert all(isinstance(i, ImportedCheckIn) for i in items)


# --- Garmin Activities.csv ----------------------------------------------------


def test_a_garmin_export_in_miles_with_a_pool_swim():
    # Written by hand in Garmin Connect's layout. Miles x 1.609344: 6.09 ->
    # 9.80 km, 1.32 -> 2.12 km, 31.75 -> 51.10 km; the swim is in metres
    # (1,500 m). Minutes are Moving Time, else Time when it is 00:00:00 or --.
    items = read("garmin/Activities-miles.csv", "garmin", distance_unit="mi")
    assert [summary(i) for i in items] == [
        ("2025-05-04T07:12:09", "Running", "aerobic", 57, Decimal("9.80"), 151, 172),
        ("2025-05-06T18:30:00", "Pool Swim", "aerobic", 38, Decimal("1.50"), 132, 158),
        ("2025-05-07T12:05:44", "Casual Walking", "walking", 30, Decimal("2.12"), 98, 112),
        ("2025-05-08T19:00:00", "Strength Training", "resistance", 45, None, None, None),
        # A maximum heart rate of 252 is outside 25-250: left out, with a warning.
        ("2025-05-10T09:00:00", "Cycling", "aerobic", 133, Decimal("51.10"), 138, None),
    ]
    assert [bool(i.warnings) for i in items] == [False, False, False, False, True]
    assert "252" in items[-1].warnings[0]
