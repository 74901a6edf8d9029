"""A single TCX file (also gzipped): Garmin's Training Center XML.

Streamed through the guarded expat parser of safety.py (no entities, no
external entities). Each <Activity> becomes a session: its first lap's
StartTime (UTC; else its <Id>) in the person's time zone, the sum of its laps'
TotalTimeSeconds and DistanceMeters, and its Sport ("Running", "Biking";
"Other" is unknown). Heart rate (imports.md section 3): when every lap has its
AverageHeartRateBpm and MaximumHeartRateBpm (the device computed them from
every sample), the laps' averages weighted by their TotalTimeSeconds and the
highest maximum; otherwise the mean and maximum of the track points.
The source id is the activity's <Id> (its start time) and the sport.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from journal.imports.parsers import safety
from journal.imports.parsers.base import (
    Item,
    Options,
    Progress,
    Rejected,
    RowProblem,
    UnreadableFile,
    number,
    session,
)

SOURCE = "tcx"
STATES_UNIT = True
TEXT = {"Id", "TotalTimeSeconds", "DistanceMeters", "Value"}
LAP_MAX = ["Lap", "MaximumHeartRateBpm"]


def detect(name: str, head: bytes) -> bool:
    return "<TrainingCenterDatabase" in safety.text_head(head)[:4096]


def parse_time(text: str | None) -> dt.datetime | None:
    if not text or not text.strip():
        return None
    try:
        moment = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise RowProblem(f"the time {text.strip()[:40]!r} is not one TCX writes") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


class _Activity:
    def __init__(self, sport: str):
        self.sport = sport
        self.id = ""
        self.start: str | None = None
        self.seconds: list[str] = []
        self.metres: list[str] = []
        self.rate_sum = Decimal(0)
        self.rate_count = 0
        self.rate_max: Decimal | None = None
        self.problem: RowProblem | None = None
        self.lap_rates: list[dict[str, str]] = []  # each lap's own avg and max, as written

    def add_rate(self, text: str) -> None:
        """Track points are summed as they come: a long ride has thousands."""
        try:
            rate = number(text, "a heart rate")
        except RowProblem as problem:
            self.problem = self.problem or problem
            return
        if rate:
            self.rate_sum += rate
            self.rate_count += 1
            self.rate_max = max(self.rate_max or rate, rate)

    def _lap_heart_rate(self, seconds: list) -> tuple[Decimal, Decimal] | None:
        """The laps' own average (weighted by lap time) and maximum, when every lap has them."""
        laps = self.lap_rates
        if not laps or len(laps) != len(seconds) or not all(len(lap) == 2 for lap in laps):
            return None
        averages = [number(lap["avg"], "a lap's average heart rate") for lap in laps]
        maxima = [number(lap["max"], "a lap's maximum heart rate") for lap in laps]
        if None in averages or None in maxima or None in seconds or sum(seconds) <= 0:
            return None
        weighted = sum(a * t for a, t in zip(averages, seconds, strict=True)) / sum(seconds)
        return weighted, max(maxima)

    def build(self, line: int, options: Options):
        if self.problem:
            raise self.problem
        start = parse_time(self.start or self.id)
        seconds = [number(t, "a lap's time") for t in self.seconds]
        metres = [number(m, "a lap's distance") for m in self.metres]
        from_laps = self._lap_heart_rate(seconds)
        if from_laps:
            avg_hr, max_hr = from_laps
        else:
            avg_hr = self.rate_sum / self.rate_count if self.rate_count else None
            max_hr = self.rate_max
        return session(
            SOURCE,
            f"{self.id.strip() or (start.isoformat() if start else '')}|{self.sport}",
            line,
            start,
            self.sport,
            options,
            seconds=sum((s for s in seconds if s), Decimal(0)) or None,
            distance=sum((m for m in metres if m), Decimal(0)) or None,
            unit="m",
            avg_hr=avg_hr,
            max_hr=max_hr,
        )


def read(path: Path, options: Options, progress: Progress = None) -> Iterator[Item]:
    found: list[Item] = []
    stack: list[str] = []
    text: list[str] = []
    activity: _Activity | None = None
    count = 0

    def start(name, attrs):
        nonlocal activity
        local = name.rsplit("}", 1)[-1]
        if not stack and local != "TrainingCenterDatabase":
            raise UnreadableFile("This is not a TCX file.")
        stack.append(local)
        if local == "Activity":
            activity = _Activity(attrs.get("Sport", "").strip())
        elif local == "Lap" and activity:
            activity.start = activity.start or attrs.get("StartTime")
            activity.lap_rates.append({})
        text.clear()

    def end(name):
        nonlocal activity, count
        local = stack.pop()
        parent = stack[-1] if stack else ""
        if activity is not None:
            value = "".join(text)
            if local == "Id" and parent == "Activity":
                activity.id = value
            elif local == "TotalTimeSeconds" and parent == "Lap":
                activity.seconds.append(value)
            elif local == "DistanceMeters" and parent == "Lap":
                activity.metres.append(value)
            elif local == "Value" and parent == "HeartRateBpm" and stack[-2:-1] == ["Trackpoint"]:
                activity.add_rate(value)
            elif local == "Value" and stack[-2:] in (["Lap", "AverageHeartRateBpm"], LAP_MAX):
                if activity.lap_rates:
                    activity.lap_rates[-1]["avg" if parent.startswith("Average") else "max"] = value
            elif local == "Activity":
                count += 1
                try:
                    found.append(activity.build(count, options))
                except RowProblem as problem:
                    found.append(Rejected(count, str(problem)))
                activity = None
        text.clear()

    def characters(data):
        if stack and stack[-1] in TEXT:
            text.append(data)

    parser = safety.xml_parser(namespace_separator="}")
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    with safety.open_input(path, None, progress) as stream, safety.xml_errors("a TCX file"):
        for _ in safety.feed(parser, stream):
            yield from found
            found.clear()
    if not count:
        raise UnreadableFile("The TCX file holds no activity.")
