"""The web import: upload, preview and mapping, confirm, progress, report.

Each request only stores, reads or queues: the file is read by the
background tasks (journal.imports.tasks), so no request holds a worker for long.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST

from journal import imports
from journal.core.services import profile_for
from journal.imports import exchange, pipeline
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
    job = get_object_or_404(ImportJob, pk=pk, owner=request.user)
    if job.status == Status.RUNNING:
        messages.error(request, "This import is already writing; it cannot be stopped now.")
        return redirect("journal:import_job", pk=job.pk)
    imports.cancel(job)
    messages.success(request, "The import is cancelled and its file deleted.")
    return redirect("journal:import")
