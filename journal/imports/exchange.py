"""The journal exchange format (../shared/design/exchange-format.md), version 1.

Export writes one person's whole journal; import validates every row first,
reports each rejected row with its index and reason, skips rows that already
exist, and writes the rest in one transaction. The importer trusts nothing in
the file: it is a public format that other tools may write.
"""

import csv
import io
import json
import zipfile
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from journal.core.services import begin_write, profile_for, save_imported
from journal.imports.exchange_rows import (  # noqa: F401 (the importer's API lives here too)
    FORMAT,
    VERSION,
    ImportRefused,
    RowError,
    load_document,
    parse_checkin,
    parse_profile,
    parse_session,
    refuse_if_too_large,
)
from journal.models import CHECKIN_ITEMS, PROFILE_FIELDS, CheckIn, Session

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


def import_journal(user, raw: bytes, apply_profile: bool = True) -> ImportReport:
    """Validate the whole file, then write every valid new row in one transaction.

    The file's profile replaces the person's only when `apply_profile` is true
    (the web import asks first: journal.imports.journal_preview).
    """
    document = load_document(raw)
    profile = profile_for(user)
    profile_values = parse_profile(document.get("profile"), profile)
    if not apply_profile:
        profile_values = {}
    for name, value in profile_values.items():
        setattr(profile, name, value)
    today, birth_year = profile.today(), profile.birth_year
    report = ImportReport()

    sessions, checkins = [], []
    for index, row in enumerate(document.get("sessions", [])):
        try:
            sessions.append(parse_session(row, today, birth_year))
        except RowError as error:
            report.rejected.append(f"session {index}: {error}")
    for index, row in enumerate(document.get("checkins", [])):
        try:
            checkins.append(parse_checkin(row, today, birth_year))
        except RowError as error:
            report.rejected.append(f"check-in {index}: {error}")

    with transaction.atomic():
        # Take the owner's write lock before reading what exists: a second import
        # of the same file waits here, then finds this one's rows and skips them.
        begin_write(user)
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
