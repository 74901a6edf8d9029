from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from journal import exchange
from journal.forms import ImportForm
from journal.views.common import changed


@login_required
def export_download(request, fmt):
    stamp = timezone.now().strftime("%Y-%m-%d")
    if fmt == "csv":
        body, kind, name = exchange.export_csv_zip(request.user), "application/zip", "zip"
    else:
        body, kind, name = exchange.export_json(request.user), "application/json", "json"
    response = HttpResponse(body, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="movement-journal-{stamp}.{name}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            report = exchange.import_journal(request.user, upload.read())
        except exchange.ImportRefused as refusal:
            form.add_error("file", f"{refusal} Nothing was imported.")
        else:
            messages.success(request, report.summary())
    response = render(request, "journal/import.html", {"form": form, "report": report})
    return changed(response) if report else response
