"""Small export files the import tests build themselves (no real person's data)."""

import csv
import io
import json
import zipfile
from datetime import date, timedelta

from tests.imports.importer_files import STRAVA_HEADER
from tests.imports.importer_files import strava_row as full_strava_row


def strava_row(activity_id, day: date, kind="Run", seconds=1800, metres=5000.0, name="Morning run"):
    """A row of the full Strava export (tests.importer_files), from the figures the
    pipeline's tests vary."""
    return full_strava_row(
        id=str(activity_id),
        date=f"{day:%b} {day.day}, {day.year}, 7:15:00 AM",
        name=name,
        type=kind,
        elapsed=str(seconds),
        distance=f"{metres / 1000:.2f}",
        max_hr="170",
        elapsed_si=str(seconds),
        distance_si=f"{metres:.1f}",
        max_hr_si="170.0",
        avg_hr="140",
    )


def strava_csv(rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(STRAVA_HEADER)
    writer.writerows(rows)
    return out.getvalue().encode()


def strava_zip(rows) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("activities.csv", strava_csv(rows))
        archive.writestr("profile.csv", "Athlete ID\n1\n")
    return buffer.getvalue()


def days_ago(n: int) -> date:
    return date.today() - timedelta(days=n)


def three_strava_rows():
    """A run, a ride and a surf (a type no table knows: mixed unless mapped)."""
    return [
        strava_row(1001, days_ago(30), "Run", 1800, 5000),
        strava_row(1002, days_ago(20), "Ride", 3600, 20000, name="Hills"),
        strava_row(1003, days_ago(3), "Surfing", 2700, 0, name="Box"),
    ]


def daylio_csv(entries) -> bytes:
    """entries: (day, "HH:MM", mood label, activities, note)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        ["full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note"]
    )
    for day, at, label, activities, note in entries:
        writer.writerow(
            [day.isoformat(), f"{day:%B} {day.day}", f"{day:%A}", at, label, activities, "", note]
        )
    return out.getvalue().encode()


def journal_json(sessions=(), checkins=(), profile=None) -> bytes:
    return json.dumps(
        {
            "format": "movement-journal",
            "version": 1,
            "profile": profile or {},
            "sessions": list(sessions),
            "checkins": list(checkins),
        }
    ).encode()


def journal_session(**fields) -> dict:
    return {
        "date": days_ago(5).isoformat(),
        "activity": "aerobic",
        "minutes": 30,
        "feeling_before": 0,
        "feeling_after": 2,
        **fields,
    }


def garmin_csv(rows) -> bytes:
    """rows: (day, activity type, "hh:mm:ss", distance in the account's unit)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Activity Type", "Date", "Favorite", "Title", "Distance", "Time", "Avg HR"])
    for day, kind, duration, distance in rows:
        writer.writerow(
            [kind, f"{day.isoformat()} 07:30:00", "false", "Easy", distance, duration, "--"]
        )
    return out.getvalue().encode()


def run_worker_once(worker_id: str = "test-worker") -> None:
    """One batch of django-tasks' real database worker: runs every task queued, then stops."""
    from django_tasks_db.management.commands.db_worker import Worker

    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
    ).run()
