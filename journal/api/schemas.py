"""The API's objects: a session and a check-in exactly as exchange-format.md writes them
(the same names, values and ranges; a session's `tags` read-only), and the error shape.

The ranges come from journal.core.ranges, the one home of every scale, so the OpenAPI
schema states the same limits as the database, the forms and the importers.
"""

import datetime as dt
from typing import Annotated, Literal
from uuid import UUID

from ninja import Field, Schema
from pydantic import AfterValidator, ConfigDict

from journal.core.ranges import CHECKIN_RANGES, NOTE_MAX_LENGTH, SESSION_RANGES

ACTIVITIES = Literal["aerobic", "hiit", "resistance", "mixed", "mobility", "walking"]
STYLES = Literal["", "yoga", "pilates", "stretching", "tai_chi", "other"]
SOURCES = Literal["", "strava", "garmin", "apple", "fit", "gpx", "tcx"]
HH_MM = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"
SOURCE_ID_MAX = 120


def _storable(value: str | None) -> str | None:
    """Text a database can hold: no NUL, no lone surrogate."""
    if value is None:
        return None
    if "\x00" in value:
        raise ValueError("contains a NUL character (\\u0000), which text cannot hold")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("contains a lone surrogate (like \\ud800), not a character") from None
    return value


Note = Annotated[str, Field(max_length=NOTE_MAX_LENGTH), AfterValidator(_storable)]


def _ranged(ranges: dict, name: str, kind=int):
    low, high = ranges[name]
    return Annotated[kind | None, Field(ge=low, le=high)]


def _required(ranges: dict, name: str):
    low, high = ranges[name]
    return Annotated[int, Field(ge=low, le=high)]


class Problem(Schema):
    field: str | None = Field(description="The field that was wrong, or null for the request")
    message: str


class ErrorOut(Schema):
    errors: list[Problem]


class TagOut(Schema):
    effect: str
    timescale: str
    status: str
    magnitude: str
    rule: str
    rule_version: int


class TagWhyOut(TagOut):
    why: str = Field(description="The rule's reading of this session, in plain words")


class SessionIn(Schema):
    """A session to create or to replace. Fields the exchange format writes on export
    but an import ignores (`tags`) may be sent back and are ignored here too."""

    model_config = ConfigDict(extra="ignore")

    id: UUID | None = Field(
        None, description="The session's own UUID; a create sent again with it stores one"
    )
    date: dt.date
    start_time: Annotated[str | None, Field(pattern=HH_MM)] = None
    activity: ACTIVITIES
    style: STYLES | None = ""
    minutes: _required(SESSION_RANGES, "minutes")
    effort: _ranged(SESSION_RANGES, "effort") = None
    feeling_before: _ranged(SESSION_RANGES, "feeling_before") = None
    feeling_after: _ranged(SESSION_RANGES, "feeling_after") = None
    arousal_before: _ranged(SESSION_RANGES, "arousal_before") = None
    arousal_after: _ranged(SESSION_RANGES, "arousal_after") = None
    avg_hr: _ranged(SESSION_RANGES, "avg_hr") = None
    max_hr: _ranged(SESSION_RANGES, "max_hr") = None
    distance_km: _ranged(SESSION_RANGES, "distance_km", float) = None
    percent_1rm: _ranged(SESSION_RANGES, "percent_1rm") = None
    reps_in_reserve: _ranged(SESSION_RANGES, "reps_in_reserve") = None
    note: Note | None = ""
    source: SOURCES | None = ""
    source_id: Annotated[str | None, Field(max_length=SOURCE_ID_MAX), AfterValidator(_storable)] = (
        None
    )


class SessionOut(Schema):
    id: UUID
    date: dt.date
    start_time: str | None
    activity: str
    style: str
    minutes: int
    effort: int | None
    feeling_before: int | None
    feeling_after: int | None
    arousal_before: int | None
    arousal_after: int | None
    avg_hr: int | None
    max_hr: int | None
    distance_km: float | None
    percent_1rm: int | None
    reps_in_reserve: int | None
    note: str
    source: str
    source_id: str | None
    tags: list[TagOut]


class SessionList(Schema):
    items: list[SessionOut]
    count: int


class CheckInIn(Schema):
    """A day's check-in; `date` comes from the path (sent in the body, it must match)."""

    model_config = ConfigDict(extra="ignore")

    date: dt.date | None = None
    mood: _required(CHECKIN_RANGES, "mood")
    sleep_quality: _ranged(CHECKIN_RANGES, "sleep_quality") = None
    anxiety: _ranged(CHECKIN_RANGES, "anxiety") = None
    energy: _ranged(CHECKIN_RANGES, "energy") = None
    motivation: _ranged(CHECKIN_RANGES, "motivation") = None
    focus: _ranged(CHECKIN_RANGES, "focus") = None
    stress: _ranged(CHECKIN_RANGES, "stress") = None
    note: Note | None = ""


class CheckInOut(Schema):
    date: dt.date
    mood: int
    sleep_quality: int | None
    anxiety: int | None
    energy: int | None
    motivation: int | None
    focus: int | None
    stress: int | None
    note: str


class CheckInList(Schema):
    items: list[CheckInOut]
    count: int


class TagList(Schema):
    items: list[TagWhyOut]
    count: int


class ProfileOut(Schema):
    time_zone: str
    distance_unit: str
    birth_year: int | None
    max_hr: int | None
    resting_hr: int | None
    sex: str | None
    cycle_tracking: bool
    missed_period: bool
    checkin_items: list[str]
