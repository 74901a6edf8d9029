"""Activity types of each source and what they become (imports.md section 2).

A type is matched on its letters and digits only, case-folded, so "Trail Run",
"TrailRun" and "trail_run" are one type; Apple's HKWorkoutActivityType prefix
is dropped. A type in none of the lists maps to None: the preview shows it as
unknown and the import saves it as mixed unless the person maps it.
"""

from __future__ import annotations

import re

AEROBIC = ("aerobic", "")
WALKING = ("walking", "")
HIIT = ("hiit", "")
RESISTANCE = ("resistance", "")
MIXED = ("mixed", "")


def mobility(style: str) -> tuple[str, str]:
    return ("mobility", style)


def _rows(*groups: tuple[tuple[str, str], str]) -> dict[str, tuple[str, str]]:
    table = {}
    for mapping, names in groups:
        for name in names.split(","):
            table[key(name)] = mapping
    return table


def key(source_type: str) -> str:
    text = source_type.strip()
    if text.startswith("HKWorkoutActivityType"):
        text = text[len("HKWorkoutActivityType") :]
    return re.sub(r"[^0-9a-z/]", "", text.casefold())


TABLES = {
    "strava": _rows(
        (
            AEROBIC,
            "Run,Trail Run,Virtual Run,Ride,Virtual Ride,Gravel Ride,Mountain Bike Ride,"
            "Swim,Rowing,Elliptical,Stair-Stepper,Nordic Ski,Canoeing,Kayaking,Inline Skate,"
            # imports.md "Real files": Strava also writes "Canoe".
            "Canoe",
        ),
        (WALKING, "Walk,Hike"),
        # Strava writes the name with and without its abbreviation.
        (HIIT, "High Intensity Interval Training (HIIT),High Intensity Interval Training"),
        (RESISTANCE, "Weight Training"),
        (MIXED, "Workout,Crossfit,Soccer,Tennis,Badminton,Squash,Rock Climbing,Boxing"),
        (mobility("yoga"), "Yoga"),
        (mobility("pilates"), "Pilates"),
    ),
    "garmin": _rows(
        (
            AEROBIC,
            "Running,Treadmill Running,Trail Running,Cycling,Indoor Cycling,Road Cycling,"
            "Mountain Biking,Lap Swimming,Open Water Swimming,Indoor Rowing,Rowing,Elliptical,"
            "Stair Stepper,Cross Country Classic Skiing,"
            # imports.md "Real files": the names Garmin Connect writes for swims.
            "Pool Swim,Pool Swimming",
        ),
        (WALKING, "Walking,Hiking,Casual Walking"),
        (HIIT, "HIIT"),
        (RESISTANCE, "Strength Training"),
        (MIXED, "Cardio,Boxing,Soccer,Tennis"),
        (mobility("yoga"), "Yoga"),
        (mobility("pilates"), "Pilates"),
        (mobility("other"), "Breathwork"),
    ),
    "apple": _rows(
        (
            AEROBIC,
            "Running,Cycling,Swimming,Rowing,Elliptical,StairClimbing,CrossCountrySkiing,"
            "PaddleSports",
        ),
        (WALKING, "Walking,Hiking"),
        (HIIT, "HighIntensityIntervalTraining"),
        (RESISTANCE, "TraditionalStrengthTraining,FunctionalStrengthTraining"),
        (MIXED, "CrossTraining,MixedCardio,Soccer,Tennis,Boxing,Dance"),
        (mobility("yoga"), "Yoga"),
        (mobility("pilates"), "Pilates"),
        (mobility("stretching"), "Flexibility"),
        (mobility("other"), "MindAndBody"),
        (mobility("tai_chi"), "TaiChi"),
    ),
    # FIT types are "sport" or "sport/sub_sport"; the full pair is looked up
    # first, then the sport alone (so "running/trail" is running).
    "fit": _rows(
        (
            AEROBIC,
            "running,cycling,swimming,rowing,cross_country_skiing,paddling,"
            "fitness_equipment/indoor_rowing",
        ),
        (WALKING, "walking,hiking"),
        (HIIT, "training/hiit"),
        (RESISTANCE, "training/strength_training"),
        (MIXED, "training,generic"),
        (mobility("yoga"), "training/yoga"),
        (mobility("pilates"), "training/pilates"),
        (mobility("stretching"), "training/flexibility_training"),
    ),
}
# GPX <type> and TCX Sport: "by the same words" as the other sources, plus
# TCX's own "Biking". TCX's "Other" names no sport, so it stays unknown.
TABLES["gpx"] = {
    **TABLES["fit"],
    **TABLES["apple"],
    **TABLES["garmin"],
    **TABLES["strava"],
    key("Biking"): AEROBIC,
    # Strava's GPX files write a number in <type>. Only the codes public files
    # confirm are read: 1 in Strava GPX files named "Morning Ride", 9 in
    # "Afternoon Run" / "Evening Run" (creator "StravaGPX"). Others stay unknown.
    "1": AEROBIC,
    "9": AEROBIC,
}
TABLES["tcx"] = {k: v for k, v in TABLES["gpx"].items() if not k.isdigit()}


def map_activity(
    source: str, source_type: str, overrides: dict[str, tuple[str, str]] | None = None
) -> tuple[str, str] | None:
    """(activity, style) for a source's type, the person's mapping first; None = unknown."""
    if overrides and source_type in overrides:
        return tuple(overrides[source_type])
    table = TABLES.get(source, {})
    found = key(source_type)
    if found in table:
        return table[found]
    if "/" in found:  # a FIT sport/sub_sport pair the table does not name
        return table.get(found.split("/", 1)[0])
    return None
