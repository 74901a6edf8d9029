"""Small import files the importer tests build themselves (no real person's data).

Also used by bench/imports.py to generate large exports.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import struct
import zipfile
from collections.abc import Iterator

import fitdecode.profile
from fitdecode.utils import compute_crc

# --- CSV ---------------------------------------------------------------------

STRAVA_HEADER = [
    "Activity ID",
    "Activity Date",
    "Activity Name",
    "Activity Type",
    "Activity Description",
    "Elapsed Time",
    "Distance",
    "Max Heart Rate",
    "Relative Effort",
    "Commute",
    "Elapsed Time",
    "Moving Time",
    "Distance",
    "Max Speed",
    "Max Heart Rate",
    "Average Heart Rate",
    "Calories",
    "Perceived Exertion",
]
# Strava writes the first three repeated columns in display units and the
# later ones in SI units; the figures differ on purpose so a test can tell
# which column was read.
STRAVA_DEFAULT = {
    "id": "1001",
    "date": "Apr 1, 2026, 6:18:55 PM",
    "name": "Evening run",
    "type": "Run",
    "description": "",
    "elapsed": "1830",
    "distance": "5.02",
    "max_hr": "171",
    "elapsed_si": "9999.0",
    "distance_si": "5020.4",
    "max_hr_si": "199.0",
    "avg_hr": "150.5",
    "rpe": "",
}


def csv_text(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def strava_row(**values: str) -> list[str]:
    v = {**STRAVA_DEFAULT, **values}
    v.setdefault("moving", v["elapsed"])  # Moving Time: the first Elapsed Time unless given
    return [
        v["id"],
        v["date"],
        v["name"],
        v["type"],
        v["description"],
        v["elapsed"],
        v["distance"],
        v["max_hr"],
        "40",
        "false",
        v["elapsed_si"],
        v["moving"],
        v["distance_si"],
        "4.1",
        v["max_hr_si"],
        v["avg_hr"],
        "500",
        v["rpe"],
    ]


def strava_csv(*rows: dict, si: bool = True) -> str:
    """activities.csv; si=False gives an old export without the SI columns."""
    header = STRAVA_HEADER if si else STRAVA_HEADER[:10]
    body = [strava_row(**r) if si else strava_row(**r)[:10] for r in rows]
    return csv_text([header, *body])


GARMIN_HEADER = [
    "Activity Type",
    "Date",
    "Favorite",
    "Title",
    "Distance",
    "Calories",
    "Time",
    "Avg HR",
    "Max HR",
    "Aerobic TE",
    "Moving Time",
    "Elapsed Time",
]
GARMIN_DEFAULT = {
    "type": "Running",
    "date": "2026-04-01 18:18:55",
    "title": "Paris Running",
    "distance": "5.02",
    "time": "00:30:30",
    "avg_hr": "150",
    "max_hr": "171",
}


def garmin_csv(*rows: dict) -> str:
    body = []
    for r in rows:
        v = {**GARMIN_DEFAULT, **r}
        body.append(
            [
                v["type"],
                v["date"],
                "false",
                v["title"],
                v["distance"],
                "1,234",
                v["time"],
                v["avg_hr"],
                v["max_hr"],
                "--",
                v.get("moving", v["time"]),
                v["time"],
            ]
        )
    return csv_text([GARMIN_HEADER, *body])


DAYLIO_CURRENT = [
    "full_date",
    "date",
    "weekday",
    "time",
    "mood",
    "activities",
    "note_title",
    "note",
]
DAYLIO_SCALES = [*DAYLIO_CURRENT[:6], "scales", *DAYLIO_CURRENT[6:]]
DAYLIO_LEGACY = ["year", "date", "weekday", "time", "mood", "activities", "note"]


def daylio_csv(header: list[str], *rows: dict) -> str:
    return csv_text([header, *([r.get(h, "") for h in header] for r in rows)])


# --- Apple Health -------------------------------------------------------------

APPLE_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE HealthData [
<!-- HealthKit Export Version: 11 -->
<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary)*)>
<!ATTLIST HealthData
  locale CDATA #REQUIRED
>
<!ELEMENT Workout ((MetadataEntry|WorkoutEvent|WorkoutStatistics|WorkoutRoute)*)>
<!ATTLIST Workout
  workoutActivityType   CDATA #REQUIRED
  duration              CDATA #IMPLIED
  durationUnit          CDATA #IMPLIED
>
]>
<HealthData locale="en_GB">
 <ExportDate value="2026-04-02 08:00:00 +0100"/>
 <Me HKCharacteristicTypeIdentifierBiologicalSex="HKBiologicalSexNotSet"/>
"""
APPLE_TAIL = "</HealthData>\n"


def apple_workout(
    kind: str = "Running",
    start: str = "2026-04-01 18:18:55 +0200",
    duration: str | None = "30.5",
    duration_unit: str = "min",
    distance: str | None = "5.024",
    distance_unit: str = "km",
    heart: tuple[str, str] | None = ("150.5", "171"),
    extra: str = "",
) -> str:
    attrs = [f'workoutActivityType="HKWorkoutActivityType{kind}"']
    if duration is not None:
        attrs.append(f'duration="{duration}" durationUnit="{duration_unit}"')
    if distance is not None:
        attrs.append(f'totalDistance="{distance}" totalDistanceUnit="{distance_unit}"')
    attrs.append(f'sourceName="Watch" creationDate="{start}" startDate="{start}" endDate="{start}"')
    children = ['  <MetadataEntry key="HKIndoorWorkout" value="0"/>']
    if heart is not None:
        children.append(
            f'  <WorkoutStatistics type="HKQuantityTypeIdentifierHeartRate" startDate="{start}"'
            f' endDate="{start}" average="{heart[0]}" minimum="90" maximum="{heart[1]}"'
            ' unit="count/min"/>'
        )
    children.append(extra)
    return f" <Workout {' '.join(attrs)}>\n" + "\n".join(children) + "\n </Workout>\n"


def apple_xml(*workouts: str) -> str:
    return APPLE_HEAD + "".join(workouts) + APPLE_TAIL


def apple_export_chunks(target_bytes: int, seed: int = 1) -> Iterator[str]:
    """An export.xml of about target_bytes: heart-rate records as Apple writes
    them, with a running workout after every 200 records."""
    yield APPLE_HEAD
    size = len(APPLE_HEAD)
    moment = dt.datetime(2016, 1, 1, 6, 0)
    rnd = random.Random(seed)
    n = 0
    while size < target_bytes:
        parts = []
        for _ in range(1000):
            moment += dt.timedelta(seconds=rnd.randint(30, 400))
            s = moment.strftime("%Y-%m-%d %H:%M:%S +0100")
            parts.append(
                f' <Record type="HKQuantityTypeIdentifierHeartRate" sourceName="Watch"'
                f' sourceVersion="10.1" device="&lt;&lt;HKDevice: 0x28{n:07x}&gt;, name:Apple'
                f' Watch, model:Watch, software:10.1&gt;" unit="count/min" creationDate="{s}"'
                f' startDate="{s}" endDate="{s}" value="{rnd.randint(50, 170)}">\n'
                f'  <MetadataEntry key="HKMetadataKeyHeartRateMotionContext"'
                f' value="{rnd.randint(0, 2)}"/>\n </Record>\n'
            )
            n += 1
            if n % 200 == 0:
                parts.append(
                    apple_workout(
                        start=s,
                        duration=str(rnd.randint(1000, 4000) / 100),
                        distance=str(rnd.randint(100, 1500) / 100),
                        heart=(str(rnd.randint(1200, 1700) / 10), str(rnd.randint(171, 190))),
                    )
                )
        block = "".join(parts)
        size += len(block)
        yield block
    yield APPLE_TAIL


# --- GPX / TCX ----------------------------------------------------------------


def gpx_xml(
    kind: str | None = "running", points: list[tuple[str, int | None]] | None = None
) -> str:
    points = points or [
        ("2026-03-29T00:30:00Z", 120),
        ("2026-03-29T00:45:00Z", 150),
        ("2026-03-29T01:00:30Z", 181),
    ]
    coords = [(48.8566, 2.3522), (48.8600, 2.3522), (48.8650, 2.3522)]
    rows = []
    for (time, hr), (lat, lon) in zip(points, coords * 10, strict=False):
        ext = (
            f"<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>{hr}</gpxtpx:hr>"
            "</gpxtpx:TrackPointExtension></extensions>"
            if hr is not None
            else ""
        )
        rows.append(f'<trkpt lat="{lat}" lon="{lon}"><time>{time}</time>{ext}</trkpt>')
    type_ = f"<type>{kind}</type>" if kind is not None else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1"'
        ' xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">'
        f"<trk><name>Night run</name>{type_}<trkseg>{''.join(rows)}</trkseg></trk></gpx>\n"
    )


def tcx_xml(sport: str = "Running", laps: list[tuple[str, str, str]] | None = None) -> str:
    """laps: (StartTime, TotalTimeSeconds, DistanceMeters)."""
    laps = laps or [
        ("2026-03-29T00:30:00Z", "900.0", "2500.4"),
        ("2026-03-29T00:45:00Z", "930.4", "2520.0"),
    ]
    body = []
    for i, (start, seconds, metres) in enumerate(laps):
        body.append(
            f'<Lap StartTime="{start}"><TotalTimeSeconds>{seconds}</TotalTimeSeconds>'
            f"<DistanceMeters>{metres}</DistanceMeters>"
            "<AverageHeartRateBpm><Value>99</Value></AverageHeartRateBpm>"
            "<Track>"
            f"<Trackpoint><Time>{start}</Time><HeartRateBpm><Value>{140 + i * 20}</Value>"
            "</HeartRateBpm></Trackpoint>"
            f"<Trackpoint><Time>{start}</Time><HeartRateBpm><Value>{151 + i * 20}</Value>"
            "</HeartRateBpm></Trackpoint>"
            "</Track></Lap>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/'
        'TrainingCenterDatabase/v2"><Activities>'
        f'<Activity Sport="{sport}"><Id>{laps[0][0]}</Id>{"".join(body)}</Activity>'
        "</Activities></TrainingCenterDatabase>\n"
    )


# --- FIT ----------------------------------------------------------------------
# A minimal FIT encoder for tests only (the importer decodes with fitdecode).

FIT_EPOCH = dt.datetime(1989, 12, 31, tzinfo=dt.UTC)
_BASE = {"enum": (0x00, "B"), "uint8": (0x02, "B"), "uint16": (0x84, "H"), "uint32": (0x86, "I")}
_BASE["uint32z"] = (0x8C, "I")


def _enum(type_name: str, value: str | int) -> int:
    if isinstance(value, int):
        return value
    values = fitdecode.profile.FIELD_TYPES[type_name].enum
    return next(k for k, v in values.items() if v == value)


def _stamp(moment: dt.datetime) -> int:
    return int((moment - FIT_EPOCH).total_seconds())


def _message(local: int, global_num: int, fields: list[tuple[int, str, int]]) -> bytes:
    """A definition then a data message; fields: (number, base type, raw value)."""
    definition = struct.pack("<BBBHB", 0x40 | local, 0, 0, global_num, len(fields))
    data = bytes([local])
    for number, base, value in fields:
        code, fmt = _BASE[base]
        definition += bytes([number, struct.calcsize(fmt), code])
        data += struct.pack("<" + fmt, value)
    return definition + data


def fit_file(
    start: dt.datetime = dt.datetime(2026, 3, 29, 0, 30, tzinfo=dt.UTC),
    sport: str | int = "running",
    sub_sport: str | int = "generic",
    elapsed: float | None = 1830.4,
    distance_m: float = 5020.4,
    avg_hr: int = 151,
    max_hr: int = 181,
    rpe: int | None = None,
    serial: int = 3_900_000_001,
    session: bool = True,
    corrupt_crc: bool = False,
    undefined_developer_field: bool = False,
) -> bytes:
    body = _message(
        0,
        0,  # file_id
        [(0, "enum", 4), (3, "uint32z", serial), (4, "uint32", _stamp(start) - 60)],
    )
    for i, hr in enumerate((avg_hr - 10, max_hr)):
        body += _message(
            1,
            20,  # record
            [(253, "uint32", _stamp(start) + i * 600), (3, "uint8", hr), (5, "uint32", i * 100)],
        )
    if undefined_developer_field:  # a record with a developer field no message defines
        body += struct.pack("<BBBHB", 0x60 | 3, 0, 0, 20, 1) + bytes([253, 4, 0x86])
        body += bytes([1, 0, 1, 0])  # one developer field: number 0, 1 byte, index 0
        body += bytes([3]) + struct.pack("<I", _stamp(start) + 5) + bytes([7])
    if session:
        fields = [
            (2, "uint32", _stamp(start)),
            (5, "enum", _enum("sport", sport)),
            (6, "enum", _enum("sub_sport", sub_sport)),
            (9, "uint32", round(distance_m * 100)),
            (16, "uint8", avg_hr),
            (17, "uint8", max_hr),
        ]
        if elapsed is not None:
            fields.append((7, "uint32", round(elapsed * 1000)))
        if rpe is not None:
            fields.append((193, "uint8", rpe))
        body += _message(2, 18, fields)
    header = struct.pack("<BBHI4s", 14, 0x20, 2132, len(body), b".FIT")
    header += struct.pack("<H", compute_crc(header))
    crc = compute_crc(header + body)
    if corrupt_crc:
        crc ^= 0xFFFF
    return header + body + struct.pack("<H", crc)


# --- Zips ---------------------------------------------------------------------


def zip_bytes(members: dict[str, bytes | str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()
