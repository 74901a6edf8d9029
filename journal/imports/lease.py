"""An import survives the death of its worker: a lease, settled jobs, no lost files.

While a worker reads or writes a job's file it renews the job's lease (its
heartbeat_at) every quarter of settings.IMPORT_LEASE_SECONDS, from a thread of
its own, so the lease stays fresh through the long write transaction too. A job
whose lease has lapsed lost its worker (killed, out of memory, the machine
restarted): it is *settled* as failed, with its upload deleted. It is not run
again: the write is one transaction that died with its worker, so nothing was
imported, and a file that killed a worker once would kill the next one too. The
person reads that the import stopped and can start it again.

A job can never end both failed and written: the worker marks it done inside
its write transaction, and only while it is still running (tasks.run_import),
so a job settled or cancelled meanwhile rolls its rows back.

Settling happens when a worker starts and every quarter lease while it runs
(journal/management/commands/db_worker.py), when the person looks at the job
or their account, and in `manage.py tidy_imports`, which also removes uploads
that no live job holds.
"""

import logging
import threading
import time
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone

from journal.imports.models import ImportJob, upload_dir

logger = logging.getLogger(__name__)
Status = ImportJob.Status
ACTIVE = [Status.PREVIEWING, Status.RUNNING]  # a worker holds the job's file
WAITING = [Status.PREVIEWING, Status.QUEUED]  # queued for a worker
LIVE = [Status.PREVIEWING, Status.READY, Status.QUEUED, Status.RUNNING]
STOPPED = (
    "The import stopped before it finished: the worker running it ended. "
    "Nothing was imported. Start it again from the import page."
)
READING_STOPPED = (
    "Reading the file stopped before it finished: the worker reading it ended. "
    "Nothing was imported. Start it again from the import page."
)
# An upload no live job holds is removed once it has been left alone this long (a
# file still streaming in is written to all the time, and has no job yet).
ORPHAN_AFTER = timedelta(hours=1)


def lease() -> timedelta:
    return timedelta(seconds=settings.IMPORT_LEASE_SECONDS)


def beat_every() -> float:
    return settings.IMPORT_LEASE_SECONDS / 4


def renew(job_id: int) -> int:
    """Renew the job's lease (while a worker holds it); 0 when the job is not active."""
    return ImportJob.objects.filter(pk=job_id, status__in=ACTIVE).update(
        heartbeat_at=timezone.now()
    )


class Heartbeat:
    """`with Heartbeat(job_id):` renews the lease from a thread while the block runs.

    The thread has a database connection of its own. On SQLite it waits while the
    import's write transaction holds the database; that transaction marks the job
    done (or rolls back) before a waiting settle can see the lease lapse.
    """

    def __init__(self, job_id: int):
        self.job_id = job_id
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name=f"import-{job_id}", daemon=True)

    def _run(self) -> None:
        try:
            while not self.stop.wait(beat_every()):
                try:
                    renew(self.job_id)
                except DatabaseError:  # a dropped connection: the next beat tries again
                    logger.warning("The lease of import %s was not renewed", self.job_id)
                    connection.close()
        finally:
            connection.close()

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc_info):
        self.stop.set()
        self.thread.join()
        return False


def _fail_task(task_id: str) -> None:
    """The worker's task record of a settled job says failed, not running for ever."""
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    try:
        key = uuid.UUID(task_id)
    except ValueError:
        return
    DBTaskResult.objects.filter(
        id=key, status__in=[TaskResultStatus.RUNNING, TaskResultStatus.READY]
    ).update(status=TaskResultStatus.FAILED, finished_at=timezone.now())


def _settle(job: ImportJob, message: str, **still) -> bool:
    """Fail one job if it is still as it was found; delete its upload."""
    done = ImportJob.objects.filter(pk=job.pk, status=job.status, **still).update(
        status=Status.FAILED, error=message, upload="", finished_at=timezone.now()
    )
    if done:
        job.delete_upload()
        _fail_task(job.task_id)
        logger.warning("Import %s settled: %s", job.pk, message)
    return bool(done)


def _orphaned_tasks(jobs: list[ImportJob], cutoff) -> set[str]:
    """Task ids of waiting jobs whose task a worker took but never ran to the job."""
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    ids = {}
    for job in jobs:
        try:
            ids[uuid.UUID(job.task_id)] = job.task_id
        except ValueError:
            continue
    taken = DBTaskResult.objects.filter(id__in=list(ids), started_at__lt=cutoff).exclude(
        status=TaskResultStatus.READY
    )
    return {ids[key] for key in taken.values_list("id", flat=True)}


def settle_lapsed(owner=None) -> int:
    """Fail every job whose worker died (its lease lapsed); how many were settled.

    Also a job still waiting whose task a worker took more than a lease ago and
    never started (it died in between), so nothing waits for ever.
    """
    cutoff = timezone.now() - lease()
    jobs = ImportJob.objects.all() if owner is None else ImportJob.objects.filter(owner=owner)
    settled = 0
    for job in jobs.filter(status__in=ACTIVE, heartbeat_at__lt=cutoff):
        message = STOPPED if job.status == Status.RUNNING else READING_STOPPED
        settled += _settle(job, message, heartbeat_at__lt=cutoff)
    waiting = list(jobs.filter(status__in=WAITING, heartbeat_at__isnull=True).exclude(task_id=""))
    if waiting:
        orphaned = _orphaned_tasks(waiting, cutoff)
        for job in waiting:
            if job.task_id in orphaned:
                message = STOPPED if job.status == Status.QUEUED else READING_STOPPED
                settled += _settle(job, message, heartbeat_at__isnull=True)
    return settled


def remove_orphan_uploads(older_than: timedelta = ORPHAN_AFTER) -> int:
    """Delete uploads that no live job holds (a job that ended without deleting its
    file, a worker killed between its write and the delete); how many were removed."""
    folder = upload_dir()
    if not folder.is_dir():
        return 0
    held = set(ImportJob.objects.filter(status__in=LIVE).values_list("upload", flat=True))
    before = time.time() - older_than.total_seconds()
    removed = 0
    for path in folder.glob("*.upload"):
        try:
            if path.name not in held and path.stat().st_mtime < before:
                path.unlink()
                removed += 1
        except FileNotFoundError:  # removed meanwhile
            continue
    return removed


def tidy() -> tuple[int, int]:
    """What a worker does as it starts, and now and then: (jobs settled, files removed)."""
    return settle_lapsed(), remove_orphan_uploads()
