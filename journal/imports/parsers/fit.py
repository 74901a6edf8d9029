"""A single FIT activity file (also gzipped), decoded by fitdecode.

Each `session` message becomes a session (imports.md section 3 and "Real
files"): it starts where its first lap starts (the laps that end within the
session's span: a multisport file's first session can carry a start_time 45
minutes after its lap and records begin), else at its own start_time (UTC),
in the person's time zone; minutes are total_timer_time (the moving time),
else total_elapsed_time; total distance in metres; average and maximum heart
rate; workout_rpe (the CR-10 scale times ten) / 10, halves up. The type is the
sport, or "sport/sub_sport" when the sub-sport says more than "generic".
A multisport file's `transition` sessions are not sessions: they are left out.
A file without a session message (some devices write only records) becomes
one session from its records: first timestamp, elapsed time to the last, the
largest distance, and the mean and maximum heart rate.

A file damaged part-way (a bad CRC, a truncated end, a misaligned field) is
read up to the damage with fitdecode's lenient options; what was read is
imported with a warning, and only a file with nothing usable is refused.
Timestamps below 0x10000000 count seconds from when the device started
(fitdecode leaves them as numbers): such a file is dated from its activity
message's local_timestamp, or refused, never dated 1990.

The source id is the file's time_created and serial number (with the
session's place in the file after the first).
"""

from __future__ import annotations

import datetime as dt
import warnings
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
    "timestamp",
    "sport",
    "sub_sport",
    "total_elapsed_time",
    "total_timer_time",
    "total_distance",
    "avg_heart_rate",
    "max_heart_rate",
    "workout_rpe",
)
LAP_FIELDS = ("start_time", "timestamp", "total_elapsed_time")
LENIENT = {"check_crc": fitdecode.CrcCheck.WARN, "error_handling": fitdecode.ErrorHandling.WARN}


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
        if isinstance(stamp, dt.datetime | int):
            self.first = self.first if self.first is not None else stamp
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
        span = None
        if self.first is not None and type(self.first) is type(self.last):
            span = self.last - self.first
            span = span.total_seconds() if isinstance(span, dt.timedelta) else span
        return {
            "start_time": self.first,
            "sport": sport.get("sport"),
            "sub_sport": sport.get("sub_sport"),
            "total_elapsed_time": span,
            "total_distance": self.distance,
            "avg_heart_rate": self.hr_sum / self.hr_count if self.hr_count else None,
            "max_heart_rate": self.hr_max,
        }


class _File:
    """Every message the import reads, up to the end or the damage."""

    def __init__(self):
        self.file_id: dict = {}
        self.sport: dict = {}
        self.activity: dict = {}
        self.sessions: list[dict] = []
        self.laps: list[dict] = []
        self.records = _Records()
        self.damage: str | None = None

    def add(self, frame) -> None:
        if frame.frame_type != fitdecode.FIT_FRAME_DATA:
            return
        if frame.name == "file_id" and not self.file_id:
            self.file_id = _values(frame, ("time_created", "serial_number"))
        elif frame.name == "session":
            self.sessions.append(_values(frame, SESSION_FIELDS))
        elif frame.name == "lap":
            self.laps.append(_values(frame, LAP_FIELDS))
        elif frame.name == "sport" and not self.sport:
            self.sport = _values(frame, ("sport", "sub_sport"))
        elif frame.name == "activity" and not self.activity:
            self.activity = _values(frame, ("timestamp", "local_timestamp"))
        elif frame.name == "record" and not self.sessions:
            self.records.add(frame)


def _decode(stream) -> _File:
    found = _File()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            with fitdecode.FitReader(stream, **LENIENT) as fit:
                for frame in fit:
                    found.add(frame)
        except (fitdecode.FitError, ValueError, KeyError, TypeError, IndexError) as error:
            found.damage = _damage_words(error)
    damaged = [str(w.message) for w in caught if _is_damage(str(w.message))]
    if found.damage is None and damaged:
        found.damage = _damage_words(damaged[0])
    return found


def _damage_words(problem) -> str:
    """fitdecode's complaint in plain words."""
    if isinstance(problem, fitdecode.FitEOFError):
        return "it ends early"
    if isinstance(problem, fitdecode.FitHeaderError):
        return "a part of it after the activity is not FIT data"
    text = str(problem) or type(problem).__name__
    if "CRC" in text:
        return "its checksum does not match its contents"
    return text.split(" (")[0][:100]


def _is_damage(message: str) -> bool:
    """fitdecode's lenient warnings that mean damage: a CRC that does not match, a field
    whose size its type cannot have. A developer field no message defines is not damage
    (fitdecode's default settings read such a file cleanly; we read no developer field)."""
    return "CRC" in message or "invalid field size" in message


def _relative(value) -> bool:
    """A timestamp below 0x10000000 (seconds since the device started): fitdecode
    leaves it as an int."""
    return isinstance(value, int) and not isinstance(value, bool)


def _clock(found: _File):
    """A function from a FIT timestamp to a datetime: aware UTC for the usual
    absolute times; naive local times for a file of relative times, from the
    activity's local_timestamp (the local time of its own relative timestamp)."""
    local, stamp = found.activity.get("local_timestamp"), found.activity.get("timestamp")
    if isinstance(local, dt.datetime) and _relative(stamp) and local.year > 1990:
        origin = local.replace(tzinfo=None) - dt.timedelta(seconds=stamp)
    else:
        origin = None

    def clock(value):
        if isinstance(value, dt.datetime):
            return value
        if _relative(value):
            if origin is None:
                raise UnreadableFile(
                    "The FIT file counts its times from when the device was switched on and "
                    "does not say the local time, so the day it was recorded cannot be known."
                )
            return origin + dt.timedelta(seconds=value)
        return None

    return clock


def _comparable(*moments) -> bool:
    """All aware (absolute times) or all naive (a file of relative times)."""
    return len({m.tzinfo is None for m in moments if m is not None}) == 1


def _start(values: dict, laps: list[dict], clock) -> dt.datetime | None:
    """Where the session's first lap starts (laps ending within the session); its own
    start_time when it has no laps."""
    start = clock(values.get("start_time"))
    if start is None:
        return None
    end = clock(values.get("timestamp"))
    if end is None and values.get("total_elapsed_time"):
        end = start + dt.timedelta(seconds=float(values["total_elapsed_time"]))
    for lap in laps:
        lap_start = clock(lap.get("start_time"))
        lap_end = clock(lap.get("timestamp"))
        if lap_end is None and lap_start is not None and lap.get("total_elapsed_time"):
            lap_end = lap_start + dt.timedelta(seconds=float(lap["total_elapsed_time"]))
        if lap_start is None or lap_end is None or not _comparable(start, lap_end, end):
            continue
        if start < lap_end and (end is None or lap_end <= end):
            return lap_start
    return start


def read(path: Path, options: Options, progress: Progress = None) -> Iterator[Item]:
    with safety.open_input(path, None, progress) as stream:
        found = _decode(stream)
    sessions = found.sessions
    if not sessions:
        if found.records.first is None:
            if found.damage:
                raise UnreadableFile(
                    f"The FIT file is damaged ({found.damage}) and nothing in it could be "
                    "read as an activity."
                )
            raise UnreadableFile("The FIT file holds no activity.")
        sessions = [found.records.as_session(found.sport)]
    clock = _clock(found)
    notes = ()
    if found.damage:
        notes = (
            f"the file is damaged ({found.damage}): what was read before the damage was imported",
        )
    created = clock(found.file_id.get("time_created"))
    serial = found.file_id.get("serial_number")
    for number, values in enumerate(sessions, start=1):
        if str(values.get("sport")) == "transition":
            continue  # a multisport file's changeover is not a session
        start = _start(values, found.laps, clock)
        key = created or start
        source_id = f"{key.isoformat() if key else ''}|{serial or ''}"
        if number > 1:
            source_id += f"|{number}"
        seconds = values.get("total_timer_time") or values.get("total_elapsed_time")
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
                warnings=notes,
            )
        except RowProblem as problem:
            yield Rejected(number, str(problem))
