"""A single FIT activity file (also gzipped), decoded by fitdecode.

Each `session` message becomes a session (imports.md section 3): start_time
(UTC) in the person's time zone; total elapsed time, else total timer time;
total distance in metres; average and maximum heart rate; workout_rpe (the
CR-10 scale times ten) / 10, halves up. The type is the sport, or
"sport/sub_sport" when the sub-sport says more than "generic".
A file without a session message (some devices write only records) becomes
one session from its records: first timestamp, elapsed time to the last, the
largest distance, and the mean and maximum heart rate.
The source id is the file's time_created and serial number (with the
session's number after the first).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import fitdecode

from journal.imports.parsers import safety
from journal.imports.parsers.base import (
    Item,
    Options,
    Progress,
    Rejected,
    RowProblem,
    UnreadableFile,
    session,
)

SOURCE = "fit"
STATES_UNIT = True
SESSION_FIELDS = (
    "start_time",
    "sport",
    "sub_sport",
    "total_elapsed_time",
    "total_timer_time",
    "total_distance",
    "avg_heart_rate",
    "max_heart_rate",
    "workout_rpe",
)


def detect(name: str, head: bytes) -> bool:
    return len(head) >= 12 and head[8:12] == b".FIT"


def _values(frame, names) -> dict:
    return {n: frame.get_value(n, fallback=None) for n in names}


def _decimal(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def source_type(sport, sub_sport) -> str:
    sport = "generic" if sport is None else str(sport)
    if sub_sport is None or str(sub_sport) == "generic":
        return sport
    return f"{sport}/{sub_sport}"


class _Records:
    """What a file without a session message still tells, from its records."""

    def __init__(self):
        self.first = self.last = None
        self.distance = None
        self.hr_sum = self.hr_count = 0
        self.hr_max = None

    def add(self, frame) -> None:
        stamp = frame.get_value("timestamp", fallback=None)
        if isinstance(stamp, dt.datetime):
            self.first = self.first or stamp
            self.last = stamp
        distance = frame.get_value("distance", fallback=None)
        if isinstance(distance, int | float):
            self.distance = max(self.distance or 0, distance)
        hr = frame.get_value("heart_rate", fallback=None)
        if isinstance(hr, int) and hr > 0:
            self.hr_sum += hr
            self.hr_count += 1
            self.hr_max = max(self.hr_max or 0, hr)

    def as_session(self, sport: dict) -> dict:
        return {
            "start_time": self.first,
            "sport": sport.get("sport"),
            "sub_sport": sport.get("sub_sport"),
            "total_elapsed_time": (self.last - self.first).total_seconds() if self.first else None,
            "total_distance": self.distance,
            "avg_heart_rate": self.hr_sum / self.hr_count if self.hr_count else None,
            "max_heart_rate": self.hr_max,
        }


def _decode(stream) -> tuple[dict, list[dict], _Records, dict]:
    file_id: dict = {}
    sport: dict = {}
    sessions: list[dict] = []
    records = _Records()
    try:
        with fitdecode.FitReader(
            stream,
            check_crc=fitdecode.CrcCheck.RAISE,
            error_handling=fitdecode.ErrorHandling.RAISE,
        ) as fit:
            for frame in fit:
                if frame.frame_type != fitdecode.FIT_FRAME_DATA:
                    continue
                if frame.name == "file_id" and not file_id:
                    file_id = _values(frame, ("time_created", "serial_number"))
                elif frame.name == "session":
                    sessions.append(_values(frame, SESSION_FIELDS))
                elif frame.name == "sport" and not sport:
                    sport = _values(frame, ("sport", "sub_sport"))
                elif frame.name == "record" and not sessions:
                    records.add(frame)
    except (fitdecode.FitError, ValueError, KeyError, TypeError, IndexError) as error:
        raise UnreadableFile(f"The FIT file is damaged or not a FIT file ({error}).") from None
    return file_id, sessions, records, sport


def read(path: Path, options: Options, progress: Progress = None) -> Iterator[Item]:
    with safety.open_input(path, None, progress) as stream:
        file_id, sessions, records, sport = _decode(stream)
    if not sessions:
        if records.first is None:
            raise UnreadableFile("The FIT file holds no activity.")
        sessions = [records.as_session(sport)]
    created = file_id.get("time_created")
    serial = file_id.get("serial_number")
    for number, values in enumerate(sessions, start=1):
        start = values.get("start_time")
        start = start if isinstance(start, dt.datetime) else None
        key = created if isinstance(created, dt.datetime) else start
        source_id = f"{key.isoformat() if key else ''}|{serial or ''}"
        if number > 1:
            source_id += f"|{number}"
        seconds = values.get("total_elapsed_time") or values.get("total_timer_time")
        rpe = values.get("workout_rpe")
        try:
            yield session(
                SOURCE,
                source_id,
                number,
                start,
                source_type(values.get("sport"), values.get("sub_sport")),
                options,
                seconds=_decimal(seconds),
                distance=_decimal(values.get("total_distance")),
                unit="m",
                avg_hr=_decimal(values.get("avg_heart_rate")),
                max_hr=_decimal(values.get("max_heart_rate")),
                rpe=_decimal(rpe) / 10 if rpe is not None else None,
            )
        except RowProblem as problem:
            yield Rejected(number, str(problem))
