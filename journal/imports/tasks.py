"""The background tasks of an import (django-tasks; the worker is `manage.py db_worker`).

An upload becomes an ImportJob; `prepare_import` reads the file once for its
preview, and after the person confirms, `run_import` reads it again and
writes. Both are safe to run twice (a job moves on only from the state it
expects) and cope with the job vanishing (the person deleted their account).

Progress: the rows are read and validated first, outside any transaction,
and the count is stored on the job in short autocommit updates; only then are
the valid rows written, in one transaction. A separate connection for
progress inside the write transaction would wait on SQLite's single writer,
and reading first keeps that transaction (and the owner's lock) short.
"""

import logging
import time
import uuid
from collections.abc import Callable

from django.utils import timezone
from django_tasks import TaskResultStatus, task

from journal.core.services import profile_for
from journal.imports import exchange, journal_preview
from journal.imports import pipeline as imports
from journal.imports.models import ImportJob
from journal.imports.parsers import UnreadableFile

logger = logging.getLogger(__name__)
Status = ImportJob.Status
FAILED_SILENTLY = "Something went wrong while reading the file. Nothing was imported."


class Progress:
    """The parser's progress(done, total) callback: stored at most twice a second."""

    def __init__(self, job_id: int, every: float = 0.5):
        self.job_id, self.every, self.last = job_id, every, 0.0

    def __call__(self, done: int, total: int | None) -> None:
        now = time.monotonic()
        if now - self.last >= self.every or (total is not None and done >= total):
            self.last = now
            ImportJob.objects.filter(pk=self.job_id).update(done=done, total=total)


def _finish(job_id: int, **fields) -> None:
    ImportJob.objects.filter(pk=job_id).update(finished_at=timezone.now(), **fields)


def _refuse(job: ImportJob, message: str) -> None:
    job.delete_upload()
    _finish(job.pk, status=Status.FAILED, error=message, upload="")


def forget(job: ImportJob) -> None:
    """Remove a job, its upload, and its task unless a worker has started it.

    A task already running is left to its worker (removing its row under it
    would stop the worker); it finds its job gone and writes nothing.
    """
    from django_tasks_db.models import DBTaskResult

    job.delete_upload()
    try:
        task_id = uuid.UUID(job.task_id)
    except ValueError:  # not a database backend's id (the immediate backend in tests)
        task_id = None
    if task_id is not None:
        DBTaskResult.objects.filter(id=task_id, status=TaskResultStatus.READY).delete()
    job.delete()


def _attempt(job: ImportJob, step: str, work: Callable[[], dict]) -> dict | None:
    """One step of an import (its preview or its writing). A file the parsers refuse ends
    the job with their message; anything else ends it with a plain one, logged in full."""
    try:
        return work()
    except (UnreadableFile, exchange.ImportRefused) as refusal:
        _refuse(job, f"{refusal} Nothing was imported.")
    except Exception:
        logger.exception("%s of import %s failed", step, job.pk)
        _refuse(job, FAILED_SILENTLY)
    return None


def activity_preview(job: ImportJob) -> dict:
    profile = profile_for(job.owner)
    options = imports.make_options(profile, job.options)
    return imports.preview_dict(
        job.upload_path, job.source, options, profile, progress=Progress(job.pk)
    )


@task()
def prepare_import(job_id: int) -> None:
    job = ImportJob.objects.filter(pk=job_id, status=Status.PREVIEWING).first()
    if job is None:
        return
    if job.kind == ImportJob.Kind.JOURNAL:
        preview = _attempt(
            job, "Preview", lambda: journal_preview.preview(job.owner, job.upload_path.read_bytes())
        )
    else:
        preview = _attempt(job, "Preview", lambda: activity_preview(job))
    if preview is None:
        return
    ImportJob.objects.filter(pk=job_id, status=Status.PREVIEWING).update(
        status=Status.READY, preview=preview
    )


def _run(job: ImportJob) -> dict:
    if job.kind == ImportJob.Kind.JOURNAL:
        raw = job.upload_path.read_bytes()
        journal = exchange.import_journal(
            job.owner, raw, apply_profile=bool(job.options.get("apply_profile"))
        )
        rejected = [{"line": None, "reason": line} for line in journal.rejected]
        return {
            "source": "journal",
            "sessions": journal.imported_sessions,
            "checkins": journal.imported_checkins,
            "experiments": journal.imported_experiments,
            "dates": journal.dates,
            "skipped": len(journal.skipped),
            "skipped_rows": [{"line": None, "reason": line} for line in journal.skipped[:1000]],
            "rejected": rejected,
            "rejected_total": len(rejected),
            "profile_applied": bool(job.options.get("apply_profile")),
        }
    options = imports.make_options(profile_for(job.owner), job.options)
    return imports.import_file(
        job.owner, job.upload_path, job.source, options, progress=Progress(job.pk)
    )


@task()
def run_import(job_id: int) -> None:
    # Claim the job: a second run of the same task finds it no longer queued.
    if not ImportJob.objects.filter(pk=job_id, status=Status.QUEUED).update(
        status=Status.RUNNING, done=0, total=None
    ):
        return
    job = ImportJob.objects.filter(pk=job_id).first()
    if job is None:
        return
    report = _attempt(job, "Import", lambda: _run(job))
    if report is None:
        return
    job.delete_upload()
    _finish(job_id, status=Status.DONE, report=report, upload="")
