"""Apple Health: export.zip, or the export.xml inside it (often 1-4 GB).

The XML is streamed with defusedxml's iterparse (no entity declarations, no
external entities; Apple's own DTD of element declarations is allowed), and
every finished element is dropped from the tree as soon as it has been seen,
so memory stays flat whatever the file's size. Only <Workout> elements
become sessions (imports.md section 3):
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
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from journal.importers import safety
from journal.importers.base import (
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


def _workout(workout, line: int, options: Options):
    kind = (workout.get("workoutActivityType") or "").strip()
    start = parse_date(workout.get("startDate"))
    statistics = workout.findall("WorkoutStatistics")
    heart = next((s.attrib for s in statistics if s.get("type") == HEART_RATE), {})
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
    with safety.open_input(path, pick, progress) as stream:
        events = iterparse(stream, events=("start", "end"), forbid_dtd=False)
        root = None
        workouts = 0
        try:
            for event, element in events:
                if root is None:
                    root = element
                    if element.tag != "HealthData":
                        raise UnreadableFile("This is not an Apple Health export.xml.")
                if event == "start":
                    continue
                if element.tag == "Workout":
                    workouts += 1
                    try:
                        yield _workout(element, workouts, options)
                    except RowProblem as problem:
                        yield Rejected(workouts, str(problem))
                # Everything of interest has been read at its end: drop what the
                # tree holds so far. Open elements (a Workout still being read)
                # stay alive on the parser's stack.
                root.clear()
        except DefusedXmlException:
            raise UnreadableFile(
                "The XML declares entities, which an Apple Health export never does; "
                "it was not read."
            ) from None
        except ParseError as error:
            raise UnreadableFile(f"The XML is not well formed ({error}).") from None
