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

from journal.core import words
from journal.core.held import Held
from journal.core.services import begin_write, profile_for, save_imported
from journal.imports import experiment_rows
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
    "source",
    "source_id",
]
CHECKIN_FIELDS = ["date", "mood", "sleep_quality", *CHECKIN_ITEMS, "note"]


@dataclass
class ImportReport:
    imported_sessions: int = 0
    imported_checkins: int = 0
    imported_experiments: int = 0
    dates: tuple[str, str] | None = None  # first and last date imported (ISO), if any
    skipped: list[str] = field(default_factory=list)  # already in the journal
    rejected: list[str] = field(default_factory=list)  # invalid rows, with reasons

    def summary(self) -> str:
        experiments = self.imported_experiments
        return (
            f"{words.count(self.imported_sessions, 'session')} and "
            f"{words.count(self.imported_checkins, 'check-in')} imported"
            + (f" (and {words.count(experiments, 'experiment')})" if experiments else "")
            + f", {len(self.skipped):,} skipped as already present, "
            f"{len(self.rejected):,} rejected."
        )


def date_span(rows) -> tuple[str, str] | None:
    """The first and last date of imported rows (ISO), for "Imported ..., March to May"."""
    days = [row.date for row in rows]
    return (min(days).isoformat(), max(days).isoformat()) if days else None


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
            "source": s.source,
            "source_id": s.source_id or None,
            "tags": tag_rows(s),
        }


def tag_rows(session, why: bool = False) -> list[dict]:
    """A session's tags as the exchange format writes them (by rule id); with `why`, each
    one's reason too, as the API's tags endpoint answers."""
    return [
        {
            "effect": t.effect,
            "timescale": t.timescale,
            "status": t.status,
            "magnitude": t.magnitude,
            "rule": t.rule,
            "rule_version": t.rule_version,
            **({"why": t.why} if why else {}),
        }
        for t in sorted(session.tags.all(), key=lambda t: t.rule)
    ]


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
        "experiments": experiment_rows.export_rows(user),
    }


def export_json(user) -> bytes:
    return json.dumps(export_journal(user), indent=2, ensure_ascii=False).encode()


# A spreadsheet reads a cell that begins with one of these as a formula (or, for a tab
# or carriage return, may strip them and read what follows as one): OWASP's rule for
# CSV injection is a leading apostrophe, which makes the cell plain text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """A text cell as a spreadsheet shows it as text; numbers (and empty cells) unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _csv(rows: list[dict], columns: list[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    writer.writerows({name: spreadsheet_safe(value) for name, value in row.items()} for row in rows)
    return out.getvalue()


def export_csv_zip(user) -> bytes:
    """sessions.csv, checkins.csv, profile.csv (and experiments.csv when there are any) in
    one zip, for spreadsheets.

    Every text cell is spreadsheet_safe; the JSON export, the exact round trip, is not
    touched by that rule."""
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
        if journal["experiments"]:  # the schedule as one cell: "ABBA..."
            rows = [{**e, "schedule": "".join(e["schedule"])} for e in journal["experiments"]]
            archive.writestr("experiments.csv", _csv(rows, list(rows[0])))
    return buffer.getvalue()


# -- import -----------------------------------------------------------------


def numbered(row, index: int, today):
    """A parsed row that remembers where it was in the file and how to name it."""
    row.row_index = index
    what = f", {row.get_activity_display()}" if isinstance(row, Session) else ""
    row.shown = f"{words.day(row.date, today)}{what}"
    return row


def import_journal(user, raw: bytes, apply_profile: bool = True, finish=None) -> ImportReport:
    """Validate the whole file, then write every valid new row in one transaction.

    The file's profile replaces the person's only when `apply_profile` is true
    (the web import asks first: journal.imports.journal_preview). `finish(report)`,
    when given, runs last inside that transaction; what it raises rolls the rows back.
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
            sessions.append(numbered(parse_session(row, today, birth_year), index, today))
        except RowError as error:
            report.rejected.append(f"session {index}: {error}")
    for index, row in enumerate(document.get("checkins", [])):
        try:
            checkins.append(numbered(parse_checkin(row, today, birth_year), index, today))
        except RowError as error:
            report.rejected.append(f"check-in {index}: {error}")
    experiments = experiment_rows.parse_all(document, today, report.rejected)

    with transaction.atomic():
        # Take the owner's write lock before reading what exists: a second import
        # of the same file waits here, then finds this one's rows and skips them.
        begin_write(user)
        held = Held(user, journal_file=True)
        new_sessions, new_checkins, skipped = held.split(sessions, checkins, user)
        for row in skipped:
            kind = "session" if isinstance(row, Session) else "check-in"
            report.skipped.append(f"{kind} {row.row_index} ({row.shown}): {row.skip_reason}")
        save_imported(profile, new_sessions, new_checkins)
        report.imported_experiments = experiment_rows.restore(
            user, experiments, report.skipped, today
        )
        report.imported_sessions = len(new_sessions)
        report.imported_checkins = len(new_checkins)
        report.dates = date_span([*new_sessions, *new_checkins])
        if finish is not None:
            finish(report)
    return report
