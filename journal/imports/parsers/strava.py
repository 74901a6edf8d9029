"""Strava's bulk export: the zip, or the activities.csv inside it.

activities.csv repeats column names: the first "Elapsed Time", "Distance" and
"Max Heart Rate" are in the person's display units, later ones in SI units.
Columns are therefore found by position (imports.md section 3):
- minutes: Moving Time (seconds) when present and above 0, else the first
  Elapsed Time: the time spent moving, not a recording left running for days;
- distance: the second Distance (metres); without it, the first (km, but
  metres for swims);
- heart rates: Average Heart Rate and the first Max Heart Rate;
- effort: Perceived Exertion; note: Activity Name, then Activity Description.
Activity Date is UTC, so it becomes a local date and time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from journal.imports.parsers import safety
from journal.imports.parsers.base import (
    Item,
    Options,
    Progress,
    Rejected,
    RowProblem,
    UnreadableFile,
    note,
    number,
    optional,
    session,
)

SOURCE = "strava"
STATES_UNIT = True  # metres in the SI columns, km (metres for swims) in the first
SWIMS = {"swim"}
_DATE_FORMATS = (
    "%b %d, %Y, %I:%M:%S %p",  # what Strava writes
    "%b %d, %Y, %H:%M:%S",
    "%d %b %Y, %H:%M:%S",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%SZ",
)


def detect(name: str, head: bytes) -> bool:
    first = safety.text_head(head).split("\n", 1)[0]
    return "Activity ID" in first and "Activity Date" in first and "Elapsed Time" in first


def pick(names: list[str]) -> str | None:
    found = [n for n in names if PurePosixPath(n).name.lower() == "activities.csv"]
    return min(found, key=lambda n: (n.count("/"), n)) if found else None


def parse_date(text: str) -> dt.datetime | None:
    """Strava's UTC timestamp, e.g. "Apr 1, 2026, 6:18:55 PM", as an aware datetime."""
    text = " ".join(text.replace("\u202f", " ").replace("\xa0", " ").split())
    if not text:
        return None
    for form in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, form).replace(tzinfo=dt.UTC)
        except ValueError:
            continue
    raise RowProblem(f"the date {text[:40]!r} is not one Strava writes")


class _Columns:
    """Positions of the columns this import reads, the repeated ones by order."""

    def __init__(self, header: list[str]):
        positions: dict[str, list[int]] = {}
        for index, name in enumerate(header):
            positions.setdefault(name.strip(), []).append(index)
        self.positions = positions
        missing = [
            n for n in ("Activity Date", "Activity Type", "Elapsed Time") if n not in positions
        ]
        if missing:
            raise UnreadableFile(
                "This is not Strava's activities.csv: it has no "
                + ", ".join(f'"{n}"' for n in missing)
                + " column."
            )

    def get(self, row: list[str], name: str, occurrence: int = 0) -> str | None:
        found = self.positions.get(name, [])
        if len(found) <= occurrence or found[occurrence] >= len(row):
            return None
        return row[found[occurrence]]

    def has(self, name: str, occurrence: int = 0) -> bool:
        return len(self.positions.get(name, [])) > occurrence


def _row(columns: _Columns, row: list[str], number_: int, options: Options):
    kind = (columns.get(row, "Activity Type") or "").strip()
    start = parse_date(columns.get(row, "Activity Date") or "")
    found: list[str] = []  # optional values that are not numbers: left out, with a warning

    def optional_number(name: str, what: str, occurrence: int = 0):
        return optional(number, columns.get(row, name, occurrence), what, warnings=found)

    if columns.has("Distance", 1):
        distance, unit = optional_number("Distance", "the distance", 1), "m"
    else:
        unit = "m" if kind.casefold() in SWIMS else "km"
        distance = optional_number("Distance", "the distance")
    moving = number(columns.get(row, "Moving Time"), "the moving time")
    if moving is None or moving <= 0:
        moving = number(columns.get(row, "Elapsed Time"), "the elapsed time")
    source_id = (columns.get(row, "Activity ID") or "").strip()
    if not source_id and start is not None:
        source_id = f"{start.isoformat()}|{kind}"
    return session(
        SOURCE,
        source_id,
        number_,
        start,
        kind,
        options,
        seconds=moving,
        distance=distance,
        unit=unit,
        avg_hr=optional_number("Average Heart Rate", "the average heart rate"),
        max_hr=optional_number("Max Heart Rate", "the maximum heart rate"),
        rpe=optional_number("Perceived Exertion", "the perceived exertion"),
        text=note(columns.get(row, "Activity Name"), columns.get(row, "Activity Description")),
        warnings=tuple(found),
    )


def read(path: Path, options: Options, progress: Progress = None) -> Iterator[Item]:
    with safety.open_input(path, pick, progress) as stream:
        rows = safety.csv_rows(stream)
        header = next(rows, None)
        if header is None:
            raise UnreadableFile("The file is empty.")
        columns = _Columns(header[1])
        for line, row in rows:
            if not any(cell.strip() for cell in row):
                continue
            try:
                yield _row(columns, row, line, options)
            except RowProblem as problem:
                yield Rejected(line, str(problem))
