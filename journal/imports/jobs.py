"""An import job's life as the pages start it: what the file is, the job and its preview
task, the confirmed mapping and the import task, and cancelling.

The tasks themselves (journal.imports.tasks) read the file; these functions only store,
read a few bytes, or queue, so no request holds a worker for long.
"""

from datetime import timedelta

from django.utils import timezone

from journal.imports import parsers, tasks
from journal.imports.models import ImportJob

STALE_AFTER = timedelta(days=1)  # a preview nobody confirmed within a day is dropped


def sniff_source(path, name: str) -> tuple[str, str] | None:
    """(kind, source) of a stored upload: our own JSON, or one of the parsers' sources."""
    with open(path, "rb") as handle:
        start = handle.read(512).lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"{") or name.lower().endswith(".json"):
        return ImportJob.Kind.JOURNAL, "journal"
    source = parsers.detect(path, name)  # UnreadableFile says why it cannot be read
    return (ImportJob.Kind.ACTIVITIES, source) if source else None


def _enqueue(job: ImportJob, task) -> None:
    result = task.enqueue(job.pk)
    ImportJob.objects.filter(pk=job.pk).update(task_id=str(result.id))


def start(owner, kind: str, source: str, file_name: str, upload: str) -> ImportJob:
    """A job for an upload kept under IMPORT_UPLOAD_DIR, its preview queued; the owner's
    stale previews are dropped with their files first."""
    stale = ImportJob.objects.filter(
        owner=owner,
        status=ImportJob.Status.READY,
        created_at__lt=timezone.now() - STALE_AFTER,
    )
    for old in stale:
        tasks.forget(old)
    job = ImportJob.objects.create(
        owner=owner, kind=kind, source=source, file_name=file_name[:200], upload=upload
    )
    _enqueue(job, tasks.prepare_import)
    return job


def confirm(job: ImportJob, options: dict, importing: bool) -> None:
    """The mapping the person confirmed: import with it, or (`importing` false) read the
    preview again with it."""
    job.options = options
    job.status = ImportJob.Status.QUEUED if importing else ImportJob.Status.PREVIEWING
    job.done, job.total = 0, None
    job.save(update_fields=["options", "status", "done", "total"])
    _enqueue(job, tasks.run_import if importing else tasks.prepare_import)


def cancel(job: ImportJob) -> None:
    """Remove a job and its upload (a job already writing is left to finish)."""
    tasks.forget(job)
