"""imports.md section 2: every activity type of every source, as the spec's table lists it."""

import pytest

from journal.imports.parsers import map_activity
from journal.imports.parsers.activities import TABLES

AEROBIC, WALKING, HIIT = ("aerobic", ""), ("walking", ""), ("hiit", "")
RESISTANCE, MIXED = ("resistance", ""), ("mixed", "")

SECTION_2 = {
    "strava": [
        (
            AEROBIC,
            "Run, Trail Run, Virtual Run, Ride, Virtual Ride, Gravel Ride, Mountain Bike Ride, "
            "Swim, Rowing, Elliptical, Stair-Stepper, Nordic Ski, Canoeing, Kayaking, Inline Skate",
        ),
        (WALKING, "Walk, Hike"),
        (HIIT, "High Intensity Interval Training (HIIT)"),
        (RESISTANCE, "Weight Training"),
        (MIXED, "Workout, Crossfit, Soccer, Tennis, Badminton, Squash, Rock Climbing, Boxing"),
        (("mobility", "yoga"), "Yoga"),
        (("mobility", "pilates"), "Pilates"),
    ],
    "garmin": [
        (
            AEROBIC,
            "Running, Treadmill Running, Trail Running, Cycling, Indoor Cycling, "
            "Road Cycling, Mountain Biking, Lap Swimming, Open Water Swimming, Indoor Rowing, "
            "Rowing, Elliptical, Stair Stepper, Cross Country Classic Skiing",
        ),
        (WALKING, "Walking, Hiking"),
        (HIIT, "HIIT"),
        (RESISTANCE, "Strength Training"),
        (MIXED, "Cardio, Boxing, Soccer, Tennis"),
        (("mobility", "yoga"), "Yoga"),
        (("mobility", "pilates"), "Pilates"),
        (("mobility", "other"), "Breathwork"),
    ],
    "apple": [
        (
            AEROBIC,
            "Running, Cycling, Swimming, Rowing, Elliptical, StairClimbing, "
            "CrossCountrySkiing, PaddleSports",
        ),
        (WALKING, "Walking, Hiking"),
        (HIIT, "HighIntensityIntervalTraining"),
        (RESISTANCE, "TraditionalStrengthTraining, FunctionalStrengthTraining"),
        (MIXED, "CrossTraining, MixedCardio, Soccer, Tennis, Boxing, Dance"),
        (("mobility", "yoga"), "Yoga"),
        (("mobility", "pilates"), "Pilates"),
        (("mobility", "stretching"), "Flexibility"),
        (("mobility", "other"), "MindAndBody"),
        (("mobility", "tai_chi"), "TaiChi"),
    ],
    "fit": [
        (AEROBIC, "running, cycling, swimming, rowing, cross_country_skiing, paddling"),
        (WALKING, "walking, hiking"),
        (HIIT, "training/hiit"),
        (RESISTANCE, "training/strength_training"),
        (MIXED, "training, training/cardio_training, training/indoor_climbing, generic"),
        (("mobility", "yoga"), "training/yoga"),
        (("mobility", "pilates"), "training/pilates"),
        (("mobility", "stretching"), "training/flexibility_training"),
    ],
}
CASES = [
    (source, name.strip(), mapping)
    for source, rows in SECTION_2.items()
    for mapping, names in rows
    for name in names.split(",")
]


@pytest.mark.parametrize(("source", "name", "mapping"), CASES)
def test_every_listed_type_maps_as_section_2_says(source, name, mapping):
    source_type = f"HKWorkoutActivityType{name}" if source == "apple" else name
    assert map_activity(source, source_type, {}) == mapping


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("strava", "Surfing"),
        ("strava", "Golf"),
        ("garmin", "Golf"),
        ("apple", "HKWorkoutActivityTypeArchery"),
        ("fit", "golf"),
        ("fit", "hiit"),  # a sport, not "training with sub_sport hiit"
        ("gpx", "4"),  # a Strava GPX code no public file confirms
        ("tcx", "9"),  # the codes are Strava's GPX only
        ("tcx", "Other"),
        ("gpx", ""),
    ],
)
def test_a_type_in_no_list_is_unknown(source, name):
    assert map_activity(source, name, {}) is None


def test_the_persons_mapping_wins_over_the_table_and_names_unknown_types():
    overrides = {"Run": ("walking", ""), "Surfing": ("mobility", "other")}
    assert map_activity("strava", "Run", overrides) == ("walking", "")
    assert map_activity("strava", "Surfing", overrides) == ("mobility", "other")
    assert map_activity("strava", "Ride", overrides) == AEROBIC


def test_spelling_variants_of_one_type_are_one_type():
    assert map_activity("strava", "TrailRun", {}) == AEROBIC
    assert map_activity("strava", "WeightTraining", {}) == RESISTANCE
    assert map_activity("strava", "High Intensity Interval Training", {}) == HIIT
    assert map_activity("apple", "Yoga", {}) == ("mobility", "yoga")


def test_a_fit_sub_sport_the_table_does_not_name_falls_back_to_its_sport():
    assert map_activity("fit", "running/treadmill", {}) == AEROBIC
    assert map_activity("fit", "cycling/indoor_cycling", {}) == AEROBIC


@pytest.mark.parametrize(
    ("name", "mapping"),
    [
        ("Running", AEROBIC),
        ("Biking", AEROBIC),
        ("running", AEROBIC),
        ("hiking", WALKING),
        ("Yoga", ("mobility", "yoga")),
        ("Weight Training", RESISTANCE),
    ],
)
def test_gpx_and_tcx_types_map_by_the_same_words(name, mapping):
    assert map_activity("gpx", name, {}) == mapping
    assert map_activity("tcx", name, {}) == mapping


def test_no_word_means_two_different_things_across_sources():
    seen = {}
    for source in ("strava", "garmin", "apple", "fit"):
        for word, mapping in TABLES[source].items():
            assert seen.setdefault(word, mapping) == mapping, word
