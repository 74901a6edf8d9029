from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.utils import timezone

from journal.imports import exchange


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
