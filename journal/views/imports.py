"""The web import: upload, preview and mapping, confirm, progress, report.

Each request only stores, reads or queues: the file is read by the
background tasks (journal.tasks), so no request holds a worker for long.
"""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import OperationalError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST

from journal import exchange, import_lease, importers, imports, tasks
from journal.import_forms import SOURCE_CHOICES, MappingForm, SourceForm
from journal.importjob import ImportJob
from journal.uploads import ImportUploadHandler, content_length, limit_bytes, too_large_message

Status = ImportJob.Status
STALE_AFTER = timedelta(days=1)
RECENT_JOBS = 5
MULTIPART_SLACK = 64 * 1024  # the form's other fields and boundaries around the file


def sniff_source(path, name: str) -> tuple[str, str] | None:
    """(kind, source) of a stored upload: our own JSON, or one of the parsers' sources."""
    with open(path, "rb") as handle:
        start = handle.read(512).lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"{") or name.lower().endswith(".json"):
        return ImportJob.Kind.JOURNAL, "journal"
    source = importers.detect(path, name)  # UnreadableFile says why it cannot be read
    return (ImportJob.Kind.ACTIVITIES, source) if source else None


def _start_page(request, form, error=None, status=200):
    jobs = ImportJob.objects.filter(owner=request.user)[:RECENT_JOBS]
    context = {"form": form, "error": error, "jobs": jobs, "limit_mb": limit_bytes() // 2**20}
    return render(request, "journal/import.html", context, status=status)


@login_required
@csrf_exempt  # checked by _receive_upload, once the upload handler is in place
@require_http_methods(["GET", "POST"])
def import_start(request):
    if request.method == "GET":
        return _start_page(request, SourceForm())
    # Refuse from the declared length alone, before reading any of the body.
    declared = content_length(request)
    if declared > limit_bytes() + MULTIPART_SLACK:
        return _start_page(request, SourceForm(), too_large_message(declared), status=413)
    handler = ImportUploadHandler(request)
    request.upload_handlers = [handler]
    try:
        return _receive_upload(request, handler)
    finally:
        handler.discard()  # whatever the view did not hand to a job


@csrf_protect
def _receive_upload(request, handler):
    form = SourceForm(request.POST)
    if handler.refused:
        return _start_page(request, form, handler.refused, status=413)
    stored = handler.stored
    if stored is None:
        return _start_page(request, form, "Choose a file to import.")
    if stored.size == 0:
        return _start_page(request, form, "The file is empty. Nothing was imported.")
    if not form.is_valid():
        return _start_page(request, form)
    chosen = form.cleaned_data["source"]
    if chosen == "journal":
        found = (ImportJob.Kind.JOURNAL, "journal")
    elif chosen:
        found = (ImportJob.Kind.ACTIVITIES, chosen)
    else:
        try:
            found = sniff_source(stored.path, stored.name)
        except importers.UnreadableFile as refusal:
            return _start_page(request, form, f"{refusal} Nothing was imported.")
    if found is None:
        return _start_page(
            request,
            form,
            "This file is not one this app can read: choose an export from one of the apps "
            "listed. Nothing was imported.",
        )
    if found[0] == ImportJob.Kind.JOURNAL:
        try:
            exchange.refuse_if_too_large(stored.size)
        except exchange.ImportRefused as refusal:
            return _start_page(request, form, f"{refusal} Nothing was imported.")
    # A preview nobody confirmed within a day is dropped with its file.
    stale = ImportJob.objects.filter(
        owner=request.user, status=Status.READY, created_at__lt=timezone.now() - STALE_AFTER
    )
    for old in stale:
        tasks.forget(old)
    job = ImportJob.objects.create(
        owner=request.user,
        kind=found[0],
        source=found[1],
        file_name=stored.name[:200],
        upload=handler.keep().name,
    )
    result = tasks.prepare_import.enqueue(job.pk)
    ImportJob.objects.filter(pk=job.pk).update(task_id=str(result.id))
    return redirect("journal:import_job", pk=job.pk)


def _job_context(job, form=None):
    context = {
        "job": job,
        "polling": job.status in {Status.PREVIEWING, Status.QUEUED, Status.RUNNING},
        "source_name": dict(SOURCE_CHOICES).get(job.source, job.source),
    }
    if job.status == Status.READY:
        context["form"] = form or MappingForm(preview=job.preview, kind=job.kind)
    if job.status == Status.DONE:
        context["summary"] = imports.summary(job.report)
    return context


@login_required
def import_job(request, pk):
    import_lease.settle_lapsed(owner=request.user)  # a job whose worker died says so
    job = get_object_or_404(ImportJob, pk=pk, owner=request.user)
    template = "journal/import_job.html"
    if request.htmx:
        template += "#job"
    return render(request, template, _job_context(job))


@login_required
@require_POST
def import_confirm(request, pk):
    job = get_object_or_404(ImportJob, pk=pk, owner=request.user, status=Status.READY)
    form = MappingForm(request.POST, preview=job.preview, kind=job.kind)
    importing = request.POST.get("action") != "update"
    if not form.is_valid() or (importing and not form.check_moods_mapped()):
        return render(request, "journal/import_job.html", _job_context(job, form))
    job.options = form.options()
    job.status = Status.QUEUED if importing else Status.PREVIEWING
    job.done, job.total = 0, None
    job.heartbeat_at, job.task_id = None, ""  # waiting for a worker again, with a new task
    job.save(update_fields=["options", "status", "done", "total", "heartbeat_at", "task_id"])
    task = tasks.run_import if importing else tasks.prepare_import
    result = task.enqueue(job.pk)
    ImportJob.objects.filter(pk=job.pk).update(task_id=str(result.id))
    return redirect("journal:import_job", pk=job.pk)


FINISHED_ALREADY = {
    Status.DONE: "This import has already finished, so there is nothing to cancel: "
    "what it imported stays in your journal.",
    Status.FAILED: "This import has already stopped, so there is nothing to cancel.",
}
BUSY = "This import is saving its rows this very moment; try Cancel again in a few seconds."


@login_required
@require_POST
def import_cancel(request, pk):
    """Cancel a job at any step before it ends; a finished one is kept, with its rows.

    A running job's rows are rolled back: the worker marks it done only inside its
    write transaction, and only while it still exists (journal.tasks)."""
    job = get_object_or_404(ImportJob, pk=pk, owner=request.user)
    try:
        cancelled = tasks.cancel(job)
    except OperationalError:  # SQLite: the import's write holds the database for a moment
        messages.error(request, BUSY)
        return redirect("journal:import_job", pk=job.pk)
    if not cancelled:
        job.refresh_from_db()
        messages.error(request, FINISHED_ALREADY.get(job.status, FINISHED_ALREADY[Status.FAILED]))
        return redirect("journal:import_job", pk=job.pk)
    messages.success(request, "The import is cancelled and its file deleted; nothing was imported.")
    return redirect("journal:import")
