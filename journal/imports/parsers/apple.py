"""Apple Health: export.zip, or the export.xml inside it (often 1-4 GB).

The XML is streamed through expat (the parser under ElementTree and
defusedxml) with the guards defusedxml installs: any entity declaration
refuses the file (no billion laughs), external entities and parameter
entities are never read; Apple's own DTD of element declarations is allowed.
No tree is built: only a <Workout>'s attributes and those of its own
<WorkoutStatistics> (not those of a nested <WorkoutActivity>) are kept until
the workout ends, so memory stays flat whatever the file's size. This is
defusedxml's iterparse without the tree it would have to clear: it needs
about a third less CPU. Only <Workout> elements become sessions
(imports.md section 3):
- date, start_time: startDate, with its offset, in the person's time zone;
- minutes: duration in durationUnit;
- distance: totalDistance in totalDistanceUnit; exports from iOS 16 on leave
  it out and give a <WorkoutStatistics> distance sum instead, which is used
  then (it is the same figure, moved);
- heart rates: the <WorkoutStatistics type="HKQuantityTypeIdentifierHeartRate">
  average and maximum.
The source id is the start time and the activity type.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path, PurePosixPath

from journal.imports.parsers import safety
from journal.imports.parsers.base import (
    UNIT_KM,
    Item,
    Options,
    Progress,
    Rejected,
    RowProblem,
    UnreadableFile,
    number,
    session,
)

SOURCE = "apple"
STATES_UNIT = True
HEART_RATE = "HKQuantityTypeIdentifierHeartRate"
DISTANCE = "HKQuantityTypeIdentifierDistance"
SECONDS = {"s": 1, "sec": 1, "min": 60, "hr": 3600, "h": 3600}


def detect(name: str, head: bytes) -> bool:
    text = safety.text_head(head)
    return "<HealthData" in text or "<!DOCTYPE HealthData" in text


def pick(names: list[str]) -> str | None:
    found = [n for n in names if PurePosixPath(n).name.lower() == "export.xml"]
    return min(found, key=lambda n: (n.count("/"), n)) if found else None


def parse_date(text: str | None) -> dt.datetime | None:
    """Apple's "2026-04-01 18:18:55 +0200", as an aware datetime."""
    if not text or not text.strip():
        return None
    try:
        return dt.datetime.strptime(text.strip(), "%Y-%m-%d %H:%M:%S %z")
    except ValueError:
        raise RowProblem(f"the start date {text[:40]!r} is not one Apple writes") from None


def _seconds(workout) -> Decimal | None:
    value = number(workout.get("duration"), "the duration")
    unit = (workout.get("durationUnit") or "min").strip()
    if value is None:
        return None
    if unit not in SECONDS:
        raise RowProblem(f"the duration unit {unit[:20]!r} is not one Apple writes")
    return value * SECONDS[unit]


def _distance(workout, statistics) -> tuple[Decimal | None, str]:
    value = number(workout.get("totalDistance"), "the distance")
    unit = (workout.get("totalDistanceUnit") or "km").strip()
    if value is None:
        for stat in statistics:
            if (stat.get("type") or "").startswith(DISTANCE) and stat.get("sum"):
                value = number(stat.get("sum"), "the distance")
                unit = (stat.get("unit") or "km").strip()
                break
    if value is not None and unit not in UNIT_KM:
        raise RowProblem(f"the distance unit {unit[:20]!r} is not one Apple writes")
    return value, unit


def _workout(workout: dict, statistics: list[dict], line: int, options: Options):
    kind = (workout.get("workoutActivityType") or "").strip()
    start = parse_date(workout.get("startDate"))
    heart = next((s for s in statistics if s.get("type") == HEART_RATE), {})
    distance, unit = _distance(workout, statistics)
    return session(
        SOURCE,
        f"{start.isoformat()}|{kind}" if start else "",
        line,
        start,
        kind,
        options,
        seconds=_seconds(workout),
        distance=distance,
        unit=unit,
        avg_hr=number(heart.get("average"), "the average heart rate"),
        max_hr=number(heart.get("maximum"), "the maximum heart rate"),
    )


def read(path: Path, options: Options, progress: Progress = None) -> Iterator[Item]:
    found: list[Item] = []
    depth = at = count = 0  # at: the depth of the open <Workout>, 0 when none
    workout: dict = {}
    statistics: list[dict] = []

    def start(name, attrs):
        nonlocal depth, at, workout, statistics
        depth += 1
        if name == "Workout" and not at:
            at, workout, statistics = depth, attrs, []
        elif name == "WorkoutStatistics" and at and depth == at + 1 and len(statistics) < 100:
            statistics.append(attrs)
        elif depth == 1 and name != "HealthData":
            raise UnreadableFile("This is not an Apple Health export.xml.")

    def end(name):
        nonlocal depth, at, count
        if depth == at:
            count += 1
            try:
                found.append(_workout(workout, statistics, count, options))
            except RowProblem as problem:
                found.append(Rejected(count, str(problem)))
            at = 0
        depth -= 1

    parser = safety.xml_parser()
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    with safety.open_input(path, pick, progress) as stream, safety.xml_errors("Apple Health"):
        for _ in safety.feed(parser, stream):
            yield from found
            found.clear()
