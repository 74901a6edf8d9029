"""A real `manage.py db_worker` killed (SIGKILL) in the middle of an import strands nothing.

The worker runs as a process of its own, so the test works on a database of its
own too: a SQLite file in a temporary folder, migrated and filled by `manage.py`
(the in-memory test database of the other tests cannot be shared with another
process). The lease is four seconds here (IMPORT_LEASE_SECONDS), so the test
is quick; nothing in it is a limit on wall-clock time but the guard against a
worker that hangs for good.
"""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LEASE = 4
ROWS = 40_000
GIVE_UP_AFTER = 180  # seconds: only a hung worker gets here

# Runs in `manage.py shell`: alice, a Strava export of ROWS runs in the upload folder,
# and its job queued for the database worker, as the web import leaves them.
QUEUE_AN_IMPORT = """
import json
from django.contrib.auth.models import User
from journal import tasks
from journal.importjob import ImportJob, upload_dir
from tests.import_files import days_ago, strava_csv, strava_row

rows = {rows}
alice = User.objects.create_user("alice", password="x")
folder = upload_dir()
folder.mkdir(parents=True, exist_ok=True)
(folder / "big.upload").write_bytes(
    strava_csv([strava_row(10_000 + i, days_ago(1 + i % 3000)) for i in range(rows)])
)
job = ImportJob.objects.create(
    owner=alice, kind="activities", source="strava", file_name="activities.csv",
    upload="big.upload", status=ImportJob.Status.QUEUED,
)
result = tasks.run_import.enqueue(job.pk)
ImportJob.objects.filter(pk=job.pk).update(task_id=str(result.id))
print(json.dumps({{"job": job.pk}}))
"""


def manage(env, *args, **kwargs):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        **kwargs,
    )


def start_worker(env, log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay"]
        + ["--interval", "0.2"],
        cwd=ROOT,
        env=env,
        stdout=log.open("a"),
        stderr=subprocess.STDOUT,
    )


def wait_for(read, ready, what: str, workers=()):
    """Poll `read()` until `ready(value)`; fail (saying what was awaited) on a hang."""
    start = time.monotonic()
    while time.monotonic() - start < GIVE_UP_AFTER:
        value = read()
        if ready(value):
            return value
        for worker in workers:
            assert worker.poll() is None, f"the worker ended while waiting for {what}"
        time.sleep(0.05)
    pytest.fail(f"gave up waiting for {what}; last seen {value}")


@pytest.fixture
def scratch(tmp_path):
    database = tmp_path / "journal.sqlite3"
    env = {
        **{k: v for k, v in os.environ.items() if k not in {"DEBUG", "DATABASE_URL"}},
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "SECRET_KEY": "test-only-not-secret",
        "DATABASE_URL": f"sqlite:///{database}",
        "IMPORT_UPLOAD_DIR": str(tmp_path / "imports"),
        "IMPORT_LEASE_SECONDS": str(LEASE),
        "LOG_LEVEL": "INFO",
    }
    manage(env, "migrate", "--noinput", "-v", "0")
    return env, database, tmp_path


def job_row(database: Path, pk: int) -> dict:
    with sqlite3.connect(database, timeout=30) as db:
        db.row_factory = sqlite3.Row
        row = db.execute("SELECT * FROM journal_importjob WHERE id = ?", (pk,)).fetchone()
        return dict(row)


def sessions_of_the_import(database: Path) -> tuple[int, int]:
    with sqlite3.connect(database, timeout=30) as db:
        return db.execute(
            "SELECT COUNT(*), COUNT(DISTINCT source_id) FROM journal_session WHERE source = ?",
            ("strava",),
        ).fetchone()


UNDER_WAY = {
    # Into the file: running, some rows read, not all.
    "reading": lambda job: job["status"] == "running" and 0 < job["done"] < (job["total"] or 0),
    # Every row read: the worker is writing them, in one transaction.
    "writing": lambda job: (
        job["status"] == "running" and job["total"] and job["done"] >= job["total"]
    ),
}


@pytest.mark.parametrize("moment", list(UNDER_WAY))
def test_a_worker_killed_mid_import_leaves_a_failed_job_no_rows_and_no_file(scratch, moment):
    env, database, folder = scratch
    queued = manage(env, "shell", "-c", QUEUE_AN_IMPORT.format(rows=ROWS))
    pk = json.loads(queued.stdout.strip().splitlines()[-1])["job"]
    upload = folder / "imports" / "big.upload"
    assert upload.exists()
    log = folder / "workers.log"

    first = start_worker(env, log)
    try:
        seen = wait_for(
            lambda: job_row(database, pk),
            UNDER_WAY[moment],
            f"the import to be {moment}",
            workers=[first],
        )
        assert seen["heartbeat_at"] is not None
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait()
    assert first.returncode == -signal.SIGKILL
    killed_at = job_row(database, pk)
    assert killed_at["status"] == "running"  # what the probe saw: stranded, for now

    second = start_worker(env, log)
    try:
        ended = wait_for(
            lambda: job_row(database, pk),
            lambda job: job["status"] != "running",
            "the new worker to settle the job",
            workers=[second],
        )
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(timeout=60)

    assert ended["status"] == "failed", log.read_text()[-3000:]
    assert "the worker running it ended. Nothing was imported." in ended["error"]
    # Settled by the lease, not before it lapsed.
    beat = datetime.fromisoformat(killed_at["heartbeat_at"])
    finished = datetime.fromisoformat(ended["finished_at"])
    assert (finished - beat).total_seconds() >= LEASE
    # Each row at most once: here none, since the write died with the worker.
    count, distinct = sessions_of_the_import(database)
    assert count == distinct == 0
    assert ended["upload"] == ""
    assert not upload.exists()
    assert list((folder / "imports").iterdir()) == []
    assert "settled" in log.read_text()
