"""Imports from other apps (imports.md): the parsers' rows become sessions and check-ins.

journal.imports.parsers reads a file as a stream of plain rows; this module applies
the person's mapping, validates each row as the forms' models would, and
hands the valid ones to journal.core.services, which writes them in one
transaction. The web import (through the background task), and
`manage.py import_activities` both call `import_file`, so they report the
same thing.
"""

import hashlib
from collections import Counter
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError

from journal.core import words
from journal.core.held import Held
from journal.core.services import profile_for, save_imported_rows
from journal.dashboard import RANGES, range_start
from journal.imports import parsers as importers
from journal.imports.exchange import date_span
from journal.imports.parsers.base import ImportedCheckIn, ImportedSession, Options, Rejected
from journal.models import Activity, CheckIn, Session, Style

KM_PER_MILE = Decimal("1.609344")
REPORT_REASONS_KEPT = 1000  # every rejected row is counted; this many keep their reason
SOURCE_ID_MAX = 120


def activity_choices() -> list[tuple[str, str]]:
    """The targets an activity type can be mapped to: "aerobic", ..., "mobility:yoga"."""
    choices = [(a.value, a.label) for a in Activity if a != Activity.MOBILITY]
    choices += [(f"mobility:{s.value}", f"Mobility / {s.label.lower()}") for s in Style]
    return choices


def parse_target(value: str) -> tuple[str, str] | None:
    """ "mobility:yoga" -> ("mobility", "yoga"); None when it is not a known target."""
    if value not in dict(activity_choices()):
        return None
    activity, _, style = value.partition(":")
    return activity, style


def target_of(activity: str | None, style: str = "") -> str:
    if activity == Activity.MOBILITY:
        return f"mobility:{style or Style.OTHER}"
    return activity or Activity.MIXED


def make_options(profile, chosen: dict | None = None) -> Options:
    """The parser's options from the profile and what the person chose in the preview."""
    chosen = chosen or {}
    return Options(
        time_zone=profile.zone,
        distance_unit=chosen.get("distance_unit") or profile.distance_unit,
        activity_map={
            name: tuple(target) for name, target in (chosen.get("activity_map") or {}).items()
        },
        mood_map={label: int(mood) for label, mood in (chosen.get("mood_map") or {}).items()},
    )


def _reason(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return "; ".join(
            f"{name.replace('_', ' ')}: {' '.join(messages)}"
            for name, messages in error.message_dict.items()
        )
    return " ".join(error.messages)


def _check_date(day: date | None, today: date) -> None:
    if day is None:
        raise ValidationError("the row has no date")
    if day > today:
        raise ValidationError(f"the date, {words.day(day, today)}, is in the future")
    if day.year < 1900:
        raise ValidationError(f"the date, {words.day(day, today)}, is before 1900")


def _source_id(value: str) -> str:
    value = value or ""
    if len(value) > SOURCE_ID_MAX:  # long ids keep their identity as a digest
        return "sha1:" + hashlib.sha1(value.encode(), usedforsecurity=False).hexdigest()
    return value


def to_session(row: ImportedSession, options: Options, today: date) -> Session:
    """The session a row becomes under the mapping; ValidationError when it cannot be saved."""
    mapped = options.activity_map.get(row.source_type)
    if mapped:
        activity, style = mapped
    elif row.activity:
        activity, style = row.activity, row.style or ""
    else:  # a type in none of imports.md's lists: mixed unless the person mapped it
        activity, style = Activity.MIXED, ""
    _check_date(row.date, today)
    session = Session(
        date=row.date,
        start_time=row.start_time,
        activity=activity,
        style=(style or Style.OTHER) if activity == Activity.MOBILITY else "",
        minutes=row.minutes,
        effort=row.effort,
        avg_hr=row.avg_hr,
        max_hr=row.max_hr,
        distance_km=None if row.distance_km is None else float(row.distance_km),
        note=row.note or "",
        source=row.source,
        source_id=_source_id(row.source_id),
    )
    # Field validators and the model's own clean(); uniqueness is checked in bulk
    # by the write itself, and the checks per row would cost a query each.
    session.full_clean(exclude=["owner"], validate_unique=False, validate_constraints=False)
    return session


def to_checkin(row: ImportedCheckIn, options: Options, today: date) -> CheckIn:
    if row.mood is None:  # the parser applies options.mood_map; a label is still unmapped
        raise ValidationError(f"the mood label {row.mood_label!r} is not mapped to a mood")
    _check_date(row.date, today)
    checkin = CheckIn(date=row.date, mood=row.mood, sleep_quality=None, note=row.note or "")
    checkin.full_clean(exclude=["owner"], validate_unique=False, validate_constraints=False)
    return checkin


def collect(owner, path, source, options: Options, progress=None):
    """Read the whole file: the valid sessions and check-ins, and a report of the rest."""
    today = profile_for(owner).today()
    sessions, checkins = [], []
    report = {"source": source, "read": 0, "rejected": [], "rejected_total": 0, "unknown": {}}
    report |= {"warnings": [], "warnings_total": 0}
    unknown = Counter()

    def reject(line, reason):
        report["rejected_total"] += 1
        if len(report["rejected"]) < REPORT_REASONS_KEPT:
            report["rejected"].append({"line": line, "reason": reason})

    def warn(line, warnings):
        report["warnings_total"] += len(warnings)
        for warning in warnings[: REPORT_REASONS_KEPT - len(report["warnings"])]:
            report["warnings"].append({"line": line, "warning": warning})

    for row in importers.read(path, source, options, progress=progress):
        report["read"] += 1
        if isinstance(row, Rejected):
            reject(row.line, row.reason)
            continue
        try:
            if isinstance(row, ImportedSession):
                sessions.append(to_session(row, options, today))
                sessions[-1].import_line = row.line
                warn(row.line, row.warnings)
                if not row.activity and row.source_type not in options.activity_map:
                    unknown[row.source_type or "(none)"] += 1
            else:
                checkins.append(to_checkin(row, options, today))
                checkins[-1].import_line = row.line
        except ValidationError as error:
            reject(row.line, _reason(error))
    report["unknown"] = dict(unknown)
    return sessions, checkins, report


def import_file(owner, path, source, options: Options, *, dry_run=False, progress=None) -> dict:
    """Read, validate and (unless a dry run) write one file; returns the report."""
    sessions, checkins, report = collect(owner, path, source, options, progress)
    if dry_run:
        new_sessions, new_checkins, skipped = Held(owner, {source}).split(sessions, checkins)
        report.update(sessions=len(new_sessions), checkins=len(new_checkins))
        report["dates"] = date_span([*new_sessions, *new_checkins])
    else:
        written = save_imported_rows(owner, sessions, checkins)
        report.update(sessions=len(written["sessions"]), checkins=len(written["checkins"]))
        report["dates"] = date_span([*written["sessions"], *written["checkins"]])
        skipped = written["skipped"]
    report["skipped"] = len(skipped)
    today = profile_for(owner).today()
    report["skipped_rows"] = [
        {"line": getattr(row, "import_line", None), "reason": _skipped_reason(row, today)}
        for row in skipped[:REPORT_REASONS_KEPT]
    ]
    report["dry_run"] = dry_run
    return report


def _skipped_reason(row, today: date) -> str:
    what = f", {row.get_activity_display()}" if isinstance(row, Session) else ", check-in"
    return f"{words.day(row.date, today)}{what}: {row.skip_reason}"


def summary(report: dict) -> str:
    """One sentence for the page and the command line."""
    verb = "would be imported" if report.get("dry_run") else "imported"
    rejected = report.get("rejected_total", len(report.get("rejected", [])))
    text = (
        f"{words.count(report.get('sessions', 0), 'session')} and "
        f"{words.count(report.get('checkins', 0), 'check-in')} {verb}, "
        f"{report.get('skipped', 0):,} skipped as already present, "
        f"{rejected:,} rejected."
    )
    if report.get("experiments"):
        text += f" Experiments {verb}: {report['experiments']}."
    unknown = sum(report.get("unknown", {}).values())
    if unknown:
        text += (
            f" {words.count(unknown, 'session')} of a kind this app does not know "
            f"{saved_as_mixed(report, unknown)}."
        )
    warnings = report.get("warnings_total", 0)
    if warnings:
        text += f" {words.count(warnings, 'warning')} (listed with their lines)."
    return text


def arrived(report: dict) -> str:
    """One line for the dashboard after an import: what arrived, and over which months
    ("Imported 120 sessions, March to October 2025")."""
    parts = [
        words.count(n, noun)
        for n, noun in (
            (report.get("sessions", 0), "session"),
            (report.get("checkins", 0), "check-in"),
        )
        if n
    ]
    if not parts:
        return "The import added nothing new to your journal."
    text = "Imported " + " and ".join(parts)
    if report.get("dates"):
        first, last = (date.fromisoformat(d) for d in report["dates"])
        if (first.year, first.month) == (last.year, last.month):
            months = f"{first:%B %Y}"
        elif first.year == last.year:
            months = f"{first:%B} to {last:%B %Y}"
        else:
            months = f"{first:%B %Y} to {last:%B %Y}"
        text += f", {months}"
    return text + "."


def covering_range(report: dict, today: date) -> str:
    """The shortest dashboard range that shows everything an import brought ("all" when its
    dates are unknown, as in reports from before they were kept)."""
    if not report.get("dates"):
        return "all"
    first = date.fromisoformat(report["dates"][0])
    for key in RANGES:
        start = range_start(key, today)
        if start is None or start <= first:
            return key
    return "all"


def saved_as_mixed(report: dict, count: int = 2) -> str:
    """A dry run saves nothing, so it never says "saved" (imports.md section 3)."""
    verb = words.verb(count, "was", "were")
    return "would be saved as mixed" if report.get("dry_run") else f"{verb} saved as mixed"


def unit_sentence(unit: str, profile_unit: str, *, command: bool = False) -> str:
    """What a file that does not state its distance unit (Garmin) was read in."""
    other = "mi" if unit == "km" else "km"
    names = {"km": "kilometres", "mi": "miles"}
    if unit != profile_unit:
        why = "as --distance-unit says" if command else "as you chose"
        return f"Distances read as {unit}, {why}."
    whose = "the profile's" if command else "your profile's"
    change = f"import again with --distance-unit {other}" if command else "change it below"
    return (
        f"Distances read as {unit}, {whose} unit: {change} "
        f"if your Garmin account uses {names[other]}."
    )


def _row_dict(row, options: Options, today: date, held: Held) -> dict:
    """A first row of the preview, as it will be saved (or why it will not be)."""
    if isinstance(row, ImportedCheckIn):
        return {
            "kind": "checkin",
            "date": row.date.isoformat(),
            "mood": row.mood,
            "note": row.note[:80],
            "held": row.date in held.days,
        }
    try:
        session = to_session(row, options, today)
    except ValidationError as error:
        return {"kind": "session", "date": row.date.isoformat(), "note": _reason(error)}
    return {
        "kind": "session",
        "date": session.date.isoformat(),
        "start_time": session.start_time.strftime("%H:%M") if session.start_time else "",
        "activity": str(session.get_activity_display())
        + (f" ({session.get_style_display().lower()})" if session.style else ""),
        "minutes": session.minutes,
        "distance_km": session.distance_km,
        "avg_hr": session.avg_hr,
        "note": session.note[:80],
        "held": bool(held.session_reason(session)),
    }


def preview_dict(path, source: str, options: Options, profile, progress=None) -> dict:
    """The parsers' preview, as the job stores it (JSON) and the preview page shows it."""
    found = importers.preview(path, source, options, progress=progress)
    today = profile.today()
    held = Held(profile.user, {source})
    present_sessions = sum((source, _source_id(i)) in held.source_ids for i in found.source_ids)
    present_checkins = len(found.days & held.days)
    return {
        "source": source,
        "counts": {
            "sessions": found.sessions,
            "checkins": found.checkins,
            "rejected": found.rejected_count,
        },
        "first_date": found.first_date.isoformat() if found.first_date else None,
        "last_date": found.last_date.isoformat() if found.last_date else None,
        "types": [
            {
                "name": t.source_type,
                "count": t.count,
                "known": t.mapping is not None,
                "activity": t.mapping[0] if t.mapping else Activity.MIXED,
                "style": t.mapping[1] if t.mapping else "",
            }
            for t in found.types
        ],
        "moods": [{"label": m.label, "count": m.count, "mood": m.mood} for m in found.labels],
        "asks_unit": not found.unit_stated and found.sessions > 0,
        "distance_unit": options.distance_unit,
        "present": present_sessions + present_checkins,
        "present_sessions": present_sessions,
        "present_checkins": present_checkins,
        "unit_sentence": unit_sentence(options.distance_unit, profile.distance_unit),
        "warnings": [
            {"line": line, "warning": text} for line, text in found.warnings[:REPORT_REASONS_KEPT]
        ],
        "rows": [_row_dict(row, options, today, held) for row in found.rows],
        "rejected": [{"line": r.line, "reason": r.reason} for r in found.rejected],
    }
