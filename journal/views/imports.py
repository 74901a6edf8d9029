"""The web import: upload, preview and mapping, confirm, progress, report.

Each request only stores, reads or queues: the file is read by the
background tasks (journal.imports.tasks), so no request holds a worker for long.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import OperationalError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST

from journal import imports
from journal.core.services import profile_for
from journal.imports import exchange, pipeline
from journal.imports import lease as import_lease
from journal.imports import parsers as importers
from journal.imports.forms import SOURCE_CHOICES, MappingForm, SourceForm
from journal.imports.models import ImportJob
from journal.imports.uploads import (
    ImportUploadHandler,
    content_length,
    limit_bytes,
    too_large_message,
)

Status = ImportJob.Status
RECENT_JOBS = 5
MULTIPART_SLACK = 64 * 1024  # the form's other fields and boundaries around the file


def _start_page(request, form, error=None, status=200):
    jobs = ImportJob.objects.filter(owner=request.user)[:RECENT_JOBS]
    context = {"form": form, "error": error, "jobs": jobs, "limit_mb": limit_bytes() // 2**20}
    return render(request, "journal/imports/import.html", context, status=status)


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
            found = imports.sniff_source(stored.path, stored.name)
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
    job = imports.start(request.user, *found, file_name=stored.name, upload=handler.keep().name)
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
        context["summary"] = pipeline.summary(job.report)
    return context


@login_required
def import_job(request, pk):
    import_lease.settle_lapsed(owner=request.user)  # a job whose worker died says so
    job = get_object_or_404(ImportJob, pk=pk, owner=request.user)
    template = "journal/imports/import_job.html"
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
        return render(request, "journal/imports/import_job.html", _job_context(job, form))
    imports.confirm(job, form.options(), importing)
    return redirect("journal:import_job", pk=job.pk)


FINISHED_ALREADY = {
    Status.DONE: "This import has already finished, so there is nothing to cancel: "
    "what it imported stays in your journal.",
    Status.FAILED: "This import has already stopped, so there is nothing to cancel.",
}
BUSY = "This import is saving its rows this very moment; try Cancel again in a few seconds."


@login_required
def import_dashboard(request, pk):
    """After an import: the dashboard on a range that covers what arrived, with one line
    saying what that was (a message, so the cached page is rendered afresh around it)."""
    job = get_object_or_404(ImportJob, pk=pk, owner=request.user, status=Status.DONE)
    messages.success(request, pipeline.arrived(job.report))
    range_key = pipeline.covering_range(job.report, profile_for(request.user).today())
    return redirect(f"{reverse('journal:dashboard')}?range={range_key}#charts")


@login_required
@require_POST
def import_cancel(request, pk):
    """Cancel a job at any step before it ends; a finished one is kept, with its rows.

    A running job's rows are rolled back: the worker marks it done only inside its
    write transaction, and only while it still exists (journal.imports.tasks)."""
    job = get_object_or_404(ImportJob, pk=pk, owner=request.user)
    try:
        cancelled = imports.cancel(job)
    except OperationalError:  # SQLite: the import's write holds the database for a moment
        messages.error(request, BUSY)
        return redirect("journal:import_job", pk=job.pk)
    if not cancelled:
        job.refresh_from_db()
        messages.error(request, FINISHED_ALREADY.get(job.status, FINISHED_ALREADY[Status.FAILED]))
        return redirect("journal:import_job", pk=job.pk)
    messages.success(request, "The import is cancelled and its file deleted; nothing was imported.")
    return redirect("journal:import")
