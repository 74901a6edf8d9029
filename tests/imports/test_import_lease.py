"""Imports whose worker died end in words; messages name the real cause; Cancel is honest."""

import os
import time
from datetime import timedelta
from pathlib import Path
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django.urls import reverse
from django.utils import timezone

from journal.imports import lease as import_lease
from journal.imports import tasks
from journal.imports.models import ImportJob
from journal.models import Session
from tests.imports.flow import confirm, job_of, upload, uploads_left
from tests.imports.import_files import strava_csv, three_strava_rows

pytestmark = pytest.mark.django_db
Status = ImportJob.Status


def stored_job(owner, settings, status=Status.RUNNING, **fields) -> ImportJob:
    """A job as a worker left it, with its upload on disk."""
    folder = Path(settings.IMPORT_UPLOAD_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{status}-{ImportJob.objects.count()}.upload"
    (folder / name).write_bytes(strava_csv(three_strava_rows()))
    return ImportJob.objects.create(
        owner=owner, kind="activities", source="strava", file_name="a.csv", upload=name,
        status=status, **fields,
    )  # fmt: skip


def test_a_running_job_whose_lease_lapsed_is_settled_as_stopped(alice_client, alice, settings):
    settings.IMPORT_LEASE_SECONDS = 60
    now = timezone.now()
    dead = stored_job(alice, settings, heartbeat_at=now - timedelta(seconds=61), done=5, total=9)
    alive = stored_job(alice, settings, heartbeat_at=now - timedelta(seconds=30))
    reading = stored_job(alice, settings, Status.PREVIEWING, heartbeat_at=now - timedelta(hours=1))
    waiting = stored_job(alice, settings, Status.QUEUED)  # no worker yet: it just waits

    assert import_lease.settle_lapsed() == 2
    for job in (dead, alive, reading, waiting):
        job.refresh_from_db()
    assert (dead.status, dead.error, dead.upload) == (Status.FAILED, import_lease.STOPPED, "")
    assert (reading.status, reading.error) == (Status.FAILED, import_lease.READING_STOPPED)
    assert alive.status == Status.RUNNING
    assert waiting.status == Status.QUEUED
    assert sorted(p.name for p in uploads_left(settings)) == sorted([alive.upload, waiting.upload])

    page = alice_client.get(reverse("journal:import_job", args=[dead.pk])).content.decode()
    assert "the worker running it ended. Nothing was imported." in page
    assert "Importing" not in page


def test_the_job_page_and_the_account_page_settle_a_dead_job_by_themselves(
    alice_client, alice, settings
):
    settings.IMPORT_LEASE_SECONDS = 60
    job = stored_job(alice, settings, heartbeat_at=timezone.now() - timedelta(minutes=13))
    account = alice_client.get(reverse("journal:account")).content.decode()
    assert "An import is under way" not in account
    job.refresh_from_db()
    assert job.status == Status.FAILED
    assert uploads_left(settings) == []


def test_only_the_owners_jobs_are_settled_by_their_pages(alice_client, alice, bob, settings):
    settings.IMPORT_LEASE_SECONDS = 60
    theirs = stored_job(bob, settings, heartbeat_at=timezone.now() - timedelta(minutes=5))
    alice_client.get(reverse("journal:account"))
    theirs.refresh_from_db()
    assert theirs.status == Status.RUNNING  # left for the worker or bob's own pages
    assert alice_client.get(reverse("journal:import_job", args=[theirs.pk])).status_code == 404


def test_a_job_whose_task_a_dead_worker_took_but_never_started_is_settled(alice, settings):
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    settings.IMPORT_LEASE_SECONDS = 60
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    job = stored_job(alice, settings, Status.QUEUED)
    result = tasks.run_import.enqueue(job.pk)
    ImportJob.objects.filter(pk=job.pk).update(task_id=str(result.id))
    taken = timezone.now() - timedelta(seconds=90)
    DBTaskResult.objects.filter(id=result.id).update(
        status=TaskResultStatus.RUNNING, started_at=taken
    )
    assert import_lease.settle_lapsed() == 1
    job.refresh_from_db()
    assert (job.status, job.error) == (Status.FAILED, import_lease.STOPPED)
    assert DBTaskResult.objects.get(id=result.id).status == TaskResultStatus.FAILED


def test_uploads_that_no_live_job_holds_are_removed_once_left_alone(alice, settings):
    live = stored_job(alice, settings, Status.READY)
    finished = stored_job(alice, settings, Status.DONE)
    ImportJob.objects.filter(pk=finished.pk).update(upload="")  # done, its file left behind
    folder = Path(settings.IMPORT_UPLOAD_DIR)
    streaming = folder / "still-arriving.upload"
    streaming.write_bytes(b"Activity ID,")
    old = time.time() - 2 * 3600
    for name in (live.upload, finished.upload):
        os.utime(folder / name, (old, old))

    call_command("tidy_imports")
    assert sorted(p.name for p in folder.iterdir()) == sorted([live.upload, streaming.name])


def test_the_tidy_command_says_what_it_did(alice, settings, capsys):
    settings.IMPORT_LEASE_SECONDS = 60
    stored_job(alice, settings, heartbeat_at=timezone.now() - timedelta(minutes=2))
    call_command("tidy_imports")
    assert "1 stopped import settled, 0 uploads with no import removed." in capsys.readouterr().out


def test_a_database_error_during_an_import_is_not_blamed_on_the_file(alice_client, alice):
    job = job_of(upload(alice_client, "runs.csv", strava_csv(three_strava_rows())))
    dropped = OperationalError("server closed the connection unexpectedly")
    with mock.patch("journal.imports.pipeline.save_imported_rows", side_effect=dropped):
        confirm(alice_client, job)
    job.refresh_from_db()
    assert job.status == Status.FAILED
    assert job.error == tasks.NOT_WRITTEN
    assert "could not be written just now" in job.error
    assert job.error.startswith("The journal could not be written")  # the cause, first
    page = alice_client.get(reverse("journal:import_job", args=[job.pk])).content.decode()
    assert "could not be written just now, so nothing was imported" in page
    assert "Something went wrong while reading the file" not in page
    assert not Session.objects.filter(owner=alice).exists()


def test_cancel_of_a_finished_import_is_refused_and_deletes_nothing(alice_client, alice):
    job = job_of(upload(alice_client, "runs.csv", strava_csv(three_strava_rows())))
    confirm(alice_client, job)
    job.refresh_from_db()
    assert job.status == Status.DONE
    response = alice_client.post(reverse("journal:import_cancel", args=[job.pk]), follow=True)
    page = response.content.decode()
    assert "already finished, so there is nothing to cancel" in page
    assert "is cancelled" not in page
    assert ImportJob.objects.filter(pk=job.pk, status=Status.DONE).exists()
    assert Session.objects.filter(owner=alice).count() == 3


def test_cancel_of_a_stopped_import_is_refused_too(alice_client, alice, settings):
    job = stored_job(alice, settings, Status.FAILED, error="x")
    response = alice_client.post(reverse("journal:import_cancel", args=[job.pk]), follow=True)
    assert "already stopped, so there is nothing to cancel" in response.content.decode()
    assert ImportJob.objects.filter(pk=job.pk).exists()


def test_cancel_is_offered_while_a_job_waits_or_runs(alice_client, alice, settings):
    cancel = "Cancel the import and delete the file"
    running = stored_job(alice, settings, heartbeat_at=timezone.now())
    page = alice_client.get(reverse("journal:import_job", args=[running.pk])).content.decode()
    assert cancel in page
    assert cancel in alice_client.get(reverse("journal:account")).content.decode()
    waiting = stored_job(alice, settings, Status.PREVIEWING)
    page = alice_client.get(reverse("journal:import_job", args=[waiting.pk])).content.decode()
    assert "Cancel and delete the file" in page

    response = alice_client.post(reverse("journal:import_cancel", args=[running.pk]), follow=True)
    assert "cancelled and its file deleted; nothing was imported" in response.content.decode()
    assert not ImportJob.objects.filter(pk=running.pk).exists()


def test_a_job_cancelled_while_it_writes_rolls_its_rows_back(alice_client, alice):
    job = job_of(upload(alice_client, "runs.csv", strava_csv(three_strava_rows())))
    written = tasks.imports.save_imported_rows

    def cancelled_meanwhile(owner, sessions, checkins):
        result = written(owner, sessions, checkins)
        ImportJob.objects.filter(pk=job.pk).delete()  # what Cancel does, at this moment
        return result

    with mock.patch("journal.imports.pipeline.save_imported_rows", cancelled_meanwhile):
        confirm(alice_client, job)
    # The worker found its job gone as it finished, and rolled its rows back. (Here the
    # deletion ran in the worker's own transaction, so it was rolled back with them; a
    # real Cancel is a transaction of its own and stays done.)
    assert not Session.objects.filter(owner=alice).exists()
