"""What every parser yields, and the rules of imports.md sections 1 and 3 they share.

Pure: no Django. A parser yields one item per row or record it reads: an
ImportedSession or ImportedCheckIn ready to be saved, or a Rejected row with
its reason in plain words. A file that cannot be read at all raises
UnreadableFile instead, so nothing of it is imported.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from journal.core.ranges import CHECKIN_RANGES, NOTE_MAX_LENGTH, SESSION_RANGES
from journal.imports.parsers.activities import map_activity

Progress = Callable[[int, int], None] | None


@dataclass(frozen=True)
class ImportedSession:
    source: str
    source_id: str
    date: dt.date  # local
    start_time: dt.time | None  # local
    source_type: str  # the file's own words, e.g. "Run", "HKWorkoutActivityTypeRunning"
    activity: str | None  # our slug after mapping; None = a type no table knows
    style: str
    minutes: int
    distance_km: Decimal | None
    avg_hr: int | None
    max_hr: int | None
    effort: int | None
    note: str
    line: int  # row or record number, for messages
    # Optional values left out (imports.md section 3), and a damaged file's note.
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class ImportedCheckIn:
    source: str
    source_id: str
    date: dt.date
    mood_label: str  # the person's own label(s), " | " between several entries of a day
    mood: int | None  # None while a label is unmapped
    note: str
    line: int


@dataclass(frozen=True)
class Rejected:
    line: int
    reason: str


Item = ImportedSession | ImportedCheckIn | Rejected


@dataclass
class Options:
    time_zone: zoneinfo.ZoneInfo
    distance_unit: str = "km"  # used only where the file does not say
    activity_map: dict[str, tuple[str, str]] = field(default_factory=dict)
    mood_map: dict[str, int] = field(default_factory=dict)


class UnreadableFile(Exception):
    """The whole file cannot be read; the message says why in plain words."""


class RowProblem(Exception):
    """One row cannot be imported; the parser turns it into a Rejected row."""


UNIT_KM = {"km": Decimal(1), "m": Decimal("0.001"), "mi": Decimal("1.609344")}
UNIT_KM |= {"yd": Decimal("0.0009144"), "ft": Decimal("0.0003048")}
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
MISSING = {"", "--", "-"}


def number(text: str | None, what: str) -> Decimal | None:
    """A number as the apps write it: `--` or blank is missing; `1,500` is 1500."""
    if text is None:
        return None
    text = text.strip()
    if text in MISSING:
        return None
    if _THOUSANDS.match(text):
        text = text.replace(",", "")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise RowProblem(f"{what} {text[:30]!r} is not a number") from None
    if not value.is_finite():
        raise RowProblem(f"{what} {text[:30]!r} is not a number")
    if value and value.adjusted() > 12:  # no value of ours has 13 digits before the point
        raise RowProblem(f"{what} {text[:30]!r} is far too large")
    return value


def half_up(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _check(ranges: dict, name: str, value, what: str):
    low, high = ranges[name]
    if not low <= value <= high:
        raise RowProblem(f"{what} of {value} is outside {low}–{high}")
    return value


def optional(check: Callable, value, *args, warnings: list[str]):
    """An optional value through its check; outside our ranges it is left out
    (None) with a warning on the row, and the row is kept (imports.md section 3)."""
    try:
        return check(value, *args)
    except RowProblem as problem:
        warnings.append(f"{problem}: left out")
        return None


def minutes(seconds: Decimal | None) -> int:
    """Whole minutes, halves up, at least 1; no (or zero) duration rejects the row."""
    if seconds is None or seconds <= 0:
        raise RowProblem("no duration")
    return _check(SESSION_RANGES, "minutes", max(1, half_up(seconds / 60)), "a duration in minutes")


def distance_km(value: Decimal | None, unit: str) -> Decimal | None:
    """Two decimals of a kilometre. Zero (or under 5 m) is treated as missing:
    the apps write 0 for a session that measured no distance (a weights
    session), which is not a distance anyone covered."""
    if value is None or value == 0:
        return None
    km = (value * UNIT_KM[unit]).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if km == 0:
        return None
    return _check(SESSION_RANGES, "distance_km", km, "a distance in km")


def heart_rate(value: Decimal | None, name: str) -> int | None:
    """Beats per minute, halves up. Zero means no sensor, so it is missing."""
    if value is None or value == 0:
        return None
    what = "an average heart rate" if name == "avg_hr" else "a maximum heart rate"
    return _check(SESSION_RANGES, name, half_up(value), what)


def effort(value: Decimal | None) -> int | None:
    if value is None:
        return None
    return _check(SESSION_RANGES, "effort", half_up(value), "an effort")


def mood(value: int) -> int:
    return _check(CHECKIN_RANGES, "mood", value, "a mood")


def note(*parts: str | None, sep: str = "\n") -> str:
    """The non-empty parts joined. Too long a note rejects the row, as in the
    exchange format: cutting a person's words short would change them."""
    text = sep.join(p.strip() for p in parts if p and p.strip())
    if len(text) > NOTE_MAX_LENGTH:
        raise RowProblem(f"the note is longer than {NOTE_MAX_LENGTH} characters")
    return text


def local(moment: dt.datetime, tz: zoneinfo.ZoneInfo) -> tuple[dt.date, dt.time]:
    """An aware moment as the person's local date and start time (DST-aware);
    a naive moment is already local and stays as it is."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(tz)
    return moment.date(), moment.time().replace(microsecond=0, tzinfo=None)


def session(
    source: str,
    source_id: str,
    line: int,
    start: dt.datetime | None,
    source_type: str,
    options: Options,
    *,
    seconds: Decimal | None,
    distance: Decimal | None = None,
    unit: str = "km",
    avg_hr: Decimal | None = None,
    max_hr: Decimal | None = None,
    rpe: Decimal | None = None,
    text: str = "",
    warnings: tuple[str, ...] = (),
) -> ImportedSession:
    """Builds one session from a source's raw values, applying every rule of
    imports.md section 3; raises RowProblem with the first reason to reject it
    (a missing or impossible date or duration). An impossible optional value
    is left out with a warning instead."""
    if start is None:
        raise RowProblem("no date")
    day, start_time = local(start, options.time_zone)
    mapped = map_activity(source, source_type, options.activity_map)
    found = list(warnings)
    return ImportedSession(
        source=source,
        source_id=source_id,
        date=day,
        start_time=start_time,
        source_type=source_type,
        activity=mapped[0] if mapped else None,
        style=mapped[1] if mapped else "",
        minutes=minutes(seconds),
        distance_km=optional(distance_km, distance, unit, warnings=found),
        avg_hr=optional(heart_rate, avg_hr, "avg_hr", warnings=found),
        max_hr=optional(heart_rate, max_hr, "max_hr", warnings=found),
        effort=optional(effort, rpe, warnings=found),
        note=note(text),
        line=line,
        warnings=tuple(found),
    )
