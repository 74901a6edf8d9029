"""Generated cells and bytes thrown at the parsers: every row is either a valid
item or Rejected with a reason, and a file is either read or UnreadableFile;
no other exception ever escapes (it would be a 500 in the web flow)."""

import contextlib
import html
import tempfile
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.core.ranges import CHECKIN_RANGES, NOTE_MAX_LENGTH, SESSION_RANGES
from journal.imports import parsers as importers
from journal.imports.parsers import (
    ImportedCheckIn,
    ImportedSession,
    Options,
    Rejected,
    UnreadableFile,
)
from tests.imports.importer_files import (
    DAYLIO_CURRENT,
    apple_workout,
    apple_xml,
    daylio_csv,
    fit_file,
    garmin_csv,
    strava_csv,
)

OPTIONS = Options(time_zone=ZoneInfo("America/Sao_Paulo"), distance_unit="mi")
cell = st.one_of(
    st.integers(min_value=-(10**7), max_value=10**7).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["", "--", "1,500", "1,50", "12:30", "1:02:03.4", "Apr 31, 2026, 1:00:00 PM"]),
    st.text(max_size=10),
)
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def within(name, value, ranges=SESSION_RANGES):
    low, high = ranges[name]
    return value is None or low <= value <= high


def check(items):
    for item in items:
        if isinstance(item, Rejected):
            assert item.reason
        elif isinstance(item, ImportedSession):
            assert within("minutes", item.minutes)
            assert item.minutes >= 1
            assert within("avg_hr", item.avg_hr)
            assert within("max_hr", item.max_hr)
            assert within("effort", item.effort)
            assert within("distance_km", item.distance_km)
            assert item.distance_km is None or item.distance_km == round(item.distance_km, 2)
            assert isinstance(item.distance_km, Decimal | None)
            assert len(item.note) <= NOTE_MAX_LENGTH
        else:
            assert isinstance(item, ImportedCheckIn)
            assert within("mood", item.mood, CHECKIN_RANGES)


def read(name, text, source):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_text(text)
        with contextlib.suppress(UnreadableFile):
            check(importers.read(path, source, OPTIONS))


@FUZZ
@given(
    st.dictionaries(
        st.sampled_from(
            [
                "date",
                "type",
                "elapsed",
                "distance",
                "distance_si",
                "max_hr",
                "avg_hr",
                "rpe",
                "name",
            ]
        ),
        cell,
    )
)
def test_strava_rows(values):
    read("activities.csv", strava_csv(values), "strava")


@FUZZ
@given(
    st.dictionaries(
        st.sampled_from(["type", "date", "title", "distance", "time", "avg_hr", "max_hr"]), cell
    )
)
def test_garmin_rows(values):
    read("Activities.csv", garmin_csv(values), "garmin")


@FUZZ
@given(
    st.lists(
        st.dictionaries(st.sampled_from(["full_date", "time", "mood", "activities", "note"]), cell),
        max_size=4,
    )
)
def test_daylio_rows(entries):
    read("daylio.csv", daylio_csv(DAYLIO_CURRENT, *entries), "daylio")


@FUZZ
@given(st.binary(min_size=1, max_size=400), st.sampled_from(list(importers.SOURCES)))
def test_any_bytes_with_any_source(data, source):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "upload"
        path.write_bytes(data)
        try:
            importers.detect(path, "upload")
            check(importers.read(path, source, OPTIONS))
        except UnreadableFile:
            pass


@FUZZ
@given(
    st.fixed_dictionaries(
        {},
        optional={
            "start": cell,
            "duration": cell,
            "duration_unit": st.sampled_from(["min", "s", "hr", "d", ""]),
            "distance": cell,
            "distance_unit": st.sampled_from(["km", "mi", "m", "yd", "ft", "furlong", ""]),
            "heart": st.tuples(cell, cell),
        },
    )
)
def test_apple_workouts(values):
    escaped = {
        k: tuple(map(html.escape, v)) if isinstance(v, tuple) else html.escape(v)
        for k, v in values.items()
    }
    read("export.xml", apple_xml(apple_workout(**escaped)), "apple")


@FUZZ
@given(
    st.integers(0, 255),
    st.integers(0, 255),
    st.floats(0, 4_000_000),
    st.floats(0, 40_000_000),
    st.integers(0, 255),
    st.integers(0, 255),
    st.integers(0, 255),
)
def test_fit_sessions(sport, sub_sport, elapsed, metres, avg_hr, max_hr, rpe):
    data = fit_file(
        sport=sport,
        sub_sport=sub_sport,
        elapsed=elapsed,
        distance_m=metres,
        avg_hr=max(avg_hr, 10),
        max_hr=max_hr,
        rpe=rpe,
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "a.fit"
        path.write_bytes(data)
        check(importers.read(path, "fit", OPTIONS))
