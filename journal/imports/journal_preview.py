"""What importing one of our own JSON files would do, shown before anything is written.

The exchange format's import (journal.imports.exchange) replaces the profile with the
file's; the web import first shows each profile value that would change and
lets the person choose, and counts the rows that are new, already present or
rejected.
"""

from journal.core.services import profile_for
from journal.imports import exchange
from journal.models import PROFILE_FIELDS, CheckIn, Profile, Session

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
    known_ids = set(Session.objects.for_user(owner).values_list("uuid", flat=True))
    known_days = set(CheckIn.objects.for_user(owner).values_list("date", flat=True))
    present = sum(s.uuid in known_ids for s in sessions) + sum(
        c.date in known_days for c in checkins
    )
    dates = [row.date for row in (*sessions, *checkins)]
    return {
        "source": "journal",
        "counts": {"sessions": len(sessions), "checkins": len(checkins), "rejected": len(rejected)},
        "present": present,
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
            }
            for s in sessions[:FIRST_ROWS]
        ],
        "rejected": rejected,
    }
