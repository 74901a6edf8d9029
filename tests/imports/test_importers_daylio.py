"""Daylio's CSV export: imports.md section 4."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from journal.imports import parsers as importers
from journal.imports.parsers import DEFAULT_MOOD_LABELS, ImportedCheckIn, Options, Rejected
from tests.imports.importer_files import DAYLIO_CURRENT, DAYLIO_LEGACY, DAYLIO_SCALES, daylio_csv

TZ = ZoneInfo("Europe/Paris")


def entry(full_date="2026-04-01", time="20:15", mood="good", activities="", title="", note=""):
    return {
        "full_date": full_date,
        "date": "April 1",
        "weekday": "Wednesday",
        "time": time,
        "mood": mood,
        "activities": activities,
        "scales": "",
        "note_title": title,
        "note": note,
    }


def write(tmp_path, text):
    path = tmp_path / "daylio_export.csv"
    path.write_text(text)
    return path


def rows(tmp_path, text, **options):
    return list(importers.read(write(tmp_path, text), "daylio", Options(time_zone=TZ, **options)))


def test_the_default_labels():
    assert DEFAULT_MOOD_LABELS == {"rad": 5, "good": 4, "meh": 3, "bad": 2, "awful": 1}


@pytest.mark.parametrize("header", [DAYLIO_CURRENT, DAYLIO_SCALES])
def test_one_entry_is_one_check_in(tmp_path, header):
    text = daylio_csv(header, entry(activities="reading | gym", title="Park", note="Sunny"))
    assert importers.detect(write(tmp_path, text), "daylio_export.csv") == "daylio"
    [checkin] = rows(tmp_path, text)
    assert checkin == ImportedCheckIn(
        source="daylio",
        source_id="2026-04-01 20:15",
        date=dt.date(2026, 4, 1),
        mood_label="good",
        mood=4,
        note="Park\nSunny\nActivities: reading, gym",
        line=2,
    )


def test_the_legacy_header(tmp_path):
    text = daylio_csv(
        DAYLIO_LEGACY,
        {
            "year": "2019",
            "date": "31 December",
            "weekday": "Tuesday",
            "time": "8:13 pm",
            "mood": "rad",
            "activities": "friends",
            "note": "",
        },
    )
    assert importers.detect(write(tmp_path, text), "daylio.csv") == "daylio"
    [checkin] = rows(tmp_path, text)
    assert (checkin.date, checkin.mood, checkin.note) == (
        dt.date(2019, 12, 31),
        5,
        "Activities: friends",
    )
    assert checkin.source_id == "2019-12-31 20:13"


@pytest.mark.parametrize(
    ("labels", "mood"),
    [
        (["rad", "meh"], 4),
        (["good", "meh"], 4),
        (["bad", "awful"], 2),
        (["awful", "awful", "meh"], 2),
    ],
)
def test_several_entries_on_one_date_make_one_check_in_with_the_mean_rounded_half_up(
    tmp_path, labels, mood
):
    entries = [entry(time=f"{9 + i}:00", mood=label) for i, label in enumerate(labels)]
    [checkin] = rows(tmp_path, daylio_csv(DAYLIO_CURRENT, *entries))
    assert checkin.mood == mood


def test_notes_of_one_day_are_joined_in_time_order(tmp_path):
    # Daylio writes the newest entry first.
    text = daylio_csv(
        DAYLIO_CURRENT,
        entry(full_date="2026-04-02", time="07:00", mood="meh"),
        entry(time="21:30", mood="rad", note="Evening", activities="reading"),
        entry(time="08:05", mood="meh", note="Morning", activities="gym | work"),
    )
    first, second = rows(tmp_path, text)
    assert first.note == "Morning\nActivities: gym, work\n\nEvening\nActivities: reading"
    assert (first.mood, first.mood_label, first.source_id) == (4, "meh | rad", "2026-04-01 08:05")
    assert first.line == 3
    assert (second.date, second.mood) == (dt.date(2026, 4, 2), 3)


def test_a_custom_label_stays_unmapped_until_the_person_maps_it(tmp_path):
    text = daylio_csv(
        DAYLIO_CURRENT,
        entry(mood="fantastic"),
        entry(full_date="2026-04-02", mood="Good"),
        entry(full_date="2026-04-03", mood="fantastic"),
    )
    path = write(tmp_path, text)
    preview = importers.preview(path, "daylio", Options(time_zone=TZ))
    assert [(x.label, x.count, x.mood) for x in preview.labels] == [
        ("fantastic", 2, None),
        ("Good", 1, 4),
    ]
    assert preview.unmapped_labels == ["fantastic"]
    assert [c.mood for c in preview.rows] == [None, 4, None]
    assert preview.checkins == 3

    mapped = importers.preview(path, "daylio", Options(time_zone=TZ, mood_map={"fantastic": 5}))
    assert mapped.unmapped_labels == []
    assert [c.mood for c in mapped.rows] == [5, 4, 5]


def test_a_day_with_one_unmapped_label_has_no_mood_yet(tmp_path):
    [checkin] = rows(tmp_path, daylio_csv(DAYLIO_CURRENT, entry(mood="rad"), entry(mood="zen")))
    assert (checkin.mood, checkin.mood_label) == (None, "rad | zen")


def test_the_persons_mapping_overrides_a_default_label(tmp_path):
    [checkin] = rows(tmp_path, daylio_csv(DAYLIO_CURRENT, entry(mood="meh")), mood_map={"meh": 2})
    assert checkin.mood == 2


def test_a_mapping_outside_the_scale_rejects_the_day(tmp_path):
    [row] = rows(tmp_path, daylio_csv(DAYLIO_CURRENT, entry(mood="zen")), mood_map={"zen": 9})
    assert row == Rejected(2, "a mood of 9 is outside 1–5")


def test_rows_without_a_date_or_mood_are_rejected(tmp_path):
    items = rows(
        tmp_path,
        daylio_csv(
            DAYLIO_CURRENT, entry(full_date=""), entry(mood=""), entry(time="noon"), entry()
        ),
    )
    assert items[:3] == [
        Rejected(2, "no date"),
        Rejected(3, "no mood"),
        Rejected(4, "the time 'noon' is not one Daylio writes"),
    ]
    assert isinstance(items[3], ImportedCheckIn)
