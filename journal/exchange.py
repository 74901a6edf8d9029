"""The journal exchange format (../shared/design/exchange-format.md), version 1.

Export writes one person's whole journal; import validates every row first,
reports each rejected row with its index and reason, skips rows that already
exist, and writes the rest in one transaction. The importer trusts nothing in
the file: it is a public format that other tools may write.
"""

import csv
import io
import json
import uuid
import zipfile
import zoneinfo
from dataclasses import dataclass, field
from datetime import date, time

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from journal.models import (
    CHECKIN_ITEMS,
    CHECKIN_RANGES,
    NOTE_MAX_LENGTH,
    PROFILE_FIELDS,
    PROFILE_RANGES,
    SESSION_RANGES,
    Activity,
    CheckIn,
    DistanceUnit,
    Session,
    Sex,
    Style,
)
from journal.services import profile_for, save_imported

FORMAT = "movement-journal"
VERSION = 1
MAX_IMPORT_BYTES = 20 * 1024 * 1024

SESSION_FIELDS = [
    "id",
    "date",
    "start_time",
    "activity",
    "style",
    "minutes",
    "effort",
    "feeling_before",
    "feeling_after",
    "arousal_before",
    "arousal_after",
    "avg_hr",
    "max_hr",
    "distance_km",
    "percent_1rm",
    "reps_in_reserve",
    "note",
]
CHECKIN_FIELDS = ["date", "mood", "sleep_quality", *CHECKIN_ITEMS, "note"]
REQUIRED_SESSION = {"date", "activity", "minutes", "feeling_before", "feeling_after"}
REQUIRED_CHECKIN = {"date", "mood", "sleep_quality"}


class ImportRefused(Exception):
    """The whole file is unusable (not JSON, wrong format or version, too large)."""


@dataclass
class ImportReport:
    imported_sessions: int = 0
    imported_checkins: int = 0
    skipped: list[str] = field(default_factory=list)  # already in the journal
    rejected: list[str] = field(default_factory=list)  # invalid rows, with reasons

    def summary(self) -> str:
        return (
            f"{self.imported_sessions} sessions and {self.imported_checkins} check-ins imported, "
            f"{len(self.skipped)} skipped as already present, {len(self.rejected)} rejected."
        )


# -- export -----------------------------------------------------------------


def session_rows(user):
    sessions = (
        Session.objects.for_user(user)
        .order_by("date", F("start_time").asc(nulls_first=True), "id")
        .prefetch_related("tags")
    )
    for s in sessions:
        yield {
            "id": str(s.uuid),
            "date": s.date.isoformat(),
            "start_time": s.start_time.strftime("%H:%M") if s.start_time else None,
            "activity": s.activity,
            "style": s.style,
            "minutes": s.minutes,
            "effort": s.effort,
            "feeling_before": s.feeling_before,
            "feeling_after": s.feeling_after,
            "arousal_before": s.arousal_before,
            "arousal_after": s.arousal_after,
            "avg_hr": s.avg_hr,
            "max_hr": s.max_hr,
            "distance_km": s.distance_km,
            "percent_1rm": s.percent_1rm,
            "reps_in_reserve": s.reps_in_reserve,
            "note": s.note,
            "tags": [
                {
                    "effect": t.effect,
                    "timescale": t.timescale,
                    "status": t.status,
                    "magnitude": t.magnitude,
                    "rule": t.rule,
                    "rule_version": t.rule_version,
                }
                for t in sorted(s.tags.all(), key=lambda t: t.rule)
            ],
        }


def checkin_rows(user):
    for c in CheckIn.objects.for_user(user).order_by("date"):
        row = {name: getattr(c, name) for name in CHECKIN_FIELDS}
        row["date"] = c.date.isoformat()
        yield row


def export_journal(user) -> dict:
    profile = profile_for(user)
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now().strftime("%Y-%m-%dT%H:%M:%SZ"),
        "profile": {
            **{name: getattr(profile, name) for name in PROFILE_FIELDS},
            "sex": profile.sex or None,
        },
        "sessions": list(session_rows(user)),
        "checkins": list(checkin_rows(user)),
    }


def export_json(user) -> bytes:
    return json.dumps(export_journal(user), indent=2, ensure_ascii=False).encode()


def _csv(rows: list[dict], columns: list[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def export_csv_zip(user) -> bytes:
    """sessions.csv, checkins.csv and profile.csv in one zip, for spreadsheets."""
    journal = export_journal(user)
    sessions = [
        {**row, "tags": ";".join(f"{t['effect']}:{t['status']}" for t in row["tags"])}
        for row in journal["sessions"]
    ]
    profile = {**journal["profile"], "checkin_items": ";".join(journal["profile"]["checkin_items"])}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("sessions.csv", _csv(sessions, [*SESSION_FIELDS, "tags"]))
        archive.writestr("checkins.csv", _csv(journal["checkins"], CHECKIN_FIELDS))
        archive.writestr("profile.csv", _csv([profile], PROFILE_FIELDS))
    return buffer.getvalue()


# -- import -----------------------------------------------------------------


class RowError(ValueError):
    pass


def _int(row, name, ranges, required=False):
    value = row.get(name)
    if value is None:
        if required:
            raise RowError(f"{name} is missing")
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise RowError(f"{name} must be a whole number, not {json.dumps(value)[:40]}")
    low, high = ranges[name]
    if not low <= value <= high:
        raise RowError(f"{name} must be between {low} and {high}, not {value}")
    return value


def _float(row, name, ranges):
    value = row.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise RowError(f"{name} must be a number, not {json.dumps(value)[:40]}")
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
        raise RowError(f"{name} {value[:40]!r} is not one of {', '.join(sorted(choices))}")
    if len(value) > NOTE_MAX_LENGTH:
        raise RowError(f"{name} is longer than {NOTE_MAX_LENGTH} characters")
    return value


def _date(row, today):
    value = row.get("date")
    if not isinstance(value, str):
        raise RowError("date is missing or not text")
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        raise RowError(f"date {value[:40]!r} is not a date like 2026-11-20") from None
    if parsed > today:
        raise RowError(f"date {value} is in the future")
    if parsed.year < 1900:
        raise RowError(f"date {value} is before 1900")
    return parsed


def _time(row):
    value = row.get("start_time")
    if value is None:
        return None
    if not isinstance(value, str):
        raise RowError("start_time must be text like 07:15")
    try:
        return time.fromisoformat(value).replace(second=0, microsecond=0)
    except ValueError:
        raise RowError(f"start_time {value[:20]!r} is not a time like 07:15") from None


def _uuid(row):
    value = row.get("id")
    if value is None:
        return None
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise RowError(f"id {str(value)[:40]!r} is not a UUID") from None


def parse_session(row, today) -> Session:
    if not isinstance(row, dict):
        raise RowError("is not an object")
    activity = _text(row, "activity", set(Activity.values), default=None)
    if activity is None:
        raise RowError("activity is missing")
    session = Session(
        uuid=_uuid(row) or uuid.uuid4(),
        date=_date(row, today),
        start_time=_time(row),
        activity=activity,
        style=_text(row, "style", {"", *Style.values}) if activity == Activity.MOBILITY else "",
        note=_text(row, "note"),
    )
    for name in SESSION_RANGES:
        if name == "distance_km":
            session.distance_km = _float(row, name, SESSION_RANGES)
        else:
            setattr(session, name, _int(row, name, SESSION_RANGES, name in REQUIRED_SESSION))
    if session.avg_hr and session.max_hr and session.avg_hr > session.max_hr:
        raise RowError("avg_hr is above max_hr")
    session.explicit_id = "id" in row and row["id"] is not None
    return session


def parse_checkin(row, today) -> CheckIn:
    if not isinstance(row, dict):
        raise RowError("is not an object")
    checkin = CheckIn(date=_date(row, today), note=_text(row, "note"))
    for name in CHECKIN_RANGES:
        setattr(checkin, name, _int(row, name, CHECKIN_RANGES, name in REQUIRED_CHECKIN))
    return checkin


def parse_profile(data) -> dict:
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ImportRefused("The profile must be an object.")
    try:
        values = {}
        if data.get("time_zone") is not None:
            zone = _text(data, "time_zone")
            if zone not in zoneinfo.available_timezones():
                raise RowError(f"time_zone {zone[:40]!r} is not a known time zone")
            values["time_zone"] = zone
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
            if not isinstance(items, list) or not set(items) <= set(CHECKIN_ITEMS):
                raise RowError(
                    f"checkin_items must be a list drawn from {', '.join(CHECKIN_ITEMS)}"
                )
            values["checkin_items"] = [item for item in CHECKIN_ITEMS if item in items]
    except RowError as error:
        raise ImportRefused(f"The profile is invalid: {error}.") from None
    return values


def load_document(raw: bytes) -> dict:
    if len(raw) > MAX_IMPORT_BYTES:
        raise ImportRefused(
            f"The file is {len(raw) / 1_048_576:.1f} MB; the limit is "
            f"{MAX_IMPORT_BYTES // 1_048_576} MB."
        )
    try:
        document = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ImportRefused("The file is not UTF-8 text.") from None
    except json.JSONDecodeError as error:
        raise ImportRefused(
            f"The file is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})."
        ) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportRefused(
            'This is not a Movement Journal export (its "format" is not "movement-journal").'
        )
    if document.get("version") != VERSION:
        raise ImportRefused(
            f"This file is version {json.dumps(document.get('version'))[:20]}; this app reads "
            f"version {VERSION}. Export it again from a matching version."
        )
    for key in ("sessions", "checkins"):
        if not isinstance(document.get(key, []), list):
            raise ImportRefused(f'"{key}" must be a list.')
    return document


def import_journal(user, raw: bytes) -> ImportReport:
    """Validate the whole file, then write every valid new row in one transaction."""
    document = load_document(raw)
    profile_values = parse_profile(document.get("profile"))
    profile = profile_for(user)
    zone_name = profile_values.get("time_zone", profile.time_zone)
    today = timezone.now().astimezone(zoneinfo.ZoneInfo(zone_name)).date()
    report = ImportReport()

    sessions, checkins = [], []
    for index, row in enumerate(document.get("sessions", [])):
        try:
            sessions.append(parse_session(row, today))
        except RowError as error:
            report.rejected.append(f"session {index}: {error}")
    for index, row in enumerate(document.get("checkins", [])):
        try:
            checkins.append(parse_checkin(row, today))
        except RowError as error:
            report.rejected.append(f"check-in {index}: {error}")

    with transaction.atomic():
        for name, value in profile_values.items():
            setattr(profile, name, value)
        existing = Session.objects.for_user(user)
        known_ids = set(existing.values_list("uuid", flat=True))
        known_keys = set(existing.values_list("date", "activity", "start_time", "minutes"))
        new_sessions = []
        for index, session in enumerate(sessions):
            key = (session.date, session.activity, session.start_time, session.minutes)
            if session.uuid in known_ids or (not session.explicit_id and key in known_keys):
                report.skipped.append(f"session {index}: already in the journal")
                continue
            session.owner = user
            known_ids.add(session.uuid)
            known_keys.add(key)
            new_sessions.append(session)
        known_days = set(CheckIn.objects.for_user(user).values_list("date", flat=True))
        new_checkins = []
        for index, checkin in enumerate(checkins):
            if checkin.date in known_days:
                report.skipped.append(f"check-in {index}: a check-in for {checkin.date} exists")
                continue
            checkin.owner = user
            known_days.add(checkin.date)
            new_checkins.append(checkin)
        save_imported(profile, new_sessions, new_checkins)
    report.imported_sessions = len(new_sessions)
    report.imported_checkins = len(new_checkins)
    return report
