"""Single activity files, FIT, GPX and TCX, also gzipped: imports.md sections 2 and 3."""

import datetime as dt
import gzip
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from journal.imports import parsers as importers
from journal.imports.parsers import ImportedSession, Options, Rejected, UnreadableFile
from tests.imports.importer_files import fit_file, gpx_xml, tcx_xml

PARIS = ZoneInfo("Europe/Paris")
UTC = dt.UTC


def read(tmp_path, name, data, tz=PARIS):
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    source = importers.detect(path, name)
    return source, list(importers.read(path, source, Options(time_zone=tz)))


# --- FIT ----------------------------------------------------------------------


def test_fit_every_field(tmp_path):
    source, [session] = read(tmp_path, "ride.fit", fit_file(rpe=75))
    assert source == "fit"
    assert session == ImportedSession(
        source="fit",
        source_id="2026-03-29T00:29:00+00:00|3900000001",  # time_created and serial number
        date=dt.date(2026, 3, 29),
        start_time=dt.time(1, 30),
        source_type="running",
        activity="aerobic",
        style="",
        minutes=31,  # 1830.4 s
        distance_km=Decimal("5.02"),  # 5020.4 m
        avg_hr=151,
        max_hr=181,
        effort=8,  # workout_rpe 75 / 10 = 7.5, halves up
        note="",
        line=1,
    )


@pytest.mark.parametrize(
    ("start", "local"),
    [
        (dt.datetime(2026, 3, 29, 0, 59, tzinfo=UTC), dt.datetime(2026, 3, 29, 1, 59)),
        (dt.datetime(2026, 3, 29, 1, 0, tzinfo=UTC), dt.datetime(2026, 3, 29, 3, 0)),
        (dt.datetime(2026, 10, 25, 0, 30, tzinfo=UTC), dt.datetime(2026, 10, 25, 2, 30)),
        (dt.datetime(2026, 10, 25, 1, 30, tzinfo=UTC), dt.datetime(2026, 10, 25, 2, 30)),
    ],
)
def test_fit_start_across_daylight_saving_changes(tmp_path, start, local):
    _, [session] = read(tmp_path, "a.fit", fit_file(start=start))
    assert dt.datetime.combine(session.date, session.start_time) == local


@pytest.mark.parametrize(
    ("sport", "sub_sport", "source_type", "mapping"),
    [
        ("cycling", "road", "cycling/road", ("aerobic", "")),
        ("hiking", "generic", "hiking", ("walking", "")),
        ("training", "hiit", "training/hiit", ("hiit", "")),
        ("training", "strength_training", "training/strength_training", ("resistance", "")),
        ("training", "cardio_training", "training/cardio_training", ("mixed", "")),
        ("generic", "generic", "generic", ("mixed", "")),
        ("training", "yoga", "training/yoga", ("mobility", "yoga")),
        ("fitness_equipment", "pilates", "fitness_equipment/pilates", None),
        ("training", "pilates", "training/pilates", ("mobility", "pilates")),
        (
            "training",
            "flexibility_training",
            "training/flexibility_training",
            ("mobility", "stretching"),
        ),
        ("golf", "generic", "golf", None),
    ],
)
def test_fit_sport_and_sub_sport(tmp_path, sport, sub_sport, source_type, mapping):
    _, [session] = read(tmp_path, "a.fit", fit_file(sport=sport, sub_sport=sub_sport))
    assert session.source_type == source_type
    assert ((session.activity, session.style) if session.activity else None) == mapping


@pytest.mark.parametrize(("rpe", "effort"), [(74, 7), (75, 8), (0, 0), (100, 10)])
def test_fit_workout_rpe_is_tenths(tmp_path, rpe, effort):
    _, [session] = read(tmp_path, "a.fit", fit_file(rpe=rpe))
    assert session.effort == effort


def test_fit_gzipped(tmp_path):
    source, [session] = read(tmp_path, "a.fit.gz", gzip.compress(fit_file()))
    assert (source, session.minutes) == ("fit", 31)


def test_fit_without_a_session_message_is_read_from_its_records(tmp_path):
    _, [session] = read(tmp_path, "a.fit", fit_file(session=False))
    assert (session.minutes, session.avg_hr, session.max_hr) == (10, 161, 181)
    assert (session.source_type, session.activity) == ("generic", "mixed")  # no sport message


def test_fit_without_a_duration_is_rejected(tmp_path):
    _, items = read(tmp_path, "a.fit", fit_file(elapsed=None))
    assert items == [Rejected(1, "no duration")]


def test_fit_with_a_bad_checksum_is_imported_with_a_warning(tmp_path):
    _, [session] = read(tmp_path, "a.fit", fit_file(corrupt_crc=True))
    assert (session.minutes, session.avg_hr) == (31, 151)
    assert "damaged" in session.warnings[0]


def test_fit_with_an_undefined_developer_field_reads_cleanly_without_a_warning(tmp_path):
    # fitdecode's default settings read such a file (a COROS ride, say) and only
    # note the developer field it cannot name: the file is not damaged.
    _, [session] = read(tmp_path, "a.fit", fit_file(undefined_developer_field=True))
    assert (session.minutes, session.avg_hr, session.warnings) == (31, 151, ())


def test_fit_truncated_in_its_session_is_read_from_its_records_with_a_warning(tmp_path):
    _, [session] = read(tmp_path, "a.fit", fit_file()[:-30])
    # The two records: 600 s apart, heart rates 141 and 181, 100 cm.
    assert (session.minutes, session.avg_hr, session.max_hr) == (10, 161, 181)
    assert "damaged" in session.warnings[0]


def test_fit_truncated_before_any_record_is_refused(tmp_path):
    path = tmp_path / "a.fit"
    path.write_bytes(fit_file()[:40])
    with pytest.raises(UnreadableFile, match="nothing in it could be read"):
        list(importers.read(path, "fit", Options(time_zone=PARIS)))


# --- GPX ----------------------------------------------------------------------


def test_gpx_every_field(tmp_path):
    source, [session] = read(tmp_path, "run.gpx", gpx_xml())
    assert source == "gpx"
    assert session.source_id == "2026-03-29T00:30:00+00:00|running"
    # 00:30 UTC, an hour before Paris moves its clocks forward
    assert (session.date, session.start_time) == (dt.date(2026, 3, 29), dt.time(1, 30))
    assert (session.source_type, session.activity) == ("running", "aerobic")
    assert session.minutes == 31  # 00:30:00 to 01:00:30
    assert session.distance_km == Decimal("0.94")  # two legs due north, 0.0084 degrees
    assert (session.avg_hr, session.max_hr) == (150, 181)  # mean of 120, 150, 181 = 150.3


def test_gpx_after_the_clocks_change(tmp_path):
    points = [("2026-03-29T01:30:00Z", None), ("2026-03-29T02:00:00Z", None)]
    _, [session] = read(tmp_path, "run.gpx", gpx_xml(points=points))
    assert session.start_time == dt.time(3, 30)
    assert (session.avg_hr, session.max_hr) == (None, None)


@pytest.mark.parametrize(
    ("kind", "activity"),
    [("Biking", "aerobic"), ("hiking", "walking"), ("Other", None), (None, None)],
)
def test_gpx_type_maps_by_the_same_words(tmp_path, kind, activity):
    _, [session] = read(tmp_path, "a.gpx", gpx_xml(kind=kind))
    assert session.activity == activity


def test_gpx_gzipped(tmp_path):
    source, [session] = read(tmp_path, "a.gpx.gz", gzip.compress(gpx_xml().encode()))
    assert (source, session.minutes) == ("gpx", 31)


def test_gpx_without_times_is_refused_in_words(tmp_path):
    text = gpx_xml().replace("<time>", "<!--").replace("</time>", "-->")
    with pytest.raises(UnreadableFile, match="no track with at least two timed points"):
        read(tmp_path, "a.gpx", text)


# --- TCX ----------------------------------------------------------------------


def test_tcx_every_field(tmp_path):
    source, [session] = read(tmp_path, "run.tcx", tcx_xml())
    assert source == "tcx"
    assert session == ImportedSession(
        source="tcx",
        source_id="2026-03-29T00:30:00Z|Running",
        date=dt.date(2026, 3, 29),
        start_time=dt.time(1, 30),
        source_type="Running",
        activity="aerobic",
        style="",
        minutes=31,  # laps of 900.0 + 930.4 s
        distance_km=Decimal("5.02"),  # laps of 2500.4 + 2520.0 m
        avg_hr=156,  # mean of track points 140, 151, 160, 171 (not the laps' 99)
        max_hr=171,
        effort=None,
        note="",
        line=1,
    )


def test_tcx_after_the_clocks_change(tmp_path):
    laps = [("2026-03-29T01:15:00Z", "600", "2000")]
    _, [session] = read(tmp_path, "run.tcx", tcx_xml(laps=laps))
    assert (session.start_time, session.minutes) == (dt.time(3, 15), 10)


@pytest.mark.parametrize(("sport", "activity"), [("Biking", "aerobic"), ("Other", None)])
def test_tcx_sport(tmp_path, sport, activity):
    _, [session] = read(tmp_path, "a.tcx", tcx_xml(sport=sport))
    assert session.activity == activity


def test_tcx_gzipped(tmp_path):
    source, [session] = read(tmp_path, "a.tcx.gz", gzip.compress(tcx_xml().encode()))
    assert (source, session.distance_km) == ("tcx", Decimal("5.02"))


def test_tcx_without_laps_is_rejected(tmp_path):
    text = tcx_xml().split("<Lap ")[0] + "</Activity></Activities></TrainingCenterDatabase>"
    _, items = read(tmp_path, "a.tcx", text)
    assert items == [Rejected(1, "no duration")]


def test_tcx_with_a_heart_rate_that_is_not_a_number_is_rejected(tmp_path):
    text = tcx_xml().replace("<Value>140</Value>", "<Value>fast</Value>")
    _, items = read(tmp_path, "a.tcx", text)
    assert items == [Rejected(1, "a heart rate 'fast' is not a number")]
