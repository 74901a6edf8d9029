"""Garmin Connect's Activities.csv (the activity list exported as CSV).

Every column may hold `--` for missing; numbers may carry thousands
separators (`1,500`). Date is local time. Time is `hh:mm:ss` or `mm:ss.s`;
minutes are Moving Time when present and above 0 (older exports write
`00:00:00`), else Time.
Distance is in the account's unit, which the file does not say: the person
chooses it in the preview (Options.distance_unit); swims are in metres.
The source id is the start time and the activity type (imports.md section 1).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from journal.imports.parsers import safety
from journal.imports.parsers.base import (
    MISSING,
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

SOURCE = "garmin"
STATES_UNIT = False
REQUIRED = ("Activity Type", "Date", "Time")


def detect(name: str, head: bytes) -> bool:
    first = safety.text_head(head).split("\n", 1)[0]
    cells = {c.strip().strip('"') for c in first.split(",")}
    return {"Activity Type", "Date", "Title", "Time"} <= cells and "Activity ID" not in cells


def parse_time(text: str | None) -> Decimal | None:
    """Seconds from `hh:mm:ss`, `mm:ss` or `mm:ss.s`."""
    if text is None or text.strip() in MISSING:
        return None
    parts = text.strip().split(":")
    try:
        if len(parts) == 3:
            return int(parts[0]) * 3600 + int(parts[1]) * 60 + Decimal(parts[2])
        if len(parts) == 2:
            return int(parts[0]) * 60 + Decimal(parts[1])
    except (ValueError, ArithmeticError):
        pass
    raise RowProblem(f"the time {text.strip()[:30]!r} is not a duration like 1:02:03")


def parse_date(text: str | None) -> dt.datetime | None:
    if text is None or text.strip() in MISSING:
        return None
    try:
        return dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise RowProblem(
            f"the date {text.strip()[:40]!r} is not a date like 2026-04-01 18:18:55"
        ) from None


def _row(cells: dict[str, str], line: int, options: Options):
    kind = cells.get("Activity Type", "").strip()
    start = parse_date(cells.get("Date"))
    unit = "m" if "swim" in kind.casefold() else options.distance_unit
    seconds = parse_time(cells.get("Moving Time"))
    if seconds is None or seconds <= 0:
        seconds = parse_time(cells.get("Time"))
    found: list[str] = []  # optional values that are not numbers: left out, with a warning

    def optional_number(name: str, what: str):
        return optional(number, cells.get(name), what, warnings=found)

    return session(
        SOURCE,
        f"{start.isoformat()}|{kind}" if start else "",
        line,
        start.replace(tzinfo=None) if start else None,  # local time stays local
        kind,
        options,
        seconds=seconds,
        distance=optional_number("Distance", "the distance"),
        unit=unit,
        avg_hr=optional_number("Avg HR", "the average heart rate"),
        max_hr=optional_number("Max HR", "the maximum heart rate"),
        text=note(cells.get("Title")),
        warnings=tuple(found),
    )


def read(path: Path, options: Options, progress: Progress = None) -> Iterator[Item]:
    if options.distance_unit not in ("km", "mi"):
        raise ValueError(f"distance_unit must be km or mi, not {options.distance_unit!r}")
    with safety.open_input(path, None, progress) as stream:
        rows = safety.csv_rows(stream)
        header = next(rows, None)
        if header is None:
            raise UnreadableFile("The file is empty.")
        names = [name.strip() for name in header[1]]
        missing = [n for n in REQUIRED if n not in names]
        if missing:
            raise UnreadableFile(
                "This is not Garmin Connect's Activities.csv: it has no "
                + ", ".join(f'"{n}"' for n in missing)
                + " column."
            )
        for line, row in rows:
            if not any(cell.strip() for cell in row):
                continue
            try:
                cells = {
                    n: "" if v.strip() == "--" else v for n, v in zip(names, row, strict=False)
                }
                yield _row(cells, line, options)
            except RowProblem as problem:
                yield Rejected(line, str(problem))
