"""A real `manage.py db_worker` killed (SIGKILL) in the middle of an import strands nothing.

The worker runs as a process of its own, so the test works on a database of its
own too, migrated and filled by `manage.py`: a SQLite file in a temporary folder,
or a scratch PostgreSQL database when DATABASE_URL names a server (the test
database of the other tests lives in one process, or in its transactions). The
lease is four seconds here (IMPORT_LEASE_SECONDS), so the test is quick; nothing
in it is a limit on wall-clock time but the guard against a worker that hangs for
good.
"""

import json
import os
import secrets
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
LEASE = 4
ROWS = 40_000
GIVE_UP_AFTER = 180  # seconds: only a hung worker gets here

# Runs in `manage.py shell`: alice, a Strava export of ROWS runs in the upload folder,
# and its job queued for the database worker, as the web import leaves them.
QUEUE_AN_IMPORT = """
import json
from django.contrib.auth.models import User
from journal.imports import tasks
from journal.imports.models import ImportJob, upload_dir
from tests.imports.import_files import days_ago, strava_csv, strava_row

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


class Scratch:
    """A database of the test's own, which the workers and the test all reach: a SQLite
    file, or on PostgreSQL (DATABASE_URL=postgres://...) a database made and dropped here."""

    def __init__(self, tmp_path: Path):
        self.folder = tmp_path
        server = os.environ.get("DATABASE_URL", "")
        self.postgres = server.startswith(("postgres://", "postgresql://"))
        if self.postgres:
            self.name = f"mj_killed_{secrets.token_hex(4)}"
            self.admin = server
            self.url = server.rsplit("/", 1)[0] + "/" + self.name
            self._admin(f"CREATE DATABASE {self.name}")
        else:
            self.url = f"sqlite:///{tmp_path / 'journal.sqlite3'}"

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.admin, autocommit=True) as db:
            db.execute(sql)

    def drop(self) -> None:
        if self.postgres:
            self._admin(f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)")

    def one(self, sql: str, *params):
        """The first row of a query, as a dict (its datetimes parsed on SQLite)."""
        if self.postgres:
            import psycopg
            from psycopg.rows import dict_row

            with psycopg.connect(self.url, row_factory=dict_row) as db:
                return db.execute(sql, params).fetchone()
        path = self.url.removeprefix("sqlite:///")
        with sqlite3.connect(path, timeout=30) as db:
            db.row_factory = sqlite3.Row
            row = dict(db.execute(sql.replace("%s", "?"), params).fetchone())
        for name in ("heartbeat_at", "finished_at"):
            if isinstance(row.get(name), str):
                row[name] = datetime.fromisoformat(row[name])
        return row


@pytest.fixture
def scratch(tmp_path):
    database = Scratch(tmp_path)
    env = {
        **{k: v for k, v in os.environ.items() if k not in {"DEBUG", "DATABASE_URL"}},
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "SECRET_KEY": "test-only-not-secret",
        "DATABASE_URL": database.url,
        "IMPORT_UPLOAD_DIR": str(tmp_path / "imports"),
        "IMPORT_LEASE_SECONDS": str(LEASE),
        "LOG_LEVEL": "INFO",
    }
    try:
        manage(env, "migrate", "--noinput", "-v", "0")
        yield env, database, tmp_path
    finally:
        database.drop()


def job_row(database: Scratch, pk: int) -> dict:
    return database.one("SELECT * FROM journal_importjob WHERE id = %s", pk)


def sessions_of_the_import(database: Scratch) -> tuple[int, int]:
    row = database.one(
        "SELECT COUNT(*) AS count, COUNT(DISTINCT source_id) AS distinct_ids "
        "FROM journal_session WHERE source = %s",
        "strava",
    )
    return row["count"], row["distinct_ids"]


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
    assert (ended["finished_at"] - killed_at["heartbeat_at"]).total_seconds() >= LEASE
    # Each row at most once: here none, since the write died with the worker.
    count, distinct = sessions_of_the_import(database)
    assert count == distinct == 0
    assert ended["upload"] == ""
    assert not upload.exists()
    assert list((folder / "imports").iterdir()) == []
    assert "settled" in log.read_text()
