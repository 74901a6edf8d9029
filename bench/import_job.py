"""The web import's requests and background task, timed by hand (python bench/import_job.py).

On a fresh SQLite database in a temporary folder (or DATABASE_URL when set to
an empty database), with django-tasks' database backend as configured, it
uploads two files through the web flow and prints how long each request held
the server, then runs the real worker (one batch) for the preview and for the
import and prints their times and rows:

- a Movement Journal JSON of about 18 MB (ten years: 5,000 sessions and 3,650
  check-ins, each with a long note), the file issue 9 saw time out;
- ten years of Strava activities (about 4,400 rows) in a bulk-export zip.

Figures are printed, never asserted: they depend on the machine.
"""

import json
import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def journal_export(years: int = 10) -> bytes:
    rnd = random.Random(5)
    start = date.today() - timedelta(days=365 * years)
    note = "A long note about the day, the weather and the legs. " * 36  # about 1,950 characters
    sessions = [
        {
            "date": (start + timedelta(days=i * 365 * years // 5000)).isoformat(),
            "start_time": f"{6 + i % 12:02d}:{i % 60:02d}",
            "activity": rnd.choice(["aerobic", "walking", "resistance", "hiit"]),
            "minutes": rnd.randint(20, 90),
            "effort": rnd.randint(2, 8),
            "feeling_before": rnd.randint(-2, 2),
            "feeling_after": rnd.randint(-1, 4),
            "note": note[: rnd.randint(1500, 1950)],
        }
        for i in range(5000)
    ]
    checkins = [
        {
            "date": (start + timedelta(days=i)).isoformat(),
            "mood": rnd.randint(2, 5),
            "sleep_quality": rnd.randint(3, 9),
            "note": note[: rnd.randint(1500, 1950)],
        }
        for i in range(365 * years)
    ]
    return json.dumps(
        {"format": "movement-journal", "version": 1, "sessions": sessions, "checkins": checkins}
    ).encode()


def strava_export(years: int = 10) -> bytes:
    from tests.imports.import_files import strava_row, strava_zip

    rnd = random.Random(3)
    rows, day, n = [], date.today() - timedelta(days=365 * years), 0
    while day < date.today():
        for _ in range(rnd.choice([0, 1, 1, 1, 2])):
            n += 1
            kind = rnd.choice(["Run", "Ride", "Walk", "Weight Training", "Yoga", "Surfing"])
            rows.append(strava_row(10_000 + n, day, kind, rnd.randint(600, 7200), 8000))
        day += timedelta(days=1)
    return strava_zip(rows)


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="mj-import-bench-"))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{folder / 'bench.sqlite3'}")
    os.environ.update(DEBUG="1", HTTPS_ONLY="0", ALLOWED_HOSTS="testserver")
    os.environ["IMPORT_UPLOAD_DIR"] = str(folder / "uploads")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.test import Client
    from django_tasks_db.management.commands.db_worker import Worker

    from journal.imports import pipeline as imports
    from journal.imports.models import ImportJob
    from journal.models import CheckIn, Session

    call_command("migrate", verbosity=0)
    worker = {
        "queue_names": ["default"],
        "interval": 0,
        "batch": True,
        "backend_name": "default",
        "startup_delay": False,
        "max_tasks": None,
        "worker_id": "bench",
        "excluded_queue_names": [],
    }
    print(f"database: {django.db.connection.vendor}")
    for index, (label, name, body) in enumerate(
        [
            ("Movement Journal JSON", "journal.json", journal_export()),
            ("Strava zip, ten years", "export.zip", strava_export()),
        ]
    ):
        user = User.objects.create_user(f"bench{index}", password="not-used-for-login-1")
        client = Client()
        client.force_login(user)
        began = time.perf_counter()
        response = client.post("/account/import/", {"file": SimpleUploadedFile(name, body)})
        upload_s = time.perf_counter() - began
        job = ImportJob.objects.filter(owner=user).first()
        if job is None:
            print(f"{label}: the upload was refused ({response.status_code})")
            continue
        began = time.perf_counter()
        Worker(**worker).run()
        preview_s = time.perf_counter() - began
        job.refresh_from_db()
        fields = {f"type_{i}": "aerobic" for i, _ in enumerate(job.preview.get("types", []))}
        began = time.perf_counter()
        confirm = client.post(f"/account/import/{job.pk}/confirm/", {"action": "import", **fields})
        confirm_s = time.perf_counter() - began
        began = time.perf_counter()
        Worker(**worker).run()
        import_s = time.perf_counter() - began
        job.refresh_from_db()
        sessions = Session.objects.filter(owner=user).count()
        checkins = CheckIn.objects.filter(owner=user).count()
        print(
            f"{label}: {len(body) / 1e6:.1f} MB; upload request {upload_s * 1000:.0f} ms "
            f"(status {response.status_code}), confirm request {confirm_s * 1000:.0f} ms "
            f"(status {confirm.status_code}); worker: preview {preview_s:.1f} s, "
            f"import {import_s:.1f} s -> {job.status}, {sessions} sessions and "
            f"{checkins} check-ins written"
        )
        print(f"  report: {imports.summary(job.report)}")


if __name__ == "__main__":
    main()
