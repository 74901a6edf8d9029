"""Daylio's CSV export (imports.md section 4): mood check-ins, not sessions.

Headers: current `full_date,date,weekday,time,mood,activities,note_title,note`
(newer exports add `scales` after activities) and legacy
`year,date,weekday,time,mood,activities,note`. Dates and times are local.
Several entries on one date make one check-in: its mood is the mean of the
entries' levels, halves up; the notes are joined in time order, each with its
activities ("Activities: reading, gym"). The labels are the person's own: the
five defaults map to 5..1, any other must be mapped (Options.mood_map) and
stays None until it is.

The source id is the date and the time of its first entry. The file is read
whole before the first check-in is yielded (Daylio writes newest first, a
day's entries must meet, and a legacy file's month names are read in one
language chosen from every row); a Daylio export is a few thousand rows.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from journal.imports.parsers import months, safety
from journal.imports.parsers.base import (
    ImportedCheckIn,
    Item,
    Options,
    Progress,
    Rejected,
    RowProblem,
    UnreadableFile,
    half_up,
    mood,
    note,
)

SOURCE = "daylio"
STATES_UNIT = True  # no distances at all
DEFAULT_MOOD_LABELS = {"rad": 5, "good": 4, "meh": 3, "bad": 2, "awful": 1}
CURRENT = ("full_date", "date", "weekday", "time", "mood", "activities")
LEGACY = ("year", "date", "weekday", "time", "mood", "activities")
_TIME_FORMATS = ("%H:%M", "%I:%M %p", "%I:%M%p", "%H:%M:%S")


def detect(name: str, head: bytes) -> bool:
    first = safety.text_head(head).split("\n", 1)[0].strip().lower()
    return first.startswith(("full_date,date,weekday,time,mood", "year,date,weekday,time,mood"))


def mood_for(label: str, mood_map: dict[str, int]) -> int | None:
    """The level of a label: the person's mapping first, then the defaults."""
    wanted = label.strip().casefold()
    for known, level in mood_map.items():
        if known.strip().casefold() == wanted:
            return level
    return DEFAULT_MOOD_LABELS.get(wanted)


@dataclass(frozen=True)
class Entry:
    line: int
    date: dt.date
    time: dt.time | None
    label: str
    text: str


def _date(cells: dict[str, str], reading: months.Reading | None) -> dt.date:
    """The current format's ISO full_date; the legacy year and "18 sierpnia",
    whose month name is in the phone's language (months.py)."""
    if reading is None:
        value = cells.get("full_date", "").strip()
        if not value:
            raise RowProblem("no date")
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise RowProblem(f"the date {value[:30]!r} is not a date like 2026-04-01") from None
    year, text = cells.get("year", "").strip(), cells.get("date", "").strip()
    if not year or not text:
        raise RowProblem("no date")
    day, words = months.split(text)
    month = reading.month(words)
    problem = None
    if month is None:
        problem = reading.why_not(words)
    elif day is None or not year.isdigit():
        problem = "it has no single day and year"
    else:
        try:
            return dt.date(int(year), month, day)
        except ValueError:
            problem = "there is no such day"
    raise RowProblem(f"the date {text[:30]!r} {year[:4]} is not one Daylio writes: {problem}")


def _time(text: str) -> dt.time | None:
    text = " ".join(text.replace("\u202f", " ").split())
    if not text:
        return None
    for form in _TIME_FORMATS:
        try:
            return dt.datetime.strptime(text.upper(), form).time()
        except ValueError:
            continue
    raise RowProblem(f"the time {text[:20]!r} is not one Daylio writes")


def _entry(cells: dict[str, str], line: int, reading: months.Reading | None) -> Entry:
    day = _date(cells, reading)
    label = cells.get("mood", "").strip()
    if not label:
        raise RowProblem("no mood")
    activities = [a.strip() for a in cells.get("activities", "").split("|") if a.strip()]
    text = note(
        cells.get("note_title"),
        cells.get("note"),
        f"Activities: {', '.join(activities)}" if activities else "",
    )
    return Entry(line, day, _time(cells.get("time", "")), label, text)


def entries(path: Path, progress: Progress = None) -> Iterator[Entry | Rejected]:
    """Each row of the file as an Entry, or Rejected with its reason."""
    with safety.open_input(path, None, progress) as stream:
        rows = safety.csv_rows(stream)
        header = next(rows, None)
        if header is None:
            raise UnreadableFile("The file is empty.")
        names = [name.strip().lower() for name in header[1]]
        legacy = tuple(names[:6]) == LEGACY
        if tuple(names[:6]) != CURRENT and not legacy:
            raise UnreadableFile(
                "This is not a Daylio export: its first line is not Daylio's header."
            )
        rows = [(line, dict(zip(names, row, strict=False))) for line, row in rows]
    rows = [(line, cells) for line, cells in rows if any(v.strip() for v in cells.values() if v)]
    reading = None
    if legacy:  # one language for the whole file: its month names must read every row
        reading = months.reading([months.split(c.get("date") or "")[1] for _, c in rows])
    for line, cells in rows:
        try:
            yield _entry(cells, line, reading)
        except RowProblem as problem:
            yield Rejected(line, str(problem))


def label_counts(path: Path) -> Counter[str]:
    """How many entries carry each mood label (for the preview's mapping)."""
    return Counter(e.label for e in entries(path) if isinstance(e, Entry))


def _checkin(day: dt.date, group: list[Entry], options: Options):
    group.sort(key=lambda e: (e.time is None, e.time or dt.time(), e.line))
    first = min(e.line for e in group)
    levels = [mood_for(e.label, options.mood_map) for e in group]
    level = None
    if None not in levels:
        level = mood(half_up(Decimal(sum(levels)) / len(levels)))
    when = f" {group[0].time.strftime('%H:%M')}" if group[0].time else ""
    return ImportedCheckIn(
        source=SOURCE,
        source_id=f"{day.isoformat()}{when}",
        date=day,
        mood_label=" | ".join(e.label for e in group),
        mood=level,
        note=note(*(e.text for e in group), sep="\n\n"),
        line=first,
    )


def read(path: Path, options: Options, progress: Progress = None) -> Iterator[Item]:
    days: dict[dt.date, list[Entry]] = defaultdict(list)
    for item in entries(path, progress):
        if isinstance(item, Rejected):
            yield item
        else:
            days[item.date].append(item)
    for day in sorted(days):
        group = days[day]
        try:
            yield _checkin(day, group, options)
        except RowProblem as problem:
            yield Rejected(min(e.line for e in group), str(problem))
