"""What the import tests do as a person would: upload a file, confirm its preview."""

from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from journal.imports import pipeline as imports
from journal.imports.models import ImportJob

Status = ImportJob.Status


def upload(client, name: str, body: bytes, source: str = ""):
    return client.post(
        reverse("journal:import"), {"file": SimpleUploadedFile(name, body), "source": source}
    )


def job_of(response) -> ImportJob:
    assert response.status_code == 302, response.content.decode()[:2000]
    return ImportJob.objects.get(pk=int(response.url.rstrip("/").rsplit("/", 1)[1]))


def confirm(client, job, **fields):
    """Confirm the preview as shown (each select at its default), with `fields` changed."""
    job.refresh_from_db()
    shown = {
        f"type_{i}": imports.target_of(row["activity"], row["style"])
        for i, row in enumerate(job.preview.get("types", []))
    }
    shown |= {f"mood_{i}": row["mood"] or "" for i, row in enumerate(job.preview.get("moods", []))}
    return client.post(
        reverse("journal:import_confirm", args=[job.pk]), {"action": "import", **shown, **fields}
    )


def type_field(job, name) -> str:
    index = [row["name"] for row in job.preview["types"]].index(name)
    return f"type_{index}"


def uploads_left(settings) -> list:
    folder = Path(settings.IMPORT_UPLOAD_DIR)
    return list(folder.iterdir()) if folder.exists() else []
