"""What importing one of our own JSON files would do, shown before anything is written.

The exchange format's import (journal.imports.exchange) replaces the profile with the
file's; the web import first shows each profile value that would change and
lets the person choose, and counts the rows that are new, already present or
rejected.
"""

from journal.core.held import Held
from journal.core.services import profile_for
from journal.imports import exchange, experiment_rows
from journal.models import PROFILE_FIELDS, Profile

FIRST_ROWS = 10


def _shown(value) -> str:
    if value in (None, ""):
        return "(none)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(value) or "(none)"
    return str(value)


def profile_changes(profile: Profile, values: dict) -> list[dict]:
    """Each profile value the file would change: its name, now, and in the file."""
    changes = []
    for name in PROFILE_FIELDS:
        if name in values and values[name] != getattr(profile, name):
            changes.append(
                {
                    "field": str(Profile._meta.get_field(name).verbose_name).capitalize(),
                    "now": _shown(getattr(profile, name)),
                    "file": _shown(values[name]),
                }
            )
    return changes


def preview(owner, raw: bytes) -> dict:
    """The preview of a JSON file; raises exchange.ImportRefused for an unusable file."""
    document = exchange.load_document(raw)
    profile = profile_for(owner)
    values = exchange.parse_profile(document.get("profile"), profile)
    today, birth_year = profile.today(), profile.birth_year
    rejected, sessions, checkins = [], [], []
    for index, row in enumerate(document.get("sessions", [])):
        try:
            sessions.append(exchange.parse_session(row, today, birth_year))
        except exchange.RowError as error:
            rejected.append({"line": None, "reason": f"session {index}: {error}"})
    for index, row in enumerate(document.get("checkins", [])):
        try:
            checkins.append(exchange.parse_checkin(row, today, birth_year))
        except exchange.RowError as error:
            rejected.append({"line": None, "reason": f"check-in {index}: {error}"})
    held = Held(owner, journal_file=True)
    present_sessions = 0
    for session in sessions:
        session.held = bool(held.session_reason(session, session.explicit_id))
        present_sessions += session.held
        if not session.held:
            held.add_session(session)  # a row twice in the file is imported once
    present_checkins = 0
    for checkin in checkins:
        present_checkins += bool(held.checkin_reason(checkin))
        held.add_checkin(checkin)
    experiments = experiment_rows.parse_all(document, today, reasons := [])
    rejected += [{"line": None, "reason": reason} for reason in reasons]
    dates = [row.date for row in (*sessions, *checkins)]
    return {
        "source": "journal",
        "counts": {
            "sessions": len(sessions),
            "checkins": len(checkins),
            "experiments": len(experiments),
            "rejected": len(rejected),
        },
        "present": present_sessions + present_checkins,
        "present_sessions": present_sessions,
        "present_checkins": present_checkins,
        "first_date": min(dates).isoformat() if dates else None,
        "last_date": max(dates).isoformat() if dates else None,
        "profile_changes": profile_changes(profile, values),
        "rows": [
            {
                "kind": "session",
                "date": s.date.isoformat(),
                "start_time": s.start_time.strftime("%H:%M") if s.start_time else "",
                "activity": s.get_activity_display(),
                "minutes": s.minutes,
                "distance_km": s.distance_km,
                "avg_hr": s.avg_hr,
                "note": s.note[:80],
                "held": s.held,
            }
            for s in sessions[:FIRST_ROWS]
        ],
        "rejected": rejected,
    }
