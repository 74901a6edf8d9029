"""A single GPX track (also gzipped), read by gpxpy.

The file is first passed through the guarded expat parser of safety.py, so a
GPX declaring entities is refused before gpxpy sees it. Each <trk> with at
least two timed points becomes a session (imports.md "Real files"): its first
timed point's time in the person's time zone (a time without a zone is UTC),
the time from its first to its last timed point (GPX has no timer), its length
over the ground, the mean and maximum of the points' heart rates (the Garmin
TrackPointExtension <hr>), and its <type> mapped as the other sources' words;
no type is unknown. A track without times is no session: it is reported, and
a file with no timed track is refused.
The source id is the start time and the type.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import gpxpy
import gpxpy.gpx

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

SOURCE = "gpx"
STATES_UNIT = True


def detect(name: str, head: bytes) -> bool:
    text = safety.text_head(head)[:4096]
    return "<gpx" in text


def _heart_rates(track) -> list[int]:
    rates = []
    for segment in track.segments:
        for point in segment.points:
            for extension in point.extensions:
                for element in extension.iter():
                    if str(element.tag).rsplit("}", 1)[-1] == "hr" and element.text:
                        try:
                            rates.append(int(Decimal(element.text.strip())))
                        except ArithmeticError:
                            raise RowProblem("a heart rate is not a number") from None
    return [r for r in rates if r > 0]


def _timed(track) -> int:
    return sum(1 for segment in track.segments for point in segment.points if point.time)


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def _track(track, number: int, options: Options):
    timed = _timed(track)
    if not timed:
        raise RowProblem(f"track {number} has no timed points, so it is no session")
    if timed < 2:
        raise RowProblem(f"track {number} has one timed point, so it is no session")
    kind = (track.type or "").strip()
    bounds = track.get_time_bounds()
    start, end = _utc(bounds.start_time), _utc(bounds.end_time)
    seconds = (end - start).total_seconds()
    rates = _heart_rates(track)
    return session(
        SOURCE,
        f"{start.isoformat()}|{kind}" if start else "",
        number,
        start,
        kind,
        options,
        seconds=Decimal(str(seconds)) if seconds else None,
        distance=Decimal(str(track.length_2d())),
        unit="m",
        avg_hr=Decimal(sum(rates)) / len(rates) if rates else None,
        max_hr=Decimal(max(rates)) if rates else None,
    )


def read(path: Path, options: Options, progress: Progress = None) -> Iterator[Item]:
    with safety.open_input(path, None, progress) as stream:
        data = safety.read_whole(stream)
    with safety.xml_errors("a GPX file"):
        parser = safety.xml_parser()
        parser.Parse(data, True)
    try:
        document = gpxpy.parse(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise UnreadableFile("The GPX file is not UTF-8 text.") from None
    except gpxpy.gpx.GPXException as error:
        raise UnreadableFile(f"This is not a GPX file gpxpy can read ({error}).") from None
    if not document.tracks:
        raise UnreadableFile("The GPX file holds no track.")
    if not any(_timed(track) >= 2 for track in document.tracks):
        raise UnreadableFile(
            "The GPX file has no track with at least two timed points, so it holds no "
            "session to import (a planned route without times is not a workout)."
        )
    for number, track in enumerate(document.tracks, start=1):
        try:
            yield _track(track, number, options)
        except RowProblem as problem:
            yield Rejected(number, str(problem))
