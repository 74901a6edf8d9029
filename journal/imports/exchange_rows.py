"""Reading an exchange file (exchange-format.md): the document, the profile and each row.

The file is a public format that other tools may write, so nothing in it is
trusted: every hostile shape (deep nesting, huge numbers, NUL characters,
lone surrogates, wrong types) ends in a clear message for the whole file
(ImportRefused) or for one row (RowError), never in an exception from the
database. Each row then goes through the model's full_clean(), the same rules
the forms apply, so an import accepts exactly what the forms accept.
"""

import copy
import json
import re
import uuid
from datetime import date, time

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from journal.core import validation
from journal.models import (
    CHECKIN_ITEMS,
    CHECKIN_RANGES,
    NOTE_MAX_LENGTH,
    PROFILE_RANGES,
    SESSION_RANGES,
    Activity,
    CheckIn,
    DistanceUnit,
    Profile,
    Session,
    Sex,
    Style,
)

FORMAT = "movement-journal"
VERSION = 1
MAX_IMPORT_BYTES = 20 * 1024 * 1024
# Feelings and sleep quality may be null: sessions and check-ins imported from
# other apps have none (imports.md 1). Version-1 files that carry them still read.
REQUIRED_SESSION = {"date", "activity", "minutes"}
REQUIRED_CHECKIN = {"date", "mood"}
SOURCE_ID_MAX = Session._meta.get_field("source_id").max_length


class ImportRefused(Exception):
    """The whole file is unusable (not JSON, wrong format or version, too large)."""


class RowError(ValueError):
    """One row is unusable; the others may still be imported."""


def describe(error: ValidationError) -> str:
    """A model's validation errors as one line: 'field: message; ...'."""
    return "; ".join(
        " ".join(messages) if name == NON_FIELD_ERRORS else f"{name}: {' '.join(messages)}"
        for name, messages in error.message_dict.items()
    )


def _shown(value) -> str:
    """A value from the file, short and printable (repr escapes NUL and surrogates)."""
    return json.dumps(value)[:40] if not isinstance(value, str) else repr(value[:40])


def _int(row, name, ranges, required=False):
    value = row.get(name)
    if value is None:
        if required:
            raise RowError(f"{name} is missing")
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise RowError(f"{name} must be a whole number, not {_shown(value)}")
    low, high = ranges[name]
    if not low <= value <= high:
        raise RowError(f"{name} must be between {low} and {high}, not {value}")
    return value


def _float(row, name, ranges):
    value = row.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise RowError(f"{name} must be a number, not {_shown(value)}")
    low, high = ranges[name]
    if not low <= value <= high:
        raise RowError(f"{name} must be between {low} and {high}, not {value}")
    return float(value)


def _text(row, name, choices=None, default=""):
    value = row.get(name)
    if value is None:
        return default
    if not isinstance(value, str):
        raise RowError(f"{name} must be text")
    if choices is not None and value not in choices:
        raise RowError(f"{name} {_shown(value)} is not one of {', '.join(sorted(choices))}")
    if len(value) > NOTE_MAX_LENGTH:
        raise RowError(f"{name} is longer than {NOTE_MAX_LENGTH} characters")
    if "\x00" in value:
        raise RowError(f"{name} contains a NUL character (\\u0000), which text cannot hold")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise RowError(
            f"{name} contains a lone surrogate (like \\ud800), not a character"
        ) from None
    return value


def _date(row, today, birth_year):
    value = row.get("date")
    if not isinstance(value, str):
        raise RowError("date is missing or not text")
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        raise RowError(f"date {_shown(value)} is not a date like 2026-11-20") from None
    if parsed > today:
        raise RowError(f"date {value} is in the future")
    first = validation.earliest_date(birth_year, today)
    if parsed < first:
        raise RowError(f"date {value} is before {first.isoformat()}, the earliest date accepted")
    return parsed


def _time(row):
    value = row.get("start_time")
    if value is None:
        return None
    if not isinstance(value, str):
        raise RowError("start_time must be text like 07:15")
    try:
        return time.fromisoformat(value).replace(second=0, microsecond=0, tzinfo=None)
    except ValueError:
        raise RowError(f"start_time {_shown(value)} is not a time like 07:15") from None


def _uuid(row):
    value = row.get("id")
    if value is None:
        return None
    if not isinstance(value, str):
        raise RowError(f"id {_shown(value)} is not a UUID")
    try:
        return uuid.UUID(value)
    except ValueError:
        raise RowError(f"id {_shown(value)} is not a UUID") from None


SOURCE_PATTERN = re.compile(r"[a-z0-9_-]{1,10}")


def _source(row) -> tuple[str, str]:
    """(`source`, `source_id`): optional, "" and "" when absent (files before December 2026)."""
    source = _text(row, "source")
    if source and not SOURCE_PATTERN.fullmatch(source):
        raise RowError(f"source {_shown(source)} is not a source name like strava or garmin")
    source_id = _text(row, "source_id")
    if len(source_id) > SOURCE_ID_MAX:
        raise RowError(f"source_id is longer than {SOURCE_ID_MAX} characters")
    return source, source_id if source else ""


def _full_clean(instance, exclude) -> None:
    try:
        instance.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        raise RowError(describe(error)) from None


def parse_session(row, today: date, birth_year: int | None = None) -> Session:
    if not isinstance(row, dict):
        raise RowError("is not an object")
    activity = _text(row, "activity", set(Activity.values), default=None)
    if activity is None:
        raise RowError("activity is missing")
    session = Session(
        uuid=_uuid(row) or uuid.uuid4(),
        date=_date(row, today, birth_year),
        start_time=_time(row),
        activity=activity,
        style=_text(row, "style", {"", *Style.values}) if activity == Activity.MOBILITY else "",
        note=_text(row, "note"),
    )
    session.source, session.source_id = _source(row)
    for name in SESSION_RANGES:
        if name == "distance_km":
            session.distance_km = _float(row, name, SESSION_RANGES)
        else:
            setattr(session, name, _int(row, name, SESSION_RANGES, name in REQUIRED_SESSION))
    _full_clean(session, exclude=["owner"])
    session.explicit_id = "id" in row and row["id"] is not None
    return session


def parse_checkin(row, today: date, birth_year: int | None = None) -> CheckIn:
    if not isinstance(row, dict):
        raise RowError("is not an object")
    checkin = CheckIn(date=_date(row, today, birth_year), note=_text(row, "note"))
    for name in CHECKIN_RANGES:
        setattr(checkin, name, _int(row, name, CHECKIN_RANGES, name in REQUIRED_CHECKIN))
    _full_clean(checkin, exclude=["owner"])
    return checkin


def _profile_values(data: dict) -> dict:
    values = {}
    if data.get("time_zone") is not None:
        values["time_zone"] = _text(data, "time_zone")
    if data.get("distance_unit") is not None:
        values["distance_unit"] = _text(data, "distance_unit", set(DistanceUnit.values))
    for name in PROFILE_RANGES:
        if name in data:
            values[name] = _int(data, name, PROFILE_RANGES)
    if "sex" in data:
        values["sex"] = _text(data, "sex", set(Sex.values))
    for flag in ("cycle_tracking", "missed_period"):
        if data.get(flag) is not None:
            if not isinstance(data[flag], bool):
                raise RowError(f"{flag} must be true or false")
            values[flag] = data[flag]
    if data.get("checkin_items") is not None:
        items = data["checkin_items"]
        if not isinstance(items, list) or not all(
            isinstance(item, str) and item in CHECKIN_ITEMS for item in items
        ):
            raise RowError(f"checkin_items must be a list drawn from {', '.join(CHECKIN_ITEMS)}")
        values["checkin_items"] = [item for item in CHECKIN_ITEMS if item in items]
    return values


def parse_profile(data, profile: Profile | None = None) -> dict:
    """The profile values of the file, checked as the profile form checks them.

    With `profile`, the values are checked together with what they leave
    unchanged (a resting heart rate against the stored maximum, say).
    """
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ImportRefused("The profile must be an object.")
    try:
        values = _profile_values(data)
        candidate = copy.copy(profile) if profile is not None else Profile()
        for name, value in values.items():
            setattr(candidate, name, value)
        _full_clean(candidate, exclude=["user"])
    except RowError as error:
        raise ImportRefused(f"The profile is invalid: {error}.") from None
    values["missed_period"] = candidate.missed_period  # clean() clears it without tracking
    return values


def refuse_if_too_large(size: int) -> None:
    """The size rule of a Movement Journal file, in one place: the upload and the command
    ask it before reading a file whole, and load_document asks it again of what it read."""
    if size > MAX_IMPORT_BYTES:
        raise ImportRefused(
            f"The file is {size / 1_048_576:.1f} MB; the limit for a Movement Journal file "
            f"is {MAX_IMPORT_BYTES // 1_048_576} MB."
        )


def load_document(raw: bytes) -> dict:
    refuse_if_too_large(len(raw))
    try:
        document = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ImportRefused("The file is not UTF-8 text.") from None
    except json.JSONDecodeError as error:
        raise ImportRefused(
            f"The file is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})."
        ) from None
    except RecursionError:
        raise ImportRefused("The file nests lists or objects too deeply to be a journal.") from None
    except ValueError:  # an integer of thousands of digits (Python's 4,300-digit limit)
        raise ImportRefused("The file holds a number too long to be part of a journal.") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportRefused(
            'This is not a Movement Journal export (its "format" is not "movement-journal").'
        )
    version = document.get("version")
    if type(version) is not int or version != VERSION:  # true == 1 in Python; not here
        raise ImportRefused(
            f"This file is version {json.dumps(version)[:20]}; this app reads "
            f"version {VERSION}. Export it again from a matching version."
        )
    for key in ("sessions", "checkins"):
        if not isinstance(document.get(key, []), list):
            raise ImportRefused(f'"{key}" must be a list.')
    return document
